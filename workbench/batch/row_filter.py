"""Which rows a check report shows: ``workbench check --status due,needs-review,nodis``.

Here rather than in the command, because cluster workers apply it too (they format only the
rows the client will write).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module for every command: keep it light
    from workbench.batch.rows import Row


class RowFilter:
    """``--status due,needs-review,nodis``: statuses and finding codes (or a group of them,
    ``referral``).  A row is shown when its status is one of the statuses given (any, when none
    is) and it has one of the findings given (any, when none is): ``due,referral`` is the due
    cables that need a referral."""

    def __init__(self, statuses: frozenset[str], codes: frozenset[str]) -> None:
        self.statuses = statuses
        self.codes = codes

    def __call__(self, row: Row) -> bool:
        if self.statuses and row["status"] not in self.statuses:
            return False
        return not self.codes or any(f["code"] in self.codes for f in row["findings"])
