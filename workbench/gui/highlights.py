"""Highlighting a cable's text from the spans of its model, without touching the text.

A QSyntaxHighlighter fed with layers of spans (the cable's own fields, the DECL status,
findings, redactions), so document positions stay equal to cable offsets.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from workbench.cable.model import Cable
from workbench.gui import styles


@dataclass(frozen=True)
class Highlight:
    """A run of cable text to format; ``tooltip`` is shown when the pointer rests on it."""

    start: int
    end: int
    fmt: QTextCharFormat
    tooltip: str = ""


class SpanHighlighter(QSyntaxHighlighter):
    """Applies layers of span highlights; later layers win where formats conflict."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._layers: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        self._order: tuple[str, ...] = ("cable", "status", "findings", "proposals", "redactions")
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


def char_format(
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


def cable_highlights(cable: Cable, base: QColor | None = None) -> list[Highlight]:
    """What the cable itself says, highlighted: banner, captions, DECL line, authority, markings.

    Text colours are made readable (4.5:1) on ``base``, the view's background, so a dark
    palette shows the same hues lightened."""
    bg = base or QColor("#ffffff")

    def fg(colour: QColor | str) -> QColor:
        return styles.readable(colour, bg)

    out: list[Highlight] = []
    c = cable.classification
    if c is not None:
        colour = fg(styles.level_colour(c.level))
        controls = f" // {' / '.join(c.controls)}" if c.controls else ""
        out.append(
            Highlight(
                c.start,
                c.end,
                char_format(colour, styles.tint(colour, 45), bold=True),
                f"Classification banner: {c.level}{controls}",
            )
        )
    for cap in cable.captions:
        out.append(
            Highlight(
                cap.start,
                cap.end,
                char_format(fg(styles.CAPTION_COLOUR), bold=True),
                "Handling caption",
            )
        )
    if cable.eo is not None:
        out.append(Highlight(cable.eo.start, cable.eo.end, char_format(bold=True)))
    if cable.subject is not None:
        out.append(Highlight(cable.subject.start, cable.subject.end, char_format(bold=True)))
    cb = cable.classified_by
    if cb is not None:
        reasons = ", ".join(cb.reasons) or "none given"
        out.append(
            Highlight(
                cb.start,
                cb.end,
                char_format(fg("#5b3a8c"), styles.tint("#7b4fa0", 28)),
                f"Classification authority: {cb.name or 'unnamed'}\nReasons: {reasons}",
            )
        )
    for n in cable.noise:
        out.append(
            Highlight(
                n.start,
                n.end,
                char_format(fg(styles.NOISE_COLOUR)),
                "Page break or repeated header",
            )
        )
    for p in cable.paragraphs:
        m = p.marking
        if m is None:
            continue
        colour = fg(styles.level_colour(m.level))
        # Controls such as NOFORN make a portion more restrictive: show them bolder.
        bold = bool(m.controls) or m.malformed
        tip = f"Portion marking: {m.level or 'unknown level'}"
        if m.controls:
            tip += " // " + " / ".join(m.controls)
        if m.malformed:
            tip += "\n(malformed marking)"
        f = char_format(colour, styles.tint(colour, 40), bold=bold)
        if m.controls:
            f.setFontUnderline(True)
        out.append(Highlight(m.start, m.end, f, tip))
    for r in cable.para_refs:
        f = char_format(fg("#1d5fc1"))
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        out.append(Highlight(r.start, r.end, f, f"Refers to paragraph {r.number}"))
    return out
