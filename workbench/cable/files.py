"""Which files in a folder are cables: the one rule every command and the window share."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from workbench.safeio import guard

# Archives hold cables as .txt files (some tools save them without a suffix). Anything else
# in a folder (INDEX.tsv, README.md, PDFs already exported) is not a cable and is skipped,
# so a folder check does not report it as a mis-marked cable. A file named explicitly is
# always read, whatever its name.
CABLE_SUFFIXES = (".txt", "")


def is_cable_name(name: str) -> bool:
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in CABLE_SUFFIXES


def is_folder(path: str | os.PathLike[str]) -> bool:
    """``Path.is_dir`` without its exceptions (a path too long raises there)."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def iter_cable_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named on the command line; folders are walked recursively, in sorted order
    (a folder's own files first, then each subfolder in turn).

    A path that does not exist, a subfolder that cannot be listed, and a FIFO, device or
    socket with a cable's name are yielded as they are, so the caller names each as a read
    error for that path (the reader refuses them without blocking) rather than skipping it
    silently. Symbolic links to folders are not followed inside a walk (a link can lead back
    up and around forever) but yielded too, so that the reader names each; a link named on
    the command line is followed. Every file yielded is
    remembered as an input that no output of the run may replace (``safeio.guard``).
    """
    for raw in paths:
        name = os.fspath(raw)
        if not is_folder(name):
            guard.protect(name, "a cable")
            yield Path(name)
            continue
        yield from _walk(name)


def _walk(top: str) -> Iterator[Path]:
    # An explicit stack rather than recursion: a hostile tree thousands of folders deep must
    # not end in RecursionError (os.walk recurses in Python 3.11).
    stack: list[Iterator[str]] = [iter([top])]
    while stack:
        folder = next(stack[-1], None)
        if folder is None:
            stack.pop()
            continue
        try:
            dev = os.stat(folder).st_dev
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            yield Path(folder)  # reported as one read error
            continue
        subfolders = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=False):
                    subfolders.append(e.path)
                    continue
                if e.is_symlink() and e.is_dir():
                    # Not followed (it can lead back up and around), but not passed over in
                    # silence either: its row says so (an archive's check must not come out
                    # short with no word of why).
                    yield Path(e.path)
                    continue
            except OSError:
                pass
            if not is_cable_name(e.name):
                continue
            try:
                if e.is_symlink():
                    guard.protect(e.path, "a cable")
                elif e.is_file(follow_symlinks=False):
                    guard.protect_identity(dev, e.inode(), "a cable")
            except OSError:
                pass
            yield Path(e.path)
        if subfolders:
            stack.append(iter(subfolders))


def count_cable_paths(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many paths :func:`iter_cable_paths` yields, without keeping their names."""
    n = 0
    for raw in paths:
        name = os.fspath(raw)
        if not is_folder(name):
            n += 1
            continue
        stack = [name]
        while stack:
            try:
                with os.scandir(stack.pop()) as entries:
                    for e in entries:
                        if e.name.startswith("."):
                            continue
                        try:
                            if e.is_dir(follow_symlinks=False):
                                stack.append(e.path)
                                continue
                            if e.is_symlink() and e.is_dir():
                                n += 1  # one read-error row (see iter_cable_paths)
                                continue
                        except OSError:
                            pass
                        if is_cable_name(e.name):
                            n += 1
            except OSError:
                n += 1  # reported as one read error
    return n
