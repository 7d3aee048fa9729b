"""What a release's stamps may say (newcomer 3's findings): only a real downgrade, no empty
case line, where ``--out`` goes. Through the real CLI and the export path the window takes."""

from __future__ import annotations

import re
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
from workbench.review.model import Action, Decision, Review

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
    """The window's Export dialog renders through publish.make: the same refusal there. A
    downgrade that would print a portion marked above it is refused too."""
    cable = read_cable(SAMPLE)  # CONFIDENTIAL
    review = sample_review(cable)
    for marking in ("CONFIDENTIAL", "SECRET", "TOP SECRET"):
        with pytest.raises(ExportError, match="is not a downgrade of 07SEOUL219, which is CONF"):
            publish.make("release", cable, review, replace(OPTIONS, marking=marking))
    lou = replace(OPTIONS, marking="LIMITED OFFICIAL USE")
    # Newcomer 5, finding 32: a (C) paragraph released under a lower banner is refused...
    with pytest.raises(ExportError, match=r"below portions .* releases: ¶3 \(C\), ¶4 \(C\);"):
        publish.make("release", cable, review, lou)
    for p in cable.paragraphs[2:]:  # ...and withheld, the release is written
        review.with_decision(p.index, Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)")))
    data = publish.make("release", cable, review, lou)
    assert "DOWNGRADED TO LIMITED OFFICIAL USE" in "".join(extract(data).pages)
    # Unclassified in every marking (banner, header, portions: a (C) portion under an UNCLAS
    # banner would make it a CONFIDENTIAL cable, newcomer 5's finding 22).
    unclas = parse_cable(
        cable.text.replace(SPACED, "U N C L A S S I F I E D")
        .replace("ZNY CCCCC", "ZNR UUUUU")
        .replace(". (C) ", ". (U) ")
    )
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


# Finding 5: a release with regions pending review is a draft, and says so on every page.


def _pending_decisions(tmp_path: Path) -> Path:
    """Paragraph 2 withheld, everything else left undecided."""
    cable = read_cable(SAMPLE)
    review = Review.for_cable(cable)
    from workbench.review.decisions import dump_decisions
    from workbench.review.model import Action, Decision

    review.with_decision(2, Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)")))
    out = tmp_path / "pending.json"
    out.write_text(dump_decisions(review, cable))
    return out


def test_a_release_with_pending_regions_is_a_draft_on_every_page(tmp_path, capsys):
    from workbench.export.stamps import DRAFT, DRAFT_DECL

    decisions = _pending_decisions(tmp_path)
    out = tmp_path / "draft.pdf"
    args = ["--decisions", decisions, "--allow-pending"]
    assert run("export", SAMPLE, *args, "--out", out) == 0
    found = extract(out.read_bytes())
    assert len(found.pages) >= 2
    for page in found.pages:
        assert DRAFT in page and DRAFT_DECL in page
        assert re.search(r"^DRAFT (RELEASE|WITHHELD) IN ", page, re.M), page
        assert "DECLASSIFIED IN PART" not in page and "NOTHING RELEASED" not in page
    text = "".join(found.pages)
    assert "Poloff delivered" not in text  # paragraph 2, withheld
    assert "Government of Norway" not in text  # paragraph 3, pending: withheld
    capsys.readouterr()
    # Clean, but no release: exit 3, neither 0 (a script would publish it) nor 1 (a leak)
    # (newcomer 5, finding 33).
    assert run("verify", out, "--cable", SAMPLE, "--decisions", decisions) == 3
    said = capsys.readouterr().out
    assert "a DRAFT, not for release (" in said and "region(s) pending review" in said
    assert "it is not a release" in said and "LEAK" not in said
    # Once every region is decided, the draft no longer verifies: it is not the release.
    done = _all_released(tmp_path, SAMPLE)
    assert run("verify", out, "--cable", SAMPLE, "--decisions", done) == 1
    said = capsys.readouterr().out
    assert "stamp" in said and "DRAFT" in said and "do not publish it" in said
    # A complete review exported with --allow-pending is no draft.
    final = tmp_path / "final.pdf"
    assert run("export", SAMPLE, "--decisions", done, "--allow-pending", "--out", final) == 0
    assert "DRAFT" not in "".join(extract(final.read_bytes()).pages)


def test_the_vaughn_index_of_a_draft_says_draft(tmp_path, capsys):
    from pypdf import PdfReader

    from workbench.export.stamps import DRAFT

    decisions = _pending_decisions(tmp_path)
    csv_out, pdf_out = tmp_path / "v.csv", tmp_path / "v.pdf"
    for out in (csv_out, pdf_out):
        assert run("index", SAMPLE, "--decisions", decisions, "--allow-pending", "--out", out) == 0
    rows = csv_out.read_text().splitlines()[1:]
    assert rows and all("DRAFT, not for release: " in r for r in rows)
    pages = [p.extract_text() for p in PdfReader(pdf_out).pages]
    assert pages and all(DRAFT in p for p in pages)


# Finding 13: verify checks the stamps against the options it is given.


def test_verify_checks_each_stamp_option(tmp_path, capsys):
    decisions = _all_released(tmp_path, SAMPLE)
    out = tmp_path / "r.pdf"
    made = ["--case-number", "F-2026-1", "--doc-number", "C061", "--authority", "E.O. 13526"]
    made += ["--reviewer", "A. Releaser", "--date", "2026-01-02"]
    assert run("export", SAMPLE, "--decisions", decisions, "--out", out, *made) == 0
    base = ["verify", out, "--cable", SAMPLE, "--decisions", decisions]
    capsys.readouterr()
    # The date defaults to the one the release stamps: verified on a later day, it passes.
    assert run(*base, *made[:-2]) == 0
    assert run(*base, *made) == 0
    capsys.readouterr()
    for option, value, stamped in (
        ("--reviewer", "Someone Else", "By: A. Releaser"),
        ("--authority", "E.O. 99999", "Authority: E.O. 13526"),
        ("--case-number", "F-2026-2", "Case No. F-2026-1"),
        ("--doc-number", "XYZ", "Doc No. C061"),
        ("--date", "2026-01-03", "Date: 01/02/2026"),
        ("--marking", "LIMITED OFFICIAL USE", "UNCLASSIFIED"),
    ):
        given = [*made]
        if option in given:
            given[given.index(option) + 1] = value
        else:
            given += [option, value]
        assert run(*base, *given) == 1, option
        said = capsys.readouterr().out
        assert said.count("\n") == 1, said  # one sentence
        assert "give verify the stamp options the release was made with" in said, said
        assert stamped in said, (option, said)


def test_verify_refuses_a_banner_that_is_no_downgrade(tmp_path, capsys, monkeypatch):
    """A release made by an earlier version (the check is bypassed here): SECRET kept on a
    SECRET cable and stamped as declassified."""
    import workbench.export.release as release

    cable_path = _secret(tmp_path)
    decisions = _all_released(tmp_path, cable_path)
    cable = read_cable(cable_path)
    from workbench.review.decisions import load_decisions

    monkeypatch.setattr(release, "check_downgrade", lambda *a: None)
    options = replace(OPTIONS, marking="SECRET", reviewer="J. Reviewer").resolve()
    data = release.render_release(cable, load_decisions(decisions, cable), options)
    monkeypatch.undo()
    out = tmp_path / "bad.pdf"
    out.write_bytes(data)
    base = ["verify", out, "--cable", cable_path, "--decisions", decisions]
    assert run(*base) == 1
    said = capsys.readouterr().out
    assert "page 1's banner is SECRET, not a level below 07SEOUL219's own (SECRET)" in said
    assert run(*base, "--marking", "SECRET") == 2
    assert "is not a downgrade of 07SEOUL219" in capsys.readouterr().err


def test_verify_finds_a_portion_above_the_banner(tmp_path, capsys, monkeypatch):
    """Newcomer 5, finding 32: a release made before the portion check (bypassed here), the
    sample's (C) paragraphs printed under LIMITED OFFICIAL USE: verify says so."""
    import workbench.export.release as release

    decisions = _all_released(tmp_path, SAMPLE)
    cable = read_cable(SAMPLE)
    from workbench.review.decisions import load_decisions

    monkeypatch.setattr(release, "check_portions", lambda *a: None)
    options = replace(OPTIONS, marking="LIMITED OFFICIAL USE", reviewer="J. Reviewer").resolve()
    data = release.render_release(cable, load_decisions(decisions, cable), options)
    monkeypatch.undo()
    out = tmp_path / "lou.pdf"
    out.write_bytes(data)
    stamps = ["--marking", "LIMITED OFFICIAL USE", "--reviewer", "J. Reviewer"]
    stamps += ["--case-number", OPTIONS.case_number, "--doc-number", OPTIONS.doc_number]
    stamps += ["--authority", OPTIONS.authority, "--date", OPTIONS.released.isoformat()]
    capsys.readouterr()
    assert run("verify", out, "--cable", SAMPLE, "--decisions", decisions, *stamps) == 1
    said = capsys.readouterr().out
    assert "below portions of 07SEOUL219 that the review releases: ¶2 (C)" in said, said


# Finding 17: --allow-pending on a fresh machine (no store yet) exports drafts.


def test_allow_pending_without_any_store_exports_drafts(tmp_path, capsys):
    from workbench.export.stamps import DRAFT
    from workbench.review.stores import store_exists

    assert not store_exists(None)
    out = tmp_path / "r.pdf"
    assert run("export", SAMPLE, "--out", out) == 1
    assert "there is no review store" in capsys.readouterr().err and not out.exists()
    assert run("export", SAMPLE, "--out", out, "--allow-pending") == 0
    text = "".join(extract(out.read_bytes()).pages)
    assert DRAFT in text and "Poloff delivered" not in text and "Norway" not in text
    assert not store_exists(None)  # nothing was created
    # A --store named but missing is a typo, not a fresh machine: refused.
    missing = tmp_path / "typo.sqlite3"
    assert (
        run("export", SAMPLE, "--out", tmp_path / "s.pdf", "--store", missing, "--allow-pending")
        == 1
    )
    assert "there is no review store" in capsys.readouterr().err
    index = tmp_path / "v.csv"
    assert run("index", SAMPLE, "--out", index, "--allow-pending") == 0
    assert "DRAFT, not for release" in index.read_text()


def test_the_pdf_dates_are_the_release_date():
    """Finding 32: not invariant mode's 1 Jan 2000; the same bytes for the same options."""
    from pypdf import PdfReader

    cable = read_cable(SAMPLE)
    data = publish.make("release", cable, sample_review(cable), OPTIONS)
    import io

    info = PdfReader(io.BytesIO(data)).metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20261127000000+00'00'"
    assert data == publish.make("release", cable, sample_review(cable), OPTIONS)
