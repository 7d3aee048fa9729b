"""Access to ../shared/corpus for tests and benchmarks; everything skips when it is absent."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "resources" / "samples" / "07SEOUL219.txt"


@dataclass(frozen=True)
class Truth:
    path: Path
    classification: str
    date: str
    origin: str
    lineage: str

    @property
    def name(self) -> str:
        """The reference ID the file is named by (variants drop their .markdown/.crlf suffix)."""
        return self.path.name.split(".")[0]

    @property
    def part(self) -> str:
        """``dev`` or ``held-out``: see :func:`part`."""
        return part(self.name)

    @property
    def level(self) -> str:
        return self.classification.split("//")[0]

    @property
    def controls(self) -> set[str]:
        parts = self.classification.split("//")[1:]
        out = set()
        for p in parts:
            if p == "NOFORN":
                out.add("NOFORN")
            elif p == "FOR OFFICIAL USE ONLY":
                out.add("SBU")
        return out


def part(name: str) -> str:
    """Which half of the project's own split a corpus file belongs to: ``dev`` or ``held-out``.

    Rules are developed and tuned on ``dev`` only; figures are reported for both, so a rule
    that merely memorised the development cables shows as a gap. The split is by a hash of the
    reference ID (the file name before its first dot), so a cable's Markdown, CRLF and
    Windows-1252 variants always fall on the same side as the original. About one file in
    three is held out.
    """
    ref = Path(name).name.split(".")[0]
    return "held-out" if hashlib.sha256(ref.encode()).digest()[0] % 3 == 0 else "dev"


def available() -> bool:
    return (CORPUS / "INDEX.tsv").is_file()


def index() -> list[Truth]:
    rows = []
    with open(CORPUS / "INDEX.tsv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            rows.append(
                Truth(
                    CORPUS / row["id"],
                    row["classification"],
                    row["date"],
                    row["origin"],
                    row["lineage"],
                )
            )
    return rows
