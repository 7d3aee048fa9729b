"""Bad input: one clear sentence naming the file, or a model with what could be read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.cable import CableError, parse_cable, read_cable
from workbench.cable.decode import MAX_CABLE_BYTES

ROOT = Path(__file__).resolve().parents[2]


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(CableError, match=r"empty\.txt is empty"):
        read_cable(f)


def test_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    with pytest.raises(CableError, match=r"photo\.jpg is a binary file"):
        read_cable(f)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CableError, match="does not exist"):
        read_cable(tmp_path / "nope.txt")


def test_folder_is_not_a_cable(tmp_path: Path) -> None:
    with pytest.raises(CableError, match="is a folder"):
        read_cable(tmp_path)


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with open(f, "wb") as out:
        out.truncate(50 * 1024 * 1024)
    assert f.stat().st_size > MAX_CABLE_BYTES
    with pytest.raises(CableError, match="far larger than any cable"):
        read_cable(f)


def test_text_that_is_not_a_cable_gives_a_model_with_warnings() -> None:
    c = parse_cable("Dear team,\n\nThe meeting moved to Tuesday.\n\nRegards\n")
    assert c.classification is None
    assert c.id is None
    assert "no classification line found" in c.warnings
    assert c.paragraphs  # the text is still there to read, as unnumbered blocks


def test_pathological_text_does_not_hang() -> None:
    # Long runs of label-like and banner-like tokens: every search is bounded.
    text = ("1. (C) " * 20000) + ("C O N F I D E N T I A L " * 2000) + ("¶" * 50000)
    start = time.perf_counter()
    parse_cable(text)
    assert time.perf_counter() - start < 10


def test_parse_command_reports_bad_files_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    good = tmp_path / "good.txt"
    good.write_text("C O N F I D E N T I A L SEOUL 000001\n\n1. (C) Text.\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "parse", str(tmp_path), "--format", "jsonl"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 1
    err = r.stderr.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("workbench: ") for line in err)
    assert "Traceback" not in r.stderr
    assert len(r.stdout.strip().splitlines()) == 1


def test_folder_walk_reads_only_cable_files_and_reports_unreadable_folders(tmp_path: Path) -> None:
    from workbench.cable.files import count_cable_paths, iter_cable_paths

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "B.TXT").write_text("x")
    (tmp_path / "noext").write_text("x")
    (tmp_path / "INDEX.tsv").write_text("x")
    (tmp_path / "README.md").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text("x")
    names = [p.name for p in iter_cable_paths([str(tmp_path)])]
    assert names == ["B.TXT", "a.txt", "noext", "c.txt"]
    assert count_cable_paths([str(tmp_path)]) == 4
    # A file named explicitly is read whatever its name.
    assert [p.name for p in iter_cable_paths([str(tmp_path / "INDEX.tsv")])] == ["INDEX.tsv"]
    if os.geteuid() != 0:  # root reads everything; the check means nothing there
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0)
        try:
            assert locked in list(iter_cable_paths([str(tmp_path)]))
        finally:
            locked.chmod(0o755)


def test_parse_jsonl_lines_never_split_on_unicode_line_breaks(tmp_path: Path) -> None:
    # str.splitlines() (and so many JSONL readers) breaks lines at U+2028, U+2029 and U+0085:
    # each must reach the output escaped, whichever step escapes it.
    for i, ch in enumerate(("\u2028", "\u2029", "\x85")):
        (tmp_path / f"c{i}.txt").write_text(
            f"C O N F I D E N T I A L SEOUL 00000{i}\n\n1. (C) One{ch}two.\n", encoding="utf-8"
        )
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "parse", str(tmp_path), "--format", "jsonl"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 3
    texts = [json.loads(line)["paragraphs"][0]["text"] for line in lines]
    assert texts == ["1. (C) One\u2028two.", "1. (C) One\u2029two.", "1. (C) One\x85two."]


def test_reading_goes_on_past_the_stated_size_and_stops_at_the_limit(tmp_path: Path) -> None:
    from workbench.safeio import InputError
    from workbench.safeio.reading import read_limited

    f = tmp_path / "c.txt"
    f.write_bytes(b"x" * 1000)
    assert read_limited(f, 1000) == b"x" * 1000
    with pytest.raises(InputError):
        read_limited(f, 999)
    # Files that state no size (Linux /proc) are read to their end all the same.
    status = Path("/proc/self/status")
    if status.exists():
        assert read_limited(status, 1 << 20).startswith(b"Name:")
        assert len(read_limited(status, 1 << 20)) > 100
