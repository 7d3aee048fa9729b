"""Helpers shared by subcommands: walking paths, reporting errors in one sentence."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar

from workbench.cable.files import iter_cable_paths

__all__ = ["STORE_HELP", "add_store_argument", "fail", "iter_cable_paths", "on_workers"]

T = TypeVar("T")
R = TypeVar("R")

STORE_HELP = (
    "review store: an SQLite file, or a team's postgresql://HOST/DATABASE (passwords from "
    "~/.pgpass, PGPASSWORD or a service file, never the URL); default: the 'store' setting, "
    "else reviews.sqlite3 in your data folder"
)


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    """``--store PATH|URL``, the same in every command that reads or writes reviews."""
    parser.add_argument("--store", metavar="PATH|URL", help=STORE_HELP)


def fail(message: str, code: int = 2) -> int:
    """Print ``message`` as the one sentence a user sees, and return the exit code.

    Control and bidi characters (from a file name or a cable) are shown escaped, and the
    message stays on one line.
    """
    from workbench.safeio import for_terminal

    print(f"workbench: {for_terminal(message, one_line=True)}", file=sys.stderr)
    return code


def cap_jobs(jobs: int, option: str = "--jobs") -> int:
    """Worker processes to start for ``--jobs N``: never more than this machine can run.

    Each worker holds a parser and a chunk of cables; thousands of them fill the memory of
    any machine (``--jobs 100000`` was killed by the kernel), while more workers than cores
    only wait for each other. Capped at four per core, with a note when capped.
    """
    if jobs <= 4:  # never capped (at least one core): spares importing the batch package
        return jobs
    from workbench.batch.stream import default_jobs

    most = max(1, 4 * default_jobs())
    if jobs > most:
        print(
            f"workbench: note: {option} {jobs} is more than this machine can use; using {most}",
            file=sys.stderr,
        )
        return most
    return jobs


def on_workers(
    work: Callable[[list[T]], list[R]],
    chunks: Iterable[list[T]],
    jobs: int,
    *,
    out: IO[Any],
    incomplete: str,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``work``'s results on ``jobs`` forked worker processes, in the order of ``chunks`` (so
    the output is the same whatever the number of workers). A worker lost (killed, out of
    memory) ends the command in one sentence: what was printed to ``out`` is flushed, and
    ``incomplete`` (``the output above is incomplete``) says what it means."""
    # Only here: multiprocessing's import is a tenth of a small parse's start-up.
    import multiprocessing

    from workbench.safeio import InputError
    from workbench.safeio.workers import WorkerLost, ordered_map

    context = multiprocessing.get_context("fork")
    try:
        yield from ordered_map(work, chunks, jobs, context, initializer, initargs)
    except WorkerLost:
        out.flush()
        raise InputError(
            "a worker process ended before its cables were read (killed, or out of memory?), "
            f"so {incomplete}: run it again, with fewer --jobs"
        ) from None
