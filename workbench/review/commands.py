"""Changes to a review, as command objects with ``apply`` and ``revert``.

Every change a reviewer makes is one of these, so the GUI's undo stack (a ``QUndoCommand``
wrapping a command), the CLI and the store (which commits each one as it is applied) share one
implementation. Qt-free.

A command names the regions (and rules) it may change, records their state when applied, and
``revert`` restores exactly that: commands are reverted in the reverse order of application,
as an undo stack does. What it can check without the review (codes present, a span that ends
after it starts) it checks at construction, so a bad change is refused before it reaches an
undo stack; the rest (a span outside its region) when applied, leaving the review unchanged.

The selection commands (``redact``, ``unredact``) never release anything: redacting text in a
pending region keeps the region pending (with the span remembered), and un-redacting the last
span of a partial release leaves it released, as it was before the redaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.cable.model import Cable, Paragraph
from workbench.naming import paragraph_name
from workbench.review.model import (
    FIELDS,
    PENDING,
    Action,
    Decision,
    Redaction,
    Review,
    ReviewError,
    region_key,
)
from workbench.review.regions import KIND_LABELS, Region, partition
from workbench.review.rules import RULES

FIELD_LABELS = {name: KIND_LABELS[name] for name in FIELDS}

Target = Paragraph | Region | str | int


@dataclass(frozen=True)
class Snapshot:
    """The decisions and rules a command touches, as they were."""

    decisions: dict[str, Decision]
    rules_off: dict[str, bool]


def snapshot(review: Review, keys: Iterable[str], rules: Iterable[str]) -> Snapshot:
    return Snapshot(
        {k: review.decisions.get(k, PENDING) for k in keys},
        {r: r in review.rules_off for r in rules},
    )


def restore(review: Review, snap: Snapshot) -> None:
    for key, decision in snap.decisions.items():
        if decision == PENDING:
            review.decisions.pop(key, None)
        else:
            review.decisions[key] = decision
    for name, off in snap.rules_off.items():
        (review.rules_off.add if off else review.rules_off.discard)(name)


def clean_codes(codes: Iterable[str], what: str) -> tuple[str, ...]:
    """Codes without blanks and duplicates; a redaction must carry at least one."""
    out = tuple(dict.fromkeys(c.strip() for c in codes if c and c.strip()))
    if not out:
        raise ReviewError(f"{what} needs at least one exemption code, such as (b)(1) or (b)(6)")
    return out


def _clean_span(span: Redaction) -> Redaction:
    if span.start >= span.end:
        raise ReviewError(f"the span {span.start}-{span.end} is empty: it must end after it starts")
    codes = clean_codes(span.codes, f"the redaction at {span.start}-{span.end}")
    return Redaction(span.start, span.end, codes, span.comment.strip())


def check_span(paragraph: Paragraph, span: Redaction) -> Redaction:
    """A span with clean codes, refused unless it lies inside the paragraph's body."""
    span = _clean_span(span)
    if not (paragraph.body_start <= span.start < span.end <= paragraph.end):
        raise ReviewError(
            f"span {span.start}-{span.end} is outside {paragraph_name(paragraph)} "
            f"(its text runs from {paragraph.body_start} to {paragraph.end}): "
            "choose text inside the paragraph"
        )
    return span


def _name(target: Target) -> str:
    if isinstance(target, Paragraph):
        return paragraph_name(target, capital=True)
    if isinstance(target, Region):
        return target.label
    key = region_key(target)
    return FIELD_LABELS.get(key, key)


class Command:
    """Base: subclasses set ``label``, ``keys`` (and ``rules``) and implement ``_do``."""

    label: str = "change"
    keys: frozenset[str] = frozenset()  # region keys this command may change
    rules: frozenset[str] = frozenset()  # rules this command may switch

    _before: Snapshot | None = None

    @property
    def paragraphs(self) -> frozenset[int]:
        """Paragraph indexes among ``keys`` (for views that list paragraphs)."""
        return frozenset(int(k[1:]) for k in self.keys if k[:1] == "p" and k[1:].isdigit())

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(k for k in self.keys if k in FIELDS)

    def apply(self, review: Review) -> None:
        """Make the change; on error the review is left exactly as it was."""
        before = snapshot(review, self.keys, self.rules)
        try:
            self._do(review)
        except BaseException:
            restore(review, before)
            raise
        self._before = before

    def revert(self, review: Review) -> None:
        """Undo the last ``apply``."""
        if self._before is None:
            raise ReviewError(f"cannot undo '{self.label}': it was never applied")
        restore(review, self._before)

    def _do(self, review: Review) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.label!r}>"


class SetDecision(Command):
    """Set one region's decision outright (release, withhold, partial, or back to pending)."""

    def __init__(self, target: Target, decision: Decision) -> None:
        where = _name(target)
        comment = decision.comment.strip()
        if decision.action == Action.WITHHOLD:
            decision = Decision(Action.WITHHOLD, clean_codes(decision.codes, where), comment)
        elif decision.action == Action.PARTIAL:
            if not decision.spans:
                raise ReviewError(f"a partial release of {where} needs at least one redacted span")
            spans = [
                check_span(target, s) if isinstance(target, Paragraph) else _clean_span(s)
                for s in decision.spans
            ]
            decision = Decision(Action.PARTIAL, (), comment, tuple(spans))
        elif decision.action == Action.RELEASE:
            decision = Decision(Action.RELEASE, (), comment)
        else:
            decision = PENDING
        self.decision = decision
        self.key = region_key(target)
        self.keys = frozenset({self.key})
        self.label = f"{where}: {_describe(decision)}"

    def _do(self, review: Review) -> None:
        review.with_decision(self.key, self.decision)


class Release(Command):
    """Release a region. Spans already redacted in it stay withheld (it becomes partial)."""

    def __init__(self, target: Target, comment: str = "") -> None:
        self.key = region_key(target)
        self.keys = frozenset({self.key})
        self.comment = comment.strip()
        self.label = f"{_name(target)}: release"

    def _do(self, review: Review) -> None:
        current = review.decision(self.key)
        spans = current.spans if current.action in (Action.PENDING, Action.PARTIAL) else ()
        comment = self.comment or current.comment
        action = Action.PARTIAL if spans else Action.RELEASE
        review.with_decision(self.key, Decision(action, (), comment, spans))


def release(target: Target, comment: str = "") -> Release:
    return Release(target, comment)


def withhold(target: Target, codes: Sequence[str], comment: str = "") -> SetDecision:
    return SetDecision(target, Decision(Action.WITHHOLD, tuple(codes), comment))


def partial(target: Target, spans: Sequence[Redaction], comment: str = "") -> SetDecision:
    return SetDecision(target, Decision(Action.PARTIAL, (), comment, tuple(spans)))


def set_pending(target: Target) -> SetDecision:
    return SetDecision(target, PENDING)


class AddSpans(Command):
    """Redact more text in one region. A released region becomes partial; a pending one stays
    pending, with the spans kept for when it is decided, unless ``release_rest`` (the reviewer
    asked to release the rest of it); one withheld in full is refused."""

    def __init__(
        self, target: Target, spans: Sequence[Redaction], release_rest: bool = False
    ) -> None:
        self.release_rest = release_rest
        if not spans:
            raise ReviewError(f"nothing to redact in {_name(target)}")
        self.key = region_key(target)
        self.name = _name(target)
        self.spans = [
            check_span(target, s) if isinstance(target, Paragraph) else _clean_span(s)
            for s in spans
        ]
        self.keys = frozenset({self.key})
        n = len(self.spans)
        self.label = f"{self.name}: redact {n} span{'s' if n != 1 else ''}"

    def _do(self, review: Review) -> None:
        current = review.decision(self.key)
        if current.action == Action.WITHHOLD:
            raise ReviewError(
                f"{self.name} is withheld in full already; release it to redact parts"
            )
        pending = current.action == Action.PENDING and not self.release_rest
        action = Action.PENDING if pending else Action.PARTIAL
        spans = (*current.spans, *self.spans)
        review.with_decision(self.key, Decision(action, (), current.comment, spans))


class RemoveSpans(Command):
    """Release text inside one region again: cut ``start``-``end`` out of its spans.

    A partial release whose last span goes is released (as it was before the redaction); a
    pending region stays pending.
    """

    def __init__(self, target: Target, start: int, end: int) -> None:
        if start >= end:
            raise ReviewError(f"nothing to un-redact between {start} and {end}")
        self.key = region_key(target)
        self.name = _name(target)
        self.start, self.end = start, end
        self.keys = frozenset({self.key})
        self.label = f"{self.name}: un-redact {start}-{end}"

    def _do(self, review: Review) -> None:
        current = review.decision(self.key)
        if not current.spans:
            raise ReviewError(f"{self.name} has no redacted spans to remove")
        kept = _cut(current.spans, self.start, self.end)
        action = current.action
        if action == Action.PARTIAL and not kept:
            action = Action.RELEASE
        review.with_decision(self.key, Decision(action, current.codes, current.comment, kept))


def _cut(spans: Iterable[Redaction], start: int, end: int) -> tuple[Redaction, ...]:
    kept: list[Redaction] = []
    for s in spans:
        if s.end <= start or s.start >= end:
            kept.append(s)
            continue
        if s.start < start:
            kept.append(Redaction(s.start, start, s.codes, s.comment))
        if s.end > end:
            kept.append(Redaction(end, s.end, s.codes, s.comment))
    return tuple(kept)


def _clip(text: str, region: Region, start: int, end: int) -> tuple[int, int] | None:
    """The part of ``start``-``end`` inside the region's body, without white space at its ends."""
    s, e = max(start, region.body_start), min(end, region.end)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def redact(
    cable: Cable, review: Review, start: int, end: int, codes: Sequence[str], comment: str = ""
) -> Command:
    """Withhold the text ``start``-``end``, clipped to the bodies of every region it touches
    (several paragraphs and header fields at once). Regions withheld in full are left as they
    are; nothing is released."""
    codes_t = clean_codes(codes, "the redaction")
    children: list[Command] = []
    for r in review.partition.overlapping(start, end):
        if not r.decidable or review.decision(r.key).action == Action.WITHHOLD:
            continue
        clipped = _clip(cable.text, r, start, end)
        if clipped:
            children.append(AddSpans(r, [Redaction(*clipped, codes_t, comment)]))
    if not children:
        raise ReviewError(
            "the selection holds no text that can be redacted (it is blank, a label, or "
            "already withheld): select words of the cable's text"
        )
    if len(children) == 1:
        return children[0]
    return Composite(children, f"Redact selection ({len(children)} regions)")


def unredact(review: Review, start: int, end: int) -> Command:
    """Release again every withheld span character within ``start``-``end``, in every region:
    after ``redact(a, b)`` then ``unredact(a, b)`` no span of the redaction is left."""
    children: list[Command] = [
        RemoveSpans(r, start, end)
        for r in review.partition.overlapping(start, end)
        if any(s.start < end and start < s.end for s in review.decision(r.key).spans)
    ]
    if not children:
        raise ReviewError("nothing redacted in the selection: select withheld spans to release")
    if len(children) == 1:
        return children[0]
    return Composite(children, f"Un-redact selection ({len(children)} regions)")


def release_all(review: Review, keys: Iterable[str], label: str = "Release") -> Command:
    """Release several regions in one step (one undo, one transaction)."""
    children: list[Command] = [Release(review.region(k)) for k in keys]
    return Composite(children, label)


class SetField(Command):
    """Withhold a header field in full (the older name for ``withhold(field, codes)``)."""

    def __init__(
        self, name: str, codes: Sequence[str], comment: str = "", cable: Cable | None = None
    ) -> None:
        _check_field(name)
        if cable is not None and partition(cable).get(name) is None:
            raise ReviewError(
                f"{cable.id or cable.path} has no {FIELD_LABELS[name].lower()} line to withhold"
            )
        self.inner = withhold(name, codes, comment)
        self.keys = self.inner.keys
        self.label = f"{FIELD_LABELS[name]}: withhold {', '.join(self.inner.decision.codes)}"

    def _do(self, review: Review) -> None:
        self.inner._do(review)


class ClearField(Release):
    """Release a header field (the older name for ``release(field)``)."""

    def __init__(self, name: str) -> None:
        _check_field(name)
        super().__init__(name)


class SetRule(Command):
    """Switch a rule on or off for this cable (``rules.RULES``)."""

    def __init__(self, name: str, on: bool) -> None:
        if name not in RULES:
            raise ReviewError(f"unknown rule {name!r}; rules: {', '.join(RULES)}")
        self.name, self.on = name, on
        self.rules = frozenset({name})
        self.label = f"Rule '{name}': {'on' if on else 'off'}"

    def _do(self, review: Review) -> None:
        (review.rules_off.discard if self.on else review.rules_off.add)(self.name)


def set_rule(name: str, on: bool) -> SetRule:
    return SetRule(name, on)


class Composite(Command):
    """Several changes as one step (one undo, one transaction in the store)."""

    def __init__(self, children: Sequence[Command], label: str) -> None:
        if not children:
            raise ReviewError(f"'{label}' has nothing to change")
        self.children = list(children)
        self.label = label
        self.keys = frozenset().union(*(c.keys for c in self.children))
        self.rules = frozenset().union(*(c.rules for c in self.children))

    def _do(self, review: Review) -> None:
        # Base.apply snapshots everything the children touch, so a child failing halfway
        # leaves the review as it was before the whole step.
        for child in self.children:
            child.apply(review)


class ReplaceReview(Command):
    """Make a review's decisions equal to ``target``'s (importing a decisions file).

    With ``merge``, regions (and rules) ``target`` leaves undecided are kept as they are.
    """

    def __init__(self, target: Review, label: str = "Import decisions", merge: bool = False):
        self.target = target
        self.label = label
        if merge:
            self.keys = frozenset(target.decisions)
            self.rules = frozenset(target.rules_off)
        else:
            self.keys = frozenset(r.key for r in target.regions())
            self.rules = frozenset(RULES)

    def _do(self, review: Review) -> None:
        if review.cable_hash != self.target.cable_hash or (
            review.partition.signature() != self.target.partition.signature()
        ):
            raise ReviewError(
                f"these decisions were made for another text of {self.target.cable_id}: "
                "its text differs from the cable under review"
            )
        for key in self.keys:
            review.with_decision(key, self.target.decision(key))
        for name in self.rules:
            if name in self.target.rules_off:
                review.rules_off.add(name)
            else:
                review.rules_off.discard(name)


def _check_field(name: str) -> None:
    if name not in FIELDS:
        raise ReviewError(f"unknown header field {name!r}; known fields: {', '.join(FIELDS)}")


def _describe(d: Decision) -> str:
    if d.action == Action.WITHHOLD:
        return f"withhold {', '.join(d.codes)}"
    if d.action == Action.PARTIAL:
        n = len(d.spans)
        return f"partial release, {n} span{'s' if n != 1 else ''} redacted"
    return d.action.value
