"""Findings about banners, portion marks, the authority line and paragraph references.

Rules from declassification.md sections 2 and 3 (32 CFR 2001.21; CAPCO 2016 D.2; E.O. 12958 as
amended and E.O. 13526 section 1.4).  Unmarked paragraphs and paragraph references are in
``paragraphs``, the authority line in ``authority``.
"""

from __future__ import annotations

import re
from datetime import date

from workbench.cable.model import LEVELS, Cable, Marking, level_rank
from workbench.declass.authority import authority_findings
from workbench.declass.codes import finding
from workbench.declass.model import Finding
from workbench.declass.paragraphs import para_ref_findings, unmarked_paragraphs
from workbench.naming import paragraph_name

# The transmission header's security line, ``ZNY CCCCC ZZH`` (``ZNR UUUUU`` when unclassified):
# the level the message was sent at, repeated five times.  Real files sometimes have another
# cable's text pasted after the header, so a banner that disagrees with it needs a reviewer.
# ``EEEEE`` (EFTO) is unclassified traffic encrypted for transmission only.
_HEADER_LEVEL_RE = re.compile(r"(?m)^ZN[YR][ \t]+(?P<c>[CSTUE])(?P=c){4}\b")
_HEADER_LEVELS = {
    "C": "CONFIDENTIAL",
    "S": "SECRET",
    "T": "TOP SECRET",
    "U": "UNCLASSIFIED",
    "E": "UNCLASSIFIED",
}
_CONFIDENTIAL = level_rank("CONFIDENTIAL")


def header_level(cable: Cable) -> tuple[str, int, int] | None:
    """The level of the transmission header's security line, with its span, if it has one."""
    hi = cable.classification.start if cable.classification else min(len(cable.text), 3000)
    m = _HEADER_LEVEL_RE.search(cable.text, 0, hi)
    if m is None:
        return None
    return _HEADER_LEVELS[m.group("c")], m.start(), m.end()


_RANK = {level: i for i, level in enumerate(LEVELS)}


def highest_portion(cable: Cable) -> Marking | None:
    """The portion mark of the highest level (the first of them), if any paragraph has one."""
    highest = None
    top = -2
    for p in cable.paragraphs:
        m = p.marking
        if m is not None:
            rank = _RANK.get(m.level or "", -1)
            if rank > top:
                highest, top = m, rank
    return highest


def governing_level(cable: Cable) -> str | None:
    """The highest level the cable's own markings show: its banner, its highest portion mark
    or its transmission header's security line (``ZNY CCCCC``), whichever is highest; None when
    none of them gives a level. A release answers for this level, not the banner's alone: a
    banner must be at least the highest portion (32 CFR 2001.21(b); declassification.md
    section 2), so an ``UNCLAS`` banner over ``(C)`` paragraphs is "mis-marked, not
    unclassified" (ibid.), and ``check`` counts its due date from CONFIDENTIAL too. Default-deny:
    where the markings disagree, the higher one stands until a reviewer re-marks the cable."""
    banner = cable.classification.level if cable.classification else None
    portion = highest_portion(cable)
    header = header_level(cable)
    levels = [banner, portion.level if portion else None, header[0] if header else None]
    known = [lv for lv in levels if level_rank(lv) >= 0]
    return max(known, key=level_rank) if known else None


def marking_findings(
    cable: Cable, classified: bool, origin: date | None, order: str | None
) -> list[Finding]:
    out: list[Finding] = []
    banner = cable.classification
    if banner is None:
        out.append(
            finding(
                "no-classification",
                "No classification line was found, so the cable's level is unknown and a "
                "reviewer must read it.",
            )
        )
    else:
        out.extend(_portion_findings(cable))
        header = header_level(cable)
        # UNCLAS traffic also carries LOU and SBU banners; only a classified side can conflict.
        if (
            header is not None
            and header[0] != banner.level
            and max(level_rank(header[0]), level_rank(banner.level)) >= _CONFIDENTIAL
        ):
            out.append(
                finding(
                    "banner-conflicts-header",
                    f"The banner says {banner.level} but the transmission header says {header[0]}.",
                    header[1],
                    header[2],
                )
            )
    if classified:
        out.extend(unmarked_paragraphs(cable, origin, order))
        out.extend(authority_findings(cable, origin, order))
    out.extend(para_ref_findings(cable))
    return out


def _portion_findings(cable: Cable) -> list[Finding]:
    banner = cable.classification
    assert banner is not None
    out: list[Finding] = []
    banner_rank = level_rank(banner.level)
    highest = highest_portion(cable)
    noforn = None
    for p in cable.paragraphs:
        m = p.marking
        if m is None:
            continue
        if m.malformed:
            out.append(
                finding(
                    "malformed-portion-mark",
                    f"{paragraph_name(p, capital=True)} is marked '{m.text}', a portion mark missing a "
                    "parenthesis.",
                    m.start,
                    m.end,
                )
            )
        if noforn is None and "NOFORN" in m.controls:
            noforn = m
    # 32 CFR 2001.21(b), CAPCO 2016 D.2: the banner is at least the highest portion mark.
    if highest is not None and level_rank(highest.level) > banner_rank:
        out.append(
            finding(
                "banner-below-portion",
                f"The banner says {banner.level} but a portion is marked {highest.text} "
                f"({highest.level}).",
                highest.start,
                highest.end,
            )
        )
    # Same sources: any NF portion makes the banner NOFORN.
    if noforn is not None and "NOFORN" not in banner.controls:
        out.append(
            finding(
                "noforn-not-on-banner",
                f"A portion is marked {noforn.text} (NOFORN) but the banner does not carry NOFORN.",
                noforn.start,
                noforn.end,
            )
        )
    return out
