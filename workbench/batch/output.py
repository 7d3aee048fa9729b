"""Writing a report file whole or not at all: a temporary file beside it, renamed at the end."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

from workbench.safeio import atomic_file


@contextlib.contextmanager
def atomic_text_file(path: str | Path) -> Iterator[TextIO]:
    """Open a temporary file in ``path``'s folder; on success it replaces ``path``.

    If the block raises (or the run is interrupted) the temporary file is removed and an
    existing ``path`` is left as it was. The checks of ``safeio.check_target`` apply: a report
    never replaces a cable of the run, a review store or a device
    (:class:`~workbench.safeio.OutputError`, an ``OSError``).
    """
    with atomic_file(path, "w", encoding="utf-8", newline="") as f:
        yield cast(TextIO, f)
