"""A withheld number where the cable writes it again with other separators (newcomer 5,
finding 17: "(506) 280-7776" withheld, "506-280-7776", "506.280.7776", "5062807776" and
"280 7776" printed, and verify passed).

A phone, fax, passport or account number is its digits: a cable's contact list writes one
number several ways, and the words of ``find``'s folded view do not see through the
punctuation between digit groups. So a withheld piece's *numbers* (a run of digit groups with
at most one separator between them, seven to fifteen digits: E.164's longest, and more than a
date or a year) are looked for by their digits alone, wherever the text has a run of digit
groups. A place counts when its digits are the withheld number's, the number's last seven or
more digits (the local number without its area code), or the number after a country code of
up to three digits ("+1 506 280 7776").

The digits are compared group by group, never inside a group: "9912807776" is no repeat of
"280-7776", and a year or a serial that merely holds the same digits somewhere is not boxed.
A date or a serial is boxed only where its digits are a withheld number's own: a bare digit
run matching seven or more digits of a withheld number exactly is that number (the chance that
an unrelated number shares them is about one in ten million per run). The ``phonenumbers``
library is not asked: a withheld number need not be a valid phone number (a passport or an
account number written another way leaks the same), and a valid-number test would let an
invalid one through.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

MIN_DIGITS = 7  # a local phone number without its area code; more than a date's or a year's
MAX_DIGITS = 15  # E.164's longest number
_PREFIX = 3  # digits of a country or area code before a withheld number

# Digit groups with one separator between them (a space, a hyphen, a dot, a line end, an
# area code's parentheses), a "+" before: "(506) 280-7776", "+1 506.280.7776", "5062807776".
RUN = re.compile(
    r"(?<![^\W_])(?:\+[ \t]?)?\(?\d+"
    r"(?:(?:\)[ \t]?|[ \t]*\n[ \t]*\(?|[ \t.\-]\(?|\()\d+)*\)?"
)
_GROUP = re.compile(r"\d+")


def number_keys(text: str) -> tuple[str, ...]:
    """The digits of each number in ``text`` (a withheld piece) long enough to be looked for."""
    out = []
    for m in RUN.finditer(text):
        digits = "".join(_GROUP.findall(m.group()))
        if MIN_DIGITS <= len(digits) <= MAX_DIGITS:
            out.append(digits)
    return tuple(dict.fromkeys(out))


def _matches(digits: str, keys: Mapping[str, object]) -> str | None:
    """The withheld number ``digits`` is a form of: the number, its last seven digits or
    more, or the number after up to three digits more (a country or area code)."""
    if len(digits) < MIN_DIGITS:
        return None
    if digits in keys:
        return digits
    for key in keys:
        if key.endswith(digits):
            return key
        if 0 < len(digits) - len(key) <= _PREFIX and digits.endswith(key):
            return key
    return None


def numbers_in(
    text: str, keys: Mapping[str, object], lo: int = 0, hi: int | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, key) for each place in ``text[lo:hi]`` whose digits are a form of one of
    ``keys`` (see the module's doc): a whole run of digit groups or a part of one made of
    whole groups, the longest from the left."""
    out: list[tuple[int, int, str]] = []
    if not keys:
        return out
    for m in RUN.finditer(text, lo, len(text) if hi is None else hi):
        groups = [
            (g.start(), g.end(), g.group()) for g in _GROUP.finditer(text, m.start(), m.end())
        ]
        i, last = 0, -1
        while i < len(groups):
            best = None
            digits = ""
            for j in range(i, len(groups)):
                digits += groups[j][2]
                if len(digits) > MAX_DIGITS + _PREFIX:
                    break
                key = _matches(digits, keys)
                if key is not None:
                    best = (j, key)
            if best is None:
                i += 1
                continue
            j, key = best
            s, e = groups[i][0], groups[j][1]
            # An area code's parentheses and the number's "+" go with it; a sentence's do not.
            if s > m.start() and text[s - 1] == "(" and text.startswith(")", groups[i][1]):
                s -= 1
            plus = text.rfind("+", m.start(), s)
            if plus != -1 and plus > last and not text[plus + 1 : s].strip(" \t("):
                s = plus
            out.append((s, e, key))
            last = e
            i = j + 1
    return out
