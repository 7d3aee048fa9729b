"""Findings about banners, portion marks, the authority line and paragraph references.

Rules from declassification.md sections 2 and 3 (32 CFR 2001.21; CAPCO 2016 D.2; E.O. 12958 as
amended and E.O. 13526 section 1.4).
"""

from __future__ import annotations

import re
from datetime import date

from workbench.cable.model import Cable, level_rank
from workbench.declass.codes import finding
from workbench.declass.model import Finding
from workbench.declass.orders import ORDER_DATES

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


def marking_findings(cable: Cable, classified: bool, origin: date | None) -> list[Finding]:
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
        out.extend(_unmarked_paragraphs(cable))
        out.extend(_authority_findings(cable, origin))
    out.extend(_para_ref_findings(cable))
    return out


def _portion_findings(cable: Cable) -> list[Finding]:
    banner = cable.classification
    assert banner is not None
    out: list[Finding] = []
    banner_rank = level_rank(banner.level)
    highest = None
    noforn = None
    for p in cable.paragraphs:
        m = p.marking
        if m is None:
            continue
        if m.malformed:
            out.append(
                finding(
                    "malformed-portion-mark",
                    f"Paragraph {p.key} is marked '{m.text}', a portion mark missing a "
                    "parenthesis.",
                    m.start,
                    m.end,
                )
            )
        if highest is None or level_rank(m.level) > level_rank(highest.level):
            highest = m
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


def _unmarked_paragraphs(cable: Cable) -> list[Finding]:
    # Section 2: older cables write "CONFIDENTIAL - ENTIRE TEXT." instead of marking each
    # paragraph, which marks every one of them.
    if cable.entire_text is not None:
        return []
    out: list[Finding] = []
    for p in cable.paragraphs:
        if p.number is not None and p.marking is None:
            label_end = p.start + len(p.label) if p.label else p.body_start
            out.append(
                finding(
                    "unmarked-paragraph",
                    f"Paragraph {p.number} of a classified cable has no portion mark.",
                    p.start,
                    max(label_end, p.start),
                )
            )
    return out


# Section 3: "Cables of the E.O. 12958 era carry ... a line such as Classified By: ...".
# Older cables did not, so the line is only expected from the start of that order.
_AUTHORITY_FROM = ORDER_DATES["12958"][0]


def _authority_findings(cable: Cable, origin: date | None) -> list[Finding]:
    cb = cable.classified_by
    if cb is None:
        if origin is not None and origin < _AUTHORITY_FROM:
            return []
        at = cable.classification
        return [
            finding(
                "missing-authority",
                "The cable is classified but has no 'Classified By' line naming the "
                "classification authority and reasons.",
                at.start if at else 0,
                at.end if at else 0,
            )
        ]
    if not cb.bad_letters:
        return []
    # Section 3: reasons are 1.4(a)-(h), or 1.5(a)-(g) before the 2003 amendment.
    allowed = "a-h" if cb.reason_section == "1.4" else "a-g"
    return [
        finding(
            "bad-reason-letter",
            f"The classification reason {', '.join(cb.bad_letters)} is not a category of "
            f"section {cb.reason_section}, which defines {allowed} only.",
            cb.start,
            cb.end,
        )
    ]


def _para_ref_findings(cable: Cable) -> list[Finding]:
    # A partial extract has lost part of its text, so a reference to a paragraph it lacks
    # says nothing about the cable.
    if cable.partial_extract or not cable.para_refs:
        return []
    numbers = {p.number for p in cable.paragraphs if p.number is not None}
    if not numbers:
        # No numbered paragraphs at all: there is nothing to check the references against.
        return []
    out: list[Finding] = []
    for ref in cable.para_refs:
        if ref.number not in numbers:
            out.append(
                finding(
                    "para-ref-missing",
                    f"The text refers to paragraph {ref.number} ('{ref.text}'), which the "
                    "cable does not have.",
                    ref.start,
                    ref.end,
                )
            )
    return out
