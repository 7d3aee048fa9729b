"""Turning the bytes of a file into cable text, or a clear reason why not."""

from __future__ import annotations

import os
from pathlib import Path

# A real cable is a few kilobytes; the longest in Cablegate are a few hundred.  Past this the
# file is almost certainly not a cable, and reading it whole would only waste memory.
MAX_CABLE_BYTES = 8 * 1024 * 1024


class CableError(Exception):
    """A file that cannot be read as a cable. The message is one sentence for the user."""


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode cable bytes; return ``(text, encoding)`` with line endings normalised to ``\\n``.

    UTF-8 is tried first (cables from the web mirrors); Windows-1252 is the other encoding
    users meet (files saved by Windows tools, where the pilcrow is byte 0xB6).
    """
    if not data.strip():
        raise CableError(f"{name} is empty: open a file that holds the text of a cable.")
    if b"\x00" in data[:8192]:
        raise CableError(
            f"{name} is a binary file, not cable text: open the cable's .txt file instead."
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def read_cable_bytes(path: str | Path, name: str | None = None) -> bytes:
    """The bytes of the cable file at ``path``, or :class:`CableError` with a user sentence.

    ``name`` is what the sentence calls the file (default: ``path``): a cluster worker opens
    the file by its absolute path but reports the path the user gave.
    """
    p = Path(path)
    shown = name if name is not None else str(p)
    try:
        size = p.stat().st_size
        if p.is_dir():
            if not os.access(p, os.R_OK | os.X_OK):
                raise CableError(
                    f"{shown} cannot be read (permission denied): check its permissions."
                )
            raise CableError(f"{shown} is a folder: give a cable file, or a folder to check.")
        if size > MAX_CABLE_BYTES:
            raise CableError(
                f"{shown} is {size // (1024 * 1024)} MB, far larger than any cable: "
                "check that it is the right file."
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise CableError(f"{shown} does not exist: check the path.") from None
    except IsADirectoryError:
        raise CableError(f"{shown} is a folder: give a cable file, or a folder to check.") from None
    except PermissionError:
        raise CableError(
            f"{shown} cannot be read (permission denied): check its permissions."
        ) from None
    except OSError as exc:
        raise CableError(
            f"{shown} cannot be read ({exc.strerror or exc}): check the file."
        ) from None


def read_cable_text(path: str | Path) -> tuple[str, str]:
    """Read and decode the file at ``path``; raise :class:`CableError` with a user sentence."""
    return decode_bytes(read_cable_bytes(path), str(Path(path)))
