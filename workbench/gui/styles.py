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

# Review decisions, as the navigator and the status colours show them.
DECISION_COLOURS: dict[str, str] = {
    "pending": "#8a8a8a",
    "release": "#1e7b34",
    "withhold": "#b00020",
    "partial": "#b36b00",
}

# DECL status colours: due (past its date: ready for review), not due, needs a reviewer.
STATUS_COLOURS: dict[str, str] = {
    "due": "#1e7b34",
    "not_due": "#1d5fc1",
    "review": "#b36b00",
    "none": "#6b6b6b",
}

CURRENT_PARAGRAPH_BG = "#fff6d5"
REDACTION_BG = "#111111"
REDACTION_FG = "#ffffff"
FINDING_UNDERLINE = "#d32f2f"


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
