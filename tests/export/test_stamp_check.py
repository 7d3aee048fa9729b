"""The release's typed stamps tell no withheld text (newcomer 5, finding 16: ``--doc-number
06CARACAS3688``, ``--authority "AMEMBASSY CARACAS"`` and ``--case-number CARACAS-1`` printed
the withheld post on every page and in the title, where the index's ``--title`` was refused)."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cable import read_cable
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions
from workbench.export.release import render_release
from workbench.review.model import Action, Decision, Redaction, Review


def reviewed() -> tuple[object, Review]:
    cable = read_cable(SAMPLE)
    review = Review.for_cable(cable)
    p2 = cable.paragraphs[1]
    i = cable.text.index("Kim", p2.body_start)
    review.with_decision(
        p2.index, Decision(Action.PARTIAL, spans=(Redaction(i, i + 3, ("(b)(6)",)),))
    )
    review.with_decision("from", Decision(Action.WITHHOLD, ("(b)(1)", "1.4(b)")))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


@pytest.mark.parametrize(
    ("field", "value", "told"),
    [
        ("doc_number", "07SEOUL219", "'07SEOUL219' (withheld in the FM line"),
        ("doc_number", "07-seoul-219", "'07SEOUL219' (withheld in the FM line"),
        ("authority", "AMEMBASSY SEOUL", "'amembassy seoul' (withheld in From (FM line))"),
        ("case_number", "SEOUL-1", "'seoul'"),
        ("case_number", "KIM2026", "'kim' (withheld in paragraph 2)"),
    ],
)
def test_a_stamp_naming_withheld_text_refuses_the_release(
    field: str, value: str, told: str
) -> None:
    cable, review = reviewed()
    with pytest.raises(ExportError) as exc:
        render_release(cable, review, ExportOptions(reviewer="T. Rev", **{field: value}))  # type: ignore[arg-type]
    said = str(exc.value)
    assert said.startswith("the release's ") and f"{value!r} would print {told}" in said
    assert "nothing was written" in said


def test_stamps_of_the_agency_s_own_words_pass() -> None:
    cable, review = reviewed()
    options = ExportOptions(
        reviewer="Kim Reviewer",  # who releases: not checked
        case_number="F-2026-00417",
        doc_number="C06123456",
        authority="E.O. 13526, sec. 3.3(b)",
    )
    assert render_release(cable, review, options)[:4] == b"%PDF"


def test_workbench_export_refuses_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main
    from workbench.review.decisions import write_decisions

    cable, review = reviewed()
    decisions = tmp_path / "d.json"
    write_decisions(review, cable, decisions)  # type: ignore[arg-type]
    out = tmp_path / "r.pdf"
    args = ["export", str(SAMPLE), "--decisions", str(decisions), "--reviewer", "T. Rev"]
    assert main([*args, "--doc-number", "07SEOUL219", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "document number '07SEOUL219' would print" in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob("*.tmp*"))
