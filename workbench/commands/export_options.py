"""Options shared by ``workbench export``, ``verify`` and ``index``: where the review comes from."""

from __future__ import annotations

import argparse


def add_source_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    from workbench.commands.common import STORE_HELP

    g.add_argument("--store", metavar="PATH|URL", help=STORE_HELP)
    g.add_argument(
        "--decisions",
        metavar="FILE",
        help="decisions file (JSON, see docs/decisions-format.md) instead of the store; for "
        "several cables, a folder holding one <reference ID>.json per cable",
    )


def add_pending_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-pending",
        action="store_true",
        help="export cables with undecided regions as drafts (NOT FOR RELEASE on every page), "
        "withholding those regions as PENDING REVIEW",
    )


def add_stamp_arguments(p: argparse.ArgumentParser) -> None:
    """What a release stamps on every page; `verify` takes the same, to know the stamps."""
    p.add_argument("--case-number", default="", help="FOIA/MDR case number (default: settings)")
    p.add_argument("--doc-number", default="", help="document number (default: reference ID)")
    p.add_argument("--authority", default="", help="declassification authority (default: settings)")
    p.add_argument("--reviewer", default="", help="reviewer's name (default: settings)")
    p.add_argument(
        "--marking",
        default="UNCLASSIFIED",
        help="new overall marking; a lower level for a partial downgrade (default UNCLASSIFIED)",
    )


def stamp_options(args: argparse.Namespace, **more: object):  # type: ignore[no-untyped-def]
    """ExportOptions from the stamp arguments, validated and filled from settings (the user's
    code sets too: read here, once, never while rendering); raises ExportError with the
    sentence for the user. The window's Export dialog resolves its fields the same way."""
    from workbench.export.options import ExportOptions

    return ExportOptions(
        case_number=args.case_number,
        doc_number=args.doc_number,
        authority=args.authority,
        reviewer=args.reviewer,
        marking=args.marking,
        **more,  # type: ignore[arg-type]
    ).resolve()
