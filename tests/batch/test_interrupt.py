"""Ctrl-C during ``workbench check --jobs 2 --output``: exit 130 with one line, no traceback
from the parent or its workers, and no report (whole or partial) left behind."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from processes import sample_archive, wait_for, writing

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_ctrl_c(tmp_path):
    archive = sample_archive(tmp_path / "archive", 6000)
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
    # Rows in the temporary report: the workers are past their start-up, at work.
    wait_for(lambda: writing(tmp_path), proc, "rows in the temporary report")
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err.strip() == "workbench: interrupted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive"]
