"""Paragraph labels in a cable body: where they stand, and which of them number the paragraphs.

The labels are found with few scans of the body, each a C loop over the text: one over the
newlines (a label at a line start, or a line long enough to be a run-together body, whose
labels stand inside it) and one for the pilcrows. A label's portion mark, when it is a plain
one on the same line (nearly all are), comes in the same match; only the others are read
apart. Everything per label is Python work, so it is kept to what each label needs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter

from workbench.cable.lines import LazyPattern
from workbench.cable.markings import PLAIN_MARK, plain_mark, read_portion_mark
from workbench.cable.model import Marking, Span
from workbench.cable.patterns import compile_pattern

# ``1.``, ``1.(U)``, `` 12 .`` at the start of a line (group ``label``: the label without its
# mark); the pilcrow form ``¶1.``, ``¶ 12 .`` may stand anywhere.
_LINE_LABEL = r"(?P<label>[ \t]*+(?P<num>\d{1,3})[ \t]*+\.(?=[ \t(]|\n|\Z|[A-Z]))"
_LINE_LABEL_RE = compile_pattern(_LINE_LABEL + PLAIN_MARK)
_PILCROW_LABEL_RE = compile_pattern(r"(?P<label>¶[ \t]*+(?P<num>\d{1,3})[ \t]*+\.?)" + PLAIN_MARK)

_LINE_LABEL_SCAN_RE = compile_pattern(r"\n" + _LINE_LABEL + PLAIN_MARK)
# A line this long is a run-together body, not a line: labels stand inside it.
LONG_LINE = 400

# A label on the rest of a PlusD page header line (``PAGE 03 HARARE 06677 03 OF 03 291401Z``).
_LABEL_AFTER_PAGE_RE = compile_pattern(r"[ \t]++(?P<num>\d{1,3})[ \t]*+\.(?=[ \t(])")
# A label inside a flattened line (the whole body run together on one line): only with its
# portion mark, which may have wrapped to the next line (``------- 1.\n (C) The Prime ...``).
# The definition of what :func:`_inline_labels` finds.
_INLINE_LABEL_RE = LazyPattern(
    r"(?<=[ \t.:\-])(?P<num>\d{1,3})[ \t]*+\.(?=[ \t]*+\n?[ \t]*+\((?:U|C|S|SBU|TS|LOU)(?:\)|/))"
)
_BODY_START_LABEL_RE = compile_pattern(
    r"[ \t]*+(?P<num>\d{1,3})[ \t]*+\.(?=[ \t]*+\n?[ \t]*+\((?:U|C|S|SBU|TS|LOU)(?:\)|/))"
)
_INLINE_MARK_RE = compile_pattern(r"\((?:U|C|S|SBU|TS|LOU)(?:\)|/)")
# What every inline label has, searched for in the whole body (a scan for dots in C; the
# pattern starts with the dot, or the engine would try it at every offset): a dot and a portion
# mark after it, the dot not just after a pilcrow label's number (``¶12. (C)`` opens most long
# lines, and :func:`_inline_labels` would walk back from its mark in Python only to find the
# pilcrow, which no inline label follows).
_INLINE_HINT_RE = compile_pattern(
    r"\.(?<!¶\d\.)(?<!¶\d\d\.)(?<!¶\d\d\d\.)[ \t]*+\n?[ \t]*+\((?:U|C|S|SBU|TS|LOU)(?:\)|/)"
)
_LABEL_BEFORE = frozenset(" \t.:-")


class Label:
    """A place that may begin a paragraph: ``start`` at its pilcrow or number, ``end`` after
    its portion mark when it has one. ``strong``: a pilcrow or a mark follows, surely a label.

    ``number`` is what it says; ``flat_number`` what it says in the Markdown form, where
    ``¶4.`` became ``14.`` (paragraph 4), or ``None`` where it cannot be such a label.
    """

    __slots__ = ("digits", "end", "flat_number", "marking", "number", "pilcrow", "start", "strong")

    def __init__(
        self, start: int, end: int, digits: str, marking: Marking | None, pilcrow: bool
    ) -> None:
        self.start = start
        self.end = end
        self.digits = digits
        self.strong = pilcrow or marking is not None
        self.marking = marking
        self.pilcrow = pilcrow
        self.number = int(digits)
        self.flat_number = (
            int(digits[1:]) if not pilcrow and len(digits) >= 2 and digits[0] == "1" else None
        )

    def readings(self, markdown: bool) -> tuple[int, ...]:
        """The numbers it may mean, likeliest first. In the Markdown form ``14.`` is
        paragraph 4; but the flattening was not applied to every label (some cables mix
        ``¶3.``, ``14.`` and ``10.(S/NF)``), so it may also mean 14 and the sequence decides."""
        if markdown and self.flat_number is not None:
            return (self.flat_number, self.number)
        return (self.number,)


class SpanSet:
    """Whether an offset falls inside any of a list of spans, by bisection (a body may have
    hundreds of noise spans and labels: testing each pair was a fifth of the parse time)."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        # The furthest end among the spans starting at or before each one (spans may overlap).
        self.reach: list[int] = []
        furthest = -1
        for s in ordered:
            furthest = max(furthest, s.end)
            self.reach.append(furthest)

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


def find_labels(source: str, lo: int, hi: int, noise: list[Span], in_noise: SpanSet) -> list[Label]:
    """The label candidates of ``source[lo:hi]`` outside ``noise``, in text order.

    (A label is outside noise by where it starts, or for a line's label where its line does.)
    """
    pilcrows: list[Label] = []
    for m in _PILCROW_LABEL_RE.finditer(source, lo, hi):
        if not (noise and m.start() in in_noise):
            pilcrows.append(_matched_label(source, m, m.start(), True))
    lines: list[Label] = []
    if (lo == 0 or source[lo - 1] == "\n") and not (noise and lo in in_noise):
        at_lo = _LINE_LABEL_RE.match(source, lo, hi)
        if at_lo:
            lines.append(_matched_label(source, at_lo, at_lo.start("num"), False))
    for m in _LINE_LABEL_SCAN_RE.finditer(source, lo, hi):
        if not (noise and m.start() + 1 in in_noise):
            lines.append(_matched_label(source, m, m.start("num"), False))
    inline = _inline_in_long_lines(source, lo, hi, noise, in_noise)
    pages: list[Label] = []
    for n in noise:
        if n.text.startswith("PAGE"):
            after = _LABEL_AFTER_PAGE_RE.match(source, n.end, hi)
            if after and after.start("num") not in in_noise:
                pages.append(_label_at(source, after.start("num"), after.end(), after.group("num")))
    # A marked label the header's last field runs into (``... REASON: 1.4 (b), (d) 1.  (C)
    # Summary``): the body starts with it, though not at a line start.
    first = _BODY_START_LABEL_RE.match(source, lo, hi)
    body_start: list[Label] = []
    if first and source[lo - 1 : lo] not in ("\n", ""):
        at = first.start("num")
        if not (noise and at in in_noise):
            body_start.append(_label_at(source, at, first.end(), first.group("num")))
    parts = [part for part in (pilcrows, lines, pages, inline, body_start) if part]
    if len(parts) == 1:
        return parts[0]  # most cables: pilcrows only, or numbers at line starts only
    labels = [label for part in parts for label in part]
    # In text order, stable: where two start at one offset (a page header's label also found
    # inside a long line) the order above stands. (A line's label sorts by its number where it
    # counts from its line's start for noise: only blanks lie between, where no label starts.)
    labels.sort(key=_START)
    return labels


_START = attrgetter("start")


def _matched_label(source: str, m: re.Match[str], start: int, pilcrow: bool) -> Label:
    """The label of a match of a pattern ending in :data:`PLAIN_MARK`, with its mark."""
    if m.start("inside") >= 0:
        marking = plain_mark(source, m)
        if marking is not None:
            return Label(start, marking.end, m.group("num"), marking, pilcrow)
        return Label(start, m.end("label"), m.group("num"), None, pilcrow)
    return _label_at(source, start, m.end("label"), m.group("num"), pilcrow)


def _label_at(source: str, start: int, end: int, digits: str, pilcrow: bool = False) -> Label:
    """The label ``source[start:end]`` with the portion mark after it, if any."""
    marking = _mark_after(source, end)
    return Label(start, marking.end if marking else end, digits, marking, pilcrow)


def _inline_in_long_lines(
    source: str, lo: int, hi: int, noise: list[Span], in_noise: SpanSet
) -> list[Label]:
    """The labels :func:`_inline_labels` finds inside each long line of ``source[lo:hi]``
    (from the line ``lo`` stands in, when a newline opens it), outside ``noise``.

    Only a line holding a hint of one (:data:`_INLINE_HINT_RE`, one scan of the body) is
    measured and searched: most long lines are paragraphs that open with a pilcrow label.
    """
    found: list[Label] = []
    line_end = -1  # the end of the line last looked at
    for hint in _INLINE_HINT_RE.finditer(source, lo + 1, hi):
        if hint.start() < line_end:
            continue
        newline = source.rfind("\n", 0, hint.start())
        line_end = source.find("\n", hint.start(), hi)
        if line_end == -1:
            line_end = hi
        if newline == -1 or line_end - (newline + 1) < LONG_LINE:
            continue
        # (A little past the line's end: the mark may stand on the next line.)
        for num, dot in _inline_labels(source, max(newline + 1, lo) + 1, min(hi, line_end + 16)):
            if num < line_end and not (noise and num in in_noise):
                digits = source[num:dot].rstrip(" \t")
                found.append(_label_at(source, num, dot + 1, digits))
    return found


def _mark_after(source: str, end: int) -> Marking | None:
    """The portion mark after a label ending at ``end``, on its line or wrapped to the next."""
    marking = read_portion_mark(source, end)
    if marking is None:
        ahead = source[end : end + 8]
        if source.startswith("\n", end + len(ahead) - len(ahead.lstrip(" \t"))):
            marking = read_portion_mark(source, source.index("\n", end) + 1)
    return marking


def _inline_labels(source: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, dot)`` of each :data:`_INLINE_LABEL_RE` match in ``source[lo:hi]``.

    The same matches, found from the portion marks (rare) back to their labels instead of
    trying the pattern at every offset of a long line (a tenth of the parse time).
    """
    found: list[tuple[int, int]] = []
    for mark in _INLINE_MARK_RE.finditer(source, lo, hi):
        # Back over ``[ \t]*+\n?[ \t]*+`` to the label's dot.
        i = mark.start() - 1
        while i >= lo and source[i] in " \t":
            i -= 1
        if i >= lo and source[i] == "\n":
            i -= 1
            while i >= lo and source[i] in " \t":
                i -= 1
        if i < lo or source[i] != ".":
            continue
        dot = i
        i -= 1
        while i >= lo and source[i] in " \t":
            i -= 1
        end = i + 1
        while i >= lo and source[i].isdecimal():  # what \d matches in a str pattern
            i -= 1
        start = i + 1
        # One to three digits, the whole run, after a blank or punctuation the lookbehind
        # allows (which may stand just before ``lo``).
        if 1 <= end - start <= 3 and start > 0 and source[start - 1] in _LABEL_BEFORE:
            found.append((start, dot))
    return found


def select_labels(labels: list[Label], markdown: bool) -> list[tuple[Label, int]]:
    """Keep the labels that form the paragraph sequence; pair each with its number.

    A bare ``1998.`` at the start of a wrapped line is not paragraph 1998: a weak label must
    continue the sequence exactly, a strong one may skip a few numbers. A strong ``1.`` after
    several paragraphs starts the numbering again when a ``2.`` follows it before the old
    sequence continues: some records hold their text twice, and the copy must be reviewable
    paragraph by paragraph too, or withheld text would survive in it.
    """
    chosen: list[tuple[Label, int]] = []
    last = 0
    for i, lab in enumerate(labels):
        # The common case first: the next paragraph.
        if lab.number == last + 1 or (markdown and lab.flat_number == last + 1):
            pick: int | None = last + 1
        else:
            pick = _out_of_sequence(labels, i, lab.readings(markdown), last, markdown)
        if pick is not None:
            chosen.append((lab, pick))
            last = pick
    return chosen


def _out_of_sequence(
    labels: list[Label], i: int, readings: tuple[int, ...], last: int, markdown: bool
) -> int | None:
    """The number ``labels[i]`` gives when it does not continue the sequence, if any."""
    lab = labels[i]
    if lab.strong:
        if last < readings[0] <= last + 3:
            return readings[0]
        if last >= 2 and 1 in readings and _restarts(labels, i, last, markdown):
            return 1
        skip = next((n for n in readings[1:] if last < n <= last + 3), None)
        if skip is not None:
            return skip
    # Numbering that does not start at 1 (part 2 of a cable starts at 15; a Markdown cable's
    # first paragraph is ``12.``) or skips: the labels that follow decide.
    return next(
        (n for n in readings if last < n <= 60 and _continued(labels, i, n, markdown, lab)),
        None,
    )


def _last_before(labels: list[Label], i: int, markdown: bool) -> int:
    return 0 if i == 0 else max(labels[i - 1].readings(markdown))


def _continued(labels: list[Label], i: int, n: int, markdown: bool, lab: Label) -> bool:
    """Whether the labels after ``labels[i]`` go on from ``n``: one for a strong label, two
    for a bare number (``2009.`` and ``2010.`` at line starts are years, not paragraphs)."""
    need = 1 if lab.strong or n <= _last_before(labels, i, markdown) + 3 else 2
    later = labels[i + 1 : i + 1 + need]
    return len(later) == need and all(
        n + k + 1 in x.readings(markdown) for k, x in enumerate(later)
    )


def _restarts(labels: list[Label], i: int, last: int, markdown: bool) -> bool:
    for later in labels[i + 1 :]:
        readings = later.readings(markdown)
        if last + 1 in readings:
            return False
        if 2 in readings and later.strong:
            return True
    return False


def is_markdown_numbering(labels: list[Label], text: str) -> bool:
    """True when ``¶N.`` was flattened to ``1N.`` (the Markdown form of the web pages).

    The giveaway: reading ``1N.`` as paragraph N gives a longer paragraph sequence than
    reading the labels literally. (The flattening missed some pilcrows, so a few ``¶3.``
    survive among the ``1N.``: those keep their literal number.)
    """
    if not labels:
        return False
    flattened = select_labels(labels, markdown=True)
    literal = select_labels(labels, markdown=False)
    if len(flattened) != len(literal):
        return len(flattened) > len(literal)
    # As long either way (labels 11.-18.): the Markdown form's tag links decide, else a
    # sequence from 1 is far likelier than one from 11, and one from 2 (the record lacks
    # paragraph 1: ``12. 13. 14.``) than one from 12 (no corpus cable numbers its first
    # paragraph 12 without a pilcrow, whose label is never flattened). From ``15.`` on, a later
    # part's plain numbering is as likely, and the labels stay as written.
    return "](#)" in text or (
        bool(flattened)
        and bool(literal)
        and literal[0][1] != 1
        and (flattened[0][1] == 1 or (flattened[0][1] == 2 and literal[0][1] == 12))
    )
