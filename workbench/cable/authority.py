"""The classification authority line: ``Classified By: A/DCM Joseph Y. Yun. Reasons 1.4 (b,d).``

Variants from declassification.md section 3; the reason letters are E.O. 12958/13526 section
1.4 (a)-(h), or 1.5 (a)-(g) before the 2003 amendment.
"""

from __future__ import annotations

import re

from workbench.cable.model import ClassifiedBy

CLASSIFIED_BY_RE = re.compile(r"\bCLASSIFIED[ \t]+BY\b[ \t]*:?[ \t]*", re.IGNORECASE)
# The block ends at a blank line or at the next paragraph label.
_BLOCK_END_RE = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:¶|\d{1,3}[ \t]*\.(?:[ \t]|\())")
_NAME_END_RE = re.compile(
    r"[ \t]*[.,;:]?[ \t\n]*(?:\bFOR[ \t\n]+|\bPER[ \t\n]+|\bUNDER[ \t\n]+|\bBASED[ \t\n]+ON[ \t\n]+)?"
    r"(?:\bREAS(?:ON|\s*\n\s*ONS?)S?\b|\bREASONS?\(S\)|\bE\.?[ \t]?O\.?[ \t]*1[23]\d{3}|\b1[.,][45][ \t]*[(A-H])",
    re.IGNORECASE,
)
# ``1.4``, ``1,4``, ``1. 4``, and ``1.`` wrapped onto the next line before ``4``.
_SECTION_RE = re.compile(r"(?<![\d.])1[ \t]?[.,][ \t\n]?(?P<sec>[45])(?![\d])")
_LETTER_RE = re.compile(r"(?<![A-Za-z])(?P<l>[A-Za-z])(?![A-Za-z])")
# A sentence end after the letters: everything later is not part of the reasons.
_REASONS_END_RE = re.compile(r"\)\s*\.|[A-Za-z]\s*\.(?:\s|$)|\n[ \t]*\n")


def read_classified_by(source: str, lo: int, hi: int) -> ClassifiedBy | None:
    """Find and read the first classification authority line in ``source[lo:hi]``."""
    m = CLASSIFIED_BY_RE.search(source, lo, hi)
    if not m:
        return None
    block_end_m = _BLOCK_END_RE.search(source, m.end(), min(len(source), m.end() + 600))
    end = block_end_m.start() if block_end_m else min(len(source), m.end() + 300)
    # A real block is a line or two; cap it so a run-on paragraph is not swallowed.
    end = min(end, m.end() + 400)
    block = source[m.end() : end]

    name_end = _NAME_END_RE.search(block)
    name = block[: name_end.start()] if name_end else block.split("\n", 1)[0]
    name = " ".join(name.split()).strip(" .,;:")
    # "Classified By: Classified by Ambassador ..." (a template line typed over).
    name = re.sub(r"^CLASSIFIED\s+BY:?\s*", "", name, flags=re.IGNORECASE)

    reasons: list[str] = []
    bad: list[str] = []
    section = None
    block_stop = len(block)
    sec = _SECTION_RE.search(block)
    if sec:
        section = "1." + sec.group("sec")
        tail_start = sec.end()
        stop = _REASONS_END_RE.search(block, tail_start)
        tail_end = stop.end() if stop else len(block)
        tail = block[tail_start:tail_end]
        limit = "h" if section == "1.4" else "g"
        for lm in _LETTER_RE.finditer(tail):
            letter = lm.group("l").lower()
            code = f"{section}({letter})"
            if letter <= limit:
                if code not in reasons:
                    reasons.append(code)
            elif code not in bad:
                bad.append(code)
        block_stop = tail_end
    text_end = m.end() + len(block[:block_stop].rstrip())
    return ClassifiedBy(
        name=name,
        reasons=tuple(reasons),
        text=source[m.start() : text_end],
        start=m.start(),
        end=text_end,
        reason_section=section,
        bad_letters=tuple(bad),
    )
