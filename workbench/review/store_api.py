"""The review store's interface: what the CLI and GUI may ask of any store, and its errors.

``SqliteStore`` (store.py) and ``PgStore`` (pg_store.py, a shared store for review teams)
implement it; ``store_url.open_store`` opens either from a path or a ``postgresql://`` URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from workbench.cable.model import Cable
from workbench.review.case_records import CaseCable, CaseLogEntry, CaseRecord, StoredDecisions
from workbench.review.commands import Command
from workbench.review.model import Review, ReviewError
from workbench.review.store_dump import Dump


class StoreError(ReviewError):
    """The store cannot be opened or written (not a store, too new, locked for too long)."""


class TextChangedError(ReviewError):
    """The cable's text (or how it divides into regions) changed since it was reviewed."""


# The way out, named for both places a reviewer meets the refusal (one sentence ends it).
START_OVER = (
    "start the review over (Review > Start Review Over in the window, `workbench review import "
    "CABLE FILE --start-over` on the command line; the old decisions stay in the audit log)"
)


def text_changed(cable_id: str, saved_at: str) -> TextChangedError:
    return TextChangedError(
        f"the text of {cable_id} has changed since it was reviewed (last saved {saved_at[:16]} "
        "UTC), so the saved redaction offsets no longer fit it: restore the original file, or "
        f"{START_OVER}"
    )


def regions_differ(cable_id: str, why: ReviewError) -> TextChangedError:
    return TextChangedError(
        f"this version of the workbench divides {cable_id} into regions differently from the "
        f"one that reviewed it, and {why}: {START_OVER}"
    )


class ConflictError(ReviewError):
    """Someone else changed what this change touches since this store last read it.

    Nothing was saved. The message names who changed it and when; the caller reloads the
    review (``store.load``) and shows their decision.
    """


class QcState(StrEnum):
    """Where a cable stands in the second review (QC)."""

    REVIEW = "review"  # the first pass is under way (or a decision changed after approval)
    FIRST_PASS_DONE = "first-pass-done"  # waiting for a QC reviewer
    APPROVED = "qc-approved"
    RETURNED = "returned"  # back to the first pass, with a note


@dataclass(frozen=True)
class QcEvent:
    """One step of a cable's second review; the history is append-only."""

    id: int
    cable_id: str
    state: QcState
    note: str
    reviewer: str
    at: str  # ISO 8601, UTC


@dataclass(frozen=True)
class Author:
    """Who last changed one paragraph's decision or one field, when, and in which pass."""

    reviewer: str
    at: str  # ISO 8601, UTC
    version: int
    qc_pass: bool  # made by a QC reviewer during the second review


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str  # ISO 8601, UTC
    reviewer: str
    cable_id: str
    what: str
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass(frozen=True)
class ReviewSummary:
    """``decided`` of ``total`` regions; ``total`` is None for a review saved before regions
    existed and not opened since (its header regions are not counted yet)."""

    cable_id: str
    decided: int
    total: int | None
    updated_at: str

    @property
    def complete(self) -> bool:
        return self.total is not None and self.decided >= self.total

    @property
    def paragraph_count(self) -> int:
        """The number to show beside ``decided`` (older callers' name for ``total``)."""
        return self.total if self.total is not None else self.decided + 1


class ReviewStore(Protocol):
    """What the CLI and GUI need from a store; nothing else may reach the database.

    ``apply`` and ``revert`` raise :class:`ConflictError` when another reviewer changed a
    paragraph or field the command touches since this store object loaded the review.
    """

    #: How the store is named to a user: a file path, or a URL without any password.
    location: str

    #: True for a shared store where the database names the reviewer (``reviewer`` arguments
    #: are then ignored: nobody can write under another's name).
    team: bool

    def load(self, cable: Cable) -> Review: ...

    def apply(self, review: Review, command: Command, reviewer: str) -> bool: ...

    def revert(self, review: Review, command: Command, reviewer: str) -> bool: ...

    def start_over(self, cable: Cable, reviewer: str) -> Review: ...

    def log(self, cable_id: str) -> list[AuditEntry]: ...

    def reviews(self) -> list[ReviewSummary]: ...

    def identity(self, asked: str) -> str:
        """The name this store records for changes made as ``asked``."""
        ...

    def authors(self, cable_id: str) -> dict[str, Author]:
        """Who last changed each paragraph (``"3"``) and field (``"subject"``) of a cable."""
        ...

    def qc_history(self, cable_id: str) -> list[QcEvent]:
        """Every QC step of ``cable_id``, oldest first (empty: still in first review)."""
        ...

    def qc_step(self, cable_id: str, state: QcState, note: str, reviewer: str) -> QcEvent:
        """Move ``cable_id`` to ``state`` (ReviewError, one sentence, if not allowed)."""
        ...

    def requires_qc(self, case_id: str = "") -> bool:
        """Whether release export needs QC approval (``""``: the store's own policy)."""
        ...

    def set_requires_qc(self, required: bool, reviewer: str, case_id: str = "") -> None: ...

    def changes_since(self, cursor: int) -> tuple[int, list[str]]:
        """The audit log's newest id, and the cables changed after ``cursor`` (for polling)."""
        ...

    # -- cases (issue 15): a request's cables worked together; see ``case_records`` -------
    def cases(self) -> list[CaseRecord]: ...

    def case(self, number: str) -> CaseRecord | None: ...

    def create_case(self, record: CaseRecord, reviewer: str) -> CaseRecord:
        """Open a case (ReviewError if the number is taken); logged in the case's log."""
        ...

    def update_case(self, number: str, changes: dict[str, str], reviewer: str) -> None:
        """Change a case's title, requester, received or due date (logged)."""
        ...

    def case_cables(self, number: str) -> list[CaseCable]: ...

    def cases_of(self, cable_id: str) -> list[str]:
        """The numbers of the cases ``cable_id`` belongs to."""
        ...

    def add_case_cables(self, number: str, cables: list[CaseCable], reviewer: str) -> list[str]:
        """Add cables to a case in one transaction; returns the IDs newly added. ReviewError
        (nothing added) for a cable ID already in the case with another text."""
        ...

    def remove_case_cables(self, number: str, cable_ids: list[str], reviewer: str) -> list[str]:
        """Take cables out of a case (their reviews stay); returns the IDs removed."""
        ...

    def case_log(self, number: str) -> list[CaseLogEntry]:
        """The case's append-only log, oldest first."""
        ...

    def log_case(self, number: str, what: str, data: dict[str, Any], reviewer: str) -> CaseLogEntry:
        """Append an entry to the case's log (a conflict accepted, with its comment)."""
        ...

    def case_decisions(self, cable_ids: Iterable[str]) -> dict[str, StoredDecisions]:
        """The saved decisions of many cables at once, as rows (reviewed cables only)."""
        ...

    def dump(self) -> Dump:
        """The whole store as rows (``workbench store copy``)."""
        ...

    def restore(self, dump: Dump) -> None:
        """Write ``dump`` into this empty store, checked, in one transaction."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> ReviewStore: ...

    def __exit__(self, *exc: object) -> None: ...


def qc_state(history: list[QcEvent]) -> QcState:
    return history[-1].state if history else QcState.REVIEW
