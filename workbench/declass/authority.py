"""Findings about the classification authority line (declassification.md section 3): a
classified cable without one, a reason letter no order defines, reasons cited under another
order's section number."""

from __future__ import annotations

import re
from datetime import date

from workbench.cable.model import Cable
from workbench.declass.codes import finding
from workbench.declass.model import Finding
from workbench.declass.orders import AMENDMENT_2003, ORDER_DATES

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


def authority_findings(cable: Cable, origin: date | None, order: str | None) -> list[Finding]:
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
