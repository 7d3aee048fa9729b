"""Words of a cable with their offsets and the shape facts the detectors look at.

Cables mix two writing systems: most since the mid-2000s are in mixed case, where a
capital letter mid-sentence says "proper noun"; older ones, subject lines, passing lines
and signatures are in upper case, where it says nothing. Each token therefore records
whether its line is *caseless* (so that the person detector falls back to word lists and
context there instead of capitals).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A word: letters with inner apostrophes or hyphens (O'Connor, al-Qadhafi, Carod-Rovira),
# or a run of initials (M.K.). Latin letters with diacritics count as letters.
_L = "A-Za-z\u00c0-\u024f"
# Short slashed titles (A/S, U/S, P/M, A/DCM) are one token, so they read as titles.
WORD_RE = re.compile(
    rf"(?<![/\w])[A-Z]{{1,3}}/[A-Z]{{1,4}}(?![/\w])|(?:[{_L}]\.){{2,}}|[{_L}](?:[{_L}'’\-]*[{_L}])?"
)

_LOWER_RE = re.compile(r"[a-z\u00df-\u00ff]")
_UPPER_RE = re.compile(r"[A-Z\u00c0-\u00de]")

# Where a line counts as caseless: fewer than 1 lower-case letter in 20.
_CASELESS_LOWER_SHARE = 0.05


class Token(NamedTuple):
    """A word; a named tuple because a long cable has tens of thousands of them."""

    text: str
    start: int
    end: int
    low: str  # folded: lower case, curly apostrophe straightened
    caseless: bool  # on an upper-case line: capitals carry no information
    dot: bool  # directly followed by "."
    line: int  # index of the line in the text

    @property
    def cap(self) -> bool:
        """Starts with a capital (or an Arabic article then a capital: al-Qadhafi)."""
        t = self.text
        if t[0].isupper():
            return True
        head, dash, rest = t.partition("-")
        return bool(dash and rest[:1].isupper() and head.lower() in ARTICLES)

    @property
    def upper(self) -> bool:
        return self.text.isupper() and len(self.text) > 1

    @property
    def initial(self) -> bool:
        """``Y.`` or ``M.K.``: an initial of a name (not ``U.S.`` or ``D.C.``)."""
        t = self.text
        if len(t) == 1:
            return t.isupper() and self.dot
        return len(t) >= 4 and t.endswith(".") and t.isupper() and self.low not in _DOTTED


from workbench.suggest.vocab import DOTTED_ABBREVIATIONS as _DOTTED  # noqa: E402

# Articles that begin a name part written with a hyphen (al-Qadhafi, el-Baradei).
ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ath", "adh"})


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    end = len(text) if end is None else end
    caseless_lines = _caseless_lines(text, start, end)
    out: list[Token] = []
    line = text.count("\n", 0, start)
    pos = start
    for m in WORD_RE.finditer(text, start, end):
        a, b = m.span()
        word = m.group()
        # A possessive is not part of the name: "Palocci's" -> "Palocci".
        if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS":
            b -= 2
            word = word[:-2]
        line += text.count("\n", pos, a)
        pos = a
        out.append(
            Token(
                word,
                a,
                b,
                word.lower().replace("’", "'"),
                caseless_lines.get(line, False),
                # A full stop, not the dot inside an abbreviation ("D.C", "U.S").
                b < len(text) and text[b] == "." and not text[b + 1 : b + 2].isalpha(),
                line,
            )
        )
    return out


def _caseless_lines(text: str, start: int, end: int) -> dict[int, bool]:
    out: dict[int, bool] = {}
    line = text.count("\n", 0, start)
    for raw in text[start:end].split("\n"):
        lower = len(_LOWER_RE.findall(raw))
        letters = lower + len(_UPPER_RE.findall(raw))
        # A line of capitals, long or short (a signature, a heading), is read caseless.
        out[line] = letters > 0 and lower < _CASELESS_LOWER_SHARE * letters
        line += 1
    return out
