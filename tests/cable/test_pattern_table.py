"""The compiled-pattern table (``workbench.cable.patterns``): patterns built from it are the
patterns ``re.compile`` makes, and a table that is missing, damaged or another build's is
not used (each pattern is then compiled as before)."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import workbench.cable  # the reader's patterns register on import
import workbench.cable.document  # noqa: F401
from workbench.cable import patterns

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A table written for this run's patterns, in a folder of the test's own."""
    path = tmp_path / "patterns.marshal"
    assert patterns.write_table(path) == len(patterns._KNOWN)
    monkeypatch.setattr(patterns, "TABLE_PATH", path)
    monkeypatch.setattr(patterns, "_table", None)
    return path


def _entries(path: Path) -> tuple[object, dict[tuple[str, int], tuple[object, ...]]]:
    key, entries = marshal.loads(path.read_bytes()[4:])
    return key, entries


def _rewrite(path: Path, key: object, entries: object, fix_crc: bool = True) -> None:
    blob = marshal.dumps((key, entries))
    crc = zlib.crc32(blob) if fix_crc else zlib.crc32(path.read_bytes()[4:])
    path.write_bytes(crc.to_bytes(4, "big") + blob)


def test_every_pattern_of_the_reader_is_in_the_table_and_built_equal(table: Path) -> None:
    _key, entries = _entries(table)
    # (Lazy patterns and both forms of each line pattern are in it, not only those compiled.)
    assert len(entries) > 140
    assert set(entries) == set(patterns._KNOWN)
    for i, (pattern, flags) in enumerate(entries):
        # Built from the table (which holds it until then), not compiled again: ...
        assert i == 0 or (pattern, flags) in (patterns._table or {})
        compiled = patterns.compile_pattern(pattern, flags)
        assert (pattern, flags) not in (patterns._table or {})
        # ... and equal to what re.compile makes: pattern, flags and the compiled code.
        assert compiled == re.compile(pattern, flags), pattern
    assert patterns._table == {}


def test_a_damaged_table_is_not_used(table: Path) -> None:
    key, entries = _entries(table)
    (pattern, flags), form = next(iter(entries.items()))
    wrong = list(form)
    wrong[1] = [*form[1][:-2], 0, *form[1][-1:]]  # type: ignore[index, misc]  # one op changed
    # A flipped value with the old checksum: the whole table is left out.
    _rewrite(table, key, {**entries, (pattern, flags): tuple(wrong)}, fix_crc=False)
    assert patterns.compile_pattern(pattern, flags) == re.compile(pattern, flags)
    assert patterns._table == {}
    table.write_bytes(table.read_bytes()[:1000])  # cut short
    patterns._table = None
    assert patterns.compile_pattern(pattern, flags) == re.compile(pattern, flags)
    assert patterns._table == {}


def test_another_builds_table_is_not_used(table: Path) -> None:
    key, entries = _entries(table)
    other = (*key[:2], "3.11.0 (another build)", *key[3:])  # type: ignore[misc]
    _rewrite(table, other, entries)
    pattern, flags = next(iter(entries))
    assert patterns.compile_pattern(pattern, flags) == re.compile(pattern, flags)
    assert patterns._table == {}


def test_an_entry_sre_refuses_and_a_missing_one_are_compiled(table: Path) -> None:
    key, entries = _entries(table)
    pattern, flags = next(iter(entries))
    _rewrite(table, key, {**entries, (pattern, flags): ("not", "arguments")})
    assert patterns.compile_pattern(pattern, flags) == re.compile(pattern, flags)
    assert patterns.compile_pattern(r"not in (?P<it>the table)") == re.compile(
        r"not in (?P<it>the table)"
    )
    table.unlink()
    patterns._table = None
    assert patterns.compile_pattern(pattern, flags) == re.compile(pattern, flags)


def test_make_setup_s_command_writes_the_table(tmp_path: Path) -> None:
    # The module run as a script writes the table of the patterns the reader registered
    # (run as ``-m workbench.cable.patterns`` it would be a second, empty copy of the module).
    out = tmp_path / "t.marshal"
    code = (
        "import sys; from pathlib import Path; import workbench.cable.patterns as p; "
        f"p.TABLE_PATH = Path({str(out)!r}); "
        "import runpy; sys.argv = ['x']; runpy.run_module('workbench.cable.write_patterns', "
        "run_name='__main__')"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "patterns compiled to" in r.stdout
    assert len(_entries(out)[1]) > 140
