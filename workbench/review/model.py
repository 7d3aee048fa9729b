"""The review of one cable: a decision per region of its text (see ``regions``).

Qt-free. A region is decided by a reviewer (release, withhold with codes, or partial: released
with spans withheld), or by a visible rule (``rules``), or not at all (pending). A release
prints a region only when it is released: pending is withheld (``--allow-pending``) or refused.
Decisions are keyed by region key (``p3``, ``subject``, ``passing:1``); spans are offsets into
``Cable.text``. A pending region may already carry spans (a name found and redacted before
the region was read): they are kept, and the region stays pending until someone decides it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from workbench.cable.model import Cable, Paragraph
from workbench.review.regions import HEADER_FIELDS, Partition, Region, partition
from workbench.review.rules import rule_for


class Action(StrEnum):
    PENDING = "pending"
    RELEASE = "release"
    WITHHOLD = "withhold"
    PARTIAL = "partial"


# Header fields a reviewer decides (each is a region keyed by its name).
FIELDS: tuple[str, ...] = HEADER_FIELDS

PENDING_CODE = "PENDING REVIEW"


class ReviewError(ValueError):
    """A change the review refuses (a span outside its region, an unknown region...)."""


def review_id(cable: Cable) -> str:
    """The key a cable's review is stored under: its reference ID, else its file name."""
    if cable.id:
        return cable.id
    if cable.path:
        # Cable files are usually named by their ID (07SEOUL219.txt, 07SEOUL219.crlf.txt).
        name = cable.path.replace("\\", "/").rsplit("/", 1)[-1]
        # A file name that is not UTF-8 (held as lone surrogates) would not fit in the store.
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return name.split(".", 1)[0] or name
    return "cable"


def paragraph_spans(cable: Cable) -> tuple[tuple[int, int], ...]:
    return tuple((p.start, p.end) for p in cable.paragraphs)


def text_hash(text: str) -> str:
    """Identity of a cable's text: decisions hold offsets, valid only for this exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Redaction:
    """A withheld span inside a region."""

    start: int
    end: int
    codes: tuple[str, ...]
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    """What was decided for one region."""

    action: Action = Action.PENDING
    codes: tuple[str, ...] = ()  # for WITHHOLD
    comment: str = ""
    spans: tuple[Redaction, ...] = ()  # for PARTIAL (and proposals on a PENDING region)


PENDING = Decision()
RELEASED = Decision(Action.RELEASE)


@dataclass(frozen=True, slots=True)
class FieldRedaction:
    """A header field withheld in full (the form of stores and files before regions)."""

    field: str
    codes: tuple[str, ...]
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Effective:
    """A region's decision and who made it: ``reviewer``, ``rule:NAME``, or "" (pending)."""

    decision: Decision
    by: str = ""

    @property
    def action(self) -> Action:
        return self.decision.action


@dataclass(frozen=True, slots=True)
class Withholding:
    """One piece of text withheld, as export, verification and the Vaughn index see it.

    ``kind`` is ``paragraph`` (a paragraph's body after its label), ``field`` (a header
    field), ``region`` (any other region: passing lines, unparsed text...) or ``span``.
    ``paragraph`` is the paragraph's index, ``field`` the header field's name, ``region``
    the region's key. ``repeats`` is set on a span the ``recurrences`` rule withholds: the
    regions whose withheld text it repeats (``Subject``, ``paragraph 2``).
    """

    kind: str
    start: int
    end: int
    codes: tuple[str, ...]
    comment: str = ""
    paragraph: int | None = None
    field: str | None = None
    region: str | None = None
    repeats: str | None = None


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
    """Where header field ``name`` stands in the text (its region's body)."""
    if name not in FIELDS:
        raise ReviewError(f"unknown header field {name!r}; known fields: {', '.join(FIELDS)}")
    return [
        (r.body_start, r.end)
        for r in partition(cable).regions
        if r.kind == name and r.end > r.body_start
    ]


def region_key(target: Paragraph | Region | str | int) -> str:
    """The region key for a paragraph (by object or index), a region, or a key."""
    if isinstance(target, Paragraph):
        return f"p{target.index}"
    if isinstance(target, Region):
        return target.key
    if isinstance(target, int) and not isinstance(target, bool):
        return f"p{target}"
    return str(target)


def _withholding_kind(region: Region) -> tuple[str, int | None, str | None]:
    if region.kind == "paragraph":
        return "paragraph", region.paragraph, None
    if region.kind in FIELDS:
        return "field", None, region.kind
    return "region", None, None


@dataclass
class Review:
    """Decisions for one cable. Mutated only through commands (see ``review.commands``)."""

    cable_id: str
    cable_hash: str
    partition: Partition = field(repr=False, compare=False)
    decisions: dict[str, Decision] = field(default_factory=dict)
    rules_off: set[str] = field(default_factory=set)
    # The version of each region's decision ("p3", "subject") as the store last read or wrote
    # it for this review (issue 17): a change to something another reviewer changed since is
    # refused as a conflict. Copies of the review (a worker's mirror) carry it along.
    versions: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Who made the decisions, from the store's audit log (a release's "By:"); empty when the
    # review came from a decisions file.
    deciders: tuple[str, ...] = field(default=(), compare=False, repr=False)
    # The recurrences rule's spans, for the decisions and rules they were found for.
    _recurring: tuple[object, dict[str, tuple[Redaction, ...]]] | None = field(
        default=None, init=False, compare=False, repr=False
    )

    @classmethod
    def for_cable(cls, cable: Cable) -> Review:
        return cls(review_id(cable), text_hash(cable.text), partition(cable))

    def copy(self) -> Review:
        return Review(
            self.cable_id,
            self.cable_hash,
            self.partition,
            dict(self.decisions),
            set(self.rules_off),
            dict(self.versions),
        )

    # -- reading ---------------------------------------------------------------------------
    def region(self, key: str | Paragraph | Region | int) -> Region:
        k = region_key(key)
        r = self.partition.get(k)
        if r is None:
            raise ReviewError(f"there is no region {k!r} in {self.cable_id}")
        return r

    def decision(self, key: str | Paragraph | Region | int) -> Decision:
        """The reviewer's own decision for a region (PENDING when none)."""
        return self.decisions.get(region_key(key), PENDING)

    def effective(self, key: str | Paragraph | Region | int) -> Effective:
        """What a release does with the region: the reviewer's decision, else a rule's; and
        where withheld text recurs in a region a release prints, the ``recurrences`` rule
        withholds it there too (the region is then released in part, by that rule)."""
        region = key if isinstance(key, Region) else self.region(key)
        e = self._effective(region, 0)
        if e.action not in (Action.RELEASE, Action.PARTIAL):
            return e
        spans = self.recurrences().get(region.key)
        if not spans:
            return e
        from workbench.review.recurrences import RULE

        merged = merge_spans([*e.decision.spans, *spans])
        return Effective(Decision(Action.PARTIAL, (), e.decision.comment, merged), f"rule:{RULE}")

    def base_effective(self, key: str | Paragraph | Region | int) -> Effective:
        """:meth:`effective` before the ``recurrences`` rule (which is worked out from it)."""
        region = key if isinstance(key, Region) else self.region(key)
        return self._effective(region, 0)

    def recurrences(self) -> dict[str, tuple[Redaction, ...]]:
        """Per region key, the spans the ``recurrences`` rule withholds there (computed once
        for each state of the decisions)."""
        from workbench.review.recurrences import RULE, find_recurrences

        if RULE in self.rules_off:
            return {}
        # Asked once per region a release prints, so the check must be cheap: a dict compared
        # with ``==`` takes no copy and compares each value by identity first (a tuple of the
        # items, built on every call, made rendering quadratic in the number of regions).
        if self._recurring is not None:
            seen, found = self._recurring
            if seen == (self.decisions, self.rules_off):
                return found
        state = (dict(self.decisions), frozenset(self.rules_off))
        self._recurring = (state, {})  # while it is worked out (and should it recur), nothing
        base = {r.key: self._effective(r, 0).decision for r in self.regions()}
        found = find_recurrences(self, base)
        self._recurring = (state, found)
        return found

    def _effective(self, region: Region, depth: int) -> Effective:
        own = self.decisions.get(region.key, PENDING)
        if own.action != Action.PENDING:
            return Effective(own, "reviewer")
        if region.kind == "blank":
            return Effective(RELEASED, "blank")
        rule = rule_for(region.kind)
        if rule is None or rule.name in self.rules_off:
            return Effective(own)
        if depth == 0 and not own.spans:
            from workbench.review.repeats import origin_rule

            withheld = origin_rule(self, region)
            if withheld is not None:
                return withheld
        if region.kind != "repeat" and own.spans:
            # Spans a reviewer redacted in a line a rule releases: the rest is released.
            return Effective(
                Decision(Action.PARTIAL, (), own.comment, own.spans), f"rule:{rule.name}"
            )
        if region.kind == "repeat":
            original = self.partition.get(region.follows or "")
            if original is None or depth > 3:
                return Effective(own)
            o = self._effective(original, depth + 1)
            if o.action == Action.RELEASE and region.continues:
                # The rest of a field after a page break is withheld with it, never released
                # by a rule: what the reader took for it may be a passing line of its own.
                return Effective(own)
            if o.action == Action.RELEASE:
                return Effective(RELEASED, f"rule:{rule.name}")
            if o.action == Action.PENDING and not o.decision.spans:
                return Effective(own)
            # Withheld in full or in part there: withheld in full here (the repeat's spans
            # need not fall on the same words).
            codes = tuple(
                dict.fromkeys(
                    o.decision.codes + tuple(c for s in o.decision.spans for c in s.codes)
                )
            ) or (PENDING_CODE,)
            return Effective(Decision(Action.WITHHOLD, codes), f"rule:{rule.name}")
        return Effective(RELEASED, f"rule:{rule.name}")

    def regions(self) -> list[Region]:
        """The regions a reviewer decides, in text order."""
        return self.partition.decidable()

    def pending(self) -> list[Region]:
        return [r for r in self.regions() if self._effective(r, 0).action == Action.PENDING]

    @property
    def region_count(self) -> int:
        return len(self.regions())

    @property
    def decided_count(self) -> int:
        return self.region_count - len(self.pending())

    @property
    def is_complete(self) -> bool:
        """Every region decided, by a reviewer or a rule."""
        return not self.pending()

    @property
    def paragraph_count(self) -> int:
        return sum(1 for r in self.partition.regions if r.kind == "paragraph")

    @property
    def fields(self) -> Mapping[str, FieldRedaction]:
        """Header fields withheld in full (read-only; the form older callers know)."""
        out = {}
        for key, d in self.decisions.items():
            r = self.partition.get(key)
            if r is not None and r.kind in FIELDS and d.action == Action.WITHHOLD:
                out[r.kind] = FieldRedaction(r.kind, d.codes, d.comment)
        return MappingProxyType(out)

    def codes_used(self) -> list[str]:
        """Every code used, in first-use order (text order)."""
        seen: dict[str, None] = {}
        for r in self.regions():
            d = self.decisions.get(r.key)
            if d is None:
                continue
            for c in d.codes:
                seen.setdefault(c)
            for s in d.spans:
                for c in s.codes:
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

        With ``allow_pending`` a pending region is withheld whole with the code PENDING REVIEW;
        without it, pending regions are left to the caller (export refuses them), but spans
        already redacted in them are listed.
        """
        self.check_cable(cable)
        out: list[Withholding] = []
        recurring = self.recurrences()
        for r in self.regions():
            e = self._effective(r, 0)
            d = e.decision
            kind, para, name = _withholding_kind(r)
            if d.action == Action.WITHHOLD or (d.action == Action.PENDING and allow_pending):
                codes = d.codes if d.action == Action.WITHHOLD else (PENDING_CODE,)
                if r.end > r.body_start:
                    out.append(
                        Withholding(kind, r.body_start, r.end, codes, d.comment, para, name, r.key)
                    )
                continue
            for s in d.spans:
                out.append(
                    Withholding("span", s.start, s.end, s.codes, s.comment, para, name, r.key)
                )
            if d.action in (Action.RELEASE, Action.PARTIAL):
                for s in recurring.get(r.key, ()):
                    what = s.comment.removeprefix("repeats text withheld in ")
                    out.append(
                        Withholding(
                            "span", s.start, s.end, s.codes, s.comment, para, name, r.key, what
                        )
                    )
        out = self._with_separators(out, allow_pending)
        from workbench.review.repeats import pending_origin

        if allow_pending:
            out.extend(pending_origin(self))
        out.sort(key=lambda w: (w.start, w.end))
        return out

    def _with_separators(self, out: list[Withholding], allow_pending: bool) -> list[Withholding]:
        """``out`` and each separator withheld with the region it follows, when that region is
        withheld whole (or pending, with ``allow_pending``): same codes, its own piece (so a
        paragraph's withholding stays inside the paragraph). A separator whose region is
        printed, in full or in part, is printed: it holds no text (``regions``)."""
        extra = []
        for r in self.partition.regions:
            if r.kind != "separator" or r.follows is None:
                continue
            followed = self.partition.get(r.follows)
            if followed is None:
                continue
            d = self._effective(followed, 0).decision
            if d.action == Action.WITHHOLD or (d.action == Action.PENDING and allow_pending):
                codes = d.codes if d.action == Action.WITHHOLD else (PENDING_CODE,)
                extra.append(
                    Withholding("region", r.start, r.end, codes, d.comment, None, None, r.key)
                )
        return out + extra if extra else out

    # -- changing (the commands call these) ------------------------------------------------
    def validate_span(self, region: Region, start: int, end: int) -> None:
        if not (region.body_start <= start < end <= region.end):
            raise ReviewError(
                f"span {start}-{end} is outside {region.name} "
                f"(its text runs from {region.body_start} to {region.end}): choose text inside it"
            )

    def with_decision(self, key: str | Paragraph | Region | int, decision: Decision) -> Decision:
        """Store ``decision`` for a region; return the one it replaces."""
        region = self.region(key)
        old = self.decision(region.key)
        if decision.spans:
            for s in decision.spans:
                self.validate_span(region, s.start, s.end)
            decision = Decision(
                decision.action, decision.codes, decision.comment, merge_spans(list(decision.spans))
            )
        if decision == PENDING:
            self.decisions.pop(region.key, None)
        else:
            self.decisions[region.key] = decision
        return old
