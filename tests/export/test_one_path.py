"""One export path (issue 11): the CLI, the cluster worker and the window make a release with
``export.publish.make``, from its arguments only: the user's settings file changed between two
renders changes nothing in the bytes."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, sample_review
from pypdf import PdfReader

from workbench.cable import read_cable
from workbench.cli import main
from workbench.export import publish
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions, check_marking
from workbench.review.codes import add_code_set
from workbench.review.model import Action, Decision, Redaction
from workbench.settings import Settings

TEAM = {
    "name": "team",
    "label": "Our office's codes",
    "codes": [{"code": "TEAM-7", "label": "T7", "description": "Names a liaison contact."}],
}


def _review_with_team_code(cable):  # type: ignore[no-untyped-def]
    """The sample's review, and "Oslo" in paragraph 4 withheld under the team's own code."""
    review = sample_review(cable)
    p4 = cable.paragraphs[3]
    i = cable.text.index("Oslo", p4.body_start)
    spans = (Redaction(i, i + len("Oslo"), ("TEAM-7",)),)
    review.with_decision(p4.index, Decision(Action.PARTIAL, spans=spans))
    return review


def test_settings_changed_between_two_renders_change_nothing(tmp_path: Path) -> None:
    """Resolve once (the CLI and the window do, before rendering), then rewrite the settings
    file: another reviewer, case, agency, and the team's code set gone. Both renders of the
    release and of the Vaughn index are byte-identical; the old path read the code sets from
    settings while rendering, and refused the second release (TEAM-7 unknown)."""
    team = tmp_path / "team.json"
    team.write_text(json.dumps(TEAM))
    add_code_set(team)
    s = Settings.load()
    s.reviewer, s.case_number, s.agency = "A. First", "F-1", "One"
    s.save()
    cable = read_cable(SAMPLE)
    review = _review_with_team_code(cable)
    options = replace(OPTIONS, reviewer="", case_number="", agency="").resolve()
    assert options.reviewer == "A. First" and any(cs.name == "team" for cs in options.code_sets)
    first = {k: publish.make(k, cable, review, options) for k in ("release", "vaughn")}
    index = "".join(p.extract_text() for p in PdfReader(io.BytesIO(first["vaughn"])).pages)
    assert "Names a liaison contact" in index and "F-1" in index

    changed = Settings.load()
    changed.reviewer, changed.case_number, changed.agency = "B. Second", "F-2", "Two"
    changed.custom_code_sets = []
    changed.save()
    team.write_text(json.dumps({**TEAM, "codes": [{**TEAM["codes"][0], "description": "Other."}]}))
    second = {k: publish.make(k, cable, review, options) for k in ("release", "vaughn")}
    assert second == first

    # And a fresh resolve now sees the new settings: the team code is unknown, said so.
    with pytest.raises(ExportError, match="TEAM-7"):
        publish.make("release", cable, review, replace(OPTIONS, reviewer="").resolve())


def test_options_carry_the_code_sets_to_a_worker(tmp_path: Path) -> None:
    """A cluster worker unpickles the client's options: the code sets travel with them."""
    import pickle

    team = tmp_path / "team.json"
    team.write_text(json.dumps(TEAM))
    add_code_set(team)
    options = OPTIONS.resolve()
    back = pickle.loads(pickle.dumps(options))
    assert back == options and [cs.name for cs in back.code_sets][-1] == "team"
    assert back.code_sets[-1].find("team-7") is not None


def test_the_cli_and_publish_make_the_same_bytes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`workbench export` writes exactly what publish.make returns for the same inputs."""
    from datetime import date

    from workbench.review.decisions import write_decisions

    cable = read_cable(SAMPLE)
    review = sample_review(cable)
    decisions = tmp_path / "d.json"
    write_decisions(review, cable, decisions)
    out = tmp_path / "07SEOUL219.pdf"
    args = ["export", str(SAMPLE), "--decisions", str(decisions), "--out", str(out)]
    args += ["--case-number", OPTIONS.case_number, "--doc-number", OPTIONS.doc_number]
    args += ["--authority", OPTIONS.authority, "--reviewer", OPTIONS.reviewer]
    # export refuses a date after today (finding 17): the fixed date, or today if earlier.
    day = min(OPTIONS.released, date.today())
    args += ["--date", day.isoformat(), "--marking", "unclassified"]
    assert main(args) == 0, capsys.readouterr().err
    from workbench.review.decisions import load_decisions

    again = load_decisions(decisions, cable)
    options = replace(OPTIONS, released=day)
    assert out.read_bytes() == publish.make("release", cable, again, options.resolve())


@pytest.mark.parametrize("bad", ["SEKRIT", "SECRET//NOFORN", "confidentiel"])
def test_a_marking_is_checked_the_same_way_everywhere(bad: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError) as caught:
        ExportOptions(marking=bad).resolve(marking_name="New marking")
    assert str(caught.value) == f"New marking {bad!r} is not a level: use one of " + (
        "UNCLASSIFIED, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET"
    )
    out = tmp_path / "r.pdf"
    assert main(["export", str(SAMPLE), "--out", str(out), "--marking", bad]) == 2
    err = capsys.readouterr().err
    assert f"--marking {bad!r} is not a level" in err and not out.exists()
    assert check_marking(" confidential ") == "CONFIDENTIAL"


def test_a_review_copy_is_never_written_under_a_release_name(tmp_path: Path) -> None:
    cable = read_cable(SAMPLE)
    data = publish.make("review", cable, sample_review(cable), OPTIONS)
    # "review" must be a word of the name: not inside "preview" or "nonreview" (newcomer 5,
    # finding 35: a "preview" reads as a preview of the release).
    for name in ("07SEOUL219.pdf", "07SEOUL219 preview.pdf", "07SEOUL219-nonreview.pdf"):
        with pytest.raises(ExportError, match="would look like a release"):
            publish.write("review", tmp_path / name, data)
    assert not list(tmp_path.iterdir())
    for name in ("07SEOUL219-review.pdf", "07SEOUL219_review.pdf", "Review copy.PDF"):
        publish.write("review", tmp_path / name, data)
