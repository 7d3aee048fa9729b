"""verify against releases made to leak: each one a way withheld text reached a reader of a PDF
that the old verify passed (16 of 23 hand-edited PDFs in the issue). Every one must fail.

The leaking PDFs are made here from a genuine release of the sample: with ReportLab (an
overlay merged onto a page) and with pypdf (objects added to the file).
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, sample_review

from workbench.cable import read_cable
from workbench.export import fonts
from workbench.export.release import render_release
from workbench.export.verify import extract, verify

WITHHELD = "Hye-jin of the Disarmament"  # in ¶2, withheld in full; "Kim" is released in ¶3


@pytest.fixture(scope="module")
def cable():  # type: ignore[no-untyped-def]
    return read_cable(SAMPLE)


@pytest.fixture(scope="module")
def review(cable):  # type: ignore[no-untyped-def]
    return sample_review(cable)


@pytest.fixture(scope="module")
def release(cable, review) -> bytes:  # type: ignore[no-untyped-def]
    return render_release(cable, review, OPTIONS)


def overlay(draw: Callable[..., None]) -> Callable[[bytes], bytes]:
    """A leak drawn by ReportLab on a page of its own, merged onto the release's first page."""

    def make(pdf: bytes) -> bytes:
        import pypdf
        from reportlab.lib.pagesizes import letter
        from reportlab.pdfgen.canvas import Canvas

        fonts.register()
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=letter)
        draw(c)
        c.showPage()
        c.save()
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        writer = pypdf.PdfWriter(clone_from=reader)
        writer.pages[0].merge_page(pypdf.PdfReader(buf).pages[0])
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    return make


def edit(change: Callable[..., None]) -> Callable[[bytes], bytes]:
    """A leak added with pypdf to the release's objects."""

    def make(pdf: bytes) -> bytes:
        import pypdf

        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
        change(writer)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    return make


def text_at(y: float, s: str = WITHHELD, font: str = fonts.MONO, size: float = 9.5, **kw):  # type: ignore[no-untyped-def]
    def draw(c) -> None:  # type: ignore[no-untyped-def]
        c.setFont(font, size)
        if kw.get("spacing"):
            t = c.beginText(72, y)
            t.setFont(font, size)
            t.setCharSpace(kw["spacing"])
            t.textLine(s)
            c.drawText(t)
            return
        if kw.get("white"):
            c.setFillColorRGB(1, 1, 1)
        if kw.get("mode"):
            t = c.beginText(72, y)
            t.setTextRenderMode(kw["mode"])
            t.textLine(s)
            c.drawText(t)
            return
        c.drawString(72, y, s)

    return overlay(draw)


def _annotation(writer, subtype: str, **extra) -> None:  # type: ignore[no-untyped-def]
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

    annot = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject(subtype),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, 72, 200, 90)]),
            **{NameObject(k): v for k, v in extra.items()},
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])


def _text(s: str):  # type: ignore[no-untyped-def]
    from pypdf.generic import TextStringObject

    return TextStringObject(s)


def _xmp(writer) -> None:  # type: ignore[no-untyped-def]
    from pypdf.generic import NameObject, StreamObject

    xmp = StreamObject()
    xmp.set_data(
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title>{WITHHELD}</dc:title></x:xmpmeta>'.encode()
    )
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    xmp[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)


def _named_destination(writer) -> None:  # type: ignore[no-untyped-def]
    writer.add_named_destination(WITHHELD.replace(" ", "_"), 0)


def _form_field(writer) -> None:  # type: ignore[no-untyped-def]
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    _annotation(
        writer, "/Widget", **{"/FT": NameObject("/Tx"), "/T": _text("f"), "/V": _text(WITHHELD)}
    )
    field = writer.pages[0]["/Annots"][0]
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([field])}
    )


def _javascript(writer) -> None:  # type: ignore[no-untyped-def]
    from pypdf.generic import DictionaryObject, NameObject

    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): _text("app.alert(1)")}
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)


def _image(c) -> None:  # type: ignore[no-untyped-def]
    from reportlab.lib.utils import ImageReader

    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - PyMuPDF's test extra brings Pillow
        pytest.skip("needs Pillow to make an image")
    img = Image.new("RGB", (40, 10), "black")
    c.drawImage(ImageReader(img), 72, 700, 40, 10)


def _outlines(c) -> None:  # type: ignore[no-untyped-def]
    p = c.beginPath()
    p.moveTo(72, 700)
    p.curveTo(80, 720, 90, 680, 100, 700)  # a glyph's outline drawn as a path
    c.drawPath(p, stroke=0, fill=1)


def _shifted_mapping(pdf: bytes) -> bytes:
    """A page drawing the withheld words whose font's text mapping says other, released words:
    a text extractor reads the released words, the eye reads the withheld ones."""
    import re as _re

    import pypdf
    from pypdf.generic import NameObject

    leaky = text_at(600, "Norway")(pdf)
    reader = pypdf.PdfReader(io.BytesIO(leaky))
    writer = pypdf.PdfWriter(clone_from=reader)
    for font in writer.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if "/ToUnicode" not in font:
            continue
        stream = font["/ToUnicode"].get_object()
        data = stream.get_data().decode("latin-1")

        def shift(m: _re.Match[str]) -> str:
            code, uni = m.group(1), int(m.group(2), 16)
            return f"<{code}> <{uni + 1 if 0x41 <= uni < 0x7A else uni:04X}>"

        stream.set_data(
            _re.sub(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{4})>", shift, data).encode("latin-1")
        )
        stream[NameObject("/Filter")] = stream.get("/Filter", NameObject("/FlateDecode"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


LEAKS: dict[str, Callable[[bytes], bytes]] = {
    "text above the body band": text_at(760),
    "text below the body band": text_at(20),
    "lower case": text_at(400, WITHHELD.lower()),
    "letter-spaced": text_at(400, " ".join("Hye-jin")),
    "letter-spaced by character spacing": text_at(400, "Hyejin", spacing=6),
    "joined with underscores": text_at(400, WITHHELD.replace(" ", "_")),
    "a fragment of three words": text_at(400, "Disarmament and Nonproliferation"),
    "in white, invisible": text_at(400, white=True),
    "in render mode 3, invisible": text_at(400, mode=3),
    "in another font": text_at(400, font="Helvetica"),
    "in the stamps' bold font": text_at(60, font=fonts.MONO_BOLD, size=7),
    "an annotation": edit(lambda w: _annotation(w, "/Text", **{"/Contents": _text(WITHHELD)})),
    "a link": edit(lambda w: _annotation(w, "/Link")),
    "the Author": edit(lambda w: w.add_metadata({"/Author": WITHHELD})),
    "the Keywords": edit(lambda w: w.add_metadata({"/Keywords": "KS, " + WITHHELD})),
    "an unknown information key": edit(lambda w: w.add_metadata({"/Source": "x"})),
    "XMP metadata": edit(_xmp),
    "an attached file": edit(lambda w: w.add_attachment("note.txt", WITHHELD.encode())),
    "a form field": edit(_form_field),
    "a named destination": edit(_named_destination),
    "a lower-case bookmark": edit(lambda w: w.add_outline_item(WITHHELD.lower(), 0)),
    "JavaScript": edit(_javascript),
    "an image": overlay(_image),
    "glyph outlines": overlay(_outlines),
    "a font whose text mapping is shifted": _shifted_mapping,
}


def test_the_genuine_release_passes(cable, review, release) -> None:  # type: ignore[no-untyped-def]
    report = verify(cable, review, extract(release), OPTIONS)
    assert report.ok, report.leaks[:5] + report.missing[:5]


@pytest.mark.parametrize("name", list(LEAKS))
def test_every_leaking_pdf_fails(name: str, cable, review, release) -> None:  # type: ignore[no-untyped-def]
    leaky = LEAKS[name](release)
    report = verify(cable, review, extract(leaky), OPTIONS)
    # A structural problem (an attachment, a link) is a problem of its own, not a leak line.
    assert report.leaks or report.problems, f"verify passed a PDF with withheld text in {name}"
    assert not report.ok
