"""Where the bundled resources (sample cables, code sets, icons) are, in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource: the repository's ``resources/`` or, inside a PyInstaller
    bundle, ``sys._MEIPASS/resources``. The path may not exist; callers report that."""
    roots = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        roots.append(Path(meipass) / "resources")
    roots.append(Path(__file__).resolve().parent.parent / "resources")
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return roots[-1].joinpath(*parts)


def sample_cable() -> Path:
    """The sample cable the project started from, opened by plain ``workbench``."""
    return resource_path("samples", "07SEOUL219.txt")
