"""Signals held back for a few steps that must not be cut in half.

Its own module, below ``writing`` and ``signals``, because both use it: ``writing`` to create a
temporary file and record it for clean-up as one step, ``signals`` re-exports it.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

HELD = {signal.SIGINT, *(s for s in (getattr(signal, n, None) for n in ("SIGTERM", "SIGHUP")) if s)}


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP held back (in this thread, and in threads and processes
    started inside) until the block ends, then delivered. For steps that must not be cut in
    half: a process pool interrupted while it starts its manager thread can neither be shut
    down nor exit (its workers wait for work forever); a temporary file created but not yet
    recorded for clean-up would stay behind."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
