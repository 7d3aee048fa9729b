"""Exemption code sets: the built-in ones and those a team adds from a CSV or JSON file.

Built-ins (resources/codesets, from declassification.md section 6): FOIA (b)(1)-(b)(9) with
(b)(7)(A)-(F) (5 U.S.C. 552(b)); E.O. 13526 1.4(a)-(h); 25X1-25X9, 50X1-HUM, 50X2-WMD (E.O.
13526 sec. 3.3, NARA redaction codes). Codes are matched without regard to case, and State's
short forms (``B1``, ``B7(C)``) are accepted as aliases; decisions always store the canonical
spelling.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from workbench.resources import resource_path
from workbench.review.model import PENDING_CODE, ReviewError

BUILTIN_SETS: tuple[str, ...] = ("foia", "eo13526", "nara")
# A team's code set is a few kilobytes; past this it is some other file.
MAX_CODE_SET_BYTES = 4 * 1024 * 1024
# Longest cell of a CSV code set (Python's csv stops at 128 KiB with its own error).
MAX_CELL = 64 * 1024


class CodeSetError(ReviewError):
    """A code-set file that cannot be used; the message names the file and the bad row."""


@dataclass(frozen=True)
class Code:
    code: str
    label: str = ""
    description: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CodeSet:
    name: str
    label: str
    codes: tuple[Code, ...]
    source: str = ""
    path: str | None = None
    builtin: bool = False
    _index: dict[str, Code] = field(default_factory=dict, compare=False, repr=False)

    def find(self, code: str) -> Code | None:
        if not self._index:
            for c in self.codes:
                for key in (c.code, *c.aliases):
                    self._index.setdefault(_key(key), c)
        return self._index.get(_key(code))


def _key(code: str) -> str:
    return "".join(code.split()).lower()


# -- built-ins -------------------------------------------------------------------------------
@cache
def builtin_code_sets() -> tuple[CodeSet, ...]:
    out = []
    for name in BUILTIN_SETS:
        path = resource_path("codesets", f"{name}.json")
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CodeSetError(
                f"the built-in code set {path} is missing or damaged ({exc}): reinstall the workbench"
            ) from exc
        out.append(_from_json(raw, path, name, builtin=True))
    return tuple(out)


# -- user code sets --------------------------------------------------------------------------
def load_code_set(path: str | Path) -> CodeSet:
    """Read a team's code set: CSV (columns code, label, description) or JSON.

    JSON is either ``{"name": ..., "label": ..., "codes": [{"code", "label", "description"}]}``
    or just the list of codes. The set is named by ``name``, else by the file's stem.
    """
    from workbench.safeio import InputError, parse_json, read_limited

    p = Path(path)
    try:
        data = read_limited(p, MAX_CODE_SET_BYTES, "code set", role="a code set")
    except InputError as exc:
        raise CodeSetError(str(exc)) from None
    if b"\x00" in data[:8192]:
        raise CodeSetError(
            f"{p} is a binary file, not a code set: give a CSV (code,label,description) or "
            "JSON file."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # spreadsheets on Windows save cp1252
    if p.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        try:
            raw = parse_json(text, str(p), "code set")
        except InputError as exc:
            raise CodeSetError(str(exc)) from None
        return _from_json(raw, p, p.stem)
    return _from_csv(text, p)


def _from_json(raw: Any, path: Path, default_name: str, builtin: bool = False) -> CodeSet:
    if isinstance(raw, list):
        raw = {"codes": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("codes"), list):
        raise CodeSetError(
            f"{path} is not a code set: expected a list of codes or an object with a 'codes' list"
        )
    name = str(raw.get("name") or default_name).strip()
    codes = []
    for i, entry in enumerate(raw["codes"]):
        where = f"{path} codes[{i}]"
        if not isinstance(entry, dict):
            raise CodeSetError(f"{where}: expected an object with code, label and description")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise CodeSetError(f"{where}: 'aliases' must be a list of text")
        codes.append(
            _code(entry.get("code"), entry.get("label"), entry.get("description"), where, aliases)
        )
    return _finish(
        name, str(raw.get("label") or name), codes, path, str(raw.get("source", "")), builtin
    )


def _from_csv(text: str, path: Path) -> CodeSet:
    # Old Mac spreadsheets end lines with CR alone, which csv refuses outside quotes.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(text))
    rows = []
    try:
        for r in reader:
            if any(len(cell) > MAX_CELL for cell in r):
                raise CodeSetError(
                    f"{path} row {reader.line_num} has a cell of more than {MAX_CELL:,} "
                    "characters, which no code or label is: check that it is the right file"
                )
            if any(cell.strip() for cell in r):
                rows.append(r)
    except csv.Error as exc:
        raise CodeSetError(
            f"{path} is not a CSV file the workbench can read (line {reader.line_num}: {exc}): "
            "save it as CSV with the columns code, label, description"
        ) from None
    if not rows:
        raise CodeSetError(
            f"{path} holds no codes: give one code per row (code, label, description)"
        )
    first = [c.strip().lower() for c in rows[0]]
    start = 0
    columns = {"code": 0, "label": 1, "description": 2}
    if "code" in first:
        columns = {
            name: first.index(name) for name in ("code", "label", "description") if name in first
        }
        start = 1
    codes = []
    for n, row in enumerate(rows[start:], start=start + 1):

        def cell(name: str, row: list[str] = row) -> str:
            i = columns.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        codes.append(_code(cell("code"), cell("label"), cell("description"), f"{path} row {n}", []))
    return _finish(path.stem, path.stem, codes, path, "", False)


def _code(code: Any, label: Any, description: Any, where: str, aliases: list[str]) -> Code:
    if not isinstance(code, str) or not code.strip():
        raise CodeSetError(f"{where}: no code (the first column must hold the code, e.g. (b)(6))")
    for name, value in (("label", label), ("description", description)):
        if value is not None and not isinstance(value, str):
            raise CodeSetError(f"{where}: the {name} of {code!r} must be text")
    if _key(code) == _key(PENDING_CODE):
        raise CodeSetError(f"{where}: {PENDING_CODE!r} is reserved for paragraphs not yet reviewed")
    return Code(
        " ".join(code.split()), (label or "").strip(), (description or "").strip(), tuple(aliases)
    )


def _finish(
    name: str, label: str, codes: list[Code], path: Path, source: str, builtin: bool
) -> CodeSet:
    if not name:
        raise CodeSetError(f"{path}: the code set has no name")
    if not codes:
        raise CodeSetError(f"{path} holds no codes")
    seen: dict[str, int] = {}
    for i, c in enumerate(codes):
        k = _key(c.code)
        if k in seen:
            raise CodeSetError(
                f"{path}: the code {c.code!r} appears twice (entries {seen[k] + 1} and {i + 1})"
            )
        seen[k] = i
    return CodeSet(name, label, tuple(codes), source, str(path), builtin)


# -- the sets in use -------------------------------------------------------------------------
def user_code_set_dir() -> Path:
    from workbench.settings import data_dir

    return data_dir() / "codesets"


def available_code_sets(extra_paths: Sequence[str] | None = None) -> list[CodeSet]:
    """Built-in sets, then the team's sets named in settings (or ``extra_paths``)."""
    if extra_paths is None:
        from workbench.settings import Settings

        extra_paths = Settings.load().custom_code_sets
    sets = list(builtin_code_sets())
    for p in extra_paths:
        try:
            sets.append(load_code_set(p))
        except CodeSetError as exc:
            # A team's set deleted or damaged since it was added: the built-in sets and the
            # others still work; a code only that set knew is then refused as unknown.
            _note_unreadable(str(p), str(exc))
    return sets


_noted: set[str] = set()


def _note_unreadable(path: str, reason: str) -> None:
    """Say once per process (on stderr, where the CLI's notes go) that a set was left out."""
    if path in _noted:
        return
    _noted.add(path)
    from workbench.safeio import for_terminal

    name = Path(path).stem
    message = (
        f"workbench: note: the code set {name!r} was left out ({reason.rstrip('.')}); "
        "re-add it with `workbench review codes --add FILE`"
    )
    with contextlib.suppress(OSError, ValueError):
        print(for_terminal(message, one_line=True), file=sys.stderr)


def unreadable_code_sets() -> list[str]:
    """Paths of the team's code sets that could not be read in this process (for the window)."""
    return sorted(_noted)


def add_code_set(path: str | Path) -> CodeSet:
    """Validate a team's code-set file, keep a copy in the data folder and list it in settings.

    A set with the same name as one already added replaces it; a built-in name is refused.
    """
    from workbench.settings import Settings

    cs = load_code_set(path)
    if cs.name in BUILTIN_SETS:
        raise CodeSetError(f"{path}: {cs.name!r} is the name of a built-in code set: rename yours")
    from workbench.safeio import make_folder, write_atomic

    folder = user_code_set_dir()
    make_folder(folder)
    target = folder / f"{_safe_name(cs.name)}.json"
    obj = {
        "name": cs.name,
        "label": cs.label,
        "source": cs.source or str(path),
        "codes": [
            {"code": c.code, "label": c.label, "description": c.description}
            | ({"aliases": list(c.aliases)} if c.aliases else {})
            for c in cs.codes
        ],
    }
    write_atomic(target, json.dumps(obj, indent=2, ensure_ascii=False))
    settings = Settings.load()
    settings.custom_code_sets = [
        *[p for p in settings.custom_code_sets if Path(p) != target],
        str(target),
    ]
    settings.save()
    return load_code_set(target)


def _safe_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name) or "codes"


def find_code(code: str, sets: Iterable[CodeSet]) -> Code | None:
    for s in sets:
        found = s.find(code)
        if found is not None:
            return found
    return None


def validate_codes(codes: Iterable[str], sets: Iterable[CodeSet]) -> tuple[str, ...]:
    """The codes in their canonical spelling; an unknown code raises :class:`ReviewError`."""
    sets = list(sets)
    out: list[str] = []
    for raw in codes:
        if not isinstance(raw, str) or not raw.strip():
            raise ReviewError("an exemption code is empty")
        found = find_code(raw, sets)
        if found is None:
            names = ", ".join(s.name for s in sets)
            raise ReviewError(
                f"unknown exemption code {raw!r} (known code sets: {names}): use a listed code "
                "or add your team's code set with `workbench review codes --add FILE`"
            )
        if found.code not in out:
            out.append(found.code)
    return tuple(out)


def describe(code: str) -> str | None:
    """``label: description`` of ``code`` from any code set in use (export's Vaughn index asks
    this for a team's own codes); None when no set knows it or a set cannot be read."""
    try:
        found = find_code(code, available_code_sets())
    except ReviewError:
        return None
    if found is None:
        return None
    parts = [p for p in (found.label, found.description) if p]
    return ": ".join(parts) or found.code


def chosen_code_set(sets: Sequence[CodeSet] | None = None) -> CodeSet:
    """The set offered first (``code_set`` in settings); FOIA if that set is not found."""
    from workbench.settings import Settings

    sets = list(available_code_sets() if sets is None else sets)
    name = Settings.load().code_set
    for s in sets:
        if s.name == name:
            return s
    return sets[0]
