"""``workbench gui``: the reviewer's window (also what plain ``workbench`` runs)."""

from __future__ import annotations

import argparse

HELP = "open the reviewer's window (the default when no command is given)"
DESCRIPTION = (
    "Open the reviewer's window on a cable, or on a folder of cables (a sortable table of "
    "their classification, DECL status and findings). With no CABLE, opens the bundled "
    "sample cable 07SEOUL219. Every decision is saved to the review store as it is made."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", metavar="CABLE|FOLDER", help="cable file or folder to open")
    p.add_argument(
        "--store",
        metavar="PATH",
        help="review store (SQLite) to use; default: reviews.sqlite3 in the user data folder",
    )


def run(args: argparse.Namespace) -> int:
    # Qt is imported here only, so `workbench parse` never pays for it.
    from workbench.gui.app import run as run_gui
    from workbench.resources import resource_path

    path = args.path if args.path else resource_path("samples", "07SEOUL219.txt")
    return run_gui(path, store=args.store)
