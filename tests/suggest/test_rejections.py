"""Rejected suggestions are kept in the review store and not proposed again."""

from __future__ import annotations

import json
from pathlib import Path

from cables import MIXED
from cli import run_workbench

from workbench.review.case_records import CaseRecord
from workbench.review.store import SqliteStore
from workbench.suggest.rejections import load_rejections, reject, unreject


def _texts(r) -> list[str]:  # type: ignore[no-untyped-def]
    assert r.returncode == 0, r.stderr
    return [s["text"] for line in r.stdout.splitlines() for s in json.loads(line)["suggestions"]]


def test_a_rejection_holds_in_its_case_for_every_cable(tmp_path: Path) -> None:
    store_path = tmp_path / "reviews.sqlite3"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(MIXED)
    with SqliteStore(store_path) as store:
        reject(store, "kowalczyk", "person", "alice", case_id="F-2026-00001")
        # `--case N` names a case of the store (issue 15): an unknown number is refused.
        for number in ("F-2026-00001", "F-2026-00002"):
            store.create_case(CaseRecord(number, "test"), "alice")
    args = ("suggest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--store", str(store_path))
    in_case = _texts(run_workbench(*args, "--case", "F-2026-00001"))
    assert "Kowalczyk" not in in_case and "Lindqvist" in in_case
    assert "Kowalczyk" in _texts(run_workbench(*args))  # outside the case it is proposed
    assert "Kowalczyk" in _texts(run_workbench(*args, "--case", "F-2026-00002"))


def test_without_a_case_a_rejection_holds_for_its_cable(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.sqlite3") as store:
        reject(store, "Jan Kowalczyk", "person", "alice", cable_id="RIVERTON 000001")
        got = load_rejections(store, "")
        assert got.for_cable("RIVERTON 000001") == {"jan kowalczyk"}
        assert got.for_cable("OTHER") == frozenset()
        unreject(store, "Jan Kowalczyk", "person", "alice", cable_id="RIVERTON 000001")
        assert load_rejections(store, "").for_cable("RIVERTON 000001") == frozenset()
        assert store.schema_version >= 5
