"""The release's lines: released text reflowed around withheld text whose size tells little.

A box exactly as wide as the text it replaces names that text: in a fixed-width font its width
is the number of letters, and the ragged right edge of a withheld paragraph shows where its
words broke (Bland, Iyer and Levchenko, PETS 2023; declassification.md section 8). So:

* a withheld piece within one line and of at most ``INLINE_MAX`` characters becomes a box whose
  width is the smallest of ``BOX_WIDTHS`` that holds it, and the released text after it on the
  line moves to make room (wrapping again where needed);
* anything longer, or running over a line end, becomes a *block*: a rectangle from where it
  starts to the right margin, with no ragged edge, as many rows tall as the smallest of
  ``BLOCK_ROWS`` that holds the text it replaces. Released text after it starts a new row.

What a box still tells is its bucket (a name of 1-10 letters, 11-20, 21-40); a block tells its
height bucket. ``benchmarks/geometry.py`` measures both.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from workbench.export.layout import COLUMNS, printable
from workbench.review.model import Withholding

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
                cut = room  # one word longer than a row: break it
            self._put(rest[:cut].rstrip(" "), start + pos)
            self.end_row()
            pos += cut
            while pos < len(s) and s[pos] == " ":
                pos += 1

    def _put(self, s: str, start: int) -> None:
        if not s:
            return
        if s.strip():
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


def reflow(text: str, withheld: Sequence[Withholding]) -> list[Row]:
    """The printed rows of ``text``, ``withheld`` (sorted, disjoint) drawn as boxes and blocks."""
    b = _Builder()
    pos = 0
    for w in [*withheld, None]:
        end = len(text) if w is None else max(pos, w.start)
        _released(b, text, pos, end)
        if w is None:
            break
        piece = text[w.start : w.end]
        body = piece.strip()
        if body:
            if len(body) <= INLINE_MAX and not _BREAK_RE.search(body):
                b.box(w, len(body))
            else:
                b.block(w, rows_needed(piece))
        pos = max(pos, w.end)
    if not b.row.blank:
        b.end_row()
    return b.rows


def _released(b: _Builder, text: str, start: int, end: int) -> None:
    """Released text ``start``-``end``: each line end ends a row."""
    seg = start
    for m in _BREAK_RE.finditer(text, start, end):
        line = printable(text[seg : m.start()]).rstrip(" ")
        if b.after_block and b.row.blank and not line.strip():
            pass  # the line end that closed the block's own text
        else:
            b.text(line, seg)
            b.end_row()
        b.after_block = False
        seg = m.end()
    if seg < end:
        line = printable(text[seg:end])
        if line.strip():
            b.after_block = False
        b.text(line, seg)


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
