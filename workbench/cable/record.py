"""The metadata block some partial-extract records carry: the record's own statement.

``id: 35687`` / ``date: 6/30/2005 22:35`` / ``refid: 05BOGOTA6237`` / ``origin: Embassy
Bogota`` / ``classification: SECRET`` / ``destination: ...`` / ``header:``, one per line, at
the top of the record or after a truncated preview of the header. It gives the reference ID and
the date where the extract's own text has none.
"""

from __future__ import annotations

from datetime import UTC, datetime

from workbench.cable.lines import LazyPattern
from workbench.cable.model import RecordBlock

_KEYS = ("id", "date", "refid", "origin", "classification", "destination")
# At a line start, or run on after the ``...`` of a truncated preview.
# (The block's patterns are compiled when first needed: few records hold one.)
_BLOCK_RE = LazyPattern(
    r"(?:^|(?<=\n)|(?<=\.\.\.)|(?<=\u2026))id:[ \t]*+(?P<id>\d+)[ \t]*+\n"
    r"date:[ \t]*+(?P<date>[^\n]*?)[ \t]*+\n"
    r"refid:[ \t]*+(?P<refid>[^\n]*?)[ \t]*+\n"
    r"(?:origin:[ \t]*+(?P<origin>[^\n]*?)[ \t]*+\n)?"
    r"(?:classification:[ \t]*+(?P<classification>[^\n]*?)[ \t]*+\n)?"
    r"(?:destination:[ \t]*+(?P<destination>[^\n]*?)[ \t]*+(?:\n|\Z))?"
)
_DATE_RE = LazyPattern(
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?:[ \t]+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
)
_REFID_RE = LazyPattern(r"(?:\d{2}|\d{4})[A-Z][A-Z0-9]*\d")


def read_record(text: str, hi: int) -> RecordBlock | None:
    """The metadata block within ``text[:hi]``, if the record has one."""
    m = _BLOCK_RE.search(text, 0, min(hi, len(text)))
    if m is None:
        return None
    fields = tuple((k, m.group(k)) for k in _KEYS if m.group(k) is not None)
    start, end = m.span()
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    sent = None
    d = _DATE_RE.fullmatch(m.group("date"))
    if d:
        try:
            sent = datetime(
                int(d.group("y")),
                int(d.group("m")),
                int(d.group("d")),
                int(d.group("H") or 0),
                int(d.group("M") or 0),
                tzinfo=UTC,
            )
        except ValueError:
            sent = None
    refid = m.group("refid")
    return RecordBlock(
        text=text[start:end],
        start=start,
        end=end,
        fields=fields,
        refid=refid if _REFID_RE.fullmatch(refid) else None,
        sent=sent,
    )
