"""Cable offsets (Python code points) <-> Qt document positions (UTF-16 code units).

The cable model's spans count code points; a QTextDocument counts UTF-16 units, so every
character outside the Basic Multilingual Plane shifts later positions by one. Cables almost
never hold such characters, so the common case costs one regex search.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if _ASTRAL.search(text) else []
        # Qt position of each astral character (each one before it adds a unit).
        self._qt_astral = [a + k for k, a in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_left(self._qt_astral, position - 1) if position else 0
