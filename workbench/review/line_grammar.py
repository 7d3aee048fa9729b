"""Strict patterns for the lines a release may print by rule, without a reviewer reading them.

The reader (``workbench.cable``) finds fields with generous searches, because real cables run
lines together; a generous search is right for finding things and wrong for releasing them.
Here every pattern must match a *whole* line (or a whole piece of one), and its vocabulary is
closed: transmission codes, date-time groups, page-break headers, banners, captions, separators.
A line that almost matches is not released: it becomes an unparsed region a reviewer decides.

The vocabulary is this module's own (not imported from the reader, which may change): the
banner words and captions of declassification.md section 2, the routing lines of the corpus's
AUTODIN headers.
"""

from __future__ import annotations

import re


def _spaced(word: str) -> str:
    """``word`` plain or letter-spaced (``C O N F I D E N T I A L``)."""
    return "[ ]?".join(re.escape(ch) for ch in word)


_BANNERS = (
    "TOP SECRET",
    "LIMITED OFFICIAL USE",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
    "UNCLAS",
)
BANNER = "(?:" + "|".join("[ ]+".join(_spaced(w) for w in b.split()) for b in _BANNERS) + ")"
CAPTION_WORDS = (
    "SIPDIS",
    "NOFORN",
    "SENSITIVE",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "ROGER",
    "CHEROKEE",
    "NOCONTRACT",
    "ORCON",
    "PROPIN",
    "EFTO",
    "E F T O",
    "FOR OFFICIAL USE ONLY",
    "NOT FOR FOREIGN DISSEMINATION",
)
CAPTION = "(?:" + "|".join(re.escape(c).replace(r"\ ", "[ ]+") for c in CAPTION_WORDS) + ")"
_POST = r"[A-Z][A-Z'.\-]*(?:[ ]{1,3}[A-Z][A-Z'.\-]*){0,4}"
_DTG = r"\d{6}Z"
_WS = r"[ \t]*"


def _full(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"{_WS}(?:{pattern}){_WS}", flags)


# The page-break header a teletype printout repeats on each page, as a whole line or as the
# start of one that runs on into text ("PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) ...").
PAGE_HEADER = re.compile(
    rf"{_WS}(?:PAGE[ \t]+\d{{2,3}}[ \t]+{_POST}[ \t]+\d{{3,8}}(?:[ \t]+\d{{2,3}}[ \t]+OF[ \t]+\d{{2,3}})?"
    rf"(?:[ \t]+{_DTG})?"
    rf"|{_POST}[ \t]+\d{{6,8}}[ \t]+\d{{3}}(?:\.\d)?[ \t]+OF[ \t]+\d{{3}})"
)

# Lines that carry no text of the cable: page-break debris and separators.
DEBRIS_LINE = _full(
    "|".join(
        (
            rf"{BANNER}(?:[ \t]+PTQ\d+)?",  # a lone banner at a page break
            r"NNNN?|BT|#\d{3,5}|NMAFVVZCZ|VZCZC\w*",
            r"-{3,}[ \t]*[0-9A-F]{0,8}[ \t]*(?:\d{6}Z[ \t]*/\d+)?",
            r"[^\w\s]+(?:[ \t]+[^\w\s]+)*",  # punctuation only: ----, ====, >, ***
            r"\*{3,}[ \t]*\*[ \t]*Missing Section \d{3}[ \t]*\*[ \t]*\*{3,}",
        )
    )
)

# Transmission lines of the routing header (AUTODIN): routing indicators, the DE line, the
# ZNY security line, date-time groups, distribution counts, the mirrors' extract notice.
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
ROUTING_LINE = _full(
    "|".join(
        (
            r"VZCZC\w*",
            r"[A-Z]{2}(?:[ \t]+R[A-Z0-9]{4,6})+",  # PP RUEHWEB / OO RUEHFL RUEHKW ...
            r"R[A-Z0-9]{4,6}(?:[ \t]+R[A-Z0-9]{4,6})*",  # more routing indicators
            r"-{3,}[ \t]*header ends[ \t]*-{3,}",
            r"DE[ \t]+R[A-Z0-9]{4,6}[ \t]+#\d{3,5}(?:/\d{2})?(?:[ \t]+\d{7})?",
            r"ZN[YR][ \t]+[CSUETA]{5}[ \t]+ZZH(?:[ \t]+(?:CCY|Z[A-Z0-9]{2,3}))*",
            rf"[OPRZ]{{1,2}}(?:[ \t]+[OPRZ])?[ \t]+{_DTG}[ \t]+{_MONTH}[ \t]+\d{{2}}(?:[ \t]+Z[A-Z0-9]{2, 3})*",
            rf"{_DTG}[ \t]+(?i:{_MONTH})[ \t]+\d{{2}}",
            r"This record is a partial extract of the original cable\. The full text of the "
            r"original cable is not available\.",
            rf"{_WEEKDAY},[ \t]+\d{{1,2}}[ \t]+[A-Z][a-z]+[ \t]+\d{{4}},[ \t]+\d{{2}}:\d{{2}}",
            r"ACTION[ \t]+[A-Z]{1,6}-\d{2}",
            r"(?:INFO[ \t]+)?(?:[A-Z]{1,6}-\d{2}[ \t]*)+(?:/\d{3}[A-Z])?",  # LOG-00 NP-00 ...
            r"/\d{3}[A-Z]",
            r"-{3,}[0-9A-F]{0,8}[ \t]+\d{6}Z[ \t]*/\d+",
        )
    )
)

# The classification line: banner, controls, section count, post and serial, captions.
CLASS_LINE = _full(
    rf"{BANNER}(?:[ \t]*//?[ \t]*[A-Z]+)*"
    rf"(?:[ \t]+{CAPTION})*"
    r"(?:[ \t]+SE?CTION[ \t]+\d{1,3}[ \t]+OF[ \t]+\d{1,3})?"
    rf"(?:[ \t]+{_POST}[ \t]+\d{{2,7}})?"
    rf"(?:[ \t]+{CAPTION})*",
    re.IGNORECASE,
)
CAPTION_LINE = _full(rf"{CAPTION}(?:[ \t]+{CAPTION})*")

# The E.O. line: the order, and a declassification instruction from a closed vocabulary (the
# forms of declassification.md section 4 and of the corpus: "DECL: 12/26/2016", "DECL ON:
# 07/01/2019", "DECL: 2035/02/12", "N/A" with or without "DECL:"), and at its end only the
# mirrors' debris (a Markdown line break's backslash, stray quotes). Any other words after the order
# ("DECL: UPON THE DEATH OF OUR SOURCE ...", an event) are the cable's text: the region reader
# makes them a region a reviewer decides (newcomer 5, finding 6).
_DECL_VALUE = (
    r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|OADR|MR"
    r"|N[ \t]?/?[ \t]?A|X[1-8](?:,[ \t]*X[1-8])*"
    r"|1\.6X[1-8]?|25X\d(?:-HUM)?|50X\d(?:-[A-Z]+)?|[A-Z]?GDS(?:-\d)?|RDS-\d|DECLASSIFIED"
    r"|(?:TEN|TWENTY|TWENTY-FIVE|THIRTY|\d{1,2})[ \t]+YEARS"
    r"|\d{2}[ \t]*(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*[ \t]*\d{2,4})"
)
_EO_ORDER = r"E\.?[ \t]?O\.?[ \t]*1[0-3]\d{3}[ \t]*:?"
# The order alone, at the start of an E.O. line whose instruction is not of the closed forms.
EO_ORDER = re.compile(rf"{_WS}{_EO_ORDER}{_WS}", re.IGNORECASE)
EO_LINE = _full(
    rf"{_EO_ORDER}"
    rf"(?:\s*(?:(?:DECL|DECLASSIFY)(?:[ \t]+ON)?[ \t]*:?[ \t]*)?{_DECL_VALUE}[ \t]*\.?)?"
    r"(?:[ \t]*[\\\"',]+)?",
    re.IGNORECASE,
)

# The reasons after a classifier's name: "Reasons 1.4 (b,d).", "FOR REASONS 1.5 (B) AND (D)."
REASONS = re.compile(
    r"[ \t,.;:]*(?:(?:for|per)[ \t]+)?reasons?[ \t:]*(?:E\.?O\.?[ \t]*1[23]\d{3}[ \t,]*)?"
    r"(?:1\.[456][ \t]*)?(?:[(\[]?[ \t]*[a-h][ \t]*[)\]]?(?:[ \t]*(?:,|and|&|/)?[ \t]*)?)*"
    r"[ \t]*[.)]*[ \t]*",
    re.IGNORECASE,
)

# Labels a region keeps visible when its text is withheld.
PARAGRAPH_LABEL = re.compile(
    r"[ \t]*(?:¶[ \t]*)?\d{1,3}[ \t]*\.?[ \t]*(?:\([ \t]*[A-Z][A-Z0-9/ ,.\-]{0,30}\))?[ \t]*"
)
FIELD_LABELS: dict[str, re.Pattern[str]] = {
    "from": re.compile(r"[ \t]*FM[ \t]*"),
    "to": re.compile(r"[ \t]*TO[ \t]*"),
    "info": re.compile(r"[ \t]*INFO[ \t]*"),
    "subject": re.compile(r"[ \t]*SUBJ(?:ECT)?[ \t]*:[ \t]*", re.IGNORECASE),
    "refs": re.compile(r"[ \t]*(?:REFS?|REFTELS?|REFERENCES?)\b[ \t]*[:.]?[ \t]*", re.IGNORECASE),
    "tags": re.compile(r"[ \t]*TAGS?\b[ \t]*:?[ \t]*", re.IGNORECASE),
    "classified_by": re.compile(r"[ \t]*CLASSIFIED[ \t]+BY[ \t]*:?[ \t]*", re.IGNORECASE),
}

# Where a line that repeats header fields divides into one piece per field.
FIELD_START = re.compile(
    r"(?:(?<=\s)|^)(?=SUBJ(?:ECT)?[ \t]*:|TAGS?\b|E\.?[ \t]?O\.?[ \t]*1[0-3]\d{3}|REFS?[ \t]*:"
    r"|REFTELS?[ \t]*:|CLASSIFIED[ \t]+BY\b|(?-i:SIPDIS\b))",
    re.IGNORECASE,
)


def fullmatch(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.fullmatch(text) is not None
