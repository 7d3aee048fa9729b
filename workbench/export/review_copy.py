"""The review copy: for the office, never for release.

All text is visible. Portion markings, the classification line and the DECL line are
highlighted; withheld parts are shaded with their codes in the margin; findings of the rules
check are numbered in the margin beside their line and listed at the end; every page carries a
NOT FOR RELEASE watermark and the cable's *original* marking (it is still classified).
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas

from workbench.cable.model import Cable
from workbench.export import fonts
from workbench.export.codes import label
from workbench.export.layout import COLUMNS, Line, disjoint, pieces, printable, wrap
from workbench.export.options import ExportOptions
from workbench.export.page import (
    BOX_BELOW,
    FONT_SIZE,
    LEADING,
    PAGE_H,
    PAGE_SIZE,
    PAGE_W,
    MarginNotes,
    baseline,
    cell_x,
    draw_frame,
)
from workbench.export.prepare import cable_name
from workbench.export.release import paginate
from workbench.export.stamps import Stamps, disposition, original_marking
from workbench.review.model import Action, Review, Withholding

# What marks a review copy, in its stamps and its title: verify knows one by them.
REVIEW_COPY_STAMP = "REVIEW COPY - NOT FOR RELEASE"
REVIEW_COPY_TITLE = " (review copy, not for release)"

HIGHLIGHT = Color(1.0, 0.92, 0.45)  # markings and the DECL line
SHADE = Color(0.78, 0.84, 0.95)  # withheld, as proposed
PENDING_SHADE = Color(0.98, 0.80, 0.62)
FINDING = Color(0.75, 0.05, 0.05)
CODES = Color(0.1, 0.2, 0.55)
WATERMARK = Color(0.96, 0.84, 0.84)


@dataclass(frozen=True)
class Note:
    """A finding to show: its message and, when known, the text it is about."""

    message: str
    start: int | None = None
    end: int | None = None


def notes_from_findings(findings: Iterable[object]) -> list[Note]:
    """Adapt findings of ``workbench check`` (any object with a message and optional offsets)."""
    out = []
    for f in findings:
        if isinstance(f, Note):
            out.append(f)
            continue
        message = str(getattr(f, "message", None) or getattr(f, "text", None) or f)
        code = getattr(f, "code", None) or getattr(f, "rule", None)
        if code:
            message = f"[{code}] {message}"
        start = getattr(f, "start", None)
        end = getattr(f, "end", None)
        if start == end == 0:  # the engine's "nothing better to point at"
            start = end = None
        span = getattr(f, "span", None)
        if start is None and span is not None:
            start, end = getattr(span, "start", None), getattr(span, "end", None)
        out.append(Note(message, start, end))
    return out


def _highlights(cable: Cable) -> list[tuple[int, int]]:
    spans = [(p.marking.start, p.marking.end) for p in cable.paragraphs if p.marking]
    if cable.classification:
        spans.append((cable.classification.start, cable.classification.end))
    if cable.eo:
        spans.append((cable.eo.start, cable.eo.end))
    if cable.entire_text:
        spans.append((cable.entire_text.start, cable.entire_text.end))
    return sorted(spans)


def render_review_copy(
    cable: Cable, review: Review, options: ExportOptions, findings: Iterable[object] = ()
) -> bytes:
    """The review copy's bytes. Pending paragraphs are shown shaded as pending, never refused."""
    notes = notes_from_findings(findings)
    raw = review.withholdings(cable, allow_pending=True)
    withheld = disjoint(raw)
    fonts.register()
    body: list[Line | str] = list(wrap(cable.text))
    body.extend(_findings_lines(notes))
    pages = paginate(body)
    # The count `review show` and the window give (newcomer 6, finding 23: "6 of 11
    # paragraphs" where 6 header regions and no paragraph were decided).
    decided = review.decided_count
    paragraphs = review.paragraph_count - sum(r.kind == "paragraph" for r in review.pending())
    stamps = Stamps(
        struck="",
        marking=original_marking(cable) or "UNMARKED",
        header=f"REVIEW COPY  {options.agency}  Case No. {options.case_number or 'none'}  "
        f"Doc No. {options.doc_number or cable_name(cable)}",
        disposition="PROPOSED: "
        + disposition([w for w in raw if w.codes], _all_withheld(cable, review)),
        decl_block=(
            REVIEW_COPY_STAMP,
            f"Reviewer: {options.reviewer}",
            f"Printed: {options.released.isoformat()}",
            f"Decided: {decided} of {review.region_count} regions ({paragraphs} of "
            f"{review.paragraph_count} paragraphs)",
            f"Findings: {len(notes)}",
        ),
    )
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=PAGE_SIZE, invariant=1, pageCompression=1)
    c.setTitle(cable_name(cable) + REVIEW_COPY_TITLE)
    c.setAuthor(options.agency)
    c.setCreator("Declassification Workbench")
    note_rows = _note_offsets(notes)
    for number, lines in enumerate(pages, 1):
        _watermark(c)
        _draw_body(c, cable, review, lines, withheld, _highlights(cable), note_rows)
        draw_frame(c, stamps, number, len(pages))
        c.showPage()
    c.save()
    return buf.getvalue()


def _all_withheld(cable: Cable, review: Review) -> bool:
    return bool(cable.paragraphs) and all(
        review.decision(p.index).action == Action.WITHHOLD for p in cable.paragraphs
    )


def _note_offsets(notes: Sequence[Note]) -> list[tuple[int, int]]:
    """(offset, finding number) for findings tied to text."""
    return [(n.start, i) for i, n in enumerate(notes, 1) if n.start is not None]


def _findings_lines(notes: Sequence[Note]) -> list[str]:
    if not notes:
        return ["", "FINDINGS OF WORKBENCH CHECK: none"]
    out = ["", "FINDINGS OF WORKBENCH CHECK:"]
    for i, n in enumerate(notes, 1):
        text = f"[{i}] {n.message}"
        while len(text) > COLUMNS:
            cut = text.rfind(" ", 0, COLUMNS + 1)
            cut = cut if cut > 0 else COLUMNS
            out.append(text[:cut])
            text = "    " + text[cut:].lstrip()
        out.append(text)
    return out


def _watermark(c: Canvas) -> None:
    c.saveState()
    c.setFillColor(WATERMARK)
    c.setFont(fonts.MONO_BOLD, 54)
    c.translate(PAGE_W / 2, PAGE_H / 2)
    c.rotate(52)
    c.drawCentredString(0, -18, "NOT FOR RELEASE")
    c.restoreState()


def _draw_body(
    c: Canvas,
    cable: Cable,
    review: Review,
    lines: Sequence[Line | str],
    withheld: Sequence[Withholding],
    highlights: Sequence[tuple[int, int]],
    note_rows: Sequence[tuple[int, int]],
) -> None:
    text = cable.text
    margin: dict[int, list[str]] = defaultdict(list)
    finding_rows: dict[int, list[int]] = defaultdict(list)
    labelled: set[int] = set()
    for row, line in enumerate(lines):
        y = baseline(row)
        if isinstance(line, str):
            c.setFillColor(FINDING if line.startswith(("[", "FINDINGS")) else black)
            c.setFont(fonts.MONO, FONT_SIZE)
            c.drawString(cell_x(0), y, line)
            continue
        # Shading and highlights go under the text, which stays fully visible.
        for piece in pieces(line, withheld):
            if piece.withheld is None:
                continue
            w = piece.withheld
            pending = w.codes == ("PENDING REVIEW",)
            c.setFillColor(PENDING_SHADE if pending else SHADE)
            x0, x1 = cell_x(piece.start - line.start), cell_x(piece.end - line.start)
            c.rect(x0, y - BOX_BELOW, x1 - x0, LEADING, stroke=0, fill=1)
            if w.start not in labelled:
                labelled.add(w.start)
                margin[row].append(label(w.codes))
        for s, e in highlights:
            if s < line.end and line.start < e:
                x0 = cell_x(max(s, line.start) - line.start)
                x1 = cell_x(min(e, line.end) - line.start)
                c.setFillColor(HIGHLIGHT)
                c.rect(x0, y - BOX_BELOW + 1, x1 - x0, LEADING - 2, stroke=0, fill=1)
        for offset, number in note_rows:
            if line.start <= offset < max(line.end, line.start + 1):
                finding_rows[row].append(number)
        c.setFillColor(black)
        c.setFont(fonts.MONO, FONT_SIZE)
        drawn = printable(text[line.start : line.end])
        if drawn.strip():
            c.drawString(cell_x(0), y, drawn)
    notes = MarginNotes()
    for row, texts in margin.items():
        for text in texts:
            notes.add(baseline(row), text, CODES)
    for row, numbers in finding_rows.items():
        notes.add(baseline(row), "! " + " ".join(f"[{n}]" for n in numbers), FINDING)
    notes.draw(c)
