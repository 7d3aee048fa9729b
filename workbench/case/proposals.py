"""Proposals: decisions made elsewhere in a case, offered where the same text occurs again.

Three kinds, all only proposals (default-deny: nothing here changes a review; a reviewer accepts
a proposal, and that acceptance is an audited decision of its own, see ``accept``):

* ``copy``: an undecided region whose text (folded, see ``fold``) is decided elsewhere in the
  case gets that decision. Identical cables are copies region by region, so deciding one
  proposes every other.
* ``similar``: an undecided region like a decided one with small changes, "similar to ¶3 of
  07SEOUL219 (withheld (b)(1) 1.4(d))", with the differing words.
* ``case-term``: every span a reviewer withheld anywhere in the case (a name under (b)(6), a
  phone number) wherever the same text occurs in the case's cables, with the same codes.

When the copies of a text are decided differently, nothing is proposed for it: that is a
conflict (``conflicts``), for the reviewer to settle.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from workbench.case.decided import Decided, describe, is_decided
from workbench.case.index import CaseIndex, Member, Place
from workbench.case.mapping import copy_decision, signature, similar_decision
from workbench.case.similar import compare, differing
from workbench.review.model import Action, Decision

COPY, SIMILAR, TERM = "copy", "similar", "case-term"
KINDS = (COPY, SIMILAR, TERM)
MIN_TERM = 3  # folded letters: a withheld "a" is not proposed everywhere


@dataclass(frozen=True)
class Proposal:
    """One proposal for region ``key`` of ``cable_id``.

    ``decision`` is what accepting it makes the region (copy, similar); for a case term,
    ``start``-``end`` is the span to withhold with ``codes``. ``source`` is where the decision
    was made; ``differs`` the text ranges that differ from it (similar).
    """

    kind: str
    cable_id: str
    key: str
    label: str
    start: int
    end: int
    codes: tuple[str, ...]
    reason: str
    source: Place
    decision: Decision | None = None
    score: float = 1.0
    differs: tuple[tuple[int, int], ...] = ()

    @property
    def ident(self) -> tuple[str, str, str, int, int]:
        return (self.kind, self.cable_id, self.key, self.start, self.end)

    @property
    def tag(self) -> str:
        """A short name for this proposal that stays while it means the same (`case accept`
        takes it): list numbers shift as proposals are accepted, so "accept 3" after accepting
        2 would take another one. Changes when the decision it came from changes."""
        import hashlib

        what = repr((self.ident, self.codes, self.reason, self.decision))
        return hashlib.sha256(what.encode()).hexdigest()[:6]


@dataclass(frozen=True)
class Term:
    folded: str
    text: str  # as written where it was withheld
    codes: tuple[str, ...]
    source: Place


@dataclass
class Proposer:
    """Proposals for the cables of one case, against one reading of its decisions."""

    index: CaseIndex
    decided: Decided
    terms: list[Term] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.terms = withheld_terms(self.index, self.decided)

    def for_cable(self, cable_id: str, kinds: tuple[str, ...] = KINDS) -> list[Proposal]:
        m = self.index.members.get(cable_id)
        if m is None or cable_id in self.decided.stale:
            return []
        out: list[Proposal] = []
        own = self.decided.by_cable.get(cable_id, {})
        for place in m.places.values():
            if is_decided(own.get(place.key, Decision())):
                continue
            p = None
            if COPY in kinds:
                p = self._copy(place)
            if p is None and SIMILAR in kinds and self.index.similar is not None:
                p = self._similar(m, place)
            if p is not None:
                out.append(p)
        if TERM in kinds:
            covered = _covered(out)
            out.extend(
                t
                for t in self._terms(m)
                if not any(a <= t.start and t.end <= b for a, b in covered)
            )
        out.sort(key=lambda p: (p.start, p.end, p.kind))
        return out

    # -- copies --------------------------------------------------------------------------
    def decided_copies(self, place: Place) -> list[tuple[Place, Decision]]:
        return [
            (q, d)
            for q in self.index.copies(place)
            if q.cable_id not in self.decided.stale
            and is_decided(d := self.decided.get(q.cable_id, q.key))
        ]

    def _copy(self, place: Place) -> Proposal | None:
        found = self.decided_copies(place)
        if not found:
            return None
        kinds = {signature(self.index, q, d) for q, d in found}
        if len(kinds) > 1:
            return None  # decided differently: a conflict, not a proposal
        source, d = min(found, key=lambda x: (x[0].cable_id, x[0].start))
        # Not by the other cable's ID: the comment goes to the Vaughn index, and an ID names
        # the post, withheld with an FM line (the case log keeps which cable it was).
        comment = f"as {source.label} of another copy in the case (case copy)"
        mine = copy_decision(self.index, source, d, place, comment)
        also = f" and {len(found) - 1} other place(s)" if len(found) > 1 else ""
        return Proposal(
            COPY,
            place.cable_id,
            place.key,
            place.label,
            place.start,
            place.end,
            _codes(mine),
            f"same text as {source.where()}{also} ({describe(d)})",
            source,
            mine,
        )

    # -- near copies ---------------------------------------------------------------------
    def _similar(self, m: Member, place: Place) -> Proposal | None:
        assert self.index.similar is not None
        best = None
        for other in self.index.similar.candidates(m, place):  # type: ignore[attr-defined]
            if other.cable_id in self.decided.stale:
                continue
            d = self.decided.get(other.cable_id, other.key)
            if not is_decided(d):
                continue
            match = compare(m, place, self.index.members[other.cable_id], other)
            if match is None or match.score >= 1.0:
                continue
            if best is None or (match.score, other.cable_id) > (
                best[0].score,
                best[0].other.cable_id,
            ):
                best = (match, d)
        if best is None:
            return None
        match, d = best
        # Not by the other cable's ID (the comment goes to the Vaughn index; see _copy).
        comment = f"as {match.other.label} of a similar text in the case"
        mine = similar_decision(self.index, match, d, comment)
        changed = differing(m, match)
        n = sum(len(m.cable.text[a:b].split()) for a, b in changed)
        return Proposal(
            SIMILAR,
            place.cable_id,
            place.key,
            place.label,
            place.start,
            place.end,
            _codes(mine),
            f"similar to {match.other.where()} ({describe(d)}); {_changes(n, match.missing)}",
            match.other,
            mine,
            round(match.score, 3),
            tuple(changed),
        )

    # -- case memory ---------------------------------------------------------------------
    def _terms(self, m: Member) -> list[Proposal]:
        out: dict[tuple[int, int], Proposal] = {}
        own = self.decided.by_cable.get(m.cable_id, {})
        for term, start, end in find_terms(m, self.terms):
            region = m.partition.at(start)
            if region is None or not region.decidable:
                continue
            if term.source.cable_id == m.cable_id and term.source.start <= start < term.source.end:
                continue  # the withheld span itself
            d = own.get(region.key, Decision())
            if d.action == Action.WITHHOLD or self.decided.covered(
                self.index, m.cable_id, region.key, start, end
            ):
                continue  # withheld already (by the reviewer, or the recurrences rule)
            if (start, end) in out:
                continue
            out[start, end] = Proposal(
                TERM,
                m.cable_id,
                region.key,
                region.label,
                start,
                end,
                term.codes,
                f"'{' '.join(term.text.split())}' is withheld {' '.join(term.codes)} in "
                f"{term.source.where()}",
                term.source,
            )
        return list(out.values())


def withheld_terms(index: CaseIndex, decided: Decided) -> list[Term]:
    """Every span a reviewer withheld in the case, once per folded text (first place kept)."""
    seen: dict[str, Term] = {}
    for cid in sorted(decided.by_cable):
        m = index.members.get(cid)
        if m is None or cid in decided.stale:
            continue
        for key, d in decided.by_cable[cid].items():
            if not d.spans:
                continue
            region = m.partition.get(key)
            if region is None:
                continue
            place = m.places.get(key) or Place(
                cid, key, region.label, region.kind, region.body_start, region.end, 0, 0
            )
            for s in d.spans:
                folded = m.folded.slice(s.start, s.end)
                if len(folded) < MIN_TERM or folded in seen:
                    continue
                text = m.cable.text[s.start : s.end]
                seen[folded] = Term(folded, text, s.codes, place)
    return list(seen.values())


def find_terms(m: Member, terms: list[Term]) -> list[tuple[Term, int, int]]:
    """Where each term occurs in the cable as whole words (folded: any case or wrapping)."""
    chars, text = m.folded.chars, m.cable.text
    out = []
    for term in terms:
        pos = chars.find(term.folded)
        while pos != -1:
            start, end = m.folded.source(pos, pos + len(term.folded))
            if (start == 0 or not text[start - 1].isalnum()) and (
                end >= len(text) or not text[end].isalnum()
            ):
                out.append((term, start, end))
            pos = chars.find(term.folded, pos + 1)
    return out


def _covered(proposals: list[Proposal]) -> list[tuple[int, int]]:
    """What the region proposals would withhold: a case term inside it adds nothing."""
    out = []
    for p in proposals:
        d = p.decision
        if d is None:
            continue
        if d.action == Action.WITHHOLD:
            out.append((p.start, p.end))
        out.extend((s.start, s.end) for s in d.spans)
    return out


def _changes(differ: int, missing: int) -> str:
    """ "2 words differ", "2 words differ, 38 of its words are not here" (a dropped sentence
    shows no differing word in this copy: say so, or "0 words differ" misleads)."""
    out = f"{differ} word{'s differ' if differ != 1 else ' differs'}"
    if missing:
        out += f", {missing} of its words {'are' if missing != 1 else 'is'} not here"
    return out


def _codes(d: Decision) -> tuple[str, ...]:
    if d.action == Action.WITHHOLD:
        return d.codes
    return tuple(dict.fromkeys(c for s in d.spans for c in s.codes))


def by_region(proposals: list[Proposal]) -> dict[str, list[Proposal]]:
    out: dict[str, list[Proposal]] = defaultdict(list)
    for p in proposals:
        out[p.key].append(p)
    return out
