"""Changes to a review, as command objects with ``apply`` and ``revert``.

Every change a reviewer makes is one of these, so the GUI's undo stack (a ``QUndoCommand``
wrapping a command) and the store (which commits each one as it is applied) share one
implementation. Qt-free.

A command validates what it can at construction (codes present, spans inside their
paragraph), so a bad change is refused before it reaches an undo stack. It records the state
of what it touches when applied, and ``revert`` restores exactly that: commands are reverted in
the reverse order of application, as an undo stack does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.cable.model import Cable, Paragraph
from workbench.review.model import (
    FIELDS,
    PENDING,
    Action,
    Decision,
    FieldRedaction,
    Redaction,
    Review,
    ReviewError,
    field_spans,
    merge_spans,
)

FIELD_LABELS = {
    "subject": "Subject",
    "classified_by": "Classified by (name)",
    "from": "From",
    "to": "To",
    "info": "Info",
    "refs": "References",
    "signature": "Signature",
}


@dataclass(frozen=True)
class Snapshot:
    """The state of the paragraphs and fields a command touches (None = field not withheld)."""

    decisions: dict[int, Decision]
    fields: dict[str, FieldRedaction | None]


def snapshot(review: Review, paragraphs: Iterable[int], fields: Iterable[str]) -> Snapshot:
    return Snapshot(
        {i: review.decision(i) for i in paragraphs},
        {f: review.fields.get(f) for f in fields},
    )


def restore(review: Review, snap: Snapshot) -> None:
    for index, decision in snap.decisions.items():
        review.with_decision(index, decision)
    for name, value in snap.fields.items():
        if value is None:
            review.fields.pop(name, None)
        else:
            review.fields[name] = value


def clean_codes(codes: Iterable[str], what: str) -> tuple[str, ...]:
    """Codes without blanks and duplicates; a redaction must carry at least one."""
    out = tuple(dict.fromkeys(c.strip() for c in codes if c and c.strip()))
    if not out:
        raise ReviewError(f"{what} needs at least one exemption code, such as (b)(1) or (b)(6)")
    return out


def check_span(paragraph: Paragraph, span: Redaction) -> Redaction:
    """A span with clean codes, refused unless it lies inside the paragraph's body."""
    if span.start >= span.end:
        raise ReviewError(f"the span {span.start}-{span.end} is empty: it must end after it starts")
    if not (paragraph.body_start <= span.start < span.end <= paragraph.end):
        raise ReviewError(
            f"span {span.start}-{span.end} is outside paragraph {paragraph.key} "
            f"(its text runs from {paragraph.body_start} to {paragraph.end}): "
            "choose text inside the paragraph"
        )
    codes = clean_codes(span.codes, f"the redaction at {span.start}-{span.end}")
    return Redaction(span.start, span.end, codes, span.comment.strip())


class Command:
    """Base: subclasses set ``label``, ``paragraphs``, ``fields`` and implement ``_do``."""

    label: str = "change"
    paragraphs: frozenset[int] = frozenset()  # paragraph indices this command may change
    fields: frozenset[str] = frozenset()  # header fields this command may change

    _before: Snapshot | None = None

    def apply(self, review: Review) -> None:
        """Make the change; on error the review is left exactly as it was."""
        before = snapshot(review, self.paragraphs, self.fields)
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
    """Set one paragraph's decision outright (release, withhold, partial, or back to pending)."""

    def __init__(self, paragraph: Paragraph, decision: Decision) -> None:
        where = f"paragraph {paragraph.key}"
        comment = decision.comment.strip()
        if decision.action == Action.WITHHOLD:
            decision = Decision(Action.WITHHOLD, clean_codes(decision.codes, where), comment)
        elif decision.action == Action.PARTIAL:
            if not decision.spans:
                raise ReviewError(f"a partial release of {where} needs at least one redacted span")
            spans = merge_spans([check_span(paragraph, s) for s in decision.spans])
            decision = Decision(Action.PARTIAL, (), comment, spans)
        elif decision.action == Action.RELEASE:
            decision = Decision(Action.RELEASE, (), comment)
        else:
            decision = PENDING
        self.decision = decision
        self.index = paragraph.index
        self.paragraphs = frozenset({paragraph.index})
        self.label = f"Paragraph {paragraph.key}: {_describe(decision)}"

    def _do(self, review: Review) -> None:
        review.with_decision(self.index, self.decision)


def release(paragraph: Paragraph, comment: str = "") -> SetDecision:
    return SetDecision(paragraph, Decision(Action.RELEASE, comment=comment))


def withhold(paragraph: Paragraph, codes: Sequence[str], comment: str = "") -> SetDecision:
    return SetDecision(paragraph, Decision(Action.WITHHOLD, tuple(codes), comment))


def partial(paragraph: Paragraph, spans: Sequence[Redaction], comment: str = "") -> SetDecision:
    return SetDecision(paragraph, Decision(Action.PARTIAL, (), comment, tuple(spans)))


def set_pending(paragraph: Paragraph) -> SetDecision:
    return SetDecision(paragraph, PENDING)


class AddSpans(Command):
    """Redact more text in a paragraph; it becomes (or stays) a partial release.

    A paragraph already withheld in full is refused: adding a span to it would release the rest.
    """

    def __init__(self, paragraph: Paragraph, spans: Sequence[Redaction]) -> None:
        if not spans:
            raise ReviewError(f"nothing to redact in paragraph {paragraph.key}")
        self.key = paragraph.key
        self.index = paragraph.index
        self.spans = [check_span(paragraph, s) for s in spans]
        self.paragraphs = frozenset({paragraph.index})
        n = len(self.spans)
        self.label = f"Paragraph {paragraph.key}: redact {n} span{'s' if n != 1 else ''}"

    def _do(self, review: Review) -> None:
        current = review.decision(self.index)
        if current.action == Action.WITHHOLD:
            raise ReviewError(
                f"paragraph {self.key} is withheld in full; set it to partial release before "
                "redacting spans in it"
            )
        existing = current.spans if current.action == Action.PARTIAL else ()
        comment = current.comment if current.action == Action.PARTIAL else ""
        review.with_decision(
            self.index, Decision(Action.PARTIAL, (), comment, (*existing, *self.spans))
        )


class RemoveSpans(Command):
    """Release text inside a partial paragraph again: cut ``start``-``end`` out of its spans.

    When no span is left the paragraph goes back to pending, so the reviewer decides it again
    rather than it being released by accident.
    """

    def __init__(self, paragraph: Paragraph, start: int, end: int) -> None:
        if start >= end:
            raise ReviewError(f"nothing to un-redact between {start} and {end}")
        self.key = paragraph.key
        self.index = paragraph.index
        self.start, self.end = start, end
        self.paragraphs = frozenset({paragraph.index})
        self.label = f"Paragraph {paragraph.key}: un-redact {start}-{end}"

    def _do(self, review: Review) -> None:
        current = review.decision(self.index)
        if current.action != Action.PARTIAL:
            raise ReviewError(f"paragraph {self.key} has no redacted spans to remove")
        kept: list[Redaction] = []
        for s in current.spans:
            if s.end <= self.start or s.start >= self.end:
                kept.append(s)
                continue
            if s.start < self.start:
                kept.append(Redaction(s.start, self.start, s.codes, s.comment))
            if s.end > self.end:
                kept.append(Redaction(self.end, s.end, s.codes, s.comment))
        if kept:
            review.with_decision(
                self.index, Decision(Action.PARTIAL, (), current.comment, tuple(kept))
            )
        else:
            review.with_decision(self.index, PENDING)


class SetField(Command):
    """Withhold a header field (subject, classifier's name, addressees, references, signature)."""

    def __init__(
        self, name: str, codes: Sequence[str], comment: str = "", cable: Cable | None = None
    ) -> None:
        _check_field(name)
        if cable is not None and not field_spans(cable, name):
            raise ReviewError(
                f"{cable.id or cable.path} has no {FIELD_LABELS[name].lower()} line to withhold"
            )
        label = FIELD_LABELS[name]
        self.redaction = FieldRedaction(name, clean_codes(codes, label), comment.strip())
        self.fields = frozenset({name})
        self.label = f"{label}: withhold {', '.join(self.redaction.codes)}"

    def _do(self, review: Review) -> None:
        review.fields[self.redaction.field] = self.redaction


class ClearField(Command):
    """Release a header field that was withheld."""

    def __init__(self, name: str) -> None:
        _check_field(name)
        self.name = name
        self.fields = frozenset({name})
        self.label = f"{FIELD_LABELS[name]}: release"

    def _do(self, review: Review) -> None:
        review.fields.pop(self.name, None)


class Composite(Command):
    """Several changes as one step (one undo, one transaction in the store)."""

    def __init__(self, children: Sequence[Command], label: str) -> None:
        if not children:
            raise ReviewError(f"'{label}' has nothing to change")
        self.children = list(children)
        self.label = label
        self.paragraphs = frozenset().union(*(c.paragraphs for c in self.children))
        self.fields = frozenset().union(*(c.fields for c in self.children))

    def _do(self, review: Review) -> None:
        # Base.apply snapshots everything the children touch, so a child failing halfway
        # leaves the review as it was before the whole step.
        for child in self.children:
            child.apply(review)


class ReplaceReview(Command):
    """Make a review's decisions equal to ``target``'s (importing a decisions file).

    With ``merge``, paragraphs and fields ``target`` leaves pending are kept as they are.
    """

    def __init__(self, target: Review, label: str = "Import decisions", merge: bool = False):
        self.target = target
        self.label = label
        if merge:
            self.paragraphs = frozenset(target.decisions)
            self.fields = frozenset(target.fields)
        else:
            self.paragraphs = frozenset(range(1, target.paragraph_count + 1))
            self.fields = frozenset(FIELDS)

    def _do(self, review: Review) -> None:
        if (review.cable_hash, review.paragraph_count) != (
            self.target.cable_hash,
            self.target.paragraph_count,
        ):
            raise ReviewError(
                f"these decisions were made for another text of {self.target.cable_id}: "
                "its text differs from the cable under review"
            )
        for i in self.paragraphs:
            review.with_decision(i, self.target.decision(i))
        for name in self.fields:
            value = self.target.fields.get(name)
            if value is None:
                review.fields.pop(name, None)
            else:
                review.fields[name] = value


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
