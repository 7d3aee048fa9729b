"""Page geometry and the frame every exported page carries: banners, stamps, page numbers.

Drawn on the canvas directly (not through platypus): the layout is already in character cells
and the page count is known before the first page is drawn, so ``Page N of M`` needs no second
pass.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from workbench.export.fonts import CELL_EM, MONO_BOLD
from workbench.export.layout import COLUMNS
from workbench.export.stamps import Stamps

PAGE_SIZE = letter  # US agencies publish on Letter
PAGE_W, PAGE_H = PAGE_SIZE
FONT_SIZE = 9.5
CELL = FONT_SIZE * CELL_EM  # width of one character cell
LEADING = 11.6
LEFT = 72.0
RIGHT = LEFT + COLUMNS * CELL  # right edge of the text block
TOP_BASELINE = PAGE_H - 96  # baseline of the first body line
BOTTOM_LIMIT = 112.0  # no body baseline below this: the declassification block lives there
LINES_PER_PAGE = int((TOP_BASELINE - BOTTOM_LIMIT) // LEADING) + 1
# A box covers a line's full leading, so boxes on consecutive lines join into one block.
BOX_BELOW = 3.1  # from the baseline down to the box's bottom
LABEL_SIZE = 7.5
MIN_LABEL_SIZE = 4.5

GREY = Color(0.35, 0.35, 0.35)


def baseline(row: int) -> float:
    return TOP_BASELINE - row * LEADING


def cell_x(col: int) -> float:
    return LEFT + col * CELL


def fitted_size(text: str, font: str, size: float, width: float, minimum: float) -> float:
    """The largest size <= ``size`` at which ``text`` fits ``width`` (never below ``minimum``)."""
    w = stringWidth(text, font, size)
    if w <= width:
        return size
    return max(minimum, size * width / w)


def draw_banner(c: Canvas, y: float, stamps: Stamps) -> None:
    """The overall marking, with the old one lined through beside it (32 CFR 2001.25(a))."""
    new_size, old_size, gap = 12.0, 10.0, 16.0
    new_w = stringWidth(stamps.marking, MONO_BOLD, new_size)
    old_w = stringWidth(stamps.struck, MONO_BOLD, old_size) if stamps.struck else 0.0
    total = new_w + (old_w + gap if stamps.struck else 0.0)
    x = (PAGE_W - total) / 2
    if stamps.struck:
        c.setFillColor(GREY)
        c.setStrokeColor(GREY)
        c.setFont(MONO_BOLD, old_size)
        c.drawString(x, y, stamps.struck)
        c.setLineWidth(1.1)
        c.line(x - 2, y + old_size * 0.3, x + old_w + 2, y + old_size * 0.3)
        x += old_w + gap
    c.setFillColor(black)
    c.setFont(MONO_BOLD, new_size)
    c.drawString(x, y, stamps.marking)


def draw_frame(c: Canvas, stamps: Stamps, page: int, pages: int) -> None:
    """Everything but the body: drawn after the body so text extraction reads the cable first."""
    c.saveState()
    if stamps.draft:
        # Above the banner, ruled, on every page: a draft must not pass as a release.
        size = fitted_size(stamps.draft, MONO_BOLD, 10.0, RIGHT - LEFT - 8, 6.0)
        w = stringWidth(stamps.draft, MONO_BOLD, size)
        c.setFillColor(black)
        c.setStrokeColor(black)
        c.setLineWidth(1.5)
        c.rect((PAGE_W - w) / 2 - 5, PAGE_H - 24, w + 10, size + 7, stroke=1, fill=0)
        c.setFont(MONO_BOLD, size)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 24 + 4.5, stamps.draft)
    draw_banner(c, PAGE_H - 36, stamps)
    draw_banner(c, 30, stamps)

    c.setFillColor(black)
    # Every stamp in the bold face: the cable's own text is the only text in the regular one,
    # which is what lets verify tell them apart.
    size = fitted_size(stamps.header, MONO_BOLD, 7.5, RIGHT - LEFT, 5.0)
    c.setFont(MONO_BOLD, size)
    c.drawCentredString((LEFT + RIGHT) / 2, PAGE_H - 50, stamps.header)
    c.setStrokeColor(black)
    c.setLineWidth(0.5)
    c.line(LEFT, PAGE_H - 56, RIGHT, PAGE_H - 56)

    # Disposition stamp: a ruled box at the top right, as State's FOIA stamps are placed.
    size = fitted_size(stamps.disposition, MONO_BOLD, 9.0, RIGHT - LEFT - 8, 5.0)
    w = stringWidth(stamps.disposition, MONO_BOLD, size)
    x0, y0 = RIGHT - w - 8, PAGE_H - 76
    c.setLineWidth(1.2)
    c.rect(x0, y0, w + 8, size + 7, stroke=1, fill=0)
    c.setFont(MONO_BOLD, size)
    c.drawString(x0 + 4, y0 + 4.5, stamps.disposition)

    # Declassification block at the bottom left (32 CFR 2001.25(a)).
    c.setLineWidth(0.8)
    n = len(stamps.decl_block)
    line_h = 8.4
    block_w = max(stringWidth(t, MONO_BOLD, 7) for t in stamps.decl_block[1:]) + 10
    block_w = max(block_w, stringWidth(stamps.decl_block[0], MONO_BOLD, 7.5) + 10)
    top = BOTTOM_LIMIT - 10
    c.rect(LEFT, top - n * line_h - 6, block_w, n * line_h + 6, stroke=1, fill=0)
    for i, text in enumerate(stamps.decl_block):
        c.setFont(MONO_BOLD, 7.5 if i == 0 else 7)
        c.drawString(LEFT + 5, top - (i + 1) * line_h - 0.5, text)

    c.setFont(MONO_BOLD, 8)
    c.drawRightString(RIGHT, top - n * line_h - 2, f"Page {page} of {pages}")
    c.restoreState()


def draw_box_label(c: Canvas, text: str, x0: float, x1: float, y: float) -> bool:
    """White codes centred inside a box from ``x0`` to ``x1``; False if they do not fit.

    Drawn after the box, in a colour other than the box's, so a reader (and x-ray, which flags
    text drawn *under* a rectangle or in the rectangle's own colour) sees a label, not hidden text.
    """
    width = x1 - x0 - 4
    if width <= 0:
        return False
    size = fitted_size(text, MONO_BOLD, LABEL_SIZE, width, MIN_LABEL_SIZE)
    if stringWidth(text, MONO_BOLD, size) > width:
        return False
    c.setFillColor(white)
    c.setFont(MONO_BOLD, size)
    c.drawCentredString((x0 + x1) / 2, y + (FONT_SIZE - size) / 2 - 0.3, text)
    return True


class MarginNotes:
    """Notes in the right margin, each beside its line, pushed down rather than overlapping.

    A note too wide for the margin wraps at spaces; it never shrinks below a readable size.
    """

    SIZE = 6.5

    def __init__(self) -> None:
        self._notes: list[tuple[float, str, Color]] = []

    def add(self, y: float, text: str, color: Color = black) -> None:
        self._notes.append((y, text, color))

    def draw(self, c: Canvas) -> None:
        x = RIGHT + 6
        width = PAGE_W - 12 - x
        step = self.SIZE + 1.5
        floor = float("inf")  # the lowest baseline used so far
        for y, text, color in sorted(self._notes, key=lambda n: -n[0]):
            c.setFillColor(color)
            c.setFont(MONO_BOLD, self.SIZE)
            for line in _wrap_to(text, MONO_BOLD, self.SIZE, width):
                y = min(y, floor - step)
                c.drawString(x, y + 0.5, line)
                floor = y
        self._notes.clear()


def _wrap_to(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
