"""Checking an archive on a Dask cluster: ``workbench check ARCHIVE --cluster ADDRESS``.

The cluster runs the same per-cable functions as a local run (``cluster_tasks`` wraps
:func:`~workbench.batch.rows.check_file` in chunks), so the rows are the same; this module only
moves work and rows (:func:`stream_ordered` does the same for ``cluster_export``).  What it
assumes and guarantees:

- **Files.** Workers read the cables themselves when they see the client's files at the same
  absolute paths (a shared or network file system mounted alike everywhere, or one machine).
  Every chunk carries one of its files as the client sees it (path, size, modification time);
  a worker that does not see that file refuses the chunk, and from then on the client reads
  the cables and sends their bytes (at most ``SENT_BYTES`` a task), saying so once.
- **Memory.** At most ``AHEAD`` chunks per worker thread are in flight and results are fetched
  as they complete (``as_completed``), so the client holds a bounded window of rows however
  large the archive; rows are handed on in input order, as a local run's are.
- **Failure.** A worker that dies has its chunks re-run on the others by the scheduler (the
  functions are pure, and each chunk's rows are taken once, by its index), so no row is lost
  or doubled.  A scheduler that goes away, or chunks that keep killing workers, end the run
  with :class:`ClusterError`: one sentence, and no report.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workbench.batch.cluster_tasks import (
    NotShared,
    OtherCode,
    Part,
    Probe,
    View,
    check_sent,
    check_shared,
    code_fingerprint,
    packed,
    unpacked,
)
from workbench.batch.rows import Row
from workbench.cable import CableError
from workbench.cable.decode import read_cable_bytes

if TYPE_CHECKING:
    from distributed import Client, Future

INSTALL = "pip install 'declassification-workbench[cluster]'"
# Cables per task, at most.  A task costs the client (and the scheduler it runs for local:N)
# some 4 ms and its worker about as much, whatever its size: 1,024 cables (~0.4 s of
# checking) keep that near 1%; 256 cost 12 µs a row on the client.  The first tasks are
# smaller (FIRST_CHUNK, doubling), so the first rows, and a worker that cannot see the files,
# show at once.
CHUNK = 1024
FIRST_CHUNK = 64
# Bytes of cables in one task when the client sends them (a cable is ~8 KB, at most 8 MB).
SENT_BYTES = 16 * 1024 * 1024
# Tasks in flight per worker thread: enough that none waits for its next task.
AHEAD = 3
# Seconds to reach the scheduler, and to wait for its first worker.
CONNECT_TIMEOUT = 10
WORKERS_TIMEOUT = 30

W = TypeVar("W")


class ClusterError(Exception):
    """The run cannot go on on the cluster; the message is one sentence for the user."""


@dataclass(frozen=True)
class ClusterSpec:
    """``local:N`` (a LocalCluster of N worker processes for this run) or a scheduler address."""

    address: str | None
    local_workers: int = 0

    def __str__(self) -> str:
        return self.address or f"local:{self.local_workers}"


def parse_spec(text: str) -> ClusterSpec:
    """What ``--cluster`` accepts; raises ValueError with the sentence for a bad value."""
    text = text.strip()
    if text.startswith("local:"):
        n = text.removeprefix("local:")
        if not n.isdigit() or int(n) < 1:
            raise ValueError(f"{text!r}: write local:N with N worker processes, e.g. local:2")
        return ClusterSpec(None, int(n))
    if not text or text == "local":
        raise ValueError(
            f"{text!r} is not a cluster: give a Dask scheduler's address "
            "(tcp://host:8786) or local:N"
        )
    return ClusterSpec(text)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(
            f"--cluster needs Dask, which is not installed here: install it with {INSTALL}"
        ) from None
    return distributed


def _quiet() -> None:
    """Dask logs every reconnection attempt and lost worker with a traceback; the workbench
    says what matters in its own one sentence, so its loggers are silenced in this process."""
    roots = ("distributed", "tornado", "asyncio")
    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] in roots]
    for name in [*roots, *names]:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


@contextlib.contextmanager
def open_cluster(spec: ClusterSpec) -> Iterator[Client]:
    """A client connected to ``spec``'s scheduler with at least one worker running this
    workbench's code; a LocalCluster is started for ``local:N`` and stopped afterwards."""
    distributed = _import_distributed()
    _quiet()
    cluster = None
    try:
        if spec.address is None:
            cluster = _local_cluster(distributed, spec.local_workers)
            client = distributed.Client(cluster)
        else:
            try:
                client = distributed.Client(spec.address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ClusterError(
                    f"cannot reach the Dask scheduler at {spec.address} ({_short(exc)}): "
                    "check the address and that `dask scheduler` is running there"
                ) from None
    except ClusterError:
        raise
    except Exception as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot start {spec} ({_short(exc)})") from None
    try:
        _check_workers(client, spec)
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.close(timeout=5)
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close(timeout=5)


# Dask settings for the workers of local:N, measured on 20,000 cables (benchmarks/check.py):
LOCAL_CONFIG = {
    # Dask's statistical profiler samples every worker thread 100 times a second, for a
    # dashboard this cluster does not have: some 10% of a worker's time on this check.
    "distributed.worker.profile.enabled": False,
    # Workers forked from one server process that has imported Dask and the workbench once,
    # instead of each spawned afresh and importing both (0.55 s of CPU a worker): start-up of
    # local:2 2.0-2.6 s -> 1.4-1.9 s, 1.5-1.8 s -> 1.1 s of CPU.  Safe where fork is not: the
    # server is a new single-threaded process.  A worker restarted after one died is spawned.
    "distributed.worker.multiprocessing-method": "forkserver",
    # Dask sets MALLOC_TRIM_THRESHOLD_=65536 so that workers holding large arrays give memory
    # back; ours hold a chunk of cables, and glibc trimming at every free took 40,000 page
    # faults instead of 16,000 and 0.4 s instead of 0.25 s of system time a worker.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
# What the server process imports before it forks workers.
FORKSERVER_PRELOAD = [
    "distributed",
    "workbench.batch.cluster_tasks",
    "workbench.batch.cluster_worker",
]


def _preload_forkserver(distributed: Any) -> None:
    """Have the workbench imported once, in the fork server, rather than in every worker.
    Dask sets the server's preload once a process (Dask and its optional packages, imported in
    this process first); a version that does it otherwise keeps its own."""
    import multiprocessing

    utils = distributed.utils
    if getattr(utils, "_forkserver_preload_set", True) is False:
        multiprocessing.get_context("forkserver").set_forkserver_preload(FORKSERVER_PRELOAD)
        utils._forkserver_preload_set = True


def _local_cluster(distributed: Any, n: int) -> Any:
    # Ctrl-C goes to the terminal's whole process group, and only this process should act on
    # it (a worker interrupted in its event loop prints a traceback of its own).  Processes
    # started while SIGINT is ignored keep ignoring it (Python leaves an inherited SIG_IGN
    # alone); a worker restarted later ignores it from its preload on.  The price: a Ctrl-C in
    # the second the workers take to start is lost.
    import dask

    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _preload_forkserver(distributed)
        with dask.config.set(LOCAL_CONFIG):
            return distributed.LocalCluster(
                n_workers=n,
                threads_per_worker=1,  # the rules are pure Python: one thread per process
                processes=True,
                # No dashboard; the scheduler's small HTTP server (health checks) on any free
                # port of this machine only, not on 8787, which another cluster may hold.
                dashboard_address="127.0.0.1:0",
                scheduler_kwargs={"dashboard": False},
                silence_logs=logging.CRITICAL + 1,
                preload=["workbench.batch.cluster_worker"],
            )
    finally:
        signal.signal(signal.SIGINT, before)


def _check_workers(client: Client, spec: ClusterSpec) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
    except TimeoutError:
        raise ClusterError(
            f"the Dask scheduler at {spec} has no workers after {WORKERS_TIMEOUT} s: start "
            f"some with `dask worker {spec}`"
        ) from None
    except OSError:
        raise _gone(client, "nothing was done") from None
    try:
        prints = client.run(code_fingerprint)
    except Exception as exc:
        raise ClusterError(
            f"the workers of {spec} cannot run the workbench ({_short(exc)}): install "
            f"{INSTALL.split(' ', 2)[2]} on every worker"
        ) from None
    mine = code_fingerprint()
    other = sorted(addr for addr, fp in prints.items() if fp != mine)
    if other:
        raise ClusterError(_other_code(other[0], len(other)))


def _other_code(worker: str, n: int = 1) -> str:
    more = f" and {n - 1} other worker{'s' if n > 2 else ''}" if n > 1 else ""
    return (
        f"the worker at {worker}{more} runs other workbench code than this client, so its "
        "rows could differ: install the same version on every worker"
    )


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def _threads(client: Client) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:
        return 1


def stream_ordered(
    client: Client,
    work: Iterable[W],
    submit: Callable[[W, NotShared | None], Future],
    ahead: int = AHEAD,
    describe: Callable[[W], str] = str,
    unfinished: str = "no report was written",
) -> Iterator[tuple[W, Any]]:
    """Submit ``work`` items as tasks and yield ``(item, result)`` in the order of ``work``.

    At most ``ahead`` tasks per worker thread are in flight (counted from the oldest not yet
    yielded), so memory is bounded whatever ``work``'s length.  ``submit(item, None)`` makes
    the task; when a task raises :class:`NotShared`, ``submit(item, that_exception)`` makes
    its second try.  A run that cannot go on raises :class:`ClusterError`, whose sentence
    says ``unfinished`` of what was made so far.
    """
    distributed = _import_distributed()
    items = iter(work)
    pending: dict[Any, tuple[int, W]] = {}
    done: dict[int, tuple[W, Any]] = {}
    completed = distributed.as_completed(with_results=True, raise_errors=False)
    next_in = next_out = 0
    window = ahead * _threads(client)
    sized = time.monotonic()

    def add(index: int, item: W, refused: NotShared | None = None) -> None:
        future = submit(item, refused)
        pending[future.key] = (index, item)
        completed.add(future)

    try:
        for item in islice(items, window):
            add(next_in, item)
            next_in += 1
        while next_out < next_in:
            future, result = next(completed)
            index, item = pending.pop(future.key)
            if future.status != "finished":
                if future.status == "error":  # (type, exception, traceback)
                    result = result[1]
                if isinstance(result, NotShared):
                    add(index, item, refused=result)
                    continue
                raise _failure(future.status, result, describe(item), client, unfinished)
            done[index] = (item, result)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if time.monotonic() - sized > 2:  # workers come and go: follow the cluster's size
                window, sized = ahead * _threads(client), time.monotonic()
            for item in islice(items, max(0, next_out + window - next_in)):
                add(next_in, item)
                next_in += 1
    except OSError:  # the connection to the scheduler broke
        raise _gone(client, unfinished) from None


def _gone(client: Client, unfinished: str = "no report was written") -> ClusterError:
    return ClusterError(
        f"the Dask scheduler at {client.scheduler.address} went away during the run: "
        f"{unfinished}; start it again and re-run"
    )


def _failure(status: str, exc: Any, what: str, client: Client, unfinished: str) -> ClusterError:
    from distributed.scheduler import KilledWorker

    if status == "cancelled" or client.status not in ("running", "connecting"):
        return _gone(client, unfinished)
    if isinstance(exc, KilledWorker):
        return ClusterError(
            f"the workers working on {what} died each time they tried (out of memory, or "
            f"killed): {unfinished}; check those files and the workers' logs"
        )
    if isinstance(exc, OtherCode):
        return ClusterError(str(exc))
    return ClusterError(f"a worker failed on {what} ({type(exc).__name__}: {_short(exc)})")


def _probe(paths: list[str], root: str) -> Probe | None:
    """One regular file of the chunk as this client sees it, for the worker to compare."""
    for p in paths:
        full = os.path.join(root, p)
        with contextlib.suppress(OSError):
            st = os.stat(full)
            if st.st_size and Path(full).is_file():
                return (full, st.st_size, st.st_mtime_ns)
    return None


def _read(paths: list[str]) -> list[tuple[str, bytes | str]]:
    """The chunk's bytes as the client reads them, or the sentence of a file it cannot read."""
    items: list[tuple[str, bytes | str]] = []
    for p in paths:
        try:
            items.append((p, read_cable_bytes(p)))
        except CableError as exc:
            items.append((p, str(exc)))
    return items


def scan_cluster(
    client: Client,
    paths: Iterable[str | Path],
    as_of: date,
    chunk: int = CHUNK,
    ahead: int = AHEAD,
    notice: Callable[[str], None] | None = None,
) -> Iterator[Row]:
    """Yield one row per path, in the order of ``paths``, checked on ``client``'s cluster.

    The same rows as :func:`workbench.batch.stream.scan`.  ``notice`` gets the one sentence
    said when the workers turn out not to share the client's files.
    """
    for rows in _chunk_results(client, paths, as_of, None, chunk, ahead, notice):
        yield from rows


def report_cluster(
    client: Client,
    paths: Iterable[str | Path],
    as_of: date,
    view: View,
    chunk: int = CHUNK,
    ahead: int = AHEAD,
    notice: Callable[[str], None] | None = None,
) -> Iterator[Part]:
    """The report of ``paths`` checked on ``client``'s cluster, a :data:`Part` a chunk in the
    order of ``paths``: the text ``view``'s writer writes for the rows its filter shows (the
    same bytes as a local run's) and the chunk's counts.  The workers format the rows, so the
    client only writes text, whatever the cluster's size."""
    parts: Iterator[Part] = _chunk_results(client, paths, as_of, view, chunk, ahead, notice)
    return parts


def _chunk_results(
    client: Client,
    paths: Iterable[str | Path],
    as_of: date,
    view: View | None,
    chunk: int,
    ahead: int,
    notice: Callable[[str], None] | None,
) -> Iterator[Any]:
    root = os.getcwd()
    code = code_fingerprint()
    run = uuid.uuid4().hex[:12]
    sent = False  # True once a worker did not see the client's files

    def chunks() -> Iterator[tuple[int, list[str]]]:
        it = (str(p) for p in paths)
        n = 0
        size = min(FIRST_CHUNK, chunk)
        while c := list(islice(it, 1 if sent else size)):
            if sent:  # the bytes go in the task: at most SENT_BYTES of them (or one file)
                total = _size(c[0])
                while len(c) < chunk and total < SENT_BYTES and (p := next(it, None)):
                    c.append(p)
                    total += _size(p)
            yield n, c
            n += 1
            size = min(2 * size, chunk)

    def submit(item: tuple[int, list[str]], refused: NotShared | None) -> Future:
        nonlocal sent
        n, names = item
        if refused is not None and not sent:
            sent = True
            if notice:
                notice(
                    f"{refused}: the workers do not share this machine's files, so the client "
                    "reads the cables and sends them (slower; mount the archive at the same "
                    "path on every worker to avoid it)"
                )
        probe = None if sent else _probe(names, root)
        if probe is not None:
            return client.submit(
                check_shared,
                packed(names),
                as_of,
                root,
                probe,
                code,
                view,
                key=f"wb-check-{run}-{n}",
            )
        return client.submit(
            check_sent, packed(_read(names)), as_of, code, view, key=f"wb-sent-{run}-{n}"
        )

    for _, result in stream_ordered(
        client, chunks(), submit, ahead, describe=lambda item: _span(item[1])
    ):
        yield unpacked(result)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _span(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"
