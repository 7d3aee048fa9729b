"""Reading an input so that no file can hang the workbench or exhaust its memory.

Only regular files are read. A FIFO would block the first ``read`` until some other program
writes to it (forever, usually); ``/dev/zero`` and ``/dev/urandom`` never end; a socket cannot
be opened at all. So the kind of file is checked before it is opened, and again on the open
descriptor (the name may have been swapped in between), and the file is opened non-blocking so
even a FIFO swapped in at the last moment cannot block. The size limit is checked on the
descriptor before reading, and the read itself stops one byte past the limit, so a file that
grows while it is read is refused too.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from workbench.safeio import guard


class InputError(Exception):
    """An input that cannot be read; the message is one sentence naming it and what to do."""


def file_kind(mode: int) -> str:
    """What a file of this mode is, for a sentence: "a folder", "a named pipe (FIFO)"..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "a regular file"


# What to tell the user for each reason a path cannot be used.
_ADVICE = {
    errno.ENOENT: "it does not exist: check the path",
    errno.EACCES: "permission denied: check its permissions",
    errno.EPERM: "permission denied: check its permissions",
    errno.ENAMETOOLONG: "the path is too long for this system: use a shorter one",
    errno.ELOOP: "its symbolic links lead in a circle: fix the link",
    errno.ENOTDIR: "a part of the path is a file, not a folder: check the path",
    errno.EIO: "the disk reported an error while reading it: copy the file elsewhere and retry",
    errno.ENXIO: "it is a socket or a device that is not there: give a regular file",
    errno.EISDIR: "it is a folder: give a file",
    errno.ENOSPC: "the disk is full: free some space",
    errno.EROFS: "the disk is read-only",
}


def os_reason(exc: OSError) -> str:
    """The reason part of a sentence about ``exc``: what went wrong and what to do."""
    if exc.errno in _ADVICE:
        return _ADVICE[exc.errno]
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):,.0f} MB"
    if n >= 1024:
        return f"{n / 1024:,.0f} KB"
    return f"{n} bytes"


def read_limited(
    path: str | os.PathLike[str],
    limit: int,
    what: str = "file",
    role: str | None = None,
    name: str | None = None,
) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    ``what`` names the kind of file in messages ("cable", "decisions file"), ``name`` the
    file (default: ``path``). With ``role`` the file is remembered as an input that no
    output of this run may replace (see ``guard``).
    """
    opened = os.fspath(path)
    name = name if name is not None else opened
    try:
        st = os.stat(opened)
    except (OSError, ValueError) as exc:
        raise InputError(_cannot_read(name, exc)) from None
    _check_kind(name, st.st_mode, what)
    _check_size(name, st.st_size, limit, what)
    try:
        # O_NONBLOCK: a FIFO swapped in after the stat still cannot block the open; regular
        # files ignore the flag. O_NOCTTY: a terminal device never becomes ours.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(opened, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(_cannot_read(name, exc)) from None
    try:
        st = os.fstat(fd)
        _check_kind(name, st.st_mode, what)
        _check_size(name, st.st_size, limit, what)
        data = _read_fd(fd, st.st_size, limit)
    except OSError as exc:
        raise InputError(_cannot_read(name, exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise InputError(_too_large(name, None, limit, what))
    if role:
        guard.protect(opened, role, st)
    return data


def _read_fd(fd: int, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``fd``, expected to hold ``size``.

    The first read asks for the stated size and one byte more, so a file that grew shows;
    then the reads go on to the end (a file may grow, and some report no size, as in /proc).
    (A buffered ``read(limit + 1)`` allocated the whole limit, 8 MB for a cable, for every
    file: most of the time ``workbench parse`` spent reading.)
    """
    data = os.read(fd, min(limit, size) + 1)
    if not data or len(data) > limit:
        return data
    parts = [data]
    total = len(data)
    while total <= limit:
        chunk = os.read(fd, min(limit + 1 - total, 1 << 20))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_stream(
    stream: BinaryIO, limit: int, name: str = "standard input", what: str = "file"
) -> bytes:
    """At most ``limit`` bytes of ``stream`` (``parse -`` from ``/dev/zero`` stops there)."""
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= limit:
            chunk = stream.read(min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputError(_cannot_read(name, exc)) from None
    if total > limit:
        raise InputError(
            f"{name} holds more than {_size(limit)}, far more than any {what}: "
            "check what is being sent to the workbench"
        )
    return b"".join(chunks)


def _check_kind(name: str, mode: int, what: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = file_kind(mode)
    if kind == "a folder":
        raise InputError(f"{name} is a folder, not a {what}: give the path of a file.")
    raise InputError(
        f"{name} is {kind}, not a {what}: it was skipped (only regular files are read)."
    )


def _check_size(name: str, size: int, limit: int, what: str) -> None:
    if size > limit:
        raise InputError(_too_large(name, size, limit, what))


def _too_large(name: str, size: int | None, limit: int, what: str) -> str:
    how_big = f"is {_size(size)}" if size is not None else f"holds more than {_size(limit)}"
    return (
        f"{name} {how_big}, far larger than any {what} (the limit is {_size(limit)}): "
        "check that it is the right file."
    )


def _cannot_read(name: str, exc: BaseException) -> str:
    if isinstance(exc, ValueError):  # a NUL byte in the path
        return f"{name!r} is not a usable path (it holds a NUL character): check the path."
    assert isinstance(exc, OSError)
    if exc.errno == errno.ENOENT:
        return f"cannot read {name}: it does not exist; check the path."
    return f"{name} cannot be read ({os_reason(exc)})."
