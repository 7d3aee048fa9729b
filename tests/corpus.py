"""Access to ../shared/corpus for tests and benchmarks; everything skips when it is absent."""

from __future__ import annotations

import csv
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
