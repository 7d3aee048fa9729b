"""What a review store keeps about cases (issue 15): the case, its cables, its log.

A case is a FOIA or mandatory-review request worked as one: a number (``F-2026-00001``), a
title, a requester, the dates it was received and is due, and the cables its searches
returned. A cable may belong to several cases; its review (decisions by region) is the same in
each, since it is one document. The case's log is append-only, like the audit log: who made
the case, added or removed which cables, and every conflict accepted with its comment.

Plain records, and the few rules both stores apply the same way before they write (which
cables a request adds, which details it changes, the refusals' wording); the SQL is in
``sqlite_cases`` and ``pg_cases``, the case workflow in ``workbench.case``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from workbench.review.model import ReviewError

# The details a reviewer may change after a case is opened (its number never changes).
EDITABLE = ("title", "requester", "received", "due")


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


def no_such_case(number: str) -> ReviewError:
    return ReviewError(
        f"there is no case {number} in this store: `workbench case list` shows the cases"
    )


def case_exists(number: str) -> ReviewError:
    return ReviewError(f"there is already a case {number}: choose another number")


def changed_details(old: CaseRecord, changes: dict[str, str]) -> dict[str, str]:
    """The editable details ``changes`` really changes (unknown keys and equal values dropped)."""
    return {k: v for k, v in changes.items() if k in EDITABLE and getattr(old, k) != v}


def cables_to_add(
    number: str, have: Iterable[CaseCable], items: Iterable[CaseCable]
) -> list[CaseCable]:
    """The cables of ``items`` that case ``number`` does not hold yet, first occurrence kept.

    A cable already held with the same text is left as it is; one with the same reference ID
    and another text is refused whole (nothing is added), since the case cannot hold two texts
    under one review.
    """
    held = {c.cable_id: c for c in have}
    new: list[CaseCable] = []
    for c in items:
        old = held.get(c.cable_id)
        if old is not None:
            if old.cable_hash != c.cable_hash:
                raise ReviewError(
                    f"{number} already holds {c.cable_id} from {old.path}, and {c.path} has the "
                    "same reference ID with another text: remove the one in the case first, or "
                    "leave this file out"
                )
            continue
        held[c.cable_id] = c
        new.append(c)
    return new
