"""Fixtures for the bad-input and fault tests: a reviewed sample cable in a folder of its own,
and the workbench run as a user would (a subprocess, with a time bound)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli import run_workbench
from corpus import SAMPLE

from workbench.cli import main

DECISIONS = {
    "cable": "07SEOUL219",
    "decisions": [
        {"paragraph": 1, "action": "release"},
        {"paragraph": 2, "action": "withhold", "codes": ["(b)(1)", "1.4(d)"]},
        {"paragraph": 3, "action": "partial", "spans": [{"match": "Kim", "codes": ["(b)(6)"]}]},
        {"paragraph": 4, "action": "release"},
        # The header's regions (a release prints a region only once it is decided).
        *(
            {"region": key, "action": "release"}
            for key in ("from", "to", "info", "passing:1", "eo", "tags", "subject", "refs")
        ),
        *({"region": key, "action": "release"} for key in ("classified_by", "signature")),
    ],
}


@dataclass
class Case:
    folder: Path
    cable: Path
    decisions: Path
    store: Path

    def snapshot(self) -> dict[str, str]:
        return snapshot(self.folder)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (temporary and hidden ones too) and a hash of its bytes."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            out[str(p.relative_to(folder))] = "link:" + os.readlink(p)
        elif p.is_file():
            out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
        elif p.is_dir():
            out[str(p.relative_to(folder)) + "/"] = "dir"
    return out


@pytest.fixture(autouse=True)
def reviewer_in_settings(_private_user_dirs: None) -> None:
    """A reviewer named in the (per-test) settings: a release from a decisions file says who
    decided it and refuses to guess, and these tests are about bad input, not that refusal."""
    from workbench.settings import Settings

    Settings(reviewer="R. Reviewer").save()


@pytest.fixture
def case(tmp_path: Path) -> Case:
    folder = tmp_path / "work"
    folder.mkdir()
    cable = folder / "07SEOUL219.txt"
    shutil.copy(SAMPLE, cable)
    decisions = folder / "07SEOUL219.json"
    decisions.write_text(json.dumps(DECISIONS), encoding="utf-8")
    store = folder / "reviews.sqlite3"
    with contextlib.redirect_stdout(open(os.devnull, "w")):
        assert main(["review", "import", str(cable), str(decisions), "--store", str(store)]) == 0
    return Case(folder, cable, decisions, store)


def wb(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: in this process (a second of start-up saved per call),
    stopped by SIGALRM after ``timeout``; ``check`` in a process of its own (it starts
    workers). See :func:`wb_process` for the tests where the process itself matters."""
    argv = [str(a) for a in args]
    if argv[0] == "check":
        return wb_process(*argv, timeout=timeout)
    from .fuzzing import run_in_process

    outcome = run_in_process(argv, bound=timeout)
    assert not outcome.hung, f"workbench {argv} did not finish within {timeout} s"
    return subprocess.CompletedProcess(argv, outcome.code or 0, outcome.stdout, outcome.stderr)


def wb_process(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_workbench(*(str(a) for a in args), timeout=timeout)


def refused(r: subprocess.CompletedProcess[str], *words: str) -> None:
    """A refusal in one sentence: exit 1 or 2, ``workbench:`` lines on stderr, no traceback."""
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode in (1, 2), (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert any(line.startswith("workbench: ") for line in lines), r.stderr
    assert "unexpected error" not in r.stderr, r.stderr
    for w in words:
        assert w.lower() in r.stderr.lower(), (w, r.stderr)


def clean(r: subprocess.CompletedProcess[str]) -> None:
    """No traceback and no crash, whatever the exit code (0, 1 or 2)."""
    assert "Traceback" not in r.stderr, r.stderr
    assert "unexpected error" not in r.stderr, r.stderr
    assert r.returncode in (0, 1, 2), (r.returncode, r.stderr)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    return p


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "64k") -> Iterator[Path]:
    """A tiny tmpfs mounted at ``folder`` (root only): a full disk to write to."""
    folder.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)])
    if r.returncode != 0:
        pytest.skip("cannot mount a small disk here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)])


def fill(folder: Path) -> None:
    """Fill the disk at ``folder`` to the last byte."""
    with open(folder / "filler", "wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"x" * 4096)
