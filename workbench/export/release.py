"""The release copy: the cable's released text, withheld text replaced by labelled solid boxes.

Withheld text is never handed to ReportLab: the text is split into pieces by offset, released
pieces are drawn as text, withheld pieces only as rectangles (declassification.md section 8;
NSA, "Redacting with Confidence", 2005: remove, don't cover). A rectangle's size comes from a
few buckets, never from the withheld text's own length (``reflow``).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from workbench.cable.model import Cable
from workbench.export import fonts
from workbench.export.codes import label
from workbench.export.errors import ExportError
from workbench.export.layout import COLUMNS
from workbench.export.options import ExportOptions, check_downgrade, check_portions
from workbench.export.page import (
    BOX_BELOW,
    FONT_SIZE,
    LEADING,
    LINES_PER_PAGE,
    PAGE_SIZE,
    RIGHT,
    MarginNotes,
    baseline,
    cell_x,
    draw_box_label,
    draw_frame,
)
from workbench.export.prepare import (
    cable_name,
    release_name,
    withheld_in_full,
    withholdings_for_export,
)
from workbench.export.reflow import (
    Box,
    Row,
    Text,
    iter_blocks,
    joined_ranges,
    reflow,
    row_of,
    wrap_width,
)
from workbench.export.stamp_check import check_stamps
from workbench.export.stamps import Stamps, stamps_for
from workbench.naming import printed_label
from workbench.review.model import Action, Review, Withholding

T = TypeVar("T")


def _blank(line: object) -> bool:
    if isinstance(line, str):
        return line == ""
    if isinstance(line, Row):
        return line.blank
    return line.start == line.end  # type: ignore[attr-defined]


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
    """The TAGS, for the PDF's keywords, only when the TAGS line is released whole, and only
    those printed as words of it (the reader splits ``KWMNCS`` into KWMN and CS: not words a
    reader of the release finds, so verify would rightly refuse them)."""
    if not _released_whole(review, "tags"):
        return []
    printed = set(re.findall(r"[^\W_]+", review.partition.body(review.partition["tags"]).upper()))
    return [t for t in cable.tags if set(re.findall(r"[^\W_]+", t.upper())) <= printed]


def render_release(cable: Cable, review: Review, options: ExportOptions) -> bytes:
    """The release PDF's bytes. Raises ExportError (before drawing) when export must not happen."""
    check_downgrade(cable, options.marking, cable_name(cable))
    check_stamps(cable, review, options)
    check_portions(cable, review, options.marking, cable_name(cable))
    withheld = withholdings_for_export(cable, review, options.allow_pending, options.sets())
    _refuse_words_longer_than_a_row(cable, review, withheld)
    _refuse_letters_the_font_lacks(cable, review, withheld)
    full = withheld_in_full(cable, review, options.allow_pending)
    # Regions still pending (only exported with allow_pending, withheld): a draft.
    draft = bool(review.pending())
    stamps = stamps_for(cable, withheld, full, options, review, draft)
    fonts.register()
    regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
    width = wrap_width(cable.text, regions, withheld)
    rows = reflow(cable.text, withheld, joined_ranges(regions, withheld), width)
    pages = paginate(rows)
    buf = io.BytesIO()
    # invariant=1: the same cable, review and options give the same bytes (golden tests,
    # and a release can be re-made and compared later).
    c = Canvas(buf, pagesize=PAGE_SIZE, invariant=1, pageCompression=1)
    subject = released_subject(cable, review, withheld)
    name = release_name(cable, review, options.doc_number)
    c.setTitle(name)
    c.setSubject(subject)
    c.setAuthor(options.agency)
    c.setCreator("Declassification Workbench")
    # The document's dates are the release date (--date), not invariant mode's 1 Jan 2000
    # (newcomer 3, finding 32: a court reading the properties saw a date 26 years early);
    # still the same bytes for the same options, at midnight UTC: no clock time is told.
    day = options.released
    c.setDateFormatter(lambda *_: f"D:{day:%Y%m%d}000000+00'00'")
    c.setKeywords(", ".join([*released_tags(cable, review), stamps.disposition]))
    marks = _marks(cable, rows)
    outline: list[tuple[str, int]] = []
    first_row = 0
    for number, page_rows in enumerate(pages, 1):
        if number == 1:
            c.bookmarkPage("top", fit="Fit")
        outline.extend(_draw_page(c, page_rows, first_row, marks))
        first_row += len(page_rows) + page_rows.skipped  # type: ignore[attr-defined]
        draw_frame(c, stamps, number, len(pages))
        c.showPage()
    _outline(c, cable, review, name, subject, outline, options)
    c.save()
    return buf.getvalue()


# Letters and digits without a space or a mark to break at: the layout would cut such a word
# longer than a row in two, and verify rightly finds two words the cable does not hold.
_UNBREAKABLE = re.compile(rf"[^\W_]{{{COLUMNS + 1},}}")


def _refuse_words_longer_than_a_row(
    cable: Cable, review: Review, withheld: Sequence[Withholding]
) -> None:
    """Refuse (ExportError, one sentence naming the word and its region) a release whose
    released text holds a word longer than a row (newcomer 5, finding 8: a pasted key, hash
    or base64 attachment of 90+ letters was refused as 'failed its verification ... report
    this as a bug'). Cutting it would print two words the cable does not hold."""
    text, pos = cable.text, 0
    for w in [*withheld, None]:
        end = len(text) if w is None else w.start
        m = _UNBREAKABLE.search(text, pos, max(pos, end))
        if m is not None:
            region = next(iter(review.partition.overlapping(m.start(), m.end())), None)
            where = region.name if region is not None else "the text"
            raise ExportError(
                f"the release of {cable_name(cable)} cannot print the {len(m.group())}-character "
                f"word '{m.group()[:16]}...' in {where} on a row of {COLUMNS} cells without "
                "cutting it into words the cable does not hold (a key, a hash or a pasted "
                "attachment?): withhold it, or make a review copy; nothing was written"
            )
        if w is None:
            break
        pos = max(pos, w.end)


def _released_stretches(text: str, withheld: Sequence[Withholding]) -> list[tuple[int, int]]:
    """(start, end) of the text between the withheld pieces (sorted by start)."""
    out, pos = [], 0
    for w in sorted(withheld, key=lambda w: w.start):
        if w.start > pos:
            out.append((pos, w.start))
        pos = max(pos, w.end)
    if pos < len(text):
        out.append((pos, len(text)))
    return out


_RTL = "it is written right to left, and the release lays text out left to right unshaped"


def _refuse_letters_the_font_lacks(
    cable: Cable, review: Review, withheld: Sequence[Withholding]
) -> None:
    """Refuse (ExportError, one sentence naming the character, its script and its region) a
    release whose released text holds a visible character DejaVu Sans Mono has no glyph for,
    or a right-to-left letter (Hebrew, Arabic: the font has some, drawn unjoined in reverse
    order, which readers then read as other words) (newcomer 6, finding 24: CJK, Hebrew, Arabic, Devanagari, Thai were drawn as empty boxes,
    verify then found text missing and the export said "please report this as a bug").

    No fallback font: the release is laid out in fixed cells and verify accepts only the
    DejaVu subsets it can compare glyph by glyph; Noto CJK ships as CFF outlines ReportLab
    cannot embed, and ReportLab neither shapes Arabic nor orders right-to-left text, so the
    page would print letters the cable does not hold. Invisible format characters (Cf) are
    not this check's business."""
    have = fonts.drawable()
    text = cable.text
    for start, end in _released_stretches(text, withheld):
        for i in range(start, end):
            ch = text[i]
            rtl = unicodedata.bidirectional(ch) in ("R", "AL")
            if not rtl and (ord(ch) in have or ch.isspace() or unicodedata.category(ch)[0] in "CZ"):
                continue
            region = next(iter(review.partition.overlapping(i, i + 1)), None)
            where = region.name if region is not None else "the text"
            script = unicodedata.name(ch, "UNNAMED").split()[0]
            raise ExportError(
                f"the release of {cable_name(cable)} cannot print '{ch}' (U+{ord(ch):04X}, "
                f"{script}) in {where}: "
                + (_RTL if rtl else "the release font has no glyph for it")
                + ". Withhold it "
                "(a span: `workbench review find` or the window's Withhold Selection), or "
                "make a review copy; nothing was written"
            )


class _Page(list):  # type: ignore[type-arg]
    """Rows of one page, and how many blank rows were dropped before them."""

    skipped = 0


def paginate(rows: Sequence[T]) -> list[Sequence[T]]:  # type: ignore[no-redef]
    """Rows per page; blank rows at the top of a page are dropped (a printout's form feed)."""
    pages: list[Sequence[T]] = []
    i, n = 0, len(rows)
    while True:
        page = _Page()
        while i < n and _blank(rows[i]):
            i += 1
            page.skipped += 1
        if i >= n:
            break
        page.extend(rows[i : i + LINES_PER_PAGE])
        pages.append(page)
        i += LINES_PER_PAGE
    return pages or [_Page()]


def _marks(cable: Cable, rows: Sequence[Row]) -> dict[int, list[int]]:
    """Row -> paragraph indexes whose bookmark goes there."""
    starts = {p.start: p.index for p in cable.paragraphs}
    out: dict[int, list[int]] = defaultdict(list)
    for offset, row in row_of(rows, list(starts)).items():
        out[row].append(starts[offset])
    return out


def _draw_page(
    c: Canvas, rows: Sequence[Row], first_row: int, marks: dict[int, list[int]]
) -> list[tuple[str, int]]:
    """Draw one page of rows; return the bookmarks (key, paragraph index) placed on it."""
    placed: list[tuple[str, int]] = []
    labels: list[tuple[float, float, float, tuple[str, ...]]] = []  # x0, x1, y, codes
    c.setFont(fonts.MONO, FONT_SIZE)
    c.setFillColor(black)
    row_number = first_row + getattr(rows, "skipped", 0)
    for r, row in enumerate(rows):
        y = baseline(r)
        for idx in marks.get(row_number + r, ()):
            key = f"p{idx}"
            c.bookmarkPage(key, fit="XYZ", left=0, top=y + LEADING)
            placed.append((key, idx))
        for item in row.items:
            if isinstance(item, Text):
                c.drawString(cell_x(item.col), y, item.text)
            elif isinstance(item, Box):
                x0, x1 = cell_x(item.col), cell_x(item.col + item.width)
                c.rect(x0, y - BOX_BELOW, x1 - x0, LEADING, stroke=0, fill=1)
                labels.append((x0, x1, y, item.withheld.codes))
    # Blocks: one rectangle per block per page, its label in the middle.
    for top, bottom, bar in iter_blocks(rows):
        x0 = cell_x(bar.col)
        y_top = baseline(top) - BOX_BELOW + LEADING
        y_bottom = baseline(bottom) - BOX_BELOW
        c.rect(x0, y_bottom, RIGHT - x0, y_top - y_bottom, stroke=0, fill=1)
        labels.append((x0, RIGHT, baseline((top + bottom) // 2), bar.withheld.codes))
    margin = MarginNotes()
    for x0, x1, y, codes in labels:
        text = label(codes)
        if not draw_box_label(c, text, x0, x1, y):
            margin.add(y, "< " + text)
    margin.draw(c)
    c.setFont(fonts.MONO, FONT_SIZE)
    return placed


def _outline(
    c: Canvas,
    cable: Cable,
    review: Review,
    name: str,
    subject: str,
    marks: list[tuple[str, int]],
    options: ExportOptions,
) -> None:
    """Bookmarks: the document, then one per paragraph; only released words (never the text)."""
    title = name + (f": {subject}" if subject else "")
    c.addOutlineEntry(title, "top", level=0)
    by_index = {p.index: p for p in cable.paragraphs}
    for key, idx in marks:
        p = by_index[int(idx)]
        region = review.partition.get(key)
        if region is None:
            continue
        action = review.effective(region).action.value
        words = {
            "withhold": " (withheld in full)",
            "partial": " (released in part)",
            "pending": " (withheld: pending review)" if options.allow_pending else "",
        }.get(action, "")
        name = f"Paragraph {p.number}" if p.number is not None else f"Unnumbered paragraph {idx}"
        if printed := printed_label(p.number, p.label):
            name += f", printed {printed}"  # as the index says (naming.printed_label)
        c.addOutlineEntry(name + words, key, level=1)
    c.showOutline()


__all__ = ["Stamps", "render_release"]
