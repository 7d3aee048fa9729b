"""``workbench gui``: the reviewer's window (also what plain ``workbench`` runs)."""

from __future__ import annotations

import argparse

HELP = "open the reviewer's window (the default when no command is given)"
DESCRIPTION = (
    "Open the reviewer's window on a cable (or, with no CABLE, the bundled sample cable "
    "07SEOUL219). Decisions are saved to the review store as they are made."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", metavar="CABLE", help="cable file to open")


def run(args: argparse.Namespace) -> int:
    # Qt is imported here only, so `workbench parse` never pays for it.
    from workbench.gui.app import run as run_gui
    from workbench.resources import sample_cable

    return run_gui(args.path if args.path else sample_cable())
