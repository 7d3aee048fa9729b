"""Decisions survive SIGKILL, and two processes writing to one store at once lose nothing.

Real processes against a real SQLite file: ``writer.py`` prints each decision only after the
store has committed it, so whatever it printed must be in the store afterwards.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import corpus
import pytest

from workbench.cable import read_cable
from workbench.review import SqliteStore

WRITER = Path(__file__).with_name("writer.py")


def cable_files(n: int) -> list[str]:
    """The sample plus up to ``n`` real cables from the corpus with a few paragraphs each."""
    files = [str(corpus.SAMPLE)]
    if corpus.available():
        for truth in corpus.index():
            if truth.lineage != "original" or len(files) > n:
                continue
            cable = read_cable(truth.path)
            if cable.id and len(cable.paragraphs) >= 3:
                files.append(str(truth.path))
    return files


def start_writer(store: Path, name: str, count: int, parity: str, go: Path, cables: list[str]):  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(store), name, str(count), parity, str(go), *cables],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def notes_in_log(store: SqliteStore, cable_ids: set[str]) -> dict[tuple[str, int], list[str]]:
    """For each (cable, paragraph index), the notes of the decisions logged, in order."""
    out: dict[tuple[str, int], list[str]] = defaultdict(list)
    for cid in cable_ids:
        for entry in store.log(cid):
            for key, after in entry.after.get("regions", {}).items():
                if key[:1] == "p" and key[1:].isdigit():
                    out[(cid, int(key[1:]))].append(after.get("comment", ""))
    return out


def parse_saved(lines: list[str]) -> list[tuple[str, int, str]]:
    """(cable, paragraph index, note) of each line ``saved CABLE INDEX NAME I at TIME``."""
    saved = []
    for line in lines:
        if not line.endswith("\n") or not line.startswith("saved "):
            continue  # cut short by the kill: never reported as saved
        _, cid, index, name, i, _at, _when = line.split()
        saved.append((cid, int(index), f"{name} {i}"))
    return saved


def times(lines: list[str]) -> tuple[float, float]:
    """When a writer began writing, and when it reported its last decision saved."""
    start = next(float(line.split()[1]) for line in lines if line.startswith("start "))
    last = max(float(line.split()[-1]) for line in lines if line.startswith("saved "))
    return start, last


@pytest.mark.slow
def test_sigkill_mid_stream_loses_nothing_reported_saved(tmp_path: Path) -> None:
    cables = cable_files(6)
    store_path = tmp_path / "reviews.sqlite3"
    go = tmp_path / "go"
    go.touch()
    all_saved: list[tuple[str, int, str]] = []
    for run, kill_after in enumerate((40, 97, 151)):
        proc = start_writer(store_path, f"run{run}", 1_000_000, "all", go, cables)
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if sum(1 for x in lines if x.startswith("saved ")) >= kill_after:
                break
        proc.send_signal(signal.SIGKILL)
        lines.extend(proc.stdout.read().splitlines(keepends=True))
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        saved = parse_saved(lines)
        assert len(saved) >= kill_after
        all_saved.extend(saved)

        # The store opens cleanly after the kill and holds every decision reported as saved.
        with SqliteStore(store_path) as store:
            assert store.integrity_check() == "ok"
            ids = {cid for cid, _, _ in all_saved}
            logged = notes_in_log(store, ids)
            for cid, index, note in all_saved:
                assert note in logged[(cid, index)], f"{note} on {cid} #{index} was lost"
            # And the current state of each paragraph is its last logged decision, which is
            # the last reported one or one committed just before the kill cut the report.
            last_reported: dict[tuple[str, int], str] = {}
            for cid, index, note in saved:
                last_reported[(cid, index)] = note
            for path in cables:
                cable = read_cable(path)
                review = store.load(cable)
                for p in cable.paragraphs:
                    key = (review.cable_id, p.index)
                    if key in last_reported:
                        current = review.decision(p.index).comment
                        assert current == logged[key][-1]
                        run_notes = [n for n in logged[key] if n.startswith(f"run{run} ")]
                        assert run_notes.index(last_reported[key]) >= len(run_notes) - 2


@pytest.mark.slow
@pytest.mark.parametrize("shared", [False, True], ids=["own-paragraphs", "same-paragraphs"])
def test_two_writers_at_once_lose_nothing(tmp_path: Path, shared: bool) -> None:
    cables = cable_files(3)
    store_path = tmp_path / "reviews.sqlite3"
    SqliteStore(store_path).close()  # both writers open an existing store
    go = tmp_path / "go"
    count = 200
    parities = ("all", "all") if shared else ("even", "odd")
    procs = [
        start_writer(store_path, name, count, parity, go, cables)
        for name, parity in zip(("alice", "bob"), parities, strict=True)
    ]
    deadline = time.monotonic() + 120
    while not all(Path(f"{go}.{n}.ready").exists() for n in ("alice", "bob")):
        assert time.monotonic() < deadline, "the writers did not start"
        assert all(p.poll() is None for p in procs), "a writer exited before starting"
        time.sleep(0.02)
    go.touch()
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    saved = [parse_saved(out.splitlines(keepends=True)) for out, _ in outputs]
    assert [len(s) for s in saved] == [count, count]

    # Deciding the same paragraphs, each writer was told of the other's changes (and reloaded);
    # on their own paragraphs, never.
    conflicts = [
        sum(line.startswith("conflict ") for line in out.splitlines()) for out, _ in outputs
    ]
    if shared:
        assert sum(conflicts) > 0
        assert all(
            re.search(
                r" changed (paragraph \d+|\d+(st|nd|rd|th) paragraph \(unnumbered\)) of ", line
            )
            for out, _ in outputs
            for line in out.splitlines()
            if line.startswith("conflict ")
        )
    else:
        assert conflicts == [0, 0]
    with SqliteStore(store_path) as store:
        assert store.integrity_check() == "ok"
        ids = {cid for s in saved for cid, _, _ in s}
        entries = [e for cid in ids for e in store.log(cid)]
        assert len(entries) == 2 * count  # every decision of both writers is in the log
        assert sorted(e.reviewer for e in entries) == ["alice"] * count + ["bob"] * count
        logged = notes_in_log(store, ids)
        for s in saved:
            for cid, index, note in s:
                assert note in logged[(cid, index)]
    # They wrote at once: each began writing before the other had finished (the later one
    # waited on SQLite's write lock rather than failing).
    (a_start, a_end), (b_start, b_end) = (times(out.splitlines()) for out, _ in outputs)
    assert a_start < b_end and b_start < a_end

    with SqliteStore(store_path) as store:
        # Each paragraph's current decision is the last one logged for it.
        for path in cables:
            cable = read_cable(path)
            review = store.load(cable)
            for p in cable.paragraphs:
                key = (review.cable_id, p.index)
                if key in logged:
                    assert review.decision(p.index).comment == logged[key][-1]
