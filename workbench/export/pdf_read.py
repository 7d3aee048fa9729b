"""What a recipient of a release PDF can get out of it, read with two independent libraries.

``verify`` judges a release from this, never from the export's own layout: it must catch what
the export got wrong. Read here:

* the text of every page, anywhere on the page and in any colour or render mode, by pypdf
  (with the font of each piece) and by PDFium (pypdfium2: the engine of Chrome's viewer);
* the document information, XMP, the outline, named destinations;
* everything else a PDF can carry that a release never does: annotations (links, forms,
  attached files), an AcroForm, JavaScript and open actions, embedded files, images and form
  XObjects, curves (glyph outlines drawn as paths), invisible text, unexpected fonts, and a
  font whose text mapping does not match its glyphs (text that extracts as one word and reads
  on the page as another).
"""

from __future__ import annotations

import io
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.export.pdf_objects import Unused, unused_objects

# The fonts a release embeds (subsets of DejaVu Sans Mono, regular for the cable's text and
# bold for stamps and labels), and ReportLab's initial font, present but never used.
REGULAR = "DejaVuSansMono"
BOLD = "DejaVuSansMono-Bold"
_SUBSET = re.compile(r"^/?[A-Z]{6}\+(DejaVuSansMono(?:-Bold)?)$")
_UNUSED_OK = {"/Helvetica"}
_CATALOG_KEYS = {"/Type", "/Pages", "/Outlines", "/PageMode"}
_PAGE_KEYS = {"/Contents", "/MediaBox", "/Parent", "/Resources", "/Rotate", "/Trans", "/Type"}
_INFO_KEYS = {
    "/Title",
    "/Subject",
    "/Author",
    "/Creator",
    "/Producer",
    "/Keywords",
    "/CreationDate",
    "/ModDate",
    "/Trapped",
}
# Operators a release's pages use; anything else (curves, images, XObjects, shading, marked
# content that could hide an /ActualText) is refused.
_OPERATORS = {
    b"BT", b"ET", b"Q", b"q", b"cm", b"RG", b"rg", b"G", b"g", b"w", b"S", b"s", b"f", b"f*",
    b"F", b"B", b"b", b"n", b"m", b"l", b"re", b"h", b"Tf", b"Tj", b"TJ", b"T*", b"Td", b"TD",
    b"Tm", b"TL", b"Tc", b"Tw", b"Tz", b"Ts", b"Tr", b"'", b'"', b"j", b"J", b"M", b"d", b"i",
    b"gs",
}  # fmt: skip


class VerifyError(Exception):
    """The PDF cannot be read at all; the message is one sentence for the user."""


@dataclass
class Chunk:
    page: int
    font: str  # REGULAR, BOLD, or the unexpected font's name
    text: str


@dataclass
class Extracted:
    """What a reader gets from the PDF."""

    pages: list[str]  # pypdf, page by page
    other_pages: list[str]  # PDFium, page by page
    chunks: list[Chunk]  # pypdf, each piece of text with its font
    metadata: dict[str, str]
    outline: list[str]
    problems: list[str] = field(default_factory=list)  # objects a release never holds
    # Objects (and bytes) in the file nothing uses, with their text (``pdf_objects``).
    unused: list[Unused] = field(default_factory=list)

    @property
    def body(self) -> list[str]:  # older callers: the cable's text, page by page
        out = [""] * len(self.pages)
        for c in self.chunks:
            if c.font == REGULAR:
                out[c.page - 1] += c.text + "\n"
        return out

    @property
    def labels(self) -> list[str]:
        out = [""] * len(self.pages)
        for c in self.chunks:
            if c.font == BOLD:
                out[c.page - 1] += c.text + "\n"
        return out


def extract(pdf: bytes | str | Path) -> Extracted:
    if not isinstance(pdf, bytes):
        import os

        from workbench.safeio import InputError, read_limited
        from workbench.safeio.pdfcheck import MAX_PDF_BYTES, check_pdf_intact

        name = str(pdf)
        if not os.path.exists(pdf):
            raise VerifyError(f"{pdf} does not exist: give the path of a release PDF")
        # A bounded read of a regular file (a FIFO or a 4 GB file is refused first), then a
        # strict check: a damaged file is refused, never read as clean (safeio.pdfcheck).
        try:
            data = read_limited(pdf, MAX_PDF_BYTES, "release PDF")
            check_pdf_intact(data, name)
        except InputError as exc:
            raise VerifyError(str(exc).rstrip(".")) from None
    else:
        data, name = pdf, "the PDF"
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        found = _read_pypdf(data)
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise VerifyError(f"cannot read {name} as a PDF ({exc}): give a release PDF") from None
    try:
        found.other_pages = _read_pdfium(data)
    except Exception as exc:
        raise VerifyError(f"PDFium cannot read {name} ({exc}): give a release PDF") from None
    if len(found.other_pages) != len(found.pages):
        found.problems.append("the two PDF readers see a different number of pages")
    return found


def _read_pypdf(data: bytes) -> Extracted:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    problems: list[str] = []
    root = reader.trailer["/Root"].get_object()
    if not isinstance(root, pypdf.generic.DictionaryObject):
        raise ValueError("the document catalog is not a dictionary")
    for key in sorted(set(root.keys()) - _CATALOG_KEYS):
        problems.append(f"the document catalog holds {key} (a release never does)")
    trailer_extra = set(reader.trailer.keys()) - {"/Root", "/Info", "/ID", "/Size", "/Prev"}
    for key in sorted(trailer_extra):
        problems.append(f"the file's trailer holds {key}")
    meta_raw = reader.trailer.get("/Info")
    metadata: dict[str, str] = {}
    if meta_raw is not None:
        for key, value in meta_raw.get_object().items():
            metadata[str(key)] = str(value)
            if key not in _INFO_KEYS:
                problems.append(f"the document information holds {key}")
    fonts = _FontCheck(problems)
    pages, chunks = [], []
    for number, page in enumerate(reader.pages, 1):
        for key in sorted(set(page.keys()) - _PAGE_KEYS):
            problems.append(f"page {number} holds {key} (annotations, links, forms, actions)")
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else {}
        for key in resources:
            if key not in ("/Font", "/ProcSet", "/ExtGState"):
                problems.append(f"page {number} has {key} resources (images or forms)")
        font_names = {}
        for name, ref in (resources.get("/Font") or {}).items():
            font_names[str(name)] = fonts.check(ref.get_object(), number)
        _check_operators(page, reader, number, font_names, problems)
        page_chunks: list[Chunk] = []

        def visit(text, cm, tm, font, size, page_chunks=page_chunks, number=number):  # type: ignore[no-untyped-def]
            if not text.strip():
                return
            base = str((font or {}).get("/BaseFont", "")) if font is not None else ""
            m = _SUBSET.match(base)
            page_chunks.append(Chunk(number, m.group(1) if m else base or "?", text))

        pages.append(page.extract_text(visitor_text=visit) or "")
        chunks.extend(page_chunks)
    outline = list(_titles(reader.outline))
    try:
        dests = reader.named_destinations
    except Exception:
        dests = {}
    if dests:
        problems.append(f"the PDF has {len(dests)} named destination(s)")
    unused = unused_objects(reader, data)
    for u in unused:
        problems.append(f"the file holds {u.what}, which nothing uses: a release never holds one")
    return Extracted(pages, [], chunks, metadata, outline, problems, unused)


# PDFium is not thread-safe (pypdfium2's documentation says so, and a cluster worker running
# two verifications in threads crashed the process): one thread at a time in this process.
_PDFIUM = threading.Lock()


def _read_pdfium(data: bytes) -> list[str]:
    with _PDFIUM:
        return _read_pdfium_locked(data)


def _read_pdfium_locked(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return out
    finally:
        doc.close()


def _titles(outline: Any) -> Any:
    for item in outline:
        if isinstance(item, list):
            yield from _titles(item)
        else:
            title = getattr(item, "title", None)
            if title is None and isinstance(item, dict):
                title = item.get("/Title")
            if title:
                yield str(title)


def _check_operators(
    page: Any, reader: Any, number: int, fonts: dict[str, str], problems: list[str]
) -> None:
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if contents is None:
        return
    seen: set[str] = set()
    current = ""  # the font text is drawn in
    for operands, op in ContentStream(contents, reader).operations:
        writes = op in (b"Tj", b"TJ", b"'", b'"')
        if writes and current not in (REGULAR, BOLD) and "text" + current not in seen:
            seen.add("text" + current)
            problems.append(f"page {number} writes text in the font {current or '?'}")
        if op not in _OPERATORS:
            what = {
                b"c": "curves (glyph outlines drawn as paths?)",
                b"v": "curves (glyph outlines drawn as paths?)",
                b"y": "curves (glyph outlines drawn as paths?)",
                b"Do": "an image or form XObject",
                b"BI": "an inline image",
                b"INLINE IMAGE": "an inline image",
                b"BDC": "marked content (it can carry replacement text)",
                b"BMC": "marked content",
                b"sh": "a shading",
            }.get(op, f"the operator {op.decode('latin-1', 'replace')}")
            if what not in seen:
                seen.add(what)
                problems.append(f"page {number} draws {what}")
        elif op == b"Tr" and operands and int(operands[0]) != 0:
            if "Tr" not in seen:
                seen.add("Tr")
                problems.append(f"page {number} draws text in render mode {operands[0]} (hidden)")
        elif op == b"Tf" and operands:
            # ReportLab selects its initial font on every page without writing in it.
            current = fonts.get(str(operands[0]), str(operands[0]))


class _FontCheck:
    """Each font once: an expected DejaVu subset whose text mapping matches its glyphs."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        self.done: dict[int, str] = {}

    def check(self, font: Any, page: int) -> str:
        key = id(font)
        if key in self.done:
            return self.done[key]
        base = str(font.get("/BaseFont", ""))
        m = _SUBSET.match(base)
        if m is None:
            result = base
            if base not in _UNUSED_OK:
                self.problems.append(f"page {page} has the unexpected font {base or '?'}")
        else:
            result = m.group(1)
            problem = _mapping_problem(font, result)
            if problem:
                self.problems.append(f"the font {base} {problem}")
        self.done[key] = result
        return result


# fontTools decompiles a font's glyphs lazily, on first use, and that is not thread-safe: the
# original fonts are shared, and two threads verifying releases at once (a cluster worker's
# threads) read half-decompiled glyphs. One font check at a time.
_FONTS = threading.Lock()


def _mapping_problem(font: Any, family: str) -> str | None:
    """Why the font's ToUnicode map does not name the glyphs it draws, or None."""
    with _FONTS:
        return _mapping_problem_locked(font, family)


def _mapping_problem_locked(font: Any, family: str) -> str | None:
    from fontTools.ttLib import TTFont

    if str(font.get("/Subtype")) != "/TrueType":
        return f"is {font.get('/Subtype')}, not TrueType"
    desc = font.get("/FontDescriptor")
    program = desc.get_object().get("/FontFile2") if desc is not None else None
    tounicode = font.get("/ToUnicode")
    if program is None or tounicode is None:
        return "has no embedded program or no text mapping"
    try:
        subset = TTFont(io.BytesIO(program.get_object().get_data()))
        mapping = _parse_tounicode(tounicode.get_object().get_data())
        original = _original(family)
    except Exception as exc:
        return f"cannot be read ({exc})"
    cmap = _code_map(subset)
    sub_glyf = subset["glyf"]
    # The font file's advances must be the PDF's /Widths: a reader laying glyphs out by the
    # font's own (MuPDF) would show other text than one using /Widths (newcomer 5, finding 12).
    widths, first = font.get("/Widths"), int(font.get("/FirstChar", 0))
    upem = subset["head"].unitsPerEm
    hmtx = subset["hmtx"].metrics
    for code in mapping:
        gname = cmap.get(code)
        if widths is None or gname is None or not 0 <= code - first < len(widths):
            continue
        advance = hmtx[gname][0] * 1000 / upem
        if abs(advance - float(widths[code - first])) > 1:
            return (
                f"gives code {code} an advance of {advance:.0f}/1000 em in its program and "
                f"{float(widths[code - first]):.0f} in the PDF's widths"
            )
    orig_cmap = original.getBestCmap()
    orig_glyf = original["glyf"]
    for code, text in mapping.items():
        if len(text) != 1:
            return f"maps code {code} to {text!r}, more than one character"
        gname = cmap.get(code)
        oname = orig_cmap.get(ord(text))
        if gname is None or oname is None:
            if text.isprintable() and text.strip():
                return f"maps code {code} to {text!r}, which it has no glyph for"
            continue
        if _outline(sub_glyf, gname) != _outline(orig_glyf, oname):
            return f"draws code {code} as a glyph that is not {text!r} (its text mapping lies)"
    return None


def _code_map(font: Any) -> dict[int, str]:
    """Character code -> glyph of a simple TrueType font as a PDF viewer reads it: the (1,0)
    or symbolic (3,0) cmap (ReportLab's subsets carry a (1,0) one), else the Unicode one."""
    for table in font["cmap"].tables:
        if (table.platformID, table.platEncID) == (1, 0):
            return dict(table.cmap)
        if (table.platformID, table.platEncID) == (3, 0):
            return {code & 0xFF: g for code, g in table.cmap.items()}
    return dict(font.getBestCmap() or {})


def _outline(glyf: Any, name: str) -> tuple[Any, ...]:
    """What the glyph draws: its points, a composite's resolved from its components (a subset
    renames them, so their names never match the original's: every accented letter DejaVu
    builds from a base and an accent failed, newcomer 5, finding 20)."""
    g = glyf[name]
    coords, ends, flags = g.getCoordinates(glyf)
    return (tuple(coords), tuple(ends), bytes(flags))


_ORIGINALS: dict[str, Any] = {}


def _original(family: str) -> Any:
    if family not in _ORIGINALS:
        from fontTools.ttLib import TTFont

        from workbench.export.fonts import font_path

        _ORIGINALS[family] = TTFont(str(font_path(family)))
    return _ORIGINALS[family]


def _parse_tounicode(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap's bfchar and bfrange entries (what ReportLab and most writers emit)."""
    text = data.decode("latin-1")
    out: dict[int, str] = {}

    def uni(hexs: str) -> str:
        b = bytes.fromhex(hexs)
        return b.decode("utf-16-be", "replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = uni(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            a, b = int(lo, 16), int(hi, 16)
            if rest.startswith("["):
                for i, d in enumerate(re.findall(r"<([0-9A-Fa-f]+)>", rest)):
                    out[a + i] = uni(d)
            else:
                start = int(rest[1:-1], 16)
                for i in range(b - a + 1):
                    out[a + i] = chr(start + i)
    return out
