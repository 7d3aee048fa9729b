"""Findings about the body's paragraphs: numbered paragraphs without a portion mark, and
references to paragraphs the cable does not have (declassification.md section 2).

Both families fired mostly falsely on the corpus before issue 13 (sub-items carrying the marks,
numbered lists quoted inside a paragraph, other documents' paragraphs); each exception below
is one a careful reviewer gave when reading the firings.
"""

from __future__ import annotations

import re
from datetime import date

from workbench.cable.model import Cable, Paragraph
from workbench.declass.codes import finding
from workbench.declass.model import Finding
from workbench.declass.orders import ORDER_DATES

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


def unmarked_paragraphs(cable: Cable, origin: date | None, order: str | None) -> list[Finding]:
    """``unmarked-paragraph`` for each numbered paragraph of a classified cable's own text
    without a portion mark."""
    if not _portion_marking_required(origin, order):
        return []
    # Section 2: older cables write "CONFIDENTIAL - ENTIRE TEXT." instead of marking each
    # paragraph, which marks every one of them.
    if cable.entire_text is not None:
        return []
    if all(p.marking is not None for p in cable.paragraphs if p.number is not None):
        return []  # the common case, decided without reading the text
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


def para_ref_findings(cable: Cable) -> list[Finding]:
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
