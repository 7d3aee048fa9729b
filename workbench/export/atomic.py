"""Write a file whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workbench.export.errors import ExportError


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path``; on any failure no file (and no temporary file) is left."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder: give a file name to write the PDF to")
    if target.parent.exists() and not target.parent.is_dir():
        raise ExportError(f"cannot write {target}: {target.parent} is a file, not a folder")
    if not target.parent.is_dir():
        raise ExportError(
            f"cannot write {target}: the folder {target.parent} does not exist; create it first"
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise ExportError(
            f"cannot write {target}: {exc.strerror.lower() if exc.strerror else exc}; "
            "choose a folder you can write to"
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(
            f"cannot write {target}: {exc.strerror.lower() if exc.strerror else exc}; "
            "choose a folder you can write to"
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
