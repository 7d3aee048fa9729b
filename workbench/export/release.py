"""The release copy: the cable line for line, withheld text replaced by labelled solid boxes.

Withheld text is never handed to ReportLab: a line is split into pieces by offset, released
pieces are drawn as text, withheld pieces only as rectangles measured in character cells
(declassification.md section 8; NSA, "Redacting with Confidence", 2005: remove, don't cover).
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from workbench.cable.model import Cable
from workbench.export import fonts
from workbench.export.codes import label
from workbench.export.layout import Line, pieces, printable, wrap
from workbench.export.options import ExportOptions
from workbench.export.page import (
    BOX_BELOW,
    FONT_SIZE,
    LEADING,
    LINES_PER_PAGE,
    PAGE_SIZE,
    MarginNotes,
    baseline,
    cell_x,
    draw_box_label,
    draw_frame,
)
from workbench.export.prepare import (
    cable_name,
    withheld_in_full,
    withholdings_for_export,
)
from workbench.export.stamps import Stamps, stamps_for
from workbench.review.model import Action, Review, Withholding

T = TypeVar("T")


def paginate(lines: Sequence[T]) -> list[Sequence[T]]:
    """Lines per page; blank lines at the top of a page are dropped (a printout's form feed)."""
    pages: list[Sequence[T]] = []
    i = 0
    n = len(lines)
    while True:
        while i < n and _blank(lines[i]):
            i += 1
        if i >= n:
            break
        pages.append(lines[i : i + LINES_PER_PAGE])
        i += LINES_PER_PAGE
    return pages or [[]]


def _blank(line: object) -> bool:
    return line == "" if isinstance(line, str) else line.start == line.end  # type: ignore[attr-defined]


def _released_whole(review: Review, key: str) -> str | None:
    """The body of region ``key`` when it is released with nothing in it withheld, else None."""
    region = review.partition.get(key)
    if region is None:
        return None
    d = review.effective(region).decision
    if d.action != Action.RELEASE or d.spans:
        return None
    return key


def released_subject(cable: Cable, review: Review, withheld: Sequence[Withholding]) -> str:
    """The subject line if it is released whole, else ""."""
    region = review.partition.get("subject")
    if region is None or _released_whole(review, "subject") is None:
        return ""
    if any(w.start < region.end and region.body_start < w.end for w in withheld):
        return ""
    return " ".join(cable.text[region.body_start : region.end].split())


def released_tags(cable: Cable, review: Review) -> list[str]:
    """The TAGS, for the PDF's keywords, only when the TAGS line is released whole."""
    return list(cable.tags) if _released_whole(review, "tags") else []


def render_release(cable: Cable, review: Review, options: ExportOptions) -> bytes:
    """The release PDF's bytes. Raises ExportError (before drawing) when export must not happen."""
    withheld = withholdings_for_export(cable, review, options.allow_pending)
    stamps = stamps_for(
        cable, withheld, withheld_in_full(cable, review, options.allow_pending), options
    )
    fonts.register()
    pages = paginate(wrap(cable.text))
    buf = io.BytesIO()
    # invariant=1: the same cable, review and options give the same bytes (golden tests,
    # and a release can be re-made and compared later).
    c = Canvas(buf, pagesize=PAGE_SIZE, invariant=1, pageCompression=1)
    subject = released_subject(cable, review, withheld)
    name = cable_name(cable)
    c.setTitle(name)
    c.setSubject(subject)
    c.setAuthor(options.agency)
    c.setCreator("Declassification Workbench")
    c.setKeywords(", ".join([*released_tags(cable, review), stamps.disposition]))
    starts = _paragraph_starts(cable)
    marks: list[tuple[str, str]] = []
    for number, page_lines in enumerate(pages, 1):
        if number == 1:
            c.bookmarkPage("top", fit="Fit")
        marks.extend(_draw_body(c, cable, page_lines, withheld, number, starts))
        draw_frame(c, stamps, number, len(pages))
        c.showPage()
    _outline(c, cable, review, subject, marks, options)
    c.save()
    return buf.getvalue()


def _paragraph_starts(cable: Cable) -> dict[int, int]:
    return {p.start: p.index for p in cable.paragraphs}


def _draw_body(
    c: Canvas,
    cable: Cable,
    lines: Sequence[Line],
    withheld: Sequence[Withholding],
    page: int,
    starts: dict[int, int],
) -> list[tuple[str, str]]:
    """Draw one page of lines; return the bookmarks (key, paragraph) placed on it."""
    text = cable.text
    boxes: dict[int, list[tuple[float, float, int]]] = defaultdict(list)  # by withholding start
    by_start = {w.start: w for w in withheld}
    marks: list[tuple[str, str]] = []
    j = 0
    c.setFont(fonts.MONO, FONT_SIZE)
    for row, line in enumerate(lines):
        y = baseline(row)
        for off, idx in starts.items():
            if line.start <= off < max(line.end, line.start + 1):
                key = f"p{idx}"
                c.bookmarkPage(key, fit="XYZ", left=0, top=y + LEADING)
                marks.append((key, str(idx)))
        while j < len(withheld) and withheld[j].end <= line.start:
            j += 1
        for piece in pieces(line, withheld[j:]):
            x0, x1 = cell_x(piece.start - line.start), cell_x(piece.end - line.start)
            if piece.withheld is None:
                s = printable(text[piece.start : piece.end])
                if s.strip():
                    c.setFillColor(black)
                    c.drawString(x0, y, s)
            else:
                c.setFillColor(black)
                c.rect(x0, y - BOX_BELOW, x1 - x0, LEADING, stroke=0, fill=1)
                boxes[piece.withheld.start].append((x0, x1, row))
    _label_boxes(c, boxes, by_start)
    c.setFont(fonts.MONO, FONT_SIZE)
    return marks


def _label_boxes(
    c: Canvas,
    boxes: dict[int, list[tuple[float, float, int]]],
    by_start: dict[int, Withholding],
) -> None:
    """Label each withholding once per page: inside its widest piece, else in the margin."""
    notes: dict[int, list[str]] = defaultdict(list)
    for start, parts in boxes.items():
        text = label(by_start[start].codes)
        # The widest piece near the middle of the block, so a paragraph's label sits centred.
        widest = max(p[1] - p[0] for p in parts)
        middle = (parts[0][2] + parts[-1][2]) / 2
        x0, x1, row = min(
            (p for p in parts if p[1] - p[0] >= 0.8 * widest),
            key=lambda p: (abs(p[2] - middle), p[2]),
        )
        if not draw_box_label(c, text, x0, x1, baseline(row)):
            notes[row].append(text)
    margin = MarginNotes()
    for row, texts in notes.items():
        for text in dict.fromkeys(texts):
            margin.add(baseline(row), "< " + text)
    margin.draw(c)


def _outline(
    c: Canvas,
    cable: Cable,
    review: Review,
    subject: str,
    marks: list[tuple[str, str]],
    options: ExportOptions,
) -> None:
    """Bookmarks: the document, then one per paragraph; only released words (never the text)."""
    title = cable_name(cable) + (f": {subject}" if subject else "")
    c.addOutlineEntry(title, "top", level=0)
    by_index = {p.index: p for p in cable.paragraphs}
    for key, idx in marks:
        p = by_index[int(idx)]
        action = review.decision(p.index).action.value
        words = {
            "withhold": " (withheld in full)",
            "partial": " (released in part)",
            "pending": " (withheld: pending review)" if options.allow_pending else "",
        }.get(action, "")
        name = f"Paragraph {p.number}" if p.number is not None else f"Unnumbered paragraph {idx}"
        c.addOutlineEntry(name + words, key, level=1)
    c.showOutline()


__all__ = ["Stamps", "render_release"]
