"""``workbench check`` on small cables written here: the fields issue 13 added (order,
downgrade), and ``--status`` filtering by finding codes and the ``referral`` group."""

import csv
import io
import json

import pytest
from cablemaker import cable_text

from workbench.cli import main


@pytest.fixture
def folder(tmp_path):
    cables = {
        # Due, foreign government information (reason 1.4(b)).
        "fgi.txt": cable_text(classified_by="Classified By: Amb. X. Reasons 1.4 (b), (d)."),
        # Due, NODIS, nothing else.
        "nodis.txt": cable_text(captions=("NODIS", "SIPDIS")),
        # Not due, SECRET with a downgrade only (09USNATO464's form).
        "dng.txt": cable_text(
            dtg="O 201658Z OCT 09", banner="S E C R E T", eo="E.O. 12958: DNG: CO 10/18/2029"
        ),
        # Needs review: UNCLAS over a (C) paragraph.
        "mismarked.txt": cable_text(
            banner="UNCLAS", eo="E.O. 12958: N/A", classified_by=None, paragraphs=("1. (C) Text.",)
        ),
    }
    for name, text in cables.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(capsys, *args: str) -> list[dict]:
    assert main(["check", *args, "--as-of", "2026-11-27", "--jobs", "1", "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def names(rows) -> set[str]:
    return {r["path"].rsplit("/", 1)[1] for r in rows}


def test_rows_carry_order_and_downgrade(capsys, folder):
    rows = {r["path"].rsplit("/", 1)[1]: r for r in run(capsys, str(folder))}
    dng = rows["dng.txt"]
    assert (dng["status"], dng["due"], dng["basis"]) == ("not-due", "2034-12-31", "missing-25-year")
    assert dng["downgrade"]["level"] == "CONFIDENTIAL" and dng["downgrade"]["date"] == "2029-10-18"
    assert dng["order"] == "12958"
    assert rows["fgi.txt"]["downgrade"] is None
    assert rows["mismarked.txt"]["status"] == "needs-review"


@pytest.mark.parametrize(
    ("wanted", "shown"),
    [
        ("referral", {"fgi.txt", "nodis.txt"}),
        ("nodis,exdis", {"nodis.txt"}),
        ("refer-foreign-government", {"fgi.txt"}),
        ("due,referral", {"fgi.txt", "nodis.txt"}),
        ("not-due,referral", set()),
        ("needs-review", {"mismarked.txt"}),
        ("due,not-due", {"fgi.txt", "nodis.txt", "dng.txt"}),
        ("downgrade", {"dng.txt"}),
    ],
)
def test_status_filter_takes_findings(capsys, folder, wanted, shown):
    assert names(run(capsys, str(folder), "--status", wanted)) == shown


def test_csv_has_the_added_columns_last(capsys, folder):
    main(["check", str(folder), "--as-of", "2026-11-27", "--jobs", "1", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    header = list(rows[0])
    assert header[:9] == [
        "path",
        "id",
        "classification",
        "decl",
        "origin",
        "due",
        "basis",
        "status",
        "findings",
    ]
    assert header[9:] == ["order", "downgrade"]
    dng = next(r for r in rows if r["path"].endswith("dng.txt"))
    assert dng["downgrade"] == "CONFIDENTIAL 2029-10-18"


def test_unknown_filter_word_says_what_to_choose(capsys, folder):
    with pytest.raises(SystemExit) as exc:
        main(["check", str(folder), "--status", "due,nodiss"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "nodiss" in err and "referral" in err
