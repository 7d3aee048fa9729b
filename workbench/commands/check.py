"""``workbench check``: which cables are due for declassification, which need a reviewer, and
which are mis-marked, for one cable or a whole archive."""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from workbench.batch.rows import Row

from workbench.commands.cluster_option import add_cluster_argument
from workbench.commands.common import fail, iter_cable_paths

if TYPE_CHECKING:
    from workbench.batch.cluster_tasks import Part
    from workbench.batch.row_filter import RowFilter
    from workbench.batch.rows import Row
    from workbench.batch.summary import Summary

HELP = "check declassification dates and markings of cables or whole folders"
DESCRIPTION = (
    "For each cable (folders are walked recursively) report as of a date its due date for "
    "declassification, the rule that gives it, its status (unclassified, declassified, due, not-due, "
    "needs-review) and every marking finding; PATH - is the cable on standard input. A file "
    "that cannot be read is reported as a row with status unreadable and a read-error finding, "
    "and the run goes on. "
    "The table ends with counts by status and by finding. Exit code 0; 1 when some file could "
    "not be read (the report is still whole: those files are its read-error rows); 2 when the "
    "command is misused."
)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-01-31"
        ) from None


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return n


def _statuses(text: str) -> RowFilter:
    from workbench.batch.row_filter import RowFilter
    from workbench.batch.rows import ROW_STATUSES as STATUSES
    from workbench.declass import CODES, GROUPS

    wanted = [s.strip() for s in text.split(",") if s.strip()]
    known = set(STATUSES) | set(CODES) | set(GROUPS)
    unknown = [w for w in wanted if w not in known]
    if unknown or not wanted:
        raise argparse.ArgumentTypeError(
            f"unknown status or finding {', '.join(unknown) or repr(text)}: choose from "
            f"{', '.join(STATUSES)}, a finding code (docs/check.md lists them) or "
            f"{', '.join(GROUPS)}"
        )
    codes = {c for w in wanted if w not in STATUSES for c in GROUPS.get(w, (w,))}
    return RowFilter(frozenset(w for w in wanted if w in STATUSES), frozenset(codes))


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="cable file or folder")
    p.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the status is computed for (default: today)",
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "json", "jsonl"),
        default=None,
        help="table (with a summary), csv, json (one array) or jsonl (one object a line); "
        "default: the --output file's suffix (.csv, .json, .jsonl), else table",
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes (default: all cores; 1 checks in this process)",
    )
    p.add_argument(
        "--status",
        type=_statuses,
        default=None,
        metavar="LIST",
        help="show only these statuses and/or findings, comma-separated, e.g. "
        "due,needs-review or due,referral or nodis,exdis (a finding code or 'referral' keeps "
        "the cables that have it; the summary still counts every cable)",
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default=None,
        help="write the report to FILE (replaced whole when the run completes) instead of stdout",
    )
    add_cluster_argument(p, "check")


def run(args: argparse.Namespace) -> int:
    from workbench.batch.cluster import ClusterError
    from workbench.batch.formats import writer_for
    from workbench.batch.progress import Progress, count_files
    from workbench.batch.summary import Summary

    as_of: date = args.as_of or date.today()
    if args.format is None:
        # `--output due.csv` without --format wrote the fixed-width table into a .csv file.
        suffix = args.output.rsplit(".", 1)[-1].lower() if args.output else ""
        args.format = suffix if suffix in ("csv", "json", "jsonl") else "table"
    if args.cluster and args.jobs:
        return fail("give --jobs or --cluster, not both: local:N sets the cluster's processes")
    if args.output:
        from workbench.safeio import OutputError, check_target, protect_inputs

        # Refused before the run, not after it: the report must never replace a cable it
        # reads (or a store, or a device); the same check runs again before the rename.
        protect_inputs(args.paths)
        try:
            check_target(args.output)
        except OutputError as exc:
            return fail(str(exc))

    # Standard input is read first, whole, in this process: workers (or a cluster) cannot
    # read this process's stdin, and its row leads the report as parse's does.
    stdin_row = _stdin_row(as_of) if "-" in args.paths else None
    args.paths = [p for p in args.paths if p != "-"]

    progress = None
    if sys.stderr.isatty():
        progress = Progress(count_files(args.paths) + (stdin_row is not None))

    summary = Summary()
    wanted: RowFilter | None = args.status

    def notice(sentence: str) -> None:
        if progress:
            progress.clear()
        print(f"workbench: {sentence}", file=sys.stderr)

    def report(out: TextIO, source: Iterator[Row] | Iterator[Part], formatted: bool) -> None:
        shared_terminal = out.isatty()
        writer = writer_for(args.format, out)
        writer.begin()

        def clear() -> None:
            if shared_terminal and progress:
                progress.clear()  # or the rows would be printed after the bar

        try:
            if stdin_row is not None:
                summary.add(stdin_row)
                if wanted is None or wanted(stdin_row):
                    summary.shown += 1
                    writer.row(stdin_row)
                if progress:
                    progress.update()
            if formatted:  # a cluster's chunks, formatted and counted by the workers
                for text, counts in cast("Iterator[Part]", source):
                    summary.merge(counts)
                    if text:
                        clear()
                        writer.text(text)
                    if progress:
                        progress.update(counts.checked)
            else:
                for row in cast("Iterator[Row]", source):
                    summary.add(row)
                    if wanted is None or wanted(row):
                        summary.shown += 1
                        clear()
                        writer.row(row)
                    if progress:
                        progress.update()
        finally:
            if progress:
                progress.close()
        writer.end(summary)

    with contextlib.ExitStack() as stack:
        try:
            if args.cluster is None:
                rows = _local_rows(args, as_of)
                return _write(args, lambda out: report(out, rows, False), summary)
            parts = _cluster_parts(args, as_of, stack, notice)
            return _write(args, lambda out: report(out, parts, True), summary)
        except ClusterError as exc:
            return fail(str(exc), 1)


def _stdin_row(as_of: date) -> Row:
    from workbench.batch.rows import check_bytes, error_row
    from workbench.cable.decode import MAX_CABLE_BYTES
    from workbench.safeio import InputError, read_stream

    try:
        data = read_stream(sys.stdin.buffer, MAX_CABLE_BYTES, "standard input", "cable")
    except InputError as exc:
        return error_row("-", str(exc), as_of)
    return check_bytes("-", data, as_of)


def _local_rows(args: argparse.Namespace, as_of: date) -> Iterator[Row]:
    """The rows, lazily, from local worker processes."""
    from workbench.batch.stream import default_jobs, scan
    from workbench.commands.common import cap_jobs

    paths = iter_cable_paths(args.paths)
    return scan(paths, as_of, cap_jobs(args.jobs) if args.jobs else default_jobs())


def _cluster_parts(
    args: argparse.Namespace,
    as_of: date,
    stack: contextlib.ExitStack,
    notice: Callable[[str], None],
) -> Iterator[Part]:
    """The report's chunks from ``--cluster``, lazily (the cluster is opened here, so one that
    cannot be reached is refused before any output file is started)."""
    from workbench.batch.cluster import open_cluster, report_cluster
    from workbench.batch.cluster_tasks import View

    client = stack.enter_context(open_cluster(args.cluster))
    view = View(args.format, args.status)
    return report_cluster(client, iter_cable_paths(args.paths), as_of, view, notice=notice)


def _write(args: argparse.Namespace, report: Callable[[TextIO], None], summary: Summary) -> int:
    """The report to ``--output`` (whole, or not at all) or to stdout."""
    from workbench.batch.output import atomic_text_file
    from workbench.safeio import OutputError

    if args.output:
        try:
            with atomic_text_file(args.output) as out:
                report(out)
        except OutputError as exc:
            return fail(str(exc), 1)
        except OSError as exc:
            return fail(f"cannot write {args.output} ({exc.strerror or exc}): check the folder.")
        if args.format != "table" or sys.stderr.isatty():
            _brief(summary, args.output)
    else:
        with contextlib.suppress(BrokenPipeError):
            report(sys.stdout)
            sys.stdout.flush()
    unread = summary.unread
    if unread:
        # Exit 1 as every other command does when some input could not be used, so that a
        # scheduled run can tell a complete archive from one with files it never read (a
        # typo in the archive's path is one such row).
        n = f"{unread} of {summary.checked} file{'s' if summary.checked != 1 else ''}"
        print(
            f"workbench: {n} could not be read: they are the report's read-error rows, each "
            "naming its file and what to do",
            file=sys.stderr,
        )
        return 1
    return 0


def _brief(summary: Summary, output: str) -> None:
    """One line on stderr, so a report written to a file still says what it holds."""
    first, by_status = summary.lines()[:2]
    print(f"workbench: {first}; {by_status}; written to {output}", file=sys.stderr)
