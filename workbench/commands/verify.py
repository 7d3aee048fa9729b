"""``workbench verify``: prove a release PDF holds no withheld text and all released text."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from workbench.commands.common import fail
from workbench.commands.export_options import (
    add_source_arguments,
    add_stamp_arguments,
    stamp_options,
)

if TYPE_CHECKING:
    from workbench.export.pdf_read import Extracted

HELP = "check a release PDF: nothing withheld in it, nothing released missing"

# Exit codes, for a script of the form ``workbench verify R.pdf --cable C && publish R.pdf``
# (newcomer 5, finding 33: a draft exited 0 and such a script published it). 2 is misuse or
# an input that cannot be used, as for every command.
CLEAN = 0  # a release: nothing withheld in it, nothing released missing, its stamps right
NOT_CLEAN = 1  # a leak, a missing piece, a wrong stamp, something a release never holds
NOT_A_RELEASE = 3  # clean, but a draft (regions pending review) or a review copy
DESCRIPTION = (
    "Extract the text of every page, the document information (title, subject, keywords...) "
    "and the bookmarks of a release PDF, and compare them with the cable and its review. Exit "
    "1 naming each leak (withheld words found, and where) or each piece of released text that "
    "is missing, or the first stamp that differs from the stamp options given (which default "
    "to your settings, as export's do; the date to the one the release stamps); exit 0 when "
    "the release is clean; exit 3 when it is no release: a draft (undecided regions count as "
    "withheld, and a release with any is a draft, which must say so on every page) that is "
    "otherwise clean, or a review copy. Given a Vaughn index (a .csv, or an index PDF) "
    "and each of its cables, check that it prints no withheld text instead."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "pdf", metavar="PDF", help="the release PDF to check, or a Vaughn index (.csv or .pdf)"
    )
    p.add_argument(
        "--cable",
        required=True,
        action="append",
        metavar="CABLE",
        help="the cable it was made from (for an index, give each of its cables)",
    )
    add_source_arguments(p)
    add_stamp_arguments(p)
    p.add_argument(
        "--date", default="", help="release date YYYY-MM-DD (default: the one it stamps)"
    )


def run(args: argparse.Namespace) -> int:
    from workbench.cable import CableError, read_cable
    from workbench.export.errors import ExportError
    from workbench.export.publish import stamped_by
    from workbench.export.source import ReviewSource
    from workbench.export.verify import VerifyError, extract, verify

    try:
        released = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        return fail(f"--date {args.date!r} is not a date: write it as YYYY-MM-DD")
    index = _index_data(args.pdf)
    if index is not None:
        return _verify_index(args, index)
    if len(args.cable) != 1:
        return fail("a release is made from one cable: give one --cable")
    try:
        cable = read_cable(args.cable[0])
        source = ReviewSource(args.decisions, args.store)
        source.check()
        review = source.load(cable)
        # "By:" is checked against the same name export stamps: --reviewer, else settings.
        options = stamped_by(stamp_options(args, released=released), review, cable)
        extracted = extract(args.pdf)
        if _review_copy(extracted):
            # It shows every withheld word by design: a list of them as leaks says nothing.
            print(
                f"{args.pdf}: a review copy, not a release (every page says NOT FOR RELEASE, "
                "and it shows the withheld text by design): export the release (without "
                "--copy review) and verify that"
            )
            return NOT_A_RELEASE
        report = verify(cable, review, extracted, options, check_date=bool(args.date))
    except (CableError, ExportError, VerifyError) as exc:
        return fail(str(exc), 2)
    if not report.ok and args.decisions is None and not review.decisions:
        # Nothing decided by anyone (another store, or --store forgotten): every word of the
        # cable would be listed as a leak, which reads as a release full of withheld text
        # (newcomer 6, finding 10). One sentence instead; still exit 1 (not shown clean).
        from workbench.review.stores import describe

        return fail(
            f"the store {describe(args.store)} holds no review of {review.cable_id}, so "
            f"{args.pdf} cannot be checked against it: give --store (or --decisions) the "
            "release was made from",
            1,
        )
    if report.stamps and not (report.leaks or report.problems or report.missing):
        more = f" ({len(report.stamps) - 1} more)" if len(report.stamps) > 1 else ""
        print(
            f"{args.pdf}: {report.stamps[0]}{more}: give verify the stamp options the release "
            "was made with (--case-number, --doc-number, --authority, --reviewer, --marking, "
            "--date; or the review changed since it was made), or do not publish it"
        )
        return 1
    for stamp in report.stamps:  # the review itself changed, or the options are not its
        print(f"STAMP: {stamp}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    for leak in report.leaks:
        print(f"LEAK: {leak}")
    for missing in report.missing:
        print(f"MISSING: {missing}")
    if report.ok:
        clean = "no withheld text in its pages, metadata or bookmarks; all released text present"
        if report.draft:
            pending = len(review.pending())
            print(
                f"{args.pdf}: a DRAFT, not for release ({pending} region(s) pending review, "
                f"withheld, and every page says DRAFT): {clean}; it is not a release: decide "
                "those regions and export it again"
            )
            return NOT_A_RELEASE
        print(f"{args.pdf}: {clean}")
        return CLEAN
    print(
        f"{args.pdf}: {len(report.leaks)} leak(s), {len(report.stamps)} stamp(s) unlike the "
        f"review's and options', {len(report.problems)} thing(s) a release "
        f"never holds, {len(report.missing)} missing piece(s) of released text: do not publish it"
    )
    return NOT_CLEAN


def _review_copy(extracted: Extracted) -> bool:
    """The file is a review copy (export --copy review): its title or its pages say so."""
    from workbench.export.review_copy import REVIEW_COPY_STAMP, REVIEW_COPY_TITLE

    title = extracted.metadata.get("/Title", "")
    return title.endswith(REVIEW_COPY_TITLE) or any(
        REVIEW_COPY_STAMP in page for page in extracted.pages
    )


def _index_data(path: str) -> bytes | None:
    """The file's bytes when it is a Vaughn index (a CSV, or a PDF the index writer made)."""
    import os

    from workbench.export.index_verify import is_index

    if not os.path.isfile(path):
        return None  # the release check says so in its sentence
    if not path.lower().endswith((".csv", ".pdf")):
        return None
    try:
        with open(path, "rb") as f:
            data = f.read(64 * 1024 * 1024 + 1)
    except OSError:
        return None
    return data if is_index(path, data) else None


def _verify_index(args: argparse.Namespace, data: bytes) -> int:
    """``verify`` of a Vaughn index: every text it prints against each cable's withheld text."""
    from workbench.cable import CableError, read_cable
    from workbench.export.errors import ExportError
    from workbench.export.index_match import csv_mismatches
    from workbench.export.index_verify import verify_index
    from workbench.export.source import ReviewSource
    from workbench.review.codes import available_code_sets

    try:
        source = ReviewSource(args.decisions, args.store)
        source.check(True)
        reviewed = []
        for path in args.cable:
            cable = read_cable(path)
            reviewed.append((cable, source.load(cable)))
        found = verify_index(args.pdf, data, reviewed, available_code_sets())
        differ = csv_mismatches(args.pdf, data, reviewed, available_code_sets())
    except (CableError, ExportError) as exc:
        return fail(str(exc), 2)
    for line in found:
        print(f"LEAK: {line}")
    for line in differ:
        print(f"MISMATCH: {line}")
    if found:
        print(
            f"{args.pdf}: the Vaughn index prints withheld text or rows of cables not given "
            f"({len(found)} place(s)): do not publish it"
        )
    if differ:
        print(
            f"{args.pdf}: the Vaughn index does not list the withholdings its review makes "
            f"({len(differ)} row(s) differ): make it again with `workbench index`, or "
            "correct the review; do not publish it"
        )
    if found or differ:
        return 1
    print(
        f"{args.pdf}: the Vaughn index prints no withheld text of the {len(reviewed)} cable(s) given"
        + (
            ", and its rows are those their reviews make"
            if args.pdf.lower().endswith(".csv")
            else ""
        )
    )
    return 0
