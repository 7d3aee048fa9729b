"""Every object in a release PDF's file, not only what its pages reach.

A PDF editor, a stamping tool or a careless script can leave text in the file where no page,
bookmark or document information points: an orphan stream or dictionary (an editor's save
without clean-up keeps the replaced object), an earlier version of an object kept by an
incremental update, bytes after the last ``%%EOF``. No viewer shows it; ``strings`` and any
PDF library find it. ReportLab writes none of these, so a release never holds one: each is a
problem for ``verify``, and its text is handed to verify's search for withheld text
(newcomer 6, finding 5).

Read with pypdf, as the rest of ``pdf_read``: the objects the cross-reference table lists
(object streams included) less those reachable from the trailer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Object kinds that are the file's own structure, never referenced by another object.
_STRUCTURE = {"/ObjStm", "/XRef"}
_EOF = re.compile(rb"%%EOF")


@dataclass(frozen=True)
class Unused:
    """An object (or bytes) in the file that nothing in the release uses."""

    what: str  # "object 12", "bytes after %%EOF"
    text: str  # what it holds, as a reader would decode it


def unused_objects(reader: Any, data: bytes) -> list[Unused]:
    """Objects the cross-reference table lists that nothing reachable from the trailer uses,
    and bytes the file holds after its end or in an update written after it (``Unused.what``
    says which)."""
    from pypdf.generic import IndirectObject

    reached = _reachable(reader)
    out: list[Unused] = []
    listed: list[tuple[int, int]] = [
        (number, generation)
        for generation, numbers in reader.xref.items()
        for number in numbers
        if number != 0
    ]
    listed += [(number, 0) for number in getattr(reader, "xref_objStm", {})]
    for number, generation in sorted(set(listed)):
        if (number, generation) in reached:
            continue
        obj = reader.get_object(IndirectObject(number, generation, reader))
        kind = obj.get("/Type") if hasattr(obj, "get") else None
        if kind in _STRUCTURE:
            continue
        out.append(Unused(f"object {number}", _text_of(obj)))
    ends = [m.end() for m in _EOF.finditer(data)]
    if len(ends) > 1:
        out.append(
            Unused(
                f"an update appended after its first end ({len(ends) - 1} more)",
                data[ends[0] :].decode("latin-1"),
            )
        )
    if ends and data[ends[-1] :].strip():
        out.append(Unused("bytes after %%EOF", data[ends[-1] :].decode("latin-1")))
    return out


def _reachable(reader: Any) -> set[tuple[int, int]]:
    """(number, generation) of every object the trailer reaches, through any dictionary,
    array or stream dictionary."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    # raw_get: the trailer's references as written (indexing would resolve them).
    todo: list[Any] = [reader.trailer.raw_get(k) for k in reader.trailer if k != "/Prev"]
    while todo:
        obj = todo.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            todo.append(obj.get_object())
        elif isinstance(obj, DictionaryObject):  # a stream's dictionary too
            todo.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            todo.extend(obj)
    return seen


def _text_of(obj: Any) -> str:
    """An object's text: a stream's decoded data, any other object as pypdf prints it."""
    from pypdf.generic import StreamObject

    if isinstance(obj, StreamObject):
        try:
            data = obj.get_data()
        except Exception:  # an undecodable stream: its raw bytes
            data = obj._data
        return str(obj.get("/Type", "")) + " " + bytes(data).decode("latin-1")
    return str(obj)
