"""The release's lines: released text reflowed around withheld text whose size tells little.

A box exactly as wide as the text it replaces names that text: in a fixed-width font its width
is the number of letters, and the ragged right edge of a withheld paragraph shows where its
words broke (Bland, Iyer and Levchenko, PETS 2023; declassification.md section 8). So:

* a withheld piece of at most ``INLINE_MAX`` characters within one line, or within a joined
  range (below: its line ends count as one space each, as everywhere there), becomes a box
  whose width is the smallest of ``BOX_WIDTHS`` that holds it, and the released text after it
  on the line moves to make room (wrapping again where needed);
* anything longer, or running over a line end of a region printed line for line, becomes a
  *block*: a rectangle from where it starts to the right margin, with no ragged edge, as many
  rows tall as the smallest of ``BLOCK_ROWS`` that holds the text it replaces. Released text
  after it starts a new row.

What a box still tells is its bucket (a name of 1-10 letters, 11-20, 21-40); a block tells its
height bucket. ``benchmarks/geometry.py`` measures both.

Teletype prose is hard-wrapped: a source line ends where the next word did not fit. Printed
line for line, the line holding a box would still tell the withheld text's length (the line's
released words, plus the withheld text, plus the next line's first word, overran the wrap
width), and so would the line before a withholding that begins a line. So in a region of
prose holding a withholding (*joined* ranges, :func:`joined_ranges`), line ends are spaces and
the release wraps the text itself at ``COLUMNS``; a line end is kept only where the layout
says so from released text alone: before a blank line, an indented line, a list item
(``A.``, ``1)``, ``-``) or a line with a run of spaces (a table), and between the entries of a
*one-entry-per-line block* (a participants list, ``Name, Title`` a line: joined, titles went
to the wrong people, newcomer 4's finding 5).

An entry line is told from a wrapped one without the withheld text's length. It starts where
released text alone puts it (the region's first line, or after a line end the release keeps:
never after a joined one, whose place the withheld text moved); it and the next line are at
most ``COLUMNS`` cells, each withheld piece counted as its box's width (the bucket the release
shows); and either the line, a space and the next line's first word (a box's width when it
begins withheld) still fit the cable's wrap width (:func:`wrap_width`, read from lines the
withheld text cannot have moved), so the writer, not the wrap, ended it (a box is never
narrower than what it replaces), or the two lines hold nothing withheld and the first ends
``_WELL_BEFORE`` cells short of the wrap width, so where it ends follows from released text.
Either way keeping the line end tells nothing more than the release shows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from workbench.export.layout import COLUMNS, printable
from workbench.review.model import Withholding
from workbench.review.text_fold import drop_format

BOX_WIDTHS = (10, 20, 40)
INLINE_MAX = BOX_WIDTHS[-1]
BLOCK_ROWS = (1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512)
_BREAKS = "\n\u2028\u2029"


def box_width(length: int) -> int:
    """Cells of the box for a withheld piece of ``length`` characters on one line."""
    return next(w for w in BOX_WIDTHS if length <= w)


def block_rows(rows: int) -> int:
    """Rows of the block for withheld text that would take ``rows`` rows printed."""
    for b in BLOCK_ROWS:
        if rows <= b:
            return b
    return -(-rows // BLOCK_ROWS[-1]) * BLOCK_ROWS[-1]


@dataclass(frozen=True, slots=True)
class Text:
    col: int
    text: str
    start: int  # offset of its first character in the cable's text


@dataclass(frozen=True, slots=True)
class Box:
    col: int
    width: int
    withheld: Withholding


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a block: cells ``col`` to the right margin."""

    col: int
    withheld: Withholding
    first: bool


@dataclass
class Row:
    items: list[Text | Box | Bar] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.items


def rows_needed(text: str) -> int:
    """Rows ``text`` would take printed at ``COLUMNS`` (each source line wrapped)."""
    n = 0
    for line in _split_lines(text):
        n += max(1, -(-len(line.rstrip()) // COLUMNS))
    return max(1, n)


def _split_lines(text: str) -> list[str]:
    out: list[str] = []
    cur: list[str] = []
    for ch in text:
        if ch in _BREAKS:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    # A block's own leading and trailing line ends are not rows of it.
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return out or [""]


class _Builder:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.row = Row()
        self.col = 0
        self.after_block = False
        self.joined: list[tuple[int, int]] = []
        self.joined_starts: list[int] = []
        self.width = 0  # the cable's wrap width (wrap_width): 0 keeps no entry lines
        self.withheld: Sequence[Withholding] = ()
        self.withheld_starts: list[int] = []
        # Whether the current source line starts where released text alone puts it (after a
        # line end the release keeps), not where the teletype's wrap around withheld text did.
        self.known_start = True
        # Also true after a joined line end whose line started so and held nothing withheld
        # (the wrap, from released text alone, placed the next line): what a list item's or a
        # form label's line end asks (``_writers_end``); the entry-line rule keeps to the
        # stricter ``known_start``.
        self.released_start = True

    def gap(self) -> None:
        """A joined line end: one space, or the end of the row when the row is full."""
        if self.col == 0:
            return
        if self.col + 1 >= COLUMNS:
            self.end_row()
        else:
            self.col += 1

    def end_row(self) -> None:
        self.rows.append(self.row)
        self.row = Row()
        self.col = 0

    def text(self, s: str, start: int) -> None:
        """Released text of one source line (no line breaks), wrapped at spaces."""
        pos = 0
        while pos < len(s):
            room = COLUMNS - self.col
            rest = s[pos:]
            if len(rest) <= room:
                self._put(rest, start + pos)
                return
            cut = rest.rfind(" ", 0, room + 1)
            if cut <= 0 and self.col > 0:
                # The next word does not fit after what this row holds: it starts the next.
                self.end_row()
                while pos < len(s) and s[pos] == " ":
                    pos += 1
                continue
            if cut <= 0:
                # One "word" longer than a row (``A|B|C`` lists of IDs): break it after a
                # punctuation mark where there is one, so no word is cut in two.
                cut = next((i for i in range(room, 0, -1) if not rest[i - 1].isalnum()), room)
            self._put(rest[:cut].rstrip(" "), start + pos)
            self.end_row()
            pos += cut
            while pos < len(s) and s[pos] == " ":
                pos += 1

    def _put(self, s: str, start: int) -> None:
        if not s:
            return
        if s.strip():
            last = self.row.items[-1] if self.row.items else None
            if isinstance(last, Text) and last.col + len(last.text) + 1 == self.col:
                # Text after a joined line end: one piece, as if the source had no line end
                # there (the pieces of a row must not show where the teletype broke it).
                self.row.items[-1] = Text(last.col, last.text + " " + s, last.start)
            elif isinstance(last, Text) and last.col + len(last.text) == self.col:
                # After a word hyphenated over a joined line end ("counter-" "narcotics").
                self.row.items[-1] = Text(last.col, last.text + s, last.start)
            else:
                self.row.items.append(Text(self.col, s, start))
        self.col += len(s)

    def box(self, w: Withholding, length: int) -> None:
        width = box_width(length)
        if self.col + width > COLUMNS:
            self.end_row()
        self.row.items.append(Box(self.col, width, w))
        self.col += width

    def block(self, w: Withholding, rows: int) -> None:
        col = self.col
        if col > COLUMNS - 20:  # too little room left on this row: start the block below
            self.end_row()
            col = 0
        n = block_rows(rows)
        for i in range(n):
            self.row.items.append(Bar(col, w, i == 0))
            self.end_row()
        self.after_block = True


_BREAK_RE = re.compile("[\n\u2028\u2029]")
# A line that starts a structure of its own (indented, a list item, a rule) keeps the line end
# before it; so does a line with a run of spaces in it (a table's columns).
_KEEPS_BREAK = re.compile(
    r"[ \t]|[-*\u2022=_]|(?:[0-9]{1,3}|[A-Za-z])[.)](?:[ \t]|$)|\([0-9A-Za-z]{1,3}\)"
    # A form's label in capitals: NAME:, TITLE AND INSTITUTION:, CONTACT INFORMATION:
    r"|(?:[A-Z][A-Z/&().,'-]*[ \t]){0,4}[A-Z][A-Z/&().,'-]+:(?:[ \t]|$)"
)
_TABLE = re.compile(r"\S {3,}\S|\t")
# Regions whose line ends are the teletype's wrap, not the writer's.
PROSE_KINDS = frozenset(
    {"paragraph", "unparsed", "trailing", "passing", "subject", "classified_by", "signature"}
)


def joined_ranges(
    regions: Sequence[tuple[str, int, int]], withheld: Sequence[Withholding]
) -> list[tuple[int, int]]:
    """The (start, end) of each prose region (``regions``: kind, body start, end, in text
    order) that holds a withholding other than the whole region: its line ends are joined."""
    out: list[tuple[int, int]] = []
    starts = [r[1] for r in regions]
    for w in withheld:
        i = bisect.bisect_right(starts, w.start) - 1
        if i < 0:
            continue
        kind, start, end = regions[i]
        if kind not in PROSE_KINDS or not (start <= w.start < end):
            continue
        if w.start <= start and w.end >= end:
            continue  # withheld whole: one block, nothing of it wraps
        if not out or out[-1] != (start, end):
            out.append((start, end))
    return out


def wrap_width(
    text: str, regions: Sequence[tuple[str, int, int]], withheld: Sequence[Withholding]
) -> int:
    """The width the cable's teletype wrapped its prose at, read only from paragraph lines
    whose length the withheld text cannot have moved: every line of a paragraph holding
    nothing withheld; in any other, its first line (it starts at the paragraph's label) when it
    holds nothing withheld, and each line of a block of lines (after a blank line, or from the
    label) that holds nothing withheld up to it and is followed by a line that begins released
    (the teletype wraps anew after a blank line, so where such a line ends depends on released
    text only: which word did not fit). The 90th percentile of those followed by another line
    of their paragraph, else the longest (a cable whose paragraphs are one line each). Never
    above the true width: wrapped lines are never longer.

    The blocks count since newcomer 5's finding 26: with a name withheld early in every
    paragraph (05BOGOTA7402, every suggested person withheld) only one first line was left,
    "Participants:", and a width of 21 kept no participants list's line ends."""
    starts = [w.start for w in withheld]

    def holds(a: int, z: int) -> bool:
        i = bisect.bisect_right(starts, z) - 1
        return i >= 0 and withheld[i].end > a

    full: list[int] = []
    wrapped: list[int] = []
    for kind, start, end in regions:
        if kind != "paragraph":
            continue
        start = text.rfind("\n", 0, start) + 1  # the first line with its label
        held = holds(start, end)
        lines: list[tuple[int, int]] = []
        pos = start
        for line in text[start:end].split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        clean = True  # nothing withheld in this block of lines so far
        for k, (a, z) in enumerate(lines):
            n = len(text[a:z].rstrip())
            if not n:
                clean = True  # a blank line: the next block wraps from its own start
                continue
            clean = clean and not holds(a, z)
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            follows = nxt is not None and nxt[0] < end and bool(text[nxt[0] : nxt[1]].strip())
            if held and (not clean or (k > 0 and follows and _begins_withheld(text, nxt, holds))):
                continue
            full.append(n)
            if follows:
                wrapped.append(n)
    if len(wrapped) >= 3:
        wrapped.sort()
        return wrapped[(len(wrapped) - 1) * 9 // 10]
    return max(full, default=0)


def _begins_withheld(text: str, line: tuple[int, int] | None, holds) -> bool:  # type: ignore[no-untyped-def]
    """Whether the first word of ``line`` is withheld (the word that did not fit before it)."""
    if line is None:
        return False
    a, z = line
    while a < z and text[a] in " \t":
        a += 1
    e = a
    while e < z and not text[e].isspace():
        e += 1
    return e > a and bool(holds(a, e))


def reflow(
    text: str,
    withheld: Sequence[Withholding],
    joined: Sequence[tuple[int, int]] = (),
    width: int = 0,
) -> list[Row]:
    """The printed rows of ``text``, ``withheld`` (sorted, disjoint) drawn as boxes and blocks;
    within ``joined`` ranges (sorted, disjoint) line ends are the release's own wrap, but for
    a one-entry-per-line block's (``width``: the cable's :func:`wrap_width`; 0, none kept)."""
    given = list(withheld)
    withheld = _with_rules_beside(text, given)
    b = _Builder()
    b.joined = list(joined)
    b.joined_starts = [s for s, _ in b.joined]
    b.width = width
    b.withheld = withheld
    b.withheld_starts = [w.start for w in withheld]
    pos = 0
    after = False
    for w, own in [*zip(withheld, given, strict=True), (None, None)]:
        end = len(text) if w is None else max(pos, w.start)
        _released(b, text, pos, end, after)
        after = True
        if w is None or own is None:
            break
        piece = text[w.start : w.end]
        body = piece.strip()
        if body:
            inline = _inline_length(b, w, body)
            # The box holds the reviewer's withholding, not the widened one: the Vaughn
            # index finds each piece's box by it.
            if inline <= INLINE_MAX:
                b.box(own, inline)
            else:
                b.block(own, rows_needed(piece))
        if _BREAK_RE.search(piece):
            b.known_start = b.released_start = False
        pos = max(pos, w.end)
    if not b.row.blank:
        b.end_row()
    return _rules_follow_boxes(b.rows)


# A rule of four or more marks ending right before a withheld piece on its line, or starting
# right after it (spaces between allowed); before: at a line's start or after a space.
_RULE_BEFORE = re.compile(r"(?<!\S)([-=*_])\1{3,}[ \t]*\Z")
_RULE_AFTER = re.compile(r"[ \t]*([-=*_])\1{3,}(?=\s|\Z)")


def _with_rules_beside(text: str, withheld: Sequence[Withholding]) -> list[Withholding]:
    """Each withheld piece drawn with the rules of marks directly beside it on its line.

    In a run-together cable an inline heading stands between two rules as long as itself
    (``----- SHTOKMAN, SOUTH STREAM -----``): with the heading withheld, the rules printed
    its exact length either side of the box (newcomer 6, finding 28; 131 corpus cables).
    The box now covers them too, so its bucket is all that shows. Only the drawing changes:
    the Vaughn index and verify see the reviewer's withholdings (a rule holds no word)."""
    out: list[Withholding] = []
    floor = 0
    for i, w in enumerate(withheld):
        start, end = w.start, w.end
        line_start = max(text.rfind("\n", 0, start) + 1, floor)
        m = _RULE_BEFORE.search(text, line_start, start)
        if m is not None:
            start = m.start()
        ceiling = withheld[i + 1].start if i + 1 < len(withheld) else len(text)
        line_end = text.find("\n", end, ceiling)
        m = _RULE_AFTER.match(text, end, ceiling if line_end < 0 else line_end)
        if m is not None and w.end > w.start and text[w.end - 1] != "\n":
            end = m.end()
        out.append(w if (start, end) == (w.start, w.end) else replace(w, start=start, end=end))
        floor = max(floor, end)
    return out


_RULE = re.compile(r"([^\w\s])\1{2,}")  # one mark repeated: ----, ====, ****


def _rules_follow_boxes(rows: list[Row]) -> list[Row]:
    """A rule line right above or below a row holding a withheld piece is printed as long as
    that row is in the release. As long as the source, it told the withheld text's length (a
    heading withheld between two rules of its own length: newcomer 5, finding 19)."""
    for i, row in enumerate(rows):
        if len(row.items) != 1 or not isinstance(row.items[0], Text):
            continue
        rule = row.items[0]
        if not _RULE.fullmatch(rule.text):
            continue
        near = [rows[j] for j in (i - 1, i + 1) if 0 <= j < len(rows)]
        ends = [_extent(r) for r in near if any(not isinstance(x, Text) for x in r.items)]
        if ends:
            cells = max(3, min(COLUMNS, max(ends)) - rule.col)
            row.items[0] = Text(rule.col, rule.text[0] * cells, rule.start)
    return rows


def _extent(row: Row) -> int:
    """The cell after the last one a row prints (a block's rows run to the right margin)."""
    ends = [
        COLUMNS if isinstance(x, Bar) else x.col + (x.width if isinstance(x, Box) else len(x.text))
        for x in row.items
    ]
    return max(ends, default=0)


_JOINED_BREAK = re.compile(r"[ \t]*[\n\u2028\u2029]\s*")


def _inline_length(b: _Builder, w: Withholding, body: str) -> int:
    """The characters a withheld piece takes on one row: its own on one line; in a joined
    range, with each line end inside it joined into one space like any other there, so a
    name the teletype broke over a line end is one box of its bucket, not a block telling
    that a source line ended inside it (newcomer 5, finding 3). A line end elsewhere (a
    region printed line for line) keeps the block: more than any box."""
    if not _BREAK_RE.search(body):
        return len(body)
    i = bisect.bisect_right(b.joined_starts, w.start) - 1
    if i < 0 or not (b.joined[i][0] <= w.start and w.end <= b.joined[i][1]):
        return _NEVER
    return len(_JOINED_BREAK.sub(" ", body))


def _released(b: _Builder, text: str, start: int, end: int, after: bool = False) -> None:
    """Released text ``start``-``end``: each line end ends a row (within a joined range, only
    where :func:`_keeps_break` says so). ``after``: ``start`` is where a withheld piece ends,
    so the spaces there are one gap (:func:`_line_text`)."""
    seg = start
    for m in _BREAK_RE.finditer(text, start, end):
        line = printable(drop_format(text[seg : m.start()])).rstrip(" ")
        if b.after_block and b.row.blank and not line.strip():
            pass  # the line end that closed the block's own text
        elif b.joined and _in_joined(b, m.start()) and not _keeps_break(text, seg, m, end, b):
            _joined_text(b, text, line, seg)
            if not _hyphenated(text, line, m):
                b.gap()
            # The next line starts where the withheld text put it, unless this line started
            # where released text put it and holds nothing withheld (then the wrap did).
            a = text.rfind("\n", 0, m.start()) + 1
            b.released_start = b.released_start and not _withheld_in(a, m.start(), b)
            b.known_start = False
        else:
            _line_text(b, line, seg, after and seg == start)
            b.end_row()
            b.known_start = b.released_start = True
        b.after_block = False
        seg = m.end()
    if seg < end:
        line = printable(drop_format(text[seg:end]))
        if line.strip():
            b.after_block = False
        if b.joined and _in_joined(b, end - 1):
            _joined_text(b, text, line, seg)
            if line.endswith(" ") and line.strip():
                b.gap()  # before the next withholding: a space, however many were there
        else:
            _line_text(b, line, seg, after and seg == start)


def _line_text(b: _Builder, line: str, seg: int, after_withheld: bool) -> None:
    """Released text of a line printed as the source has it, but for the spaces right after a
    withheld piece: one gap, however many. In a table row the source pads a cell to the next
    column, so the padding after a withheld name is the column's width less the name's length:
    printed, it gave each name's exact length beside its box (newcomer 5, finding 13)."""
    if after_withheld:
        body = line.lstrip(" ")
        if body and len(body) < len(line):
            b.gap()
        seg += len(line) - len(body)
        line = body
    b.text(line, seg)


def _hyphenated(text: str, line: str, m: re.Match[str]) -> bool:
    """A compound the teletype broke after its hyphen ("counter-\nnarcotics"): joined, it is
    one word again. With a space after the hyphen, whether a line ended there (so the withheld
    text's length, when a span sits before it) would show."""
    after = text[m.end() : m.end() + 1]
    return len(line) >= 2 and line[-1] == "-" and line[-2].isalnum() and after.isalnum()


def _joined_text(b: _Builder, text: str, line: str, seg: int) -> None:
    """Released text of a joined range, with the spaces where it meets a withholding or a
    joined line end made one gap: whether a space or a line end separated the words there
    depends on where the teletype broke the line, so on the withheld text's length."""
    body = line.strip(" ")
    if not body:
        return
    lead = len(line) - len(line.lstrip(" "))
    if lead and seg > 0 and text[seg - 1] not in _BREAKS:
        b.gap()  # the space after a withholding
    b.text(body, seg + lead)


def _in_joined(b: _Builder, offset: int) -> bool:
    i = bisect.bisect_right(b.joined_starts, offset) - 1
    return i >= 0 and b.joined[i][0] <= offset < b.joined[i][1]


def _keeps_break(text: str, seg: int, m: re.Match[str], end: int, b: _Builder) -> bool:
    """Whether the line end ``m`` of a joined range stays a line end, judged on released text
    only (what follows up to ``end``, where the next withholding starts): the withheld
    text's length must not decide where the release breaks its lines."""
    line = text[seg : m.start()]
    if b.row.blank and not line.strip():
        return True  # a blank line: a paragraph break
    nxt_end = _BREAK_RE.search(text, m.end(), end)
    nxt = text[m.end() : nxt_end.start() if nxt_end else end]
    if nxt_end is not None and not nxt.strip():
        return True  # before a blank line
    if _entry_lines(text, m, b):
        return True  # between two entries of a one-entry-per-line block
    if not nxt:
        # The next line begins with withheld text: a continuation, unless both lines are rows
        # of a table (its first cell withheld: "Real Estate" before its figures, newcomer 6,
        # finding 3), judged on released text: this line and the rest of the next.
        return _table_rows(text, m, b) and _writers_end(text, seg, m, b)
    if not (_KEEPS_BREAK.match(nxt) or _TABLE.search(nxt) or _TABLE.search(line)):
        return False
    return _writers_end(text, seg, m, b)


def _cell_ends(text: str, a: int, z: int, b: _Builder) -> set[int]:
    """The columns where the cells of the line ``a``-``z`` end (a character followed by two
    spaces or more, or the line's end), in released text only: withheld characters count as
    spaces, so a withheld cell's own end (its length) plays no part."""
    chars = list(text[a:z].rstrip())
    i = max(0, bisect.bisect_right(b.withheld_starts, a) - 1)
    while i < len(b.withheld) and b.withheld[i].start < z:
        w = b.withheld[i]
        i += 1
        for k in range(max(w.start, a), min(w.end, z)):
            if k - a < len(chars):
                chars[k - a] = " "
    line = "".join(chars).rstrip()
    return {m.end() for m in re.finditer(r"\S(?= {2,}|\t|$)", line)}


def _table_rows(text: str, m: re.Match[str], b: _Builder) -> bool:
    """Whether the lines before and after the line end ``m`` are rows of one table: cells
    ending in the same columns, two or more (right-aligned figures; a prose line's double
    space after a full stop rarely falls twice where the next line's does). A table's rows
    are the writer's lines, never a wrap (newcomer 6, finding 3)."""
    a = text.rfind("\n", 0, m.start()) + 1
    nxt = _BREAK_RE.search(text, m.end())
    z = nxt.start() if nxt else len(text)
    shared = _cell_ends(text, a, m.start(), b) & _cell_ends(text, m.end(), z, b)
    return len(shared) >= 2


def _writers_end(text: str, seg: int, m: re.Match[str], b: _Builder) -> bool:
    """Whether a line end before a structure (an indented line, a list item, a table row) is
    kept, judged without the withheld text's length. A wrap can put "3)" or "A." first on a
    line too ("... see item" / "3) above"), and where it wraps depends on the withheld text
    before it; so the line must start where released text puts it, and either hold nothing
    withheld (its length is released text's) or end before the wrap width with its boxes at
    their bucket width and the next word added (the writer ended it, not the wrap)."""
    if not b.released_start:
        return False
    a = text.rfind("\n", 0, m.start()) + 1
    if not _withheld_in(a, m.start(), b) or _table_rows(text, m, b):
        return True
    if b.width <= 0:
        return False
    nxt = _BREAK_RE.search(text, m.end())
    z = nxt.start() if nxt else len(text)
    return _cells(text, a, m.start(), b) + 1 + _first_word(text, m.end(), z, b) <= b.width


_NEVER = 10**9


def _cells(text: str, a: int, z: int, b: _Builder) -> int:
    """Cells the source line ``a``-``z`` takes in the release, each withheld piece counted as
    its box (never narrower than the text); a block in it, or one running over its end, is
    more than any line."""
    cells = len(text[a:z].rstrip())
    i = max(0, bisect.bisect_right(b.withheld_starts, a) - 1)
    while i < len(b.withheld) and b.withheld[i].start < z:
        w = b.withheld[i]
        i += 1
        if w.end <= a:
            continue
        body = text[w.start : w.end].strip()
        if w.start < a or w.end > z or len(body) > INLINE_MAX or _BREAK_RE.search(body):
            return _NEVER
        cells += (box_width(len(body)) if body else 0) - (w.end - w.start)
    return cells


def _first_word(text: str, a: int, z: int, b: _Builder) -> int:
    """Cells of the first word of the line ``a``-``z``: the withheld piece's box when the line
    begins withheld (wider than any word of it), else the word with any box inside it."""
    s = a
    while s < z and text[s] in " \t":
        s += 1
    i = bisect.bisect_right(b.withheld_starts, s) - 1
    if i >= 0 and b.withheld[i].start <= s < b.withheld[i].end:
        return _cells(text, s, min(z, b.withheld[i].end), b)
    e = s
    while e < z and not text[e].isspace():
        e += 1
    return _cells(text, s, e, b)


def _entry_lines(text: str, m: re.Match[str], b: _Builder) -> bool:
    """Whether the line end ``m`` is between two entries of a one-entry-per-line block (see
    the module's docstring): judged on released text and box widths only."""
    if b.width <= 0 or not b.known_start:
        # Where a line starts after a wrap around withheld text depends on that text's
        # length, and so would its cells: only lines that start where released text puts them.
        return False
    a = text.rfind("\n", 0, m.start()) + 1
    nxt = _BREAK_RE.search(text, m.end())
    z = nxt.start() if nxt else len(text)
    if not text[a : m.start()].strip() or not text[m.end() : z].strip():
        return False
    line, following = _cells(text, a, m.start(), b), _cells(text, m.end(), z, b)
    if line > COLUMNS or following > COLUMNS:
        return False
    if line + 1 + _first_word(text, m.end(), z, b) <= b.width:
        return True  # the next word fitted: the writer ended the line, not the wrap
    # A line of released text alone that starts where released text puts it, ending well
    # before the wrap width, before a line that begins released: where the teletype broke it
    # (wrap or not) follows from released text only ("Presidential Communications Director
    # Jaime Bermudez" before "Francisco Gonzalez, MFA" at a 60-column wrap).
    return line + _WELL_BEFORE <= b.width and not _withheld_in(a, z, b)


_WELL_BEFORE = 8  # cells: a line ending this far before the wrap width ends an entry


def _withheld_in(a: int, z: int, b: _Builder) -> bool:
    i = bisect.bisect_right(b.withheld_starts, z) - 1
    return i >= 0 and b.withheld[i].end > a


def row_of(rows: Sequence[Row], offsets: Sequence[int]) -> dict[int, int]:
    """For each offset, the first row whose printed content starts at or after it."""
    firsts: list[tuple[int, int]] = []
    for i, row in enumerate(rows):
        for item in row.items:
            if isinstance(item, Text):
                firsts.append((item.start, i))
            elif isinstance(item, Box) or (isinstance(item, Bar) and item.first):
                firsts.append((item.withheld.start, i))
    firsts.sort()
    keys = [f[0] for f in firsts]
    out = {}
    for off in offsets:
        j = bisect.bisect_left(keys, off)
        if j < len(firsts):
            out[off] = firsts[j][1]
    return out


def iter_blocks(rows: Sequence[Row]) -> Iterator[tuple[int, int, Bar]]:
    """(first row, last row, bar) of each run of bars of one withholding in ``rows``."""
    i = 0
    while i < len(rows):
        bars = [x for x in rows[i].items if isinstance(x, Bar)]
        if not bars:
            i += 1
            continue
        bar = bars[0]
        j = i
        while j + 1 < len(rows) and any(
            isinstance(x, Bar) and x.withheld is bar.withheld and not x.first
            for x in rows[j + 1].items
        ):
            j += 1
        yield i, j, bar
        i = j + 1
