"""Work spread over worker processes, results in input order, and a dead worker noticed.

``check``, ``parse`` and ``suggest`` hand chunks of files to worker processes. A worker can
die in the middle (the kernel's OOM killer, an operator's ``kill -9``): ``multiprocessing.Pool``
never notices and waits for its results forever, and Python 3.11's ``ProcessPoolExecutor``
marks the pool broken but then waits for the surviving workers, one of which may sit blocked
for ever on the task queue's lock the dead one held. Here a dead worker ends the run at once:
the survivors are killed and the caller gets :class:`WorkerLost` to turn into one sentence.

At most a few chunks per worker are in flight, so memory stays flat however many files.
"""

from __future__ import annotations

import contextlib
import multiprocessing.context
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from workbench.safeio.holding import held

T = TypeVar("T")
R = TypeVar("R")

# Chunks in flight per worker: enough that no worker waits for its next task.
AHEAD = 4


class WorkerLost(Exception):
    """A worker process ended before its work was done; the results are incomplete."""


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last shorter), read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered_map(
    work: Callable[[list[T]], list[R]],
    chunks: Iterable[list[T]],
    jobs: int,
    context: multiprocessing.context.BaseContext,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """Yield ``work(chunk)``'s results chunk after chunk, in the order of ``chunks``, computed
    by ``jobs`` worker processes. Raises :class:`WorkerLost` when a worker dies.

    Leaving the loop early (or an exception in the caller) cancels the queued chunks and
    waits for the running ones, so no worker is left behind.
    """
    it = iter(chunks)
    executor = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=initializer, initargs=initargs
    )
    pending: deque[Future[list[R]]] = deque()
    try:
        # The first submit starts the pool (its manager thread and, with fork, every worker):
        # a Ctrl-C in the middle would leave a pool that can neither be shut down nor exit.
        first = list(islice(it, jobs * AHEAD))
        with held():
            pending.extend(executor.submit(work, c) for c in first)
        while pending:
            results = _result(executor, pending.popleft())
            nxt = next(it, None)
            if nxt is not None:
                pending.append(executor.submit(work, nxt))
            yield from results
    except BrokenProcessPool:
        # From .result() or from a .submit() after the pool broke (the latter, uncaught, hung
        # `check` in shutdown: the executor waited for a survivor that waited for us).
        _kill_survivors(executor)
        _unblock_results(executor)
        raise WorkerLost from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _result(executor: ProcessPoolExecutor, future: Future[list[R]]) -> list[R]:
    """The future's result, or BrokenProcessPool once a worker is found dead.

    The executor itself may never notice: a worker killed in the middle of sending a large
    result (parse sends each chunk's JSON) leaves the manager thread blocked for ever in
    ``recv()`` on the results pipe, waiting for the rest of a message nobody will write (the
    test killing a `parse` worker hung once in fifty runs, under load). So while waiting, this
    looks at the workers itself, once a second."""
    while True:
        try:
            return future.result(timeout=1.0)
        except TimeoutError:
            processes = list(getattr(executor, "_processes", {}).values())
            if any(not p.is_alive() for p in processes):
                raise BrokenProcessPool("a worker process died") from None


def _unblock_results(executor: ProcessPoolExecutor) -> None:
    """Close this process's own end for writing results, so that once the workers are dead
    a manager thread blocked reading a half-sent result sees the pipe's end, marks the pool
    broken and lets ``shutdown`` return (it holds the only other writer)."""
    queue = getattr(executor, "_result_queue", None)
    writer = getattr(queue, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()


def _kill_survivors(executor: ProcessPoolExecutor) -> None:
    """Kill the workers left when one died (3.12's executor does this itself; 3.11's waits
    for them, and one may be blocked for ever on the lock the dead worker held)."""
    for process in list(getattr(executor, "_processes", {}).values()):
        if process.is_alive():
            process.kill()
