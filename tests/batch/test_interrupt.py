"""Ctrl-C during ``workbench check --jobs 2 --output``: exit 130 with one line, no traceback
from the parent or its workers, and no report (whole or partial) left behind."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "07SEOUL219.txt"


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_ctrl_c(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    data = SAMPLE.read_bytes()
    for i in range(6000):
        (archive / f"{i:05d}.txt").write_bytes(data)
    report = tmp_path / "report.jsonl"
    cmd = [sys.executable, "-m", "workbench", "check", str(archive), "--jobs", "2"]
    cmd += ["--format", "jsonl", "--output", str(report)]
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        start_new_session=True,  # its own group, as a terminal's foreground job is
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 30
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err.strip() == "workbench: interrupted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive"]
