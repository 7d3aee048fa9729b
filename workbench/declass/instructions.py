"""Findings about the E.O. line and the DECL instruction (declassification.md sections 1, 4, 5)."""

from __future__ import annotations

import re
from datetime import date

from workbench.cable.instruction import HUMAN_OR_WMD_RE
from workbench.cable.model import Cable, level_rank
from workbench.declass.calendar import add_years, years_date
from workbench.declass.codes import finding
from workbench.declass.model import Finding
from workbench.declass.orders import (
    AMENDMENT_2003,
    E_O_12958_FIRST_DAY,
    OADR_LAST_DAY,
    X_CODES_END,
    expected_orders,
    order_matches,
)

_TREATY_RE = re.compile(r"\bSUBJECT[ \t]+TO[ \t]+TREATY\b", re.IGNORECASE)
# Kinds whose date is a declassification (or review) date that must lie after the origin.
_DATED_KINDS = ("date", "25x", "50x", "75x", "gds", "rds", "xgds")
# ``25X1, EO 12951``: imagery, whose declassification E.O. 12951 governs (CAPCO 2016 E.1).
_IMAGERY_RE = re.compile(r"\bE\.?\s?O\.?\s*12951\b", re.IGNORECASE)


def instruction_findings(
    cable: Cable, classified: bool, origin: date | None, order: str | None
) -> list[Finding]:
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
                    f"declassification instruction ({decl.text}) instead of N/A, so a reviewer "
                    "must settle which marking is right.",
                    decl.start,
                    decl.end,
                )
            )
        return out

    if decl is None or decl.kind == "downgrade":
        # A classified cable must say when it is declassified (32 CFR 2001.12; E.O. 11652
        # sec. 4(A): "whether it is subject to or exempt from the General Declassification
        # Schedule"); a downgrade says only when the level falls.
        at = decl or eo or cable.classification
        only = " only a downgrade and" if decl is not None else ""
        rule = (
            "the General Declassification Schedule of E.O. 11652 applies"
            if order == "11652"
            else "it lapses on 31 December of its 25th year"
        )
        out.append(
            finding(
                "missing-decl",
                f"The cable is classified but carries{only} no declassification instruction, "
                f"so {rule}.",
                at.start if at else 0,
                at.end if at else 0,
            )
        )
    else:
        out.extend(_decl_findings(cable, origin, order))
    if decl is not None and decl.downgrade is not None:
        out.extend(_downgrade_findings(cable))

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


def _downgrade_findings(cable: Cable) -> list[Finding]:
    assert cable.decl is not None and cable.decl.downgrade is not None
    dng = cable.decl.downgrade
    to = dng.level or "a lower level"
    when = f"on {dng.date.isoformat()}" if dng.date else "on a date the line does not give"
    out = [
        finding(
            "downgrade",
            f"The cable is downgraded to {to} {when}: a downgrade, not a declassification, so "
            "the due date comes from the declassification instruction (32 CFR 2001.12).",
            dng.start,
            dng.end,
        )
    ]
    if dng.level is not None and level_rank(dng.level) >= level_rank(cable.level):
        out.append(
            finding(
                "downgrade-not-lower",
                f"The downgrade is to {dng.level}, which is not below the banner's {cable.level}.",
                dng.start,
                dng.end,
            )
        )
    return out


def _kind_findings(cable: Cable, order: str | None) -> list[Finding]:
    """Findings that follow from the kind of instruction alone."""
    decl = cable.decl
    assert decl is not None
    span = (decl.start, decl.end)
    kind = decl.kind
    default = (
        "the General Declassification Schedule of E.O. 11652"
        if order == "11652"
        else "the 25-year date"
    )
    if kind == "na":
        return [
            finding(
                "decl-na-on-classified",
                f"The cable is {cable.level or 'classified'} but its instruction is N/A, which "
                f"only an unclassified cable may carry; a reviewer must look until {default} "
                "ends its classification.",
                *span,
            )
        ]
    if kind == "unreadable":
        return [
            finding(
                "decl-unreadable",
                f"The declassification instruction '{decl.text}' cannot be read as a date, "
                f"an exemption or an event; a reviewer must look until {default} ends its "
                "classification.",
                *span,
            )
        ]
    if kind == "event" and _TREATY_RE.search(decl.text):
        # 32 CFR 2001.26(a)(6): "subject to treaty" is never a valid instruction.
        return [
            finding(
                "subject-to-treaty",
                "'Subject to treaty' is not an allowed declassification instruction "
                "(32 CFR 2001.26(a)(6)).",
                *span,
            )
        ]
    if kind == "event":
        # 32 CFR 2001.12(a): an event must be definite and foreseeable; only a reviewer can
        # tell whether it has happened, and the 25-year rule ends it whatever the event.
        return [
            finding(
                "decl-event",
                f"Declassification depends on an event ('{decl.text}'), so a reviewer must "
                f"decide whether it has happened until {default} ends its classification.",
                *span,
            )
        ]
    if kind == "mr":
        return [
            finding(
                "mr-not-authorized",
                "MR is not a declassification instruction any order authorized, so the cable "
                "is taken as due on its 25-year date (E.O. 13526 sec. 1.5(d)).",
                *span,
            )
        ]
    return []


def _exemption_findings(cable: Cable, origin: date | None) -> list[Finding]:
    decl = cable.decl
    assert decl is not None
    span = (decl.start, decl.end)
    out: list[Finding] = []
    human = any(HUMAN_OR_WMD_RE.search(c) for c in decl.codes)
    if any(c.startswith("25X") and c.endswith("-HUMAN") for c in decl.codes):
        # ISOO Notice 2012-02 retired 25X1-human in favour of 50X1-HUM (75 years).
        out.append(
            finding(
                "retired-25x1-human",
                "The instruction uses 25X1-human, a retired code now written 50X1-HUM; it is "
                "read as 50X1-HUM, exempt until 31 December of the 75th year.",
                *span,
            )
        )
    if decl.date is None and not human and not _IMAGERY_RE.search(decl.text):
        if decl.kind == "25x":
            # 32 CFR 2001.26(a): a 25X exemption carries the date or event that ends it.
            out.append(
                finding(
                    "25x-without-date",
                    f"The 25X exemption '{decl.text}' gives no date or event, which the marking "
                    "requires, so the cable is taken as due on its 50-year date.",
                    *span,
                )
            )
        elif decl.kind in ("50x", "75x"):
            out.append(
                finding(
                    "exemption-without-date",
                    f"The exemption '{decl.text}' gives no date or event, which the marking "
                    "requires (32 CFR 2001.26(a)).",
                    *span,
                )
            )
    # E.O. 13526 sec. 3.3(h): a 25X exemption ends at the latest on 31 December of the 50th
    # year; 50X1-HUM, 50X2-WMD and other 50X exemptions at 75 years, beyond which only a 75X
    # exemption ISCAP approved (sec. 3.3(h)(2)-(3)). The due date is capped, and the reviewer
    # told why.
    limits = (
        (decl.kind == "25x" and not human, 50, "The 25X date", ""),
        (
            decl.kind == "50x" or human,
            75,
            "The exemption date",
            " (longer needs a 75X exemption approved by ISCAP)",
        ),
    )
    for applies, years, what, more in limits:
        limit = years_date(origin.year, years) if applies and decl.date and origin else None
        if limit is not None and decl.date is not None and decl.date > limit:
            out.append(
                finding(
                    f"exemption-beyond-{years}-years",
                    f"{what} {decl.date.isoformat()} is past the cable's {years}-year date "
                    f"{limit.isoformat()}, which ends the exemption instead{more}.",
                    *span,
                )
            )
    return out


def _decl_findings(cable: Cable, origin: date | None, order: str | None) -> list[Finding]:
    decl = cable.decl
    assert decl is not None
    span = (decl.start, decl.end)
    kind = decl.kind
    out = _kind_findings(cable, order)
    if kind in ("25x", "50x", "75x") or any(c.endswith("-HUMAN") for c in decl.codes):
        out.extend(_exemption_findings(cable, origin))
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
    if kind == "duration" and decl.years is not None:
        when = add_years(origin, decl.years)
    elif when is None or kind not in _DATED_KINDS:
        return out
    if when is None:
        return out
    if when <= origin:
        out.append(
            finding(
                "decl-not-after-origin",
                f"The declassification date {when.isoformat()} is not after the cable's own "
                f"date {origin.isoformat()}, so a reviewer must look until its 25-year date.",
                *span,
            )
        )
        return out
    if kind not in ("date", "duration"):
        return out
    limit25 = add_years(origin, 25)
    limit10 = add_years(origin, 10)
    if limit25 is not None and when > limit25:
        # 32 CFR 2001.12(a)(1)(iii); E.O. 13526 sec. 1.5(b): at most 25 years from the
        # original decision unless a 25X/50X exemption is cited; the 25-year rule ends it.
        out.append(
            finding(
                "decl-beyond-25-years",
                f"The declassification date {when.isoformat()} is more than 25 years after the "
                "cable's date and no 25X or 50X exemption is cited, so the 25-year rule "
                "(31 December of the 25th year) ends it.",
                *span,
            )
        )
    elif (
        order == "12958"
        and E_O_12958_FIRST_DAY <= origin < AMENDMENT_2003
        and limit10 is not None
        and when > limit10
    ):
        # E.O. 12958 sec. 1.6(b), (d) as issued in 1995: 10 years unless an X1-X8
        # exemption is cited; the 2003 amendment allowed up to 25.
        out.append(
            finding(
                "decl-beyond-10-years",
                f"The declassification date {when.isoformat()} is more than 10 years after the "
                "cable's date, which E.O. 12958 before its 2003 amendment allowed only with an "
                "X1-X8 exemption.",
                *span,
            )
        )
    return out
