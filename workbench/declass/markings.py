"""Findings about banners, portion marks, the authority line and paragraph references.

Rules from declassification.md sections 2 and 3 (32 CFR 2001.21; CAPCO 2016 D.2; E.O. 12958 as
amended and E.O. 13526 section 1.4).
"""

from __future__ import annotations

import re
from datetime import date

from workbench.cable.model import Cable, Marking, Paragraph, level_rank
from workbench.declass.codes import finding
from workbench.declass.model import Finding
from workbench.declass.orders import AMENDMENT_2003, ORDER_DATES

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


def highest_portion(cable: Cable) -> Marking | None:
    """The portion mark of the highest level (the first of them), if any paragraph has one."""
    highest = None
    for p in cable.paragraphs:
        m = p.marking
        if m is not None and (highest is None or level_rank(m.level) > level_rank(highest.level)):
            highest = m
    return highest


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
        if _portion_marking_required(origin, order):
            out.extend(_unmarked_paragraphs(cable))
        out.extend(_authority_findings(cable, origin, order))
    out.extend(_para_ref_findings(cable))
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
                    f"Paragraph {p.key} is marked '{m.text}', a portion mark missing a "
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


# E.O. 11652 sec. 4(A) asked for portion marks only "to the extent practicable"; E.O. 12065
# sec. 1-504 required every classified document to show "which portions are classified"
# (declassification.md section 2).  So a cable of the E.O. 11652 era (or older) is not
# mis-marked for lacking them.
_PORTION_MARKING_FROM = ORDER_DATES["12065"][0]


def _portion_marking_required(origin: date | None, order: str | None) -> bool:
    if origin is not None:
        return origin >= _PORTION_MARKING_FROM
    return order not in ("11652", "10501")


# A portion mark standing inside a paragraph, on its sub-items: "Key Points -- (C) In a
# November 9 meeting ...", "Summary: (C) IO DAS-Equivalent ...".
_INNER_MARK_RE = re.compile(
    r"(?:^|[\s:;]|--)\((?:TS|SBU|LOU|[CSU])(?:[ \t]*//?[ \t]*[A-Z][A-Z ,/\-]{0,30})?\)(?=[ \t\n])"
)
# Enumerations "(A) ... (B) ... (C) ..." are not portion marks.
_ENUMERATION_RE = re.compile(r"\((?:A|B)\)[ \t]")
# A paragraph that starts with a token in parentheses is marked, if wrongly ("(SE)", "(CNF)").
_ODD_MARK_RE = re.compile(r"\([A-Z]{1,5}(?:[/\-][A-Z]{1,5})*\)")
# What the publisher redacted: the whole paragraph, portion mark included, is XXXXXXXXXXXX.
_REDACTED_RE = re.compile(r"[Xx]{6,}")
# A mark the reader could not take whole: "(S//REL AFGHANISTAN, KYRGYZSTAN, TAJIKISTAN,\n...)".
_LONG_MARK_RE = re.compile(r"\((?:TS|SBU|LOU|[CSU])[ \t]*//?[ \t]*(?:REL|NF|NOFORN)\b[^)]{0,300}\)")
_AUTHORITY_LINE_RE = re.compile(r"\(?U?\)?[ \t]*CLASSIFIED[ \t]+BY\b", re.IGNORECASE)


def _marked_or_not_a_portion(cable: Cable, p: Paragraph) -> bool:
    """True when a numbered paragraph without a mark after its label is marked anyway, or is
    not a portion of the cable at all (declassification.md section 2, false alarms on the
    corpus): its sub-items carry the marks; a mark the parser did not know; a paragraph the
    publisher redacted whole, mark and all; the authority line set as paragraph 1; a numbered
    list inside a paragraph (the numbering starts again); an empty label left by a line that
    wrapped after the word "paragraph"."""
    body = cable.text[p.body_start : p.end]
    head = body.lstrip()
    if not head or _REDACTED_RE.match(head) or _AUTHORITY_LINE_RE.match(head):
        return True
    if _ODD_MARK_RE.match(head) or _LONG_MARK_RE.match(head):
        return True
    return bool(_INNER_MARK_RE.search(body[:1500])) and not _ENUMERATION_RE.search(body[:1500])


# Another cable pasted after this one's text (the mirrors' files hold several): its routing
# header, or the metadata line the mirrors put before it.
_EMBEDDED_CABLE_RE = re.compile(
    r"\n[ \t]*(?:ZN[YR][ \t]+([CSTUE])\1{4}\b|DE[ \t]+RUE\w+[ \t]+#\d"
    r"|FM[ \t]+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION)\b"
    r"|(?:\d+[ \t]+)?\d{4}-\d\d-\d\d[ \t]\d\d:\d\d(?::\d\d)?[ \t]+\d{2,4}[A-Z]+\d+\b)"
)


def own_text_end(cable: Cable) -> int:
    """Where this cable's own text ends: at the header of another cable pasted after it, or
    the end of the file."""
    m = _EMBEDDED_CABLE_RE.search(cable.text, cable.body_start)
    return m.start() if m else len(cable.text)


def _unmarked_paragraphs(cable: Cable) -> list[Finding]:
    # Section 2: older cables write "CONFIDENTIAL - ENTIRE TEXT." instead of marking each
    # paragraph, which marks every one of them.
    if cable.entire_text is not None:
        return []
    end = own_text_end(cable)
    out: list[Finding] = []
    highest = 0
    inner = False  # inside a numbered list quoted in a paragraph ("Begin text of letter")
    for p in cable.paragraphs:
        if p.start >= end:
            break  # another cable's paragraphs, with its own markings
        if p.number is None:
            continue
        if p.number <= highest:
            # The numbering starts again: a list or a quoted text inside the paragraph
            # before, unmarked, until a marked paragraph takes the cable's numbering up.
            inner = True
        if p.marking is not None:
            inner = False
        elif not inner and not _marked_or_not_a_portion(cable, p):
            label_end = p.start + len(p.label) if p.label else p.body_start
            out.append(
                finding(
                    "unmarked-paragraph",
                    f"Paragraph {p.number} of a classified cable has no portion mark.",
                    p.start,
                    max(label_end, p.start),
                )
            )
        if not inner:
            highest = max(highest, p.number)
    return out


# Section 3: "Cables of the E.O. 12958 era carry ... a line such as Classified By: ...".
# Older cables did not, so the line is only expected from the start of that order.
_AUTHORITY_FROM = ORDER_DATES["12958"][0]
_AUTHORITY_TRACE_RE = re.compile(
    r"CLASS\w{0,6}[ \t]*\n?[ \t\n]*BY\b|\bREASONS?[ \t]*:?[ \t]*1[ \t]*[.,][ \t]*[45]"
    # The mirrors' truncated preview of the line: "Classified ...", "Classifie...".
    r"|\bCLASSIF\w*[ \t]*\.\.\.",
    re.IGNORECASE,
)


_LATER_SECTION_RE = re.compile(
    r"[ \t]*\n?[ \t]*S?E?CTION[ \t]+0*(?:[2-9]|[1-9]\d+)[ \t]+OF\b", re.IGNORECASE
)


def incomplete_record(cable: Cable) -> bool:
    """True when the file holds only part of the cable: a partial extract, a record cut off
    after its header (the mirrors end it with "..."), or a later section of a multi-part cable
    (``SECTION 02 OF 03``), whose header lines are in the first section."""
    if cable.partial_extract:
        return True
    c = cable.classification
    if c is not None and _LATER_SECTION_RE.match(cable.text, c.end):
        return True
    body = cable.text[cable.body_start :].strip()
    return not any(p.number is not None for p in cable.paragraphs) and len(body) < 400


def _authority_findings(cable: Cable, origin: date | None, order: str | None) -> list[Finding]:
    cb = cable.classified_by
    if cb is None:
        if origin is not None and origin < _AUTHORITY_FROM:
            return []
        if incomplete_record(cable):
            # The file holds only part of the cable (a partial extract, a header whose text
            # was cut off at "...", a later section): the line may be in what is missing.
            return []
        if _AUTHORITY_TRACE_RE.search(cable.text, 0, min(len(cable.text), cable.body_start + 4000)):
            # The line is there but was not read ("Classfied By", "CLASSIFIED\n\nBY:",
            # "REF: CAIRO 1725Classified By:", a name and "REASON: 1.4 (b), (d)" with no label):
            # the cable is not missing it.
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
    out: list[Finding] = []
    wrong = _wrong_section(cb.reason_section, origin, order)
    if wrong:
        out.append(finding("reason-wrong-section", wrong, cb.start, cb.end))
    if not cb.bad_letters:
        return out
    # Section 3: reasons are 1.4(a)-(h), or 1.5(a)-(g) before the 2003 amendment.
    allowed = "a-h" if cb.reason_section == "1.4" else "a-g"
    out.append(
        finding(
            "bad-reason-letter",
            f"The classification reason {', '.join(cb.bad_letters)} is not a category of "
            f"section {cb.reason_section}, which defines {allowed} only.",
            cb.start,
            cb.end,
        )
    )
    return out


def _wrong_section(section: str | None, origin: date | None, order: str | None) -> str | None:
    """Section 3: the reasons are section 1.5 of E.O. 12958 as issued in 1995 and section 1.4
    from its amendment of 25 Mar 2003 (E.O. 13292) and in E.O. 13526, where section 1.5 is
    "Duration of classification".  Cables kept writing "1.5" under the amended E.O. 12958;
    only an E.O. 13526 cable is flagged for it."""
    if section == "1.5" and order == "13526":
        return (
            "The reasons are cited as section 1.5, which in E.O. 13526 is 'Duration of "
            "classification'; the classification categories are section 1.4."
        )
    if section == "1.4" and origin is not None and _AUTHORITY_FROM <= origin < AMENDMENT_2003:
        return (
            f"The reasons are cited as section 1.4 on a cable dated {origin.isoformat()}, before "
            "the 2003 amendment of E.O. 12958 renumbered the categories from section 1.5."
        )
    return None


# "paragraph 54 of the Secretary-General's report", "para 8 of Resolution 1795", "paragraph
# 17 in the Working Group's report": another document's paragraph; "of this cable" is ours.
_OTHER_DOCUMENT_RE = re.compile(
    r"[ \t\n]+(?:of|in)[ \t\n]+(?!this[ \t\n]+(?:cable|message|telegram|report)\b)"
    r"(?:the|its|his|her|their|UNSC|UNSCR|resolution|article|ref|reftel|annex|[A-Z])",
    re.IGNORECASE,
)
# "REF A CONTAINED ... AS MENTIONED IN PARA 8": a sentence about a reference cable.
_REF_SENTENCE_RE = re.compile(r"\b(?:REF(?:TEL)?S?|SEPTEL)\b", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?][ \t\n]")


def _label_in_text(text: str, number: int, lo: int, markdown: bool) -> bool:
    """Whether ``text[lo:]`` holds a label for paragraph ``number`` the parser did not split
    on (flattened cables run "4. (C) ..." into the line before; the Markdown form writes
    paragraph 4 as "14.")."""
    digits = f"1?{number}" if markdown else str(number)
    rx = re.compile(rf"(?:¶[ \t]*{number}\b|(?<![\d.,/]){digits}[ \t]*\.[ \t]*(?:\(|[A-Z]))")
    return rx.search(text, lo) is not None


def _para_ref_findings(cable: Cable) -> list[Finding]:
    # A partial extract has lost part of its text, so a reference to a paragraph it lacks
    # says nothing about the cable.
    if cable.partial_extract or not cable.para_refs:
        return []
    numbers = {p.number for p in cable.paragraphs if p.number is not None}
    if not numbers:
        # No numbered paragraphs at all: there is nothing to check the references against.
        return []
    text = cable.text
    out: list[Finding] = []
    for ref in cable.para_refs:
        if ref.number in numbers:
            continue
        if _OTHER_DOCUMENT_RE.match(text, ref.end):
            continue
        sentence = max(
            (m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, ref.start - 300), ref.start)),
            default=max(0, ref.start - 300),
        )
        if _REF_SENTENCE_RE.search(text, sentence, ref.start):
            continue
        if _label_in_text(text, ref.number, cable.body_start, cable.markdown):
            continue
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
