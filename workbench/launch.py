"""The entry points of the installed commands (``workbench``, ``workbench-gui``) and of
``python -m workbench``: everything the workbench loads is loaded here, inside a handler.

A Ctrl-C pressed while Python is still loading the program used to end in a traceback (the
console script imported ``workbench.cli`` outside any handler), or worse: orjson segfaults
when a KeyboardInterrupt is raised inside its module set-up, so the program is loaded
with Ctrl-C held (from this module's first function on), and a Ctrl-C pressed meanwhile
arrives afterwards as exit 130. Only this module and the
package's ``__init__`` (one constant) load before the handler; the interpreter's own start-up
(``site``, the first tens of milliseconds) is out of any program's reach.
"""

from __future__ import annotations


def main() -> int:
    """``workbench [COMMAND ...]``."""
    return _launch(gui=False)


def gui_main() -> int:
    """``workbench-gui``: the window, whatever else is asked."""
    return _launch(gui=True)


def _launch(gui: bool) -> int:
    try:
        # Ctrl-C (and SIGTERM, SIGHUP) held from the first line over every import: a Ctrl-C
        # that lands in one of importlib's own callbacks (a module lock's weakref callback) is
        # "ignored" with a traceback and the import goes on, out of reach of any handler, and
        # orjson segfaults when interrupted in its set-up. Held, it arrives after the block
        # as a KeyboardInterrupt, here. Only the signal module is imported before (built in).
        import signal

        held = {getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)}
        block = getattr(signal, "pthread_sigmask", None)
        before = block(signal.SIG_BLOCK, held) if block else None
        for s in held - {signal.SIGINT}:
            # A SIGTERM or SIGHUP held meanwhile ends the program as once it runs (128 + N),
            # not by the default action (killed by the signal); one ignored (nohup) stays so.
            if signal.getsignal(s) == signal.SIG_DFL:
                signal.signal(s, _exit_on_signal)
        try:
            import orjson  # noqa: F401

            from workbench import cli
        finally:
            if block and before is not None:
                block(signal.SIG_SETMASK, before)
    except KeyboardInterrupt:  # Ctrl-C while Python was still loading the workbench
        return 130
    return cli.gui_main() if gui else cli.main()


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
