"""User settings and where the workbench keeps its files.

A small JSON file in the user's config directory (``platformdirs``), not ``QSettings``, so the
CLI, the GUI and tests share one Qt-free place. ``WORKBENCH_HOME`` moves everything under one
folder (tests use it; so can a portable install).
"""

from __future__ import annotations

import json
import os
from dataclasses import MISSING, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

# A settings file is a few hundred bytes; anything past this is not one.
MAX_SETTINGS_BYTES = 1024 * 1024

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
        """The saved settings; defaults when there are none or the file is unreadable.

        A setting of the wrong type (``"custom_code_sets": null``, edited by hand or written
        by another version) takes its default; the others are kept.
        """
        from workbench.safeio import InputError, parse_json, read_limited

        path = settings_path()
        try:
            raw = parse_json(read_limited(path, MAX_SETTINGS_BYTES, "settings file"), str(path))
        except InputError:
            return cls()
        if not isinstance(raw, dict):
            return cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            default = f.default if f.default is not MISSING else f.default_factory()  # type: ignore[misc,operator]
            value = raw[f.name]
            if isinstance(default, list):
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    values[f.name] = value
            elif isinstance(value, type(default)):
                values[f.name] = value
        return cls(**values)

    def save(self) -> None:
        """Write atomically: a crash mid-write never leaves a half-written settings file.

        Raises :class:`~workbench.safeio.OutputError` (an ``OSError``) with one sentence when
        the folder cannot be written (a full disk, a read-only home).
        """
        from workbench.safeio import make_folder, write_atomic

        path = settings_path()
        make_folder(path.parent)
        write_atomic(path, json.dumps(asdict(self), indent=2))

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
