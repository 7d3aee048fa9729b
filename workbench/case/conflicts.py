"""Conflicts: the same text decided differently in two places of a case.

Courts and requesters notice a page released in one document and withheld in another, so a
conflict blocks the case's release package until it is resolved (the decisions made alike) or
accepted explicitly with a comment, which the case's log keeps. Two kinds:

* ``copy``: copies of one text (folded, see ``fold``) whose reviewer decisions differ (release
  vs withhold, other codes, other spans withheld).
* ``term``: a span withheld in one place (a name under (b)(6)) whose same text a reviewer
  released elsewhere in the case (in a region released in full or in part, not covered by a
  span there).

An acceptance holds for the conflict as it was accepted: it names the conflict's key and a
fingerprint of the decisions in it, so a decision changed afterwards (or a new copy decided
differently) opens the conflict again.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.case.decided import Decided, describe, is_decided
from workbench.case.fold import digest
from workbench.case.index import CaseIndex, Place
from workbench.case.mapping import signature
from workbench.case.proposals import Term, find_terms, withheld_terms
from workbench.review.case_records import CaseLogEntry
from workbench.review.model import Action, Decision

ACCEPTED = "Conflict accepted"


@dataclass(frozen=True)
class Conflict:
    kind: str  # "copy" or "term"
    key: str  # stable: "copy:<digest>" or "term:<digest>"
    places: tuple[tuple[Place, str], ...]  # each place and how it is decided there
    summary: str  # one line for lists
    fingerprint: str
    accepted: CaseLogEntry | None = None

    @property
    def open(self) -> bool:
        return self.accepted is None

    def describe(self) -> str:
        lines = [self.summary]
        for place, how in self.places:
            lines.append(f"    {place.where()}: {how}")
        if self.accepted is not None:
            a = self.accepted
            lines.append(
                f"    accepted by {a.reviewer} on {a.at[:10]}: {a.data.get('comment', '')}"
            )
        return "\n".join(lines)


def _fingerprint(items: Sequence[tuple[str, str, object]]) -> str:
    blob = json.dumps(sorted(items, key=str), default=str, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def find_conflicts(
    index: CaseIndex, decided: Decided, log: list[CaseLogEntry] | None = None
) -> list[Conflict]:
    """Every conflict of the case, open ones first; accepted ones carry their log entry."""
    accepted: dict[tuple[str, str], CaseLogEntry] = {}
    for e in log or ():
        if e.what == ACCEPTED:
            accepted[str(e.data.get("key")), str(e.data.get("fingerprint"))] = e
    found = [*_copy_conflicts(index, decided), *_term_conflicts(index, decided)]
    out = []
    for c in found:
        entry = accepted.get((c.key, c.fingerprint))
        out.append(
            Conflict(c.kind, c.key, c.places, c.summary, c.fingerprint, entry) if entry else c
        )
    out.sort(key=lambda c: (not c.open, c.places[0][0].cable_id, c.places[0][0].start))
    return out


def _copy_conflicts(index: CaseIndex, decided: Decided) -> list[Conflict]:
    out = []
    for d_key, places in index.by_digest.items():
        decided_here: list[tuple[Place, Decision]] = [
            (p, d)
            for p in places
            if p.cable_id not in decided.stale and is_decided(d := decided.get(p.cable_id, p.key))
        ]
        sigs = {signature(index, p, d) for p, d in decided_here}
        if len(sigs) < 2:
            continue
        decided_here.sort(key=lambda x: (x[0].cable_id, x[0].start))
        items = [(p.cable_id, p.key, signature(index, p, d)) for p, d in decided_here]
        first = decided_here[0][0]
        out.append(
            Conflict(
                "copy",
                f"copy:{d_key.hex()}",
                tuple((p, describe(d)) for p, d in decided_here),
                f"the text of {first.where()} is decided {len(sigs)} ways in "
                f"{len(decided_here)} places",
                _fingerprint(items),
            )
        )
    return out


def _term_conflicts(index: CaseIndex, decided: Decided) -> list[Conflict]:
    terms = withheld_terms(index, decided)
    released: dict[str, list[Place]] = defaultdict(list)
    by_folded: dict[str, Term] = {t.folded: t for t in terms}
    for cid, m in index.members.items():
        if cid in decided.stale:
            continue
        own = decided.by_cable.get(cid, {})
        for term, start, end in find_terms(m, terms):
            region = m.partition.at(start)
            if region is None:
                continue
            d = own.get(region.key, Decision())
            if d.action not in (Action.RELEASE, Action.PARTIAL):
                continue  # undecided (a proposal there) or withheld in full
            if decided.covered(index, cid, region.key, start, end):
                continue  # withheld there by a span, the reviewer's or the recurrences rule's
            place = m.places.get(region.key) or Place(
                cid, region.key, region.label, region.kind, region.body_start, region.end, 0, 0
            )
            released[term.folded].append(place)
    out = []
    for folded, places in released.items():
        term = by_folded[folded]
        shown = " ".join(term.text.split())
        rows = [(term.source, f"'{shown}' withheld {' '.join(term.codes)}")]
        rows += [(p, f"'{shown}' released") for p in places]
        items = [(p.cable_id, p.key, how) for p, how in rows]
        out.append(
            Conflict(
                "term",
                f"term:{digest(folded).hex()}",
                tuple(rows),
                f"'{shown}' is withheld in {term.source.where()} and released in "
                f"{len(places)} other place(s)",
                _fingerprint(items),
            )
        )
    return out


def acceptance(conflict: Conflict, comment: str) -> tuple[str, dict[str, object]]:
    """The case-log entry that accepts ``conflict`` as it stands: (what, data)."""
    where = [f"{p.where()}: {how}" for p, how in conflict.places]
    data: dict[str, object] = {
        "key": conflict.key,
        "fingerprint": conflict.fingerprint,
        "comment": comment,
        "conflict": conflict.summary,
        "places": where,
    }
    return ACCEPTED, data
