"""The classification authority line: ``Classified By: A/DCM Joseph Y. Yun. Reasons 1.4 (b,d).``

Variants from declassification.md section 3; the reason letters are E.O. 12958/13526 section
1.4 (a)-(h), or 1.5 (a)-(g) before the 2003 amendment.
"""

from __future__ import annotations

import html
import re

from workbench.cable.lines import LinePattern
from workbench.cable.model import ClassifiedBy
from workbench.cable.patterns import compile_pattern

# ``Classified By:``, run into the word before (``REF: CAIRO 1725Classified By:``), typed as
# ``Classfied By``, or with the label broken over a blank line (``CLASSIFIED\n\nBY:``).
CLASSIFIED_BY_RE = compile_pattern(
    r"(?<![A-Za-z])CLAS(?:SIFIED|SFIED|IFIED|SIFED)[ \t]*+(?:\n[ \t]*+){0,2}BY\b[ \t]*+:?[ \t]*+",
    re.IGNORECASE,
)
_LABEL_WORDS = ("LASSIF", "lassif", "LASSF", "lassf", "LASIF", "lasif")
# The block ends at a blank line or at the next paragraph label.
_BLOCK_END_RE = compile_pattern(r"\n[ \t]*+\n|\n[ \t]*+(?:¶|\d{1,3}[ \t]*+\.(?:[ \t]|\())")
# (A search starts only where a blank run starts, so a run of blanks is not tried at each blank.)
_NAME_END_RE = compile_pattern(
    r"(?<![ \t])[ \t]*+[.,;:]?[ \t\n]*+(?:\bFOR[ \t\n]+|\bPER[ \t\n]+|\bUNDER[ \t\n]+|\bBASED[ \t\n]+ON[ \t\n]+)?"
    r"(?:\bREAS(?:ON|\s*\n\s*ONS?)S?\b|\bREASONS?\(S\)|\bE\.?[ \t]?O\.?[ \t]*+1[23]\d{3}|\b1[.,][45][ \t]*+[(A-H])",
    re.IGNORECASE,
)
# ``1.4``, ``1,4``, ``1. 4``, and ``1.`` wrapped onto the next line before ``4``.
_SECTION_RE = compile_pattern(r"(?<![\d.])1[ \t]?[.,][ \t\n]?(?P<sec>[45])(?![\d])")
# One token of a reasons list: ``(b,d)``, ``(B), (D)``, ``b and d``, ``B & D``, ``(b)(d)``,
# ``(b)-(d)``, ``b.d``, ``b+d``, and ``an d`` where a wrapped line split the word.
# Anything else (a digit, a word, a backslash, a stray portion mark) ends the list: real
# cables run the authority line into the first paragraph (``1.4 (b), (d) 1. (C) Summary``).
_REASON_TOKEN_RE = compile_pattern(
    r"(?P<ws>[ \t]*+(?:\\?[ \t]*+\n[ \t]*+)?)"
    r"(?:(?P<sep>,|&|\+|/|\.(?=[A-Za-z])|\ba\s{0,3}n\s{0,3}d\b|\bor\b|1[ \t]?[.,][ \t]?[45](?!\d))"
    r"|(?P<range>-)"
    r"|(?P<open>\()|(?P<close>\))"
    r"|(?P<l>[A-Za-z])(?![A-Za-z]))",
    re.IGNORECASE,
)
# A portion mark standing after the list (``(b) and (d) (S) Embassy``, ``(c)  (S/NF) HMG``).
_PORTION_AFTER_RE = compile_pattern(r"\((?:TS|SBU|[USC])(?:\)|/)")


def _reason_letters(block: str, pos: int) -> tuple[list[str], int]:
    """The letters of the reasons list starting at ``pos`` in ``block``, and where it ends."""
    letters: list[str] = []
    if block.startswith(".", pos):  # "1.4. (B) and (D)"
        pos += 1
    end = pos
    joined = True  # just after the section number or a separator: "(S)" is still a reason
    spanning = False  # after "-": the letters between are meant too
    while True:
        m = _REASON_TOKEN_RE.match(block, pos)
        if not m:
            break
        if m.group("open"):
            if m.group("ws") and not joined and _PORTION_AFTER_RE.match(block, m.start("open")):
                break
        elif m.group("l"):
            letter = m.group("l").lower()
            if spanning and letters and letters[-1] < letter:
                letters.extend(chr(c) for c in range(ord(letters[-1]) + 1, ord(letter)))
            letters.append(letter)
            end = m.end()
        elif m.group("close"):
            end = m.end()
        if m.group("range"):
            spanning = True
        elif m.group("l"):
            spanning = False
        joined = bool(m.group("sep") or m.group("range"))
        pos = m.end()
    return letters, end


def _find_label(source: str, lo: int, hi: int) -> re.Match[str] | None:
    # A case-insensitive pattern is tried at every offset; find the word with plain substring
    # searches first and start the pattern there.
    while lo < hi:
        hits = [i for i in (source.find(w, lo, hi) for w in _LABEL_WORDS) if i > 0]
        if not hits:
            return None
        first = min(hits) - 1
        m = CLASSIFIED_BY_RE.match(source, first, hi)
        if m:
            return m
        lo = first + 2
    return None


def read_classified_by(source: str, lo: int, hi: int) -> ClassifiedBy | None:
    """Find and read the first classification authority line in ``source[lo:hi]``.

    Some records give a truncated preview first (``Classified By: A/DCM X for Reasons 1.4
    (B...``) and the whole line later: then the whole one is read.
    """
    m = _find_label(source, lo, hi)
    if m is None:
        return None
    first = _read_at(source, m.start(), m.end())
    eol = source.find("\n", first.end)
    rest = source[first.end : eol if eol != -1 else len(source)].strip()
    if first.text.rstrip().endswith(("...", "\u2026")) or rest.startswith(("...", "\u2026")):
        later = _find_label(source, first.end, hi)
        if later is not None:
            whole = _read_at(source, later.start(), later.end())
            preview = " ".join(first.text.rstrip(" .\u2026").split()[2:])
            if " ".join(whole.text.split()[2:]).startswith(preview[: max(10, len(preview) - 8)]):
                return whole
    return first


# The authority line with its label lost, in the header before the first paragraph: the name
# and the reasons (``BY: Gene A. Cretz, Ambassador, ... REASON: 1.4 (b), (d)``, and ``Chris
# Stevens, CDA, AmEmbassy Tripoli, State. REASON: 1.4 (b), (d) 1.  (C)  Summary: ...``).
_UNLABELLED_RE = LinePattern(
    r"[ \t]*+(?P<by>BY[ \t]*+:[ \t]*+)?(?P<name>[A-Z][^\n]{0,200}?)"
    r"[ \t]*+[.,;]?[ \t]*+(?i:REASONS?)[ \t]*+:?[ \t]*+1[ \t]?[.,][ \t]?[45](?![\d])"
)


def read_unlabelled_authority(source: str, lo: int, hi: int) -> ClassifiedBy | None:
    """An authority line whose ``Classified By`` label was lost, starting a line within
    ``source[lo:hi]``; the caller searches only the header, before the first paragraph."""
    m = _UNLABELLED_RE.search(source, lo, hi)
    if m is None or "\n" in source[m.start("name") : m.end("name")]:
        return None
    start = m.start("by") if m.group("by") else m.start("name")
    # A label typed so that it ran into the name (``Classified ByMinister Counselor ...``).
    typo = _LABEL_RUN_IN_RE.match(source, m.start("name"))
    return _read_at(source, start, typo.end() if typo else m.start("name"))


_LABEL_RUN_IN_RE = compile_pattern(
    r"CLAS(?:SIFIED|SFIED|IFIED|SIFED)[ \t]*+BY[ \t]*+:?[ \t]*+", re.I
)


def _read_at(source: str, start: int, body_start: int) -> ClassifiedBy:
    """The authority line whose label is ``source[start:body_start]``."""
    block_end_m = _BLOCK_END_RE.search(source, body_start, min(len(source), body_start + 600))
    end = block_end_m.start() if block_end_m else min(len(source), body_start + 300)
    # A real block is a line or two; cap it so a run-on paragraph is not swallowed.
    end = min(end, body_start + 400)
    block = source[body_start:end]

    name_end = _NAME_END_RE.search(block)
    name = block[: name_end.start()] if name_end else block.split("\n", 1)[0]
    # The name as read: HTML left in the text decoded (``Charge d&#8217;Affaires``).
    name = html.unescape(" ".join(name.split())).strip(" .,;:")
    # "Classified By: Classified by Ambassador ..." (a template line typed over).
    name = CLASSIFIED_BY_RE.sub("", name, count=1) if CLASSIFIED_BY_RE.match(name) else name

    reasons: list[str] = []
    bad: list[str] = []
    section = None
    block_stop = len(block)
    sec = _SECTION_RE.search(block)
    if sec:
        section = "1." + sec.group("sec")
        letters, tail_end = _reason_letters(block, sec.end())
        limit = "h" if section == "1.4" else "g"
        for letter in letters:
            code = f"{section}({letter})"
            if letter <= limit:
                if code not in reasons:
                    reasons.append(code)
            elif code not in bad:
                bad.append(code)
        block_stop = tail_end
    text_end = body_start + len(block[:block_stop].rstrip())
    return ClassifiedBy(
        name=name,
        reasons=tuple(reasons),
        text=source[start:text_end],
        start=start,
        end=text_end,
        reason_section=section,
        bad_letters=tuple(bad),
    )
