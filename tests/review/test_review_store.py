"""The SQLite store: decisions saved at once, undo saved too, audit log, refusals, migrations."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from workbench.cable import Cable, parse_cable
from workbench.review import (
    Action,
    Decision,
    Redaction,
    ReviewError,
    SqliteStore,
    StoreError,
    TextChangedError,
    commands,
)
from workbench.review.store import MIGRATIONS, SCHEMA_VERSION


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "reviews.sqlite3"


def test_each_change_is_saved_and_undo_is_saved(sample: Cable, store_path: Path) -> None:
    p1, p2, p3 = sample.paragraphs[:3]
    with SqliteStore(store_path) as store:
        review = store.load(sample)
        assert review.decisions == {}
        store.apply(review, commands.release(p1), "alice")
        step = commands.withhold(p2, ["(b)(1)", "1.4(d)"])
        store.apply(review, step, "alice")
        span = Redaction(p3.body_start, p3.body_start + 3, ("(b)(6)",))
        store.apply(review, commands.AddSpans(p3, [span]), "bob")
        store.apply(review, commands.SetField("subject", ["(b)(1)"], cable=sample), "bob")
        # A second connection (another process, in effect) sees each change already.
        with SqliteStore(store_path) as other:
            seen = other.load(sample)
        assert seen == review
        store.revert(review, step, "alice")
        assert review.decision(2).action == Action.PENDING
    with SqliteStore(store_path) as store:
        again = store.load(sample)
        assert again == review
        log = store.log(sample.id or "")
    assert [e.what for e in log] == [
        "Paragraph 1: release",
        "Paragraph 2: withhold (b)(1), 1.4(d)",
        "Paragraph 3: redact 1 span",
        "Subject: withhold (b)(1)",
        "Undo: Paragraph 2: withhold (b)(1), 1.4(d)",
    ]
    assert [e.reviewer for e in log] == ["alice", "alice", "bob", "bob", "alice"]
    assert log[1].before == {"regions": {"p2": {"action": "pending"}}}
    assert log[1].after == {
        "regions": {"p2": {"action": "withhold", "codes": ["(b)(1)", "1.4(d)"]}}
    }
    assert log[3].before == {"regions": {"subject": {"action": "pending"}}}
    assert all(e.at.endswith("Z") for e in log)


def test_no_change_writes_nothing(sample: Cable, store_path: Path) -> None:
    with SqliteStore(store_path) as store:
        review = store.load(sample)
        assert store.apply(review, commands.release(sample.paragraphs[0]), "a")
        assert not store.apply(review, commands.release(sample.paragraphs[0]), "a")
        assert len(store.log(review.cable_id)) == 1


def test_failed_change_is_not_saved_and_memory_is_unchanged(
    sample: Cable, store_path: Path
) -> None:
    p2 = sample.paragraphs[1]
    with SqliteStore(store_path) as store:
        review = store.load(sample)
        store.apply(review, commands.withhold(p2, ["(b)(1)"]), "a")
        bad = commands.AddSpans(p2, [Redaction(p2.body_start, p2.body_start + 3, ("(b)(6)",))])
        with pytest.raises(ReviewError):
            store.apply(review, bad, "a")
        assert review.decision(2).action == Action.WITHHOLD
        assert store.load(sample) == review
        assert len(store.log(review.cable_id)) == 1


def test_audit_log_is_append_only(sample: Cable, store_path: Path) -> None:
    with SqliteStore(store_path) as store:
        store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "a")
    db = sqlite3.connect(store_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit SET reviewer = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit")
    db.close()


def test_changed_text_is_refused(sample: Cable, store_path: Path) -> None:
    with SqliteStore(store_path) as store:
        store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "a")
        edited = parse_cable(sample.text.replace("Kim Hye-jin", "Kim Hye-jun"), sample.path)
        assert edited.id == sample.id
        with pytest.raises(TextChangedError, match="has changed since it was reviewed"):
            store.load(edited)
        # Starting over keeps the old decisions in the log and begins afresh on the new text.
        fresh = store.start_over(edited, "a")
        assert fresh.decisions == {}
        assert store.load(edited) == fresh
        with pytest.raises(TextChangedError):
            store.load(sample)
        last = store.log(sample.id or "")[-1]
        assert last.what == "Start the review over"
        assert last.before["regions"] == {"p1": {"action": "release"}}


def test_stale_review_object_cannot_write_over_new_text(sample: Cable, store_path: Path) -> None:
    with SqliteStore(store_path) as store:
        old = store.load(sample)
        edited = parse_cable(sample.text + "\nADDED LINE\n", sample.path)
        store.start_over(edited, "a")
        with pytest.raises(TextChangedError, match="different text"):
            store.apply(old, commands.release(sample.paragraphs[0]), "a")
        assert old.decisions == {}


def test_newer_store_is_refused(sample: Cable, store_path: Path) -> None:
    SqliteStore(store_path).close()
    db = sqlite3.connect(store_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer version of the workbench"):
        SqliteStore(store_path)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("this is not SQLite " * 200)
    with pytest.raises(StoreError, match="is not a review store"):
        SqliteStore(bogus)


def test_migrates_from_version_1(sample: Cable, store_path: Path) -> None:
    db = sqlite3.connect(store_path)
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO reviews VALUES (?, ?, ?, ?, 'then', 'then')",
        (
            sample.id,
            __import__("workbench.review", fromlist=["text_hash"]).text_hash(sample.text),
            len(sample.paragraphs),
            json.dumps([[p.start, p.end] for p in sample.paragraphs]),
        ),
    )
    db.execute(
        "INSERT INTO decisions VALUES (?, 1, 'release', ?)",
        (sample.id, json.dumps({"action": "release"})),
    )
    db.commit()
    db.close()
    with SqliteStore(store_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.load(sample).decision(1).action == Action.RELEASE
        assert store.integrity_check() == "ok"
    db = sqlite3.connect(store_path)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "audit_by_cable" in names
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_reviews_summary(sample: Cable, store_path: Path) -> None:
    with SqliteStore(store_path) as store:
        review = store.load(sample)
        store.apply(review, commands.release(sample.paragraphs[0]), "a")
        store.apply(review, commands.withhold(sample.paragraphs[1], ["(b)(1)"]), "a")
        (summary,) = store.reviews()
        assert (summary.cable_id, summary.decided, summary.total) == (
            sample.id,
            review.decided_count,
            review.region_count,
        )
        assert not summary.complete and review.decided_count > 2  # rules decided some


def _old_store(
    store_path: Path,
    cable: Cable,
    spans: list[list[int]],
    decisions: dict[int, dict],
    fields: dict[str, dict] | None = None,
) -> None:
    """A store as the workbench wrote it before regions (schema 2), with one review."""
    from workbench.review import text_hash
    from workbench.review.sqlite_schema import MIGRATIONS

    db = sqlite3.connect(store_path)
    for step in MIGRATIONS[:2]:
        for statement in step:
            db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO reviews VALUES (?, ?, ?, ?, 'then', 'then')",
        (cable.id, text_hash(cable.text), len(spans), json.dumps(spans)),
    )
    for index, d in decisions.items():
        db.execute(
            "INSERT INTO decisions VALUES (?, ?, ?, ?)",
            (cable.id, index, d["action"], json.dumps(d)),
        )
    for name, f in (fields or {}).items():
        db.execute(
            "INSERT INTO field_redactions VALUES (?, ?, ?)",
            (cable.id, name, json.dumps({"field": name} | f)),
        )
    db.commit()
    db.close()


def _store_old_division(
    store_path: Path, sample: Cable, spans: list[list[int]], decisions: dict[int, dict]
) -> None:
    """Write a review as an older reader, which divided the same text differently, saved it."""
    _old_store(store_path, sample, spans, decisions)


def test_a_store_from_before_regions_is_migrated(sample: Cable, store_path: Path) -> None:
    p3 = sample.paragraphs[2]
    span = {"start": p3.body_start, "end": p3.body_start + 3, "codes": ["(b)(6)"]}
    _old_store(
        store_path,
        sample,
        [[p.start, p.end] for p in sample.paragraphs],
        {
            1: {"action": "release"},
            2: {"action": "withhold", "codes": ["(b)(1)", "1.4(d)"], "comment": "why"},
            3: {"action": "partial", "spans": [span]},
        },
        {"subject": {"codes": ["(b)(1)"]}, "signature": {"codes": ["(b)(6)"], "comment": "c"}},
    )
    with SqliteStore(store_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        (summary,) = store.reviews()
        assert summary.total is None and summary.decided == 5  # header not counted yet
        review = store.load(sample)
        assert review.decision(1).action == Action.RELEASE
        assert review.decision(2) == Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)"), "why")
        assert review.decision(3).spans[0].start == p3.body_start
        assert review.decision("subject") == Decision(Action.WITHHOLD, ("(b)(1)",))
        assert review.decision("signature") == Decision(Action.WITHHOLD, ("(b)(6)",), "c")
        # Before regions, a field nobody withheld was printed; now it waits for a reviewer.
        assert review.decision("from").action == Action.PENDING
        assert review.effective("from").action == Action.PENDING
        assert not review.is_complete
        assert store.log(review.cable_id) == []  # nothing moved, so nothing to log
        assert store.load(sample) == review


def test_decisions_follow_their_paragraphs_when_the_reader_changes(
    sample: Cable, store_path: Path
) -> None:
    # The old reader also took a line before paragraph 1 for a paragraph: indexes shifted by 1.
    spans = [[880, 905]] + [[p.start, p.end] for p in sample.paragraphs]
    p3 = sample.paragraphs[2]
    span = {"start": p3.body_start, "end": p3.body_start + 3, "codes": ["(b)(6)"]}
    _store_old_division(
        store_path,
        sample,
        spans,
        {2: {"action": "release"}, 4: {"action": "partial", "spans": [span]}},
    )
    with SqliteStore(store_path) as store:
        review = store.load(sample)
        assert review.paragraph_count == len(sample.paragraphs)
        assert review.decision(1).action == Action.RELEASE
        assert review.decision(3).spans[0].start == p3.body_start
        assert review.decision(2).action == Action.PENDING
        assert store.log(review.cable_id)[-1].what.startswith("Renumber regions")
        assert store.load(sample) == review  # saved: the second load does not renumber again
        assert len(store.log(review.cable_id)) == 1


def test_decision_that_cannot_follow_is_refused(sample: Cable, store_path: Path) -> None:
    p1, p2 = sample.paragraphs[:2]
    # The old reader read paragraphs 1 and 2 as one, and it was withheld.
    spans = [[p1.start, p2.end]] + [[p.start, p.end] for p in sample.paragraphs[2:]]
    _store_old_division(store_path, sample, spans, {1: {"action": "withhold", "codes": ["(b)(1)"]}})
    with (
        SqliteStore(store_path) as store,
        pytest.raises(TextChangedError, match="divides 07SEOUL219 into regions differently"),
    ):
        store.load(sample)


def test_one_store_shared_by_threads(sample: Cable, store_path: Path) -> None:
    """The GUI saves from its main thread while a worker reads: one store object serves both."""
    import threading

    errors: list[BaseException] = []
    with SqliteStore(store_path) as store:
        review = store.load(sample)

        def write(offset: int) -> None:
            try:
                for i in range(30):
                    p = sample.paragraphs[(i + offset) % len(sample.paragraphs)]
                    store.apply(review, commands.release(p, f"{offset} {i}"), f"t{offset}")
            except BaseException as exc:
                errors.append(exc)

        def read() -> None:
            try:
                for _ in range(30):
                    store.load(sample)
                    store.log(review.cable_id)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(n,)) for n in (0, 1)]
        threads.append(threading.Thread(target=read))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert len(store.log(review.cable_id)) == 60


def test_damaged_store_is_one_sentence(sample: Cable, store_path: Path) -> None:
    with SqliteStore(store_path) as store:
        store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "a")
    db = sqlite3.connect(store_path)
    db.execute("DROP TABLE region_decisions")  # as good as a damaged file for the reader
    db.commit()
    db.close()
    # Refused when opened (issue 12: a store missing part of its schema is damaged), before
    # anything is read or written.
    with pytest.raises(StoreError, match=r"damaged.*decisions"):
        SqliteStore(store_path)
