"""Cases in the review store (issue 15), the same on both stores: each test runs on SQLite and
on a real PostgreSQL server (``make_store`` in conftest.py). Here, beside the store tests, so
both use one throwaway PostgreSQL server; the case rules are tested in tests/case."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.cable import Cable
from workbench.review import ReviewError, commands
from workbench.review.case_records import CaseCable, CaseRecord
from workbench.review.model import review_id, text_hash
from workbench.review.store_api import ReviewStore

MakeStore = Callable[[str], ReviewStore]


def _cable(cid: str, text: str = "x") -> CaseCable:
    return CaseCable(cid, f"/cables/{cid}.txt", text_hash(text))


def test_a_case_with_its_cables_and_its_log(make_store: MakeStore) -> None:
    store = make_store("alice")
    made = store.create_case(
        CaseRecord("F-2026-00001", "Korea 2007", "J. Smith", "2026-01-05", "2026-02-03"),
        "alice",
    )
    assert (made.number, made.created_by) == ("F-2026-00001", "alice")
    assert made.created_at.endswith("Z")
    with pytest.raises(ReviewError, match="already a case F-2026-00001"):
        store.create_case(CaseRecord("F-2026-00001", "again"), "alice")
    added = store.add_case_cables(
        "F-2026-00001", [_cable("07SEOUL219"), _cable("07SEOUL1")], "alice"
    )
    assert added == ["07SEOUL219", "07SEOUL1"]
    # The same cable again (same text) is no change; another text under its ID is refused whole.
    assert store.add_case_cables("F-2026-00001", [_cable("07SEOUL1")], "alice") == []
    with pytest.raises(ReviewError, match="same reference ID with another text"):
        store.add_case_cables("F-2026-00001", [_cable("07X"), _cable("07SEOUL1", "y")], "a")
    other = make_store("bob")
    assert [c.cable_id for c in other.case_cables("F-2026-00001")] == ["07SEOUL1", "07SEOUL219"]
    assert {c.added_by for c in other.case_cables("F-2026-00001")} == {"alice"}
    # A cable may be in several cases.
    other.create_case(CaseRecord("F-2026-00002", "Seoul"), "bob")
    other.add_case_cables("F-2026-00002", [_cable("07SEOUL219")], "bob")
    assert store.cases_of("07SEOUL219") == ["F-2026-00001", "F-2026-00002"]
    assert [c.number for c in store.cases()] == ["F-2026-00001", "F-2026-00002"]
    assert other.remove_case_cables("F-2026-00001", ["07SEOUL1", "nope"], "bob") == ["07SEOUL1"]
    store.update_case("F-2026-00001", {"due": "2026-03-01"}, "alice")
    assert store.case("F-2026-00001").due == "2026-03-01"  # type: ignore[union-attr]
    store.log_case("F-2026-00001", "Conflict accepted", {"comment": "FOIA officer agreed"}, "alice")
    log = make_store("bob").case_log("F-2026-00001")
    assert [(e.reviewer, e.what) for e in log] == [
        ("alice", "Case opened"),
        ("alice", "Added 2 cable(s)"),
        ("bob", "Removed 1 cable(s)"),
        ("alice", "Case details changed"),
        ("alice", "Conflict accepted"),
    ]
    assert log[1].data == {"cables": ["07SEOUL219", "07SEOUL1"]}
    assert log[-1].data == {"comment": "FOIA officer agreed"}
    with pytest.raises(ReviewError, match="no case F-2026-00009"):
        store.add_case_cables("F-2026-00009", [_cable("a")], "alice")


def test_the_case_log_cannot_be_changed(make_store: MakeStore) -> None:
    store = make_store("alice")
    store.create_case(CaseRecord("F-2026-00003", "t"), "alice")
    if make_store.kind == "sqlite":  # type: ignore[attr-defined]
        import sqlite3

        db = sqlite3.connect(make_store.spec("alice"))  # type: ignore[attr-defined]
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM case_log")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE case_log SET what = 'nothing'")
        db.close()
        return
    import psycopg

    with psycopg.connect(make_store.spec("alice"), autocommit=True) as conn:  # type: ignore[attr-defined]
        conn.execute("SET search_path = workbench")
        with pytest.raises(psycopg.Error):
            conn.execute("DELETE FROM case_log")
        with pytest.raises(psycopg.Error):
            conn.execute("UPDATE case_log SET what = 'nothing'")
        # Cables added behind the log's back are refused at commit.
        with pytest.raises(psycopg.Error, match="without an entry in its log"):
            conn.execute(
                "INSERT INTO case_cables (case_number, cable_id, path, cable_hash) "
                "VALUES ('F-2026-00003', 'X', '/x', 'h')"
            )


def test_decisions_of_a_whole_case_at_once(sample: Cable, make_store: MakeStore) -> None:
    store = make_store("alice")
    review = store.load(sample)
    p1, p2 = sample.paragraphs[:2]
    store.apply(review, commands.release(p1), "alice")
    store.apply(review, commands.withhold(p2, ["(b)(1)"]), "alice")
    store.apply(review, commands.set_pending(p1), "alice")
    rows = make_store("bob").case_decisions([review_id(sample), "never-reviewed"])
    assert list(rows) == [review_id(sample)]
    got = rows[review_id(sample)]
    assert got.cable_hash == text_hash(sample.text)
    assert got.regions == review.partition.signature()
    assert got.decisions == {"p2": {"action": "withhold", "codes": ["(b)(1)"]}}
