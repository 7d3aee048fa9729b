"""What a Dask worker runs for ``workbench check --cluster``: chunks of cables through the very
functions a local run uses (:func:`~workbench.batch.rows.check_file`,
:func:`~workbench.batch.rows.check_bytes`).

Nothing here imports Dask, so the client can name these functions in tasks and a worker needs
only the workbench installed.  The client checks that the worker's workbench is the same code
as its own (:func:`code_fingerprint`) before it sends any work.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import socket
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.batch.formats import rows_text
from workbench.batch.rows import Row, check_bytes, check_file, error_row
from workbench.batch.summary import Summary

if TYPE_CHECKING:
    from workbench.batch.row_filter import RowFilter
    from workbench.cable import Cable
    from workbench.export.options import ExportOptions
    from workbench.review.model import Review

# One file of a chunk as the client sees it: absolute path, size, modification time (ns).
Probe = tuple[str, int, int]


class NotShared(Exception):
    """The worker does not see the client's files where the client sees them."""


class OtherCode(Exception):
    """The worker runs other workbench code than the client (a worker that joined late)."""


def _same_code(code: str) -> None:
    if code != code_fingerprint():
        raise OtherCode(
            f"the worker on {socket.gethostname()} runs other workbench code than the client, "
            "so its rows could differ: install the same version on every worker"
        )


def sees(probe: Probe) -> str | None:
    """``None`` when this machine has the client's file at the same path, else why not."""
    path, size, mtime_ns = probe
    host = socket.gethostname()
    try:
        st = os.stat(path)
    except OSError:
        return f"the worker on {host} has no {path}"
    if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
        return f"{path} on the worker on {host} is not the file the client sees"
    return None


@dataclass(frozen=True)
class View:
    """What the client makes of a chunk's rows: the report's format and ``--status`` filter.
    A worker given one sends back a :data:`Part` instead of the rows."""

    fmt: str
    wanted: RowFilter | None = None


# A chunk's report: the text of the rows shown, as the client's writer would write them
# (:func:`~workbench.batch.formats.rows_text`), and the chunk's counts for the summary.  Some
# 100 to 1,000 bytes a row, the small facts of the summary, and nothing for the client to do
# per row but write: its CPU was the cluster's ceiling (43 µs a row) and, on a machine it
# shares with its workers, their competitor.
Part = tuple[str, Summary]


def packed(value: Any) -> bytes:
    """A task's argument or result as one pickle.  Dask would otherwise walk a list element by
    element (a task's arguments, to find other tasks' keys in them; a result, to serialize
    each with a header of its own): some 100 µs a row on the client."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpacked(data: bytes) -> Any:
    # Only ever bytes our own workers or client made (Dask itself moves tasks as pickles).
    return pickle.loads(data)


def _made(rows: list[Row], view: View | None) -> bytes:
    if view is None:
        return packed(rows)
    summary = Summary(entries=[])  # the client re-counts them: a copy may be another chunk's
    shown = []
    for row in rows:
        summary.add(row)
        if view.wanted is None or view.wanted(row):
            shown.append(row)
    summary.shown = len(shown)
    summary.seen = {}  # the entries say it again; no need to send it twice
    part: Part = (rows_text(view.fmt, shown), summary)
    return packed(part)


def check_shared(
    paths: bytes, as_of: date, root: str, probe: Probe, code: str, view: View | None = None
) -> bytes:
    """Check files the worker reads itself from the file system it shares with the client.

    ``paths`` (:func:`packed`) are as the user gave them (relative to the client's folder
    ``root``, or absolute), and the rows name them so; ``probe`` is one file of the chunk the
    client saw.  Raises :class:`NotShared` when this worker does not see that file as the
    client does, and :class:`OtherCode` when ``code`` is not this worker's
    :func:`code_fingerprint`.  The rows come back :func:`packed`, or with a ``view`` the
    chunk's :data:`Part`.
    """
    _same_code(code)
    reason = sees(probe)
    if reason is not None:
        raise NotShared(reason)
    names: list[str] = unpacked(paths)
    return _made([check_file(p, as_of, location=os.path.join(root, p)) for p in names], view)


def check_sent(items: bytes, as_of: date, code: str, view: View | None = None) -> bytes:
    """Check cables the client read and sent (:func:`packed`): ``(path, bytes)``, or
    ``(path, sentence)`` for a file the client could not read (the sentence
    :func:`read_cable_bytes` gave)."""
    _same_code(code)
    sent: list[tuple[str, bytes | str]] = unpacked(items)
    return _made(
        [
            check_bytes(p, d, as_of) if isinstance(d, bytes) else error_row(p, d, as_of)
            for p, d in sent
        ],
        view,
    )


# One cable to export: read and its review loaded by the client (the store stays there).
ExportItem = tuple["Cable", "Review", "ExportOptions", str]
# The PDF's bytes and pages, or the one sentence of why there is none.
Made = tuple[bytes | None, int, str | None]


def export_sent(items: bytes, code: str) -> bytes:
    """Make and verify PDFs on the worker with the one export path of a local export
    (``workbench.export.publish.make``: a release is verified before it is returned); the
    client writes the files. The options carry the client's code sets: nothing of the
    worker's own settings goes into a PDF.  ``items`` and the result are :func:`packed` (Dask
    would walk a list of cables and reviews element by element)."""
    from workbench.export.batch import pages
    from workbench.export.errors import ExportError
    from workbench.export.publish import make

    _same_code(code)
    out: list[Made] = []
    sent: list[ExportItem] = unpacked(items)
    for cable, review, options, copy in sent:
        try:
            data = make(copy, cable, review, options, where="on the worker")
            out.append((data, pages(data), None))
        except ExportError as exc:
            out.append((None, 0, str(exc)))
    return packed(out)


@functools.cache
def code_fingerprint() -> str:
    """A hash of the workbench's Python source: equal on client and worker when both run the
    same rules (a version number is not enough: two checkouts of 0.1.0 can differ).  The
    window's code (``gui/``) plays no part in a cluster run and is left out."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for f in sorted(package.rglob("*.py")):
        if f.relative_to(package).parts[0] == "gui":
            continue
        h.update(f.relative_to(package).as_posix().encode() + b"\0")
        h.update(f.read_bytes() + b"\0")
    return h.hexdigest()
