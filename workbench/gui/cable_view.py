"""The cable text, exactly as written, with its spans highlighted.

The text is never edited: highlights come from a QSyntaxHighlighter fed with spans from the
cable model (and, for redactions and findings, from the review and the rules), so document
positions stay equal to cable offsets and selections map straight back to the model.
Redacted spans are drawn as black bars carrying their codes; the original stays in the
document for the reviewer, readable in the tooltip and in the inspector's side pane.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from workbench.cable.model import Cable, Paragraph
from workbench.gui import styles
from workbench.gui.text_offsets import OffsetMap


@dataclass(frozen=True)
class Highlight:
    """A run of cable text to format; ``tooltip`` is shown when the pointer rests on it."""

    start: int
    end: int
    fmt: QTextCharFormat
    tooltip: str = ""


@dataclass(frozen=True)
class Bar:
    """A redacted span: drawn black, labelled with its codes."""

    start: int
    end: int
    codes: tuple[str, ...]


class SpanHighlighter(QSyntaxHighlighter):
    """Applies layers of span highlights; later layers win where formats conflict."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._layers: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        self._order: tuple[str, ...] = ("cable", "status", "findings", "redactions")
        self._by_block: dict[int, list[tuple[int, int, QTextCharFormat]]] = {}

    def clear(self) -> None:
        """Forget every layer (before the document's text is replaced)."""
        self._layers = {}
        self._by_block = {}

    def set_layer(self, name: str, spans: list[tuple[int, int, QTextCharFormat]]) -> None:
        """Replace one layer (Qt positions) and re-highlight only the blocks it touches."""
        doc = self.document()
        touched = self._blocks_of(self._layers.get(name, [])) | self._blocks_of(spans)
        self._layers[name] = spans
        self._by_block = {}
        for layer in self._order:
            for start, end, fmt in self._layers.get(layer, []):
                for b in self._block_range(start, end):
                    self._by_block.setdefault(b, []).append((start, end, fmt))
        for b in sorted(touched):
            block = doc.findBlockByNumber(b)
            if block.isValid():
                self.rehighlightBlock(block)

    def _block_range(self, start: int, end: int) -> range:
        doc = self.document()
        first = doc.findBlock(start).blockNumber()
        last = doc.findBlock(max(start, end - 1)).blockNumber()
        return range(first, last + 1) if first >= 0 and last >= first else range(0)

    def _blocks_of(self, spans: Iterable[tuple[int, int, QTextCharFormat]]) -> set[int]:
        out: set[int] = set()
        for start, end, _ in spans:
            out.update(self._block_range(start, end))
        return out

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        spans = self._by_block.get(block.blockNumber())
        if not spans:
            return
        pos, length = block.position(), len(text)
        clamped = [
            (max(s - pos, 0), min(e - pos, length), f)
            for s, e, f in spans
            if e > pos and s < pos + length
        ]
        # Merge overlapping formats segment by segment, so a finding's underline keeps the
        # marking's colour instead of replacing it.
        cuts = sorted({0, length, *(c for s, e, _ in clamped for c in (s, e))})
        for a, b in itertools.pairwise(cuts):
            merged = QTextCharFormat()
            hit = False
            for s, e, f in clamped:
                if s <= a and b <= e:
                    merged.merge(f)
                    hit = True
            if hit:
                self.setFormat(a, b - a, merged)


def _fmt(
    fg: QColor | str | None = None,
    bg: QColor | str | None = None,
    bold: bool = False,
    underline: QColor | str | None = None,
) -> QTextCharFormat:
    f = QTextCharFormat()
    if fg is not None:
        f.setForeground(QColor(fg))
    if bg is not None:
        f.setBackground(QColor(bg))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    if underline is not None:
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        f.setUnderlineColor(QColor(underline))
    return f


def cable_highlights(cable: Cable) -> list[Highlight]:
    """What the cable itself says, highlighted: banner, captions, DECL line, authority, markings."""
    out: list[Highlight] = []
    c = cable.classification
    if c is not None:
        colour = styles.level_colour(c.level)
        controls = f" // {' / '.join(c.controls)}" if c.controls else ""
        out.append(
            Highlight(
                c.start,
                c.end,
                _fmt(colour, styles.tint(colour, 45), bold=True),
                f"Classification banner: {c.level}{controls}",
            )
        )
    for cap in cable.captions:
        out.append(Highlight(cap.start, cap.end, _fmt("#444444", bold=True), "Handling caption"))
    if cable.eo is not None:
        out.append(Highlight(cable.eo.start, cable.eo.end, _fmt(bold=True)))
    if cable.subject is not None:
        out.append(Highlight(cable.subject.start, cable.subject.end, _fmt(bold=True)))
    cb = cable.classified_by
    if cb is not None:
        reasons = ", ".join(cb.reasons) or "none given"
        out.append(
            Highlight(
                cb.start,
                cb.end,
                _fmt("#5b3a8c", styles.tint("#7b4fa0", 28)),
                f"Classification authority: {cb.name or 'unnamed'}\nReasons: {reasons}",
            )
        )
    for n in cable.noise:
        out.append(Highlight(n.start, n.end, _fmt("#9a9a9a"), "Page break or repeated header"))
    for p in cable.paragraphs:
        m = p.marking
        if m is None:
            continue
        colour = styles.level_colour(m.level)
        # Controls such as NOFORN make a portion more restrictive: show them bolder.
        bold = bool(m.controls) or m.malformed
        tip = f"Portion marking: {m.level or 'unknown level'}"
        if m.controls:
            tip += " // " + " / ".join(m.controls)
        if m.malformed:
            tip += "\n(malformed marking)"
        f = _fmt(colour, styles.tint(colour, 40), bold=bold)
        if m.controls:
            f.setFontUnderline(True)
        out.append(Highlight(m.start, m.end, f, tip))
    for r in cable.para_refs:
        f = _fmt("#1d5fc1")
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        out.append(Highlight(r.start, r.end, f, f"Refers to paragraph {r.number}"))
    return out


class CableView(QPlainTextEdit):
    """Read-only cable text with span highlights, the current paragraph and redaction bars."""

    paragraphClicked = Signal(int)
    painted = Signal()  # after each paint: lets benchmarks/gui.py time the first paint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cableView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFont(styles.cable_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        self.setMouseTracking(True)
        self.document().setDocumentMargin(14)  # room for the current paragraph's accent
        self.cable: Cable | None = None
        self._map = OffsetMap("")
        self._tips: list[Highlight] = []
        self._bars: list[Bar] = []
        self._bar_tips: list[Highlight] = []
        self._current: Paragraph | None = None
        self._highlighter = SpanHighlighter(self.document())
        self._moving = False
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # -- content -----------------------------------------------------------------------------
    def set_cable(self, cable: Cable) -> None:
        self.cable = cable
        self._map = OffsetMap(cable.text)
        self._current = None
        self._bars = []
        self._bar_tips = []
        self._moving = True
        try:
            self._highlighter.clear()
            self.setPlainText(cable.text)
            self.document().setDocumentMargin(14)
        finally:
            self._moving = False
        highlights = cable_highlights(cable)
        self._tips = [h for h in highlights if h.tooltip]
        self._set_layer("cable", highlights)
        self.setExtraSelections([])

    def set_findings(self, findings: Iterable[tuple[int, int, str]]) -> None:
        """Underline each finding's span; its message is the tooltip."""
        hl = [
            Highlight(s, e, _fmt(underline=styles.FINDING_UNDERLINE), f"Finding: {msg}")
            for s, e, msg in findings
            if e > s
        ]
        self._tips = [h for h in self._tips if not h.tooltip.startswith("Finding: ")] + hl
        self._set_layer("findings", hl)

    def set_status_highlight(self, start: int, end: int, colour: str, tooltip: str) -> None:
        """Colour the DECL instruction by its status (the rules engine decides the status)."""
        hl = [Highlight(start, end, _fmt(colour, styles.tint(colour, 50), bold=True), tooltip)]
        self._tips = [h for h in self._tips if not h.tooltip.startswith("DECL")] + hl
        self._set_layer("status", hl)

    def set_redactions(self, bars: Iterable[Bar]) -> None:
        self._bars = sorted(bars, key=lambda b: b.start)
        fmt = _fmt(styles.REDACTION_BG, styles.REDACTION_BG)
        text = self.cable.text if self.cable else ""
        self._bar_tips = [
            Highlight(
                b.start,
                b.end,
                fmt,
                f"Withheld {' '.join(b.codes)}\n\nOriginal (reviewer only):\n"
                + _shorten(text[b.start : b.end]),
            )
            for b in self._bars
        ]
        self._set_layer("redactions", self._bar_tips)
        self._shade_current()

    def _set_layer(self, name: str, highlights: list[Highlight]) -> None:
        self._highlighter.set_layer(
            name, [(self._map.to_qt(h.start), self._map.to_qt(h.end), h.fmt) for h in highlights]
        )

    # -- current paragraph -------------------------------------------------------------------
    def show_paragraph(self, paragraph: Paragraph | None) -> None:
        """Shade the current paragraph and scroll it into view (its start first)."""
        self._current = paragraph
        self._shade_current()
        if paragraph is None:
            return
        if self.textCursor().hasSelection() and self.selected_span_in(paragraph):
            return  # keep the reviewer's selection: they are about to redact it
        self._moving = True
        try:
            start = QTextCursor(self.document())
            start.setPosition(self._map.to_qt(paragraph.start))
            end = QTextCursor(self.document())
            end.setPosition(self._map.to_qt(paragraph.end))
            height = self.viewport().height()
            if self.cursorRect(start).top() < 0 or self.cursorRect(end).bottom() > height:
                # Not wholly in view: bring its first line to the top, with two lines of
                # what comes before it for context (going to the end first makes the
                # scroll land the start at the top rather than the bottom edge).
                last = QTextCursor(self.document())
                last.movePosition(QTextCursor.MoveOperation.End)
                self.setTextCursor(last)
                self.ensureCursorVisible()
                self.setTextCursor(start)
                self.ensureCursorVisible()
                line = self.fontMetrics().lineSpacing()
                if self.cursorRect(end).bottom() + 2 * line <= height:
                    bar = self.verticalScrollBar()
                    bar.setValue(max(0, bar.value() - 2))
            self.setTextCursor(start)
        finally:
            self._moving = False

    def _shade_current(self) -> None:
        """Shade the current paragraph, except where it is redacted: an extra selection is
        drawn over the highlighter's formats and would otherwise uncover the black bars."""
        p = self._current
        if p is None:
            self.setExtraSelections([])
            return
        pieces, pos = [], p.start
        for b in self._bars:
            if b.end <= pos or b.start >= p.end:
                continue
            if b.start > pos:
                pieces.append((pos, b.start))
            pos = max(pos, b.end)
        if pos < p.end:
            pieces.append((pos, p.end))
        selections = []
        for start, end in pieces:
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(QColor(styles.CURRENT_PARAGRAPH_BG))
            cur = QTextCursor(self.document())
            cur.setPosition(self._map.to_qt(start))
            cur.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            selections.append(sel)
        self.setExtraSelections(selections)
        self.viewport().update()

    def _on_cursor_moved(self) -> None:
        if self._moving or self.cable is None:
            return
        p = self.cable.paragraph_at(self._map.from_qt(self.textCursor().position()))
        if p is not None and p is not self._current:
            self.paragraphClicked.emit(p.index)

    # -- selection ---------------------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        return self._map.from_qt(cur.selectionStart()), self._map.from_qt(cur.selectionEnd())

    def selected_span_in(self, paragraph: Paragraph) -> bool:
        span = self.selected_span()
        return span is not None and paragraph.start <= span[0] < span[1] <= paragraph.end

    def select_span(self, start: int, end: int) -> None:
        cur = QTextCursor(self.document())
        cur.setPosition(self._map.to_qt(start))
        cur.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)

    # -- tooltips and bars -------------------------------------------------------------------
    def viewportEvent(self, e: QEvent) -> bool:
        # Tooltip events reach the viewport, which QAbstractScrollArea routes through here.
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            tip = self.tooltip_at(e.pos())
            if tip:
                QToolTip.showText(e.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().viewportEvent(e)

    def tooltip_at(self, pos: QPoint) -> str:
        """Every tooltip of the spans under ``pos`` (viewport coordinates), most specific first."""
        if self.cable is None:
            return ""
        offset = self._map.from_qt(self.cursorForPosition(pos).position())
        hits = [h for h in (*self._bar_tips, *self._tips) if h.start <= offset < h.end]
        hits.sort(key=lambda h: h.end - h.start)
        return "\n\n".join(dict.fromkeys(h.tooltip for h in hits))

    def paintEvent(self, e: QEvent) -> None:
        super().paintEvent(e)  # type: ignore[arg-type]
        painter = QPainter(self.viewport())
        self._paint_current_marker(painter)
        self._paint_bar_labels(painter)
        painter.end()
        self.painted.emit()

    def _paint_current_marker(self, painter: QPainter) -> None:
        """An accent down the left margin beside the current paragraph."""
        p = self._current
        if p is None:
            return
        doc = self.document()
        first = doc.findBlock(self._map.to_qt(p.start))
        last = doc.findBlock(max(self._map.to_qt(p.end) - 1, 0))
        if not first.isValid() or not last.isValid():
            return
        offset = self.contentOffset()
        top = self.blockBoundingGeometry(first).translated(offset).top()
        bottom = self.blockBoundingGeometry(last).translated(offset).bottom()
        colour = styles.level_colour(p.marking.level if p.marking else None)
        painter.fillRect(QRect(2, int(top) + 2, 4, int(bottom - top) - 4), colour)

    def _paint_bar_labels(self, painter: QPainter) -> None:
        if not self._bars:
            return
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        visible = self.viewport().rect()
        for bar in self._bars:
            cur = QTextCursor(self.document())
            cur.setPosition(self._map.to_qt(bar.start))
            rect = self.cursorRect(cur)
            if rect.bottom() < visible.top() or rect.top() > visible.bottom():
                continue
            label = " " + " ".join(bar.codes or ("WITHHELD",)) + " "
            w = metrics.horizontalAdvance(label)
            box = QRect(rect.left(), rect.top(), w, rect.height())
            painter.fillRect(box, QColor(styles.REDACTION_BG))
            painter.setPen(QColor(styles.REDACTION_FG))
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, label)


def _shorten(text: str, limit: int = 600) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
