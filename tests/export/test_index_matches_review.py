"""``workbench verify INDEX.csv`` compares the index with the review (newcomer 6, finding 30).

An index with rows deleted, or a row's exemption changed, printed no withheld text and so
passed. Now each cable's rows must be those ``workbench index`` makes from its review (region,
extent, disposition, codes); a comment edited by hand is still fine."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_index_leaks import _decisions, reviewed

from workbench.export.vaughn import rows_for, to_csv


def _verify(tmp_path: Path, rows, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    from workbench.cli import main

    cable_file, decisions = _decisions(tmp_path, "names a private citizen")
    out = tmp_path / "v.csv"
    out.write_bytes(to_csv(rows))
    capsys.readouterr()
    code = main(["verify", str(out), "--cable", str(cable_file), "--decisions", str(decisions)])
    return code, capsys.readouterr().out


def _rows():  # type: ignore[no-untyped-def]
    cable, review = reviewed(comment_name="names a private citizen")
    rows = rows_for(cable, review)
    assert len(rows) == 2  # paragraph 2 in full, the name in paragraph 3
    return rows


def test_the_index_as_written_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows()
    rows[0] = replace(rows[0], comment="reworded by the officer for the court")
    code, said = _verify(tmp_path, rows, capsys)
    assert code == 0 and "MISMATCH" not in said, said


def test_a_deleted_row_is_a_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, said = _verify(tmp_path, _rows()[:1], capsys)
    assert code == 1, said
    lines = [s for s in said.splitlines() if s.startswith("MISMATCH: ")]
    assert len(lines) == 1 and "has no row for" in lines[0] and "(b)(6)" in lines[0], said


def test_changed_codes_are_a_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows()
    rows[1] = replace(rows[1], codes="(b)(5)")
    code, said = _verify(tmp_path, rows, capsys)
    lines = [s for s in said.splitlines() if s.startswith("MISMATCH: ")]
    assert code == 1 and len(lines) == 1, said
    assert "line 3" in lines[0] and "(b)(5)" in lines[0] and "(b)(6)" in lines[0], said


def test_an_extra_row_is_a_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows()
    code, said = _verify(tmp_path, [*rows, rows[1]], capsys)
    lines = [s for s in said.splitlines() if s.startswith("MISMATCH: ")]
    assert code == 1 and len(lines) == 1 and "does not withhold" in lines[0], said
