"""Which files this run must never replace: its inputs, the review store, decisions files.

A file is remembered by its identity (device and inode), so a second name for it (a hard link,
a symbolic link, ``./x`` for ``x``) is recognised too; a file that may not exist yet (a review
store about to be created) is remembered by its resolved path. Readers register what they
read (:func:`protect`), folder walks register every file they yield, and every writer asks
:func:`protected_role` before it writes.

The registry belongs to the process. Worker processes started by ``fork`` inherit it; a pool
started otherwise passes :func:`snapshot` to :func:`restore` in its initializer.
"""

from __future__ import annotations

import os
import stat
from array import array
from collections.abc import Iterable
from pathlib import Path

# role -> device -> inodes of the files read in that role, 8 bytes each in an array: a folder
# walk registers every cable, and a set of (st_dev, st_ino) tuples took some 160 bytes a cable
# (16 MB per 100,000, 11 GB for the 70 million cables of 250 million pages; issue 18 found it
# as the slow growth of a check's client).  Only a write looks an identity up, once a file.
Identities = dict[str, dict[int, "array[int]"]]
_ids: Identities = {}
# resolved path -> role, for the few files protected by name (the store and its journals).
_paths: dict[str, str] = {}
# resolved folders given as inputs: a cable-named file inside one will be read by the run.
_folders: set[str] = set()


def _resolved(path: str | os.PathLike[str]) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.abspath(path)


def protect(path: str | os.PathLike[str], role: str, st: os.stat_result | None = None) -> None:
    """Remember the existing file at ``path`` (or with stat ``st``) as ``role`` ("a cable")."""
    if st is None:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return
    if stat.S_ISREG(st.st_mode):
        protect_identity(st.st_dev, st.st_ino, role)


def protect_identity(dev: int, ino: int, role: str) -> None:
    _ids.setdefault(role, {}).setdefault(dev, array("Q")).append(ino)


def protect_path(path: str | os.PathLike[str], role: str) -> None:
    """Remember ``path`` by name (it may not exist yet), and by identity if it does."""
    _paths[_resolved(path)] = role
    protect(path, role)


def protect_inputs(paths: Iterable[str | os.PathLike[str]], role: str = "a cable") -> None:
    """The paths named on a command line: files are protected, folders remembered."""
    for p in paths:
        if str(p) == "-":
            continue
        try:
            st = os.stat(p)
        except (OSError, ValueError):
            continue
        if stat.S_ISDIR(st.st_mode):
            _folders.add(_resolved(p))
        else:
            protect(p, role, st)


def protected_role(path: str | os.PathLike[str]) -> str | None:
    """What ``path`` is to this run ("a cable", "the review store"...) if it must not be
    replaced; None if writing there destroys nothing the run uses."""
    resolved = _resolved(path)
    if resolved in _paths:
        return _paths[resolved]
    for follow in (False, True):
        try:
            st = os.stat(path, follow_symlinks=follow)
        except (OSError, ValueError):
            continue
        for role, devices in _ids.items():
            inodes = devices.get(st.st_dev)
            if inodes is not None and st.st_ino in inodes:
                return role
    if _folders and os.path.lexists(path):
        from workbench.cable.files import is_cable_name

        parent = os.path.dirname(resolved)
        if is_cable_name(os.path.basename(resolved)) and any(
            parent == f or parent.startswith(f.rstrip(os.sep) + os.sep) for f in _folders
        ):
            return "a cable"
    return None


def snapshot() -> tuple[Identities, dict[str, str], set[str]]:
    ids = {role: {dev: array("Q", a) for dev, a in d.items()} for role, d in _ids.items()}
    return (ids, dict(_paths), set(_folders))


def restore(snap: tuple[Identities, dict[str, str], set[str]]) -> None:
    ids, paths, folders = snap
    for role, devices in ids.items():
        for dev, inodes in devices.items():
            _ids.setdefault(role, {}).setdefault(dev, array("Q")).extend(inodes)
    _paths.update(paths)
    _folders.update(folders)


def forget_all() -> None:
    """Empty the registry (tests that run many commands in one process)."""
    _ids.clear()
    _paths.clear()
    _folders.clear()


def store_files(path: str | os.PathLike[str]) -> list[Path]:
    """A SQLite store and the journal files SQLite keeps beside it."""
    p = Path(path)
    return [p, *(p.with_name(p.name + s) for s in ("-wal", "-shm", "-journal"))]
