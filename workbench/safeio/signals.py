"""Signals: SIGTERM and SIGHUP stop a command as Ctrl-C does, cleaning up on the way out.

By default SIGTERM and SIGHUP end Python at once, without running ``finally`` blocks, so a
report being written stays behind as a temporary file. :func:`install` makes them raise
:class:`Terminated` in the main thread instead, so every ``with`` and ``finally`` on the way
out runs (temporary files removed, worker pools shut down, the store's transaction rolled
back). A second signal while that happens removes the temporary files and exits at once.

Worker processes (:func:`worker_start`) never act on Ctrl-C themselves (the parent stops the
run); on SIGTERM or SIGHUP they remove their own temporary files and exit; and they die with
their parent, so ``kill -9`` of ``workbench check`` leaves no worker running.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from workbench.safeio.holding import HELD
from workbench.safeio.holding import held as held
from workbench.safeio.writing import cleanup_temp_files

STOP_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s
)


class Terminated(BaseException):
    """The process was asked to stop by ``signum``; caught only at the top level."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _stop(signum: int, frame: FrameType | None) -> None:
    # From now on a second stop signal (or Ctrl-C) means "now": no more cleaning up.
    for s in (*STOP_SIGNALS, signal.SIGINT):
        with contextlib.suppress(ValueError, OSError):
            signal.signal(s, _stop_now)
    raise Terminated(signum)


def _stop_now(signum: int, frame: FrameType | None) -> None:
    cleanup_temp_files()
    os._exit(128 + signum)


def install() -> Callable[[], None]:
    """Make SIGTERM and SIGHUP raise :class:`Terminated` (main thread of the CLI only); the
    function returned puts the previous handlers back (``main`` called in-process, by tests).

    A signal the caller chose to ignore (``nohup`` ignores SIGHUP) stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    before = {s: signal.getsignal(s) for s in (*STOP_SIGNALS, signal.SIGINT)}
    hook = sys.unraisablehook
    sys.unraisablehook = _unraisable(hook)
    for s in STOP_SIGNALS:
        with contextlib.suppress(ValueError, OSError):
            if before[s] != signal.SIG_IGN:
                signal.signal(s, _stop)

    def restore() -> None:
        sys.unraisablehook = hook
        for s, handler in before.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(s, handler)

    return restore


def _unraisable(hook: Callable[[Any], None]) -> Callable[[Any], None]:
    """A Ctrl-C (or a stop signal) that lands where Python cannot raise it (a callback run
    at fork, a finaliser) is "ignored" with a traceback, and the command goes on. The user
    asked to stop: so stop, cleanly, there."""

    def handle(info: Any) -> None:
        if isinstance(info.exc_value, (KeyboardInterrupt, Terminated)):
            cleanup_temp_files()
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write("workbench: interrupted\n")
                sys.stderr.flush()
            code = info.exc_value.exit_code if isinstance(info.exc_value, Terminated) else 130
            os._exit(code)
        hook(info)

    return handle


def _worker_stop(signum: int, frame: FrameType | None) -> None:
    cleanup_temp_files()
    os._exit(128 + signum)


def worker_start() -> None:
    """Initializer of every worker process (``check``, ``parse``, ``export``)."""
    # Ctrl-C reaches every process of the terminal's group; only the parent acts on it (it
    # stops the run and lets the running tasks finish whole).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for s in STOP_SIGNALS:
        signal.signal(s, _worker_stop)
    # A worker forked inside held() (a pool's first submit) inherits the held mask: unblocked,
    # or the pool's SIGTERM to a survivor after another worker died would never arrive.
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)
    die_with_parent()


def die_with_parent() -> None:
    """Have the kernel kill this process when its parent dies, whatever killed the parent."""
    # The parent now (a fork server's child has the server as parent, not the command).
    expected = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            _watch_parent(expected)
    else:
        _watch_parent(expected)
    if expected == 1 or os.getppid() != expected:  # the parent died before the kernel was told
        os._exit(1)


def _watch_parent(expected: int) -> None:
    def watch() -> None:
        while os.getppid() == expected:
            time.sleep(1.0)
        cleanup_temp_files()
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()
