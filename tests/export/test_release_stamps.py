"""What a release's stamps may say (newcomer 3's findings): only a real downgrade, no empty
case line, where ``--out`` goes. Through the real CLI and the export path the window takes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest, sample_review

from workbench.cable import parse_cable, read_cable
from workbench.cli import main
from workbench.export import publish
from workbench.export.errors import ExportError
from workbench.export.verify import extract
from workbench.review.model import Review

SPACED = "C O N F I D E N T I A L"


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture(autouse=True)
def reviewer_set() -> None:
    from workbench.settings import Settings

    replace(Settings.load(), reviewer="J. Reviewer").save()


def _secret(tmp_path: Path) -> Path:
    """The sample, marked SECRET instead of CONFIDENTIAL, saved as a cable file."""
    text = SAMPLE.read_text()
    assert SPACED in text
    path = tmp_path / "07SEOUL219.txt"
    path.write_text(text.replace(SPACED, "S E C R E T"))
    return path


def _all_released(tmp_path: Path, cable_path: Path) -> Path:
    cable = read_cable(cable_path)
    review = release_rest(Review.for_cable(cable))
    from workbench.review.decisions import dump_decisions

    out = tmp_path / "decisions.json"
    out.write_text(dump_decisions(review, cable))
    return out


# Finding 1: only a strictly lower level is a downgrade.


@pytest.mark.parametrize("marking", ["SECRET", "top secret"])
def test_the_cables_own_level_or_a_higher_one_is_refused(tmp_path, capsys, marking):
    cable = _secret(tmp_path)
    decisions = _all_released(tmp_path, cable)
    out = tmp_path / "r.pdf"
    assert run("export", cable, "--decisions", decisions, "--out", out, "--marking", marking) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and not out.exists()
    assert f"the new marking {marking.upper()} is not a downgrade of 07SEOUL219, which is " in err
    assert "SECRET: give a level below SECRET, or leave the marking UNCLASSIFIED" in err
    # A real downgrade still works, and says so.
    assert run("export", cable, "--decisions", decisions, "--out", out, "--marking", "c") == 2
    capsys.readouterr()
    assert (
        run("export", cable, "--decisions", decisions, "--out", out, "--marking", "confidential")
        == 0
    )
    text = "".join(extract(out.read_bytes()).pages)
    assert "DOWNGRADED TO CONFIDENTIAL" in text and "DECLASSIFIED" not in text


def test_the_window_and_every_release_path_refuse_a_marking_that_is_no_downgrade():
    """The window's Export dialog renders through publish.make: the same refusal there."""
    cable = read_cable(SAMPLE)  # CONFIDENTIAL
    review = sample_review(cable)
    for marking in ("CONFIDENTIAL", "SECRET", "TOP SECRET"):
        with pytest.raises(ExportError, match="is not a downgrade of 07SEOUL219, which is CONF"):
            publish.make("release", cable, review, replace(OPTIONS, marking=marking))
    data = publish.make("release", cable, review, replace(OPTIONS, marking="LIMITED OFFICIAL USE"))
    assert "DOWNGRADED TO LIMITED OFFICIAL USE" in "".join(extract(data).pages)
    unclas = parse_cable(cable.text.replace(SPACED, "U N C L A S S I F I E D"))
    with pytest.raises(ExportError, match="which is UNCLASSIFIED: give a level below"):
        publish.make(
            "release",
            unclas,
            release_rest(Review.for_cable(unclas)),
            replace(OPTIONS, marking="CONFIDENTIAL"),
        )


def test_a_batch_with_one_cable_not_above_the_marking_is_refused_before_any_work(tmp_path, capsys):
    secret = _secret(tmp_path)
    decisions = tmp_path / "decisions"
    decisions.mkdir()
    out = tmp_path / "out"
    args = ["--decisions", decisions, "--out", out, "--marking", "confidential"]
    assert run("export", secret, SAMPLE, *args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a downgrade of 07SEOUL219, which is CONFIDENTIAL" in err
    assert not out.exists()


# Finding 12: no "Case No.: none".


def test_no_case_number_no_case_line(tmp_path, capsys):
    cable = read_cable(SAMPLE)
    data = publish.make("release", cable, sample_review(cable), replace(OPTIONS, case_number=""))
    text = "".join(extract(data).pages)
    assert "Case No" not in text and "none" not in text.lower().split()
    with_case = publish.make("release", cable, sample_review(cable), OPTIONS)
    text = "".join(extract(with_case).pages)
    assert "Case No.: F-2026-00417" in text and "Case No. F-2026-00417" in text


# Finding 10: --out for one cable.


def test_one_cable_out_without_pdf_is_refused_or_a_folder_with_a_slash(tmp_path, capsys):
    decisions = _all_released(tmp_path, SAMPLE)
    out = tmp_path / "releases"
    assert run("export", SAMPLE, "--decisions", decisions, "--out", out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and not out.exists()
    assert "for one cable OUT is a .pdf file; for a folder, give a folder that exists or " in err
    assert run("export", SAMPLE, "--decisions", decisions, "--out", f"{out}/") == 0
    assert [p.name for p in out.iterdir()] == ["07SEOUL219.pdf"]
    assert f"{out}/07SEOUL219.pdf (2 pages)" in capsys.readouterr().out
    existing = tmp_path / "existing"
    existing.mkdir()
    assert run("export", SAMPLE, "--decisions", decisions, "--out", existing) == 0
    assert [p.name for p in existing.iterdir()] == ["07SEOUL219.pdf"]
    assert run("export", SAMPLE, "--decisions", decisions, "--out", tmp_path / "R.PDF") == 0
