"""Who decided the current region, for the inspector (issue 17): from the store's record of
each region's last change (PostgreSQL: the database login, set by trigger; SQLite: the audit
log's versions table), read once when a cable is opened and kept up to date locally with this
window's own changes, so moving from region to region never asks the store."""

from __future__ import annotations

import time

from workbench.review.model import Action, Review, ReviewError
from workbench.review.regions import Region
from workbench.review.store_api import Author, ReviewStore


def read(store: ReviewStore | None, review: Review | None) -> dict[str, Author]:
    """Each region's last author; {} when there is no store or it cannot say."""
    if store is None or review is None:
        return {}
    try:
        return dict(store.authors(review.cable_id))
    except ReviewError:
        return {}  # the line is a help, not a guard: the decisions themselves are loaded


def mine(reviewer: str) -> Author:
    """The author of a change this window just made (the store records the same name)."""
    return Author(reviewer, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), 0, False)


def line(review: Review, region: Region, authors: dict[str, Author]) -> str:
    """ "Decided by alice, 2026-12-01 14:02 UTC (in QC)", "Decided by rule: ..." or
    "Not decided yet"."""
    effective = review.effective(region)
    if effective.by.startswith("rule:"):
        return f"Decided by the rule '{effective.by[5:]}' (Review menu)"
    if effective.action == Action.PENDING:
        return "Not decided yet"
    who = authors.get(region.key)
    if who is None or not who.reviewer:
        return "Decided (who decided is not recorded in this store)"
    when = who.at[:16].replace("T", " ")
    return f"Decided by {who.reviewer}, {when} UTC" + (" (in QC)" if who.qc_pass else "")
