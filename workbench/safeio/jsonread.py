"""JSON from users' files: bounded nesting, strict numbers, and only valid Unicode.

Python's ``json`` raises ``RecursionError`` on arrays nested about a thousand deep, accepts
``NaN`` and ``Infinity``, and lets ``"\\ud800"`` (a lone surrogate) through, which later fails
in SQLite, ReportLab or on the terminal. Every such file is refused here, in one sentence.
"""

from __future__ import annotations

import json
from typing import Any

from workbench.safeio.reading import InputError

# The decisions file and code sets are at most five levels deep; 64 leaves room for anything
# a person or script writes on purpose.
MAX_DEPTH = 64


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json(data: bytes | str, name: str, what: str = "JSON file") -> Any:
    """The value in ``data`` (the contents of the file ``name``), or :class:`InputError`."""
    if isinstance(data, bytes):
        if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(f"{name} is a binary file, not a {what}: give the JSON file.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{name} is not UTF-8 text: save the {what} as UTF-8.") from None
    else:
        text = data
    if not text.strip():
        raise InputError(f"{name} is empty: give a {what} with something in it.")
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise InputError(f"{name} is nested too deeply to be a {what}: fix the file.") from None
    except ValueError as exc:
        raise InputError(f"{name} is not valid JSON ({exc}): fix the file.") from None
    _check(value, name, what)
    return value


def _check(value: Any, name: str, what: str) -> None:
    """Depth and Unicode, walked without recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, str):
            _check_text(v, name)
        elif isinstance(v, (dict, list)):
            if depth > MAX_DEPTH:
                raise InputError(
                    f"{name} is nested more than {MAX_DEPTH} levels deep, which no {what} "
                    "is: fix the file."
                )
            if isinstance(v, dict):
                for k, item in v.items():
                    _check_text(k, name)
                    stack.append((item, depth + 1))
            else:
                stack.extend((item, depth + 1) for item in v)


def _check_text(s: str, name: str) -> None:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = s[exc.start]
        raise InputError(
            f"{name} holds \\u{ord(bad):04x}, half of a surrogate pair, which is not a "
            "character: fix the text around it."
        ) from None
