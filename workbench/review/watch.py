"""Learning of other reviewers' changes as they are saved, for the window (Qt-free).

``ChangeWatcher(spec).wait(timeout)`` blocks up to ``timeout`` seconds and returns the IDs of
the cables someone changed meanwhile (empty: none). Run it on a worker thread, never the GUI's.

PostgreSQL: LISTEN/NOTIFY. A trigger on the audit log notifies ``workbench_changes`` with the
cable's ID in the same transaction as the change, so the window hears of a change when (and
only when) it is committed, within milliseconds, and an idle window costs the server nothing.
SQLite has no notifications between processes: the watcher reads the audit log's newest ID
every ``POLL_S`` seconds (one indexed lookup), which is cheap on a local file.
"""

from __future__ import annotations

import time
from typing import Any

from workbench.review.stores import is_url, open_existing

POLL_S = 1.0


class ChangeWatcher:
    def __init__(self, spec: str) -> None:
        self.spec = spec
        self._conn: Any = None
        self._store: Any = None
        self._cursor = 0
        if is_url(spec):
            from workbench.review.pg_connect import connect

            self._conn = connect(spec)
            self._conn.execute("LISTEN workbench_changes")
        else:
            self._store = open_existing(spec)
            self._cursor, _ = self._store.changes_since(0)

    def wait(self, timeout: float) -> list[str]:
        """The cables changed (by anyone, this program included) within ``timeout`` seconds."""
        if self._conn is not None:
            seen: set[str] = set()
            for note in self._conn.notifies(timeout=timeout, stop_after=1):
                seen.add(note.payload)
            # Drain what arrived together, without waiting again.
            for note in self._conn.notifies(timeout=0.01):
                seen.add(note.payload)
            return sorted(seen)
        deadline = time.monotonic() + timeout
        while True:
            self._cursor, changed = self._store.changes_since(self._cursor)
            if changed or time.monotonic() >= deadline:
                return changed
            time.sleep(min(POLL_S, max(0.0, deadline - time.monotonic())))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._store is not None:
            self._store.close()
