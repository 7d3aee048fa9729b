"""`workbench --help` and every subcommand's help run, and the user guide covers every command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli import run_workbench

from workbench.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide.md"


def test_top_level_help_lists_every_command():
    r = run_workbench("--help")
    assert r.returncode == 0, r.stderr
    assert "--self-test" in r.stdout
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s", r.stdout, re.M), f"{name} not in --help"


def test_version():
    from workbench import __version__

    r = run_workbench("--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"workbench {__version__}"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_subcommand_help(name: str):
    r = run_workbench(name, "--help")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"usage: workbench {name}"), r.stdout[:200]
    assert not r.stderr


def _guide_commands() -> set[str]:
    """Subcommands the guide names: `workbench NAME` anywhere in it."""
    text = GUIDE.read_text(encoding="utf-8")
    return set(re.findall(r"\bworkbench ([a-z][a-z-]*)", text))


@pytest.mark.parametrize("name", list(COMMANDS))
def test_guide_mentions_subcommand(name: str):
    assert name in _guide_commands(), f"docs/guide.md never shows `workbench {name}`"


def test_guide_names_no_missing_command():
    # A command the guide tells users to type must exist (catches renamed commands). Only
    # code is checked: lines of code blocks and `inline code`.
    text = GUIDE.read_text(encoding="utf-8")
    typed = set(re.findall(r"^\s*(?:\$\s+)?workbench ([a-z][a-z-]*)", text, re.M))
    typed |= set(re.findall(r"`workbench ([a-z][a-z-]*)", text))
    unknown = typed - set(COMMANDS)
    assert not unknown, f"the guide uses commands that do not exist: {sorted(unknown)}"


def _guide_code_spans() -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", GUIDE.read_text(encoding="utf-8")))


def test_guide_explains_every_finding_status_and_basis():
    from workbench.declass import BASES, CODES, STATUSES

    documented = _guide_code_spans()
    for kind, names in (("finding", CODES), ("status", STATUSES), ("basis", BASES)):
        missing = sorted(set(names) - documented)
        assert not missing, f"docs/guide.md does not explain the {kind} codes {missing}"


def test_window_without_a_display_says_so():
    # Without this, Qt aborts with a message about libxcb-cursor0, which is not the problem.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    r = subprocess.run(
        [sys.executable, "-m", "workbench"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
    )
    assert r.returncode == 2
    assert r.stderr.startswith("workbench: the window needs a desktop") and "xvfb-run" in r.stderr


@pytest.mark.parametrize(
    "argv, usage, sentence",
    [
        # newcomer 3, finding 18: these printed `usage: workbench [-h] [--version] ... COMMAND`
        (
            ["check", "cables", "--fromat", "csv"],
            "usage: workbench check ",
            "did you mean --format?",
        ),
        (
            ["check", "--bogus", "cables"],
            "usage: workbench check ",
            "unrecognized option '--bogus'",
        ),
        (["review", "show", "x.txt", "--sotre", "s"], "usage: workbench review show ", "--store?"),
        (["store", "check", "a", "b"], "usage: workbench store check ", "argument 'b'"),
    ],
)
def test_an_argument_error_shows_the_commands_own_usage(argv, usage, sentence):
    r = run_workbench(*argv)
    assert r.returncode == 2
    assert r.stderr.startswith(usage), r.stderr
    assert "usage: workbench [-h]" not in r.stderr
    (error,) = [line for line in r.stderr.splitlines() if "error:" in line]
    assert sentence in error
    assert error.startswith(f"{usage[7:].strip()}: error: "), error
