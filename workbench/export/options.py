"""What a release says about itself: case, document number, authority, reviewer, date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workbench.settings import Settings


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

    def resolve(self) -> ExportOptions:
        """Fill empty fields from settings, so the CLI and the GUI stamp the same values."""
        s = Settings.load()
        return ExportOptions(
            case_number=self.case_number or s.case_number,
            doc_number=self.doc_number,
            authority=self.authority or s.authority or "E.O. 13526",
            # A name given or set, never the login name guessed: "By:" must be a person.
            reviewer=self.reviewer or s.reviewer,
            agency=self.agency or s.agency or "U.S. Department of State",
            marking=(self.marking or "UNCLASSIFIED").upper(),
            released=self.released,
            allow_pending=self.allow_pending,
        )
