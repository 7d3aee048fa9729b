"""What stands between two tokens: whether they join into one name, whether they are
adjacent or touching, whether a token opens a sentence."""

from __future__ import annotations

import re

from workbench.suggest.tokens import Token
from workbench.suggest.vocab import DOTTED_TITLES

# Between two words of one name: spaces, at most one line break, a dot after an initial or
# abbreviation, or the quotes around a nickname (Porfirio "Pepe" Lobo).
_GAP_RE = re.compile(r'^\.?[ \t]*(?:\n[ \t]*)?"?$|^"?[ \t]*(?:\n[ \t]*)?"?$')
_SENTENCE_END_RE = re.compile(r'[.!?:;]["\')]*\s*$|\n\s*\n\s*$|\(\w{1,6}(?://\w+)?\)\s*$|^\s*$')


def adjacent(a: Token, b: Token, text: str) -> bool:
    return text[a.end : b.start].strip(" \t\n,") == ""


def touching(a: Token, b: Token, text: str) -> bool:
    """Only spaces between: "Taft Fund", not "Chancellor Darling, Bank of England"."""
    return text[a.end : b.start].strip(" \t\n") == ""


def sentence_start(tok: Token, text: str) -> bool:
    return _SENTENCE_END_RE.search(text[max(0, tok.start - 12) : tok.start]) is not None


def joins(prev: Token, tok: Token, text: str) -> bool:
    gap = text[prev.end : tok.start]
    if gap.startswith(".") and not (prev.initial or prev.low in DOTTED_TITLES):
        return False  # a full stop after a word ends the sentence, and the name
    if "\n" in gap and _short_line(text, prev.end + gap.index("\n")):
        return False  # a list's line ends its entry: "Ambassador William B. Wood" / "Cynthia ..."
    return _GAP_RE.match(gap) is not None


# A line that ends this far before the width cables wrap at (69 characters, most of the corpus)
# was ended by its writer, as the entries of a participant list are, not wrapped: a name does
# not run on from it to the next line.
# (Measured on the labelled dev set: 35 and 45 change none of its scores; 55 cuts wrapped
# names and costs precision.)
_WRAPPED_LINE_MIN = 45


def _short_line(text: str, line_end: int) -> bool:
    line_start = text.rfind("\n", 0, line_end) + 1
    return len(text[line_start:line_end].rstrip()) < _WRAPPED_LINE_MIN
