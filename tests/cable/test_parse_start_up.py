"""``workbench parse`` starts without importing what it does not use (issue 14's speed aim is
counted start-up included: a small parse was mostly imports)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "07SEOUL219.txt"

# Run ``workbench parse`` in a fresh interpreter, then list what it imported.
_PROBE = """
import io, sys
from workbench.cli import main
sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
code = main(sys.argv[1:])
sys.stdout = sys.__stdout__
print(code)
print(" ".join(sorted(sys.modules)))
"""


def _imported(*args: str) -> tuple[int, set[str]]:
    r = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, cwd=ROOT
    )
    assert r.returncode == 0, r.stderr
    code, modules = r.stdout.splitlines()[-2:]
    return int(code), set(modules.split())


def test_parse_imports_no_other_command_nor_unused_libraries() -> None:
    code, modules = _imported("parse", str(SAMPLE), "--jobs", "1")
    assert code == 0
    commands = {m for m in modules if m.startswith("workbench.commands.")}
    assert commands == {"workbench.commands.common", "workbench.commands.parse"}, commands
    # multiprocessing only for a pool; settings (platformdirs) and SQLite are never needed.
    for unused in ("multiprocessing", "workbench.settings", "platformdirs", "sqlite3"):
        assert unused not in modules, unused


def test_the_whole_command_line_is_still_there_for_help_and_typos() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert r.returncode == 0
    for name in ("gui", "parse", "review", "check", "export", "verify", "index", "store"):
        assert f"    {name} " in r.stdout, name
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "prase", str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 2 and "invalid choice: 'prase'" in r.stderr, r.stderr
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "parse", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 0 and "usage: workbench parse" in r.stdout and "--jobs" in r.stdout
