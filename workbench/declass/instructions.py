"""Findings about the E.O. line and the DECL instruction (declassification.md sections 1, 4, 5)."""

from __future__ import annotations

import re
from datetime import date

from workbench.cable.model import Cable
from workbench.declass.codes import finding
from workbench.declass.due import add_years
from workbench.declass.model import Finding
from workbench.declass.orders import OADR_LAST_DAY, X_CODES_END, expected_orders, order_matches

_TREATY_RE = re.compile(r"\bSUBJECT[ \t]+TO[ \t]+TREATY\b", re.IGNORECASE)
_HUMAN_RE = re.compile(r"\b25X1[ \t]*-?[ \t]*HUMAN\b", re.IGNORECASE)
# Kinds whose date is a declassification (or review) date that must lie after the origin.
_DATED_KINDS = ("date", "25x", "gds", "rds")


def instruction_findings(cable: Cable, classified: bool, origin: date | None) -> list[Finding]:
    """Everything wrong with what the cable says about its own declassification."""
    out: list[Finding] = []
    decl = cable.decl
    eo = cable.eo

    if not classified:
        # An unclassified cable (UNCLASSIFIED, SBU, LIMITED OFFICIAL USE) has nothing to
        # declassify, so a DECL instruction on it is an error of marking
        # (declassification.md section 2 findings; N/A is the right form, section 5).
        if decl is not None and decl.kind != "na" and cable.classification is not None:
            out.append(
                finding(
                    "decl-on-unclassified",
                    f"The cable is {cable.classification.level} but its E.O. line gives a "
                    f"declassification instruction ({decl.text}) instead of N/A.",
                    decl.start,
                    decl.end,
                )
            )
        return out

    if decl is None:
        # A classified cable must say when it is declassified (32 CFR 2001.12; section 2).
        at = eo or cable.classification
        out.append(
            finding(
                "missing-decl",
                "The cable is classified but carries no declassification instruction, so it is "
                "taken as due 25 years after its date.",
                at.start if at else 0,
                at.end if at else 0,
            )
        )
    else:
        out.extend(_decl_findings(cable, origin))

    if origin is None:
        # Origin is the cable's own date (section 5); partial extracts often lose it.
        at = cable.classification
        out.append(
            finding(
                "no-origin-date",
                "The cable carries no date-time group, so limits that count from its date "
                "cannot be checked.",
                at.start if at else 0,
                at.end if at else 0,
            )
        )
    elif eo is not None and eo.order is not None and not order_matches(eo.order, origin):
        # Section 1: the order cited should be the one in force on the cable's date.
        expected = " or ".join(f"E.O. {o}" for o in expected_orders(origin)) or "no known order"
        out.append(
            finding(
                "eo-mismatch",
                f"The cable cites E.O. {eo.order} but is dated {origin.isoformat()}, when "
                f"cables cite {expected}.",
                eo.start,
                eo.end,
            )
        )
    return out


def _decl_findings(cable: Cable, origin: date | None) -> list[Finding]:
    decl = cable.decl
    assert decl is not None
    out: list[Finding] = []
    span = (decl.start, decl.end)
    kind = decl.kind

    if kind == "na":
        out.append(
            finding(
                "decl-na-on-classified",
                f"The cable is {cable.level or 'classified'} but its instruction is N/A, which "
                "only an unclassified cable may carry.",
                *span,
            )
        )
    elif kind == "unreadable":
        out.append(
            finding(
                "decl-unreadable",
                f"The declassification instruction '{decl.text}' cannot be read as a date, "
                "an exemption or an event.",
                *span,
            )
        )
    elif kind == "event":
        if _TREATY_RE.search(decl.text):
            # 32 CFR 2001.26(a)(6): "subject to treaty" is never a valid instruction.
            out.append(
                finding(
                    "subject-to-treaty",
                    "'Subject to treaty' is not an allowed declassification instruction "
                    "(32 CFR 2001.26(a)(6)).",
                    *span,
                )
            )
        else:
            # 32 CFR 2001.12(a): an event must be definite and foreseeable; only a reviewer
            # can tell whether it has happened.
            out.append(
                finding(
                    "decl-event",
                    f"Declassification depends on an event ('{decl.text}'), so a reviewer must "
                    "decide whether it has happened.",
                    *span,
                )
            )

    if _HUMAN_RE.search(decl.text):
        # 25X1-human was retired in 2012, replaced by 50X1-HUM (section 5 limits).
        out.append(
            finding(
                "retired-25x1-human",
                "The instruction uses 25X1-human, a retired code now written 50X1-HUM, so a "
                "reviewer must confirm the exemption.",
                *span,
            )
        )

    if origin is None:
        return out

    if kind == "oadr" and origin > OADR_LAST_DAY:
        out.append(
            finding(
                "oadr-after-1995",
                f"OADR is cited on a cable dated {origin.isoformat()}, after E.O. 12958 ended "
                "it on 14 Oct 1995.",
                *span,
            )
        )
    if kind == "x" and origin >= X_CODES_END:
        out.append(
            finding(
                "x-code-after-2003",
                f"The X1-X8 exemption codes are cited on a cable dated {origin.isoformat()}, on "
                "or after their end on 22 Sep 2003.",
                *span,
            )
        )

    when = decl.date
    if when is None or kind not in _DATED_KINDS:
        return out
    if when <= origin:
        out.append(
            finding(
                "decl-not-after-origin",
                f"The declassification date {when.isoformat()} is not after the cable's own "
                f"date {origin.isoformat()}.",
                *span,
            )
        )
    elif kind == "date" and when > add_years(origin, 25):
        # 32 CFR 2001.12(a)(1): at most 25 years unless a 25X/50X exemption is cited.
        out.append(
            finding(
                "decl-beyond-25-years",
                f"The declassification date {when.isoformat()} is more than 25 years after the "
                "cable's date and no 25X or 50X exemption is cited.",
                *span,
            )
        )
    elif kind == "25x" and when > add_years(origin, 50):
        # 32 CFR 2001.26(a): a 25X exemption lasts at most 50 years from origin.
        out.append(
            finding(
                "exemption-beyond-50-years",
                f"The 25X date {when.isoformat()} is more than 50 years after the cable's date.",
                *span,
            )
        )
    return out
