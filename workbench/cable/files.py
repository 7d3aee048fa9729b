"""Which files in a folder are cables: the one rule every command and the window share."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

# Archives hold cables as .txt files (some tools save them without a suffix). Anything else
# in a folder (INDEX.tsv, README.md, PDFs already exported) is not a cable and is skipped,
# so a folder check does not report it as a mis-marked cable. A file named explicitly is
# always read, whatever its name.
CABLE_SUFFIXES = (".txt", "")


def is_cable_name(name: str) -> bool:
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in CABLE_SUFFIXES


def iter_cable_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files named on the command line; folders are walked recursively, in sorted order.

    A path that does not exist, and a subfolder that cannot be listed, is yielded as is so
    the caller reports it as a read error for that path rather than skipping it silently.
    """
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            yield p
            continue
        unreadable: list[str] = []
        # The list is new for each folder and used only while os.walk runs: binding is fine.
        for root, dirs, files in os.walk(p, onerror=lambda e: unreadable.append(e.filename)):  # noqa: B023
            while unreadable:
                yield Path(unreadable.pop())
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if is_cable_name(name):
                    yield Path(root) / name
        while unreadable:
            yield Path(unreadable.pop())


def count_cable_paths(paths: Iterable[str]) -> int:
    """How many paths :func:`iter_cable_paths` yields, without keeping their names."""
    n = 0
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            n += 1
            continue
        stack = [str(p)]
        while stack:
            try:
                with os.scandir(stack.pop()) as entries:
                    for e in entries:
                        if e.name.startswith("."):
                            continue
                        if e.is_dir():
                            stack.append(e.path)
                        elif is_cable_name(e.name):
                            n += 1
            except OSError:
                n += 1  # reported as one read error
    return n
