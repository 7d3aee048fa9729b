"""Colours and fonts shared by the window's views.

Level colours follow the customary classification colours (the CAPCO cover-sheet and banner
convention the brief of issue 6 names): UNCLASSIFIED green, CONFIDENTIAL blue, SECRET red,
TOP SECRET orange. LIMITED OFFICIAL USE, a State administrative control below CONFIDENTIAL
(declassification.md section 2), gets a muted purple so it is not mistaken for either.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase

LEVEL_COLOURS: dict[str, str] = {
    "UNCLASSIFIED": "#1e7b34",
    "LIMITED OFFICIAL USE": "#7b4fa0",
    "CONFIDENTIAL": "#1d5fc1",
    "SECRET": "#c62828",
    "TOP SECRET": "#e07000",
}
UNKNOWN_COLOUR = "#6b6b6b"

LEVEL_ABBREV: dict[str, str] = {
    "UNCLASSIFIED": "U",
    "LIMITED OFFICIAL USE": "LOU",
    "CONFIDENTIAL": "C",
    "SECRET": "S",
    "TOP SECRET": "TS",
}

# Review decisions, as the navigator and the status colours show them. Every colour here
# reads at 4.5:1 or more on white (WCAG 2.x AA for text; see contrast() below and
# tests/gui/test_contrast.py), and each state also has a sign, so colour is never the only cue.
DECISION_COLOURS: dict[str, str] = {
    "pending": "#595959",
    "release": "#1e7b34",
    "withhold": "#b00020",
    "partial": "#8a5300",
}
DECISION_SIGNS: dict[str, str] = {
    "pending": "○",
    "release": "✓",
    "withhold": "■",
    "partial": "◧",
}

# DECL status colours: due (past its date: ready for review), not due, needs a reviewer.
STATUS_COLOURS: dict[str, str] = {
    "due": "#1e7b34",
    "not_due": "#1d5fc1",
    "review": "#8a5300",
    "none": "#595959",
    "unreadable": "#b00020",  # the error red of the folder table's title
}

NOISE_COLOUR = "#5e5e5e"  # page breaks and repeated headers: quieter than text, still readable
CAPTION_COLOUR = "#444444"
CURRENT_PARAGRAPH_BG = "#fff6d5"
CURRENT_PARAGRAPH_BG_DARK = "#3d3520"  # the same amber, dark enough for light text
REDACTION_BG = "#111111"
REDACTION_FG = "#ffffff"
FINDING_UNDERLINE = "#d32f2f"
INSPECTOR_MIN_WIDTH = 300


def luminance(colour: QColor | str) -> float:
    """Relative luminance (WCAG 2.x, from sRGB)."""
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable(colour: QColor | str, background: QColor | str, ratio: float = 4.5) -> QColor:
    """``colour``, lightened or darkened (keeping its hue) until it reads on ``background``.

    The level and decision colours are chosen for a light background; in a dark palette the
    same hues are lightened rather than replaced, so CONFIDENTIAL stays blue."""
    c, bg = QColor(colour), QColor(background)
    lighter = luminance(bg) < 0.5
    h, s_, lightness, a = c.hslHueF(), c.hslSaturationF(), c.lightnessF(), c.alphaF()
    for _ in range(40):
        if contrast(c, bg) >= ratio:
            break
        lightness = min(1.0, lightness + 0.025) if lighter else max(0.0, lightness - 0.025)
        c = QColor.fromHslF(h, s_, lightness, a)
    return c


def is_dark(base: QColor) -> bool:
    return luminance(base) < 0.25


def current_paragraph_bg(base: QColor) -> QColor:
    return QColor(CURRENT_PARAGRAPH_BG_DARK if is_dark(base) else CURRENT_PARAGRAPH_BG)


def level_colour(level: str | None) -> QColor:
    return QColor(LEVEL_COLOURS.get(level or "", UNKNOWN_COLOUR))


def tint(colour: QColor | str, alpha: int = 38) -> QColor:
    """A light background version of ``colour`` for highlighting runs of text."""
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def cable_font() -> QFont:
    """Fixed-width: cables are teletype text and line up in columns."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(font.pointSize(), 10))
    return font
