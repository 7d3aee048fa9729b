"""Counts by status and by finding code over a stream of rows (no row is kept).

Counts are of cables, as a records officer means them: a file with the reference ID and the
text of an earlier file of the run (the Markdown or CRLF form of a cable, the same file named
twice, a copy in another box: the text is compared by its fingerprint, ``batch.fingerprint``)
is a *copy*. It keeps its row in the report, but is counted once, under ``copies``, not again
in the statuses and findings. A file with the reference ID of an earlier one but another text
(a corrected copy with another DECL line) is no copy: it is counted, and the summary names the
IDs that have several texts, so that the records officer can find which is the record
(newcomer 5, finding 37). A cable with no reference ID (a record with no date) goes by its file
name up to the first dot, as its review is stored (``review.model.review_id``:
03ROME5149.markdown.txt is 03ROME5149.txt's copy); a file that could not be read is never a
copy, nor a cable: it is counted apart (``unread``), not under a status, nor as a finding of a
cable. The keys seen and a part of each text's fingerprint are the one thing kept: some 120
bytes a cable in the process writing the report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from workbench.batch.rows import Row
from workbench.declass import STATUSES

# What a worker's chunk tells the client of each of its rows, so that a copy is known across
# chunks: (reference ID, or file name for a cable without one, or None; the text's
# fingerprint, shortened, or None; status; finding codes).
Entry = tuple[str | None, str | None, str, tuple[str, ...]]

# Of a text's SHA-256, what is kept to tell the texts of one ID apart (64 bits: two different
# texts of one ID alike by chance once in 10^19).
_TEXT_KEPT = 16
# How many of the IDs with several texts the summary names.
_NAMED = 5


@dataclass
class Summary:
    checked: int = 0  # files (rows), copies included
    shown: int = 0
    copies: int = 0  # files whose reference ID and text an earlier file had
    unread: int = 0  # files that could not be read (or are not cables): their rows' read-error
    by_status: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)  # cables with the finding
    findings: Counter[str] = field(default_factory=Counter)  # findings in all
    seen: dict[str, str | None] = field(default_factory=dict, repr=False)  # key -> 1st text
    # The IDs seen with more than one text, each with its texts (few: kept whole).
    several: dict[str, set[str | None]] = field(default_factory=dict)
    # A chunk's summary on a cluster worker also lists its rows' entries (merge re-counts them:
    # a copy may be of a cable in another chunk); None where nothing is merged.
    entries: list[Entry] | None = field(default=None, repr=False)

    @property
    def cables(self) -> int:
        return self.checked - self.copies - self.unread

    def add(self, row: Row) -> None:
        codes = tuple(f["code"] for f in row["findings"])
        text = row.get("text_sha256")
        entry: Entry = (_key(row, codes), text[:_TEXT_KEPT] if text else None, row["status"], codes)
        if self.entries is not None:
            self.entries.append(entry)
        self._count(entry)

    def _count(self, entry: Entry) -> None:
        key, text, status, codes = entry
        self.checked += 1
        if "read-error" in codes:
            self.unread += 1
            return
        if key is not None:
            if key not in self.seen:
                self.seen[key] = text
            elif text in self.several.get(key, (self.seen[key],)):
                self.copies += 1
                return
            else:  # another text with this ID: a record of its own
                self.several.setdefault(key, {self.seen[key]}).add(text)
        self.by_status[status] += 1
        self.findings.update(codes)
        self.by_code.update(set(codes))

    def merge(self, other: Summary) -> None:
        """Count ``other``'s rows too (a cluster worker counts its chunk's rows)."""
        self.shown += other.shown
        if other.entries is not None:
            for entry in other.entries:
                self._count(entry)
            return
        self.checked += other.checked
        self.copies += other.copies
        self.unread += other.unread
        self.by_status.update(other.by_status)
        self.by_code.update(other.by_code)
        self.findings.update(other.findings)
        for key, texts in other.several.items():
            self.several.setdefault(key, set()).update(texts)

    def lines(self) -> list[str]:
        """The summary as the table prints it."""
        shown = "" if self.shown == self.checked else f" ({self.shown} shown)"
        if self.copies or self.unread:
            first = f"{self.checked} file{'s' if self.checked != 1 else ''} checked{shown}: "
            first += _cables(self.cables)
            if self.copies:
                them = "them" if self.cables != 1 else "it"
                first += (
                    f" and {self.copies} cop{'ies' if self.copies != 1 else 'y'} of {them} "
                    "(the reference ID and text of an earlier file), counted once"
                )
            if self.unread:
                first += f"; {self.unread} could not be read"
        else:
            first = f"{_cables(self.checked)} checked{shown}"
        out = [first]
        if self.several:
            out.append(self.several_line())
        out.append("by status: " + ", ".join(f"{s} {self.by_status.get(s, 0)}" for s in STATUSES))
        if self.by_code:
            out.append("by finding (cables / findings):")
            width = max(len(c) for c in self.by_code)
            for code, n in sorted(self.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
                out.append(f"  {code:<{width}}  {n:>7} / {self.findings[code]}")
        else:
            out.append("no findings")
        return out

    def several_line(self) -> str:
        """``07SEOUL219 has 2 different texts, each counted as a cable: ...``."""
        named = sorted(self.several.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        shown = [f"{_id_name(k)} ({len(t)} texts)" for k, t in named[:_NAMED]]
        if len(named) > _NAMED:
            shown.append(f"and {len(named) - _NAMED} more")
        if len(named) == 1:
            key, texts = named[0]
            head = f"{_id_name(key)} has {len(texts)} different texts"
        else:
            head = f"{len(named)} reference IDs have more than one text: {', '.join(shown)}"
        return (
            f"{head}; they are no copies, each text is counted as a cable: find which is "
            "the record (a corrected copy, a draft)"
        )


def _id_name(key: str) -> str:
    """The ID as the report names it (a cable without an ID by its file name)."""
    return key[1:] if key.startswith("\x00") else key


def _cables(n: int) -> str:
    return f"{n} cable{'s' if n != 1 else ''}"


def _key(row: Row, codes: tuple[str, ...]) -> str | None:
    """What makes two rows one cable: its reference ID, else its file name up to the first dot
    (after a NUL, which no ID holds); None for a file that could not be read."""
    if row["id"]:
        return row["id"]
    if "read-error" in codes:
        return None
    name = row["path"].replace("\\", "/").rsplit("/", 1)[-1]
    return "\x00" + (name.split(".", 1)[0] or name)
