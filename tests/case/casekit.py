"""A small case made from the seed cable and its copies in every form a case meets (shared
by tests/case through ``casekit``; this conftest only registers the fixture)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from copymaker import from_markdown, repeat, rewrap, to_markdown, with_id
from corpus import SAMPLE

from workbench.cable import Cable, read_cable
from workbench.review import commands as rc
from workbench.review.case_records import CaseRecord
from workbench.review.store_api import ReviewStore

NUMBER = "F-2026-00001"
NAME = "Kim Hye-jin"


@dataclass
class Case:
    folder: Path
    store_path: Path
    store: ReviewStore

    def cable(self, cid: str) -> Cable:
        return read_cable(self.folder / f"{cid}.txt")

    def session(self):  # type: ignore[no-untyped-def]
        from workbench.case.session import CaseSession

        return CaseSession.open(self.store, NUMBER)


def forms() -> dict[str, str]:
    """The seed cable (its Markdown form) and copies: repeat, re-wrapped, plain, near copy."""
    seed = SAMPLE.read_text(encoding="utf-8")
    plain = from_markdown(seed)
    return {
        "07SEOUL219": seed,
        "07STATE12345": repeat(seed, "STATE", 12345, "AMEMBASSY LONDON"),
        "07SEOUL220": with_id(rewrap(plain, 52), "SEOUL", 220),
        "07SEOUL221": with_id(plain, "SEOUL", 221),
        "07SEOUL222": with_id(to_markdown(rewrap(plain, 80)), "SEOUL", 222),
        # A near copy: ¶2 quoted with words changed.
        "07SEOUL223": with_id(plain, "SEOUL", 223).replace(
            "very worried that a CM ban", "deeply concerned that a CM ban"
        ),
    }


def make_case_fixture(tmp_path: Path) -> Callable[..., Case]:
    def make(texts: dict[str, str] | None = None) -> Case:
        from workbench.case.members import read_paths
        from workbench.review.stores import open_store

        folder = tmp_path / "cables"
        folder.mkdir()
        for cid, text in (texts or forms()).items():
            (folder / f"{cid}.txt").write_text(text, encoding="utf-8")
        path = tmp_path / "store.sqlite3"
        store = open_store(str(path))
        store.create_case(CaseRecord(NUMBER, "Cluster munitions", "J. Doe"), "alice")
        read = read_paths([str(folder)])
        assert not read.problems
        store.add_case_cables(NUMBER, [e for e, _ in read.cables], "alice")
        return Case(folder, path, store)

    return make


def decide_seed(case: Case, who: str = "alice") -> None:
    """The seed cable decided: the name withheld (b)(6), ¶3 withheld, the rest released."""
    c = case.cable("07SEOUL219")
    review = case.store.load(c)
    i = c.text.index(NAME)
    case.store.apply(review, rc.redact(c, review, i, i + len(NAME), ["(b)(6)"]), who)
    case.store.apply(review, rc.withhold(c.paragraphs[2], ["(b)(1)", "1.4(d)"]), who)
    for r in review.pending():
        case.store.apply(review, rc.release(r), who)
    assert review.is_complete
