"""The review of one cable: a decision per paragraph, and header fields withheld.

Qt-free. Paragraphs are keyed by their 1-based ``index`` in ``Cable.paragraphs`` (stable for a
given text, and defined for unnumbered blocks too); the decisions file and the CLI speak in
paragraph *numbers* and translate at the edge. Spans are offsets into ``Cable.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from enum import StrEnum

from workbench.cable.model import Cable, Paragraph


class Action(StrEnum):
    PENDING = "pending"
    RELEASE = "release"
    WITHHOLD = "withhold"
    PARTIAL = "partial"


# Header fields a reviewer can withhold, and how to find their spans in a cable.
FIELDS: tuple[str, ...] = ("subject", "classified_by", "from", "to", "info", "refs", "signature")

PENDING_CODE = "PENDING REVIEW"


class ReviewError(ValueError):
    """A change the review refuses (a span outside its paragraph, an unknown field...)."""


def review_id(cable: Cable) -> str:
    """The key a cable's review is stored under: its reference ID, else its file name."""
    if cable.id:
        return cable.id
    if cable.path:
        # Cable files are usually named by their ID (07SEOUL219.txt, 07SEOUL219.crlf.txt).
        name = cable.path.replace("\\", "/").rsplit("/", 1)[-1]
        return name.split(".", 1)[0] or name
    return "cable"


def paragraph_spans(cable: Cable) -> tuple[tuple[int, int], ...]:
    return tuple((p.start, p.end) for p in cable.paragraphs)


def text_hash(text: str) -> str:
    """Identity of a cable's text: decisions hold offsets, valid only for this exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Redaction:
    """A withheld span inside a paragraph."""

    start: int
    end: int
    codes: tuple[str, ...]
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    """What was decided for one paragraph."""

    action: Action = Action.PENDING
    codes: tuple[str, ...] = ()  # for WITHHOLD
    comment: str = ""
    spans: tuple[Redaction, ...] = ()  # for PARTIAL


PENDING = Decision()


@dataclass(frozen=True, slots=True)
class FieldRedaction:
    field: str
    codes: tuple[str, ...]
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Withholding:
    """One piece of text withheld, as export, verification and the Vaughn index see it.

    ``kind`` is ``paragraph`` (the paragraph body after its label and marking), ``span`` or
    ``field``. ``paragraph`` is the paragraph's index (None for header fields).
    """

    kind: str
    start: int
    end: int
    codes: tuple[str, ...]
    comment: str = ""
    paragraph: int | None = None
    field: str | None = None


def merge_spans(spans: list[Redaction]) -> tuple[Redaction, ...]:
    """Sort and merge overlapping or touching spans; merged spans keep every code and comment."""
    out: list[Redaction] = []
    for s in sorted(spans, key=lambda r: (r.start, r.end)):
        if out and s.start <= out[-1].end:
            last = out[-1]
            codes = tuple(dict.fromkeys(last.codes + s.codes))
            comment = "; ".join(c for c in dict.fromkeys((last.comment, s.comment)) if c)
            out[-1] = Redaction(last.start, max(last.end, s.end), codes, comment)
        else:
            out.append(s)
    return tuple(out)


def field_spans(cable: Cable, name: str) -> list[tuple[int, int]]:
    """Where header field ``name`` stands in the text (several spans for TO/INFO/REF lists)."""
    if name == "subject":
        return [(cable.subject.start, cable.subject.end)] if cable.subject else []
    if name == "classified_by":
        cb = cable.classified_by
        if cb is None:
            return []
        # Withhold the name, not the reasons: the reasons are what a requester may see.
        i = cable.text.find(cb.name[:20], cb.start, cb.end) if cb.name else -1
        if i == -1:
            return [(cb.start, cb.end)]
        end = i
        remaining = cb.name
        # The name may wrap over lines; walk the text word by word.
        for word in remaining.split():
            j = cable.text.find(word, end, cb.end)
            if j == -1:
                break
            end = j + len(word)
        return [(i, end)]
    if name == "from":
        return [(cable.origin.start, cable.origin.end)] if cable.origin else []
    if name == "to":
        return [(a.start, a.end) for a in cable.to]
    if name == "info":
        return [(a.start, a.end) for a in cable.info]
    if name == "refs":
        return [(r.start, r.end) for r in cable.refs]
    if name == "signature":
        return [(cable.signature.start, cable.signature.end)] if cable.signature else []
    raise ReviewError(f"unknown header field {name!r}; known fields: {', '.join(FIELDS)}")


@dataclass
class Review:
    """Decisions for one cable. Mutated only through commands (see ``review.commands``)."""

    cable_id: str
    cable_hash: str
    paragraph_count: int
    decisions: dict[int, Decision] = field(default_factory=dict)
    fields: dict[str, FieldRedaction] = field(default_factory=dict)
    # Where each paragraph stood (start, end) when the review began: the store keeps it so a
    # later reader that divides the same text differently cannot shift decisions silently.
    paragraph_spans: tuple[tuple[int, int], ...] = ()
    # The version of each paragraph ("3") and field ("subject") as the store last read or
    # wrote it for this review (issue 17): a change to something another reviewer changed since
    # is refused as a conflict. Copies of the review (a worker's mirror) carry it along.
    versions: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def for_cable(cls, cable: Cable) -> Review:
        return cls(
            review_id(cable),
            text_hash(cable.text),
            len(cable.paragraphs),
            paragraph_spans=paragraph_spans(cable),
        )

    # -- reading ---------------------------------------------------------------------------
    def decision(self, index: int) -> Decision:
        return self.decisions.get(index, PENDING)

    @property
    def decided_count(self) -> int:
        return sum(
            1
            for i in range(1, self.paragraph_count + 1)
            if self.decision(i).action != Action.PENDING
        )

    @property
    def is_complete(self) -> bool:
        return self.decided_count == self.paragraph_count

    def codes_used(self) -> list[str]:
        """Every code used, in first-use order (paragraph order, then fields)."""
        seen: dict[str, None] = {}
        for i in sorted(self.decisions):
            d = self.decisions[i]
            for c in d.codes:
                seen.setdefault(c)
            for s in d.spans:
                for c in s.codes:
                    seen.setdefault(c)
        for f in self.fields.values():
            for c in f.codes:
                seen.setdefault(c)
        return list(seen)

    def check_cable(self, cable: Cable) -> None:
        """Refuse to apply this review's offsets to a different text."""
        if text_hash(cable.text) != self.cable_hash:
            raise ReviewError(
                f"the text of {cable.id or cable.path} has changed since it was reviewed, so the "
                "saved redaction offsets no longer fit it: review it again or restore the original file"
            )

    def withholdings(self, cable: Cable, allow_pending: bool = False) -> list[Withholding]:
        """Every withheld piece of text, in text order.

        With ``allow_pending`` a pending paragraph is withheld with the code PENDING REVIEW;
        without it, pending paragraphs are left to the caller (export refuses them).
        """
        self.check_cable(cable)
        out: list[Withholding] = []
        for p in cable.paragraphs:
            d = self.decision(p.index)
            if d.action == Action.WITHHOLD:
                out.append(
                    Withholding("paragraph", p.body_start, p.end, d.codes, d.comment, p.index)
                )
            elif d.action == Action.PARTIAL:
                for s in d.spans:
                    out.append(Withholding("span", s.start, s.end, s.codes, s.comment, p.index))
            elif d.action == Action.PENDING and allow_pending:
                out.append(
                    Withholding("paragraph", p.body_start, p.end, (PENDING_CODE,), "", p.index)
                )
        for name, f in self.fields.items():
            for start, end in field_spans(cable, name):
                out.append(Withholding("field", start, end, f.codes, f.comment, None, name))
        out.sort(key=lambda w: (w.start, w.end))
        return out

    # -- validating changes (the commands call these) --------------------------------------
    def validate_span(self, paragraph: Paragraph, start: int, end: int) -> None:
        if not (paragraph.body_start <= start < end <= paragraph.end):
            raise ReviewError(
                f"span {start}-{end} is outside paragraph {paragraph.key} "
                f"({paragraph.body_start}-{paragraph.end}): choose text inside the paragraph"
            )

    def with_decision(self, index: int, decision: Decision) -> Decision:
        """Store ``decision`` for paragraph ``index``; return the one it replaces."""
        if not 1 <= index <= self.paragraph_count:
            raise ReviewError(f"there is no paragraph {index} in {self.cable_id}")
        old = self.decision(index)
        if decision.action == Action.PARTIAL:
            decision = replace(decision, spans=merge_spans(list(decision.spans)))
        if decision == PENDING:
            self.decisions.pop(index, None)
        else:
            self.decisions[index] = decision
        return old
