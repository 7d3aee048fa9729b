"""The E.O. line is released by the ``markings`` rule only as far as its strict grammar goes
(newcomer 5, finding 6): ``E.O. 12958: DECL: UPON THE DEATH OF OUR SOURCE KIM HYE-JIN IN
MOFAT`` printed whole with no reviewer's decision, the rule releasing every word after
``DECL:``. Now the order is the rule's, and the event's words are a region a reviewer
decides, pending (and withheld in a draft) until then."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS

from workbench.cable import parse_cable
from workbench.export import publish
from workbench.review import Action, Decision, Review, partition
from workbench.review import line_grammar as g

EVENT = "DECL: UPON THE DEATH OF OUR SOURCE KIM HYE-JIN IN MOFAT"


def _cable(decl: str):  # type: ignore[no-untyped-def]
    text = SAMPLE.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("E.O. 12958"))
    return parse_cable(text.replace(line, "E.O. 12958: " + decl), "07SEOUL219.txt")


def test_an_event_instruction_is_a_region_no_rule_decides() -> None:
    cable = _cable(EVENT)
    part = partition(cable)
    eo, decl = part["eo"], part["decl"]
    assert cable.text[eo.body_start : eo.end].strip() == "E.O. 12958:"
    assert cable.text[decl.body_start : decl.end] == EVENT
    review = Review.for_cable(cable)
    assert review.effective(eo).by == "rule:markings"
    assert review.effective(decl).decision.action == Action.PENDING
    assert decl.label == "Declassification instruction"


def test_closed_forms_stay_one_line_the_rule_releases() -> None:
    for decl in ("DECL: 01/23/2017", "N/A", "DECL ON: 07/01/2019", "DECL: 2035/02/12 \\"):
        part = partition(_cable(decl))
        assert part.get("decl") is None, decl
        assert part["eo"].end - part["eo"].start >= len("E.O. 12958: ") + len(decl.strip(" \\"))
    closed = ["EO 12958 N/A", "E. O. 12958:  N/ A", "E.O. 12958: \nDECL: 12/26/2016"]
    closed += ["E.O. 12958: DECL: TEN YEARS", "E.O. 13526: DECL: 25X1"]
    assert all(g.EO_LINE.fullmatch(x) for x in closed)
    free = ["E.O. 12958: DECL: FIVE YEARS AFTER ICTY CLOSURE", "E.O. 12958: " + EVENT]
    free += ["E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION", "E.O. 12958: DECL..."]
    assert not any(g.EO_LINE.fullmatch(x) for x in free)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_a_draft_withholds_it_and_a_release_prints_it_only_when_released() -> None:
    cable = _cable(EVENT)
    review = Review.for_cable(cable)
    draft = dataclasses.replace(OPTIONS, allow_pending=True)

    def printed(options) -> str:  # type: ignore[no-untyped-def]
        data = publish.make("release", cable, review, options)  # verified, else ExportError
        out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        return " ".join(out.stdout.decode().split())

    text = printed(draft)
    assert "E.O. 12958:" in text and "DEATH" not in text and "HYE-JIN" not in text
    for region in review.pending():
        if region.kind == "decl":
            review.with_decision(region.key, Decision(Action.WITHHOLD, ("(b)(6)",)))
        else:
            review.with_decision(region.key, Decision(Action.RELEASE))
    text = printed(OPTIONS)
    assert "E.O. 12958:" in text and "DEATH" not in text and "(b)(6)" in text
    review.with_decision("decl", Decision(Action.RELEASE))
    assert "E.O. 12958: " + EVENT in printed(OPTIONS)
