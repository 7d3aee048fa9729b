"""A worker process killed in the middle of `workbench check|parse|suggest --jobs 2` (the
kernel's OOM killer, an operator's kill -9): the run ends at once with one sentence, and an
--output file is not written. Each hung: Python 3.11's executor waited for the other worker,
which sat blocked on the task queue's lock the dead one held (check), and
multiprocessing.Pool never notices a dead worker at all (parse, suggest)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from processes import children, sample_archive

ROOT = Path(__file__).resolve().parents[2]


# Enough cables that each command is still at work well after its workers exist.
COMMANDS = {
    "check": (["check", "{archive}", "--jobs", "2", "--output", "{out}"], 20_000),
    "parse": (["parse", "{archive}", "--jobs", "2"], 20_000),
    "suggest": (["suggest", "{archive}", "--jobs", "2"], 2_000),
}


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_killed_worker_ends_the_run_in_one_sentence(tmp_path: Path, command: str) -> None:
    args, count = COMMANDS[command]
    archive = sample_archive(tmp_path / "archive", count)
    out = tmp_path / "due.csv"
    argv = [a.format(archive=archive, out=out) for a in args]
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", *argv],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, f"{command} started no workers"
    # Any moment will do: a dead worker breaks the pool whether it was busy or waiting.
    os.kill(workers[0], signal.SIGKILL)
    try:
        _stdout, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"{command} hung after a worker was killed")
    assert proc.returncode == 1, stderr
    assert "a worker process ended before its cables were" in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    assert not out.exists()
