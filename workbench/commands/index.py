"""``workbench index``: the Vaughn index of reviewed cables, as CSV or a PDF table."""

from __future__ import annotations

import argparse

from workbench.commands.common import fail, iter_cable_paths
from workbench.commands.export_options import add_pending_argument, add_source_arguments

HELP = "write the Vaughn index (one row per withholding) as CSV or PDF"
DESCRIPTION = (
    "List every withholding of the cables: document ID and date, subject (or 'withheld'), "
    "paragraph, what was withheld, disposition, codes and what they mean, and the reviewer's "
    "comment. The index is written whole or not at all: a cable that cannot be indexed stops "
    "it with one sentence naming the cable."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("cables", nargs="+", metavar="CABLE", help="cable file or folder")
    add_source_arguments(p)
    p.add_argument("--format", choices=("csv", "pdf"), default=None, help="default: from --out")
    p.add_argument("--out", required=True, metavar="FILE", help="the index file to write")
    p.add_argument("--title", default="Vaughn index", help="heading of the PDF table")
    add_pending_argument(p)


def run(args: argparse.Namespace) -> int:
    from workbench.cable import CableError
    from workbench.cable.document import read_document
    from workbench.export.atomic import write_atomic
    from workbench.export.errors import ExportError
    from workbench.export.index_check import check_text
    from workbench.export.source import ReviewSource
    from workbench.export.vaughn import rows_for, to_csv, to_pdf

    fmt = args.format or ("pdf" if args.out.lower().endswith(".pdf") else "csv")
    paths = list(iter_cable_paths(args.cables))
    if not paths:
        return fail("no cable files found in the paths given: name cable files or folders")
    source = ReviewSource(args.decisions, args.store)
    rows = []
    from workbench.review.codes import available_code_sets

    sets = available_code_sets()  # the user's code sets, read once (never while rendering)
    try:
        source.check(args.allow_pending)
        reviewed = []
        for path in paths:
            cable = read_document(path)
            # The index goes to the requester with the releases: the same QC gate (issue 17).
            review = source.load(cable, release=True)
            # Every text a row prints is checked against the withheld text (index_check).
            rows.extend(rows_for(cable, review, args.allow_pending, sets))
            reviewed.append((cable, review))
        if fmt == "pdf":
            check_text("title", args.title, reviewed, "give another --title")
        write_atomic(args.out, to_pdf(rows, args.title) if fmt == "pdf" else to_csv(rows))
    except (CableError, ExportError) as exc:
        return fail(str(exc), 1)
    print(f"{args.out}: {len(rows)} withholding(s) in {len(paths)} cable(s)")
    return 0
