"""Turning the bytes of a file into cable text, or a clear reason why not."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workbench.safeio import InputError, read_limited

# A real cable is a few kilobytes; the longest in Cablegate are a few hundred.  Past this the
# file is almost certainly not a cable, and reading it whole would only waste memory.
MAX_CABLE_BYTES = 8 * 1024 * 1024

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class CableError(Exception):
    """A file that cannot be read as a cable. The message is one sentence for the user."""


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode cable bytes; return ``(text, encoding)`` with line endings normalised to ``\\n``.

    A byte-order mark decides first (Notepad saves "Unicode" as UTF-16 with one; UTF-32 is
    rarer). Without one, UTF-8 is tried (cables from the web mirrors), then Windows-1252, the
    other encoding users meet (files saved by Windows tools, where the pilcrow is byte 0xB6).
    """
    # (``isspace`` where ``strip`` was: the same test on the same white space, without
    # copying the whole file to make it.)
    if not data or data.isspace():
        raise CableError(f"{name} is empty: open a file that holds the text of a cable.")
    if b"%PDF-" in data[:1024]:  # the header may follow up to 1 KB of junk (ISO 32000-1 7.5.2)
        raise CableError(
            f"{name} is a PDF, not a cable: give the cable's text file (to check a release "
            "PDF, use `workbench verify`)."
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # Characters that do not decode (a lone surrogate) show as U+FFFD, as in cp1252.
            text = data[len(bom) :].decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data[:8192]:
            raise CableError(
                f"{name} is a binary file, not cable text: open the cable's .txt file instead."
            )
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    if "\x00" in text:
        raise CableError(
            f"{name} is a binary file, not cable text: open the cable's .txt file instead."
        )
    if not text or text.isspace():
        raise CableError(f"{name} is empty: open a file that holds the text of a cable.")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def read_cable_bytes(path: str | Path, name: str | None = None) -> bytes:
    """The bytes of the cable file at ``path``, or :class:`CableError` with a user sentence.

    ``name`` is what the sentence calls the file (default: ``path``): a cluster worker opens
    the file by its absolute path but reports the path the user gave.

    Only regular files are read (a FIFO or a device is named and refused, never opened for
    a blocking read), at most :data:`MAX_CABLE_BYTES` of them, checked before reading. The
    file is remembered as an input that no output of this run may replace.
    """
    p = path
    shown = name if name is not None else str(Path(p))
    try:
        return read_limited(p, MAX_CABLE_BYTES, "cable", role="a cable", name=shown)
    except InputError as exc:
        refused = str(exc)
    # Why it was refused, in the words of a cable reader: looked at only once a read failed
    # (a stat of every file before reading it was a tenth of reading the corpus).
    try:
        is_dir = stat.S_ISDIR(os.stat(p).st_mode)
    except FileNotFoundError:
        raise CableError(f"{shown} does not exist: check the path.") from None
    except (OSError, ValueError):
        is_dir = False  # read_limited said what is wrong with the path
    if is_dir:
        if not os.access(p, os.R_OK | os.X_OK):
            raise CableError(f"{shown} cannot be read (permission denied): check its permissions.")
        if os.path.islink(p):  # met in a folder's walk, which does not follow such links
            raise CableError(
                f"{shown} is a link to a folder, which a folder's check does not follow (it "
                "could lead back up the tree): name it on the command line to check it too."
            )
        raise CableError(f"{shown} is a folder: give one cable file here.")
    raise CableError(refused)


def read_cable_text(path: str | Path) -> tuple[str, str]:
    """Read and decode the file at ``path``; raise :class:`CableError` with a user sentence."""
    name = str(Path(path))
    return decode_bytes(read_cable_bytes(path, name), name)
