"""One file in, one report row out: what ``workbench check`` prints for a cable.

A row is a plain JSON-ready dict so it crosses process boundaries cheaply and the GUI can show
it without knowing the engine's classes.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from workbench.batch.fingerprint import text_sha256
from workbench.cable import CableError, parse_bytes
from workbench.cable.decode import read_cable_bytes
from workbench.cable.document import not_a_cable
from workbench.declass import STATUSES, assess, assessment_to_dict
from workbench.declass.codes import CODES


class Row(TypedDict):
    """One cable's line of a check report (the keys ``workbench check --format jsonl`` writes)."""

    path: str
    id: str | None
    classification: dict[str, Any] | None
    decl: dict[str, Any] | None
    origin: str | None
    as_of: str
    due: str | None
    basis: str
    status: str
    findings: list[dict[str, Any]]
    # Added by issue 13: the order whose rules applied, and a downgrading instruction
    # ({"level", "date", "text", "start", "end"}), shown beside the due date, never as one.
    order: str | None
    downgrade: dict[str, Any] | None
    # The SHA-256 of the cable's words (batch.fingerprint): two files with one reference ID
    # and another text are two records, not a cable and its copy. None for an unreadable file.
    text_sha256: str | None


# The status of a file that could not be read, or is not a cable (a README, a spreadsheet):
# not one of the declassification statuses (declass.STATUSES), since no cable was assessed,
# and never needs-review, which is a records officer's worklist of cables (newcomer 5,
# finding 32). Its read-error finding says why in one sentence.
UNREADABLE = "unreadable"
ROW_STATUSES: tuple[str, ...] = (*STATUSES, UNREADABLE)


def error_row(path: str, message: str, as_of: date) -> Row:
    """The row of a file that could not be read: status ``unreadable``, and why, in one
    sentence."""
    return {
        "path": path,
        "id": None,
        "classification": None,
        "decl": None,
        "origin": None,
        "as_of": as_of.isoformat(),
        "due": None,
        "basis": "none",
        "status": UNREADABLE,
        "findings": [
            {
                "code": "read-error",
                "severity": CODES["read-error"][0],
                "message": message,
                "start": 0,
                "end": 0,
            }
        ],
        "order": None,
        "downgrade": None,
        "text_sha256": None,
    }


def check_file(path: str, as_of: date, location: str | None = None) -> Row:
    """Read, parse and assess the cable at ``path``; never raises for a bad file.

    ``location`` is where to open the file when that is not ``path`` (a cluster worker whose
    working folder is not the client's); the row and its sentences still name ``path``.
    """
    try:
        data = read_cable_bytes(location or path, name=path)
    except CableError as exc:
        return error_row(path, str(exc), as_of)
    except Exception as exc:  # a bug must not stop a 250,000-cable run
        return _bug_row(path, exc, as_of)
    return check_bytes(path, data, as_of)


def check_bytes(path: str, data: bytes, as_of: date) -> Row:
    """Parse and assess the bytes of the cable file ``path`` (read by whoever could see it)."""
    try:
        cable = parse_bytes(data, path)
    except CableError as exc:
        return error_row(path, str(exc), as_of)
    except Exception as exc:  # a parser bug must not stop a 250,000-cable run
        return _bug_row(path, exc, as_of)
    why = not_a_cable(cable, path)
    if why is not None:  # a README or a spreadsheet given by mistake: no status, no due date
        return error_row(path, why, as_of)
    row = assessment_to_dict(assess(cable, as_of), cable)
    row["path"] = path
    row["text_sha256"] = text_sha256(cable)
    return row  # type: ignore[return-value]


def _bug_row(path: str, exc: Exception, as_of: date) -> Row:
    return error_row(
        path,
        f"{path} could not be parsed ({type(exc).__name__}: {exc}); please report it as a bug.",
        as_of,
    )


def check_files(paths: list[str], as_of: date) -> list[Row]:
    """A chunk of work for one worker process."""
    return [check_file(p, as_of) for p in paths]
