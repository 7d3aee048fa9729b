"""Writing a file whole or not at all, and never over something the run must keep.

One helper for every file the workbench writes (PDFs, reports, decisions files, indexes,
settings, code sets, store backups): the data goes to a temporary file in the target's folder,
is synced, and is renamed over the target only when complete. Before that the target is
checked (:func:`check_target`): never an input of this run, never a review store, never a
device or a FIFO (renaming over ``/dev/null`` as root would replace the device), never outside
the folder the user chose. Temporary files are removed on any failure, on Ctrl-C, and on
SIGTERM or SIGHUP (see :mod:`workbench.safeio.signals`).
"""

from __future__ import annotations

import atexit
import codecs
import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from workbench.safeio import guard
from workbench.safeio.holding import held
from workbench.safeio.reading import file_kind, os_reason

SQLITE_MAGIC = b"SQLite format 3\x00"


def _file_name_bytes(exc: UnicodeError) -> tuple[str | bytes, int]:
    """Encoding error handler ``workbench-names``: a file name that is not UTF-8 (held by
    Python as surrogate escapes) is written back as its own bytes; any other lone surrogate,
    which no valid text holds, as a visible ``\\udXXX``."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = bytearray()
    for ch in exc.object[exc.start : exc.end]:
        c = ord(ch)
        out += bytes([c - 0xDC00]) if 0xDC80 <= c <= 0xDCFF else f"\\u{c:04x}".encode()
    return bytes(out), exc.end


codecs.register_error("workbench-names", _file_name_bytes)

# Temporary files being written now: removed at exit and when a signal stops the process.
_live: set[str] = set()


class OutputError(OSError):
    """An output that cannot or must not be written; one sentence naming it and what to do.

    An ``OSError``, so code that already reports a failed write (``except OSError``) reports
    this one too; ``str()`` is the sentence."""


_WRITE_ADVICE = {
    errno.ENOSPC: "the disk is full; nothing was written there: free some space or choose "
    "another folder",
    errno.EDQUOT: "your disk quota is used up; nothing was written there: free some space or "
    "choose another folder",
    errno.EFBIG: "the file would be larger than this disk allows: choose another folder",
    errno.EROFS: "the folder is on a read-only disk: choose another folder",
    errno.EACCES: "you may not write in that folder: choose another folder or check its "
    "permissions",
    errno.EPERM: "you may not write in that folder: choose another folder or check its permissions",
    errno.EIO: "the disk reported an error: choose another folder",
}
# Errors that can only come from writing, so they are reported as such even when raised by
# the caller's own writes inside ``atomic_file``.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}


def cannot_write(target: str, exc: OSError) -> str:
    reason = _WRITE_ADVICE.get(exc.errno or 0) or os_reason(exc)
    return f"cannot write {target}: {reason}."


def cleanup_temp_files() -> None:
    """Remove every temporary file this process is writing (exit, signals)."""
    for tmp in list(_live):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _live.discard(tmp)


atexit.register(cleanup_temp_files)


def check_target(
    path: str | os.PathLike[str],
    *,
    within: str | os.PathLike[str] | None = None,
    allow_store: bool = False,
) -> Path:
    """Refuse, with :class:`OutputError`, a path this run must not write; else the path."""
    name = os.fspath(path)
    if "\x00" in name:
        raise OutputError(f"{name!r} is not a usable file name (it holds a NUL character).")
    if not name or name.endswith(os.sep) or os.path.basename(name) in ("", ".", ".."):
        raise OutputError(f"{name or 'an empty name'} is not a file name: give one, e.g. out.pdf.")
    target = Path(name)
    if within is not None:
        folder = os.path.realpath(within)
        if os.path.realpath(target.parent) != folder:
            raise OutputError(
                f"cannot write {target}: it is outside the chosen folder {within}; nothing was "
                "written there."
            )
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(_path_problem(target, exc)) from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            with contextlib.suppress(OSError):
                st = os.stat(target)  # a dangling link is simply replaced
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{target} is a folder: give a file name to write to.")
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISLNK(st.st_mode):
            raise OutputError(
                f"cannot write {target}: it is {file_kind(st.st_mode)}, and the workbench "
                "writes only regular files: give a file name."
            )
        role = guard.protected_role(target)
        if role:
            raise OutputError(
                f"cannot write {target}: it is {role} this command reads, and writing there "
                "would destroy it; choose another file name."
            )
        if not allow_store and stat.S_ISREG(st.st_mode) and _is_sqlite(target):
            raise OutputError(
                f"cannot write {target}: it is a review store (an SQLite database), and writing "
                "there would destroy every decision and the audit log; choose another file name."
            )
    elif guard.protected_role(target):
        raise OutputError(
            f"cannot write {target}: it is {guard.protected_role(target)} this command uses; "
            "choose another file name."
        )
    parent = target.parent
    try:
        pst = os.stat(parent)
    except FileNotFoundError:
        raise OutputError(
            f"cannot write {target}: the folder {parent} does not exist; create it first."
        ) from None
    except OSError as exc:
        raise OutputError(_path_problem(target, exc)) from None
    if not stat.S_ISDIR(pst.st_mode):
        raise OutputError(f"cannot write {target}: {parent} is a file, not a folder.")
    return target


def _path_problem(target: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOTDIR:
        for up in target.parents:
            with contextlib.suppress(OSError):
                if not stat.S_ISDIR(os.stat(up).st_mode):
                    return f"cannot write {target}: {up} is a file, not a folder."
    return f"cannot write {target}: {os_reason(exc)}."


def _is_sqlite(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        return os.read(fd, len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
    finally:
        os.close(fd)


def make_folder(path: str | os.PathLike[str]) -> list[Path]:
    """Create the folder ``path`` and its missing parents; the folders created, outermost
    first, so a run that writes nothing can take them away again (:func:`remove_folders`)."""
    target = Path(path)
    missing: list[Path] = []
    p = target
    while True:
        try:
            st = os.stat(p)
        except FileNotFoundError:
            missing.append(p)
            if p.parent == p:
                break
            p = p.parent
            continue
        except OSError as exc:
            raise OutputError(_folder_problem(target, exc)) from None
        if not stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot create the folder {target}: {p} is a file, not a folder.")
        break
    created: list[Path] = []
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        except OSError as exc:
            remove_folders(created)
            raise OutputError(_folder_problem(target, exc)) from None
        created.append(folder)
    return created


def _folder_problem(target: Path, exc: OSError) -> str:
    reason = _WRITE_ADVICE.get(exc.errno or 0) or os_reason(exc)
    return f"cannot create the folder {target}: {reason}."


def remove_folders(created: list[Path]) -> None:
    """Remove the folders :func:`make_folder` created, innermost first, if still empty."""
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _new_file_mode(existing: Path) -> int:
    with contextlib.suppress(OSError):
        st = os.stat(existing)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(
    path: str | os.PathLike[str],
    *,
    within: str | os.PathLike[str] | None = None,
    allow_store: bool = False,
) -> Iterator[str]:
    """A temporary path beside ``path`` for the caller to fill; it replaces ``path`` when the
    block ends without an error, and is removed otherwise."""
    target = check_target(path, within=within, allow_store=allow_store)
    prefix = f".{target.name[:80]}."
    # Created and recorded as one step: a SIGTERM in between (raised as an exception by
    # safeio.signals) would leave a temporary file nobody knows to remove.
    with held():
        try:
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
        except OSError as exc:
            raise OutputError(cannot_write(str(target), exc)) from None
        _live.add(tmp)
    os.close(fd)
    try:
        try:
            yield tmp
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS:
                raise OutputError(cannot_write(str(target), exc)) from None
            raise
        # Checked again at the end: a long run may have read more inputs meanwhile.
        check_target(target, within=within, allow_store=allow_store)
        try:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(tmp, _new_file_mode(target))
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(cannot_write(str(target), exc)) from None
        _fsync_dir(target.parent)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _live.discard(tmp)


@contextlib.contextmanager
def atomic_file(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    errors: str = "workbench-names",
    within: str | os.PathLike[str] | None = None,
    allow_store: bool = False,
) -> Iterator[IO[Any]]:
    """An open temporary file that replaces ``path`` whole when the block succeeds."""
    binary = "b" in mode
    with atomic_path(path, within=within, allow_store=allow_store) as tmp:
        try:
            f = open(  # noqa: SIM115 - closed below, before the rename
                tmp,
                mode,
                encoding=None if binary else encoding,
                errors=None if binary else errors,
                newline=None if binary else newline,
            )
        except OSError as exc:
            raise OutputError(cannot_write(os.fspath(path), exc)) from None
        with f:
            yield f
            try:
                f.flush()
            except OSError as exc:
                raise OutputError(cannot_write(os.fspath(path), exc)) from None


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    within: str | os.PathLike[str] | None = None,
    allow_store: bool = False,
) -> Path:
    """Write ``data`` (text is written as UTF-8) to ``path`` whole or not at all."""
    raw = data.encode("utf-8", "workbench-names") if isinstance(data, str) else data
    with atomic_path(path, within=within, allow_store=allow_store) as tmp:
        try:
            with open(tmp, "wb") as f:
                f.write(raw)
        except OSError as exc:
            raise OutputError(cannot_write(os.fspath(path), exc)) from None
    return Path(path)
