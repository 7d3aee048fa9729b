"""Checking many cables: streamed, in input order, over worker processes.

Memory stays flat however many files there are: paths are read lazily, at most a few chunks per
worker are in flight, and each row is handed to the caller as soon as the rows before it are.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial
from pathlib import Path

from workbench.batch.rows import Row, check_file, check_files
from workbench.safeio import InputError
from workbench.safeio.workers import WorkerLost, chunked, ordered_map

# Cables per task: large enough that the cost of a round trip to a worker (pickling the
# paths and rows) is small beside parsing ~64 cables, small enough to keep rows flowing.
CHUNK = 64


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _single_threaded() -> bool:
    """True when this process runs one thread only, native threads included.

    ``threading`` does not see threads started outside Python (Qt's QThread, its thread pool,
    D-Bus), so on Linux the kernel's list of this process's tasks decides.
    """
    if threading.current_thread() is not threading.main_thread():
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    # fork is the cheapest start and re-imports nothing, but it copies every thread's locks
    # in whatever state they are in: only safe in a single-threaded process (the CLI).  The
    # GUI calls scan() from a QThread of a Qt process, so there workers come from a clean
    # server process instead.
    if "fork" in methods and _single_threaded():
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["workbench.batch.rows"])
        return ctx
    return multiprocessing.get_context("spawn")


def _worker_start() -> None:
    # Ctrl-C reaches every process of the terminal's group; only the parent should act on
    # it (stop submitting, cancel the queue).  A worker interrupted while waiting for work
    # would print a traceback of its own.  SIGTERM/SIGHUP end a worker at once, and a worker
    # dies with its parent, so `kill -9` of `workbench check` leaves none behind.
    from workbench.safeio.signals import worker_start

    worker_start()


def scan(
    paths: Iterable[str | Path],
    as_of: date | None = None,
    jobs: int | None = None,
    chunk: int = CHUNK,
) -> Iterator[Row]:
    """Yield one :class:`~workbench.batch.rows.Row` per path, in the order of ``paths``.

    ``jobs`` worker processes (default: every core) check chunks of ``chunk`` files; with
    ``jobs=1`` everything runs in this process.  Stop early by closing the iterator (or just
    leaving a ``for`` loop): queued work is cancelled and the workers exit.  A file that cannot
    be read yields a row with a ``read-error`` finding; this never raises for bad input.
    """
    as_of = as_of or date.today()
    jobs = jobs or default_jobs()
    if jobs <= 1:
        for p in paths:
            yield check_file(str(p), as_of)
        return
    try:
        yield from ordered_map(
            partial(check_files, as_of=as_of),
            chunked((str(p) for p in paths), chunk),
            jobs,
            _context(),
            initializer=_worker_start,
        )
    except WorkerLost:
        raise InputError(
            "a worker process ended before its cables were checked (killed, or out of "
            "memory?), so the report is incomplete and --output, if given, was not "
            "written: run the check again, with fewer --jobs"
        ) from None
