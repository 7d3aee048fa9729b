"""Export many cables: one per worker process, results in input order, progress as they finish."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from workbench.cable import Cable, CableError, read_cable
from workbench.export.atomic import write_atomic
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
    """The PDF of one cable, in memory (no file is read or written): the part of an export a
    cluster worker does (``workbench export --cluster``)."""
    if copy == "review":
        from workbench.declass.engine import assess
        from workbench.export.review_copy import render_review_copy

        return render_review_copy(cable, review, options, assess(cable).findings)
    from workbench.export.release import render_release

    return render_release(cable, review, options)


def stamped_by(options: ExportOptions, review: Review, cable: Cable) -> ExportOptions:
    """The options with "By:" the reviewers the store's audit log names for the decisions; from
    a decisions file, the reviewer given (--reviewer or settings), and never a guess."""
    from dataclasses import replace

    if review.deciders:
        return replace(options, reviewer=", ".join(review.deciders))
    if not options.reviewer.strip():
        raise ExportError(
            f"no reviewer is known for the decisions on {cable_name(cable)}: give --reviewer "
            "NAME (a release's stamp says who decided it), or set your name in settings"
        )
    return options


def check_release(cable: Cable, review: Review, data: bytes, options: ExportOptions) -> None:
    """Refuse, with the reason, a release that fails ``workbench verify``: it is not written."""
    from workbench.export.verify import VerifyError, extract, verify

    try:
        report = verify(cable, review, extract(data), options)
    except VerifyError as exc:
        raise ExportError(
            f"the release of {cable_name(cable)} could not be checked: {exc}"
        ) from None
    if not report.ok:
        first = (report.leaks or report.missing)[0]
        raise ExportError(
            f"the release of {cable_name(cable)} failed its check ({first}), so it was not "
            "written: please report this"
        )


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
        cable = read_cable(job.cable)
        review = job.source.load(cable, release=job.copy != "review")
        options = stamped_by(job.options, review, cable) if job.copy == "release" else job.options
        data = make_pdf(cable, review, options, job.copy)
        if job.copy == "release":
            check_release(cable, review, data, options)
        out = out_path(job, cable, review)
        write_atomic(out, data, within=job.folder)
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
