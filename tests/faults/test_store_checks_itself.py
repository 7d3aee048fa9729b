"""A damaged store never passes for a good one (issue 12, fourth item): a zeroed or overwritten
page, a dropped audit table or trigger, an unknown schema stop the work with one sentence, and
``workbench store check`` says what is wrong; ``store backup`` copies a store in use."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

from .conftest import Case, refused, wb


def _grow(case: Case) -> None:
    """Enough audit rows that the store has pages past the first few."""
    db = sqlite3.connect(case.store)
    with db:
        for i in range(400):
            db.execute(
                "INSERT INTO audit (at, reviewer, cable_id, what, before, after) "
                "VALUES ('2026-01-01T00:00:00Z', 'x', ?, 'filler', '{}', '{}')",
                (f"FILLER{i:04d}" + "x" * 200,),
            )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _damage_page(store: Path, page: int, data: bytes | None = None) -> None:
    size = 4096
    with open(store, "r+b") as f:
        f.seek(page * size)
        f.write(data if data is not None else bytes(size))


def _commands(case: Case) -> list[list[object]]:
    return [
        ["review", "show", case.cable, "--store", case.store],
        ["review", "import", case.cable, case.decisions, "--store", case.store],
        ["export", case.cable, "--store", case.store, "--out", case.folder / "o.pdf"],
        ["review", "list", "--store", case.store],
    ]


@pytest.mark.parametrize("how", ["zeroed", "random"])
def test_a_damaged_page_stops_the_work(case: Case, how: str) -> None:
    _grow(case)
    pages = os.path.getsize(case.store) // 4096
    assert pages > 6
    rng = random.Random(12)
    data = None if how == "zeroed" else rng.randbytes(4096)
    _damage_page(case.store, pages // 2, data)
    for args in _commands(case):
        refused(wb(*args), str(case.store), "damaged")
    r = wb("store", "check", "--store", case.store)
    refused(r, str(case.store))
    assert "damaged" in r.stdout + r.stderr


@pytest.mark.parametrize(
    "sql, words",
    [
        ("DROP TABLE audit", "audit"),
        ("DROP TRIGGER audit_no_delete", "audit_no_delete"),
        ("DROP TRIGGER audit_no_update", "audit_no_update"),
        (
            "DROP TRIGGER audit_no_delete; CREATE TRIGGER audit_no_delete BEFORE DELETE ON "
            "audit BEGIN SELECT 1; END",
            "audit_no_delete",
        ),
        ("ALTER TABLE region_decisions ADD COLUMN extra TEXT", "region_decisions"),
        ("PRAGMA user_version = 0", "schema"),
    ],
    ids=[
        "audit-dropped",
        "no-delete-dropped",
        "no-update-dropped",
        "trigger-defanged",
        "extra-column",
        "version-0",
    ],
)
def test_a_store_without_its_audit_log_or_schema_stops_the_work(
    case: Case, sql: str, words: str
) -> None:
    db = sqlite3.connect(case.store)
    db.executescript(sql)
    db.close()
    before = case.store.read_bytes()
    for args in _commands(case):
        refused(wb(*args), str(case.store))
    r = wb("store", "check", "--store", case.store)
    refused(r)
    assert words in r.stdout + r.stderr
    assert case.store.read_bytes() == before  # refused before any write


def test_an_sqlite_database_of_another_program_is_not_turned_into_a_store(
    tmp_path: Path, case: Case
) -> None:
    other = tmp_path / "places.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE bookmarks (url TEXT)")
    db.commit()
    db.close()
    before = other.read_bytes()
    refused(
        wb("review", "import", case.cable, case.decisions, "--store", other), "not a review store"
    )
    assert other.read_bytes() == before


def test_a_mistyped_store_is_never_created_by_a_read_command(case: Case) -> None:
    typo = case.folder / "reveiws.sqlite3"
    for args in (
        ["review", "list", "--store", typo],
        ["review", "show", case.cable, "--store", typo],
        ["review", "log", case.cable, "--store", typo],
        ["review", "export", case.cable, "--store", typo],
        ["store", "check", "--store", typo],
        ["store", "backup", case.folder / "b.sqlite3", "--store", typo],
    ):
        refused(wb(*args), str(typo))
        assert not typo.exists()


def test_store_check_on_a_good_store(case: Case) -> None:
    r = wb("store", "check", "--store", case.store)
    assert r.returncode == 0, r.stderr
    assert "no problems" in r.stdout


def test_store_backup_is_a_checked_copy(case: Case) -> None:
    out = case.folder / "backup.sqlite3"
    r = wb("store", "backup", out, "--store", case.store)
    assert r.returncode == 0, r.stderr
    assert wb("store", "check", "--store", out).returncode == 0
    r = wb("review", "show", case.cable, "--store", out)
    assert r.returncode == 0 and "19 of 19" in r.stdout, r.stdout + r.stderr
    # A backup never replaces the store itself, nor a cable.
    refused(wb("store", "backup", case.store, "--store", case.store), "review store")
    refused(wb("store", "backup", case.cable, "--store", case.store), "cannot write")
    assert [p.name for p in case.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_store_backup_replaces_only_an_earlier_backup_of_the_same_store(case: Case) -> None:
    out = case.folder / "backup.sqlite3"
    assert wb("store", "backup", out, "--store", case.store).returncode == 0
    # The same store again, after more work: the earlier backup is replaced (a nightly job).
    other_cable = case.folder / "other.txt"
    other_cable.write_text(case.cable.read_text().replace("SEOUL 000219", "SEOUL 000220"))
    other_decisions = case.folder / "other.json"
    other_decisions.write_text(case.decisions.read_text().replace("07SEOUL219", "07SEOUL220"))
    r = wb("review", "import", other_cable, other_decisions, "--store", case.store)
    assert r.returncode == 0, r.stderr
    r = wb("store", "backup", out, "--store", case.store)
    assert r.returncode == 0 and "2 reviews" in r.stdout, r.stdout + r.stderr
    # Another store's backup is not replaced: it is what someone would restore from.
    elsewhere = case.folder / "elsewhere.sqlite3"
    r = wb("review", "import", case.cable, case.decisions, "--store", elsewhere)
    assert r.returncode == 0, r.stderr
    before = out.read_bytes()
    r = wb("store", "backup", out, "--store", elsewhere)
    refused(r, str(out), "backup of another review store")
    assert out.read_bytes() == before
    # Nor a store that holds only a case (its audit log empty, its case log not).
    cases = case.folder / "cases.sqlite3"
    r = wb("case", "new", "--number", "F-2026-00001", "--title", "t", "--store", cases)
    assert r.returncode == 0, r.stderr
    before = cases.read_bytes()
    refused(wb("store", "backup", cases, "--store", case.store), "backup of another review store")
    assert cases.read_bytes() == before


def test_store_backup_to_a_full_disk_names_the_backup_not_the_store(
    tmp_path: Path, case: Case
) -> None:
    from .conftest import fill, small_disk

    disk = tmp_path / "disk"
    with small_disk(disk, "64k"):
        fill(disk)
        r = wb("store", "backup", disk / "b.sqlite3", "--store", case.store)
        refused(r, str(disk / "b.sqlite3"), "disk is full")
        assert "cannot be used" not in r.stderr  # the store is fine; the backup's disk is not
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_a_damaged_page_is_told_in_words_not_escapes(case: Case) -> None:
    """SQLite's report of a damaged page spans lines; the sentence keeps it on one."""
    _grow(case)
    _damage_page(case.store, 2)
    r = wb("review", "list", "--store", case.store)
    refused(r, "damaged", "page")
    assert "\\x0a" not in r.stderr and "***" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_backup_takes_src_out_as_store_copy_does(case: Case) -> None:
    # newcomer 3, finding 18: `store backup SRC OUT` (the order of `store copy SRC DST`) was an
    # argparse error; OUT alone with --store still works.
    out = case.folder / "bk.sqlite3"
    r = wb("store", "backup", case.store, out)
    assert r.returncode == 0, r.stderr
    assert out.exists() and f"to {out}" in r.stdout
    r = wb("store", "backup", case.store, case.folder / "bk2.sqlite3", "--store", case.store)
    refused(r, "give the store once")
    assert not (case.folder / "bk2.sqlite3").exists()
