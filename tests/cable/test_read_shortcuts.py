"""Shortcuts the reader takes for speed read what the long way reads: the file's name in
its sentences, the partial-extract note in any case and in any script."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cable import CableError, parse_cable, read_cable
from workbench.cable.decode import read_cable_text
from workbench.cable.serialize import _minute


def _sentence(call, path: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(CableError) as exc:
        call(path)
    return str(exc.value)


@pytest.mark.parametrize(
    "name",
    ["missing.txt", "./missing.txt", "a//missing.txt", "a/./missing.txt", "gone/", "gone/.", "."],
)
def test_a_file_is_named_as_read_cable_text_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    assert _sentence(read_cable, name) == _sentence(read_cable_text, name)


def test_an_odd_name_is_shown_normalised_and_printed_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.txt").write_bytes(b"")  # empty: the sentence names the file
    assert _sentence(read_cable, ".//c.txt").startswith("c.txt is empty")
    (tmp_path / "c.txt").write_text("UNCLASSIFIED\n\n1. Text.\n")
    assert read_cable(".//c.txt").path == ".//c.txt"


_NOTE = "This record is a partial extract of the original cable.\n\nUNCLASSIFIED\n\n1. Text.\n"


@pytest.mark.parametrize(
    "note",
    [
        _NOTE,
        _NOTE.upper(),
        _NOTE.lower(),
        "THIS Record is a Partial EXTRACT.\n",
        # Outside ASCII the case-blind pattern decides: to it the dotted capital I is an i,
        # which upper() leaves as it is.
        "This record is a partİal extract.\n",
    ],
)
def test_partial_extract_note_in_any_case(note: str) -> None:
    assert parse_cable(note + "\n1. Text.\n").partial_extract


@pytest.mark.parametrize(
    "text",
    ["This record is a partial\nextract.\n", "Partial extract.\n", "x" * 400 + _NOTE],
)
def test_not_a_partial_extract_note(text: str) -> None:
    assert not parse_cable(text + "\n1. Text.\n").partial_extract


def test_minute_is_strftime() -> None:
    from datetime import datetime, timedelta

    t = datetime(1, 1, 1, 0, 0)
    while t.year < 9999:
        assert _minute(t) == t.strftime("%Y-%m-%dT%H:%MZ")
        t += timedelta(days=997, hours=5, minutes=7)
