"""The rules engine: one cable in, one :class:`Assessment` out.  The GUI and ``workbench check``
both call :func:`assess`; nothing here imports Qt."""

from __future__ import annotations

from datetime import date

from workbench.cable.model import Cable, level_rank
from workbench.declass.due import due_date
from workbench.declass.instructions import instruction_findings
from workbench.declass.markings import header_level, marking_findings
from workbench.declass.model import Assessment

# Findings that mean the instructions are missing, unreadable or contradict each other, so no
# computed date can stand without a reviewer (issue 3: "needs-review").
REVIEW_CODES = frozenset(
    {
        "no-classification",
        "banner-conflicts-header",
        "decl-event",
        "decl-unreadable",
        "decl-na-on-classified",
        "decl-not-after-origin",
        "retired-25x1-human",
        "subject-to-treaty",
    }
)

_CONFIDENTIAL = level_rank("CONFIDENTIAL")


def assess(cable: Cable, as_of: date | None = None) -> Assessment:
    """Due date, basis, status and findings of ``cable`` as of ``as_of`` (default today)."""
    as_of = as_of or date.today()
    origin = cable.origin_date
    level = cable.level
    known = cable.classification is not None
    # Only CONFIDENTIAL and above are classified under an executive order.  UNCLASSIFIED, SBU
    # (UNCLAS + SENSITIVE) and LIMITED OFFICIAL USE are administrative controls below
    # CONFIDENTIAL with nothing to declassify (declassification.md section 2; E.O. 13526
    # sec. 1.2 defines only the three levels).
    classified = known and level_rank(level) >= _CONFIDENTIAL
    findings = marking_findings(cable, classified, origin)
    findings.extend(instruction_findings(cable, classified, origin))
    findings.sort(key=lambda f: (f.start, f.end, f.code))

    level_for_due = level if known else None
    if known and not classified:
        header = header_level(cable)
        if header is None or level_rank(header[0]) < _CONFIDENTIAL:
            return Assessment(as_of, origin, None, "none", "unclassified", tuple(findings))
        # The transmission header says classified: count as that level until a reviewer
        # settles which marking is right (banner-conflicts-header puts it in review).
        level_for_due = header[0]

    if not known and (cable.decl is None or cable.decl.kind == "na"):
        # No banner and no instruction: nothing says the cable is classified at all.
        due, basis = None, "none"
    else:
        due, basis = due_date(level_for_due, cable.decl, origin)

    if due is None or any(f.code in REVIEW_CODES for f in findings):
        status = "needs-review"
    elif due <= as_of:
        status = "due"
    else:
        status = "not-due"
    return Assessment(as_of, origin, due, basis, status, tuple(findings))
