"""User settings and where the workbench keeps its files.

A small JSON file in the user's config directory (``platformdirs``), not ``QSettings``, so the
CLI, the GUI and tests share one Qt-free place. ``WORKBENCH_HOME`` moves everything under one
folder (tests use it; so can a portable install).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP = "declassification-workbench"


def config_dir() -> Path:
    home = os.environ.get("WORKBENCH_HOME")
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    home = os.environ.get("WORKBENCH_HOME")
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP))


def default_store_path() -> Path:
    """The review store used when no ``--store`` is given."""
    return data_dir() / "reviews.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass
class Settings:
    reviewer: str = ""
    code_set: str = "foia"  # name of the exemption code set offered first
    default_codes: list[str] = field(default_factory=lambda: ["(b)(1)", "1.4(d)"])
    case_number: str = ""
    authority: str = ""
    agency: str = "U.S. Department of State"
    recent_files: list[str] = field(default_factory=list)
    custom_code_sets: list[str] = field(default_factory=list)  # paths of imported code-set files
    # The review store used when no --store is given: a SQLite file, or a team's
    # postgresql:// URL (never with a password: libpq reads those from ~/.pgpass).
    store: str = ""

    @property
    def first_run(self) -> bool:
        return not settings_path().exists()

    @classmethod
    def load(cls) -> Settings:
        """The saved settings; defaults when there are none or the file is unreadable."""
        try:
            raw = json.loads(settings_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self) -> None:
        """Write atomically: a crash mid-write never leaves a half-written settings file."""
        path = settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(asdict(self), f, indent=2)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def add_recent(self, path: str, limit: int = 10) -> None:
        p = str(Path(path).resolve())
        self.recent_files = [p, *[r for r in self.recent_files if r != p]][:limit]


def reviewer_name(explicit: str | None = None) -> str:
    """Who is making a change: ``--reviewer``, then settings, then the login name."""
    if explicit:
        return explicit
    name = Settings.load().reviewer
    if name:
        return name
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER", "unknown")
