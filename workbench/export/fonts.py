"""The fixed-width font every exported PDF embeds (see resources/fonts/README.md for why)."""

from __future__ import annotations

import functools
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


@functools.cache
def drawable() -> frozenset[int]:
    """The code points the release font has a glyph for (its cmap; parsed once per process)."""
    from fontTools.ttLib import TTFont as Tools

    tools = Tools(str(_find(MONO)), lazy=True)
    try:
        return frozenset(tools.getBestCmap())
    finally:
        tools.close()


def register() -> None:
    """Register the fonts with ReportLab once per process (parsing a TTF costs milliseconds)."""
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (MONO, MONO_BOLD):
        font = TTFont(name, str(_find(name)))
        _true_advances(font.face, _find(name))
        pdfmetrics.registerFont(font)
    _registered = True


def _true_advances(face: object, path: Path) -> None:
    """The embedded subset's advance widths in the font's own units (newcomer 5, finding 12).

    ReportLab keeps each glyph's (advance, side bearing) to write the subset's ``hmtx``, but for
    the glyphs past ``numberOfHMetrics`` (nearly all of a monospaced font) it keeps the
    advance already scaled to 1000 units: 602 where DejaVu Sans Mono says 1233 of 2048. The
    PDF's ``/Widths`` (602/1000 em) are right, the font file's 0.29 em is not, and MuPDF-based
    readers, which lay glyphs out by the font's own advances, showed "V Z C Z C" letter-spaced
    text that search and copy could not read. The table is read again with fontTools."""
    from fontTools.ttLib import TTFont as Tools

    tools = Tools(str(path), lazy=True)
    metrics = tools["hmtx"].metrics
    order = tools.getGlyphOrder()
    face.hmetrics = [metrics[g] for g in order]  # type: ignore[attr-defined]
    tools.close()
