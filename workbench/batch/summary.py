"""Counts by status and by finding code over a stream of rows (no row is kept)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from workbench.batch.rows import Row
from workbench.declass import STATUSES


@dataclass
class Summary:
    checked: int = 0
    shown: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)  # cables with the finding
    findings: Counter[str] = field(default_factory=Counter)  # findings in all

    def add(self, row: Row) -> None:
        self.checked += 1
        self.by_status[row["status"]] += 1
        codes = [f["code"] for f in row["findings"]]
        self.findings.update(codes)
        self.by_code.update(set(codes))

    def merge(self, other: Summary) -> None:
        """Count ``other``'s rows too (a cluster worker counts its chunk's rows)."""
        self.checked += other.checked
        self.shown += other.shown
        self.by_status.update(other.by_status)
        self.by_code.update(other.by_code)
        self.findings.update(other.findings)

    def lines(self) -> list[str]:
        """The summary as the table prints it."""
        shown = "" if self.shown == self.checked else f" ({self.shown} shown)"
        out = [f"{self.checked} cable{'s' if self.checked != 1 else ''} checked{shown}"]
        out.append("by status: " + ", ".join(f"{s} {self.by_status.get(s, 0)}" for s in STATUSES))
        if self.by_code:
            out.append("by finding (cables / findings):")
            width = max(len(c) for c in self.by_code)
            for code, n in sorted(self.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
                out.append(f"  {code:<{width}}  {n:>7} / {self.findings[code]}")
        else:
            out.append("no findings")
        return out
