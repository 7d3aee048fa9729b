"""The review store's behaviour, the same on both stores: each test runs on SQLite and on a
real PostgreSQL server (``make_store`` in conftest.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from workbench.cable import Cable, parse_cable
from workbench.review import (
    Action,
    ConflictError,
    QcState,
    Redaction,
    ReviewError,
    TextChangedError,
    commands,
)
from workbench.review.store_api import ReviewStore

MakeStore = Callable[[str], ReviewStore]


def test_each_change_is_saved_and_undo_is_saved(sample: Cable, make_store: MakeStore) -> None:
    p1, p2, p3 = sample.paragraphs[:3]
    store = make_store("alice")
    review = store.load(sample)
    assert review.decisions == {}
    store.apply(review, commands.release(p1), "alice")
    step = commands.withhold(p2, ["(b)(1)", "1.4(d)"])
    store.apply(review, step, "alice")
    span = Redaction(p3.body_start, p3.body_start + 3, ("(b)(6)",))
    store.apply(review, commands.AddSpans(p3, [span]), "alice")
    store.apply(review, commands.SetField("subject", ["(b)(1)"], cable=sample), "alice")
    # A second connection (another reviewer's program, in effect) sees each change already.
    assert make_store("bob").load(sample) == review
    store.revert(review, step, "alice")
    assert review.decision(2).action == Action.PENDING
    again = make_store("bob")
    assert again.load(sample) == review
    log = again.log(sample.id or "")
    assert [e.what for e in log] == [
        "Paragraph 1: release",
        "Paragraph 2: withhold (b)(1), 1.4(d)",
        "Paragraph 3: redact 1 span",
        "Subject: withhold (b)(1)",
        "Undo: Paragraph 2: withhold (b)(1), 1.4(d)",
    ]
    assert {e.reviewer for e in log} == {"alice"}
    assert log[1].before == {"regions": {"p2": {"action": "pending"}}}
    assert log[1].after == {
        "regions": {"p2": {"action": "withhold", "codes": ["(b)(1)", "1.4(d)"]}}
    }
    assert log[3].before == {"regions": {"subject": {"action": "pending"}}}
    assert all(e.at.endswith("Z") and e.at[10] == "T" for e in log)
    (summary,) = again.reviews()
    assert (summary.cable_id, summary.decided) == (sample.id, review.decided_count)


def test_no_change_writes_nothing(sample: Cable, make_store: MakeStore) -> None:
    store = make_store("alice")
    review = store.load(sample)
    assert store.apply(review, commands.release(sample.paragraphs[0]), "alice")
    assert not store.apply(review, commands.release(sample.paragraphs[0]), "alice")
    assert len(store.log(review.cable_id)) == 1


def test_failed_change_is_not_saved(sample: Cable, make_store: MakeStore) -> None:
    p2 = sample.paragraphs[1]
    store = make_store("alice")
    review = store.load(sample)
    store.apply(review, commands.withhold(p2, ["(b)(1)"]), "alice")
    bad = commands.AddSpans(p2, [Redaction(p2.body_start, p2.body_start + 3, ("(b)(6)",))])
    with pytest.raises(ReviewError):
        store.apply(review, bad, "alice")
    assert review.decision(2).action == Action.WITHHOLD
    assert make_store("bob").load(sample) == review
    assert len(store.log(review.cable_id)) == 1


def test_changed_text_is_refused_and_start_over_keeps_the_log(
    sample: Cable, make_store: MakeStore
) -> None:
    store = make_store("alice")
    store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "alice")
    edited = parse_cable(sample.text.replace("Kim Hye-jin", "Kim Hye-jun"), sample.path)
    with pytest.raises(TextChangedError, match="has changed since it was reviewed"):
        store.load(edited)
    old = make_store("bob").load(sample)
    fresh = store.start_over(edited, "alice")
    assert fresh.decisions == {}
    assert store.load(edited) == fresh
    with pytest.raises(TextChangedError):
        store.load(sample)
    last = store.log(sample.id or "")[-1]
    assert last.what == "Start the review over"
    assert last.before["regions"] == {"p1": {"action": "release"}}
    # A review object of the old text cannot write over the new one.
    with pytest.raises(TextChangedError, match="different text"):
        make_store("bob").apply(old, commands.release(sample.paragraphs[1]), "bob")


def test_second_reviewer_of_one_paragraph_is_told_who_and_nothing_is_overwritten(
    sample: Cable, make_store: MakeStore
) -> None:
    p1, p2 = sample.paragraphs[:2]
    alice, bob = make_store("alice"), make_store("bob")
    mine, theirs = alice.load(sample), bob.load(sample)
    alice.apply(mine, commands.withhold(p1, ["(b)(6)"], "names a source"), "alice")
    with pytest.raises(ConflictError) as caught:
        bob.apply(theirs, commands.release(p1), "bob")
    message = str(caught.value)
    assert message.startswith("alice changed paragraph 1 of 07SEOUL219 at ")
    assert "UTC on 20" in message and "was not saved" in message
    assert theirs.decision(1).action == Action.PENDING  # memory agrees with what was saved
    # Another paragraph is no conflict, and the reloaded review can decide the first.
    assert bob.apply(theirs, commands.release(p2), "bob")
    theirs = bob.load(sample)
    assert theirs.decision(1).action == Action.WITHHOLD
    assert bob.apply(theirs, commands.release(p1), "bob")
    saved = make_store("alice").load(sample)
    assert saved.decision(1).action == Action.RELEASE
    assert saved.decision(2).action == Action.RELEASE
    log = alice.log(sample.id or "")
    assert [(e.reviewer, e.what) for e in log] == [
        ("alice", "Paragraph 1: withhold (b)(6)"),
        ("bob", "Paragraph 2: release"),
        ("bob", "Paragraph 1: release"),
    ]
    author = alice.authors(sample.id or "")["p1"]
    assert (author.reviewer, author.version) == ("bob", 2)
    # Alice's own next change to ¶1 now conflicts with Bob's, and says so.
    with pytest.raises(ConflictError, match=r"^bob changed paragraph 1"):
        alice.apply(mine, commands.release(p1, "mine"), "alice")


def test_field_conflicts_too(sample: Cable, make_store: MakeStore) -> None:
    alice, bob = make_store("alice"), make_store("bob")
    mine, theirs = alice.load(sample), bob.load(sample)
    alice.apply(mine, commands.SetField("subject", ["(b)(1)"], cable=sample), "alice")
    with pytest.raises(ConflictError, match="alice changed Subject of 07SEOUL219"):
        bob.apply(theirs, commands.SetField("subject", ["(b)(6)"], cable=sample), "bob")
    assert "subject" not in theirs.fields


def _decide_all(store: ReviewStore, sample: Cable, who: str) -> None:
    review = store.load(sample)
    store.apply(review, commands.release_all(review, [r.key for r in review.pending()]), who)


def test_second_review_workflow(sample: Cable, make_store: MakeStore) -> None:
    cid = sample.id or ""
    alice, quinn = make_store("alice"), make_store("quinn")
    review = alice.load(sample)
    alice.apply(review, commands.release(sample.paragraphs[0]), "alice")
    assert alice.qc_history(cid) == []
    with pytest.raises(ReviewError, match="undecided regions"):
        alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    _decide_all(alice, sample, "alice")
    done = alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    assert (done.state, done.reviewer) == (QcState.FIRST_PASS_DONE, "alice")
    with pytest.raises(ReviewError, match="already first-pass-done"):
        alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    # Nobody approves their own work.
    own = make_store("quinn") if make_store.kind == "sqlite" else alice  # type: ignore[attr-defined]
    with pytest.raises(ReviewError, match=r"own work|QC reviewer"):
        own.qc_step(cid, QcState.APPROVED, "", "alice")
    with pytest.raises(ReviewError, match="needs a note"):
        quinn.qc_step(cid, QcState.RETURNED, "  ", "quinn")
    back = quinn.qc_step(cid, QcState.RETURNED, "¶2 names a source: withhold (b)(6)", "quinn")
    assert (back.state, back.reviewer) == (QcState.RETURNED, "quinn")
    review = alice.load(sample)
    alice.apply(review, commands.withhold(sample.paragraphs[1], ["(b)(6)"]), "alice")
    alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    # The QC reviewer's correction during the second review is theirs, and does not stop them
    # approving the first pass's work.
    checked = quinn.load(sample)
    quinn.apply(checked, commands.withhold(sample.paragraphs[2], ["(b)(1)"]), "quinn")
    assert quinn.authors(cid)["p3"].qc_pass
    ok = quinn.qc_step(cid, QcState.APPROVED, "", "quinn")
    assert (ok.state, ok.reviewer) == (QcState.APPROVED, "quinn")
    # A change after approval sends the cable back to review.
    review = alice.load(sample)
    alice.apply(review, commands.release(sample.paragraphs[2]), "alice")
    history = alice.qc_history(cid)
    assert [e.state for e in history] == [
        QcState.FIRST_PASS_DONE,
        QcState.RETURNED,
        QcState.FIRST_PASS_DONE,
        QcState.APPROVED,
        QcState.REVIEW,
    ]
    assert history[-1].note == "a decision changed after QC approval"
    with pytest.raises(ReviewError, match="goes back to review only"):
        alice.qc_step(cid, QcState.REVIEW, "", "alice")


def test_policy_makes_release_export_wait_for_qc(sample: Cable, make_store: MakeStore) -> None:
    from workbench.export.errors import ExportError
    from workbench.export.source import ReviewSource

    cid = sample.id or ""
    alice, quinn = make_store("alice"), make_store("quinn")
    _decide_all(alice, sample, "alice")
    source = ReviewSource(None, make_store.spec("alice"))  # type: ignore[attr-defined]
    assert source.load(sample, release=True).is_complete  # no policy: released as decided
    admin = make_store("carol")
    assert not admin.requires_qc()
    admin.set_requires_qc(True, "carol")
    assert alice.requires_qc()
    with pytest.raises(ExportError, match="07SEOUL219 is in first review, and the release policy"):
        source.load(sample, release=True)
    assert source.load(sample).is_complete  # the review copy is not a release
    alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    with pytest.raises(ExportError, match="waiting for QC"):
        source.load(sample, release=True)
    quinn.qc_step(cid, QcState.APPROVED, "", "quinn")
    assert source.load(sample, release=True).is_complete


def test_one_store_shared_by_threads(sample: Cable, make_store: MakeStore) -> None:
    """The window saves from one thread while a worker reads: one store object serves both."""
    errors: list[BaseException] = []
    store = make_store("alice")
    review = store.load(sample)

    def write(offset: int) -> None:
        try:
            for i in range(20):
                p = sample.paragraphs[(2 * i + offset) % len(sample.paragraphs)]
                store.apply(review, commands.release(p, f"{offset} {i}"), "alice")
        except BaseException as exc:
            errors.append(exc)

    def read() -> None:
        try:
            for _ in range(20):
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
    assert len(store.log(review.cable_id)) == 40


def test_changes_since_lists_what_others_changed(sample: Cable, make_store: MakeStore) -> None:
    alice, bob = make_store("alice"), make_store("bob")
    cursor, changed = bob.changes_since(0)
    assert (cursor, changed) == (0, [])
    alice.apply(alice.load(sample), commands.release(sample.paragraphs[0]), "alice")
    cursor, changed = bob.changes_since(cursor)
    assert changed == [sample.id] and cursor > 0
    assert bob.changes_since(cursor) == (cursor, [])


def test_a_watcher_hears_of_others_changes(sample: Cable, make_store: MakeStore) -> None:
    from workbench.review.watch import ChangeWatcher

    alice = make_store("alice")
    alice.apply(alice.load(sample), commands.release(sample.paragraphs[0]), "alice")
    watcher = ChangeWatcher(make_store.spec("bob"))  # type: ignore[attr-defined]
    try:
        assert watcher.wait(0.2) == []
        alice.apply(alice.load(sample), commands.release(sample.paragraphs[1]), "alice")
        started = time.monotonic()
        assert watcher.wait(5.0) == [sample.id]
        assert time.monotonic() - started < 2.5
        assert watcher.wait(0.1) == []
    finally:
        watcher.close()


def test_a_copy_of_the_review_saved_through_another_connection_is_no_conflict(
    sample: Cable, make_store: MakeStore
) -> None:
    """The window reads on one connection and saves a copy of its review on a worker's own
    connection: the versions travel with the review, so only others' changes conflict."""
    import copy

    reader, worker = make_store("alice"), make_store("alice")
    reader.apply(reader.load(sample), commands.release(sample.paragraphs[0]), "alice")
    mirror = copy.deepcopy(reader.load(sample))
    assert worker.apply(mirror, commands.withhold(sample.paragraphs[0], ["(b)(1)"]), "alice")
    assert worker.apply(mirror, commands.release(sample.paragraphs[0], "again"), "alice")
    stale = reader.load(sample)
    make_store("bob").apply(
        make_store("bob").load(sample), commands.set_pending(sample.paragraphs[0]), "bob"
    )
    with pytest.raises(ConflictError, match=r"^bob changed paragraph 1"):
        worker.apply(copy.deepcopy(stale), commands.release(sample.paragraphs[0]), "alice")


def test_a_rule_switched_after_approval_sends_the_cable_back(
    sample: Cable, make_store: MakeStore
) -> None:
    """A rule is a decision: `recurrences` off prints a withheld name's repeats (newcomer 5,
    finding 9), so switching it after QC approval reopens the cable, on either store."""
    cid = sample.id or ""
    alice, quinn = make_store("alice"), make_store("quinn")
    _decide_all(alice, sample, "alice")
    alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    quinn.qc_step(cid, QcState.APPROVED, "", "quinn")
    review = alice.load(sample)
    alice.apply(review, commands.set_rule("recurrences", False), "alice")
    assert alice.qc_history(cid)[-1].state == QcState.REVIEW
    assert "recurrences" in alice.load(sample).rules_off
