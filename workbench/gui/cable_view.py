"""The cable text, exactly as written, with its spans highlighted.

The text is never edited: highlights come from a QSyntaxHighlighter fed with spans from the
cable model (and, for redactions and findings, from the review and the rules), so document
positions stay equal to cable offsets and selections map straight back to the model.
Redacted spans are painted as black bars over exactly their characters, line by line, after
the text (so a selection dragged over them shows nothing of what they hide), with their codes
inside when the codes fit; the original stays in the document for the reviewer, readable in
the tooltip and in the redactions list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from workbench.cable.model import Cable
from workbench.gui import styles
from workbench.gui.highlights import Highlight, SpanHighlighter, cable_highlights, char_format
from workbench.gui.text_offsets import OffsetMap
from workbench.review.regions import Partition, Region, partition


@dataclass(frozen=True)
class Bar:
    """A redacted span: drawn black, labelled with its codes."""

    start: int
    end: int
    codes: tuple[str, ...]


class CableView(QPlainTextEdit):
    """Read-only cable text with span highlights, the current paragraph and redaction bars."""

    regionClicked = Signal(str)  # the key of the region the reviewer clicked or dragged in
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
        self.setTabChangesFocus(True)  # Tab moves on to the next pane; the text is read-only
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.document().setDocumentMargin(14)  # room for the current paragraph's accent
        self.cable: Cable | None = None
        self._map = OffsetMap("")
        self._tips: list[Highlight] = []
        self._bars: list[Bar] = []
        self._bar_tips: list[Highlight] = []
        self._layer_tips: dict[str, list[Highlight]] = {}  # layers set from outside
        self._current: Region | None = None
        self._partition: Partition | None = None
        self._highlighter = SpanHighlighter(self.document())
        self._moving = False
        self._clicked = ""  # the region the reviewer's own click or drag made current
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # -- content -----------------------------------------------------------------------------
    def set_cable(self, cable: Cable) -> None:
        self.cable = cable
        self._partition = partition(cable)
        self._map = OffsetMap(cable.text)
        self._current = None
        self._bars = []
        self._bar_tips = []
        self._layer_tips = {}
        self._moving = True
        try:
            self._highlighter.clear()
            self.setPlainText(cable.text)
            self.document().setDocumentMargin(14)
        finally:
            self._moving = False
        highlights = cable_highlights(cable, self.palette().base().color())
        self._tips = [h for h in highlights if h.tooltip]
        self._set_layer("cable", highlights)
        self.setExtraSelections([])

    def set_findings(self, findings: Iterable[tuple[int, int, str]]) -> None:
        """Underline each finding's span; its message is the tooltip."""
        hl = [
            Highlight(s, e, char_format(underline=styles.FINDING_UNDERLINE), f"Finding: {msg}")
            for s, e, msg in findings
            if e > s
        ]
        self._tips = [h for h in self._tips if not h.tooltip.startswith("Finding: ")] + hl
        self._set_layer("findings", hl)

    def set_status_highlight(self, start: int, end: int, colour: str, tooltip: str) -> None:
        """Colour the DECL instruction by its status (the rules engine decides the status)."""
        fg = styles.readable(colour, self.palette().base().color())
        hl = [Highlight(start, end, char_format(fg, styles.tint(colour, 50), bold=True), tooltip)]
        self._tips = [h for h in self._tips if not h.tooltip.startswith("DECL")] + hl
        self._set_layer("status", hl)

    def set_redactions(self, bars: Iterable[Bar]) -> None:
        self._bars = sorted(bars, key=lambda b: b.start)
        black = char_format(styles.REDACTION_BG, styles.REDACTION_BG)
        text = self.cable.text if self.cable else ""
        self._bar_tips = [
            Highlight(
                b.start,
                b.end,
                black,
                f"Withheld {' '.join(b.codes)}\n\nOriginal (reviewer only):\n"
                + _shorten(text[b.start : b.end]),
            )
            for b in self._bars
        ]
        self._set_layer("redactions", self._bar_tips)
        self._shade_current()

    def set_layer(self, name: str, highlights: list[Highlight]) -> None:
        """Show a layer of highlights another part of the window owns (a case's proposals),
        with their tooltips."""
        self._layer_tips[name] = [h for h in highlights if h.tooltip]
        self._set_layer(name, highlights)

    def _set_layer(self, name: str, highlights: list[Highlight]) -> None:
        self._highlighter.set_layer(
            name, [(self._map.to_qt(h.start), self._map.to_qt(h.end), h.fmt) for h in highlights]
        )

    # -- current paragraph -------------------------------------------------------------------
    def show_paragraph(self, paragraph: Region | None) -> None:
        """Shade the current region and scroll it into view (its start first)."""
        self._current = paragraph
        self._shade_current()
        if paragraph is None:
            return
        if paragraph.key == self._clicked:
            # The reviewer clicked or is dragging in it: moving the cursor to the paragraph's
            # start would drop the selection's anchor there.
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
        palette = self.palette()
        shade = styles.current_paragraph_bg(palette.base().color())
        for start, end in pieces:
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(shade)
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
        if self._partition is None:
            return
        r = self._partition.at(self._map.from_qt(self.textCursor().position()))
        if r is not None and r.decidable and (self._current is None or r.key != self._current.key):
            self._clicked = r.key
            try:
                self.regionClicked.emit(r.key)
            finally:
                self._clicked = ""

    def reveal(self, start: int, end: int) -> None:
        """Scroll ``start``-``end`` into view (a redaction chosen in the list)."""
        self._moving = True
        try:
            cur = QTextCursor(self.document())
            cur.setPosition(self._map.to_qt(end))
            self.setTextCursor(cur)
            self.ensureCursorVisible()
            cur.setPosition(self._map.to_qt(start))
            self.setTextCursor(cur)
            self.ensureCursorVisible()
        finally:
            self._moving = False

    # -- selection ---------------------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        return self._map.from_qt(cur.selectionStart()), self._map.from_qt(cur.selectionEnd())

    def selected_span_in(self, paragraph: Region) -> bool:
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
        layers = [h for tips in self._layer_tips.values() for h in tips]
        hits = [h for h in (*self._bar_tips, *self._tips, *layers) if h.start <= offset < h.end]
        hits.sort(key=lambda h: h.end - h.start)
        return "\n\n".join(dict.fromkeys(h.tooltip for h in hits))

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        painter = QPainter(self.viewport())
        self._paint_current_marker(painter)
        self._paint_bars(painter)
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
        marking = None
        if self.cable is not None and p.paragraph and p.paragraph <= len(self.cable.paragraphs):
            marking = self.cable.paragraphs[p.paragraph - 1].marking
        colour = styles.level_colour(marking.level if marking else None)
        painter.fillRect(QRect(2, int(top) + 2, 4, int(bottom - top) - 4), colour)

    def bar_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering exactly the characters ``start``-``end``, one per line."""
        doc = self.document()
        a, b = self._map.to_qt(start), self._map.to_qt(end)
        offset = self.contentOffset()
        out: list[QRectF] = []
        block = doc.findBlock(a)
        while block.isValid() and block.position() < b:
            layout = block.layout()
            top_left = self.blockBoundingGeometry(block).translated(offset).topLeft()
            pos = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                ls, le = pos + line.textStart(), pos + line.textStart() + line.textLength()
                s, e = max(a, ls), min(b, le)
                if s >= e:
                    continue
                x1, x2 = _x(line.cursorToX(s - pos)), _x(line.cursorToX(e - pos))
                out.append(
                    QRectF(top_left.x() + x1, top_left.y() + line.y(), x2 - x1, line.height())
                )
            block = block.next()
        return out

    def _paint_bars(self, painter: QPainter) -> None:
        """Black over exactly the withheld characters; the codes inside the bar when they fit
        (else only in the tooltip and the redactions list), never over released words."""
        if not self._bars:
            return
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        visible = QRectF(self.viewport().rect())
        black, white = QColor(styles.REDACTION_BG), QColor(styles.REDACTION_FG)
        for bar in self._bars:
            rects = [r for r in self.bar_rects(bar.start, bar.end) if r.intersects(visible)]
            for r in rects:
                painter.fillRect(r, black)
            if not rects:
                continue
            label = " ".join(bar.codes or ("WITHHELD",))
            widest = max(rects, key=lambda r: r.width())
            if metrics.horizontalAdvance(label) + 4 <= widest.width():
                painter.setPen(white)
                painter.drawText(widest, int(Qt.AlignmentFlag.AlignCenter), label)


def _x(value: object) -> float:
    """QTextLine.cursorToX returns a float, or (x, position) in some PySide6 versions."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]


def _shorten(text: str, limit: int = 600) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
