"""The release date is the declassification's: not before the cable, not before the order
named as the authority, not after today (newcomer 6, finding 17)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, sample_review

from workbench.cable import read_cable
from workbench.cli import main
from workbench.export import publish
from workbench.export.errors import ExportError
from workbench.export.release_date import check_not_future, check_release_date


def test_a_date_before_the_order_or_the_cable_is_refused() -> None:
    cable = read_cable(SAMPLE)  # dated 2007-01-23
    with pytest.raises(ExportError, match=r"before E\.O\. 13526 existed \(2009-12-29\)"):
        check_release_date(date(1999, 1, 1), "E.O. 13526, sec. 3.3(b)", cable, "07SEOUL219")
    with pytest.raises(ExportError, match=r"before 07SEOUL219 was written \(2007-01-23\)"):
        check_release_date(date(2006, 5, 1), "E.O. 12958", cable, "07SEOUL219")
    check_release_date(date(2010, 1, 4), "E.O. 13526", cable, "07SEOUL219")
    check_release_date(date(2008, 1, 4), "an agency's own authority", cable, "07SEOUL219")


def test_a_date_after_today_is_refused() -> None:
    with pytest.raises(ExportError, match=r"after today \(2026-12-02\)"):
        check_not_future(date(2026, 12, 3), today=date(2026, 12, 2))
    check_not_future(date(2026, 12, 2), today=date(2026, 12, 2))


def test_the_one_export_path_refuses_a_date_before_the_cable() -> None:
    cable = read_cable(SAMPLE)
    from dataclasses import replace

    options = replace(OPTIONS, released=date(2006, 1, 1), authority="E.O. 12958").resolve()
    with pytest.raises(ExportError, match="before 07SEOUL219 was written"):
        publish.make("release", cable, sample_review(cable), options)


@pytest.mark.parametrize(
    ("day", "said"), [("1999-01-01", "before E.O. 13526 existed"), ("2999-12-31", "after today")]
)
def test_export_refuses_the_date_in_one_sentence_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str, said: str
) -> None:
    from workbench.review.decisions import write_decisions

    cable = read_cable(SAMPLE)
    decisions = tmp_path / "d.json"
    write_decisions(sample_review(cable), cable, decisions)
    assert json.loads(decisions.read_text())["cable"] == "07SEOUL219"
    out = tmp_path / "r.pdf"
    args = ["export", str(SAMPLE), "--decisions", str(decisions), "--out", str(out)]
    assert main([*args, "--reviewer", "A. B", "--date", day]) != 0
    err = capsys.readouterr().err
    assert said in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
