"""Text from cables and file names made safe to print on a terminal.

A cable (or a file name) can hold terminal control sequences (``ESC [ 2 J`` clears the
screen, OSC 52 writes the clipboard) and bidirectional-override characters that make a
terminal show text in another order than it is stored ("Trojan Source", CVE-2021-42574). They
are shown escaped instead, as ``\\x1b`` or ``\\u202e``. Names with bytes that are not UTF-8
(which Python holds as lone surrogates) show those bytes as ``\\xNN``.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL and the C1 controls, the bidirectional formatting
# characters (Unicode's UAX #9: LRM, RLM, ALM, LRE..RLO, LRI..PDI), line and paragraph
# separators, the byte-order mark, and surrogates.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff]"
)
_UNSAFE_LINES = re.compile(_UNSAFE.pattern.replace("\x0b-\x1f", "\x0a-\x1f"))


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    if 0xDC80 <= c <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{c - 0xDC00:02x}"
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def for_terminal(text: str, one_line: bool = False) -> str:
    """``text`` with every control and bidi character escaped (newlines too if ``one_line``)."""
    return (_UNSAFE_LINES if one_line else _UNSAFE).sub(_escape, text)


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def json_for_terminal(text: str) -> str:
    """JSON text with the same characters written as ``\\uXXXX`` escapes: the same JSON
    value, safe on a terminal. (Outside strings JSON is ASCII, so only strings change.)"""
    return _UNSAFE.sub(_json_escape, text)


# The same characters in UTF-8 JSON bytes (orjson writes them raw; it escapes C0 itself),
# by their lead byte: each byte, and the sequences starting with it.
_UNSAFE_UTF8_BY_LEAD = (
    (b"\x7f", rb"\x7f"),
    (b"\xc2", rb"\xc2[\x80-\x9f]"),
    (b"\xd8", rb"\xd8\x9c"),
    (b"\xe2", rb"\xe2(?:\x80[\x8e\x8f\xa8-\xae]|\x81[\xa6-\xa9])"),
    (b"\xef", rb"\xef\xbb\xbf"),
)
_UNSAFE_UTF8 = re.compile(b"|".join(seq for _, seq in _UNSAFE_UTF8_BY_LEAD))
# Whether any is there, looked for lead byte by lead byte: ``bytes in`` finds one byte at
# memory speed, and a pattern with one literal start nearly as fast, where the whole set
# above is tried at every byte (~4x slower). Nearly all cables hold none: ``parse`` then
# returns its JSON as orjson wrote it.
_UNSAFE_UTF8_CHECKS = tuple((lead, re.compile(seq).search) for lead, seq in _UNSAFE_UTF8_BY_LEAD)


def _json_escape_bytes(m: re.Match[bytes]) -> bytes:
    return f"\\u{ord(m.group().decode('utf-8')):04x}".encode()


def json_bytes_for_terminal(data: bytes) -> bytes:
    """:func:`json_for_terminal` for UTF-8 JSON bytes."""
    for lead, found in _UNSAFE_UTF8_CHECKS:
        if lead in data and found(data):
            return _UNSAFE_UTF8.sub(_json_escape_bytes, data)
    return data
