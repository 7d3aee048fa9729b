"""When the workbench itself fails: the details go to a file, the user gets one sentence.

A traceback on the terminal tells a reviewer nothing and can show text of the cable being read;
the report file keeps it for whoever fixes the bug. Reports are written to ``crash-reports`` in
the data folder (or the system's temporary folder when that cannot be written), named by time.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path


def crash_dir() -> Path:
    from workbench.settings import data_dir

    return data_dir() / "crash-reports"


def write_crash_report(exc: BaseException, argv: list[str]) -> Path | None:
    """Write the report of ``exc``; its path, or None if no folder would take it."""
    from workbench import __version__

    now = datetime.now(UTC)
    lines = [
        f"Declassification Workbench {__version__} crash report",
        f"time: {now.isoformat()}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        f"command: workbench {' '.join(argv)}",
        "",
        *traceback.format_exception(exc),
    ]
    text = "\n".join(line.rstrip("\n") for line in lines) + "\n"
    name = f"crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    for folder in _folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            with open(path, "x", encoding="utf-8", errors="backslashreplace") as f:
                f.write(text)
            return path
        except OSError:
            continue
    return None


def _folders() -> list[Path]:
    out = []
    with contextlib.suppress(Exception):  # the settings module itself may be what failed
        out.append(crash_dir())
    out.append(Path(tempfile.gettempdir()) / "workbench-crash-reports")
    return out
