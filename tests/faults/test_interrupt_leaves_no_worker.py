"""A Ctrl-C never leaves the program waiting for a worker process at exit (a `check` once
printed "interrupted" and then never ended: Python's exit joins every child process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import multiprocessing, sys, time
    import workbench.cli as cli

    def interrupted(args):
        # A worker that would wait for ever, as one waiting for work that never comes.
        multiprocessing.get_context("fork").Process(target=time.sleep, args=(3600,)).start()
        raise KeyboardInterrupt

    cli._main = interrupted
    sys.exit(cli.main(["check", "x"]))
    """
)


def test_a_ctrl_c_ends_the_program_with_its_workers() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr.strip() == "workbench: interrupted"
