"""Opening a review store by name: a file path (SQLite) or a ``postgresql://`` URL.

The one factory every command and the window use, so ``--store`` and the ``store`` setting mean
the same everywhere: ``open_store(None)`` opens the user's default (the ``store`` setting, else
``reviews.sqlite3`` in the data folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.review.model import ReviewError
from workbench.review.pg_connect import check_url, display, is_url
from workbench.review.store_api import ReviewStore

__all__ = ["default_store", "describe", "is_url", "open_store", "store_exists"]


def default_store() -> str:
    """The ``store`` setting (a path or URL), else the SQLite file in the data folder."""
    from workbench.settings import Settings, default_store_path

    configured = Settings.load().store.strip()
    if configured:
        if is_url(configured):
            check_url(configured)
        return configured
    return str(default_store_path())


def resolve(spec: str | Path | None) -> str:
    return str(spec) if spec else default_store()


def open_store(spec: str | Path | None = None, create: bool = True) -> ReviewStore:
    """The store named by ``spec`` (a path or URL), or the default store. ``create=False``
    (commands that only read): a SQLite path with no store is refused, and the file is left
    exactly as it is (issue 12)."""
    name = resolve(spec)
    if is_url(name):
        from workbench.review.pg_store import PgStore

        return PgStore(name)
    from workbench.review.store import SqliteStore

    return SqliteStore(name, create=create)


def store_exists(spec: str | Path | None) -> bool:
    """False for a SQLite path with no file (a mistyped path); a URL is checked on opening."""
    name = resolve(spec)
    return is_url(name) or Path(name).is_file()


def describe(spec: str | Path | None) -> str:
    """How to name the store to a user: the path, or the URL without user and options."""
    name = resolve(spec)
    return display(name) if is_url(name) else name


def open_existing(spec: str | Path | None) -> ReviewStore:
    """Open a store to read from; refuse a SQLite path with no file in one sentence (creating
    an empty store there would report "nothing decided")."""
    if not store_exists(spec) and not os.path.lexists(resolve(spec)):
        # (Something that is there but not a file, a FIFO say, is named by the store itself.)
        raise ReviewError(
            f"there is no review store at {resolve(spec)}: check the path (a store is created "
            "only when decisions are saved into it)"
        )
    return open_store(spec, create=False)
