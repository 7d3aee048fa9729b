"""The stable finding codes, their severity, and what each means.

Reports, filters and tests key on these codes; never rename one.  ``error``: the marking or
instruction breaks a rule; ``warning``: likely wrong, a reviewer should look; ``info``: worth
knowing, not a fault of the cable (what a check cannot decide is info: someone must act on it).
"""

from __future__ import annotations

from workbench.declass.model import Finding

CODES: dict[str, tuple[str, str]] = {
    # Markings (declassification.md section 2; 32 CFR 2001.21; CAPCO 2016 D.2).
    "banner-below-portion": ("error", "the banner is lower than the highest portion mark"),
    "noforn-not-on-banner": ("error", "a NOFORN portion but no NOFORN on the banner"),
    "unmarked-paragraph": ("warning", "a numbered paragraph without a portion mark"),
    "malformed-portion-mark": ("info", "a portion mark written without one parenthesis"),
    "no-classification": ("warning", "no classification line was found"),
    "banner-conflicts-header": ("warning", "the banner and the transmission header disagree"),
    # Authority line (section 3).
    "missing-authority": ("error", "a classified cable without a Classified By line"),
    "bad-reason-letter": ("error", "a reason letter the cited section does not define"),
    "reason-wrong-section": ("warning", "reasons cited under the section of another order"),
    # Instructions (sections 1, 4 and 5).
    "missing-decl": ("error", "a classified cable without a declassification instruction"),
    "decl-beyond-25-years": ("warning", "a DECL date over 25 years out with no exemption"),
    "decl-beyond-10-years": ("warning", "a DECL date over 10 years out under E.O. 12958 of 1995"),
    "decl-not-after-origin": ("error", "a DECL date on or before the cable's own date"),
    "oadr-after-1995": ("warning", "OADR on a cable of the E.O. 12958 era"),
    "x-code-after-2003": ("warning", "X1-X8 on a cable dated on or after 22 Sep 2003"),
    "mr-not-authorized": ("warning", "MR, never an authorized declassification instruction"),
    "eo-mismatch": ("warning", "the E.O. cited does not match the cable's date"),
    "decl-on-unclassified": ("warning", "a declassification instruction on an unclassified cable"),
    "decl-na-on-classified": ("error", "N/A as the instruction of a classified cable"),
    "decl-event": ("info", "declassification on an event: a reviewer must decide"),
    "decl-unreadable": ("warning", "a DECL instruction that cannot be read"),
    "retired-25x1-human": ("warning", "25X1-human, retired in favour of 50X1-HUM"),
    "subject-to-treaty": ("error", "'subject to treaty' is never a valid instruction"),
    "exemption-beyond-50-years": ("error", "a 25X date past the 50-year date"),
    "exemption-beyond-75-years": ("error", "a 50X date past the 75-year date"),
    "25x-without-date": ("warning", "a 25X exemption without its declassification date"),
    "exemption-without-date": ("warning", "a 50X or 75X exemption without its date"),
    "downgrade": ("info", "a downgrading instruction: the level falls, nothing is declassified"),
    "downgrade-not-lower": ("warning", "a downgrade to a level not below the banner"),
    "no-origin-date": ("warning", "the cable carries no date of its own"),
    # What a check cannot decide (section 5, last paragraphs): someone must refer or approve.
    "refer-foreign-government": ("info", "foreign government information: consult before release"),
    "refer-cia": ("info", "may hold CIA or intelligence community information: refer"),
    "refer-dod": ("info", "may hold Defense Department information: refer"),
    "refer-doe": ("info", "may hold Energy Department information: refer"),
    "refer-fbi": ("info", "may hold FBI information: refer"),
    "restricted-data": ("error", "marked Restricted Data or Formerly Restricted Data"),
    "kyl-lott-review": ("info", "on nuclear weapons: likely RD/FRD, page-by-page review"),
    "nodis": ("info", "NODIS: release needs the originating bureau's approval"),
    "exdis": ("info", "EXDIS: release needs the originating bureau's approval"),
    # Text.
    "para-ref-missing": ("warning", "a reference to a paragraph that does not exist"),
    # Files (batch only).
    "read-error": ("error", "the file could not be read as a cable"),
}

# Names that stand for several codes in filters (``workbench check --status referral``).
GROUPS: dict[str, tuple[str, ...]] = {
    "referral": (
        "refer-foreign-government",
        "refer-cia",
        "refer-dod",
        "refer-doe",
        "refer-fbi",
        "restricted-data",
        "kyl-lott-review",
        "nodis",
        "exdis",
    ),
}


def finding(code: str, message: str, start: int = 0, end: int = 0) -> Finding:
    """A :class:`Finding` with the registered severity of ``code``."""
    return Finding(code, CODES[code][0], message, start, end)
