"""Writing check rows as they arrive: table, CSV, JSON array or JSON lines.

Each writer writes a row as soon as it gets it and keeps nothing, so a report on 250,000
cables takes no more memory than one on ten.
"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from workbench.batch.rows import Row
from workbench.batch.summary import Summary

FORMATS = ("table", "csv", "json", "jsonl")

CSV_COLUMNS = (
    "path",
    "id",
    "classification",
    "decl",
    "origin",
    "due",
    "basis",
    "status",
    "findings",
    # Added by issue 13 (columns are only ever added at the end).
    "order",
    "downgrade",
)


def classification_text(row: Row) -> str:
    """``SECRET//NOFORN``: the level with its controls, as Cablegate's metadata writes it."""
    c = row["classification"]
    if c is None:
        return ""
    return "//".join([c["level"], *c["controls"]])


def downgrade_text(row: Row) -> str:
    """``CONFIDENTIAL 2029-10-18``: the level a downgrade falls to and when."""
    d = row.get("downgrade")
    if not d:
        return ""
    return " ".join(x for x in (d["level"] or "lower", d["date"] or "undated") if x)


class Writer:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def begin(self) -> None:
        pass

    def row(self, row: Row) -> None:
        raise NotImplementedError

    def end(self, summary: Summary) -> None:
        pass


class JsonlWriter(Writer):
    def row(self, row: Row) -> None:
        self.out.write(json.dumps(row, ensure_ascii=False))
        self.out.write("\n")


class JsonWriter(Writer):
    """A JSON array, written element by element."""

    def begin(self) -> None:
        self.out.write("[")
        self.first = True

    def row(self, row: Row) -> None:
        self.out.write("\n" if self.first else ",\n")
        self.first = False
        self.out.write(json.dumps(row, ensure_ascii=False, indent=2))

    def end(self, summary: Summary) -> None:
        self.out.write("]\n" if self.first else "\n]\n")


class CsvWriter(Writer):
    def begin(self) -> None:
        self.csv = csv.writer(self.out, lineterminator="\n")
        self.csv.writerow(CSV_COLUMNS)

    def row(self, row: Row) -> None:
        decl = row["decl"]
        self.csv.writerow(
            (
                row["path"],
                row["id"] or "",
                classification_text(row),
                decl["text"] if decl else "",
                row["origin"] or "",
                row["due"] or "",
                row["basis"],
                row["status"],
                ";".join(f["code"] for f in row["findings"]),
                row.get("order") or "",
                downgrade_text(row),
            )
        )


class TableWriter(Writer):
    """Fixed columns (rows are printed before the widest is known), then the summary."""

    def begin(self) -> None:
        self.out.write(f"{'STATUS':<13}{'DUE':<11} {'BASIS':<16}{'CABLE':<24}FINDINGS\n")

    def row(self, row: Row) -> None:
        counts: dict[str, int] = {}
        for f in row["findings"]:
            counts[f["code"]] = counts.get(f["code"], 0) + 1
        findings = ", ".join(c if n == 1 else f"{c} x{n}" for c, n in counts.items())
        if "read-error" in counts:
            # Nothing else can be said of an unreadable file; say why in its own words.
            findings = "read-error: " + row["findings"][0]["message"]
        name = row["id"] or row["path"]
        self.out.write(
            f"{row['status']:<13}{row['due'] or '-':<11} {row['basis']:<16}{name:<23} "
            f"{findings or '-'}"
        )
        if row["id"]:
            self.out.write(f"  [{row['path']}]")
        self.out.write("\n")

    def end(self, summary: Summary) -> None:
        self.out.write("\n")
        for line in summary.lines():
            self.out.write(line + "\n")


def writer_for(fmt: str, out: TextIO) -> Writer:
    return {"table": TableWriter, "csv": CsvWriter, "json": JsonWriter, "jsonl": JsonlWriter}[fmt](
        out
    )
