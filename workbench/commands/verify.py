"""``workbench verify``: prove a release PDF holds no withheld text and all released text."""

from __future__ import annotations

import argparse

from workbench.commands.common import fail
from workbench.commands.export_options import (
    add_source_arguments,
    add_stamp_arguments,
    stamp_options,
)

HELP = "check a release PDF: nothing withheld in it, nothing released missing"
DESCRIPTION = (
    "Extract the text of every page, the document information (title, subject, keywords...) "
    "and the bookmarks of a release PDF, and compare them with the cable and its review. Exit "
    "1 naming each leak (withheld words found, and where) or each piece of released text that "
    "is missing; exit 0 when the release is clean. Undecided paragraphs count as withheld."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("pdf", metavar="PDF", help="the release PDF to check")
    p.add_argument("--cable", required=True, metavar="CABLE", help="the cable it was made from")
    add_source_arguments(p)
    add_stamp_arguments(p)


def run(args: argparse.Namespace) -> int:
    from workbench.cable import CableError, read_cable
    from workbench.export.errors import ExportError
    from workbench.export.source import ReviewSource
    from workbench.export.verify import VerifyError, extract, verify

    try:
        cable = read_cable(args.cable)
        source = ReviewSource(args.decisions, args.store)
        source.check()
        review = source.load(cable)
        options = stamp_options(args)
        report = verify(cable, review, extract(args.pdf), options)
    except (CableError, ExportError, VerifyError) as exc:
        return fail(str(exc), 2)
    for leak in report.leaks:
        print(f"LEAK: {leak}")
    for missing in report.missing:
        print(f"MISSING: {missing}")
    if report.ok:
        print(
            f"{args.pdf}: no withheld text in its pages, metadata or bookmarks; all released text present"
        )
        return 0
    print(
        f"{args.pdf}: {len(report.leaks)} leak(s), {len(report.missing)} missing piece(s) of "
        "released text: do not publish it"
    )
    return 1
