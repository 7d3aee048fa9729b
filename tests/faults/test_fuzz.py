"""Fuzz every subcommand with generated bad files (issue 12, item 6): exit code 0, 1 or 2, no
traceback and no crash report, no file changed that is not the output, finished within a bound.

A few dozen examples per subcommand run here, in this process (a subprocess each would cost a
second of start-up); ``tests/faults/campaign.py`` runs hundreds per subcommand, each in a
process of its own, and reports how many passed. Set ``WB_FUZZ_EXAMPLES`` to run more here.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzing import (
    COMMANDS,
    Command,
    Folder,
    cable_bytes,
    crash_reports,
    judge,
    run_in_process,
    snapshot,
)

EXAMPLES = int(os.environ.get("WB_FUZZ_EXAMPLES", "30"))
_counter = itertools.count()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Folder:
    return Folder.template(tmp_path_factory.mktemp("fuzz-template") / "t")


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | None]:
    """A full disk to send outputs to (root only; otherwise that choice is left out)."""
    folder = tmp_path_factory.mktemp("full-disk")
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", str(folder)], capture_output=True
    ).returncode:
        yield None
        return
    try:
        with open(folder / "filler", "wb", buffering=0) as f, contextlib.suppress(OSError):
            while True:
                f.write(b"x" * 4096)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)])


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_fuzz(
    command: Command,
    template: Folder,
    full_disk: Path | None,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    home = Path(os.environ["WORKBENCH_HOME"])
    base = tmp_path_factory.mktemp("fuzz")

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        # The same cases on every run, so CI is never red by luck; the campaign explores.
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def one(data: st.DataObject) -> None:
        folder = template.copy_to(base / f"ex{next(_counter)}")
        argv, outputs = command.build(data.draw, folder, full_disk)
        stdin = data.draw(cable_bytes()) if command.stdin and "-" in argv else b""
        before = snapshot(folder.root)
        reports = crash_reports(home)
        outcome = run_in_process(argv, stdin)
        after = snapshot(folder.root)
        new = crash_reports(home) - reports
        verdict = judge(outcome, before, after, folder.root, outputs, new, argv)
        assert verdict.ok, (argv, verdict.problems, outcome.code, outcome.stderr[-2000:])

    one()
