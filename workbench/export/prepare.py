"""From a cable and its review to the list of withholdings an export draws, or a refusal.

Every check that can refuse an export happens here, before a byte is drawn, so a refused
export never leaves a partial file.
"""

from __future__ import annotations

from pathlib import Path

from workbench.cable.model import Cable
from workbench.export.codes import code_sets, description
from workbench.export.errors import ExportError
from workbench.export.layout import disjoint
from workbench.review.model import Action, Review, ReviewError, Withholding, review_id


def cable_name(cable: Cable) -> str:
    """The name a release goes by (title, file name, index): the reference ID, else the file's
    name without folders (a path can say more than the document should)."""
    if cable.id:
        return cable.id
    if cable.path:
        return Path(cable.path).stem
    return "cable"


def pending_paragraphs(cable: Cable, review: Review) -> list[str]:
    return [p.key for p in cable.paragraphs if review.decision(p.index).action == Action.PENDING]


def withholdings_for_export(cable: Cable, review: Review, allow_pending: bool) -> list[Withholding]:
    """The withheld ranges, sorted and merged; ExportError when the export must not happen."""
    name = cable_name(cable)
    if review.cable_id != review_id(cable):
        raise ExportError(
            f"the decisions are for {review.cable_id}, not for {name}: "
            f"give the decisions made for {name}"
        )
    try:
        raw = review.withholdings(cable, allow_pending)
    except ReviewError as exc:
        raise ExportError(str(exc)) from None
    pending = pending_paragraphs(cable, review)
    if pending and not allow_pending:
        shown = ", ".join(pending[:8]) + (" ..." if len(pending) > 8 else "")
        raise ExportError(
            f"{name} has {len(pending)} paragraph(s) not yet reviewed ({shown}): decide them, "
            "or export with --allow-pending to withhold them as PENDING REVIEW"
        )
    sets = code_sets() if raw else []
    for w in raw:
        where = f"paragraph {_key(cable, w)}" if w.paragraph else f"the {w.field} field"
        if not w.codes:
            raise ExportError(
                f"{where} of {name} is withheld without an exemption code: give it a code"
            )
        for code in w.codes:
            if description(code, sets) is None:
                raise ExportError(
                    f"{where} of {name} is withheld under {code!r}, which is not a known "
                    "exemption code: use a listed code, or add your team's code set with "
                    "`workbench review codes --add FILE`"
                )
    return disjoint(raw)


def _key(cable: Cable, w: Withholding) -> str:
    for p in cable.paragraphs:
        if p.index == w.paragraph:
            return p.key
    return str(w.paragraph)


def withheld_in_full(cable: Cable, review: Review, allow_pending: bool) -> bool:
    """Every paragraph withheld: the disposition is then WITHHELD IN FULL."""
    if not cable.paragraphs:
        return False
    for p in cable.paragraphs:
        a = review.decision(p.index).action
        if a == Action.WITHHOLD or (a == Action.PENDING and allow_pending):
            continue
        return False
    return True
