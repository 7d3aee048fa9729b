"""verify reads every object in the file, not only what the pages reach (newcomer 6,
finding 5): an orphan dictionary or stream, an update appended after the file's end, bytes
after ``%%EOF``. Each is a PROBLEM (a release never holds one), and withheld text in it is a
LEAK. A genuine release holds none of them."""

from __future__ import annotations

import io
import zlib

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, sample_review

from workbench.cable import read_cable
from workbench.export.release import render_release
from workbench.export.verify import extract, verify

WITHHELD = "Hye-jin of the Disarmament"  # in ¶2, withheld in full


@pytest.fixture(scope="module")
def cable():  # type: ignore[no-untyped-def]
    return read_cable(SAMPLE)


@pytest.fixture(scope="module")
def review(cable):  # type: ignore[no-untyped-def]
    return sample_review(cable)


@pytest.fixture(scope="module")
def release(cable, review) -> bytes:  # type: ignore[no-untyped-def]
    return render_release(cable, review, OPTIONS)


def with_orphan(pdf: bytes, obj: object) -> bytes:
    """The release saved by pypdf with one more object that nothing references."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    writer._add_object(obj)  # type: ignore[arg-type]  # as an editor's save leaves one
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def orphan_dictionary(pdf: bytes) -> bytes:
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    return with_orphan(pdf, DictionaryObject({NameObject("/Note"): TextStringObject(WITHHELD)}))


def orphan_stream(pdf: bytes) -> bytes:
    from pypdf.generic import NameObject, NumberObject, StreamObject

    stream = StreamObject()
    data = zlib.compress(f"BT /F1 9 Tf 72 700 Td ({WITHHELD}) Tj ET".encode())
    stream.set_data(data)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    stream[NameObject("/Length")] = NumberObject(len(data))
    return with_orphan(pdf, stream)


def tail(pdf: bytes) -> bytes:
    return pdf + f"\n% {WITHHELD}\n".encode()


def appended_update(pdf: bytes) -> bytes:
    """An incremental update: a new object, xref section and trailer after the first %%EOF."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    size = int(reader.trailer["/Size"])
    root = reader.trailer.raw_get("/Root")
    start = len(pdf)
    body = f"{size} 0 obj\n<< /Note ({WITHHELD}) >>\nendobj\n".encode()
    xref = len(pdf) + len(body)
    tail_ = (
        f"xref\n{size} 1\n{start:010d} 00000 n \ntrailer\n<< /Size {size + 1} /Root "
        f"{root.idnum} 0 R /Prev {pdf.rindex(b'startxref') and int(pdf.split(b'startxref')[-1].split()[0])} >>\nstartxref\n{xref}\n%%EOF\n"
    )
    return pdf + body + tail_.encode()


def test_a_genuine_release_holds_nothing_unused(cable, review, release) -> None:  # type: ignore[no-untyped-def]
    found = extract(release)
    assert found.unused == []
    assert verify(cable, review, found, OPTIONS).ok


@pytest.mark.parametrize("make", [orphan_dictionary, orphan_stream, tail])
def test_withheld_text_nothing_uses_is_a_problem_and_a_leak(cable, review, release, make) -> None:  # type: ignore[no-untyped-def]
    pdf = make(release)
    report = verify(cable, review, extract(pdf), OPTIONS)
    assert not report.ok
    assert any("which nothing uses: a release never holds one" in p for p in report.problems)
    assert any("hye jin of the disarmament" in leak for leak in report.leaks), report.leaks


def test_an_update_appended_after_the_end_is_a_problem(cable, review, release) -> None:  # type: ignore[no-untyped-def]
    report = verify(cable, review, extract(appended_update(release)), OPTIONS)
    assert any("an update appended after its first end" in p for p in report.problems)
    assert any("hye jin" in leak for leak in report.leaks), report.leaks
