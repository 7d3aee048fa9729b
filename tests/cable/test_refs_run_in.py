"""The authority line run into the last line of a REF list (newcomer finding 4 of session 4:
23 corpus cables, e.g. ``C. CAIRO 453 Classified By: ...``). The list must end before it: read
as a reference, the classifier's name had no region of its own and was released with the
references. Fixtures written here from the form."""

from __future__ import annotations

import pytest

from workbench.cable import parse_cable
from workbench.review.regions import partition

HEAD = (
    "C O N F I D E N T I A L CAIRO 001495\n\nSIPDIS\n\n"
    "E.O. 12958: DECL: 07/30/2019\nTAGS: PHUM KIRF EG\nSUBJECT: IDENTITY CARDS\n\n"
)
BODY = "\n1. (C) The community reported no progress.\n\n2. (C) More.\n"


@pytest.mark.parametrize(
    ("ref_lines", "last_ref"),
    [
        (
            "REF: A. CAIRO 887\n     B. CAIRO 688 C. CAIRO 453 Classified By: Minister-Counselor "
            "Donald A. Blome for reason 1.4 (d).",
            "C. CAIRO 453",
        ),
        (
            "REF: A. ANKARA 4229\n     B. ANKARA 4230 (U) Classified by DCM Robert Deutsch, "
            "reasons 1.5, b/d.",
            "B. ANKARA 4230",
        ),
        (
            "REF: A. STATE 1\n     B. STATE 2\n \n(U) Classified by: David Appleton, Director, "
            "Reason: 1.4 (c, d).",
            "B. STATE 2",
        ),
        (
            "REF: A. TRIPOLI 65\n     B. LONDON 209 CLASSIFIED BY: Gene A. Cretz, Ambassador. "
            "REASON: 1.4 (b), (d)",
            "B. LONDON 209",
        ),
    ],
)
def test_refs_end_before_a_run_in_classified_by(ref_lines: str, last_ref: str) -> None:
    text = HEAD + ref_lines + "\n" + BODY
    c = parse_cable(text)
    assert [r.text for r in c.refs][-1] == last_ref
    assert all("lassified" not in r.text.lower() for r in c.refs)
    assert c.classified_by is not None
    # The classifier's name is a region of its own, not a part of the references.
    regions = partition(c)
    keys = {r.key for r in regions.regions}
    assert "classified_by" in keys
    refs = next(r for r in regions.regions if r.key == "refs")
    assert "Classified" not in text[refs.start : refs.end]
    assert "lassified" not in text[refs.start : refs.end].lower()


def test_a_ref_list_without_an_authority_line_is_read_to_its_end() -> None:
    text = HEAD + "REF: A. CAIRO 887\n     B. CAIRO 688 C. CAIRO 453\n" + BODY
    c = parse_cable(text)
    assert [r.text for r in c.refs] == ["A. CAIRO 887", "B. CAIRO 688", "C. CAIRO 453"]
