"""The guide's backup advice, done as the guide says: back up a store in use with SQLite's own
backup, check it, read it with --store; and a mistyped --store is an error, not an empty store."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

from cli import run_workbench
from corpus import SAMPLE

ROOT = Path(__file__).resolve().parents[2]


def _backup(store: Path, backup: Path) -> None:
    if shutil.which("sqlite3"):
        subprocess.run(["sqlite3", str(store), f".backup {backup}"], check=True)
    else:  # the same online backup, through Python's binding of SQLite
        with sqlite3.connect(store) as src, sqlite3.connect(backup) as dst:
            src.backup(dst)


def test_backup_of_a_store_in_use_has_every_decision(tmp_path: Path):
    from workbench.review import open_store

    decisions = tmp_path / "decisions.json"
    decisions.write_text(
        json.dumps(
            {
                "cable": "07SEOUL219",
                "decisions": [
                    {"paragraph": 1, "action": "release"},
                    {"paragraph": 2, "action": "withhold", "codes": ["(b)(1)", "1.4(d)"]},
                ],
            }
        )
    )
    store = tmp_path / "reviews.sqlite3"
    r = run_workbench("review", "import", str(SAMPLE), str(decisions), "--store", str(store))
    assert r.returncode == 0, r.stderr
    # Another process holds the store open (the window, say) while the backup is taken.
    with open_store(store):
        _backup(store, tmp_path / "backup.sqlite3")
    with sqlite3.connect(tmp_path / "backup.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    r = run_workbench("review", "show", str(SAMPLE), "--store", str(tmp_path / "backup.sqlite3"))
    assert r.returncode == 0, r.stderr
    assert "8 of 19 regions decided" in r.stdout
    assert "withhold   (b)(1), 1.4(d)" in r.stdout


def test_mistyped_store_is_an_error_and_creates_nothing(tmp_path: Path):
    typo = tmp_path / "bakcup.sqlite3"
    for action in (["show", str(SAMPLE)], ["log", str(SAMPLE)], ["export", str(SAMPLE)]):
        r = run_workbench("review", *action, "--store", str(typo))
        assert r.returncode == 1, (action, r.stdout)
        assert r.stderr.startswith(f"workbench: there is no review store at {typo}")
    assert not typo.exists()
