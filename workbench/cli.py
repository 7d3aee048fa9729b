"""The one entry point: ``workbench`` opens the window, ``workbench CMD`` runs a subcommand."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from workbench import __version__
from workbench.commands import COMMANDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description=(
            "Declassification Workbench: read US diplomatic cables, check their "
            "declassification dates and markings, record review decisions and export release "
            "PDFs. With no command, opens the window on the bundled sample cable."
        ),
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open, review and export the bundled sample cable offscreen in a temporary folder, "
        "one line per step; exit 0 when the installation works",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f"workbench.commands.{module_name}")
        p = sub.add_parser(
            name, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP)
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        args_list = ["gui"]
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.self_test:
        from workbench.commands.selftest import run_self_test

        args._run = lambda _args: run_self_test()
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `workbench parse ... | head`: the reader left; that is not an error of ours.
        return 0


def gui_main() -> int:
    """Entry point of the GUI script: the window, whatever else is asked."""
    return main(["gui", *sys.argv[1:]])
