"""Cable text -> fixed-width lines that keep their offsets into ``Cable.text``.

One character is one cell, so a withheld range maps to exact cells on exact lines and its box
can be drawn at the size the text would have taken without ever handing the text to ReportLab.
Source lines longer than the page are wrapped at the last space that fits (hard-broken when a
word alone is too long), as a typewriter or teletype printout would.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from workbench.review.model import Withholding

COLUMNS = 80  # the width of a teletype printout, which released cables reproduce

# Characters that end a line in the source besides "\n" (the parser normalises \r\n and \r).
_LINE_BREAKS = "\n\u2028\u2029"


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: cells ``start..end`` of the cable text (``end`` excluded)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of a line: released text, or a withheld run of cells with its codes."""

    start: int
    end: int
    withheld: Withholding | None = None

    @property
    def released(self) -> bool:
        return self.withheld is None


def printable(text: str) -> str:
    """The cells as drawn: tabs and control characters become spaces (one cell each)."""
    return "".join(" " if (c < " " or "\x7f" <= c < "\xa0") else c for c in text)


def wrap(text: str, columns: int = COLUMNS) -> list[Line]:
    """Every source line of ``text``, wrapped to ``columns`` cells; blank lines are kept."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        # Find the end of this source line.
        end = pos
        while end < n and text[end] not in _LINE_BREAKS:
            end += 1
        lines.extend(_wrap_one(text, pos, _rstrip(text, pos, end), columns))
        if end >= n:
            break
        pos = end + 1
    return lines


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t":
        end -= 1
    return end


def _wrap_one(text: str, start: int, end: int, columns: int) -> Iterator[Line]:
    if end - start <= columns:
        yield Line(start, end)
        return
    pos = start
    while end - pos > columns:
        cut = text.rfind(" ", pos + 1, pos + columns + 1)
        if cut == -1:  # one word longer than the line: break it
            yield Line(pos, pos + columns)
            pos += columns
            continue
        yield Line(pos, _rstrip(text, pos, cut))
        pos = cut
        while pos < end and text[pos] == " ":
            pos += 1
    if pos < end:
        yield Line(pos, end)


def pieces(line: Line, withheld: Sequence[Withholding]) -> list[Piece]:
    """Split ``line`` into released and withheld pieces.

    ``withheld`` must be sorted by start and must not overlap (see :func:`disjoint`).
    """
    out: list[Piece] = []
    pos = line.start
    for w in withheld:
        if w.end <= pos or w.start >= line.end:
            continue
        s = max(w.start, pos)
        e = min(w.end, line.end)
        if s > pos:
            out.append(Piece(pos, s))
        out.append(Piece(s, e, w))
        pos = e
    if pos < line.end:
        out.append(Piece(pos, line.end))
    return out


# The most white space between two withholdings on one line that still makes them one piece.
# A run of three or more spaces is a table's column gap (reflow keeps such a line a row), and
# two withheld cells of a row stay two boxes, one per column.
JOIN_GAP = 2


def disjoint(withholdings: Iterable[Withholding], text: str | None = None) -> list[Withholding]:
    """Sorted, non-overlapping withholdings: an overlap is withheld once, under both codes.

    A header field may overlap a paragraph span (a name withheld as the signature and again as a
    span); what matters for drawing is the union of the cells and every code that covers them.

    Given the cable's ``text``, withholdings that touch, or stand on one line with at most
    ``JOIN_GAP`` white space between them, are one piece too: ``Hye-jin Kim`` after a withheld
    ``Kim Hye-jin`` is two repeats of its words, and drawn as two 10-cell boxes back to back
    (and two index rows) they said "two words of at most 10 letters" where one 20-cell box of
    the same name said 11-20 characters (newcomer 6, finding 14).
    """
    out: list[Withholding] = []
    for w in sorted(withholdings, key=lambda w: (w.start, w.end)):
        if w.end <= w.start:
            continue
        if out and (w.start < out[-1].end or _joins(text, out[-1].end, w.start)):
            last = out[-1]
            codes = tuple(dict.fromkeys(last.codes + w.codes))
            comment = "; ".join(c for c in dict.fromkeys((last.comment, w.comment)) if c)
            out[-1] = Withholding(
                last.kind,
                last.start,
                max(last.end, w.end),
                codes,
                comment,
                last.paragraph,
                last.field,
            )
        else:
            out.append(w)
    return out


def _joins(text: str | None, end: int, start: int) -> bool:
    """Whether a withholding ending at ``end`` and the next starting at ``start`` are one piece:
    only white space between them, at most ``JOIN_GAP`` characters, no line end."""
    if text is None or start - end > JOIN_GAP:
        return False
    gap = text[end:start]
    return gap == "" or (
        gap.isspace()
        and not any(c in _LINE_BREAKS or c in "\r\x0b\x0c\x1c\x1d\x1e\x85" for c in gap)
    )
