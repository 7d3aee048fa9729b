"""A worker killed in the middle of sending a large result (parse sends each chunk's JSON):
Python 3.11's executor then waits for ever in recv() for the rest of the message, without
looking at its workers again, and `parse --jobs 2` hung (once in some fifty runs of the
killed-worker test, under load). Here a worker writes half a message and dies, every time."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import multiprocessing, os, struct, sys
    from workbench.safeio.workers import WorkerLost, ordered_map

    def work(chunk):
        if chunk == [3]:
            frame = sys._getframe()
            while "result_queue" not in frame.f_locals:
                frame = frame.f_back
            writer = frame.f_locals["result_queue"]._writer
            os.write(writer.fileno(), struct.pack("!i", 1_000_000) + b"half a result")
            os._exit(1)
        return chunk

    try:
        print(list(ordered_map(work, ([i] for i in range(100)), 2,
                               multiprocessing.get_context("fork"))))
    except WorkerLost:
        print("lost")
    """
)


def test_a_worker_dying_in_the_middle_of_a_result_ends_the_run() -> None:
    try:
        r = subprocess.run(
            [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        raise AssertionError("the run hung on a half-sent result") from None
    assert r.stdout.strip() == "lost", (r.stdout, r.stderr)
