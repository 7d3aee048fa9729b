"""``workbench export CABLES --out FOLDER --cluster ADDRESS``: the releases of a whole series
made and verified on a Dask cluster, written by the client.

The client reads each cable and loads its review (the review store stays on the client's
machine: a SQLite file must not be opened over a network file system, and a team store's
permissions are the client's), sends the cable and its review to a worker, which makes the PDF
with the same function as a local export and verifies it there; the client writes every file
atomically, in input order, and reports each cable as a local export does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from workbench.batch.cluster import stream_ordered
from workbench.batch.cluster_tasks import (
    ExportItem,
    Made,
    NotShared,
    code_fingerprint,
    export_sent,
    packed,
    unpacked,
)
from workbench.cable import CableError, read_cable
from workbench.export.atomic import write_atomic
from workbench.export.batch import Job, Result, out_path
from workbench.export.errors import ExportError

if TYPE_CHECKING:
    from distributed import Client, Future

# Cables per task: making and verifying a release takes some 50 ms, so 4 keep the cost of a
# task small and the PDFs in flight few.
CHUNK = 4

# A cable ready to send (the item and where its PDF goes), or its refusal already.
Ready = tuple[ExportItem, str] | Result


def _ready(job: Job) -> Ready:
    try:
        cable = read_cable(job.cable)
        review = job.source.load(cable, release=job.copy != "review")
        return (cable, review, job.options, job.copy), out_path(job, cable, review)
    except (CableError, ExportError) as exc:
        return Result(job.cable, None, 0, str(exc))


def export_on_cluster(
    client: Client,
    jobs: Sequence[Job],
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Result]:
    """One :class:`Result` per job, in order, as :func:`workbench.export.batch.run_jobs`."""
    code = code_fingerprint()
    run = uuid.uuid4().hex[:12]

    def batches() -> Iterator[tuple[int, list[tuple[Job, Ready]]]]:
        it = iter(jobs)
        n = 0
        while batch := list(islice(it, CHUNK)):
            yield n, [(job, _ready(job)) for job in batch]
            n += 1

    def submit(item: tuple[int, list[tuple[Job, Ready]]], refused: NotShared | None) -> Future:
        n, batch = item
        items = [r[0] for _, r in batch if not isinstance(r, Result)]
        return client.submit(export_sent, packed(items), code, key=f"wb-export-{run}-{n}")

    def describe(item: tuple[int, list[tuple[Job, Ready]]]) -> str:
        batch = item[1]
        first, last = batch[0][0].cable, batch[-1][0].cable
        return first if first == last else f"{first} to {last}"

    done = 0
    total = len(jobs)
    stream = stream_ordered(
        client,
        batches(),
        submit,
        describe=describe,
        unfinished="the PDFs written so far are whole and verified, the others were not made",
    )
    for (_, batch), result in stream:
        made: list[Made] = unpacked(result)
        results = iter(made)
        for job, ready in batch:
            if isinstance(ready, Result):
                result = ready
            else:
                data, pages, error = next(results)
                result = _write(job, ready[1], data, pages, error)
            done += 1
            if progress:
                progress(done, total)
            yield result


def _write(job: Job, out: str, data: bytes | None, pages: int, error: str | None) -> Result:
    if data is None:
        return Result(job.cable, None, 0, error)
    try:
        write_atomic(out, data, within=job.folder)
    except ExportError as exc:
        return Result(job.cable, None, 0, str(exc))
    return Result(job.cable, out, pages)
