"""``workbench store copy SRC DST``: a whole review store into another, either kind, checked.

SRC and DST are SQLite paths or ``postgresql://`` URLs. DST must be empty (a new SQLite file,
or a PostgreSQL store just set up with ``workbench store init``). The copy is written in one
transaction and compared with SRC before it commits; a SQLite file created for it is removed
again if it fails, so a failed copy leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path

from workbench.review.store_api import StoreError
from workbench.review.stores import describe, is_url, open_existing, open_store


def copy_store(src: str, dst: str) -> str:
    """Copy, check, and say what was copied in one line."""
    if describe(src) == describe(dst) and not is_url(src):
        raise StoreError("the source and the destination are the same store: give another DST")
    created = not is_url(dst) and not Path(dst).exists()
    with open_existing(src) as source:
        dump = source.dump()
    try:
        with open_store(dst) as target:
            target.restore(dump)
    except BaseException:
        if created:
            for suffix in ("", "-wal", "-shm"):
                Path(dst + suffix).unlink(missing_ok=True)
        raise
    return f"copied {dump.counts()} from {describe(src)} to {describe(dst)}; the copy matches"
