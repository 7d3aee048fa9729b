"""The reasons list of the authority line stops where the list stops (declassification.md
section 3), so text run on after it is not read as reason letters."""

import pytest

from workbench.cable.authority import read_classified_by


def _read(line: str):
    cb = read_classified_by(line, 0, len(line))
    assert cb is not None
    return cb.reasons, cb.bad_letters


@pytest.mark.parametrize(
    ("line", "reasons"),
    [
        ("Classified By: A/DCM Joseph Y. Yun. Reasons 1.4 (b,d).", ("b", "d")),
        ("CLASSIFIED BY: Rose E. Gottemoeller, VCI; REASON: 1.4(B), (D)", ("b", "d")),
        ("Classified by CDA Robert Deutsch; reasons: E.O. 12958 1.4 (a,b,c,d).", "abcd"),
        ("Classified By: Amb. X for reasons 1.4 b and d", ("b", "d")),
        ("Classified By: Amb. X, Reason 1,4 (C) AND (D)", ("c", "d")),
        ("Classified By: Amb. X, Reason 1.5(b)-(d).", ("b", "c", "d")),
        ("Classified By: Amb. X, Reason 1.4 (b) an \nd (d).", ("b", "d")),
        ("Classified By: Amb. X, Reasons 1.4 b.d. \\\n \\\n", ("b", "d")),
        ("Classified By: Amb. X, reasons 1.4 (b+d)", ("b", "d")),
        # Run on into the first paragraph: the portion mark and the text are not reasons.
        ("Classified By: Amb. X for Reason 1.4 (c)  (S/NF) HMG agrees on it.", ("c",)),
        ("Classified By: Amb. X, 1.4 (b) and (d) (S) Embassy Tokyo delivered it.", ("b", "d")),
        ("Classified By: Amb. X, 1.4 (b), (d) 1. (C) Summary: Post received it.", ("b", "d")),
        ("Classified By: Amb. X, 1.4 B & D  Action Request in Paragraphs 4 and 10.", ("b", "d")),
        ("Classified By: Amb. X, 1.4 (b) and (d) \\\n \\\n(U) As I approach the end", ("b", "d")),
    ],
)
def test_reasons_list(line, reasons):
    got, bad = _read(line)
    section = "1.5" if "1.5" in line else "1.4"
    assert got == tuple(f"{section}({x})" for x in reasons)
    assert bad == ()


def test_letter_outside_the_section_is_bad():
    assert _read("Classified By: Amb. X, Reasons 1.4 (b) and (i).")[1] == ("1.4(i)",)
    # Section 1.5 (before the 2003 amendment) has no (h).
    assert _read("Classified By: Amb. X, Reasons 1.5 (d,h).")[1] == ("1.5(h)",)
    assert _read("Classified By: Amb. X, Reasons 1.4 (d,h).")[1] == ()
