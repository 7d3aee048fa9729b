"""Helpers for tests that run ``workbench check`` over a large archive in a real process and
interrupt it: the archive of sample copies, a process's children, waits on events (a file
appearing, a file holding output), never on sleeps."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from corpus import SAMPLE


def sample_archive(folder: Path, n: int, distinct: bool = False) -> Path:
    """``folder`` holding ``n`` copies of the sample; with ``distinct`` each copy has a
    reference ID of its own (not counted as a copy of the others)."""
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        t = text.replace("SEOUL 000219", f"SEOUL {i:06d}") if distinct else text
        (folder / f"{i:05d}.txt").write_text(t, encoding="utf-8")
    return folder


def children(pid: int) -> list[int]:
    """The process ids of ``pid``'s children (Linux /proc); [] once it has gone."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def wait_for(
    ready: Callable[[], bool], proc: subprocess.Popen[str], what: str, timeout: float = 60
) -> None:
    """Poll until ``ready()``, failing if ``proc`` ends first or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, f"the run ended before {what}"
        assert time.monotonic() < deadline, f"no {what} within {timeout:.0f} s"
        time.sleep(0.02)


def writing(folder: Path) -> bool:
    """Whether a report's temporary file in ``folder`` holds output already: the run is past
    its start-up, its workers at work."""
    return any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in folder.iterdir())
