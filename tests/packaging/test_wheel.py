"""`pip install .` gives both scripts and the resources an installed workbench looks for."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_has_scripts_and_resources(tmp_path: Path):
    # Build from a copy: setuptools writes build/ and *.egg-info into the source tree. pip's
    # build isolation fetches setuptools and wheel, as `pip install .` on a user's machine does.
    src = tmp_path / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__"
        ),
    )
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "wheels"),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    (wheel,) = (tmp_path / "wheels").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[console_scripts]\nworkbench = workbench.launch:main" in text
    assert "[gui_scripts]\nworkbench-gui = workbench.launch:gui_main" in text
    data = [n.split(".data/data/", 1)[1] for n in names if ".data/data/" in n]
    assert "share/declassification-workbench/resources/samples/07SEOUL219.txt" in data
    assert any(n.startswith("share/applications/") and n.endswith(".desktop") for n in data)
    assert any(n.startswith("share/metainfo/") for n in data)
    assert any(n.startswith("share/icons/hicolor/256x256/apps/") for n in data)
    assert any(n.startswith("share/declassification-workbench/resources/icons/") for n in data)
    assert "workbench/__main__.py" in names
