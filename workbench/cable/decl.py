"""Reading the E.O. line and the DECL instruction into a kind, a date and codes.

Forms from declassification.md sections 1 and 4 (cablemap's tests and the corpus). This module
finds the line; ``workbench.cable.instruction`` reads what its instruction says, and what that
means for the due date is ``workbench.declass``.
"""

from __future__ import annotations

import re

from workbench.cable.instruction import duration_years, read_decl
from workbench.cable.model import Decl, EOLine

# Interpreting the instruction moved to ``workbench.cable.instruction`` (issue 13); these names
# stay importable from here.
__all__ = ["DECL_RE", "EO_RE", "FIELD_STOP_RE", "duration_years", "read_decl", "read_eo_line"]

# ``E.O. 12958:``, ``EO 12958``, ``E.o. 12958: decl:``, ``E. O. 11652:``, ``E.O.12958:N/A``.
# Run together with the previous line (``NA-20E.O. 12958``, ``SIPDISE.O. 12958``) only the
# dotted form is safe to recognise.
EO_RE = re.compile(
    r"(?:(?<![A-Za-z])E\.?[ \t]?O\.?|E\.[ \t]?O\.)[ \t]*(?P<order>1[1-3]\d{3})(?!\d)[ \t]*:?",
    re.IGNORECASE,
)
DECL_RE = re.compile(r"\bDECL(?:ASSIFY)?\b[ \t]*(?::|\bON\b)?[ \t]*", re.IGNORECASE)
# Where a run-together E.O. line stops: the next header field on the same line.
FIELD_STOP_RE = re.compile(r"TAGS?\b|SUBJ(?:ECT)?\s*:|\bREF\w*\s*:", re.IGNORECASE)


def read_eo_line(
    source: str, lo: int, hi: int, reference_year: int | None
) -> tuple[EOLine | None, Decl | None]:
    """Find the E.O. line (and its DECL instruction) within ``source[lo:hi]``."""
    m = EO_RE.search(source, lo, hi)
    if m:
        line_end = source.find("\n", m.end())
        line_end = hi if line_end == -1 or line_end > hi else line_end
        stop = FIELD_STOP_RE.search(source, m.end(), line_end)
        end = stop.start() if stop else line_end
        line = source[m.start() : end].rstrip()
        eo = EOLine(line, m.group("order"), m.start(), m.start() + len(line))
        d = DECL_RE.search(source, m.end(), eo.end)
        if d:
            body_start = d.end()
        else:
            body_start = m.end()
        body = source[body_start : eo.end].strip()
        if not body:
            return eo, None
        body_start = source.index(body, body_start, eo.end + 1)
        return eo, read_decl(body, body_start, reference_year)
    # No E.O. cited, but a bare ``DECL: OADR`` line.
    d = re.compile(r"(?m)^[ \t]*DECL[ \t]*:[ \t]*").search(source, lo, hi)
    if not d:
        return None, None
    line_end = source.find("\n", d.end())
    line_end = hi if line_end == -1 or line_end > hi else line_end
    body = source[d.end() : line_end].strip()
    if not body:
        return None, None
    return None, read_decl(body, source.index(body, d.end(), line_end + 1), reference_year)
