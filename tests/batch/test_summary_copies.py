"""A check's counts are of cables: a copy of a cable (the same reference ID as an earlier file,
or for an undated record the same file name) is listed but counted once (newcomer 3, finding
37: the corpus's 2,151 files were "2151 cables", its 2,002 cables and their 149 variants)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import corpus
import pytest
from corpus import SAMPLE

from workbench.batch import Summary, check_file
from workbench.cli import main

AS_OF = date(2026, 11, 27)


def test_the_same_cable_twice_is_one_cable_and_one_copy(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(SAMPLE, tmp_path / "seoul-copy.txt")
    code = main(["check", str(SAMPLE), str(tmp_path / "seoul-copy.txt"), str(SAMPLE)])
    out = capsys.readouterr().out
    assert code == 0
    assert len([line for line in out.splitlines() if "07SEOUL219" in line]) == 3  # every row
    assert "3 files checked: 1 cable and 2 copies of it" in out
    assert "by status: unclassified 0, declassified 0, due 1, not-due 0, needs-review 0" in out


def test_no_copies_reads_as_before(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", str(SAMPLE)]) == 0
    assert "\n1 cable checked\n" in capsys.readouterr().out


def test_unreadable_files_are_never_copies_and_undated_records_go_by_name(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("a/empty.txt", "empty.txt"):
        (tmp_path / name).write_bytes(b"")
    undated = SAMPLE.parent / "partial_no_date.txt"
    shutil.copy(undated, tmp_path / "partial_no_date.markdown.txt")
    s = Summary()
    for p in (tmp_path / "a/empty.txt", tmp_path / "empty.txt", undated):
        s.add(check_file(str(p), AS_OF))
    row = check_file(str(tmp_path / "partial_no_date.markdown.txt"), AS_OF)
    assert row["id"] is None
    s.add(row)
    # The two empty files are neither cables nor copies (newcomer 4, finding 9): apart.
    assert (s.checked, s.cables, s.copies, s.unread) == (4, 1, 1, 2)
    assert "read-error" not in s.by_code and sum(s.by_status.values()) == 1


def test_a_cluster_chunks_copies_are_known_across_chunks() -> None:
    # A worker counts its chunk; the client re-counts the chunk's entries, so a copy of a
    # cable another chunk holds is still one copy.
    row = check_file(str(SAMPLE), AS_OF)
    client = Summary()
    for _ in range(3):
        chunk = Summary(entries=[])
        chunk.add(row)
        chunk.add(row)
        client.merge(chunk)
    assert (client.checked, client.cables, client.copies) == (6, 1, 5)
    assert client.by_status["due"] == 1


@pytest.mark.skipif(not corpus.available(), reason="needs ../shared/corpus")
def test_a_cable_and_its_markdown_form_are_one_cable(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for p in (
        corpus.CORPUS / "cables" / "08REYKJAVIK91.txt",
        corpus.CORPUS / "variants" / "08REYKJAVIK91.markdown.txt",
    ):
        shutil.copy(p, tmp_path)
    assert main(["check", str(tmp_path), "--jobs", "1"]) == 0
    assert "2 files checked: 1 cable and 1 copy of it" in capsys.readouterr().out


def test_two_texts_with_one_reference_id_are_two_records(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Newcomer 5, finding 37: a corrected copy with another DECL line has the ID of the
    record but another text, status and due date: it is counted, not taken for a copy, and
    the summary names the ID. A copy of either text (its CRLF form) is still a copy."""
    text = SAMPLE.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b-corrected.txt").write_text(text.replace("DECL: 01/23/2017", "DECL: 01/01/2006"))
    (tmp_path / "c-crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    paths = [str(tmp_path / n) for n in ("a.txt", "b-corrected.txt", "c-crlf.txt")]
    assert main(["check", *paths, "--as-of", "2016-06-01", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "3 files checked: 2 cables and 1 copy of them" in out
    assert "07SEOUL219 has 2 different texts" in out and "each text is counted" in out
    # a.txt is not due yet; b's DECL date is before the cable's date: a person must look.
    assert "by status: unclassified 0, declassified 0, due 0, not-due 1, needs-review 1" in out
    assert "decl-not-after-origin" in out.split("by finding")[1]


def test_several_texts_merged_from_cluster_chunks() -> None:
    row = check_file(str(SAMPLE), AS_OF)
    other = {**row, "text_sha256": "f" * 64, "status": "needs-review"}
    client = Summary()
    for r in (row, other, other, row):
        chunk = Summary(entries=[])
        chunk.add(r)  # type: ignore[arg-type]
        client.merge(chunk)
    assert (client.checked, client.cables, client.copies) == (4, 2, 2)
    assert client.by_status["due"] == 1 and client.by_status["needs-review"] == 1
    assert client.several_line().startswith("07SEOUL219 has 2 different texts")


@pytest.mark.skipif(not corpus.available(), reason="needs ../shared/corpus")
def test_every_variant_has_its_originals_text_and_every_cable_its_own() -> None:
    """The fingerprint folds what a variant changes (Markdown labels and links, CRLF,
    Windows-1252) and nothing a cable's own text holds: 149 variants, 2,002 cables."""
    from workbench.batch.fingerprint import text_sha256
    from workbench.cable import parse_bytes
    from workbench.cable.decode import read_cable_bytes

    def fp(p: Path) -> str:
        return text_sha256(parse_bytes(read_cable_bytes(str(p), name=str(p)), str(p)))

    variants = sorted((corpus.CORPUS / "variants").glob("*.txt"))
    assert len(variants) >= 149
    for v in variants:
        original = corpus.CORPUS / "cables" / (v.name.split(".", 1)[0] + ".txt")
        assert fp(v) == fp(original), v.name
    cables = list((corpus.CORPUS / "cables").glob("*.txt"))
    assert len({fp(p) for p in cables}) == len(cables)
