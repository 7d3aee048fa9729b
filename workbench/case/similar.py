"""Near-duplicates: regions that are the same text with small changes.

Candidates come from datasketch's MinHash LSH over each region's word pairs (a region shares
at least one LSH band with another when their word-pair Jaccard similarity is around
``THRESHOLD`` or more); each candidate is then confirmed with RapidFuzz's word-level Indel
similarity (``MIN_SIMILARITY``) and aligned word by word, so the reviewer sees which words
differ and a span withheld in one is mapped to the same words in the other.

The MinHash hash is the CRC-32 of a word pair: fast (C), and the same in every process, so the
same case gives the same proposals every time (Python's own ``hash`` of a string changes from
run to run, and so did the near copies found at the edge of the threshold).

``THRESHOLD`` 0.3 and 32 permutations were chosen on the corpus's dev part with
benchmarks/case_accuracy.py: at 0.5, LSH missed one paragraph in six with 10% of its words
changed (83.5% found); at 0.3, 98.2%, with no wrong proposal more and the index no slower.
Near copies beyond ``MIN_SIMILARITY`` (a fifth of the words changed, a third of a paragraph
dropped) are not "small changes" and are left to the reviewer.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbench.case.index import MIN_WORDS, SIMILAR_KINDS, Member, Place

THRESHOLD = 0.3
NUM_PERM = 32
MIN_SIMILARITY = 0.8


def _pairs(words: list[str]) -> list[bytes]:
    """The word pairs as the bytes hashed ("a b"), made in one pass: with zlib.crc32 itself as
    the hash function no Python frame runs per pair (2.2 million pairs for 2,002 cables)."""
    return [f"{a} {b}".encode() for a, b in itertools.pairwise(words)]


@dataclass(frozen=True)
class Match:
    """``other`` is like ``place``: ``score`` is their word similarity (0..1); ``equal`` the
    aligned word blocks (place's word index, other's word index, length)."""

    place: Place
    other: Place
    score: float
    equal: tuple[tuple[int, int, int], ...]
    words: int  # words in ``place``
    other_words: int  # words in ``other``

    @property
    def missing(self) -> int:
        """Words of ``other`` with no counterpart in ``place`` (a dropped sentence)."""
        return self.other_words - sum(n for _i, _j, n in self.equal)


class SimilarIndex:
    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.places: dict[tuple[str, str], Place] = {}
        # Each indexed place's MinHash, kept for its own query: opening a case asks for every
        # cable's proposals, and hashing every paragraph's word pairs a second time was half
        # the time of `case show` (7 of 14 s for 2,002 cables). About 0.5 KB a place.
        self.sketches: dict[tuple[str, str], Any] = {}
        self._blank: Any = None  # an empty MinHash: copies share its permutations

    @classmethod
    def build(cls, members: Iterable[Member]) -> SimilarIndex:
        from datasketch import MinHash

        index = cls()
        keys: list[tuple[str, str]] = []
        shingles: list[list[bytes]] = []
        for m in members:
            for p in m.places.values():
                if p.kind not in SIMILAR_KINDS:
                    continue
                words = m.words(p)
                if len(words) < MIN_WORDS:
                    continue
                keys.append((p.cable_id, p.key))
                shingles.append(_pairs(words))
                index.places[p.cable_id, p.key] = p
        index._blank = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
        with index.lsh.insertion_session() as session:
            for key, pairs in zip(keys, shingles, strict=True):
                mh = index._sketch(pairs)
                index.sketches[key] = mh
                session.insert(key, mh, check_duplication=False)
        return index

    def _sketch(self, pairs: list[bytes]) -> Any:
        if self._blank is None:
            from datasketch import MinHash

            self._blank = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
        mh = self._blank.copy()
        mh.update_batch(pairs)
        return mh

    def candidates(self, m: Member, place: Place) -> list[Place]:
        own = (place.cable_id, place.key)
        # The kept sketch only for the very place indexed (a re-read cable may have moved).
        mh = self.sketches.get(own) if self.places.get(own) == place else None
        if mh is None:
            words = m.words(place)
            if place.kind not in SIMILAR_KINDS or len(words) < MIN_WORDS:
                return []
            mh = self._sketch(_pairs(words))
        found = self.lsh.query(mh)
        return [self.places[k] for k in found if k != own]


def compare(m: Member, place: Place, other_member: Member, other: Place) -> Match | None:
    """How like ``other`` ``place`` is, word by word; None below MIN_SIMILARITY."""
    from rapidfuzz.distance import Indel

    a, b = m.words(place), other_member.words(other)
    score = Indel.normalized_similarity(a, b)
    if score < MIN_SIMILARITY:
        return None
    equal = tuple(
        (op.src_start, op.dest_start, op.src_end - op.src_start)
        for op in Indel.opcodes(a, b)
        if op.tag == "equal"
    )
    return Match(place, other, score, equal, len(a), len(b))


def differing(m: Member, match: Match) -> list[tuple[int, int]]:
    """The text ranges of ``match.place`` whose words are not in the other place."""
    f = m.folded
    first, _ = f.word_range(match.place.start, match.place.end)
    same = [False] * match.words
    for i, _j, n in match.equal:
        for k in range(i, i + n):
            same[k] = True
    out: list[tuple[int, int]] = []
    for k, ok in enumerate(same):
        if ok:
            continue
        a, b = f.word(first + k)
        s, e = f.source(a, b)
        if out and m.cable.text[out[-1][1] : s].strip() == "":
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def word_map(match: Match) -> dict[int, int]:
    """Other's word index -> place's word index, for the words that align."""
    out: dict[int, int] = {}
    for i, j, n in match.equal:
        for k in range(n):
            out[j + k] = i + k
    return out
