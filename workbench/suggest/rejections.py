"""Suggestions a reviewer rejected, so they are not proposed again.

A rejection names a text (folded: case and spacing do not matter) and where it holds: in a
case, for every cable of the case; without a case, for the one cable it was made on. The
review store keeps them (``suggestion_rejections``: SQLite migration 5, PostgreSQL schema
step 4); a store without that table (an older store opened read-only) simply has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.suggest.engine import fold


@dataclass(frozen=True)
class Rejection:
    text: str
    kind: str
    case_id: str = ""
    cable_id: str = ""  # "" in a case: the rejection holds for every cable of the case
    reviewer: str = ""
    at: str = ""


@dataclass
class Rejections:
    case_wide: set[str] = field(default_factory=set)
    per_cable: dict[str, set[str]] = field(default_factory=dict)

    def add(self, r: Rejection) -> None:
        if r.cable_id:
            self.per_cable.setdefault(r.cable_id, set()).add(fold(r.text))
        else:
            self.case_wide.add(fold(r.text))

    def for_cable(self, cable_id: str) -> frozenset[str]:
        return frozenset(self.case_wide | self.per_cable.get(cable_id, set()))


class RejectionsUnsupported(Exception):
    """The store cannot keep rejections (one sentence for the reviewer)."""


def load_rejections(store: object, case_id: str) -> Rejections:
    out = Rejections()
    reader = getattr(store, "suggestion_rejections", None)
    if reader is None:
        return out
    for cable_id, kind, text, reviewer, at in reader(case_id):
        if case_id:
            cable_id = ""  # in a case a rejection holds for every cable of the case
        out.add(Rejection(text, kind, case_id, cable_id, reviewer, at))
    return out


def reject(
    store: object, text: str, kind: str, reviewer: str, case_id: str = "", cable_id: str = ""
) -> None:
    """Remember that the reviewer rejected ``text``: in the case, else on this cable."""
    _write(store, text, kind, reviewer, True, case_id, cable_id)


def unreject(
    store: object, text: str, kind: str, reviewer: str, case_id: str = "", cable_id: str = ""
) -> None:
    """Undo :func:`reject` (the window's undo of a rejection)."""
    _write(store, text, kind, reviewer, False, case_id, cable_id)


def _write(
    store: object,
    text: str,
    kind: str,
    reviewer: str,
    rejected: bool,
    case_id: str,
    cable_id: str,
) -> None:
    writer = getattr(store, "set_suggestion_rejected", None)
    if writer is None:
        raise RejectionsUnsupported(
            "this review store cannot remember rejected suggestions: the suggestion is "
            "hidden for this session only"
        )
    writer(
        text,
        fold(text),
        kind,
        reviewer,
        rejected,
        case_id=case_id,
        cable_id="" if case_id else cable_id,
    )
