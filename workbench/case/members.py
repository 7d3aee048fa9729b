"""A case's cables: adding them from files and folders, and reading them back.

A case names each cable by its review key (the reference ID, else the file name) and keeps the
absolute path it was added from and the hash of its text then. Reading a case back reads every
file; a file that is gone, unreadable or changed since is named in one sentence and left out
of the case's work (its review is never matched against another text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.cable import Cable, CableError, read_cable
from workbench.cable.document import read_document
from workbench.cable.files import iter_cable_paths
from workbench.review.case_records import CaseCable
from workbench.review.model import review_id, text_hash


@dataclass
class Read:
    cables: list[tuple[CaseCable, Cable]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_paths(paths: Iterable[str]) -> Read:
    """Every cable in ``paths`` (files, or folders walked as everywhere else), as case cables.

    Two files with one reference ID are one cable only if their texts are the same; otherwise
    one is kept and the other named and left out (the store keys a review by that ID). The
    one kept is the cable as sent rather than its Markdown-flattened form, whichever comes
    first: a release is made from the text kept, and the Markdown form has lost its paragraph
    numbers' layout ("¶1." read as "11.").
    """
    out = Read()
    at: dict[str, int] = {}  # cable ID -> its index in out.cables
    for p in iter_cable_paths(list(paths)):
        path = str(Path(p).resolve())
        try:
            cable = read_document(p)
        except CableError as exc:
            out.problems.append(str(exc))
            continue
        entry = CaseCable(review_id(cable), path, text_hash(cable.text))
        i = at.get(entry.cable_id)
        if i is None:
            at[entry.cable_id] = len(out.cables)
            out.cables.append((entry, cable))
            continue
        old, old_cable = out.cables[i]
        if old.cable_hash == entry.cable_hash:
            continue
        if old_cable.markdown and not cable.markdown:
            out.cables[i] = (entry, cable)
            kept, dropped, form = entry, old, "its Markdown form"
        else:
            kept, dropped, form = old, entry, "another form (Markdown or re-typed?)"
        out.problems.append(
            f"{dropped.path} has the reference ID {entry.cable_id} of {kept.path} but another "
            f"text, {form}: it was left out; a case holds one text per cable"
        )
    return out


def read_members(entries: Iterable[CaseCable]) -> Read:
    """The case's cables read from their files, checked against the text they were added with."""
    out = Read()
    for e in entries:
        try:
            cable = read_cable(e.path)
        except CableError as exc:
            out.problems.append(f"{e.cable_id}: {exc}")
            continue
        if text_hash(cable.text) != e.cable_hash:
            out.problems.append(
                f"{e.path} has changed since {e.cable_id} was added to the case: restore it, or "
                "remove the cable from the case and add the file again"
            )
            continue
        out.cables.append((e, cable))
    return out
