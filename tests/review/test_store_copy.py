"""`workbench store copy`: SQLite into PostgreSQL and back, audit log and QC history whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PgDatabase

from workbench.cable import Cable
from workbench.review import QcState, Redaction, ReviewError, SqliteStore, StoreError, commands
from workbench.review.case_records import CaseCable, CaseRecord
from workbench.review.model import text_hash
from workbench.review.pg_store import PgStore
from workbench.review.store_copy import copy_store


def filled_sqlite(path: Path, sample: Cable) -> None:
    with SqliteStore(path) as store:
        review = store.load(sample)
        p3 = sample.paragraphs[2]
        everything = [r.key for r in review.pending()]
        store.apply(review, commands.release_all(review, everything, "Release all"), "alice")
        store.apply(review, commands.withhold(sample.paragraphs[1], ["(b)(6)"], "a name"), "alice")
        span = Redaction(p3.body_start, p3.body_start + 4, ("(b)(1)",), "source")
        store.apply(review, commands.partial(p3, [span]), "bob")
        store.apply(review, commands.SetField("subject", ["(b)(1)"], cable=sample), "bob")
        store.qc_step(review.cable_id, QcState.FIRST_PASS_DONE, "", "alice")
        store.qc_step(review.cable_id, QcState.RETURNED, "¶4 too", "quinn")
        store.set_requires_qc(True, "carol")
        # A case (issue 15): its record, its cables and its log travel with the store.
        store.create_case(CaseRecord("F-2026-00001", "Cluster munitions", "J. Doe"), "dora")
        cable = CaseCable(review.cable_id, "/requests/07SEOUL219.txt", text_hash(sample.text))
        store.add_case_cables("F-2026-00001", [cable], "dora")
        store.log_case("F-2026-00001", "Conflict accepted", {"comment": "stands"}, "quinn")


def test_sqlite_to_postgresql_and_back(sample: Cable, pg_db: PgDatabase, tmp_path: Path) -> None:
    src = tmp_path / "office.sqlite3"
    filled_sqlite(src, sample)
    line = copy_store(str(src), pg_db.url("carol"))
    assert line.startswith("copied 1 review, ")  # one review, not "1 reviews"
    assert line.endswith("; the copy matches")
    with SqliteStore(src) as before, PgStore(pg_db.url("alice")) as after:
        assert after.load(sample) == before.load(sample)
        old, new = before.log(sample.id or ""), after.log(sample.id or "")
        assert [(e.at, e.what, e.before, e.after) for e in new] == [
            (e.at, e.what, e.before, e.after) for e in old
        ]
        assert [e.reviewer for e in new] == [f"{e.reviewer} (imported by carol)" for e in old]
        assert [(e.state, e.reviewer, e.note) for e in after.qc_history(sample.id or "")] == [
            (e.state, e.reviewer, e.note) for e in before.qc_history(sample.id or "")
        ]
        assert after.requires_qc()
        assert after.authors(sample.id or "")["p3"].reviewer == "bob"
        assert after.cases() == before.cases() and after.cases()[0].created_by == "dora"
        assert after.case_cables("F-2026-00001") == before.case_cables("F-2026-00001")
        assert [(e.at, e.reviewer, e.what, e.data) for e in after.case_log("F-2026-00001")] == [
            (e.at, f"{e.reviewer} (imported by carol)", e.what, e.data)
            for e in before.case_log("F-2026-00001")
        ]
        # The copy is a working team store: Alice goes on where the SQLite store left off.
        review = after.load(sample)
        after.apply(review, commands.withhold(sample.paragraphs[3], ["(b)(6)"]), "")
        assert after.log(sample.id or "")[-1].reviewer == "alice"
    back = tmp_path / "back.sqlite3"
    copy_store(pg_db.url("carol"), str(back))
    with SqliteStore(back) as copy, PgStore(pg_db.url("alice")) as team:
        assert copy.load(sample) == team.load(sample)
        assert len(copy.log(sample.id or "")) == len(team.log(sample.id or ""))
        assert copy.qc_history(sample.id or "")[-1].state == QcState.RETURNED
        assert copy.case_cables("F-2026-00001") == team.case_cables("F-2026-00001")
        assert len(copy.case_log("F-2026-00001")) == 3


def test_copy_refuses_a_store_that_holds_reviews(sample: Cable, tmp_path: Path) -> None:
    src, dst = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    filled_sqlite(src, sample)
    filled_sqlite(dst, sample)
    with pytest.raises(StoreError, match="already holds reviews: copy into a new store"):
        copy_store(str(src), str(dst))


def test_only_a_case_administrator_imports(
    sample: Cable, pg_db: PgDatabase, tmp_path: Path
) -> None:
    src = tmp_path / "office.sqlite3"
    filled_sqlite(src, sample)
    with pytest.raises(ReviewError, match="only a case administrator"):
        copy_store(str(src), pg_db.url("alice"))
    with PgStore(pg_db.url("carol")) as store:
        assert store.reviews() == []  # nothing half-copied


def test_a_failed_copy_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="there is no review store"):
        copy_store(str(tmp_path / "missing.sqlite3"), str(tmp_path / "new.sqlite3"))
    assert not (tmp_path / "new.sqlite3").exists()
