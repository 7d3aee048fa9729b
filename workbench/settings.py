"""User settings and where the workbench keeps its files.

A small JSON file in the user's config directory (``platformdirs``), not ``QSettings``, so the
CLI, the GUI and tests share one Qt-free place. ``WORKBENCH_HOME`` moves everything under one
folder (tests use it; so can a portable install).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import MISSING, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

# A settings file is a few hundred bytes; anything past this is not one.
MAX_SETTINGS_BYTES = 1024 * 1024

APP = "declassification-workbench"

# What was wrong with the settings file when it was last read (None: nothing), for the CLI
# to say once: a setting silently replaced by its default (``"store": 5``: the reviews go
# to another store) would surprise the user later.
_problem: str | None = None
# The file could not be read at all: ``save`` keeps it aside instead of replacing it.
_UNREADABLE = object()


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
        by another version) takes its default; the others are kept. What was wrong is kept
        for :func:`take_problem` (the CLI says it once, as a note).
        """
        global _problem
        from workbench.safeio import InputError, parse_json, read_limited

        path = settings_path()
        if not path.exists():
            return cls()
        try:
            raw = parse_json(read_limited(path, MAX_SETTINGS_BYTES, "settings file"), str(path))
        except InputError as exc:
            _problem = (
                f"{_unreadable(exc)}, so the defaults were used: fix it, or delete it to start "
                "afresh (a change saved now keeps it as settings.json.unreadable)"
            )
            return cls()
        if not isinstance(raw, dict):
            _problem = (
                f"the settings file {path} holds no settings (not a JSON object), so the "
                "defaults were used: fix it, or delete it to start afresh"
            )
            return cls()
        values: dict[str, Any] = {}
        wrong = []
        for f in fields(cls):
            if f.name not in raw:
                continue
            default = f.default if f.default is not MISSING else f.default_factory()  # type: ignore[misc,operator]
            value = raw[f.name]
            if isinstance(default, list):
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    values[f.name] = value
                else:
                    wrong.append(f.name)
            elif isinstance(value, type(default)):
                values[f.name] = value
            else:
                wrong.append(f.name)
        if wrong:
            names = ", ".join(f'"{n}"' for n in wrong)
            kind = "is not of the right kind" if len(wrong) == 1 else "are not of the right kind"
            _problem = (
                f"in the settings file {path}, {names} {kind}, so the default was used: fix the "
                "file (docs/guide.md lists the settings)"
            )
        return cls(**values)

    def save(self) -> None:
        """Write atomically: a crash mid-write never leaves a half-written settings file.

        Settings this version does not know (written by a newer one) are kept; a file that
        cannot be read at all is kept beside it as ``settings.json.unreadable``, never lost.
        Raises :class:`~workbench.safeio.OutputError` (an ``OSError``) with one sentence when
        the folder cannot be written (a full disk, a read-only home).
        """
        from workbench.safeio import make_folder, write_atomic

        path = settings_path()
        make_folder(path.parent)
        data: dict[str, Any] = {}
        existing = _read_existing(path)
        if isinstance(existing, dict):
            known = {f.name for f in fields(self)}
            data = {k: v for k, v in existing.items() if k not in known}
        elif existing is not None:
            with contextlib.suppress(OSError):
                os.replace(path, path.with_name(path.name + ".unreadable"))
        data.update(asdict(self))
        write_atomic(path, json.dumps(data, indent=2))

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


def take_problem() -> str | None:
    """What was wrong with the settings file since the last call (None: nothing)."""
    global _problem
    problem, _problem = _problem, None
    return problem


def _unreadable(exc: Exception) -> str:
    """The reader's sentence without its closing advice ("...: fix the file")."""
    text = str(exc).rstrip(".")
    head, sep, tail = text.rpartition(": ")
    if sep and "(" not in tail:
        text = head
    return text or "the settings file cannot be read"


def _read_existing(path: Path) -> object:
    """The settings file's JSON value; None when there is none; ``_UNREADABLE`` otherwise."""
    from workbench.safeio import InputError, parse_json, read_limited

    if not path.exists():
        return None
    try:
        return parse_json(read_limited(path, MAX_SETTINGS_BYTES, "settings file"), str(path))
    except InputError:
        return _UNREADABLE
