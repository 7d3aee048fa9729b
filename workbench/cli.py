"""The one entry point: ``workbench`` opens the window, ``workbench CMD`` runs a subcommand.

:func:`main` is also the last line of defence: whatever a command raises becomes one sentence
on stderr and an exit code, never a traceback. An input or output refused by
:mod:`workbench.safeio` is the user's to fix (exit 1); anything else unexpected is a bug of
ours, written to a crash report file that the sentence names (exit 1 too). Ctrl-C, SIGTERM and
SIGHUP stop any command at any moment with one line, leaving no temporary file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from workbench import __version__
from workbench.commands import COMMANDS

if TYPE_CHECKING:
    import argparse

# Only what Python itself has loaded is imported above: everything else is imported inside
# main(), where a Ctrl-C at that moment is caught like any other.


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only`` (a command's name), that command's subparser
    alone, so that running one command imports its module and no other's (every module
    imported was ~15% of ``workbench parse FILE``'s start-up). Help and errors for that
    command read the same either way."""
    import argparse
    import importlib

    parser = argparse.ArgumentParser(
        prog="workbench",
        # Subcommands' parsers are made from this class too (``add_subparsers`` takes the
        # parent's): an unknown argument is reported by the command it was given to.
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
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_command_parser_class()
    )
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"workbench.commands.{module_name}")
        p = sub.add_parser(
            name, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP)
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def _command_parser_class() -> type[argparse.ArgumentParser]:
    import argparse
    import difflib

    class _CommandParser(argparse.ArgumentParser):
        """A command's parser: an argument it does not know is its own error.

        argparse hands a subcommand's unknown arguments back to the top-level parser, which
        then printed ``usage: workbench [-h] [--version] ... COMMAND`` and "unrecognized
        arguments", naming neither the command nor its options. Here the command (the
        innermost one: ``store backup``) reports it with its own usage, and a mistyped option
        gets the nearest one it has (``--fromat``: did you mean --format?).
        """

        def parse_known_args(  # type: ignore[override]
            self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
        ) -> tuple[argparse.Namespace, list[str]]:
            parsed, extras = super().parse_known_args(args, namespace)
            if extras:
                self.error(self._unknown(extras))
            return parsed, extras

        def _unknown(self, extras: list[str]) -> str:
            # The first one only: what follows a mistyped option is most often its value.
            first = extras[0]
            if not first.startswith("-") or first == "-":
                return f"unrecognized argument {first!r}: see the usage above ({self.prog} --help)"
            known = [o[2:] for a in self._actions for o in a.option_strings if o.startswith("--")]
            typed = first.split("=", 1)[0].lstrip("-")
            near = difflib.get_close_matches(typed, known, n=1, cutoff=0.7)
            hint = f"did you mean --{near[0]}?" if near else f"see {self.prog} --help"
            return f"unrecognized option {first!r}: {hint}"

    return _CommandParser


@contextlib.contextmanager
def _reported(name: str) -> Iterator[None]:
    """A failed write to ``name`` as :class:`StreamError`; a broken pipe stays one (the
    reader went away: handled apart, silently)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StreamError(name, exc) from None


class _BinaryOutput:
    """A binary stream whose failed writes are reported as :class:`StreamError`."""

    def __init__(self, stream: object, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, data: bytes) -> int:
        with _reported(self._name):
            return int(self._stream.write(data))  # type: ignore[attr-defined]

    def flush(self) -> None:
        with _reported(self._name):
            self._stream.flush()  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


class _OutputStream(_BinaryOutput):
    """Standard output or error that reports a failed write (a full disk, a closed terminal)
    as :class:`StreamError` instead of an ``OSError`` from wherever the print happened."""

    def __init__(self, stream: object, name: str, escape: bool = False) -> None:
        super().__init__(stream, name)
        # On a terminal, whatever a command prints from a cable or a file name cannot drive
        # the terminal (escape sequences, bidi overrides): shown escaped. Pipes and files get
        # the text as it is.
        self._escape = escape

    def write(self, text: str) -> int:  # type: ignore[override]
        if self._escape:
            from workbench.safeio import for_terminal

            text = for_terminal(text)
        with _reported(self._name):
            return int(self._stream.write(text))  # type: ignore[attr-defined]

    @property
    def buffer(self) -> _BinaryOutput:
        """The binary stream under it (``parse`` writes JSON bytes), guarded the same way."""
        return _BinaryOutput(self._stream.buffer, self._name)  # type: ignore[attr-defined]


class StreamError(Exception):
    def __init__(self, name: str, exc: OSError) -> None:
        from workbench.safeio import os_reason

        super().__init__(f"cannot write to {name}: {os_reason(exc)}.")


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return False


def _quiet_streams() -> None:
    """Point stdout at /dev/null so Python's own flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _no_closed_streams() -> None:
    """Run by ``workbench ... <&- >&-``, Python has no stdin or stdout at all (None): give it
    /dev/null instead, so a command reads nothing or writes into the void rather than
    failing on ``None.buffer``."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            with contextlib.suppress(OSError):
                setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115


def _say(message: str) -> None:
    from workbench.safeio import for_terminal

    try:
        sys.stderr.write(f"workbench: {for_terminal(message, one_line=True)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it


def _end_workers() -> None:
    """After a Ctrl-C, make sure no worker process is left waiting: Python's exit waits for
    each (multiprocessing joins its children, concurrent.futures its pool's thread), and a
    worker waiting for work that never came kept `check` from ending after "interrupted" (seen
    once under load). A worker that ends on its own within 3 s is left to do so (it finishes
    its atomic writes); one still there is stopped."""
    mp = sys.modules.get("multiprocessing")
    if mp is None:
        return
    import time

    deadline = time.monotonic() + 3
    for stop in ("wait", "terminate", "kill"):
        left = mp.active_children()
        if not left:
            return
        for p in left:
            if stop == "wait":
                p.join(max(0.0, deadline - time.monotonic()))
            else:
                with contextlib.suppress(Exception):
                    getattr(p, stop)()
                p.join(2)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(args_list)
    except KeyboardInterrupt:
        _say("interrupted")
        _end_workers()
        return 130


def _main(args_list: list[str]) -> int:
    from workbench.safeio import InputError, OutputError, guard
    from workbench.safeio.signals import Terminated, install

    if not args_list:
        args_list = ["gui"]
    guard.forget_all()  # one command, one set of inputs (tests call main many times)
    restore_signals = lambda: None  # noqa: E731
    if args_list[0] != "gui":
        # The window handles its own signals in Qt's event loop (a Python exception raised
        # there is printed and ignored).
        restore_signals = install()
    _no_closed_streams()
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            continue
        # A cable's text or a file name that is not valid Unicode is printed escaped, never
        # a UnicodeEncodeError.
        if hasattr(stream, "reconfigure"):
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(errors="backslashreplace")
        if not isinstance(stream, _OutputStream):
            escape = name == "stdout" and _isatty(stream)
            label = "standard output" if name == "stdout" else "standard error"
            setattr(sys, name, _OutputStream(stream, label, escape))
    _take_settings_problem()  # one command, one note (tests call main many times)
    try:
        try:
            code = _dispatch(args_list)
            sys.stdout.flush()
            return code
        finally:
            restore_signals()
            problem = _take_settings_problem()
            if problem:
                _say(f"note: {problem}")
            for name in ("stdout", "stderr"):
                stream = getattr(sys, name)
                if isinstance(stream, _OutputStream):
                    setattr(sys, name, stream._stream)
    except KeyboardInterrupt:
        _say("interrupted")
        _end_workers()
        return 130
    except Terminated as exc:
        _say("stopped by a signal; nothing was left half-written")
        return exc.exit_code
    except BrokenPipeError:
        # `workbench parse ... | head`: the reader left; that is not an error of ours.
        _quiet_streams()
        return 0
    except StreamError as exc:
        _quiet_streams()
        _say(str(exc))
        return 1
    except (InputError, OutputError) as exc:
        _say(str(exc))
        return 1
    except MemoryError:
        _say(
            "the computer ran out of memory: give fewer or smaller files, or fewer --jobs, "
            "and try again"
        )
        return 1
    except OSError as exc:
        # A file the command did not expect to fail (a path too long, a disk error): name it.
        from workbench.safeio import os_reason

        if exc.filename is None:
            return _crash(exc, args_list)
        _say(f"cannot use {exc.filename}: {os_reason(exc)}.")
        return 1
    except Exception as exc:
        return _crash(exc, args_list)


def _take_settings_problem() -> str | None:
    """What was wrong with the settings file, once; nothing when no settings were read (the
    module is not imported then: ``parse`` and ``check`` need no settings, nor platformdirs)."""
    settings = sys.modules.get("workbench.settings")
    return settings.take_problem() if settings is not None else None


def _command_named(args_list: list[str]) -> str | None:
    """The command ``args_list`` runs when it is plainly given first (``parse ...``), else
    ``None`` (options first, ``--help``, a typo): then the whole parser is built."""
    first = args_list[0] if args_list else ""
    return first if first in COMMANDS else None


def _dispatch(args_list: list[str]) -> int:
    parser = build_parser(_command_named(args_list))
    args = parser.parse_args(args_list)
    if args.self_test:
        from workbench.commands.selftest import run_self_test

        args._run = lambda _args: run_self_test()
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    return int(args._run(args) or 0)


def _crash(exc: BaseException, argv: list[str]) -> int:
    from workbench.crashreport import write_crash_report

    report = write_crash_report(exc, argv)
    where = f"the details are in {report}" if report else "no crash report could be written"
    _say(
        f"an unexpected error stopped the command ({type(exc).__name__}); {where}: please "
        "send it to the workbench's developers with the file that caused it, if you can"
    )
    return 1


def gui_main() -> int:
    """Entry point of the GUI script: the window, whatever else is asked."""
    return main(["gui", *sys.argv[1:]])
