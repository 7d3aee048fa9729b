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
        help="export cables with undecided paragraphs, withholding those as PENDING REVIEW",
    )
