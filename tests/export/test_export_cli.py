"""`workbench export`, `verify` and `index` as a user runs them, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cli import main
from workbench.export.verify import extract

DECISIONS = {
    "cable": "07SEOUL219",
    "decisions": [
        {"paragraph": 1, "action": "release"},
        {"paragraph": 2, "action": "withhold", "codes": ["(b)(1)", "1.4(d)"], "comment": "=source"},
        {
            "paragraph": 3,
            "action": "partial",
            "spans": [{"match": "the Government of Norway", "codes": ["(b)(1)", "1.4(b)"]}],
        },
        {"paragraph": 4, "action": "release"},
        *(
            {"region": key, "action": "release"}
            for key in ("from", "to", "info", "passing:1", "tags", "refs", "classified_by")
        ),
        {"region": "signature", "action": "release"},
    ],
    "fields": [{"field": "subject", "codes": ["(b)(1)", "1.4(d)"]}],
}


@pytest.fixture(autouse=True)
def reviewer_set() -> None:
    """The reviewer's name in settings, as the first run asks for it: a release made from a
    decisions file (no audit log) stamps it as "By:"."""
    from dataclasses import replace

    from workbench.settings import Settings

    replace(Settings.load(), reviewer="J. Reviewer").save()


def test_no_reviewer_known_is_refused(tmp_path, decisions, capsys):
    from dataclasses import replace

    from workbench.settings import Settings

    replace(Settings.load(), reviewer="").save()
    out = tmp_path / "r.pdf"
    assert run("export", SAMPLE, "--decisions", decisions, "--out", out) == 1
    assert "no reviewer is known" in capsys.readouterr().err and not out.exists()
    assert run("export", SAMPLE, "--decisions", decisions, "--out", out, "--reviewer", "A. B") == 0


@pytest.fixture
def decisions(tmp_path: Path) -> Path:
    p = tmp_path / "07SEOUL219.json"
    p.write_text(json.dumps(DECISIONS))
    return p


def run(*args: str) -> int:
    return main([str(a) for a in args])


def test_export_then_verify(tmp_path, decisions, capsys):
    out = tmp_path / "release.pdf"
    assert (
        run("export", SAMPLE, "--decisions", decisions, "--out", out, "--case-number", "F-1") == 0
    )
    assert "(2 pages)" in capsys.readouterr().out
    found = extract(out.read_bytes())
    text = "".join(found.pages)
    assert "Government of Norway" not in text and "CLUSTER MUNITIONS" not in text
    assert found.metadata["/Title"] == "07SEOUL219"
    assert found.metadata.get("/Subject", "") == ""
    assert (
        run("verify", out, "--cable", SAMPLE, "--decisions", decisions, "--case-number", "F-1") == 0
    )
    assert "no withheld text" in capsys.readouterr().out


def test_verify_names_the_leak(tmp_path, decisions, capsys):
    """A release made before paragraph 4 was withheld leaks against the stricter review."""
    out = tmp_path / "release.pdf"
    run("export", SAMPLE, "--decisions", decisions, "--out", out)
    stricter = json.loads(json.dumps(DECISIONS))
    stricter["decisions"][3] = {"paragraph": 4, "action": "withhold", "codes": ["(b)(6)"]}
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps(stricter))
    capsys.readouterr()
    assert run("verify", out, "--cable", SAMPLE, "--decisions", strict) == 1
    said = capsys.readouterr().out
    # Paragraph 4's words are printed, and the stricter review withholds them.
    assert "LEAK: page 2 prints 'requests', which is neither released text nor a stamp" in said
    assert "do not publish it" in said


def test_review_copy(tmp_path, decisions, capsys):
    out = tmp_path / "review.pdf"
    assert run("export", SAMPLE, "--decisions", decisions, "--out", out, "--copy", "review") == 0
    text = "".join(extract(out.read_bytes()).pages)
    assert "Government of Norway" in text  # all text visible for the office
    assert "NOT FOR RELEASE" in text and "PROPOSED: RELEASE IN PART" in text
    assert "FINDINGS OF WORKBENCH CHECK" in text
    # verify names it for what it is, in one sentence, and exits 3: no release, and no list
    # of its every withheld word as leaks (newcomer 5, finding 33).
    capsys.readouterr()
    assert run("verify", out, "--cable", SAMPLE, "--decisions", decisions) == 3
    said = capsys.readouterr().out
    assert said.count("\n") == 1 and "a review copy, not a release" in said


def test_batch_into_a_folder_with_workers(tmp_path, decisions, capsys):
    folder = tmp_path / "cables"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.txt")
    shutil.copy(SAMPLE, folder / "b.txt")
    out = tmp_path / "out"
    assert run("export", folder, "--decisions", decisions.parent, "--out", out, "--jobs", "2") == 1
    assert sorted(p.name for p in out.iterdir()) == ["07SEOUL219.pdf"]
    said = capsys.readouterr()
    assert "a.txt and " in said.err and "b.txt are the same cable (07SEOUL219.pdf)" in said.err
    assert "exported 1 of 2 cables (2 pages)" in said.out


def test_index_csv_and_pdf(tmp_path, decisions):
    out = tmp_path / "index.csv"
    assert run("index", SAMPLE, "--decisions", decisions, "--out", out) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    # The sample is in the Markdown form: ¶2 is printed "12." (newcomer 6, finding 11).
    assert [r["paragraph"] for r in rows] == ["Subject", "2 (printed 12.)", "3 (printed 13.)"]
    assert {r["subject"] for r in rows} == {"withheld"}
    assert rows[1]["reviewer comment"] == "'=source"  # never a spreadsheet formula
    assert rows[1]["disposition"] == "released in part"
    assert "foreign relations" in rows[1]["code descriptions"].lower()
    pdf = tmp_path / "index.pdf"
    assert run("index", SAMPLE, "--decisions", decisions, "--out", pdf) == 0
    text = "".join(extract(pdf.read_bytes()).pages)
    assert "07SEOUL219" in text and "Page 1 of 1" in text and "CLUSTER" not in text


def test_bad_input_one_sentence_no_file(tmp_path, decisions, capsys):
    out = tmp_path / "x.pdf"
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**DECISIONS, "cable": "07SEOUL220"}))
    assert run("export", SAMPLE, "--decisions", other, "--out", out) == 1
    assert "the decisions are for '07SEOUL220', not 07SEOUL219" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**DECISIONS, "fields": [{"field": "subject", "codes": ["B12"]}]}))
    assert run("export", SAMPLE, "--decisions", bad, "--out", out) == 1
    assert "unknown exemption code 'B12'" in capsys.readouterr().err
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert run("export", SAMPLE, "--decisions", decisions, "--out", blocker / "x.pdf") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a file, not a folder" in err
    pending = tmp_path / "pending.json"
    pending.write_text(json.dumps({**DECISIONS, "decisions": DECISIONS["decisions"][:2]}))
    assert run("export", SAMPLE, "--decisions", pending, "--out", out) == 1
    assert "--allow-pending" in capsys.readouterr().err
    assert run("export", SAMPLE, "--out", out) == 1  # no store yet, no decisions
    assert "there is no review store" in capsys.readouterr().err
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*part")) == []
    assert run("export", SAMPLE, "--decisions", pending, "--out", out, "--allow-pending") == 0
    assert "PENDING REVIEW" in "".join(extract(out.read_bytes()).pages)


def test_export_from_the_review_store(tmp_path, capsys):
    """Decisions saved in the SQLite store, as the window saves them, export the same way."""
    from workbench.cable import read_cable
    from workbench.review.commands import SetDecision, release_all
    from workbench.review.model import Action, Decision
    from workbench.review.store import SqliteStore

    cable = read_cable(SAMPLE)
    store_path = tmp_path / "reviews.sqlite3"
    with SqliteStore(store_path) as store:
        review = store.load(cable)
        for p in cable.paragraphs:
            d = (
                Decision(Action.WITHHOLD, ("(b)(6)",))
                if p.number == 2
                else Decision(Action.RELEASE)
            )
            store.apply(review, SetDecision(p, d), "tester")
        store.apply(review, release_all(review, [r.key for r in review.pending()]), "tester")
    out = tmp_path / "r.pdf"
    assert run("export", SAMPLE, "--store", store_path, "--out", out) == 0
    text = "".join(extract(out.read_bytes()).pages)
    assert "RELEASE IN PART B6" in text and "Poloff delivered" not in text
    assert run("verify", out, "--cable", SAMPLE, "--store", store_path) == 0


def test_batch_of_fixture_cables_pending_withheld(tmp_path, capsys):
    """Unreviewed cables export only with --allow-pending; an unreadable one is named, the rest
    are written; every PDF verifies."""
    from workbench.review.store import SqliteStore

    samples = Path(__file__).resolve().parents[2] / "resources" / "samples"
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "cables"  # an empty file
    store = tmp_path / "store.sqlite3"
    SqliteStore(store).close()
    out = tmp_path / "out"
    assert run("export", samples, fixtures, "--store", store, "--out", out, "--jobs", "2") == 1
    assert "--allow-pending" in capsys.readouterr().err
    code = run(
        "export",
        samples,
        fixtures,
        "--store",
        store,
        "--out",
        out,
        "--allow-pending",
        "--jobs",
        "2",
    )
    said = capsys.readouterr()
    cables = [*samples.glob("*.txt"), *fixtures.glob("*.txt")]  # a README is not a cable
    readable = [p for p in cables if p.stat().st_size > 0]
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == len(readable) >= 5
    assert code == (1 if len(readable) < len(cables) else 0)
    assert f"exported {len(pdfs)} of" in said.out
    for pdf in pdfs:
        text = "".join(extract(pdf.read_bytes()).pages)
        assert "PENDING REVIEW" in text or "RELEASE IN FULL" in text
    from workbench.cable import read_cable
    from workbench.export.batch import out_name
    from workbench.export.prepare import release_name
    from workbench.review import Review

    for cable_path in readable:
        cable = read_cable(cable_path)
        name = release_name(cable, Review.for_cable(cable))
        # A cable without a reference ID is never named by its file (the name may say anything).
        assert cable.id or (name.startswith("cable-") and cable_path.stem not in name)
        pdf = out / out_name(name, "release")
        # Drafts (regions pending): clean, but no release (newcomer 5, finding 33).
        draft = bool(Review.for_cable(cable).pending())
        code = run("verify", pdf, "--cable", cable_path, "--store", store)
        assert code == (3 if draft else 0), cable_path


def test_verify_bad_input(tmp_path, decisions, capsys):
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf")
    assert run("verify", fake, "--cable", SAMPLE, "--decisions", decisions) == 2
    assert run("verify", tmp_path / "no.pdf", "--cable", SAMPLE, "--decisions", decisions) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"workbench: cannot read {fake} as a PDF")
    assert (
        err[1] == f"workbench: {tmp_path / 'no.pdf'} does not exist: give the path of a release PDF"
    )


def test_verify_against_a_store_without_the_review_is_one_sentence(tmp_path, decisions, capsys):
    """--store forgotten (or another store): not a word list of 'leaks' but one sentence
    naming the store, exit 1 (newcomer 6, finding 10)."""
    from workbench.cable import read_cable
    from workbench.review.store import SqliteStore

    out = tmp_path / "release.pdf"
    assert run("export", SAMPLE, "--decisions", decisions, "--out", out) == 0
    other = tmp_path / "other.sqlite3"
    with SqliteStore(other) as store:
        store.load(read_cable(SAMPLE))  # a store that has seen the cable, decided nothing
    capsys.readouterr()
    assert run("verify", out, "--cable", SAMPLE, "--store", other) == 1
    said = capsys.readouterr()
    assert "LEAK" not in said.out and said.out == ""
    assert f"the store {other} holds no review of 07SEOUL219" in said.err
    assert "give --store (or --decisions) the release was made from" in said.err
    assert len(said.err.strip().splitlines()) == 1
