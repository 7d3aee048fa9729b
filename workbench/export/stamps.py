"""The words stamped on every page of a release: banners, disposition, declassification block.

Sources: 32 CFR 2001.25(a) (a declassified document shows "Declassified", the authority, the
date, and the old overall markings lined through); State FOIA release stamps
(declassification.md section 7: ``RELEASE IN FULL``, ``RELEASE IN PART B1, 1.4(D), B6``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.cable.model import Cable, level_rank
from workbench.declass.markings import governing_level
from workbench.export.codes import stamp_form
from workbench.export.options import ExportOptions
from workbench.export.prepare import release_name
from workbench.review.model import Review, Withholding


def original_marking(cable: Cable) -> str:
    """The overall marking the cable carried, as a banner writes it (``SECRET//NOFORN``): at
    the level its own markings show (``governing_level``), so a mis-marked ``UNCLAS`` banner
    over ``(C)`` paragraphs is CONFIDENTIAL here (newcomer 5, finding 22), and its release
    strikes CONFIDENTIAL and says DECLASSIFIED, as 32 CFR 2001.25(a) asks of a classified
    document (declassification.md section 7), not RELEASED under a lined-through SBU."""
    level = governing_level(cable)
    if level is None:
        return ""  # no banner, portion mark or header level: nothing to line through
    banner = cable.classification.level if cable.classification else None
    own = cable.classification.controls if cable.classification else ()
    controls = [c for c in own if c not in (banner, level)]
    captions = {c.text.strip().upper() for c in cable.captions}
    if level == "UNCLASSIFIED" and ("SENSITIVE" in captions or "SBU" in controls):
        level = "SENSITIVE BUT UNCLASSIFIED"  # State's SBU (declassification.md section 2)
        controls = [c for c in controls if c != "SBU"]
    elif level != banner:
        controls = [c for c in controls if c != "SBU"]  # no SBU on a classified marking
    if "NOFORN" in captions and "NOFORN" not in controls:
        controls.append("NOFORN")
    return "//".join([level, *controls])


def struck_marking(cable: Cable, new_marking: str) -> str:
    """The old marking to print lined through, or "" when nothing changes (an UNCLAS cable)."""
    old = original_marking(cable)
    return "" if not old or old == new_marking else old


def codes_in_order(withholdings: Sequence[Withholding]) -> list[str]:
    seen: dict[str, None] = {}
    for w in withholdings:
        for c in w.codes:
            seen.setdefault(c)
    return list(seen)


def disposition(withholdings: Sequence[Withholding], withheld_in_full: bool) -> str:
    """``RELEASE IN FULL``, ``RELEASE IN PART B1, 1.4(D), B6`` or ``WITHHELD IN FULL ...``."""
    if not withholdings:
        return "RELEASE IN FULL"
    stamped = ", ".join(
        dict.fromkeys(sorted(map(stamp_form, codes_in_order(withholdings)), key=_order))
    )
    return f"{'WITHHELD IN FULL' if withheld_in_full else 'RELEASE IN PART'} {stamped}"


def _order(stamped: str) -> tuple[int, str]:
    """B1 first with its E.O. categories after it (``B1, 1.4(D), B6``), then the rest."""
    if stamped.startswith("B1") and not stamped[2:3].isdigit():
        return (0, stamped)
    if stamped.startswith(("1.4", "1.5")):
        return (1, stamped)
    if stamped.startswith("B"):
        return (2, stamped)
    if stamped.startswith(("25X", "50X")):
        return (3, stamped)
    return (4, stamped)


# A release made with --allow-pending while regions are still undecided is a draft: those
# regions are withheld as PENDING REVIEW, but nobody decided them, so the document must not
# read as a release. "NOT FOR RELEASE" is the phrase of the review copy's watermark, so the
# office has one phrase for "must not leave the office"; "NOT FULLY REVIEWED" says why and
# stays true when most regions are decided ("NOT REVIEWED" would not). It is printed at the
# top of every page, and the disposition and the declassification block say DRAFT too, so
# no part of a page (a printout's top cut off, an excerpt) reads as final.
DRAFT = "DRAFT \u2014 NOT FULLY REVIEWED: NOT FOR RELEASE"
DRAFT_DECL = "NOT DECLASSIFIED: DRAFT, REVIEW NOT FINISHED"
DRAFT_WORDS = f"{DRAFT} {DRAFT_DECL}"  # the words verify accepts in a draft's stamps


@dataclass(frozen=True)
class Stamps:
    """Every string the page frame draws, computed once per document."""

    struck: str  # the old overall marking, lined through ("" if none)
    marking: str  # the new overall marking
    header: str  # agency, case, document number, date (State's release header line)
    disposition: str
    decl_block: tuple[str, ...]
    draft: str = ""  # DRAFT for a release with regions pending review, else ""


def stamps_for(
    cable: Cable,
    withholdings: Sequence[Withholding],
    withheld_in_full: bool,
    options: ExportOptions,
    review: Review | None = None,
    draft: bool = False,
) -> Stamps:
    """The stamps of a release; ``draft``: regions are still pending review (withheld), and
    every page says DRAFT ... NOT FOR RELEASE."""
    doc = options.doc_number or release_name(cable, review)
    day = options.released.strftime("%m/%d/%Y")
    header = "  ".join(
        p
        for p in (
            options.agency,
            f"Case No. {options.case_number}" if options.case_number else "",
            f"Doc No. {doc}",
            f"Date: {day}",
        )
        if p
    )
    struck = struck_marking(cable, options.marking)
    # 32 CFR 2001.25(a): the word "Declassified", the authority, the date. "in part" when
    # some portions stay withheld, as State's stamps say.
    part = " IN PART" if withholdings else ""
    if draft:
        word = DRAFT_DECL  # nothing is declassified until every region is decided
    elif withheld_in_full:
        # Nothing of the cable's text is released: nothing was declassified or released, and
        # the block must not say otherwise (the disposition says WITHHELD IN FULL too).
        word = "WITHHELD IN FULL: NOTHING RELEASED"
    elif struck and options.marking != "UNCLASSIFIED":
        word = f"DOWNGRADED TO {options.marking}"  # a partial downgrade keeps a level
    elif level_rank(governing_level(cable)) >= level_rank("CONFIDENTIAL"):
        # Classified by its banner, or by a portion or transmission header above the banner
        # (a mis-marked cable is classified: declassification.md section 2).
        word = f"DECLASSIFIED{part}"
    else:
        # LOU and SBU are administrative controls no E.O. governs (declassification.md
        # section 2): nothing is declassified, the text is released.
        word = f"RELEASED{part}"
    block: tuple[str, ...] = (
        word,
        f"Authority: {options.authority}",
        f"By: {options.reviewer}",
        f"Date: {options.released.isoformat()}",
    )
    if options.case_number:
        # Without a case the line is left out, not filled with "none": 32 CFR 2001.25(a)
        # asks for the word Declassified, the authority and the date (declassification.md
        # section 7), no case number; the case number is State's FOIA header's, and a release
        # made outside a FOIA/MDR case has none to print.
        block += (f"Case No.: {options.case_number}",)
    final = disposition(withholdings, withheld_in_full)
    return Stamps(
        struck=struck,
        marking=options.marking,
        header=header,
        disposition=f"DRAFT {final}" if draft else final,
        decl_block=block,
        draft=DRAFT if draft else "",
    )
