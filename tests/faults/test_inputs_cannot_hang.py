"""No input can hang the workbench or exhaust its memory (issue 12, second item): a FIFO alone
or in a folder, a device, files far larger than their kind, a path under a regular file, a
user's regular expression that backtracks for ever."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import Case, clean, refused, wb

# Every command must give up on these inputs long before this.
BOUND = 30


@pytest.mark.parametrize(
    "make_args",
    [
        lambda c, f: ["parse", f],
        lambda c, f: ["check", f],
        lambda c, f: ["review", "show", f, "--store", c.store],
        lambda c, f: ["review", "import", f, c.decisions, "--store", c.store],
        lambda c, f: ["review", "import", c.cable, f, "--store", c.store],
        lambda c, f: ["review", "export", f, "--store", c.store],
        lambda c, f: ["review", "log", f, "--store", c.store],
        lambda c, f: ["review", "find", "Kim", f],
        lambda c, f: ["review", "codes", "--add", f],
        lambda c, f: ["export", f, "--store", c.store, "--out", c.folder / "o.pdf"],
        lambda c, f: ["export", c.cable, "--decisions", f, "--out", c.folder / "o.pdf"],
        lambda c, f: ["verify", f, "--cable", c.cable, "--store", c.store],
        lambda c, f: ["verify", c.folder / "x.pdf", "--cable", f, "--store", c.store],
        lambda c, f: ["index", f, "--store", c.store, "--out", c.folder / "i.csv"],
        lambda c, f: ["review", "list", "--store", f],
    ],
    ids=[
        "parse",
        "check",
        "review-show",
        "review-import-cable",
        "review-import-decisions",
        "review-export",
        "review-log",
        "review-find",
        "review-codes-add",
        "export-cable",
        "export-decisions",
        "verify-pdf",
        "verify-cable",
        "index",
        "review-list-store",
    ],
)
def test_a_fifo_is_named_and_skipped(case: Case, fifo: Path, make_args) -> None:  # type: ignore[no-untyped-def]
    r = wb(*make_args(case, fifo), timeout=BOUND)
    clean(r)
    if make_args(case, fifo)[0] != "check":  # check reports it as a read-error row
        refused(r, str(fifo))
    assert "named pipe" in r.stderr + r.stdout


@pytest.mark.parametrize("command", ["parse", "check", "index", "export", "find"])
def test_a_fifo_inside_a_folder_is_skipped(case: Case, command: str) -> None:
    os.mkfifo(case.folder / "pipe.txt")
    args = {
        "parse": ["parse", case.folder],
        "check": ["check", case.folder, "--format", "jsonl"],
        "index": ["index", case.folder, "--store", case.store, "--out", case.folder / "i.csv"],
        "export": ["export", case.folder, "--store", case.store, "--out", case.folder / "out"],
        "find": ["review", "find", "Kim", case.folder],
    }[command]
    r = wb(*args, timeout=BOUND)
    clean(r)
    assert "pipe.txt" in r.stderr + r.stdout and "named pipe" in r.stderr + r.stdout


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_at_once(device: str) -> None:
    r = wb("parse", device, timeout=BOUND)
    refused(r, device, "device")


def test_standard_input_that_never_ends_is_cut_off() -> None:
    import subprocess
    import sys

    from cli import ROOT

    with open("/dev/zero", "rb") as zero:
        r = subprocess.run(
            [sys.executable, "-m", "workbench", "parse", "-"],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=BOUND,
            cwd=ROOT,
        )
    refused(r, "standard input", "far more than any cable")


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def test_a_huge_decisions_file_is_refused_before_reading(case: Case) -> None:
    big = _sparse(case.folder / "big.json", 2 * 1024**3)
    r = wb("review", "import", case.cable, big, "--store", case.store, timeout=BOUND)
    refused(r, "big.json", "far larger")
    r = wb("export", case.cable, "--decisions", big, "--out", case.folder / "o.pdf")
    refused(r, "big.json", "far larger")


def test_a_huge_code_set_is_refused_before_reading(case: Case) -> None:
    big = _sparse(case.folder / "codes.csv", 2 * 1024**3)
    refused(wb("review", "codes", "--add", big, timeout=BOUND), "codes.csv", "far larger")


def test_a_huge_pdf_is_refused_before_reading(case: Case) -> None:
    big = _sparse(case.folder / "release.pdf", 4 * 1024**3)
    r = wb("verify", big, "--cable", case.cable, "--store", case.store, timeout=BOUND)
    refused(r, "release.pdf", "far larger")


def test_export_under_a_regular_file_is_refused(case: Case) -> None:
    r = wb("export", case.cable, "--store", case.store, "--out", case.cable / "x.pdf")
    refused(r, "not a folder")
    r = wb("export", case.folder, "--store", case.store, "--out", case.cable / "sub")
    refused(r, "not a folder")


def test_a_catastrophic_regex_is_stopped(case: Case) -> None:
    (case.folder / "aaa.txt").write_text(
        "UNCLASSIFIED\n\n1. (U) " + "a" * 40 + "b\n", encoding="utf-8"
    )
    r = wb("review", "find", "--regex", "(a|a)+$", case.folder / "aaa.txt", timeout=BOUND)
    refused(r, "too long")


def test_json_decisions_still_import(case: Case) -> None:
    # The bounded readers read what they should.
    r = wb("review", "import", case.cable, case.decisions, "--store", case.store)
    assert r.returncode == 0, r.stderr
    assert json.loads(case.decisions.read_text())["cable"] == "07SEOUL219"
