"""Case numbers: ``F-2026-00001`` (a FOIA request of 2026), as State's FOIA office writes them.

``workbench case new`` gives the next free number of the year for the request's kind (``F``
for FOIA, ``M`` for mandatory declassification review) unless one is given; a given number is
kept as written if it is a plausible case number (letters, digits and hyphens).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

KINDS = {"foia": "F", "mdr": "M"}
_STANDARD = re.compile(r"^([A-Z]{1,3})-(\d{4})-(\d{5})$")
_ANY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")


class CaseNumberError(ValueError):
    """A number that cannot name a case (one sentence)."""


def check(number: str) -> str:
    n = number.strip()
    if not _ANY.match(n):
        raise CaseNumberError(
            f"{number!r} is not a case number: use letters, digits and hyphens, such as "
            "F-2026-00001"
        )
    return n.upper() if _STANDARD.match(n.upper()) else n


def next_number(existing: Iterable[str], year: int, kind: str = "foia") -> str:
    prefix = KINDS[kind]
    used = [
        int(m.group(3))
        for n in existing
        if (m := _STANDARD.match(n)) and m.group(1) == prefix and int(m.group(2)) == year
    ]
    return f"{prefix}-{year}-{max(used, default=0) + 1:05d}"
