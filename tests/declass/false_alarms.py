"""The false-alarm rate of each finding family, re-measured from the verdicts a reviewer gave a
random sample of its firings on ../shared/corpus (``data/false_alarms.tsv``).

A verdict is ``right`` (a careful reviewer agrees with the finding) or ``false-alarm``.  A row
counts while its finding still fires at the same place; a rule change that stops a false alarm
lowers the rate, one that stops right findings shows as a sample gone stale.

    python tests/declass/false_alarms.py     # prints the table (dev and held-out)
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from corpus import CORPUS  # noqa: E402

from workbench.cable import read_cable  # noqa: E402
from workbench.declass import assess  # noqa: E402

VERDICTS = HERE / "data" / "false_alarms.tsv"
AS_OF = date(2026, 12, 1)


@dataclass
class Family:
    sampled: int = 0  # rows with a verdict
    firing: int = 0  # of them, still firing
    false: int = 0  # of those, false alarms
    fixed: int = 0  # false alarms no longer firing
    stale: list[str] = field(default_factory=list)  # right findings no longer firing

    @property
    def rate(self) -> float:
        return self.false / self.firing if self.firing else 0.0


def rows() -> list[dict[str, str]]:
    with open(VERDICTS, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def measure() -> dict[tuple[str, str], Family]:
    """``(finding, part) -> Family`` for every family in the verdicts file."""
    fired: dict[str, set[tuple[str, int]]] = {}
    out: dict[tuple[str, str], Family] = defaultdict(Family)
    for r in rows():
        path = r["cable"]
        if path not in fired:
            cable = read_cable(CORPUS / path)
            fired[path] = {(f.code, f.start) for f in assess(cable, AS_OF).findings}
        fam = out[(r["finding"], r["part"])]
        fam.sampled += 1
        if (r["finding"], int(r["start"])) in fired[path]:
            fam.firing += 1
            fam.false += r["verdict"] == "false-alarm"
        elif r["verdict"] == "false-alarm":
            fam.fixed += 1  # a false alarm a rule or reader change has since silenced
        else:
            fam.stale.append(path)
    return dict(out)


def table(families: dict[tuple[str, str], Family]) -> str:
    lines = ["| finding | dev: false / sample | held-out: false / sample |", "|---|---|---|"]
    for code in sorted({c for c, _ in families}):
        cells = []
        for part in ("dev", "held-out"):
            f = families.get((code, part))
            cells.append(f"{f.false} / {f.firing} ({f.rate:.0%})" if f and f.firing else "-")
        lines.append(f"| `{code}` | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure()))
