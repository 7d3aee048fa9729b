"""``workbench review``: import, export, show, log, find, codes; as a user types them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cli import main
from workbench.review import SqliteStore

DECISIONS = {
    "cable": "07SEOUL219",
    "decisions": [
        {"paragraph": 2, "action": "withhold", "codes": ["(b)(1)", "1.4(d)"]},
        {"paragraph": 1, "action": "release"},
        {
            "paragraph": 3,
            "action": "partial",
            "spans": [{"match": "Kim", "codes": ["(b)(6)"]}, {"match": "Norway", "codes": ["B1"]}],
        },
    ],
    "fields": [{"field": "subject", "codes": ["(b)(1)", "1.4(d)"]}],
}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "decisions.json"
    d.write_text(json.dumps(DECISIONS), encoding="utf-8")
    return {"decisions": d, "store": tmp_path / "store.sqlite3", "dir": tmp_path}


def review(*args: str) -> int:
    return main(["review", *args])


def test_import_export_round_trip(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(files["store"])
    assert (
        review(
            "import", str(SAMPLE), str(files["decisions"]), "--store", store, "--reviewer", "alice"
        )
        == 0
    )
    assert "imported" in capsys.readouterr().out
    assert review("export", str(SAMPLE), "--store", store) == 0
    first = capsys.readouterr().out
    exported = json.loads(first)
    assert [d.get("paragraph", d.get("region")) for d in exported["decisions"]] == [
        "subject",
        1,
        2,
        3,
    ]
    assert exported["decisions"][0] == {
        "region": "subject",
        "action": "withhold",
        "codes": ["(b)(1)", "1.4(d)"],
    }
    # Import the export into a fresh store, export again: the same file.
    out = files["dir"] / "exported.json"
    out.write_text(first, encoding="utf-8")
    store2 = str(files["dir"] / "other.sqlite3")
    assert review("import", str(SAMPLE), str(out), "--store", store2) == 0
    target = files["dir"] / "again.json"
    assert review("export", str(SAMPLE), "--store", store2, "--out", str(target)) == 0
    assert target.read_text(encoding="utf-8") == first
    # Importing the same decisions again changes nothing and says so.
    capsys.readouterr()
    assert review("import", str(SAMPLE), str(out), "--store", store2) == 0
    assert "already holds these decisions" in capsys.readouterr().out


def test_invalid_file_is_refused_whole_and_store_unchanged(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(files["store"])
    assert review("import", str(SAMPLE), str(files["decisions"]), "--store", store) == 0
    with SqliteStore(store) as s:
        before = s.log("07SEOUL219")
    bad = json.loads(json.dumps(DECISIONS))
    bad["decisions"][0]["codes"] = ["(b)(6)"]  # a valid change first...
    bad["decisions"].append({"paragraph": 9, "action": "release"})  # ...then a bad entry
    path = files["dir"] / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    capsys.readouterr()
    assert review("import", str(SAMPLE), str(path), "--store", store) == 1
    err = capsys.readouterr().err
    assert err.startswith("workbench: ")
    assert "bad.json: decisions[3]: paragraph 9 does not exist in 07SEOUL219" in err
    assert "Traceback" not in err
    with SqliteStore(store) as s:
        assert s.log("07SEOUL219") == before


def test_show_and_log(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    store = str(files["store"])
    review("import", str(SAMPLE), str(files["decisions"]), "--store", store, "--reviewer", "alice")
    capsys.readouterr()
    assert review("show", str(SAMPLE), "--store", store) == 0
    out = capsys.readouterr().out
    assert "10 of 19 regions decided (53%); pending: From (FM line), To, Info" in out
    assert "withhold   (b)(1), 1.4(d)" in out and "'Norway' (b)(1)" in out
    assert re.search(r"Subject +withhold   \(b\)\(1\), 1.4\(d\)", out)
    assert re.search(r"Routing lines 1 \[routing:1\] +release  \(rule: routing\)", out)
    assert review("log", str(SAMPLE), "--store", store) == 0
    out = capsys.readouterr().out
    assert "alice  Import decisions.json" in out
    assert "paragraph 2: pending -> withhold (b)(1), 1.4(d)" in out
    assert "Subject: pending -> withhold (b)(1), 1.4(d)" in out
    assert review("log", "07SEOUL219", "--store", store, "--json") == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["reviewer"] == "alice"


def test_changed_cable_is_refused_then_started_over(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(files["store"])
    review("import", str(SAMPLE), str(files["decisions"]), "--store", store)
    edited = files["dir"] / "07SEOUL219.txt"
    edited.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("Norway", "Sweden"), encoding="utf-8"
    )
    capsys.readouterr()
    assert review("show", str(edited), "--store", store) == 1
    err = capsys.readouterr().err
    assert "has changed since it was reviewed" in err
    assert "--start-over" in err and "Start Review Over" in err  # the way out, named
    d = json.loads(json.dumps(DECISIONS))
    d["decisions"][2]["spans"] = [{"match": "Sweden", "codes": ["(b)(6)"]}]
    path = files["dir"] / "new.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    assert review("import", str(edited), str(path), "--store", store) == 1
    assert review("import", str(edited), str(path), "--store", store, "--start-over") == 0
    capsys.readouterr()
    assert review("log", "07SEOUL219", "--store", store) == 0
    assert "Start the review over" in capsys.readouterr().out


def test_find_across_cables_and_apply(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(files["store"])
    other = files["dir"] / "copy" / "07SEOUL219.txt"
    other.parent.mkdir()
    shutil.copy(SAMPLE, other)
    assert review("find", "kim", str(SAMPLE), "--store", store) == 0
    out = capsys.readouterr().out
    assert out.count("[Kim]") == 8
    SqliteStore(store).close()  # an existing store is read, but without --apply not written
    assert review("find", "kim", str(SAMPLE), "--store", store) == 0
    with SqliteStore(store) as s:
        assert s.log("07SEOUL219") == []
    assert review("find", "Kim", str(SAMPLE), "--apply", "--store", store) == 2
    assert "--apply needs --codes" in capsys.readouterr().err
    assert (
        review(
            "find",
            "oslo",
            str(SAMPLE),
            "--codes",
            "(b)(6)",
            "--apply",
            "--store",
            store,
            "--reviewer",
            "bob",
        )
        == 0
    )
    out = capsys.readouterr().out
    # Every region is searched: the INFO line's AMEMBASSY OSLO too, not only the paragraphs.
    assert "redacted 5 places (saved)" in out and "\tinfo\t" in out
    # The same cable again: every match is already withheld, nothing is written.
    assert review("find", "oslo", str(other), "--codes", "(b)(6)", "--apply", "--store", store) == 0
    out = capsys.readouterr().out
    assert out.count("(already withheld)") == 5 and "saved" not in out
    with SqliteStore(store) as s:
        (entry,) = s.log("07SEOUL219")
    assert entry.reviewer == "bob" and entry.what == "Find and redact 'oslo'"
    assert review("find", "(unclosed", str(SAMPLE), "--regex") == 1
    assert "not a valid regular expression" in capsys.readouterr().err
    assert review("find", "x", str(SAMPLE), "--codes", "(b)(10)") == 1
    assert "unknown exemption code '(b)(10)'" in capsys.readouterr().err


def test_bad_inputs_are_one_sentence(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = files["dir"] / "nope.txt"
    assert review("show", str(missing), "--store", str(files["store"])) == 1
    err = capsys.readouterr().err
    assert "nope.txt" in err and "Traceback" not in err and len(err.splitlines()) == 1
    notdb = files["dir"] / "not.sqlite3"
    notdb.write_text("hello " * 100)
    assert review("show", str(SAMPLE), "--store", str(notdb)) == 1
    assert "is not a review store" in capsys.readouterr().err


def test_codes_list_and_add(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert review("codes") == 0
    out = capsys.readouterr().out
    for code in ("(b)(7)(F)", "1.4(h)", "25X9", "50X1-HUM", "50X2-WMD"):
        assert code in out
    csv_file = files["dir"] / "team.csv"
    csv_file.write_text(
        "code,label,description\nPA(k)(5),Privacy Act,Investigatory material\nNR,Non-responsive,\n"
    )
    assert review("codes", "--add", str(csv_file)) == 0
    assert "added the code set 'team' (2 codes)" in capsys.readouterr().out
    # The team's codes are now accepted by import.
    d = {
        "cable": "07SEOUL219",
        "decisions": [{"paragraph": 4, "action": "withhold", "codes": ["nr"]}],
    }
    path = files["dir"] / "d.json"
    path.write_text(json.dumps(d))
    assert review("import", str(SAMPLE), str(path), "--store", str(files["store"])) == 0


def test_import_merge_keeps_other_decisions(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(files["store"])
    assert review("import", str(SAMPLE), str(files["decisions"]), "--store", store) == 0
    only4 = {"cable": "07SEOUL219", "decisions": [{"paragraph": 4, "action": "release"}]}
    path = files["dir"] / "p4.json"
    path.write_text(json.dumps(only4))
    assert review("import", str(SAMPLE), str(path), "--store", store, "--merge") == 0
    assert "11 of 19 regions decided" in capsys.readouterr().out
    assert review("import", str(SAMPLE), str(path), "--store", store) == 0
    said = capsys.readouterr().out
    assert "7 of 19 regions decided" in said  # p4 and the rules' regions
    # What the import undid is said, by name, with the way to keep it (newcomer 6, finding 12).
    assert (
        "4 decided region(s) the file does not mention are pending again (Subject, "
        "paragraph 1, paragraph 2, paragraph 3): import with --merge to keep them"
    ) in said
    assert review("show", str(SAMPLE), "--store", store) == 0
    assert re.search(r"Subject +PENDING", capsys.readouterr().out)


def test_list(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    store = str(files["store"])
    # A --store that does not exist is a mistyped path: refused, never created (issue 12).
    assert review("list", "--store", store) == 1
    assert "there is no review store" in capsys.readouterr().err
    assert not files["store"].exists()
    review("import", str(SAMPLE), str(files["decisions"]), "--store", store)
    capsys.readouterr()
    assert review("list", "--store", store) == 0
    assert capsys.readouterr().out.startswith("07SEOUL219\t10 of 19 regions decided\tin progress")


def test_the_guide_s_first_example_can_be_exported(tmp_path: Path) -> None:
    """The decisions file of the guide's "Recording decisions from the command line", as
    printed, decides every region, so its "Exporting" command works (newcomer 6, finding 18)."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "guide.md").read_text()
    section = guide[guide.index("### Recording decisions from the command line") :]
    example = section.split("```json\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "decisions.json"
    path.write_text(example, encoding="utf-8")
    store = str(tmp_path / "p.sqlite3")
    assert review("import", str(SAMPLE), str(path), "--store", store) == 0
    out = tmp_path / "07SEOUL219.pdf"
    args = ["--case-number", "F-2026-00417", "--reviewer", "J. Smith", "--store", store]
    assert main(["export", str(SAMPLE), "--out", str(out), *args]) == 0
