"""Carrying a decision from one place of a case to another: copies and near-copies.

A release or a withholding in full is the same decision anywhere. A partial release's spans are
moved by the folded text: in an exact copy each span covers the same letters in the other copy,
whatever its wrapping or case; in a near-copy, the same words where the two align, and where a
withheld word has no counterpart the differing words that stand in its place.
"""

from __future__ import annotations

from workbench.case.index import CaseIndex, Place
from workbench.case.similar import Match, word_map
from workbench.review.model import Action, Decision, Redaction

Signature = tuple[object, ...]


def signature(index: CaseIndex, place: Place, d: Decision) -> Signature:
    """A decision in a form two copies compare equal by (codes in any order, spans by the
    folded letters they cover, comments ignored)."""
    if d.action == Action.PARTIAL:
        f = index.members[place.cable_id].folded
        spans = []
        for s in d.spans:
            a, b = f.index_range(s.start, s.end)
            spans.append((a - place.fold_start, b - place.fold_start, tuple(sorted(s.codes))))
        return ("partial", tuple(sorted(spans)))
    if d.action == Action.WITHHOLD:
        return ("withhold", tuple(sorted(d.codes)))
    return (d.action.value,)


def copy_decision(
    index: CaseIndex, source: Place, d: Decision, target: Place, comment: str
) -> Decision:
    """``d`` made at ``source``, for ``target`` (an exact copy of it)."""
    if d.action != Action.PARTIAL:
        return Decision(d.action, d.codes, comment)
    sf = index.members[source.cable_id].folded
    tf = index.members[target.cable_id].folded
    spans = []
    for s in d.spans:
        a, b = sf.index_range(s.start, s.end)
        a, b = a - source.fold_start + target.fold_start, b - source.fold_start + target.fold_start
        if a >= b or b > target.fold_end:
            continue
        start, end = tf.source(a, b)
        spans.append(Redaction(start, end, s.codes, s.comment))
    if not spans:
        return Decision(Action.RELEASE, (), comment)
    return Decision(Action.PARTIAL, (), comment, tuple(spans))


def similar_decision(index: CaseIndex, match: Match, d: Decision, comment: str) -> Decision:
    """``d`` made at ``match.other``, for ``match.place`` (a near-copy of it)."""
    if d.action != Action.PARTIAL:
        return Decision(d.action, d.codes, comment)
    target, source = match.place, match.other
    sf = index.members[source.cable_id].folded
    tf = index.members[target.cable_id].folded
    s_first, _ = sf.word_range(source.start, source.end)
    t_first, t_last = tf.word_range(target.start, target.end)
    aligned = word_map(match)
    spans = []
    for s in d.spans:
        wa, wb = sf.word_range(s.start, s.end)
        mapped = [aligned[w - s_first] for w in range(wa, wb) if (w - s_first) in aligned]
        if len(mapped) < wb - wa:
            # A withheld word without its counterpart: withhold the target's words between
            # the nearest aligned neighbours, so nothing that stood in its place is released.
            before = [aligned[k] for k in aligned if k < wa - s_first]
            after = [aligned[k] for k in aligned if k >= wb - s_first]
            lo = (max(before) + 1) if before else 0
            hi = (min(after) - 1) if after else (t_last - t_first - 1)
            mapped = [*mapped, lo, hi] if lo <= hi else mapped
        if not mapped:
            continue
        a = tf.word(t_first + min(mapped))[0]
        b = tf.word(t_first + max(mapped))[1]
        start, end = tf.source(a, b)
        spans.append(Redaction(start, end, s.codes, s.comment))
    if not spans:
        # Nothing to map the spans to: withhold the whole region rather than release it.
        codes = tuple(dict.fromkeys(c for s in d.spans for c in s.codes))
        return Decision(Action.WITHHOLD, codes, comment)
    return Decision(Action.PARTIAL, (), comment, tuple(spans))
