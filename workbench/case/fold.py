"""The folded form in which a case compares texts, with the way back to the cable's offsets.

Two copies of one paragraph are "the same text" when their letters and digits agree, in order,
after Unicode NFKC and case folding: white space, line wrapping (also a word hyphenated over a
line end), punctuation, Markdown's markup and numbering labels (a region's body starts after
its label) and page-break lines inside a paragraph (the reader's noise spans) play no part.
Every folded character remembers the offset of the cable character it came from, so a span
decided in one copy is mapped to the same words in another.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from workbench.cable.model import Cable

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Folded:
    """A cable's text folded: ``chars[i]`` came from ``text[offsets[i]]``. ``words`` are the
    (start, end) ranges in ``chars`` of the text's words, as written (for similarity)."""

    chars: str
    offsets: tuple[int, ...]
    words: tuple[tuple[int, int], ...]

    def index_range(self, start: int, end: int) -> tuple[int, int]:
        """The folded characters that came from ``text[start:end]``."""
        return bisect.bisect_left(self.offsets, start), bisect.bisect_left(self.offsets, end)

    def slice(self, start: int, end: int) -> str:
        a, b = self.index_range(start, end)
        return self.chars[a:b]

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes into ``words`` of the words inside ``text[start:end]``."""
        a, b = self.index_range(start, end)
        firsts = [w[0] for w in self.words]
        return bisect.bisect_left(firsts, a), bisect.bisect_left(firsts, b)

    def source(self, a: int, b: int) -> tuple[int, int]:
        """The cable offsets of folded characters ``a``-``b`` (b exclusive, a < b)."""
        return self.offsets[a], self.offsets[b - 1] + 1


def fold(cable: Cable) -> Folded:
    """The whole cable folded, page-break lines inside paragraphs left out."""
    text = cable.text
    skips = sorted((s.start, s.end) for s in cable.noise)
    chars: list[str] = []
    offsets: list[int] = []
    words: list[tuple[int, int]] = []
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
            words.append((pos, pos + len(piece)))
            pos += len(piece)
    return Folded("".join(chars), tuple(offsets), tuple(words))


def digest(folded: str) -> bytes:
    """A short fixed-size key for a folded text (16 bytes; collisions are not a concern)."""
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).digest()


def words_of(f: Folded, start: int, end: int) -> list[str]:
    a, b = f.word_range(start, end)
    return [f.chars[x:y] for x, y in f.words[a:b]]
