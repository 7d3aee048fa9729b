"""`workbench suggest` on the command line, in a subprocess as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from cables import CONTACTS, MIXED, PROTECT
from cli import run_workbench


def folder(tmp_path: Path) -> Path:
    d = tmp_path / "cables"
    d.mkdir()
    (d / "mixed.txt").write_text(MIXED)
    (d / "contacts.txt").write_text(CONTACTS)
    (d / "protect.txt").write_text(PROTECT)
    (d / "notes.md").write_text("not a cable")
    return d


def test_jsonl_one_object_per_cable_with_offsets(tmp_path: Path) -> None:
    d = folder(tmp_path)
    r = run_workbench("suggest", str(d))
    assert r.returncode == 0, r.stderr
    objs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [Path(o["path"]).name for o in objs] == ["contacts.txt", "mixed.txt", "protect.txt"]
    for o in objs:
        text = Path(o["path"]).read_text()
        assert set(o) == {"path", "id", "suggestions"}
        for s in o["suggestions"]:
            assert {"start", "end", "text", "kind", "codes", "reason", "score"} <= set(s)
            assert text[s["start"] : s["end"]] == s["text"]
    kinds = {s["kind"] for o in objs for s in o["suggestions"]}
    assert kinds == {"person", "contact", "protect-marker"}


def test_kinds_and_table(tmp_path: Path) -> None:
    d = folder(tmp_path)
    r = run_workbench("suggest", str(d / "contacts.txt"), "--kinds", "contact", "--format", "table")
    assert r.returncode == 0, r.stderr
    assert "WhitfieldDX@state.gov" in r.stdout and "(b)(6)" in r.stdout
    assert "Dana Whitfield" not in r.stdout  # a person, not asked for


def test_bad_input_one_sentence_and_the_rest_still_done(tmp_path: Path) -> None:
    d = folder(tmp_path)
    (d / "empty.txt").write_text("")
    r = run_workbench("suggest", str(d), str(tmp_path / "missing.txt"))
    assert r.returncode == 1
    assert len(r.stdout.splitlines()) == 3  # the three good cables
    assert "empty.txt is empty" in r.stderr and "missing.txt does not exist" in r.stderr
    assert "Traceback" not in r.stderr


def test_unknown_kind_or_code_set_or_store(tmp_path: Path) -> None:
    d = folder(tmp_path)
    r = run_workbench("suggest", str(d), "--kinds", "persons")
    assert r.returncode == 2 and "unknown kind 'persons'" in r.stderr
    r = run_workbench("suggest", str(d), "--code-set", "nope")
    assert r.returncode == 2 and "unknown code set 'nope'" in r.stderr
    r = run_workbench("suggest", str(d), "--store", str(tmp_path / "none.sqlite3"))
    assert r.returncode == 2 and "no review store" in r.stderr


def test_code_set_changes_the_codes(tmp_path: Path) -> None:
    d = folder(tmp_path)
    r = run_workbench(
        "suggest", str(d / "protect.txt"), "--kinds", "protect-marker", "--code-set", "nara"
    )
    codes = {tuple(s["codes"]) for s in json.loads(r.stdout)["suggestions"]}
    assert codes == {("25X1", "(b)(6)")}
