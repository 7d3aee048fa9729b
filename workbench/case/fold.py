"""The folded form in which a case compares texts, with the way back to the cable's offsets.

Two copies of one paragraph are "the same text" when their letters and digits agree, in order,
after Unicode NFKC and case folding: white space, line wrapping (also a word hyphenated over a
line end), punctuation, Markdown's markup and numbering labels (a region's body starts after
its label) and page-break lines inside a paragraph (the reader's noise spans) play no part.
Every folded character remembers the offset of the cable character it came from, so a span
decided in one copy is mapped to the same words in another.

Nearly every cable's letters and digits are ASCII (4 of the corpus's 2,002 have others):
those are folded with numpy in a few array operations; other texts word by word.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from workbench.cable.model import Cable

_WORD = re.compile(r"[^\W_]+")
# ASCII letters and digits: the characters the fast path keeps.
_ALNUM = np.zeros(256, dtype=bool)
for _c in b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz":
    _ALNUM[_c] = True


@dataclass(frozen=True, eq=False)
class Folded:
    """A cable's text folded: ``chars[i]`` came from ``text[offsets[i]]``. ``words`` are the
    (start, end) ranges in ``chars`` of the text's words, as written (for similarity)."""

    chars: str
    offsets: np.ndarray  # int64, ascending
    word_starts: np.ndarray  # int64: where each word starts in ``chars``
    word_ends: np.ndarray

    @property
    def words(self) -> list[tuple[int, int]]:
        return list(zip(self.word_starts.tolist(), self.word_ends.tolist(), strict=True))

    def index_range(self, start: int, end: int) -> tuple[int, int]:
        """The folded characters that came from ``text[start:end]``."""
        a, b = np.searchsorted(self.offsets, (start, end))
        return int(a), int(b)

    def slice(self, start: int, end: int) -> str:
        a, b = self.index_range(start, end)
        return self.chars[a:b]

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes of the words inside ``text[start:end]``."""
        a, b = self.index_range(start, end)
        x, y = np.searchsorted(self.word_starts, (a, b))
        return int(x), int(y)

    def word(self, i: int) -> tuple[int, int]:
        return int(self.word_starts[i]), int(self.word_ends[i])

    def source(self, a: int, b: int) -> tuple[int, int]:
        """The cable offsets of folded characters ``a``-``b`` (b exclusive, a < b)."""
        return int(self.offsets[a]), int(self.offsets[b - 1]) + 1


def fold(cable: Cable) -> Folded:
    """The whole cable folded, page-break lines inside paragraphs left out."""
    text = cable.text
    skips = sorted((s.start, s.end) for s in cable.noise)
    if not text.isascii():
        others = {ch for ch in set(text) if ord(ch) > 127}
        if any(_alnum(ch) for ch in others):
            return _fold_any(text, skips)
        # Only separators beyond ASCII (¶, dashes, curly quotes, no-break spaces): as spaces,
        # one for one, so every offset stays where it was.
        text = text.translate({ord(ch): " " for ch in others})
    return _fold_ascii(text, skips)


def _alnum(ch: str) -> bool:
    return any(c.isalnum() for c in unicodedata.normalize("NFKC", ch))


def _fold_ascii(text: str, skips: list[tuple[int, int]]) -> Folded:
    raw = text.encode("ascii")
    codes = np.frombuffer(raw, dtype=np.uint8)
    keep = _ALNUM[codes]
    for s, e in skips:
        keep[s:e] = False
    offsets = np.flatnonzero(keep).astype(np.int64)
    chars = codes[offsets].tobytes().decode("ascii").lower()
    if len(offsets) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Folded("", offsets, empty, empty)
    starts = np.flatnonzero(np.diff(offsets, prepend=-2) != 1).astype(np.int64)
    ends = np.append(starts[1:], len(offsets)).astype(np.int64)
    return Folded(chars, offsets, starts, ends)


def _fold_any(text: str, skips: list[tuple[int, int]]) -> Folded:
    chars: list[str] = []
    offsets: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    k = pos = 0
    for m in _WORD.finditer(text):
        s, e = m.start(), m.end()
        while k < len(skips) and skips[k][1] <= s:
            k += 1
        if k < len(skips) and skips[k][0] <= s < skips[k][1]:
            continue
        w = m.group()
        if w.isascii():
            piece = w.lower()
            offsets.extend(range(s, e))
        else:
            kept: list[str] = []
            for i, ch in enumerate(w, s):
                for c in unicodedata.normalize("NFKC", ch).casefold():
                    if c.isalnum():
                        kept.append(c)
                        offsets.append(i)
            piece = "".join(kept)
        if piece:
            chars.append(piece)
            starts.append(pos)
            pos += len(piece)
            ends.append(pos)
    return Folded(
        "".join(chars),
        np.array(offsets, dtype=np.int64),
        np.array(starts, dtype=np.int64),
        np.array(ends, dtype=np.int64),
    )


def digest(folded: str) -> bytes:
    """A short fixed-size key for a folded text (16 bytes; collisions are not a concern)."""
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).digest()
