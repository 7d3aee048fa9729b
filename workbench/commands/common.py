"""Helpers shared by subcommands: walking paths, reporting errors in one sentence."""

from __future__ import annotations

import sys

from workbench.cable.files import iter_cable_paths

__all__ = ["fail", "iter_cable_paths"]


def fail(message: str, code: int = 2) -> int:
    """Print ``message`` as the one sentence a user sees, and return the exit code."""
    print(f"workbench: {message}", file=sys.stderr)
    return code
