"""An open case: its record, its cables read and indexed, and what has been decided in it.

What the command line and the window both work from. Opening reads every cable file of the
case once and indexes it (``index``); ``refresh`` re-reads the decisions from the store (one
query), after which proposals and conflicts reflect them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.cable.model import Cable
from workbench.case.conflicts import Conflict, find_conflicts
from workbench.case.decided import Decided, read_decided
from workbench.case.index import CaseIndex, Member, member
from workbench.case.members import read_members
from workbench.case.proposals import KINDS, Proposal, Proposer
from workbench.review.case_records import CaseCable, CaseRecord
from workbench.review.model import Review, ReviewError
from workbench.review.store_api import ReviewStore


class CaseError(ReviewError):
    """A case cannot be opened or changed (one sentence)."""


def build_index(
    entries: list[CaseCable],
    similar: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[CaseIndex, list[str]]:
    """Read, fold and index a case's cables (the slow part of opening one: seconds for
    thousands); ``progress(done, total)`` after each cable may raise to stop."""
    read = read_members(entries)
    members = []
    for i, (e, cable) in enumerate(read.cables, 1):
        members.append(member(cable, e.path))
        if progress is not None and (i % 25 == 0 or i == len(read.cables)):
            progress(i, len(read.cables))
    return CaseIndex.build(members, similar), read.problems


def require_case(store: ReviewStore, number: str) -> CaseRecord:
    found = store.case(number)
    if found is None:
        known = [c.number for c in store.cases()]
        hint = f" (cases in it: {', '.join(known[:8])})" if known else ""
        raise CaseError(
            f"there is no case {number} in the review store {store.location}{hint}: "
            "`workbench case new` opens one"
        )
    return found


@dataclass
class CaseSession:
    store: ReviewStore
    record: CaseRecord
    entries: list[CaseCable]
    index: CaseIndex
    problems: list[str] = field(default_factory=list)
    decided: Decided = field(default_factory=Decided)
    _proposer: Proposer | None = None

    @classmethod
    def open(cls, store: ReviewStore, number: str, similar: bool = True) -> CaseSession:
        record = require_case(store, number)
        entries = store.case_cables(record.number)
        index, problems = build_index(entries, similar)
        return cls.assemble(store, record, entries, index, problems)

    @classmethod
    def assemble(
        cls,
        store: ReviewStore,
        record: CaseRecord,
        entries: list[CaseCable],
        index: CaseIndex,
        problems: list[str],
    ) -> CaseSession:
        """The session from an index built elsewhere (the window builds it on a worker
        thread, which never touches the store: only this reads decisions)."""
        session = cls(store, record, entries, index, problems)
        session.refresh()
        return session

    @property
    def number(self) -> str:
        return self.record.number

    def refresh(self, review: Review | None = None) -> None:
        """Read every cable's decisions again (and use ``review``, held in memory, for its
        cable: the window's open cable may be ahead of what its writer has saved)."""
        self.decided = read_decided(self.store, self.index)
        if review is not None:
            self.decided.set_review(review)
        self._proposer = None

    def use_review(self, review: Review) -> None:
        self.decided.set_review(review)
        self._proposer = None

    @property
    def proposer(self) -> Proposer:
        if self._proposer is None:
            self._proposer = Proposer(self.index, self.decided)
        return self._proposer

    def proposals(self, cable_id: str, kinds: tuple[str, ...] = KINDS) -> list[Proposal]:
        return self.proposer.for_cable(cable_id, kinds)

    def conflicts(self) -> list[Conflict]:
        return find_conflicts(self.index, self.decided, self.store.case_log(self.number))

    def member(self, cable_id: str) -> Member:
        try:
            return self.index.members[cable_id]
        except KeyError:
            raise CaseError(
                f"{cable_id} is not among the readable cables of {self.number}"
            ) from None

    def cable(self, cable_id: str) -> Cable:
        return self.member(cable_id).cable

    def cable_ids(self) -> list[str]:
        return sorted(self.index.members)

    def review(self, cable_id: str) -> Review:
        """The cable's review as the case read it (its rules as the store saved them)."""
        m = self.member(cable_id)
        review = Review.for_cable(m.cable)
        review.decisions.update(self.decided.by_cable.get(cable_id, {}))
        return review

    def progress(self, cable_id: str) -> tuple[int, int]:
        """(regions decided, regions) of one cable."""
        r = self.review(cable_id)
        return r.decided_count, r.region_count

    def next_undecided(self, cable_id: str | None, key: str | None) -> tuple[str, str] | None:
        """The next undecided region after ``key`` of ``cable_id``, across the whole case in
        the case's cable order, wrapping round; None when every region is decided."""
        ids = self.cable_ids()
        if not ids:
            return None
        start = ids.index(cable_id) if cable_id in ids else 0
        order = ids[start:] + ids[:start] + ids[start : start + 1]
        for n, cid in enumerate(order):
            pending = self.review(cid).pending()
            if n == 0 and key is not None:
                after = [r for r in pending if r.start > self._start(cid, key)]
                if after:
                    return cid, after[0].key
                continue
            if n == len(order) - 1 and key is not None:
                pending = [r for r in pending if r.start <= self._start(cid, key)]
            if pending:
                return cid, pending[0].key
        return None

    def _start(self, cable_id: str, key: str) -> int:
        r = self.member(cable_id).partition.get(key)
        return r.start if r else -1
