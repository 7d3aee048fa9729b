"""The date a release stamps is the date of the declassification action (32 CFR 2001.25;
declassification.md section 7): never before the cable was written, before the order named as
the authority existed, or after today (newcomer 6, finding 17: ``--date 1999-01-01`` stamped a
2007 cable "Authority: E.O. 13526 ... Date: 1999-01-01").

The orders' dates are those of declassification.md section 1 (each order's signing, or its
entry into force where only that is given there)."""

from __future__ import annotations

import re
from datetime import date

from workbench.cable.model import Cable
from workbench.export.errors import ExportError

ORDERS = {
    "12356": date(1982, 4, 2),  # signed
    "12958": date(1995, 10, 14),  # in force
    "13292": date(2003, 3, 25),  # amended E.O. 12958
    "13526": date(2009, 12, 29),  # signed
}
_ORDER = re.compile(r"\bE\.?\s*O\.?\s*(\d{5})\b", re.I)


def check_release_date(released: date, authority: str, cable: Cable | None, name: str) -> None:
    """Refuse (ExportError, one sentence) a release date before ``cable``'s own date or before
    the order ``authority`` names. (After today: :func:`check_not_future`.)"""
    m = _ORDER.search(authority or "")
    order = ORDERS.get(m.group(1)) if m else None
    if order is not None and released < order:
        raise ExportError(
            f"the release date {released.isoformat()} is before {m.group(0) if m else ''} "
            f"existed ({order.isoformat()}): give the date of the declassification (--date)"
        )
    written = cable.origin_date if cable is not None else None
    if written is not None and released < written:
        raise ExportError(
            f"the release date {released.isoformat()} is before {name} was written "
            f"({written.isoformat()}): give the date of the declassification (--date)"
        )


def check_not_future(released: date, today: date | None = None) -> None:
    """Refuse a release date after today: a release is stamped when it is made."""
    today = today or date.today()
    if released > today:
        raise ExportError(
            f"the release date {released.isoformat()} is after today ({today.isoformat()}): "
            "a release is dated the day it is made; give today or an earlier date (--date)"
        )
