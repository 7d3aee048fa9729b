"""A worker process killed in the middle of `workbench check --jobs 2` (the kernel's OOM
killer, an operator's kill -9): the run ends at once with one sentence, and an --output file
is not written. It hung: Python 3.11's executor waited for the other worker, which sat blocked
on the task queue's lock the dead one held."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "07SEOUL219.txt"


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_a_killed_worker_ends_the_check_in_one_sentence(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    data = SAMPLE.read_bytes()
    for i in range(20_000):
        (archive / f"{i:05d}.txt").write_bytes(data)
    out = tmp_path / "due.csv"
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "check", str(archive), "--jobs", "2",
         "--output", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the check started no workers"
    time.sleep(0.5)  # both at work
    os.kill(workers[0], signal.SIGKILL)
    try:
        _stdout, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("the check hung after a worker was killed")
    assert proc.returncode == 1
    assert "a worker process ended before its cables were checked" in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    assert not out.exists()
