"""The Vaughn index: one row per withholding, as CSV or as a PDF table.

A Vaughn index (Vaughn v. Rosen, 484 F.2d 820, D.C. Cir. 1973) lists each withholding: the
document, its date, a description, where in it, the disposition, the exemptions claimed and the
justification (declassification.md section 7). Only released text goes in: the subject as the
release prints it ("withheld" when withheld whole; its released words with "[withheld]" where
the release draws a box, and "(partly withheld)", when only a span of it is), and every text a
row prints, the reviewer's comment above all, passes ``index_check`` before anything is
written. Each region is named as the window, the release and the guide name it (``¶3``,
``Passing line 1``, ``Routing lines 2``).
"""

from __future__ import annotations

import bisect
import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from workbench.cable.model import Cable
from workbench.export import fonts
from workbench.export.codes import description
from workbench.export.index_verify import VAUGHN_SUBJECT
from workbench.export.prepare import (
    release_name,
    withheld_in_full,
    withholdings_for_export,
)
from workbench.export.reflow import BOX_WIDTHS
from workbench.export.release import released_subject
from workbench.export.stamps import DRAFT
from workbench.naming import paragraph_cell
from workbench.review.codes import CodeSet, builtin_code_sets
from workbench.review.model import PENDING_CODE, Action, Review, Withholding
from workbench.safeio.spreadsheet import inert

# Lines the FM line's rule withholds with it (``repeats.origin_rule``).
_NAMING_POST = frozenset({"routing", "classification", "page_break", "repeat"})

COLUMNS = (
    "document",
    "date",
    "subject",
    "paragraph",
    "withheld",
    "disposition",
    "codes",
    "code descriptions",
    "reviewer comment",
)

# The disposition of a cable whose release is a draft (regions pending review, withheld).
DRAFT_ROW = "DRAFT, not for release"

FIELD_NAMES = {
    "subject": "subject line",
    "classified_by": "classified-by line",
    "from": "FM line",
    "to": "TO line",
    "info": "INFO line",
    "refs": "REF line",
    "signature": "signature",
}


@dataclass(frozen=True)
class Row:
    document: str
    date: str
    subject: str
    paragraph: str
    withheld: str
    disposition: str
    codes: str
    descriptions: str
    comment: str

    def values(self) -> list[str]:
        return [
            self.document,
            self.date,
            self.subject,
            self.paragraph,
            self.withheld,
            self.disposition,
            self.codes,
            self.descriptions,
            self.comment,
        ]


def rows_for(
    cable: Cable, review: Review, allow_pending: bool = False, sets: Sequence[CodeSet] | None = None
) -> list[Row]:
    """The rows for one cable (none when it is released in full). May raise ExportError:
    among others when a row would print withheld text (``index_check``: a reviewer's comment
    quoting a withheld name). Descriptions come from ``sets`` (the export's code sets; None:
    the built-in ones)."""
    from workbench.export.index_check import check_rows

    sets = list(builtin_code_sets() if sets is None else sets)
    # validates, refuses pending
    withheld = withholdings_for_export(cable, review, allow_pending, sets)
    raw = review.withholdings(cable, allow_pending)
    subject = _subject(cable, review, withheld)
    full = withheld_in_full(cable, review, allow_pending)
    disposition = "withheld in full" if full else "released in part"
    if allow_pending and review.pending():
        disposition = f"{DRAFT_ROW}: {disposition}"  # as its release, a draft (stamps.DRAFT)
    day = cable.origin_date.isoformat() if cable.origin_date else "undated"
    keys = {p.index: paragraph_cell(p.number, p.index, p.label) for p in cable.paragraphs}
    drawn = _drawn(cable, review, withheld)
    rows = []
    for w, codes, comment in _pieces(raw, withheld):
        rows.append(
            Row(
                document=release_name(cable, review),
                date=day,
                subject=subject,
                paragraph=keys.get(w.paragraph, "")
                if w.paragraph is not None
                else _where(review, w),
                withheld=_extent(review, w, drawn),
                disposition=disposition,
                codes=", ".join(codes),
                descriptions="; ".join(
                    f"{c}: {(description(c, sets) or '').rstrip('.')}" for c in codes
                ),
                comment=comment,
            )
        )
    check_rows(cable, review, rows, sets)
    return rows


def _pieces(
    raw: Sequence[Withholding], merged: Sequence[Withholding]
) -> list[tuple[Withholding, tuple[str, ...], str]]:
    """One row per piece the release draws (newcomer 5, finding 4: three overlapping spans
    the ``recurrences`` rule found, "Pieter de Gooijer", "Pieter", "Gooijer", one block in the
    release, were three rows): each merged withholding, described by the first withholding
    in it (a reviewer's before a repeat, the widest first), with every code and comment of those it holds."""
    starts = [m.start for m in merged]
    groups: dict[int, list[Withholding]] = {}
    for w in raw:
        if w.region and w.region.startswith("separator:"):
            continue  # no text: withheld with the region it follows, whose row says so
        i = bisect.bisect_right(starts, w.start) - 1
        if i < 0 or not merged[i].start <= w.start < merged[i].end:
            continue  # not drawn (an empty range)
        groups.setdefault(i, []).append(w)
    out = []
    for i in sorted(groups):
        held = sorted(groups[i], key=lambda w: (w.repeats is not None, w.start, -w.end))
        codes = tuple(dict.fromkeys(c for w in held for c in w.codes))
        comment = "; ".join(dict.fromkeys(w.comment for w in held if w.comment))
        out.append((held[0], codes, comment))
    return out


def _subject(cable: Cable, review: Review, withheld: Sequence[Withholding]) -> str:
    """The subject column: the subject as the release prints it, never more. Released whole:
    its text; withheld whole (or pending, or absent): "withheld"; released with spans
    withheld (a name in it): its released words, "[withheld]" where the release draws a box,
    and "(partly withheld)", so a row does not call a subject withheld that the release shows
    (newcomer 4, finding 10)."""
    whole = released_subject(cable, review, withheld)
    if whole:
        return whole
    region = review.partition.get("subject")
    if region is None:
        return "withheld"
    inside = sorted(
        (max(w.start, region.body_start), min(w.end, region.end))
        for w in withheld
        if w.start < region.end and region.body_start < w.end
    )
    if not inside or (inside[0][0] <= region.body_start and inside[-1][1] >= region.end):
        return "withheld"
    if review.effective(region).action not in (Action.RELEASE, Action.PARTIAL):
        return "withheld"
    pieces: list[str] = []
    pos = region.body_start
    for s, e in inside:
        if s > pos:
            pieces.append(" ".join(cable.text[pos:s].split()))
        if not pieces or pieces[-1] != "[withheld]":
            pieces.append("[withheld]")
        pos = max(pos, e)
    if pos < region.end:
        pieces.append(" ".join(cable.text[pos : region.end].split()))
    shown = " ".join(p for p in pieces if p)
    return f"{shown} (partly withheld)"


def _where(review: Review, w: Withholding) -> str:
    """The region of a withholding outside the paragraphs, as the window names it."""
    region = review.partition.get(w.region or "")
    return region.label if region is not None else "header"


# What the paragraph column holds, said on the PDF above the table (a CSV cell says it itself).
LEGEND = (
    "Paragraph: the paragraph's number in the cable (and its label as the release prints it "
    "where that reads otherwise: 2 (printed 12.)); a paragraph the cable does not number is "
    "named by its place among the cable's paragraphs (2nd paragraph (unnumbered)); any other "
    "region by the name the review gives it (Subject, Passing line 1)."
)


def _drawn(
    cable: Cable, review: Review, withheld: Sequence[Withholding]
) -> list[tuple[int, int, str]]:
    """What the release draws for each withheld piece: (start, end, shape), the shape in
    the PDF's own buckets (a box's width bucket, a block's height in rows), laid out as the
    release lays it out (prose rewrapped, entry lines kept)."""
    from workbench.export.reflow import Bar, Box, joined_ranges, reflow, wrap_width

    regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
    joined = joined_ranges(regions, withheld)
    boxes: dict[int, int] = {}
    bars: dict[int, int] = {}
    for row in reflow(cable.text, withheld, joined, wrap_width(cable.text, regions, withheld)):
        for item in row.items:
            if isinstance(item, Box):
                boxes[id(item.withheld)] = item.width
            elif isinstance(item, Bar):
                bars[id(item.withheld)] = bars.get(id(item.withheld), 0) + 1
    out = []
    for w in withheld:
        if id(w) in bars:
            n = bars[id(w)]
            shape = f"block of {n} row" + ("" if n == 1 else "s")
        elif id(w) in boxes:
            width = boxes[id(w)]
            low = next((b for b in reversed(BOX_WIDTHS) if b < width), 0) + 1
            shape = f"box for {low}-{width} characters"
        else:
            continue
        out.append((w.start, w.end, shape))
    return out


def _extent(review: Review, w: Withholding, drawn: Sequence[tuple[int, int, str]]) -> str:
    """What was withheld, told no more precisely than the release shows it: the kind of text
    and the bucket of the box or block drawn over it (never its length, never its words).
    A region outside the paragraphs and the header fields is named as the window and the
    guide name it ("Passing line 1"), and a line a rule withheld says which rule."""
    shape = next((sh for s, e, sh in drawn if s <= w.start < e), "")
    shown = f" ({shape})" if shape else ""
    if w.repeats:
        return f"repeat of text withheld in {w.repeats}{shown}"
    if w.kind == "paragraph":
        return f"paragraph in full{shown}"
    if w.kind == "field":
        return FIELD_NAMES.get(w.field or "", w.field or "header field") + shown
    region = review.partition.get(w.region or "")
    name = region.name if region is not None else "line outside the paragraphs"
    if w.kind == "region":
        return f"{name} in full{_why(review, w)}{shown}"
    if w.field:
        return "part of the " + FIELD_NAMES.get(w.field, w.field) + shown
    if w.paragraph is None and region is not None:
        return f"part of {name}{shown}"
    return f"part of paragraph{shown}"


def _why(review: Review, w: Withholding) -> str:
    """Why a rule withheld a region no reviewer decided: the FM line's rule (the line names
    the post), or a repeated header line following its withheld original."""
    region = review.partition.get(w.region or "")
    if region is None or review.decision(region.key).action != Action.PENDING:
        return ""
    if PENDING_CODE in w.codes:
        return ", pending review" if region.kind not in _NAMING_POST else ", names the post"
    from workbench.review.repeats import origin_rule

    if origin_rule(review, region) is not None:
        return ", withheld with the FM line (it names the post)"
    if region.kind == "repeat" and region.follows:
        original = review.partition.get(region.follows)
        if original is not None:
            how = "continues" if region.continues else "repeats"
            return f", withheld with {original.name}, which it {how}"
    return ""


def to_csv(rows: Iterable[Row]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180 line ends, as spreadsheets expect
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([inert(v) for v in r.values()])
    return buf.getvalue().encode("utf-8")


def is_draft(rows: Iterable[Row]) -> bool:
    """Some cable of the index has regions pending review: the index is a draft."""
    return any(r.disposition.startswith(DRAFT_ROW) for r in rows)


def to_pdf(rows: Sequence[Row], title: str = "Vaughn index", day: date | None = None) -> bytes:
    """A landscape table, repeated header row, ``Page N of M`` on every page; a draft's
    (:func:`is_draft`) every page says DRAFT ... NOT FOR RELEASE at its top, as its releases do.
    Dated ``day`` (today) at midnight UTC, as a release is (newcomer 5, finding 5: invariant
    mode's 1 January 2000 stood in the index's properties)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import landscape, letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    fonts.register()
    cell = ParagraphStyle("cell", fontName=fonts.MONO, fontSize=6.6, leading=8.2)
    head = ParagraphStyle("head", parent=cell, fontName=fonts.MONO_BOLD)
    heading = ParagraphStyle("h", fontName=fonts.MONO_BOLD, fontSize=12, leading=16)
    legend = ParagraphStyle("legend", parent=cell, fontSize=7.5, leading=9.5)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        # Paragraph parses markup: escape, or "<GATE 3>" vanishes and "AT&T" breaks.
        return Paragraph(escape(text), style)

    data = [[para(c.capitalize(), head) for c in COLUMNS]]
    data += [[para(v, cell) for v in r.values()] for r in rows]
    if not rows:
        data.append([para("no withholdings: every document released in full", cell)] + [""] * 8)
    # points: 720 across; the region column holds "Passing line 1", "Classification line"
    widths = [62, 54, 100, 70, 76, 58, 62, 142, 96]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=landscape(letter),
        leftMargin=36,
        rightMargin=36,
        topMargin=40,
        bottomMargin=40,
        title=title,
        subject=VAUGHN_SUBJECT,  # how `workbench verify` knows an index from a release
        author="Declassification Workbench",
        creator="Declassification Workbench",
        invariant=1,
    )
    draft = is_draft(rows)
    head_rows = [para(DRAFT, heading)] if draft else []
    doc.build(
        [*head_rows, para(title, heading), para(LEGEND, legend), Spacer(1, 6), table],
        canvasmaker=_numbered_canvas(DRAFT if draft else "", day or date.today()),
    )
    return buf.getvalue()


def _numbered_canvas(draft: str = "", day: date | None = None):  # type: ignore[no-untyped-def]
    """A canvas that holds pages back until the end, so each can say ``Page N of M`` (and
    ``draft`` at its top, when given)."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self.setCreator("Declassification Workbench")
            if day is not None:  # the same bytes for the same day: no clock time is told
                self.setDateFormatter(lambda *_: f"D:{day:%Y%m%d}000000+00'00'")
            self._held: list[dict] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for n, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                w, h = self._pagesize
                self.setFont(fonts.MONO, 7.5)
                self.drawRightString(w - 36, 22, f"Page {n} of {total}")
                if draft:
                    self.setFont(fonts.MONO_BOLD, 9)
                    self.drawCentredString(w / 2, h - 24, draft)
                super().showPage()
            super().save()

    return NumberedCanvas
