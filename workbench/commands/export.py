"""``workbench export``: release PDFs (or review copies) of reviewed cables."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cable.files import is_folder
from workbench.commands.cluster_option import add_cluster_argument
from workbench.commands.common import fail, iter_cable_paths
from workbench.commands.export_options import (
    add_pending_argument,
    add_source_arguments,
    add_stamp_arguments,
    stamp_options,
)

if TYPE_CHECKING:
    from workbench.export.batch import Job, Result

HELP = "write release PDFs (or review copies) of reviewed cables"
DESCRIPTION = (
    "Write each cable as a release PDF: laid out line for line, withheld paragraphs, spans and "
    "header fields replaced by solid boxes labelled with their codes (the withheld text is never "
    "put in the file), every page stamped with the banners, the declassification block, the "
    "disposition and the page number. For one cable OUT is a .pdf file, or a folder (one that "
    "exists, or a name ending in /); for several it is a folder (files named by reference ID). "
    "--copy review writes the office's review copy instead: all "
    "text visible, withholdings shaded, findings of `workbench check` noted, watermarked NOT FOR "
    "RELEASE. A cable with undecided regions is refused unless --allow-pending, which makes a "
    "draft: pending regions withheld, every page marked DRAFT, NOT FOR RELEASE."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("cables", nargs="+", metavar="CABLE", help="cable file or folder")
    add_source_arguments(p)
    p.add_argument(
        "--out",
        required=True,
        metavar="OUT",
        help="a .pdf file for one cable; a folder (existing, or ending in /) for several",
    )
    p.add_argument("--copy", choices=("release", "review"), default="release")
    add_stamp_arguments(p)
    p.add_argument("--date", default="", help="release date YYYY-MM-DD (default: today)")
    add_pending_argument(p)
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")
    add_cluster_argument(p, "make and verify the PDFs")


def run(args: argparse.Namespace) -> int:
    from workbench.export.batch import Job, Result
    from workbench.export.errors import ExportError
    from workbench.export.source import ReviewSource

    paths = [str(p) for p in iter_cable_paths(args.cables)]
    if not paths:
        return fail("no cable files found in the paths given: name cable files or folders")
    out = Path(args.out)
    try:
        released = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        return fail(f"--date {args.date!r} is not a date: write it as YYYY-MM-DD")
    if args.jobs < 1:
        return fail("--jobs must be 1 or more")
    if args.cluster and args.jobs != 1:
        return fail("give --jobs or --cluster, not both: local:N sets the cluster's processes")
    from workbench.commands.common import cap_jobs
    from workbench.safeio import OutputError, check_target, make_folder, remove_folders

    args.jobs = cap_jobs(args.jobs)
    try:
        options = stamp_options(args, released=released, allow_pending=args.allow_pending)
        from workbench.export.release_date import check_not_future, check_release_date

        check_not_future(released)
        check_release_date(released, options.authority, None, "")
    except ExportError as exc:
        return fail(str(exc))
    from workbench.export.publish import check_name

    try:
        check_name(args.copy, out)
        if args.copy == "release":
            _check_downgrades(paths, options.marking)
    except ExportError as exc:
        return fail(str(exc))
    source = ReviewSource(args.decisions, args.store)
    many = len(paths) > 1 or any(is_folder(c) for c in args.cables)
    created: list[Path] = []  # folders made for this run, taken away again if left empty
    try:
        source.check(args.allow_pending)
        options = source.signed(options)
        if many or is_folder(out):
            if os.path.lexists(out) and not is_folder(out):
                raise ExportError(f"{out} is a file: give a folder for several cables")
            created = make_folder(out)
            jobs = [Job(p, None, str(out), args.copy, options, source) for p in paths]
        elif args.out.endswith(("/", os.sep)):
            # A folder that does not exist yet, said so by its trailing slash.
            created = make_folder(out)
            jobs = [Job(paths[0], None, str(out), args.copy, options, source)]
        else:
            check_target(out)  # before the work; an input (the cable, the store) refused as such
            if out.suffix.lower() != ".pdf":
                # "--out releases" meant a folder far more often than a PDF named "releases".
                return fail(
                    f"--out {args.out}: for one cable OUT is a .pdf file; for a folder, give "
                    "a folder that exists or end it with /"
                )
            jobs = [Job(paths[0], str(out), None, args.copy, options, source)]
    except (ExportError, OutputError) as exc:
        return fail(str(exc), 1)

    show = _progress if sys.stderr.isatty() and len(jobs) > 1 else None
    failed = pages = done = 0
    written: dict[str, str] = {}
    for result in _results(args, jobs, show):
        if result.out and result.out in written and _by_hash(result.out):
            result = _numbered(jobs, written, result)
        if result.out and result.out in written:
            # Two inputs with one reference ID (a cable and its variant): same file name.
            result = Result(
                result.cable,
                None,
                0,
                f"{written[result.out]} and {result.cable} are the same cable "
                f"({Path(result.out).name}): only the second export is in that file; export "
                "them to separate folders",
            )
        elif result.out:
            written[result.out] = result.cable
        if result.error:
            failed += 1
            if show:
                sys.stderr.write("\n")
            fail(result.error, 1)
        else:
            done += 1
            pages += result.pages
            if not show and len(jobs) == 1:
                print(f"{result.out} ({result.pages} page{'s' if result.pages != 1 else ''})")
    if not done:
        remove_folders(created)  # a full disk leaves no empty output folder behind
    if len(jobs) > 1:
        if show:
            sys.stderr.write("\n")
        print(f"exported {done} of {len(jobs)} cables ({pages} pages) to {out}")
    return 1 if failed else 0


def _check_downgrades(paths: list[str], marking: str) -> None:
    """A --marking other than UNCLASSIFIED must be below every cable's level: refused before
    any work (ExportError naming the first cable it is not a downgrade of), so a batch is not
    left half-exported. Cables that cannot be read are left to their jobs' own sentence."""
    if marking == "UNCLASSIFIED":
        return
    from workbench.cable import CableError, read_cable
    from workbench.export.errors import ExportError
    from workbench.export.options import check_downgrade
    from workbench.export.prepare import cable_name

    refused: list[str] = []
    for path in paths:
        try:
            cable = read_cable(path)
            check_downgrade(cable, marking, cable_name(cable))
        except CableError:
            continue
        except ExportError as exc:
            refused.append(str(exc))
    if refused:
        more = f" ({len(refused) - 1} other cable(s) too)" if len(refused) > 1 else ""
        raise ExportError(f"{refused[0]}{more}")


def _by_hash(out: str) -> bool:
    return Path(out).name.startswith("cable-")


def _numbered(jobs: list[Job], written: dict[str, str], result: Result) -> Result:
    """A release named ``cable-<hash>`` is named by what it shows (its released text), so two
    cables whose releases show the same (two cables nobody has reviewed yet, exported with
    --allow-pending) share a name: the later one in input order is exported again as
    ``cable-<hash>-2`` (``-3`` ...), and the earlier one again too, as the later one may have
    replaced its file. Numbers, not anything of the cables, tell them apart."""
    from dataclasses import replace

    from workbench.export.batch import Result, run_job

    by_cable = {j.cable: j for j in jobs}
    stem = Path(result.out or "").stem
    n = 2
    while str(Path(result.out or "").with_name(f"{stem}-{n}.pdf")) in written:
        n += 1
    later = by_cable[result.cable]
    again = run_job(replace(later, options=replace(later.options, doc_number=f"{stem}-{n}")))
    first = run_job(by_cable[written[result.out or ""]])  # its file back as it was written
    return again if first.error is None else Result(result.cable, None, 0, first.error)


def _results(
    args: argparse.Namespace, jobs: list[Job], show: Callable[[int, int], None] | None
) -> Iterator[Result]:
    """From local worker processes, or from ``--cluster``; a cluster that cannot go on ends the
    results with one whose error is the sentence that says why."""
    from workbench.export.batch import Result, run_jobs

    if args.cluster is None:
        yield from run_jobs(jobs, args.jobs, show)
        return
    from workbench.batch.cluster import ClusterError, open_cluster
    from workbench.batch.cluster_export import export_on_cluster

    try:
        with open_cluster(args.cluster) as client:
            yield from export_on_cluster(client, jobs, show)
    except ClusterError as exc:
        yield Result("", None, 0, str(exc))


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    sys.stderr.flush()
