"""Whether a text read as a cable is one: what the commands that act on a cable ask.

The reader reads any text (a header fragment, a page of a cable) and says what it found; that
is right for ``workbench parse``. Checking a due date, reviewing, suggesting or releasing a
text with no classification line, no date-time group and no reference ID is not: a README or
a spreadsheet given by mistake would get a status, a due date read from its prose, or a
"release" on State Department letterhead. Those commands read through :func:`read_document`.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.cable.decode import CableError
from workbench.cable.model import Cable
from workbench.cable.parse import read_cable

# A table is refused when at least this share of its non-blank lines are rows (two or more
# fields between tabs) and it begins with one. Among the corpus's 2,151 files the most is 20%
# (08SANTIAGO293's tab-aligned columns); none begins with a row; INDEX.tsv is 100%.
_TABLE_SHARE = 0.5
# A classification line this far down a text with no date-time group and no reference ID
# stands where no banner does. The corpus's 131 undated records have theirs on line 1-16.
_BANNER_LINES = 40


def not_a_cable(cable: Cable, name: str | os.PathLike[str] | None = None) -> str | None:
    """One sentence saying why ``cable`` is not a cable's text, or None when it may be one."""
    where = os.fspath(name) if name is not None else (cable.path or "the text")
    if _is_table(cable.text):
        # A spreadsheet's rows (the corpus INDEX.tsv saved as .txt): a banner word in a cell
        # was read as the classification line, and the table checked as an UNCLASSIFIED cable.
        return (
            f"{where} does not look like a cable: it is a table (its lines are rows of fields "
            "between tabs); give the text file of a cable."
        )
    if cable.sent is not None or cable.id is not None:
        return None
    if cable.classification is None:
        return (
            f"{where} does not look like a cable: it has no classification line, no date-time "
            "group and no reference ID; give the text file of a cable."
        )
    line = cable.text.count("\n", 0, cable.classification.start) + 1
    if line > _BANNER_LINES:
        return (
            f"{where} does not look like a cable: it has no date-time group and no reference "
            f"ID, and its only classification marking is on line {line}, where no banner "
            "stands; give the text file of a cable."
        )
    return None


def _is_table(text: str) -> bool:
    if "\t" not in text:  # most cables: no line is read at all
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3 or not _is_row(lines[0]):
        return False
    return sum(map(_is_row, lines)) >= _TABLE_SHARE * len(lines)


def _is_row(line: str) -> bool:
    """Two or more fields between tabs (a tab that only aligns or ends a line is no row)."""
    return sum(1 for cell in line.split("\t") if cell.strip()) >= 2


def require_cable(cable: Cable, name: str | os.PathLike[str] | None = None) -> Cable:
    """``cable``, or :class:`CableError` with :func:`not_a_cable`'s sentence."""
    why = not_a_cable(cable, name)
    if why is not None:
        raise CableError(why)
    return cable


def read_document(path: str | Path) -> Cable:
    """:func:`read_cable`, refusing a text that is not a cable (one :class:`CableError`)."""
    return require_cable(read_cable(path), path)
