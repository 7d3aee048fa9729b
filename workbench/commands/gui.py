"""``workbench gui``: the reviewer's window (also what plain ``workbench`` runs)."""

from __future__ import annotations

import argparse
import os
import sys

from workbench.commands.common import fail

HELP = "open the reviewer's window (the default when no command is given)"
DESCRIPTION = (
    "Open the reviewer's window on a cable, or on a folder of cables (a sortable table of "
    "their classification, DECL status and findings). With no CABLE, opens the bundled "
    "sample cable 07SEOUL219. Every decision is saved to the review store as it is made."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", metavar="CABLE|FOLDER", help="cable file or folder to open")
    from workbench.commands.common import add_store_argument

    add_store_argument(p)
    p.add_argument(
        "--case",
        metavar="N",
        help="open case N of the store (its cables, progress and conflicts; see `workbench case`)",
    )


def no_display() -> bool:
    """On Linux with no X11 or Wayland display and no platform chosen, Qt aborts with a
    misleading message about libxcb-cursor0; say what is really missing instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args: argparse.Namespace) -> int:
    if no_display():
        return fail(
            "the window needs a desktop, and there is no display here (DISPLAY and "
            "WAYLAND_DISPLAY are unset): run it on a desktop or under xvfb-run, or use the "
            "commands (workbench --help)"
        )
    # Qt is imported here only, so `workbench parse` never pays for it.
    from workbench.gui.app import run as run_gui
    from workbench.resources import resource_path

    path = args.path if args.path else resource_path("samples", "07SEOUL219.txt")
    if args.case and not args.path:
        path = None  # the case's table is what opens
    return run_gui(path, store=args.store, case=args.case)
