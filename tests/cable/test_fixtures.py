"""The parser on small cables written for the tests, one per form real archives contain."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cable import parse_cable, read_cable
from workbench.cable.model import Cable

# The small cables written for the project, shipped beside the sample in resources/samples.
FIXTURES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def fixture(name: str) -> Cable:
    return read_cable(FIXTURES / name)


def spans_are_faithful(cable: Cable) -> None:
    """Every span's text is exactly what stands at its offsets."""
    t = cable.text
    for s in (cable.subject, cable.signature, cable.tags_span, *cable.refs, *cable.captions):
        if s is not None:
            assert t[s.start : s.end] == s.text or " ".join(t[s.start : s.end].split()) == " ".join(
                s.text.split()
            )
    if cable.classification:
        c = cable.classification
        assert t[c.start : c.end] == c.text
        assert c.text == c.text.strip(), "a span must not carry the newline before its line"
    if cable.decl:
        assert t[cable.decl.start : cable.decl.end] == cable.decl.text
    if cable.classified_by:
        cb = cable.classified_by
        assert t[cb.start : cb.end] == cb.text
    for a in (cable.origin, *cable.to, *cable.info):
        if a is not None:
            assert t[a.start : a.end] == a.text
    for p in cable.paragraphs:
        assert t[p.start : p.end] == p.text
        assert p.start <= p.body_start <= p.end
        if p.marking:
            assert t[p.marking.start : p.marking.end] == p.marking.text
    ends = [p.end for p in cable.paragraphs]
    starts = [p.start for p in cable.paragraphs]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False)), "paragraphs overlap"


def test_sample_cable_markdown_form() -> None:
    c = read_cable(SAMPLE)
    spans_are_faithful(c)
    assert c.id == "07SEOUL219"
    assert c.sent == datetime(2007, 1, 23, 8, 28, tzinfo=UTC)
    assert c.precedence == "PRIORITY"
    assert c.classification is not None and c.classification.level == "CONFIDENTIAL"
    assert c.decl is not None and c.decl.date == date(2017, 1, 23) and c.decl.kind == "date"
    assert c.tags == ("MOPS", "PARM", "PREL", "KS")
    assert c.subject is not None and c.subject.text.startswith("ROKG SUPPORTIVE")
    assert [r.text for r in c.refs] == ["SECSTATE 6667"]
    assert c.classified_by is not None
    assert c.classified_by.name == "A/DCM Joseph Y. Yun"
    assert c.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert c.markdown
    assert [(p.number, p.label, p.marking.text if p.marking else None) for p in c.paragraphs] == [
        (1, "11. (U)", "(U)"),
        (2, "12. (C)", "(C)"),
        (3, "13. (C)", "(C)"),
        (4, "14. (C)", "(C)"),
    ]
    # "Please see para 4" resolves to the paragraph written "14."
    assert [r.number for r in c.para_refs] == [4]
    assert c.paragraph(4) is not None and c.paragraph(4).label.startswith("14.")
    assert c.signature is not None and c.signature.text == "STANTON"
    assert len(c.info) == 11 and c.info[0].name == "AMEMBASSY HELSINKI"


def test_full_acp127_header_and_sections() -> None:
    c = fixture("acp127_full.txt")
    spans_are_faithful(c)
    assert c.id == "08VALLETTA412"
    assert c.precedence == "IMMEDIATE"
    assert c.origin is not None and c.origin.name == "AMEMBASSY VALLETTA"
    assert [a.name for a in c.to] == ["SECSTATE WASHDC"]
    assert [a.name for a in c.info] == ["AMEMBASSY ROME", "AMEMBASSY TUNIS"]
    assert c.classification is not None
    assert (c.classification.level, c.classification.controls) == ("SECRET", ("NOFORN",))
    assert [x.text for x in c.captions] == ["SIPDIS", "NOFORN"]
    assert c.subject is not None
    assert (
        " ".join(c.subject.text.split())
        == "MALTA WEIGHS FERRY LINK PROPOSAL AND HARBOUR SECURITY PLAN"
    )
    assert [r.text for r in c.refs] == ["A. STATE 12345", "B. VALLETTA 398"]
    assert c.classified_by is not None and c.classified_by.reasons == ("1.4(b)", "1.4(d)")
    marks = [(p.number, p.marking.level, p.marking.controls) for p in c.paragraphs if p.marking]
    assert marks == [
        (1, "SECRET", ("NOFORN",)),
        (2, "CONFIDENTIAL", ("REL TO USA, GBR",)),
        (3, "UNCLASSIFIED", ("SBU",)),
        (4, "UNCLASSIFIED", ()),
    ]
    # The second section's repeated header is debris, not paragraph 3's text.
    p3 = c.paragraph(3)
    assert p3 is not None and p3.text.rstrip().endswith("February 20.")
    assert any("SECTION 02 OF 02" in n.text for n in c.noise)
    # "reftel para 9" is another cable's paragraph; "para 3" is this cable's.
    assert [r.number for r in c.para_refs] == [3]
    assert c.signature is not None and c.signature.text == "EXAMPLE"


def test_classification_from_the_transmission_header_when_no_banner() -> None:
    text = "VZCZCXYZ0001\nRR RUEHWEB\n\nDE RUEHTV #2502 3221434\nZNY SSSSS ZZH\nO 181434Z NOV 09\nFM AMEMBASSY TEL AVIV\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4262\nSIPDIS\n\nE.O. 12958: DECL: 11/18/2019\n\n1. (S) Text.\n"
    c = parse_cable(text)
    spans_are_faithful(c)
    assert c.classification is not None
    assert (c.classification.level, c.classification.text) == ("SECRET", "ZNY SSSSS")
    # No classification line: the originator's post and the DE line's serial.
    assert c.id == "09TELAVIV2502"


def test_header_lines_run_together() -> None:
    c = fixture("run_together.txt")
    spans_are_faithful(c)
    assert c.id == "08TOKYO1234"
    assert c.eo is not None and c.eo.order == "12958"
    assert c.decl is not None and c.decl.date == date(2018, 10, 24)
    assert c.tags == ("PARM", "ENRG", "JA")
    assert [a.name for a in c.info] == ["DEPT OF ENERGY WASHINGTON DC"]
    assert [p.number for p in c.paragraphs] == [1, 2]


def test_partial_extract_with_page_breaks() -> None:
    c = fixture("partial_extract.txt")
    spans_are_faithful(c)
    assert c.partial_extract
    assert c.id == "00HARARE6677"
    assert c.sent == datetime(2000, 11, 29, 13, 59, tzinfo=UTC)
    # Two-digit DECL year: the century comes from the cable's own date (2000), not a pivot.
    assert c.decl is not None and c.decl.date == date(2010, 11, 29)
    assert c.classified_by is not None and c.classified_by.reasons == ("1.5(b)", "1.5(d)")
    assert [p.number for p in c.paragraphs] == [1, 2]
    assert any(n.text.startswith("PAGE 02") for n in c.noise)
    assert c.paragraph(1) is not None and "NOVEMBER 16" in c.paragraph(1).text


def test_partial_extract_without_a_date_has_no_id() -> None:
    c = fixture("partial_no_date.txt")
    spans_are_faithful(c)
    assert c.sent is None
    assert c.id is None
    assert any("year" in w for w in c.warnings)
    assert c.classification is not None and c.classification.level == "CONFIDENTIAL"


def test_plusd_1970s_telegram() -> None:
    c = fixture("plusd_1974.txt")
    spans_are_faithful(c)
    assert c.id == "1974ATHENS02959"
    assert c.sent is not None and c.sent.year == 1974
    assert c.classification is not None and c.classification.level == "LIMITED OFFICIAL USE"
    assert c.eo is not None and c.eo.order == "11652"
    assert c.decl is not None and c.decl.kind == "na"
    assert [p.number for p in c.paragraphs] == [1, 2]
    # "1973 STATEMENT" at the start of a wrapped line is not a paragraph label.
    assert "1973 STATEMENT STANDS" in c.paragraph(2).text
    assert c.signature is not None and c.signature.text == "TASCA"


def test_markdown_numbering_past_nine() -> None:
    c = fixture("markdown_seed.txt")
    assert c.markdown
    assert [p.number for p in c.paragraphs] == list(range(1, 11))
    assert c.paragraphs[-1].label.startswith("110.")
    assert c.decl is not None and c.decl.date == date(2017, 1, 23)
    assert [r.number for r in c.para_refs] == [4]


def test_sbu_and_malformed_marks() -> None:
    c = fixture("unclas_sensitive.txt")
    spans_are_faithful(c)
    assert c.id == "09SAOPAULO301"
    assert c.classification is not None
    assert (c.classification.level, c.classification.controls) == ("UNCLASSIFIED", ("SBU",))
    assert c.decl is not None and c.decl.kind == "na"
    got = [
        (p.marking.text, p.marking.level, p.marking.controls, p.marking.malformed)
        for p in c.paragraphs
    ]
    assert got == [
        ("(SBU)", "UNCLASSIFIED", ("SBU",), False),
        ("(U//FOUO)", "UNCLASSIFIED", ("FOUO",), False),
        ("C)", "CONFIDENTIAL", (), True),
        ("(SBU", "UNCLASSIFIED", ("SBU",), True),
        ("(SBU/N)", "UNCLASSIFIED", ("SBU", "NOFORN"), False),
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt") if p.stat().st_size))
def test_windows_1252_and_crlf_read_the_same(name: str, tmp_path: Path) -> None:
    original = fixture(name)
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    cp = tmp_path / "cp1252.txt"
    cp.write_bytes(raw.replace("\n", "\r\n").encode("cp1252"))
    other = read_cable(cp)
    assert other.text == original.text
    assert other.encoding == "cp1252" or "¶" not in raw
    assert other.paragraphs == original.paragraphs
    assert other.id == original.id
