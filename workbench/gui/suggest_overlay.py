"""Suggested redactions drawn over the cable text: a dotted outline per suggestion.

The outlines are painted by a transparent widget laid over the cable view's viewport (a
sibling of the viewport, so scrolling never moves it), from the rectangles the view computes
for its redaction bars; the view itself is not changed. The outline's colour says the kind, and
the current suggestion (the one S went to) also carries a label with its kind and codes, since
colour must not be the only cue. Mouse events pass through to the text underneath.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from workbench.gui import styles
from workbench.gui.cable_view import CableView
from workbench.suggest import Suggestion

# Hues apart from the classification colours the markings use (green, blue, red, orange).
KIND_COLOURS: dict[str, str] = {
    "person": "#00838f",
    "contact": "#7b1fa2",
    "protect-marker": "#c2185b",
}
OTHER_COLOUR = "#6d4c41"  # issue 15's kinds (copy, similar, case-term) until they pick theirs
KIND_NAMES: dict[str, str] = {"protect-marker": "protect"}
# The letter on the current suggestion's badge when its tag does not fit beside the line.
KIND_BADGES: dict[str, str] = {"person": "P", "contact": "C", "protect-marker": "M"}


def kind_colour(kind: str, base: QColor) -> QColor:
    """The kind's colour, made readable (4.5:1) on the view's background."""
    return styles.readable(KIND_COLOURS.get(kind, OTHER_COLOUR), base)


def label_of(s: Suggestion) -> str:
    """What the current suggestion's label says: its kind (finer kind too) and codes."""
    kind = KIND_NAMES.get(s.kind, s.kind)
    if s.detail and s.detail not in (kind, "marker", "protected"):
        kind = f"{kind}: {s.detail}"
    return f"{kind}  {' '.join(s.codes)}".strip()


class SuggestionOverlay(QWidget):
    """Paints the outlines of ``suggestions`` over ``view``; follows its scrolling and size."""

    def __init__(self, view: CableView) -> None:
        super().__init__(view)
        self.setObjectName("suggestionOverlay")
        self.view = view
        self.suggestions: list[Suggestion] = []
        self.current: Suggestion | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Any repaint of the text (scrolling, a new highlight) repaints what lies above it,
        # this widget included; updateRequest covers the scrolls Qt would otherwise blit.
        view.updateRequest.connect(lambda *_: self.update())
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self._place()
        self.raise_()

    def set_suggestions(
        self, suggestions: Sequence[Suggestion], current: Suggestion | None
    ) -> None:
        self.suggestions = sorted(suggestions, key=lambda s: (s.start, s.end))
        self.current = current
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport goes before this widget when the view is destroyed, and sends events
        # on its way: touching the view then raises, and an exception here would crash Qt.
        if watched is not self._viewport:
            return False
        try:
            return self._filter(event)
        except RuntimeError:
            return False

    def _filter(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place()
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:  # the suggestion first, then what the text itself says there
                rest = self.view.tooltip_at(event.pos())
                QToolTip.showText(event.globalPos(), tip + (f"\n\n{rest}" if rest else ""))
                return True
        return False

    def tooltip_at(self, pos: QPoint) -> str:
        """What the suggestions under ``pos`` (viewport coordinates) propose, and why."""
        tips = []
        for s, rects in self.outlines():
            if any(r.adjusted(-2, -1, 2, 1).contains(pos.toPointF()) for r in rects):
                codes = " ".join(s.codes) or "no code: choose with Ctrl+R"
                tips.append(
                    f"Suggested ({label_of(s).split('  ')[0]}): withhold with {codes}\n"
                    f"{s.reason}\nS goes to it; X accepts, Shift+X every occurrence, D rejects"
                )
        return "\n\n".join(tips)

    def _place(self) -> None:
        self.setGeometry(self.view.viewport().geometry())

    def outlines(self) -> list[tuple[Suggestion, list[QRectF]]]:
        """Each suggestion in view with the rectangles of its lines (viewport coordinates)."""
        view, cable = self.view, self.view.cable
        if not self.suggestions or cable is None:
            return []
        first = view.firstVisibleBlock().position()
        corner = QPoint(self.width() - 1, self.height() - 1)
        last = view.cursorForPosition(corner).block().next()
        stop = last.position() if last.isValid() else len(cable.text) + 1
        area = QRectF(self.rect())
        out = []
        for s in self.suggestions:
            # Document positions and cable offsets differ only past astral characters; the
            # bounds here are only a filter, the view maps the exact rectangles.
            if s.end < first - 2:
                continue
            if s.start > stop + 2:
                break
            rects = [r for r in view.bar_rects(s.start, s.end) if r.intersects(area)]
            if rects:
                out.append((s, rects))
        return out

    def paintEvent(self, _e: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.view.palette().base().color()
        labelled: list[tuple[Suggestion, list[QRectF], QColor]] = []
        for s, rects in self.outlines():
            colour = kind_colour(s.kind, base)
            current = s == self.current
            pen = QPen(colour, 2.0 if current else 1.3, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(styles.tint(colour, 46) if current else Qt.BrushStyle.NoBrush)
            for r in rects:
                painter.drawRoundedRect(r.adjusted(-1.5, -0.5, 1.5, 0.5), 2.5, 2.5)
            if current:
                labelled.append((s, rects, colour))
        for s, rects, colour in labelled:
            tag = self.label_rect(s, rects, painter)
            if tag is not None:
                self._paint_label(painter, label_of(s), tag, colour, base, self._label_font())
            else:
                letter = KIND_BADGES.get(s.kind, s.kind[:1].upper())
                badge = self.badge_rect(rects, letter, painter)
                self._paint_label(painter, letter, badge, colour, base, painter.font())
        painter.end()

    def _label_font(self) -> QFont:
        font = QFont(self.view.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.75, 7.0))
        font.setBold(True)
        return font

    def label_rect(self, s: Suggestion, rects: list[QRectF], painter: QPainter) -> QRectF | None:
        """Where the current suggestion's tag goes: after the end of its last line's text, in
        the blank a teletype line leaves before the view's edge, so that it covers no word.
        None when the line is too long for it: then only a badge with the kind's letter sits
        on the outline's corner (the status bar says the kind, codes and reason in full)."""
        painter.setFont(self._label_font())
        m = painter.fontMetrics()
        w, h = m.horizontalAdvance(label_of(s)) + 8, m.height() + 2
        last = rects[-1]
        cable = self.view.cable
        end_x = last.right()
        if cable is not None:
            eol = cable.text.find("\n", s.end)
            rest = self.view.bar_rects(s.end, len(cable.text) if eol < 0 else eol)
            if rest and abs(rest[0].top() - last.top()) < 1:
                end_x = rest[0].right()  # the same visual line's text goes on to here
        x = end_x + 10
        if x + w <= self.width() - 2:
            return QRectF(x, last.top() + (last.height() - h) / 2, w, h)
        return None

    def badge_rect(self, rects: list[QRectF], letter: str, painter: QPainter) -> QRectF:
        """A small box straddling the top right corner of the outline: it covers the gap
        between the lines, not the words of the line above (the old tag hid half a line)."""
        painter.setFont(self._label_font())
        m = painter.fontMetrics()
        w, h = m.horizontalAdvance(letter) + 6, m.height() * 0.85
        last = rects[0]
        return QRectF(last.right() - w / 2, last.top() - h * 0.6, w, h)

    def _paint_label(
        self, painter: QPainter, text: str, tag: QRectF, colour: QColor, base: QColor, font: QFont
    ) -> None:
        """A small tag with the kind and codes, on the view's background so it stays readable."""
        painter.setFont(font)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(base)
        painter.drawRoundedRect(tag, 3, 3)
        painter.setPen(colour)
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
