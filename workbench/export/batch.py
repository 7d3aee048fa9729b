"""Export many cables: one per worker process, results in input order, progress as they finish."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from workbench.cable import Cable, CableError
from workbench.cable.document import read_document
from workbench.export import publish
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions
from workbench.export.prepare import cable_name, release_name
from workbench.export.source import ReviewSource
from workbench.review.model import Review


@dataclass(frozen=True)
class Job:
    cable: str
    out: str | None  # a file; None: <folder>/<reference ID>[-review].pdf
    folder: str | None
    copy: str  # "release" or "review"
    options: ExportOptions
    source: ReviewSource


@dataclass(frozen=True)
class Result:
    cable: str
    out: str | None
    pages: int
    error: str | None = None


def out_name(cable_id: str, copy: str) -> str:
    """File names carry the reference ID only: never a subject or other text that may be withheld."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in cable_id)
    return f"{safe}-review.pdf" if copy == "review" else f"{safe}.pdf"


def make_pdf(cable: Cable, review: Review, options: ExportOptions, copy: str) -> bytes:
    """The PDF of one cable, in memory and unchecked: :func:`workbench.export.publish.render`.
    Exports call :func:`workbench.export.publish.make`, which stamps and verifies a release."""
    from workbench.export.publish import render

    return render(copy, cable, review, options)


def out_path(job: Job, cable: Cable, review: Review | None = None) -> str:
    """Where a job's PDF goes: its --out, else the folder and a name that tells nothing
    withheld (a release by :func:`release_name`; a review copy by the office's name)."""
    if job.out:
        return job.out
    name = (
        release_name(cable, review, job.options.doc_number)
        if job.copy == "release"
        else cable_name(cable)
    )
    return str(Path(job.folder or ".") / out_name(name, job.copy))


def run_job(job: Job) -> Result:
    """Export one cable; every refusal becomes the one-sentence error of its Result."""
    try:
        cable = read_document(job.cable)
        review = job.source.load(cable, release=job.copy != "review")
        data = publish.make(job.copy, cable, review, job.options)
        out = out_path(job, cable, review)
        publish.write(job.copy, out, data, within=job.folder)
        return Result(job.cable, out, pages(data))
    except (CableError, ExportError) as exc:
        return Result(job.cable, None, 0, str(exc))


def pages(data: bytes) -> int:
    # One "/Type /Page" object per page (the page tree is "/Type /Pages"); ReportLab writes
    # these dictionaries uncompressed.
    return len(re.findall(rb"/Type /Page(?!s)", data))


def _worker_start(protected: object) -> None:
    from workbench.safeio import guard
    from workbench.safeio.signals import worker_start

    guard.restore(protected)  # type: ignore[arg-type]
    worker_start()


def run_jobs(
    jobs: Sequence[Job], workers: int, progress: Callable[[int, int], None] | None = None
) -> Iterator[Result]:
    """Results in input order; ``workers`` > 1 runs them in that many processes."""
    total = len(jobs)
    if workers <= 1 or total <= 1:
        for i, job in enumerate(jobs, 1):
            result = run_job(job)
            if progress:
                progress(i, total)
            yield result
        return
    from workbench.safeio import guard

    # Workers learn which files the run must not replace (a fork would copy them anyway; a
    # forkserver or spawn start would not), and die with this process.
    with ProcessPoolExecutor(
        max_workers=min(workers, total, os.cpu_count() or 1),
        initializer=_worker_start,
        initargs=(guard.snapshot(),),
    ) as pool:
        for i, result in enumerate(pool.map(run_job, jobs, chunksize=4), 1):
            if progress:
                progress(i, total)
            yield result
