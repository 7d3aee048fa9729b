"""verify reads two neighbouring words in an index PDF too (release 4 left the PDF's
neighbour test out: a table's extracted text runs one column into the next). Each cell's text
is read on its own now: a comment "Muslim Brotherhood" whose words the release prints only
apart fails, as it does in the CSV; the clean index passes. The cable is written here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cable import parse_cable
from workbench.export.vaughn import rows_for, to_csv, to_pdf
from workbench.review.model import Action, Decision, Review

BODY = """1. (C) The Muslim Brotherhood leader spoke to post at length.

2. (U) Muslim voters and the Brotherhood of dock workers met on Monday.
"""


@pytest.mark.parametrize("suffix", ["csv", "pdf"])
def test_a_pair_told_only_by_withheld_text_fails_verify(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main
    from workbench.review.decisions import write_decisions

    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable_file = tmp_path / "fixture.txt"
    cable_file.write_text(head + BODY + "STANTON\n", encoding="utf-8")
    cable = parse_cable(cable_file.read_text(encoding="utf-8"), str(cable_file))
    review = Review.for_cable(cable)
    review.with_decision(1, Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)"), "an assessment"))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    decisions = tmp_path / "d.json"
    write_decisions(review, cable, decisions)
    rows = rows_for(cable, review)
    leaking = [replace(r, comment="names the Muslim Brotherhood") if r.comment else r for r in rows]
    args = ["--cable", str(cable_file), "--decisions", str(decisions)]
    for name, these, code in (("good", rows, 0), ("bad", leaking, 1)):
        out = tmp_path / f"{name}.{suffix}"
        out.write_bytes(to_csv(these) if suffix == "csv" else to_pdf(these))
        assert main(["verify", str(out), *args]) == code
        said = capsys.readouterr().out
        assert ("muslim brotherhood" in said) == (code == 1), said
