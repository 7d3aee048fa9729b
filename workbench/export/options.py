"""What a release says about itself (case, document number, authority, reviewer, date, marking)
and the code sets its exemption codes are checked and described against.

Everything a release depends on besides the cable and its review is in :class:`ExportOptions`,
so the same cable, review and options make the same bytes on any machine: rendering never reads
the user's settings. :meth:`ExportOptions.resolve` is where settings come in, once, before any
rendering (the CLI and the window call it; a cluster worker receives the resolved options).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from workbench.cable.model import LEVELS, Cable, level_rank
from workbench.export.errors import ExportError
from workbench.review.codes import CodeSet, builtin_code_sets

if TYPE_CHECKING:
    from workbench.review.model import Review


def check_marking(value: str, what: str = "--marking") -> str:
    """The new overall marking, upper case, or ExportError naming ``what`` when it is no level
    (the CLI's ``--marking`` and the window's New marking field give the same answer)."""
    marking = (value or "UNCLASSIFIED").strip().upper() or "UNCLASSIFIED"
    if marking not in LEVELS:
        raise ExportError(f"{what} {value!r} is not a level: use one of {', '.join(LEVELS)}")
    return marking


def check_downgrade(cable: Cable, marking: str, name: str) -> None:
    """Refuse (ExportError) a new marking that is not UNCLASSIFIED and not strictly below the
    cable's own level. Downgrading is a determination that information "shall be classified
    and safeguarded at a lower level" (E.O. 13526 sec. 6.1, definitions); the levels in order
    are in declassification.md section 2, and a downgrade is never a declassification (section
    5's table). The cable's own level, or a higher one, lined through beside itself would stamp
    an upgrade, or nothing, as a release."""
    if marking == "UNCLASSIFIED":
        return
    from workbench.declass.markings import governing_level

    # The level the cable's own markings show (a portion or header above the banner counts:
    # newcomer 5, finding 22), so a mis-marked UNCLAS cable with (S) paragraphs can be
    # downgraded to CONFIDENTIAL, and a SECRET banner over (TS) ones cannot be "downgraded"
    # to SECRET.
    level = governing_level(cable) or ""
    if level_rank(level) < 0:
        raise ExportError(
            f"the new marking {marking} is not a downgrade: {name} carries no classification "
            "level to lower, so leave the marking UNCLASSIFIED"
        )
    if level_rank(marking) >= level_rank(level):
        raise ExportError(
            f"the new marking {marking} is not a downgrade of {name}, which is {level}: "
            f"give a level below {level}, or leave the marking UNCLASSIFIED"
        )


def signed_by(reviewer: str, login: str) -> str:
    """The release's "By:" on a team store, where the database knows who is logged in: the
    name given, with the login it was exported under when they differ (``Ada Lovelace
    (alice)``), or the login when no name is given (newcomer 5, finding 10: any --reviewer
    was stamped, "Mallory" by alice, and with none the export was refused although the
    store knew the login). A name alone is a claim; the login is who answers for it."""
    reviewer, login = reviewer.strip(), login.strip()
    if not login or reviewer == login:
        return reviewer or login
    return f"{reviewer} ({login})" if reviewer else login


def check_portions(cable: Cable, review: Review, marking: str, name: str) -> None:
    """Refuse (ExportError) a downgrade that would print a portion marked above the new
    marking: a paragraph marked ``(S)`` released, in full or in part, under a CONFIDENTIAL
    banner. The banner must be at least the highest portion it carries (32 CFR 2001.21, as
    ``check``'s ``banner-below-portion`` says of a cable; newcomer 5, finding 32): such a
    paragraph is withheld, or the marking is at least its level. UNCLASSIFIED is a
    declassification of what is released, not a downgrade, and is not refused here."""
    from workbench.naming import paragraph_labels
    from workbench.review.model import Action

    if marking == "UNCLASSIFIED":
        return
    above = []
    # Named as everywhere else (``¶3``, ``1st paragraph (unnumbered)``), never by the
    # reader's key (``¶#1``).
    labels = paragraph_labels(cable.paragraphs)
    for p in cable.paragraphs:
        level = p.marking.level if p.marking else None
        if level_rank(level) <= level_rank(marking):
            continue
        if review.effective(p.index).decision.action in (Action.RELEASE, Action.PARTIAL):
            portion = p.marking.text.strip("()") if p.marking else level
            above.append(f"{labels[p.index]} ({portion})")
    if above:
        shown = ", ".join(above[:5]) + (f" and {len(above) - 5} more" if len(above) > 5 else "")
        raise ExportError(
            f"the new marking {marking} is below portions of {name} that the review releases: "
            f"{shown}; a release marked {marking} cannot print them: withhold them, or give "
            "a marking at least as high as each"
        )


@dataclass(frozen=True)
class ExportOptions:
    """Stamped on every page. Empty fields fall back to the user's settings (see :meth:`resolve`)."""

    case_number: str = ""
    doc_number: str = ""  # defaults to the cable's reference ID
    authority: str = ""
    reviewer: str = ""
    agency: str = ""
    marking: str = "UNCLASSIFIED"  # the new overall marking; a level for a partial downgrade
    released: date = field(default_factory=date.today)
    allow_pending: bool = False
    # The code sets a withholding's codes must belong to, and the Vaughn index's descriptions
    # come from; empty: the built-in sets only. Filled by resolve() from the user's settings.
    code_sets: tuple[CodeSet, ...] = ()

    def sets(self) -> list[CodeSet]:
        """The code sets of this export (never read from settings here)."""
        return list(self.code_sets or builtin_code_sets())

    def resolve(self, marking_name: str = "--marking") -> ExportOptions:
        """Fill empty fields from settings, so the CLI and the GUI stamp the same values, and
        check the marking (ExportError, naming ``marking_name``)."""
        from workbench.review.codes import available_code_sets
        from workbench.settings import Settings

        s = Settings.load()
        return ExportOptions(
            case_number=self.case_number or s.case_number,
            doc_number=self.doc_number,
            authority=self.authority or s.authority or "E.O. 13526",
            # A name given or set, never the login name guessed: "By:" must be a person.
            reviewer=self.reviewer or s.reviewer,
            agency=self.agency or s.agency or "U.S. Department of State",
            marking=check_marking(self.marking, marking_name),
            released=self.released,
            allow_pending=self.allow_pending,
            code_sets=self.code_sets or tuple(available_code_sets(s.custom_code_sets)),
        )
