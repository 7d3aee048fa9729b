"""The review store's interface: what the CLI and GUI may ask of any store, and its errors.

``SqliteStore`` (store.py) implements it; a shared PostgreSQL store would implement the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from workbench.cable.model import Cable
from workbench.review.commands import Command
from workbench.review.model import Review, ReviewError


class StoreError(ReviewError):
    """The store cannot be opened or written (not a store, too new, locked for too long)."""


class TextChangedError(ReviewError):
    """The cable's text (or how it divides into paragraphs) changed since it was reviewed."""


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
    cable_id: str
    decided: int
    paragraph_count: int
    updated_at: str


class ReviewStore(Protocol):
    """What the CLI and GUI need from a store; nothing else may reach the database."""

    def load(self, cable: Cable) -> Review: ...

    def apply(self, review: Review, command: Command, reviewer: str) -> bool: ...

    def revert(self, review: Review, command: Command, reviewer: str) -> bool: ...

    def start_over(self, cable: Cable, reviewer: str) -> Review: ...

    def log(self, cable_id: str) -> list[AuditEntry]: ...

    def reviews(self) -> list[ReviewSummary]: ...

    def close(self) -> None: ...
