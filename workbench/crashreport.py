"""When the workbench itself fails: the details go to a file, the user gets one sentence.

A traceback on the terminal tells a reviewer nothing and can show text of the cable being read;
the report file keeps what whoever fixes the bug needs. It is a file the guide asks users to
send to the developers, from machines that hold withheld and classified text, so it holds none
of theirs (newcomer 5, finding 38): the command with its option names but none of its values (a
search term, a document number or a file name can be withheld text), the exception's type but
not its message (a message can quote the cable), and the frames of the workbench's own code by
file, line and function (their source lines are ours, but are left out too: the file and line
find them), the frames of other code only counted. With the versions of Python, the platform
and the libraries, that is enough to find most bugs; the rest the developers ask for.

Reports are written to ``crash-reports`` in the data folder (or, when that cannot be written,
to a folder of the user's own in the system's temporary folder), named by time, readable by
the user alone (mode 600 in a folder of mode 700).
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import stat
import sys
import sysconfig
import tempfile
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

# What the report says of the command's values and the exception's message.
VALUE = "<value>"
_OPTION = re.compile(r"--?[A-Za-z][A-Za-z0-9-]*")
# The libraries whose versions a bug most often depends on (missing ones are left out).
_LIBRARIES = ("PySide6", "reportlab", "pypdf", "pypdfium2", "fonttools", "psycopg", "dask")
_HERE = Path(__file__).resolve().parent  # the workbench package


def crash_dir() -> Path:
    from workbench.settings import data_dir

    return data_dir() / "crash-reports"


def write_crash_report(exc: BaseException, argv: list[str]) -> Path | None:
    """Write the report of ``exc``; its path, or None if no folder would take it."""
    now = datetime.now(UTC)
    text = report_text(exc, argv, now)
    name = f"crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    for folder in _folders():
        try:
            _own_folder(folder)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(folder / name, flags, 0o600)
            with open(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
                f.write(text)
            return folder / name
        except OSError:
            continue
    return None


def report_text(exc: BaseException, argv: list[str], now: datetime) -> str:
    from workbench import __version__

    lines = [
        f"Declassification Workbench {__version__} crash report",
        "It holds no text of your cables or of your command: the command's values and the",
        "error's message are left out. Read it before you send it.",
        "",
        f"time: {now.isoformat()}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        f"libraries: {_versions()}",
        f"command: {command_shape(argv)}",
        "",
        *_exception_lines(exc),
    ]
    return "\n".join(lines) + "\n"


def command_shape(argv: list[str]) -> str:
    """``workbench review find <value> --store <value> --apply``: the command, its action and
    the names of its options, every other word (a value) replaced."""
    from workbench.commands import COMMANDS

    words = ["workbench"]
    actions = _actions(argv[0]) if argv and argv[0] in COMMANDS else set()
    leading = True  # still in the command's leading words (``review qc approve``)
    values_only = False
    for i, arg in enumerate(argv):
        if values_only:
            words.append(VALUE)
        elif arg == "--":
            values_only = True
            words.append(arg)
        elif arg.startswith("-") and _OPTION.fullmatch(arg.split("=", 1)[0]):
            name, has_value, _ = arg.partition("=")
            words.append(name + ("=" + VALUE if has_value else ""))
        elif leading and ((i == 0 and arg in COMMANDS) or (i > 0 and arg in actions)):
            words.append(arg)
        else:
            leading = False
            words.append(VALUE)
    return " ".join(words)


def _actions(command: str) -> set[str]:
    """Every action name of ``command``'s subcommands (``find``, ``qc``) and the fixed words
    its positionals choose from (``approve``)."""
    import argparse

    found: set[str] = set()
    with contextlib.suppress(Exception):  # the parser itself may be what failed
        from workbench.cli import build_parser

        todo = [build_parser(command)]
        while todo:
            for action in todo.pop()._actions:
                if isinstance(action, argparse._SubParsersAction):
                    found.update(action.choices)
                    todo.extend(action.choices.values())
                elif not action.option_strings and action.choices:  # ``qc approve``
                    found.update(str(c) for c in action.choices)
    return found


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in _LIBRARIES:
        with contextlib.suppress(PackageNotFoundError, ValueError):
            out.append(f"{name} {version(name)}")
    return ", ".join(out) or "none found"


def _exception_lines(exc: BaseException) -> list[str]:
    """The chain of exceptions, the first raised first, as Python prints it, without the
    messages, and with only the frames of the workbench's own code named."""
    out: list[str] = []
    for i, (e, how) in enumerate(reversed(list(_chain(exc)))):
        if i:
            out += ["", how]
        out.append(f"error: {_type_name(e)} (its message left out)")
        out += _frames(e)
    return out


def _chain(exc: BaseException) -> Iterator[tuple[BaseException, str]]:
    """``exc`` and the exceptions it was raised from or while handling, the last first, each
    with the words printed before it to link it to the one raised before it."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if e.__cause__ is not None:
            yield e, "The above was the direct cause of:"
            e = e.__cause__
        elif e.__context__ is not None and not e.__suppress_context__:
            yield e, "While handling the above, another error occurred:"
            e = e.__context__
        else:
            yield e, ""
            e = None


def _type_name(e: BaseException) -> str:
    t = type(e)
    return t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _frames(e: BaseException) -> list[str]:
    out: list[str] = []
    others: list[str] = []  # a run of frames outside the workbench: where they are from

    def flush() -> None:
        if others:
            names = ", ".join(dict.fromkeys(others))
            n = len(others)
            out.append(f"  ... {n} frame{'s' if n != 1 else ''} in {names}")
            others.clear()

    for frame in traceback.extract_tb(e.__traceback__):
        ours = _ours(frame.filename)
        if ours is None:
            others.append(_whose(frame.filename))
            continue
        flush()
        out.append(f"  {ours} line {frame.lineno}, in {frame.name}")
    flush()
    return out


def _ours(filename: str) -> str | None:
    """``workbench/cli.py`` for a file of the workbench package, else None."""
    with contextlib.suppress(ValueError, OSError):
        return "workbench/" + Path(filename).resolve().relative_to(_HERE).as_posix()
    return None


def _whose(filename: str) -> str:
    """Where a frame outside the workbench is from, without the folders it lies in (a home
    folder names the user): a library's name, or Python's standard library."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts and parts.index(marker) + 1 < len(parts):
            top = parts[parts.index(marker) + 1]
            return top.removesuffix(".py")
    stdlib = sysconfig.get_paths().get("stdlib", "")
    if filename.startswith("<frozen") or (stdlib and filename.startswith(stdlib)):
        return "Python's standard library"
    return "other code"


def _folders() -> list[Path]:
    out = []
    with contextlib.suppress(Exception):  # the settings module itself may be what failed
        out.append(crash_dir())
    # A folder of this user's own: a shared one could be read, or made first, by anyone.
    uid = getattr(os, "getuid", lambda: None)()
    out.append(Path(tempfile.gettempdir()) / f"workbench-crash-reports-{uid or 'user'}")
    return out


def _own_folder(folder: Path) -> None:
    """Make ``folder`` (mode 700) or check that an existing one is this user's own real
    folder, no link; OSError if not, so that the next folder is tried."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    st = folder.lstat()
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(str(folder))
    getuid = getattr(os, "getuid", None)
    if getuid is not None and st.st_uid != getuid():
        raise PermissionError(str(folder))
    if st.st_mode & 0o077:
        os.chmod(folder, 0o700)  # an older workbench made it with the default umask
