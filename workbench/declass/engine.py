"""The rules engine: one cable in, one :class:`Assessment` out.  The GUI and ``workbench check``
both call :func:`assess`; nothing here imports Qt."""

from __future__ import annotations

from datetime import date

from workbench.cable.model import Cable, level_rank
from workbench.declass.due import UNSETTLED_KINDS, default_limit, due_date
from workbench.declass.instructions import instruction_findings
from workbench.declass.markings import header_level, highest_portion, marking_findings
from workbench.declass.model import Assessment, Finding
from workbench.declass.orders import governing_order
from workbench.declass.referrals import referral_findings

# Findings that leave the cable's markings in doubt: is it classified, at which level, under
# which rules?  No computed date stands without a reviewer, however old the cable
# (declassification.md section 2: "a reviewer must look at it"; Restricted Data is outside
# the order, E.O. 13526 sec. 6.2(a)).
MARKING_REVIEW_CODES = frozenset(
    {"no-classification", "banner-conflicts-header", "restricted-data"}
)
# Findings that leave only the instruction in doubt: a reviewer must decide until the default
# limit (the 25-year date, or the E.O. 11652 schedule) has passed; from then on that limit
# has ended the classification whatever the instruction meant (E.O. 13526 sec. 3.3(a)).
INSTRUCTION_REVIEW_CODES = frozenset(
    {
        "decl-event",
        "decl-unreadable",
        "decl-na-on-classified",
        "decl-not-after-origin",
        "subject-to-treaty",
    }
)
# Kept for callers of the first engine: every code that can put a cable in review.
REVIEW_CODES = MARKING_REVIEW_CODES | INSTRUCTION_REVIEW_CODES

_CONFIDENTIAL = level_rank("CONFIDENTIAL")


def _higher(a: str | None, b: str | None) -> str | None:
    return a if level_rank(a) >= level_rank(b) else b


def assess(cable: Cable, as_of: date | None = None) -> Assessment:
    """Due date, basis, status and findings of ``cable`` as of ``as_of`` (default today)."""
    as_of = as_of or date.today()
    origin = cable.origin_date
    order = governing_order(cable.eo.order if cable.eo else None, origin)
    decl = cable.decl
    downgrade = decl.downgrade if decl else None
    known = cable.classification is not None
    # Only CONFIDENTIAL and above are classified under an executive order.  UNCLASSIFIED, SBU
    # (UNCLAS + SENSITIVE) and LIMITED OFFICIAL USE are administrative controls below
    # CONFIDENTIAL with nothing to declassify (declassification.md section 2; E.O. 13526
    # sec. 1.2 defines only the three levels).
    classified = known and level_rank(cable.level) >= _CONFIDENTIAL
    findings = marking_findings(cable, classified, origin, order)
    findings.extend(instruction_findings(cable, classified, origin, order))

    portion = highest_portion(cable)
    portion_level = portion.level if portion else None
    level = _higher(cable.level, portion_level) if known else portion_level
    doubt = False  # the markings contradict each other: a reviewer must settle them
    if known and not classified:
        # An unclassified banner stands unless something says the cable is classified: a
        # classified portion, a classified transmission header, or a declassification
        # instruction (section 2: "mis-marked, not unclassified").
        header = header_level(cable)
        header_level_name = header[0] if header else None
        instructed = decl is not None and decl.kind not in ("na", "downgrade")
        if (
            level_rank(portion_level) < _CONFIDENTIAL
            and level_rank(header_level_name) < _CONFIDENTIAL
            and not instructed
        ):
            findings.sort(key=lambda f: (f.start, f.end, f.code))
            return Assessment(
                as_of, origin, None, "none", "unclassified", tuple(findings), order, downgrade
            )
        doubt = True
        higher = _higher(portion_level, header_level_name)
        level = higher if level_rank(higher) >= _CONFIDENTIAL else None
    if classified or doubt:
        findings.extend(referral_findings(cable))
    findings.sort(key=lambda f: (f.start, f.end, f.code))

    if not known and (decl is None or decl.kind in ("na", "downgrade")):
        # No banner and no instruction: nothing says the cable is classified at all.
        due, basis = None, "none"
    else:
        d = due_date(level, decl, origin, order)
        due, basis = d.date, d.basis

    codes = {f.code for f in findings}
    if due is None or doubt or codes & MARKING_REVIEW_CODES:
        status = "needs-review"
    elif codes & INSTRUCTION_REVIEW_CODES or (decl is not None and decl.kind in UNSETTLED_KINDS):
        limit = default_limit(level, order, origin.year if origin else None).date
        status = "due" if limit is not None and limit <= as_of else "needs-review"
    elif basis == "declassified" and due <= as_of:
        status = "declassified"
    elif due <= as_of:
        status = "due"
    else:
        status = "not-due"
    return Assessment(as_of, origin, due, basis, status, tuple(findings), order, downgrade)


__all__ = ["REVIEW_CODES", "Finding", "assess"]
