"""Classification words: banners, handling captions and portion markings.

Vocabulary from declassification.md section 2 (32 CFR 2001.21, CAPCO 2016 D.2, 5 FAH-2 H-220).
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.cable.builders import new_marking
from workbench.cable.model import Marking
from workbench.cable.patterns import compile_pattern


def _spaced(word: str) -> str:
    """A pattern for ``word`` written plain or letter-spaced (``C O N F I D E N T I A L``)."""
    return "[ ]?".join(re.escape(ch) for ch in word)


# Longest first so that TOP SECRET wins over SECRET and UNCLASSIFIED over UNCLAS.
BANNER_WORDS: tuple[tuple[str, str], ...] = (
    ("TOP SECRET", "TOP SECRET"),
    ("LIMITED OFFICIAL USE", "LIMITED OFFICIAL USE"),
    ("UNCLASSIFIED", "UNCLASSIFIED"),
    ("CONFIDENTIAL", "CONFIDENTIAL"),
    ("SECRET", "SECRET"),
    ("UNCLAS", "UNCLASSIFIED"),
)
_BANNER_ALTS = "|".join(
    f"(?P<w{i}>" + "[ ]+".join(_spaced(part) for part in words.split()) + ")"
    for i, (words, _) in enumerate(BANNER_WORDS)
)
BANNER_WORD_RE = compile_pattern(rf"(?:{_BANNER_ALTS})(?![A-Z])")
# The same without named groups, to embed more than once in a larger pattern.
BANNER_WORDS_PATTERN = re.sub(r"\(\?P<w\d+>", "(?:", BANNER_WORD_RE.pattern)


def banner_level(match: re.Match[str], ignore_case: bool = False) -> str:
    """The level named by a match of a pattern built on :data:`BANNER_WORD_RE`."""
    for i, (_, level) in enumerate(BANNER_WORDS):
        if match.group(f"w{i}"):
            return level
    raise ValueError("not a banner match")


# Handling captions and dissemination controls that follow the classification line.
CAPTIONS = (
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
)
CAPTION_RE = compile_pattern(
    r"\bFOR OFFICIAL USE ONLY\b|\bSENSITIVE BUT UNCLASSIFIED\b|\bNOT FOR FOREIGN (?:NATIONALS|DISSEM\w*)\b"
    r"|\b(?:" + "|".join(_spaced(c) for c in CAPTIONS) + r")\b"
)


_LETTER_GAP_RE = compile_pattern(r"(?<=\b\w) (?=\w\b)")
_CONTROL_SEP_RE = compile_pattern(r"[/,]+|\s+")


@lru_cache(maxsize=256)  # a handful of captions, written the same way in most cables
def caption_name(text: str) -> str:
    """A caption as a name: ``E F T O`` -> ``EFTO``."""
    return _LETTER_GAP_RE.sub("", text).upper()


LEVEL_CODES = {
    "U": "UNCLASSIFIED",
    "C": "CONFIDENTIAL",
    "S": "SECRET",
    "TS": "TOP SECRET",
    "SBU": "UNCLASSIFIED",
    "LOU": "LIMITED OFFICIAL USE",
    "FOUO": "UNCLASSIFIED",
}
CONTROL_CODES = {
    "NF": "NOFORN",
    "NOFORN": "NOFORN",
    "N": "NOFORN",
    "FOUO": "FOUO",
    "SBU": "SBU",
    "ORCON": "ORCON",
    "OC": "ORCON",
    "PROPIN": "PROPIN",
    "PR": "PROPIN",
    "NODIS": "NODIS",
    "EXDIS": "EXDIS",
    "LIMDIS": "LIMDIS",
    "SIPDIS": "SIPDIS",
    "REL": "REL",
}

# The inside of a portion mark: a level code, then controls after "//" or "/" or ", ".
_MARK_BODY_RE = compile_pattern(
    r"^(?P<level>TS|SBU|LOU|FOUO|[UCS])(?P<rest>(?:\s*/{1,2}\s*[A-Z][A-Z0-9 ,\-/]*)?)$"
)


# A cable repeats a handful of marks (``C``, ``S//NF``) in every paragraph: read each once.
@lru_cache(maxsize=512)
def parse_mark_body(body: str) -> tuple[str | None, tuple[str, ...]] | None:
    """Level and controls of a portion mark's inside (``C//NF`` -> CONFIDENTIAL, NOFORN).

    Returns ``None`` when ``body`` is not a portion mark at all.
    """
    b = " ".join(body.upper().split())
    m = _MARK_BODY_RE.match(b)
    if not m:
        return None
    code = m.group("level")
    level = LEVEL_CODES[code]
    controls: list[str] = []
    if code in ("SBU", "FOUO"):
        controls.append(code)
    rest = m.group("rest").strip().lstrip("/").strip()
    if rest:
        if rest.startswith("REL"):
            controls.append(rest)
        else:
            for token in _CONTROL_SEP_RE.split(rest):
                token = token.strip()
                if not token:
                    continue
                name = CONTROL_CODES.get(token)
                if name is None:
                    return None
                if name not in controls:
                    controls.append(name)
    return level, tuple(controls)


# The inside of a well-formed mark as the reader finds it: short, on one line.
MARK_INSIDE = r"[A-Za-z][A-Za-z0-9 ,/\-]{0,38}?"
# A well-formed mark after optional blanks, for embedding at the end of a label pattern (as
# :data:`PLAIN_MARK`, groups ``mark`` and ``inside``), so that one match finds a label and its
# mark. It stops at ``[ \t]*+)`` where :data:`PORTION_RE` allows any white space before the
# ``)``: a mark split over lines is left to :func:`read_portion_mark`, and the embedding pattern
# never runs past a newline. Where it matches, :data:`PORTION_RE`'s first branch matches the
# same text (the inside is lazy in both, and cannot hold a newline).
PLAIN_MARK = r"(?:[ \t]*+(?P<mark>\((?P<inside>" + MARK_INSIDE + r")[ \t]*+\)))?"

# A portion mark right after a paragraph label: ``(C)``, ``(S//NF)``, ``( C )``, and the
# malformed ``C)`` and ``(SBU`` real cables carry.
PORTION_RE = compile_pattern(
    r"[ \t]*+(?:\((?P<body>" + MARK_INSIDE + r")\s*\)"
    # A long release list, which may wrap over lines (``(S//REL AFGHANISTAN, KYRGYZSTAN,``
    # / ``TAJIKISTAN)``): bounded, so a stray ``(S//REL`` cannot take a paragraph with it.
    r"|\((?P<rel>(?:TS|[UCS])[ \t]*+//?[ \t]*+REL\b[A-Z0-9 ,/\-\t\n]{0,200}?)\s*\)"
    r"|(?P<open>\((?P<obody>TS|SBU|[UCS])(?=[ \t]))"
    r"|(?P<close>(?<![A-Za-z])(?P<cbody>TS|SBU|[UCS])\)))"
)


def read_portion_mark(text: str, pos: int) -> Marking | None:
    """The portion mark starting at ``pos`` in ``text`` (after optional blanks), if any."""
    m = PORTION_RE.match(text, pos)
    if not m:
        return None
    body = m.group("body") if m.group("body") is not None else m.group("rel")
    if body is not None:
        parsed = parse_mark_body(body)
        if parsed is None:
            return None
        start = text.index("(", m.start(), m.end())
        return Marking(text[start : m.end()], parsed[0], parsed[1], start, m.end())
    body = m.group("obody") or m.group("cbody")
    parsed = parse_mark_body(body)
    if parsed is None:
        return None
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" \t")))
    return Marking(text[start : m.end()], parsed[0], parsed[1], start, m.end(), malformed=True)


def plain_mark(text: str, m: re.Match[str]) -> Marking | None:
    """The marking of match ``m``, whose :data:`PLAIN_MARK` group matched, as
    :func:`read_portion_mark` reads it there: ``None`` when the inside is no mark."""
    parsed = parse_mark_body(m.group("inside"))
    if parsed is None:
        return None
    start, end = m.span("mark")
    return new_marking(text[start:end], parsed[0], parsed[1], start, end)
