"""The Vaughn index tells no more than the release (newcomer 4, findings 1 and 10).

A reviewer's comment ("Justification for the Vaughn index") was printed word for word in the
index's CSV and PDF and in a case's package, withheld name and all. The cable here is written
for the test (the seed cable's header, a body modelled on the newcomer's 09CAIRO1495 repro).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cable import Cable, parse_cable
from workbench.export.errors import ExportError
from workbench.export.vaughn import rows_for
from workbench.review.model import Action, Decision, Redaction, Review

BODY = """1. (U) Post met members of the community this month.

2. (C) Comment: The Baha'i were euphoric in April when the ministry issued a decree on
identity documents. They are now frustrated by the lack of progress.

3. (C) We met Raouf Hindy, who appears regularly on television to advocate for community
rights. The ministry issued two birth certificates.

4. (U) Post will follow the issue.
"""
NAME = "Raouf Hindy"


def fixture_text() -> str:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    return head + BODY + "STANTON\n"


def reviewed(comment_p2: str = "", comment_name: str = "") -> tuple[Cable, Review]:
    cable = parse_cable(fixture_text(), "fixture.txt")
    review = Review.for_cable(cable)
    p2, p3 = cable.paragraphs[1], cable.paragraphs[2]
    review.with_decision(p2.index, Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)"), comment_p2))
    i = cable.text.index(NAME, p3.body_start)
    span = Redaction(i, i + len(NAME), ("(b)(6)",), comment_name)
    review.with_decision(p3.index, Decision(Action.PARTIAL, spans=(span,)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def test_a_comment_naming_the_withheld_person_refuses_the_index() -> None:
    cable, review = reviewed(comment_name="Raouf Hindy is a private citizen")
    with pytest.raises(ExportError) as exc:
        rows_for(cable, review)
    said = str(exc.value)
    assert "reviewer comment for paragraph 3 of 07SEOUL219" in said
    assert "'raouf hindy' (withheld in paragraph 3)" in said
    assert "edit that comment" in said and "nothing was written" in said


@pytest.mark.parametrize(
    "comment",
    [
        "Hindy is a private citizen",  # a part of the name
        "HINDY",  # any case
        "the Baha'i were euphoric in April",  # a phrase of the withheld paragraph
        "they were euphoric",  # a word only the withheld paragraph holds
    ],
)
def test_any_withheld_words_in_a_comment_refuse_it(comment: str) -> None:
    cable, review = reviewed(comment_p2=comment)
    with pytest.raises(ExportError, match="would print"):
        rows_for(cable, review)


def test_a_justification_in_the_reviewer_s_own_words_is_printed() -> None:
    cable, review = reviewed(
        comment_p2="foreign government information; the Embassy's assessment",
        comment_name="names a private citizen",
    )
    rows = rows_for(cable, review)
    assert [r.comment for r in rows if r.comment and not r.withheld.startswith("repeat")] == [
        "foreign government information; the Embassy's assessment",
        "names a private citizen",
    ]


def test_the_index_names_regions_as_the_window_does() -> None:
    """Finding 10: "line outside the paragraphs" for a passing line the PDF and the guide call
    "Passing line 1"; "withheld" in the subject column of a subject with one name withheld."""
    cable, review = reviewed()
    passing = review.partition["passing:1"]
    review.with_decision(passing.key, Decision(Action.WITHHOLD, ("(b)(6)",)))
    subject = review.partition["subject"]
    i = cable.text.index("CLUSTER MUNITIONS", subject.body_start)
    span = Redaction(i, i + len("CLUSTER MUNITIONS"), ("(b)(1)",))
    review.with_decision("subject", Decision(Action.PARTIAL, spans=(span,)))
    rows = rows_for(cable, review)
    row = next(r for r in rows if r.paragraph == "Passing line 1")
    assert row.withheld == "Passing line 1 in full (block of 1 row)" or row.withheld.startswith(
        "Passing line 1 in full ("
    )
    assert not any("outside the paragraphs" in r.withheld for r in rows)
    assert {r.subject for r in rows} == {
        "ROKG SUPPORTIVE OF US POSITION ON [withheld] (partly withheld)"
    }


def test_a_line_the_fm_rule_withholds_says_so() -> None:
    cable, review = reviewed()
    review.with_decision("from", Decision(Action.WITHHOLD, ("(b)(1)",)))
    rows = rows_for(cable, review)
    routing = [r for r in rows if r.paragraph.startswith("Routing lines")]
    assert routing and all(
        "in full, withheld with the FM line (it names the post)" in r.withheld for r in routing
    )
    assert any(r.paragraph == "Classification line" for r in rows)


# -- the commands: nothing written ----------------------------------------------------------
def _decisions(tmp_path: Path, comment: str) -> tuple[Path, Path]:
    cable_file = tmp_path / "fixture.txt"
    cable_file.write_text(fixture_text(), encoding="utf-8")
    cable, review = reviewed(comment_name=comment)
    from workbench.review.decisions import write_decisions

    path = tmp_path / "d.json"
    write_decisions(review, cable, path)
    return cable_file, path


@pytest.mark.parametrize("suffix", ["csv", "pdf"])
def test_workbench_index_refuses_and_writes_nothing(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    cable_file, decisions = _decisions(tmp_path, "Raouf Hindy is a private citizen")
    out = tmp_path / f"v.{suffix}"
    assert main(["index", str(cable_file), "--decisions", str(decisions), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "raouf hindy" in err and "edit that comment" in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob("*.tmp*"))


def test_workbench_index_checks_its_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    cable_file, decisions = _decisions(tmp_path, "names a private citizen")
    out = tmp_path / "v.pdf"
    args = ["index", str(cable_file), "--decisions", str(decisions), "--out", str(out)]
    assert main([*args, "--title", "Records on Raouf Hindy"]) == 1
    assert "title" in capsys.readouterr().err and not out.exists()
    assert main(args) == 0
    assert main([*args[:-1], str(tmp_path / "v.csv")]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "v.csv").read_text())))
    assert "names a private citizen" in {r["reviewer comment"] for r in rows}


def test_case_export_refuses_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    cable_file, decisions = _decisions(tmp_path, "Raouf Hindy is a private citizen")
    store = ["--store", str(tmp_path / "s.sqlite3")]
    assert (
        main(["review", "import", str(cable_file), str(decisions), *store, "--reviewer", "x"]) == 0
    )
    assert main(["case", "new", "--title", "Baha'i", "--number", "F-2026-00001", *store]) == 0
    assert main(["case", "add", "F-2026-00001", str(cable_file), *store, "--reviewer", "x"]) == 0
    capsys.readouterr()
    out = tmp_path / "pkg"
    code = main(["case", "export", "F-2026-00001", "--out", str(out), *store, "--reviewer", "x"])
    err = capsys.readouterr().err
    assert code != 0
    assert "raouf hindy" in err and "edit that comment" in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".pkg*"))


# -- verify reads an index back ------------------------------------------------------------
@pytest.mark.parametrize("suffix", ["csv", "pdf"])
def test_verify_finds_a_comment_that_leaks_in_an_index_file(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An index written before the check (or edited after): verify names the leak, exit 1;
    the same index with the reviewer's own words passes, exit 0."""
    from dataclasses import replace

    from workbench.cli import main
    from workbench.export.vaughn import to_csv, to_pdf

    cable_file, decisions = _decisions(tmp_path, "names a private citizen")
    cable, review = reviewed(comment_name="names a private citizen")
    rows = rows_for(cable, review)
    leaking = [
        replace(r, comment="Raouf Hindy is a private citizen") if r.comment else r for r in rows
    ]
    args = ["--cable", str(cable_file), "--decisions", str(decisions)]
    for name, these, code in (("good", rows, 0), ("bad", leaking, 1)):
        out = tmp_path / f"{name}.{suffix}"
        out.write_bytes(to_csv(these) if suffix == "csv" else to_pdf(these))
        assert main(["verify", str(out), *args]) == code
        said = capsys.readouterr().out
        assert ("raouf" in said and "do not publish it" in said) == (code == 1), said
