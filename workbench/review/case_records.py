"""What a review store keeps about cases (issue 15): the case, its cables, its log.

A case is a FOIA or mandatory-review request worked as one: a number (``F-2026-00001``), a
title, a requester, the dates it was received and is due, and the cables its searches
returned. A cable may belong to several cases; its review (decisions by region) is the same in
each, since it is one document. The case's log is append-only, like the audit log: who made
the case, added or removed which cables, and every conflict accepted with its comment.

Plain records only; the SQL is in ``sqlite_cases`` and ``pg_cases``, the rules in
``workbench.case``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CaseRecord:
    number: str  # F-2026-00001
    title: str
    requester: str = ""
    received: str = ""  # YYYY-MM-DD, "" when not known
    due: str = ""  # YYYY-MM-DD, "" when not set
    created_by: str = ""
    created_at: str = ""  # ISO 8601 UTC


@dataclass(frozen=True)
class CaseCable:
    """One cable of a case: where it was added from, and the text it had then (its hash)."""

    cable_id: str  # the review's key (``review_id``): the reference ID, else the file stem
    path: str  # absolute path of the file as added
    cable_hash: str  # ``model.text_hash`` of the decoded text when it was added
    added_by: str = ""
    added_at: str = ""


@dataclass(frozen=True)
class CaseLogEntry:
    id: int
    case_number: str
    at: str
    reviewer: str
    what: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredDecisions:
    """A cable's saved decisions as rows, read for a whole case at once (no Cable needed).

    ``regions`` is the partition signature the review was saved against (None for a review
    saved before regions); ``decisions`` maps a region key to its decision's JSON form.
    """

    cable_id: str
    cable_hash: str
    regions: tuple[tuple[str, int, int], ...] | None
    decisions: dict[str, dict[str, Any]]
    rules_off: frozenset[str] = frozenset()
