"""Whether a text read as a cable is one: what the commands that act on a cable ask.

The reader reads any text (a header fragment, a page of a cable) and says what it found; that
is right for ``workbench parse``. Checking a due date, reviewing, suggesting or releasing a
text with no classification line, no date-time group and no reference ID is not: a README or
a spreadsheet given by mistake would get a status, a due date read from its prose, or a
"release" on State Department letterhead. Those commands read through :func:`read_document`.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.cable.decode import CableError
from workbench.cable.model import Cable
from workbench.cable.parse import read_cable


def not_a_cable(cable: Cable, name: str | os.PathLike[str] | None = None) -> str | None:
    """One sentence saying why ``cable`` is not a cable's text, or None when it may be one."""
    if cable.classification is not None or cable.sent is not None or cable.id is not None:
        return None
    where = os.fspath(name) if name is not None else (cable.path or "the text")
    return (
        f"{where} does not look like a cable: it has no classification line, no date-time "
        "group and no reference ID; give the text file of a cable."
    )


def require_cable(cable: Cable, name: str | os.PathLike[str] | None = None) -> Cable:
    """``cable``, or :class:`CableError` with :func:`not_a_cable`'s sentence."""
    why = not_a_cable(cable, name)
    if why is not None:
        raise CableError(why)
    return cable


def read_document(path: str | Path) -> Cable:
    """:func:`read_cable`, refusing a text that is not a cable (one :class:`CableError`)."""
    return require_cable(read_cable(path), path)
