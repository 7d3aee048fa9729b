"""The fixed-width font every exported PDF embeds (see resources/fonts/README.md for why)."""

from __future__ import annotations

from pathlib import Path

from workbench.export.errors import ExportError
from workbench.resources import resource_path

MONO = "DejaVuSansMono"
MONO_BOLD = "DejaVuSansMono-Bold"
# Advance width of every glyph in DejaVu Sans Mono, in ems (1233/2048): the layout is in cells.
CELL_EM = 1233 / 2048

_SYSTEM_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core
_registered = False


def _find(name: str) -> Path:
    bundled = resource_path("fonts", f"{name}.ttf")
    for p in (bundled, _SYSTEM_DIR / f"{name}.ttf"):
        if p.is_file():
            return p
    raise ExportError(
        f"the font {name}.ttf was not found in {bundled.parent} or {_SYSTEM_DIR}: "
        "reinstall the workbench or install the fonts-dejavu-core package"
    )


def font_path(name: str) -> Path:
    """The TrueType file of ``MONO`` or ``MONO_BOLD`` (verify compares glyphs against it)."""
    return _find(name)


def register() -> None:
    """Register the fonts with ReportLab once per process (parsing a TTF costs milliseconds)."""
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(MONO, str(_find(MONO))))
    pdfmetrics.registerFont(TTFont(MONO_BOLD, str(_find(MONO_BOLD))))
    _registered = True
