"""Where the bundled resources (sample cables, code sets, fonts, icons) are found.

The same ``resources/`` folder reaches users three ways: in a source checkout it sits beside the
package; ``pip install .`` copies it to ``<prefix>/share/declassification-workbench/resources``
(``[tool.setuptools.data-files]`` in pyproject.toml); the PyInstaller bundle puts it in
``sys._MEIPASS``. Code asks here rather than guessing from ``__file__``.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = "declassification-workbench"


def resource_roots() -> list[Path]:
    """The places a resources folder may be, most specific first."""
    roots: list[Path] = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        roots.append(Path(meipass) / "resources")
    checkout = Path(__file__).resolve().parent.parent
    # Only a real checkout: site-packages/resources could belong to any package.
    if (checkout / "pyproject.toml").is_file():
        roots.append(checkout / "resources")
    roots.append(Path(sys.prefix) / "share" / APP / "resources")
    return roots


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("samples", "07SEOUL219.txt")``.

    The first root that has it; when none has it, the path under the first root (callers
    report a missing file in their own words).
    """
    roots = resource_roots()
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return roots[0].joinpath(*parts)


def sample_cable() -> Path:
    """The sample cable the project started from, opened by plain ``workbench``."""
    return resource_path("samples", "07SEOUL219.txt")
