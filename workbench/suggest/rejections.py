"""Suggestions a reviewer rejected, so they are not proposed again.

A rejection names a text (folded: case and spacing do not matter) and where it holds: in a
case, for every cable of the case; without a case, for the one cable it was made on. The
review store keeps them (``suggestion_rejections``, SQLite migration 4); a store without
that table (an older store opened read-only, or one that does not support it yet) simply
has none.
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


def load_rejections(store: object, case_id: str) -> Rejections:
    out = Rejections()
    reader = getattr(store, "suggestion_rejections", None)
    if reader is None:
        return out
    for r in reader(case_id):
        out.add(r)
    return out
