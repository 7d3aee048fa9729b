"""Where the declassification instruction and the handling lines really are (issue 14; the
instruction's meaning is issue 13's, in tests/declass): wrapped and mistyped E.O. lines, DECL
without E.O., CORRECTED COPY lines, captions in any case, banner slips, the authority line."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from test_fixtures import spans_are_faithful

from workbench.cable import parse_cable
from workbench.cable.header import read_captions

ROOT = Path(__file__).resolve().parents[2]
ROUTING = "R 110912Z MAY 07\nFM AMEMBASSY BRASILIA\nTO SECSTATE WASHDC 8940\n"
BODY = "TAGS: EAIR PGOV BR\nSUBJECT: AIR TRAFFIC INQUIRY\n\n1. (C) Text one.\n\n2. (C) Text two.\n"


def _cable(head: str, body: str = BODY):  # type: ignore[no-untyped-def]
    c = parse_cable(ROUTING + head + body)
    spans_are_faithful(c)
    return c


@pytest.mark.parametrize(
    ("lines", "order", "decl"),
    [
        ("E.O. 12958: DECL: 5/11/2017\n", "12958", "5/11/2017"),
        ("E.O. 12958: \nDECL: 5/11/2017 \n", "12958", "5/11/2017"),
        ("  E.O. 12958:\nDECL: 5/11/2017\n", "12958", "5/11/2017"),
        ("E.O. 19528: DECL: 5/11/2017\n", "19528", "5/11/2017"),
        ("E.O. 1295: DECL: 5/11/2017\n", "1295", "5/11/2017"),
        ("E.O. 12598: DECL: 5/11/2017\n", "12598", "5/11/2017"),
        ("DECL: 5/11/2017\n", None, "5/11/2017"),
        ("SIPDIS DECL: 5/11/2017\n", None, "5/11/2017"),
        ("E.O. 12958: DECL: 08/22/2017 AGS: PGOV, PREL\n", "12958", "08/22/2017"),
        ("E.O. 12958: DECL: 08/22/2017TAGS: PGOV\n", "12958", "08/22/2017"),
    ],
)
def test_instruction_where_it_really_is(lines: str, order: str | None, decl: str) -> None:
    c = _cable("C O N F I D E N T I A L BRASILIA 000872\n\nSIPDIS\n\n" + lines)
    assert (c.eo.order if c.eo else None) == order
    assert c.decl is not None and c.decl.text == decl
    assert c.decl.date == date(int(decl[-4:]), int(decl.split("/")[0]), int(decl.split("/")[1]))
    if c.eo is not None:
        assert c.text[c.eo.start : c.eo.end] == c.eo.text


def test_wrapped_eo_line_spans_both_lines() -> None:
    c = _cable("C O N F I D E N T I A L BRASILIA 000872\n\nE.O. 12958:\nDECL: 5/11/2017\n")
    assert c.eo is not None and c.eo.text == "E.O. 12958:\nDECL: 5/11/2017"


def test_a_downgrade_before_decl_goes_to_the_interpreter_whole() -> None:
    c = _cable(
        "C O N F I D E N T I A L BRASILIA 000872\n\nE.O. 12958: DNG: CO 10/18/2029 DECL: 10/18/2034\n"
    )
    assert c.decl is not None and c.decl.text.startswith("DNG:")


@pytest.mark.parametrize(
    "head",
    [
        "C O N F I D E N T I A L BRASILIA 000872\n\nC O R R E C T E D C O P Y (ADDED INFO ADDEES)\n\nSIPDIS\nNOFORN\n\n",
        "C O N F I D E N T I A L BRASILIA 000872\nCORRECTED COPY - TEXT\nSIPDIS\nNOFORN\n\n",
        "C O R R E C T E D COPY//SUBJECT LINE//////////\n\nC O N F I D E N T I A L BRASILIA 000872\nNOFORN\nSIPDIS\n\n",
    ],
)
def test_corrected_copy_lines(head: str) -> None:
    c = _cable(head + "E.O. 12958: DECL: 5/11/2017\n")
    assert c.corrected is not None and "C" in c.corrected.text
    assert c.id == "07BRASILIA872"
    assert c.classification is not None and c.classification.controls == ("NOFORN",)
    assert c.decl is not None and c.decl.date == date(2017, 5, 11)


@pytest.mark.parametrize("sep", ["\n\n", "\u2028"])
def test_mixed_case_captions_keep_noforn(sep: str) -> None:
    c = _cable(
        f"S e c r e t section 01 of 02 brasilia 000872{sep}Sipdis{sep}Noforn\n\nE.O. 12958: DECL: 5/11/2017\n"
    )
    assert c.classification is not None
    assert (c.classification.level, c.classification.controls) == ("SECRET", ("NOFORN",))
    assert c.id == "07BRASILIA872"


def test_mixed_case_sensitive_caption_is_sbu() -> None:
    c = _cable("Unclas section 01 of 02 brasilia 000872\n\nSensitive\nSipdis\n\nE.O. 12958: N/A\n")
    assert c.classification is not None
    assert (c.classification.level, c.classification.controls) == ("UNCLASSIFIED", ("SBU",))


@pytest.mark.parametrize(
    "line",
    [
        "UNCLAS SECTION 01 GF 02 BRASILIA 000872",
        "UNCLAS ECTION 01 OF 02 BRASILIA 000872",
        "UNCLAS SCTION 01 OF 02 BRASILIA 000872",
        "UNCLAS SECTION 1 OF 3 BRASILIA 000872",
        "C O N F I D E NT I A L BRASILIA 000872",
        "C O N F I D E N T I AL SECTION 01 OF 02 BRASILIA 000872",
        "UNCLAS BRASILIA 00872SIPDIS",
        "S E C R E T SECTION 01 OF 02 BRASILIA 000872NOFORN",
    ],
)
def test_banner_typing_slips(line: str) -> None:
    c = _cable(line + "\n\nSIPDIS\n\nE.O. 12958: DECL: 5/11/2017\n")
    assert c.id == "07BRASILIA872"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Classified By: A/DCM Joseph Y. Yun. Reasons 1.4 (b,d).", "A/DCM Joseph Y. Yun"),
        ("REF: BRASILIA 1725Classified By: Ambassador C. Sobel, 1.4 (b,d)", "Ambassador C. Sobel"),
        ("Classfied By: Charge R. Miles, reasons 1.4 (b) and (d)", "Charge R. Miles"),
        ("CLASSIFIED\n\nBY: Ambassador G. Cretz. REASON: 1.4 (b), (d)", "Ambassador G. Cretz"),
    ],
)
def test_authority_line_forms(line: str, name: str) -> None:
    c = _cable(
        "C O N F I D E N T I A L BRASILIA 000872\n\nE.O. 12958: DECL: 5/11/2017\n",
        BODY.replace("\n\n1.", f"\n\n{line}\n\n1."),
    )
    assert c.classified_by is not None
    assert (c.classified_by.name, c.classified_by.reasons) == (name, ("1.4(b)", "1.4(d)"))


def test_truncated_authority_preview_gives_way_to_the_whole_line() -> None:
    head = (
        "C O N F I D E N T I A L BRASILIA 000872\n\n"
        "Classified By: Ambassador Clifford Sobel for Reasons 1.4 (B...\n\n"
        "E.O. 12958: DECL: 5/11/2017\n"
    )
    body = BODY.replace(
        "\n\n1.", "\n\nClassified By: Ambassador Clifford Sobel for Reasons 1.4 (B) and (D).\n\n1."
    )
    c = _cable(head, body)
    assert c.classified_by is not None
    assert c.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert not c.classified_by.text.endswith("...")


@pytest.mark.parametrize(
    "text",
    [
        '"C O N F I D E N T I A L" + " " * N + "BRASILIA 000872\\n\\n1. (C) Text.\\n"',
        '"SECRET" + "\\t" * N + "SECTION 01 OF 02 BRASILIA 000872\\n\\n1. (C) Text.\\n"',
        '"UNCLAS BRASILIA 000872\\nTAGS:" + " " * N + "PREL\\nSUBJECT: X\\n"',
        '"UNCLAS BRASILIA 000872\\nSUBJECT: A" + " " * N + "B\\n\\n1. Text\\n"',
        '"UNCLAS BRASILIA 000872\\nE.O." + " " * N + "12958: DECL:" + " " * N + "1/1/2017\\n"',
        '"UNCLAS BRASILIA 000872\\nClassified By:" + " " * N + "X 1.4" + " " * N + "(b)\\n"',
    ],
)
def test_long_runs_of_blanks_parse_in_linear_time(text: str) -> None:
    # Issue 12 measured 16,000 blanks in the classification line at 15 s (200,000: minutes).
    # In a child process, so that a quadratic pattern fails the test instead of hanging it.
    code = f"from workbench.cable import parse_cable\nN = 200_000\nparse_cable({text})\n"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30, cwd=ROOT)
    assert time.perf_counter() - start < 10


def test_read_captions_past_the_end_of_the_text_returns() -> None:
    text = "UNCLAS BRASILIA 000872\nSIPDIS\nSENSITIVE"
    assert [c.text for c in read_captions(text, 0, len(text) + 500)] == ["SIPDIS", "SENSITIVE"]


def test_authority_name_reads_html_entities() -> None:
    body = BODY.replace(
        "\n\n1.", "\n\nClassified By: Charge d&#8217;Affaires J. Doe, 1.4 (b,d)\n\n1."
    )
    c = _cable("C O N F I D E N T I A L BRASILIA 000872\n\nE.O. 12958: DECL: 5/11/2017\n", body)
    assert c.classified_by is not None
    assert c.classified_by.name == "Charge d\u2019Affaires J. Doe"
    assert "&#8217;" in c.classified_by.text
