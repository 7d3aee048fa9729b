"""Writing check rows as they arrive: table, CSV, JSON array or JSON lines.

Each writer writes a row as soon as it gets it and keeps nothing, so a report on 250,000
cables takes no more memory than one on ten.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TextIO

from workbench.batch.rows import Row
from workbench.batch.summary import Summary
from workbench.safeio.spreadsheet import inert

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
    """Writes a report: ``begin()``, a ``row()`` per row (or ``text()`` of rows already
    formatted by :func:`rows_text`, as cluster workers send them), ``end()``."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def begin(self) -> None:
        pass

    def row(self, row: Row) -> None:
        self.out.write(self.format(row))

    def format(self, row: Row) -> str:
        """The row's text as this format writes it (JSON: without the separator before it)."""
        raise NotImplementedError

    def text(self, text: str) -> None:
        """Rows formatted elsewhere by :func:`rows_text` for this format, in order."""
        self.out.write(text)

    def end(self, summary: Summary) -> None:
        pass


class JsonlWriter(Writer):
    def format(self, row: Row) -> str:
        return json.dumps(row, ensure_ascii=False) + "\n"


class JsonWriter(Writer):
    """A JSON array, written element by element."""

    def begin(self) -> None:
        self.out.write("[")
        self.first = True

    def row(self, row: Row) -> None:
        self.out.write("\n" if self.first else ",\n")
        self.first = False
        self.out.write(self.format(row))

    def format(self, row: Row) -> str:
        return json.dumps(row, ensure_ascii=False, indent=2)

    def text(self, text: str) -> None:
        # rows_text puts ",\n" before every element; the array's first has only "\n".
        if text and self.first:
            text = text[1:]
            self.first = False
        self.out.write(text)

    def end(self, summary: Summary) -> None:
        self.out.write("]\n" if self.first else "\n]\n")


class CsvWriter(Writer):
    def begin(self) -> None:
        csv.writer(self.out, lineterminator="\n").writerow(CSV_COLUMNS)

    def format(self, row: Row) -> str:
        decl = row["decl"]
        line = io.StringIO()
        # Cable text and file names from an archive: no cell may run as a formula. The
        # writer quotes a cell holding a character of its line end only, so it is given
        # "\r\n" (a file name can hold a carriage return, which would split the row for a
        # reader) and the row keeps the "\n" this report has always ended rows with.
        csv.writer(line, lineterminator="\r\n").writerow(
            inert(cell)
            for cell in (
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
        return line.getvalue()[:-2] + "\n"


class TableWriter(Writer):
    """Fixed columns (rows are printed before the widest is known), then the summary."""

    def begin(self) -> None:
        self.out.write(f"{'STATUS':<13}{'DUE':<11} {'BASIS':<16}{'CABLE':<24}FINDINGS\n")

    def format(self, row: Row) -> str:
        counts: dict[str, int] = {}
        for f in row["findings"]:
            counts[f["code"]] = counts.get(f["code"], 0) + 1
        findings = ", ".join(c if n == 1 else f"{c} x{n}" for c, n in counts.items())
        if "read-error" in counts:
            # Nothing else can be said of an unreadable file; say why in its own words.
            findings = "read-error: " + row["findings"][0]["message"]
        # A cable without a reference ID goes by its file's name, so that the columns stay
        # aligned (a long path ran into the findings); the whole path closes the row, unless
        # a read error's sentence already names it.
        name = row["id"] or row["path"].rsplit("/", 1)[-1]
        where = "" if "read-error" in counts else f"  [{row['path']}]"
        return (
            f"{row['status']:<13}{row['due'] or '-':<11} {row['basis']:<16}{name:<23} "
            f"{findings or '-'}{where}\n"
        )

    def end(self, summary: Summary) -> None:
        self.out.write("\n")
        for line in summary.lines():
            self.out.write(line + "\n")


WRITERS: dict[str, type[Writer]] = {
    "table": TableWriter,
    "csv": CsvWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
}


def rows_text(fmt: str, rows: Iterable[Row]) -> str:
    """The rows as ``fmt``'s writer writes them, for :meth:`Writer.text` to write elsewhere
    (a cluster worker formats its rows; the client only writes the text)."""
    writer = WRITERS[fmt](io.StringIO())
    sep = ",\n" if fmt == "json" else ""
    return "".join(sep + writer.format(row) for row in rows)


def writer_for(fmt: str, out: TextIO) -> Writer:
    return WRITERS[fmt](out)
