"""What the reviewers have decided across a case: each cable's own decisions, by region.

Read for the whole case in one query (``store.case_decisions``); a cable whose review was saved
against another division into regions is read through ``store.load`` (which renumbers it), and
one whose file no longer has the text it was reviewed against is left out and named (its
offsets would point at other words). Only a reviewer's own decisions are compared between
cables (a rule's decision is the same wherever the rule applies), and nothing is ever inferred
from a proposal. But whether a word is *printed* is asked as the release asks it: the
``recurrences`` rule's spans count as withheld (``covered``), or a conflict would name a word
released that no release prints, and a proposal offer a span the rule already draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.case.index import CaseIndex
from workbench.review.jsonform import decision_from_json
from workbench.review.model import PENDING, Action, Decision, Redaction, Review, ReviewError


@dataclass
class Decided:
    """cable ID -> region key -> the reviewer's decision (pending ones left out, unless they
    carry spans already redacted)."""

    by_cable: dict[str, dict[str, Decision]] = field(default_factory=dict)
    stale: dict[str, str] = field(default_factory=dict)  # cable ID -> why it was left out
    rules_off: dict[str, frozenset[str]] = field(default_factory=dict)
    # cable ID -> region key -> the recurrences rule's spans (worked out when first asked)
    _rule_spans: dict[str, dict[str, tuple[Redaction, ...]]] = field(
        default_factory=dict, repr=False
    )

    def get(self, cable_id: str, key: str) -> Decision:
        return self.by_cable.get(cable_id, {}).get(key, PENDING)

    def set_review(self, review: Review) -> None:
        """Use a review held in memory (the window's open cable) over what the store read."""
        self.by_cable[review.cable_id] = dict(review.decisions)
        self.rules_off[review.cable_id] = frozenset(review.rules_off)
        self._rule_spans.pop(review.cable_id, None)

    def covered(self, index: CaseIndex, cable_id: str, key: str, start: int, end: int) -> bool:
        """Whether a release of ``cable_id`` withholds ``start``-``end`` of region ``key`` by a
        span: one the reviewer redacted, or one the ``recurrences`` rule draws there."""
        d = self.get(cable_id, key)
        if any(s.start <= start and end <= s.end for s in d.spans):
            return True
        spans = self._rule_spans.get(cable_id)
        if spans is None:
            m = index.members[cable_id]
            review = Review(
                cable_id,
                m.text_hash,
                m.partition,
                dict(self.by_cable.get(cable_id, {})),
                set(self.rules_off.get(cable_id, ())),
            )
            spans = self._rule_spans[cable_id] = review.recurrences()
        return any(s.start <= start and end <= s.end for s in spans.get(key, ()))


def read_decided(store: object, index: CaseIndex) -> Decided:
    out = Decided()
    members = index.members
    rows = store.case_decisions(list(members))  # type: ignore[attr-defined]
    for cid, m in members.items():
        row = rows.get(cid)
        if row is None:
            out.by_cable[cid] = {}
            continue
        out.rules_off[cid] = row.rules_off
        if row.cable_hash != m.text_hash:
            out.stale[cid] = (
                f"the file {m.path} no longer has the text {cid} was reviewed against, so its "
                "decisions are not used in the case: restore the file, or review it again"
            )
            continue
        if row.regions != m.partition.signature():
            try:
                review = store.load(m.cable)  # type: ignore[attr-defined]
            except ReviewError as exc:
                out.stale[cid] = str(exc)
                continue
            out.by_cable[cid] = dict(review.decisions)
            continue
        out.by_cable[cid] = {
            key: d
            for key, data in row.decisions.items()
            if (d := decision_from_json(data)) != PENDING
        }
    return out


def is_decided(d: Decision) -> bool:
    return d.action != Action.PENDING


def describe(d: Decision) -> str:
    """ "withheld (b)(1) 1.4(d)", "released", "released in part, 2 spans withheld (b)(6)"."""
    if d.action == Action.RELEASE:
        return "released"
    if d.action == Action.WITHHOLD:
        return "withheld " + " ".join(d.codes)
    if d.action == Action.PARTIAL:
        codes = " ".join(dict.fromkeys(c for s in d.spans for c in s.codes))
        n = len(d.spans)
        return f"released in part, {n} span{'s' if n != 1 else ''} withheld {codes}"
    return "undecided"
