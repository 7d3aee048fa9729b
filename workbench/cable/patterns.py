"""The reader's regular expressions, compiled once per installation instead of once per run.

Compiling the reader's ~160 patterns is done in Python (``re._parser`` and ``re._compiler``)
and was a third of the instructions of a ``workbench parse`` of one cable (190 M of 515 M;
about 25 ms) and some 4% of a parse of the whole corpus. What the compiler makes of a
pattern depends only on the pattern, its flags and the Python build, so it is kept like
bytecode: ``python -m workbench.cable.write_patterns`` (run by ``make setup``) writes every
pattern's compiled form to ``__pycache__/patterns.<cache tag>.marshal`` beside this module,
and :func:`compile_pattern` builds a pattern from it with ``_sre.compile``, the call
``re.compile`` ends with, given the same arguments: an equal pattern (``re.Pattern``
equality compares the compiled code), about a hundredth of the cost.

Whatever is wrong with the table (no file, another Python build, a damaged file, a pattern
not in it, an ``_sre`` that refuses the arguments), the pattern is compiled by ``re.compile``
as before: the table can make start-up slower or faster, never the reading different.
"""

from __future__ import annotations

import _sre
import marshal
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Any

# Whatever changes what the compiler makes, or how ``_sre`` reads it, is in the key: a table
# written by another build is not used.
_KEY = ("workbench-patterns", 1, sys.version, sys.hexversion, _sre.MAGIC, _sre.CODESIZE)
TABLE_PATH = Path(
    os.path.join(
        os.path.dirname(os.path.abspath(__file__)),
        "__pycache__",
        f"patterns.{sys.implementation.cache_tag}.marshal",
    )
)

# Every (pattern, flags) the reader compiles or may compile later (lazy patterns register
# when made): what :func:`write_table` writes.
_KNOWN: dict[tuple[str, int], None] = {}
_table: dict[tuple[str, int], tuple[Any, ...]] | None = None


def _load(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    """The table in ``path``, or an empty one if it is missing, damaged or another build's."""
    try:
        data = path.read_bytes()
        crc, blob = int.from_bytes(data[:4], "big"), data[4:]
        if zlib.crc32(blob) != crc:
            return {}
        key, table = marshal.loads(blob)
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if key != _KEY or not isinstance(table, dict):
        return {}
    return table


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the table when it holds the pattern."""
    global _table
    flags = int(flags)
    _KNOWN[(pattern, flags)] = None
    if _table is None:
        _table = _load(TABLE_PATH)
    # (Taken out: each is built once, and the table's lists need not stay in memory.)
    entry = _table.pop((pattern, flags), None)
    if entry is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
            return compiled
        except (TypeError, ValueError, RuntimeError):
            pass
    return re.compile(pattern, flags)


def register(pattern: str, flags: int = 0) -> None:
    """Note a pattern compiled only when first used, so that the table holds it too."""
    _KNOWN[(pattern, int(flags))] = None


def compiled_form(pattern: str, flags: int) -> tuple[Any, ...]:
    """The arguments after ``pattern`` that ``re.compile`` passes to ``_sre.compile``: what
    ``re._compiler.compile`` computes (Python 3.11-3.13), as marshal-able values."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        int(flags | parsed.state.flags),
        [int(c) for c in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def write_table(path: Path | None = None) -> int:
    """Write the compiled form of every pattern the reader knows to ``path`` (by default
    :data:`TABLE_PATH`; atomically); returns how many. Each entry is checked first: built by ``_sre.compile`` it must equal
    what ``re.compile`` makes, or it is left out."""
    import workbench.cable
    import workbench.cable.document  # noqa: F401

    table: dict[tuple[str, int], tuple[Any, ...]] = {}
    for pattern, flags in list(_KNOWN):
        try:
            form = compiled_form(pattern, flags)
            if _sre.compile(pattern, *form) == re.compile(pattern, flags):
                table[(pattern, flags)] = form
        except Exception:
            continue
    blob = marshal.dumps((_KEY, table))
    path = TABLE_PATH if path is None else path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(zlib.crc32(blob).to_bytes(4, "big") + blob)
    os.replace(tmp, path)
    return len(table)


def main() -> int:
    try:
        n = write_table()
    except OSError as exc:
        # (Not fatal for anything: the reader compiles its patterns itself, as before.)
        print(f"workbench.cable.patterns: could not write {TABLE_PATH}: {exc}", file=sys.stderr)
        return 1
    print(f"{n} patterns compiled to {TABLE_PATH}")
    return 0
