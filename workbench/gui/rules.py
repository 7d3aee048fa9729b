"""What the rules engine says about a cable, in the words and colours the window shows.

The engine (``workbench.declass``) decides due dates, status and findings; this module only
phrases them. Bases are explained with the source declassification.md section 5 gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.cable.model import Cable
from workbench.declass import assess
from workbench.gui import styles

# declassification.md section 5: which rule gave the due date, and where that rule comes from.
BASIS_WORDS: dict[str, str] = {
    "explicit-date": "the date in the DECL line (32 CFR 2001.12(a))",
    "legacy-25-year": "25 years from origin for OADR/MR/X-codes (32 CFR 2001.12(c)(2))",
    "missing-25-year": "25 years from origin: no instruction (CAPCO 2016 E.6)",
    "exemption": "the 25X/50X exemption (32 CFR 2001.26)",
    "gds": "the E.O. 11652 General Declassification Schedule (sec. 5(A))",
    "xgds": "30 years from origin for XGDS (E.O. 11652 sec. 5(B), 5(E))",
    "rds": "the E.O. 12065 review date",
    "declassified": "the date the DECL line records it was declassified",
    "event": "an event: a reviewer must decide (32 CFR 2001.12(a))",
    "none": "nothing to declassify",
}

STATUS_WORDS: dict[str, tuple[str, str]] = {
    "due": ("Due", styles.STATUS_COLOURS["due"]),
    "not-due": ("Not yet due", styles.STATUS_COLOURS["not_due"]),
    "needs-review": ("Needs review", styles.STATUS_COLOURS["review"]),
    "unclassified": ("Unclassified: nothing to declassify", styles.STATUS_COLOURS["none"]),
    "declassified": ("Already declassified", styles.STATUS_COLOURS["none"]),
    # A file that could not be read, or is not a cable: `check`'s rows say status unreadable
    # (batch.rows.UNREADABLE) with a read-error finding, apart from the cables waiting for
    # their review.
    "unreadable": ("Cannot read", styles.STATUS_COLOURS["unreadable"]),
}


@dataclass(frozen=True)
class Shown:
    status: str
    colour: str
    due_text: str
    tooltip: str
    spans: list[tuple[int, int, str]]  # findings with a place in the text
    messages: list[str]  # every finding, for the inspector's list


def assess_cable(cable: Cable) -> Shown:
    """The engine's assessment as of today, ready to show."""
    a = assess(cable)
    words, colour = STATUS_WORDS.get(a.status, (a.status, styles.STATUS_COLOURS["none"]))
    due = a.due.isoformat() if a.due else "unknown"
    basis = BASIS_WORDS.get(a.basis, a.basis)
    due_text = f"{words}" + (f" — {due}" if a.due else "")
    tooltip = f"DECL status: {words}\nDue: {due}\nBasis: {basis}"
    return Shown(
        a.status,
        colour,
        due_text,
        tooltip,
        [(f.start, f.end, f.message) for f in a.findings if f.end > f.start],
        [f"{f.severity}: {f.message}" for f in a.findings],
    )
