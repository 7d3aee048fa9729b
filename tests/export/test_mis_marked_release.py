"""A mis-marked cable is released as the level its own markings show (newcomer 5, finding 22).

An ``UNCLAS`` banner over ``(C)`` paragraphs is "mis-marked, not unclassified"
(declassification.md section 2; 32 CFR 2001.21(b): the banner is at least the highest
portion), and ``check`` counts its due date from CONFIDENTIAL. Its release must strike
CONFIDENTIAL and say DECLASSIFIED (32 CFR 2001.25(a), section 7), not "RELEASED" under a
lined-through SENSITIVE BUT UNCLASSIFIED. Variants of the sample, made here, and the real
corpus cable of the finding.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from corpus import CORPUS, SAMPLE
from export_helpers import OPTIONS, release_rest

from workbench.cable import parse_cable, read_cable
from workbench.cli import main
from workbench.declass.markings import governing_level
from workbench.export import publish
from workbench.export.errors import ExportError
from workbench.export.verify import extract
from workbench.review.decisions import dump_decisions
from workbench.review.model import Review

SPACED = "C O N F I D E N T I A L SEOUL"


def _variant(portion: str = "(C)", header: str = "ZNR UUUUU") -> str:
    """The sample under an ``UNCLAS`` banner with a SENSITIVE caption (State's SBU), its
    paragraphs marked ``portion`` and its transmission header's security line ``header``."""
    text = SAMPLE.read_text()
    assert SPACED in text and "ZNY CCCCC" in text and ". (C) " in text
    text = text.replace(SPACED, "UNCLAS SEOUL\n\nSENSITIVE", 1).replace("ZNY CCCCC", header)
    return text.replace(". (C) ", f". {portion} ")


def _first_lines(data: bytes) -> list[str]:
    """Page 1's stamps, as the stamp check reads them (the bold lines): the lined-through
    old marking and the new one come first, at the top of the page."""
    from workbench.export.verify_stamps import _pages

    lines = _pages(extract(data))[0]
    return [" ".join(lines[:2]), *lines[2:]]


def _release(text: str, **changes: object) -> bytes:
    cable = parse_cable(text)
    return publish.make(
        "release", cable, release_rest(Review.for_cable(cable)), replace(OPTIONS, **changes)
    )


@pytest.mark.parametrize(
    ("portion", "header", "level"),
    [
        ("(C)", "ZNR UUUUU", "CONFIDENTIAL"),  # the finding: UNCLAS over (C) paragraphs
        ("(S//NF)", "ZNR UUUUU", "SECRET"),
        ("(U)", "ZNY CCCCC", "CONFIDENTIAL"),  # sent classified, bannered UNCLAS
    ],
)
def test_an_unclas_banner_over_classified_markings_is_declassified_at_their_level(
    portion, header, level
):
    text = _variant(portion, header)
    assert governing_level(parse_cable(text)) == level
    data = _release(text)
    pages = extract(data).pages
    assert _first_lines(data)[0] == f"{level} UNCLASSIFIED", _first_lines(data)
    for page in pages:
        assert "DECLASSIFIED" in page
        assert "RELEASED" not in page and "SENSITIVE BUT UNCLASSIFIED" not in page
    # The review copy holds all the text: it is marked at that level too, never SBU.
    cable = parse_cable(text)
    copy = publish.make("review", cable, release_rest(Review.for_cable(cable)), OPTIONS)
    from workbench.export.verify_stamps import _pages

    assert _pages(extract(copy))[0].count(level) == 2  # the banners, top and bottom
    assert "SENSITIVE BUT UNCLASSIFIED" not in extract(copy).pages[0]


def test_an_unclas_cable_whose_markings_agree_is_still_released_as_sbu():
    """The control: SBU portions under an UNCLAS SENSITIVE banner, an unclassified header:
    nothing is classified, nothing is declassified (section 2), the stamps are as before."""
    data = _release(_variant("(SBU)", "ZNR UUUUU"))
    assert _first_lines(data)[0] == "SENSITIVE BUT UNCLASSIFIED UNCLASSIFIED"
    text = "".join(extract(data).pages)
    assert "RELEASED" in text and "DECLASSIFIED" not in text


def test_a_downgrade_of_a_mis_marked_cable_counts_from_its_highest_portion():
    """An UNCLAS banner over (S) paragraphs: CONFIDENTIAL is a downgrade (below SECRET), but
    the (S) paragraphs the review releases cannot print under it; SECRET is no downgrade."""
    text = _variant("(S)", "ZNR UUUUU")
    with pytest.raises(ExportError, match="is not a downgrade of 07SEOUL219, which is SECRET"):
        _release(text, marking="SECRET")
    with pytest.raises(ExportError, match=r"below portions of 07SEOUL219 .*¶3 \(S\)"):
        _release(text, marking="CONFIDENTIAL")


def test_the_cli_release_of_the_mis_marked_sample_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cable_path = tmp_path / "07SEOUL219.txt"
    cable_path.write_text(_variant())
    cable = read_cable(cable_path)
    decisions = tmp_path / "d.json"
    decisions.write_text(dump_decisions(release_rest(Review.for_cable(cable)), cable))
    out = tmp_path / "r.pdf"
    args = ["--decisions", str(decisions), "--reviewer", "J. Reviewer"]
    assert main(["export", str(cable_path), *args, "--out", str(out)]) == 0
    assert _first_lines(out.read_bytes())[0] == "CONFIDENTIAL UNCLASSIFIED"
    capsys.readouterr()
    assert main(["verify", str(out), "--cable", str(cable_path), *args]) == 0
    assert "no withheld text" in capsys.readouterr().out


CAIRO = CORPUS / "cables" / "09CAIRO1962.txt"


@pytest.mark.skipif(not CAIRO.exists(), reason="the shared corpus is not here")
def test_the_findings_real_cable_is_stamped_confidential_declassified():
    """09CAIRO1962: UNCLAS / SENSITIVE banner, its pasted text's paragraphs all (C)."""
    cable = read_cable(CAIRO)
    assert cable.level == "UNCLASSIFIED" and governing_level(cable) == "CONFIDENTIAL"
    data = publish.make("release", cable, release_rest(Review.for_cable(cable)), OPTIONS)
    assert _first_lines(data)[0] == "CONFIDENTIAL UNCLASSIFIED"
    assert all("DECLASSIFIED" in page for page in extract(data).pages)


def test_a_refused_downgrade_names_an_unnumbered_paragraph_as_everywhere():
    """An unnumbered paragraph is "1st paragraph (unnumbered)" in every refusal, never the
    reader's key ``¶#1`` (naming.paragraph_label). The reader marks no unnumbered paragraph
    of the sample, so the test gives the sample's unnumbered form a SECRET portion mark."""
    import re

    from workbench.cable.model import Marking
    from workbench.export.options import check_portions

    cable = parse_cable(re.sub(r"^1\d\. ", "", SAMPLE.read_text(), flags=re.M), "x.txt")
    first = cable.paragraphs[0]
    assert first.number is None and first.key == "#1"
    secret = Marking("(S)", "SECRET", (), first.start, first.start + 3)
    cable = replace(cable, paragraphs=(replace(first, marking=secret), *cable.paragraphs[1:]))
    review = release_rest(Review.for_cable(cable))
    with pytest.raises(ExportError) as refused:
        check_portions(cable, review, "CONFIDENTIAL", "07SEOUL219")
    assert "releases: 1st paragraph (unnumbered) (S);" in str(refused.value)
    assert "#" not in str(refused.value)
