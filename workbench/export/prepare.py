"""From a cable and its review to the list of withholdings an export draws, or a refusal.

Every check that can refuse an export happens here, before a byte is drawn, so a refused
export never leaves a partial file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbench.cable.model import Cable
from workbench.export.codes import description
from workbench.export.errors import ExportError
from workbench.export.layout import disjoint
from workbench.review.codes import CodeSet, builtin_code_sets
from workbench.review.model import Action, Review, ReviewError, Withholding, review_id, text_hash


def cable_name(cable: Cable) -> str:
    """The name the office knows a cable by (messages, the review copy): the reference ID, else
    the file's name without folders. A release goes by :func:`release_name`."""
    if cable.id:
        return cable.id
    if cable.path:
        return Path(cable.path).stem
    return "cable"


def release_name(cable: Cable, review: Review | None = None, doc_number: str = "") -> str:
    """The name a release goes by (title, file name, Vaughn index): the reference ID, unless
    the cable has none (a file's name may say anything) or its FM line is withheld (the ID
    names the post); then the document number given, else ``cable-`` and a hash of what the
    release shows (:func:`released_digest`)."""
    if cable.id and not (review is not None and _origin_withheld(review)):
        return cable.id
    safe = "".join(ch for ch in doc_number if ch.isalnum() or ch in "-_.")
    if safe:
        return safe
    return "cable-" + released_digest(cable, review)[:12]


def released_digest(cable: Cable, review: Review | None) -> str:
    """A hash of the released text only: each released piece, and for each withholding its
    codes (as its box shows them), never the withheld text or its length. A hash of the whole
    text would confirm a guess at what was withheld (hash the released text with a candidate
    name in the gap, compare with the name: red-team finding 4). Without a review, everything
    a reviewer decides counts as withheld."""
    review = review if review is not None else Review.for_cable(cable)
    try:
        withheld = disjoint(review.withholdings(cable, allow_pending=True), cable.text)
    except ReviewError:  # the review is for another text: export refuses it anyway
        withheld = [Withholding("region", 0, len(cable.text), ())]
    parts: list[str] = []
    pos = 0
    for w in withheld:
        parts.append(cable.text[pos : w.start])
        parts.append("\x00" + ",".join(w.codes) + "\x00")
        pos = max(pos, w.end)
    parts.append(cable.text[pos:])
    return text_hash("".join(parts))


def _origin_withheld(review: Review) -> bool:
    region = review.partition.get("from")
    return region is not None and review.effective(region).action != Action.RELEASE


def pending_regions(cable: Cable, review: Review) -> list[str]:
    """The regions not yet decided, as a reviewer would name them (``¶3``, ``Subject``)."""
    return [r.label for r in review.pending()]


def withholdings_for_export(
    cable: Cable,
    review: Review,
    allow_pending: bool,
    sets: Sequence[CodeSet] | None = None,
) -> list[Withholding]:
    """The withheld ranges, sorted and merged; ExportError when the export must not happen.
    Codes are checked against ``sets`` (the export's, ``ExportOptions.sets()``; None: the
    built-in sets): never against the user's settings read here."""
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
    pending = pending_regions(cable, review)
    if pending and not allow_pending:
        shown = ", ".join(pending[:8]) + (" ..." if len(pending) > 8 else "")
        raise ExportError(
            f"{name} has {len(pending)} region(s) not yet decided ({shown}): decide them, "
            "or run it again with --allow-pending to withhold them as PENDING REVIEW"
        )
    sets = list(builtin_code_sets() if sets is None else sets)
    for w in raw:
        where = _where(review, w)
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
    return disjoint(raw, cable.text)


def _where(review: Review, w: Withholding) -> str:
    region = review.partition.get(w.region or "")
    return region.name if region is not None else "a region"


# Kinds whose release says nothing of the cable's content: a cable whose other regions are all
# withheld is withheld in full, however many routing lines and banners are printed.
_FORM_KINDS = {"routing", "classification", "caption", "eo", "reasons", "page_break"}
_FORM_KINDS |= {"separator", "repeat", "blank"}


def withheld_in_full(cable: Cable, review: Review, allow_pending: bool) -> bool:
    """Nothing of the cable's text released (its form aside: routing, markings, page breaks):
    the disposition is then WITHHELD IN FULL."""
    content = [r for r in review.regions() if r.kind not in _FORM_KINDS]
    if not content:
        return False
    for r in content:
        d = review.effective(r).decision
        if d.action == Action.WITHHOLD or (d.action == Action.PENDING and allow_pending):
            continue
        return False
    return True
