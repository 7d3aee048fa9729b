"""Write a file whole or not at all: a temporary file beside the target, then a rename.

A thin layer over :func:`workbench.safeio.write_atomic` (the one writer every command uses:
it also refuses to replace an input, a review store or a device, or to write outside the
chosen folder), raising export's own error type.
"""

from __future__ import annotations

from pathlib import Path

from workbench.export.errors import ExportError


def write_atomic(path: str | Path, data: bytes, within: str | Path | None = None) -> None:
    """Write ``data`` to ``path``; on any failure no file (and no temporary file) is left."""
    from workbench.safeio import OutputError
    from workbench.safeio import write_atomic as safe_write

    try:
        safe_write(path, data, within=within)
    except OutputError as exc:
        raise ExportError(str(exc).rstrip(".")) from None
