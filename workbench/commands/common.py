"""Helpers shared by subcommands: walking paths, reporting errors in one sentence."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path


def fail(message: str, code: int = 2) -> int:
    """Print ``message`` as the one sentence a user sees, and return the exit code."""
    print(f"workbench: {message}", file=sys.stderr)
    return code


def iter_cable_paths(paths: list[str]) -> Iterator[Path]:
    """Files named on the command line; folders are walked recursively, in sorted order.

    Hidden files and folders are skipped. A path that does not exist is yielded as is so the
    caller reports it as a read error for that path.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield p
