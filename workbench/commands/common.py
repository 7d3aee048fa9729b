"""Helpers shared by subcommands: walking paths, reporting errors in one sentence."""

from __future__ import annotations

import argparse
import sys

from workbench.cable.files import iter_cable_paths

__all__ = ["STORE_HELP", "add_store_argument", "fail", "iter_cable_paths"]

STORE_HELP = (
    "review store: an SQLite file, or a team's postgresql://HOST/DATABASE (passwords from "
    "~/.pgpass, PGPASSWORD or a service file, never the URL); default: the 'store' setting, "
    "else reviews.sqlite3 in your data folder"
)


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    """``--store PATH|URL``, the same in every command that reads or writes reviews."""
    parser.add_argument("--store", metavar="PATH|URL", help=STORE_HELP)


def fail(message: str, code: int = 2) -> int:
    """Print ``message`` as the one sentence a user sees, and return the exit code."""
    print(f"workbench: {message}", file=sys.stderr)
    return code
