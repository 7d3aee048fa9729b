"""Finding the E.O. line and the DECL instruction where real cables put them.

Forms from declassification.md sections 1 and 4 (cablemap's tests and the corpus): the E.O.
line wrapped before its DECL (``E.O. 12958:`` then ``DECL: 5/11/2017`` on the next line), the
order number mistyped (``E.O. 19528:``, ``E.O. 1295:``), ``DECL:`` with no E.O. prefix, on its
line or run on after a caption (``SIPDIS DECL: ...``), and the line run into TAGS (``DECL:
08/22/2017 AGS: PGOV``). This module finds the line; ``workbench.cable.instruction`` reads what
its instruction says, and what that means for the due date is ``workbench.declass``.
"""

from __future__ import annotations

import re

from workbench.cable.instruction import duration_years, read_decl
from workbench.cable.model import Decl, EOLine
from workbench.cable.patterns import compile_pattern

# Interpreting the instruction moved to ``workbench.cable.instruction`` (issue 13); these names
# stay importable from here.
__all__ = ["DECL_RE", "EO_RE", "FIELD_STOP_RE", "duration_years", "read_decl", "read_eo_line"]

# ``E.O. 12958:``, ``EO 12958``, ``E.o. 12958: decl:``, ``E. O. 11652:``, ``E.O.12958:N/A``,
# and the order mistyped (``E.O. 19528``, ``E.O. 1295:``): ``order`` is kept as written.
# Run together with the previous line (``NA-20E.O. 12958``, ``SIPDISE.O. 12958``) only the
# dotted form is safe to recognise.
EO_RE = compile_pattern(
    r"(?:(?<![A-Za-z])E\.?[ \t]?O\.?|E\.[ \t]?O\.)[ \t]*+(?P<order>1\d{3,4})(?!\d)[ \t]*+:?",
    re.IGNORECASE,
)
# (A letter typed after DECL before its colon, ``DECLl: 10/29/2018``, is a slip too.)
DECL_RE = compile_pattern(
    r"(?<![A-Za-z])DECL(?:ASSIFY\b|[A-Za-z](?=[ \t]*+:)|\b)[ \t]*+(?::|\bON\b)?[ \t]*+",
    re.IGNORECASE,
)
# ``DECL:`` with no E.O. before it: at a line start, or run on after a caption.
_BARE_DECL_RE = compile_pattern(
    r"(?:^|(?<=\n)|(?<=[ \t]))[ \t]*+DECL(?:ASSIFY)?[ \t]*+:[ \t]*+", re.IGNORECASE
)
# Where a run-together E.O. line stops: the next header field on the same line, TAGS with its
# typing slips (``DECL: 08/22/2017 AGS: PGOV``).
FIELD_STOP_RE = compile_pattern(
    r"TAGS?\b|(?<![A-Za-z])(?:TAGES|TABS|TGS|TAS|AGS)[ \t]*+:|SUBJ(?:ECT)?\s*:|\bREF\w*\s*:",
    re.IGNORECASE,
)
_DNG_RE = compile_pattern(r"(?<![A-Za-z])DNG\b", re.IGNORECASE)


def _line_stop(source: str, pos: int, hi: int) -> int:
    """The end of the line at ``pos`` (within ``hi``), or where the next field runs in."""
    line_end = source.find("\n", pos, hi)
    line_end = hi if line_end == -1 else line_end
    stop = FIELD_STOP_RE.search(source, pos, line_end)
    return stop.start() if stop else line_end


def _instruction(source: str, start: int, end: int, year: int | None) -> Decl | None:
    body = source[start:end].strip()
    if not body:
        return None
    return read_decl(body, source.index(body, start, end), year)


def read_eo_line(
    source: str, lo: int, hi: int, reference_year: int | None
) -> tuple[EOLine | None, Decl | None]:
    """Find the E.O. line (and its DECL instruction) within ``source[lo:hi]``."""
    hi = min(hi, len(source))
    m = EO_RE.search(source, lo, hi)
    if m:
        end = _line_stop(source, m.end(), hi)
        if not source[m.end() : end].strip(" \t:") and end < hi and source[end] == "\n":
            # ``E.O. 12958:`` ends its line; the instruction is on the next one.
            nxt = end + 1
            d = DECL_RE.match(source, nxt + len(source[nxt:hi]) - len(source[nxt:hi].lstrip(" \t")))
            if d and d.group(0).strip():
                end = _line_stop(source, nxt, hi)
        line = source[m.start() : end].rstrip()
        eo = EOLine(line, m.group("order"), m.start(), m.start() + len(line))
        d = DECL_RE.search(source, m.end(), eo.end)
        # A downgrade written before DECL on the same line goes to the reader whole.
        if d and not _DNG_RE.search(source, m.end(), d.start()):
            body_start = d.end()
        else:
            body_start = m.end()
        return eo, _instruction(source, body_start, eo.end, reference_year)
    # No E.O. cited, but a bare ``DECL: OADR`` line, or ``SIPDIS DECL: 05/11/2017``.
    d = _BARE_DECL_RE.search(source, lo, hi)
    if not d:
        return None, None
    return None, _instruction(source, d.end(), _line_stop(source, d.end(), hi), reference_year)
