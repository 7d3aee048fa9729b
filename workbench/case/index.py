"""The case's index of texts: which regions are copies of each other, and which are near ones.

Built in memory from the case's cables when a case is opened (the cable files are the source of
truth, as everywhere else; the store keeps decisions, never texts). Exact copies are found by
a digest of each region's folded text (``fold``). Near-duplicates (a paragraph quoted with small
changes) are found with datasketch's MinHash LSH over word pairs, then confirmed and aligned
word by word with RapidFuzz (``similar``); see benchmarks/case.py for why these two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from workbench.cable.model import Cable
from workbench.case.fold import Folded, digest, fold
from workbench.review.model import review_id, text_hash
from workbench.review.regions import Partition, Region, partition

# Regions a reviewer decides and that can recur from cable to cable. Rule-decided kinds
# (routing lines, markings, page breaks, repeated headers) are left to their rules.
COMPARED = frozenset(
    {
        "paragraph",
        "subject",
        "from",
        "to",
        "info",
        "tags",
        "refs",
        "classified_by",
        "signature",
        "passing",
        "unparsed",
        "trailing",
    }
)
# Below this many folded letters and digits a text is too common to call two places copies
# ("SUMMARY", "END SUMMARY", a lone signature initial).
MIN_CHARS = 12
# Header fields and signatures are compared however short: "STANTON" under two cables is the
# same signature.
SHORT_KINDS = frozenset({"from", "to", "info", "tags", "refs", "classified_by", "signature"})
# Near-duplicates: paragraphs and subjects of at least this many words.
SIMILAR_KINDS = frozenset({"paragraph", "subject", "unparsed", "trailing"})
MIN_WORDS = 8


@dataclass(frozen=True)
class Place:
    """One region of one cable of the case (``start`` is the region's body start)."""

    cable_id: str
    key: str
    label: str
    kind: str
    start: int
    end: int
    fold_start: int  # the region's body in the cable's folded text
    fold_end: int

    @property
    def folded_len(self) -> int:
        return self.fold_end - self.fold_start

    def where(self) -> str:
        """ "¶3 of 07SEOUL219"."""
        return f"{self.label} of {self.cable_id}"


@dataclass
class Member:
    """A cable of the case, read and folded."""

    cable_id: str
    path: str
    cable: Cable
    folded: Folded
    places: dict[str, Place]
    digests: dict[str, bytes]  # region key -> digest of its folded body (compared kinds)

    @property
    def partition(self) -> Partition:
        return partition(self.cable)

    @property
    def text_hash(self) -> str:
        return text_hash(self.cable.text)

    def text(self, place: Place) -> str:
        return self.cable.text[place.start : place.end]

    def words(self, place: Place) -> list[str]:
        f = self.folded
        a, b = f.word_range(place.start, place.end)
        chars = f.chars
        starts, ends = f.word_starts[a:b].tolist(), f.word_ends[a:b].tolist()
        return [chars[x:y] for x, y in zip(starts, ends, strict=True)]

    @property
    def body_digest(self) -> bytes:
        """The cable's paragraphs and subject, folded: equal for identical cables."""
        parts = [
            self.digests[p.key].hex()
            for p in self.places.values()
            if p.kind in ("paragraph", "subject") and p.key in self.digests
        ]
        return digest(" ".join(parts))


def member(cable: Cable, path: str = "") -> Member:
    """Read one cable's places (its decidable regions of the compared kinds)."""
    cid = review_id(cable)
    f = fold(cable)
    places: dict[str, Place] = {}
    digests: dict[str, bytes] = {}
    for r in partition(cable).decidable():
        if r.kind not in COMPARED:
            continue
        a, b = f.index_range(r.body_start, r.end)
        places[r.key] = Place(cid, r.key, r.label, r.kind, r.body_start, r.end, a, b)
        if b - a >= (1 if r.kind in SHORT_KINDS else MIN_CHARS):
            digests[r.key] = digest(f.chars[a:b])
    return Member(cid, path or cable.path or "", cable, f, places, digests)


@dataclass
class CaseIndex:
    """Every compared region of a case's cables, by digest, and the near-duplicate index."""

    members: dict[str, Member] = field(default_factory=dict)
    by_digest: dict[bytes, list[Place]] = field(default_factory=lambda: defaultdict(list))
    similar: object | None = None  # a similar.SimilarIndex, built on demand

    @classmethod
    def build(cls, members: Iterable[Member], similar: bool = True) -> CaseIndex:
        index = cls()
        for m in members:
            index.add(m)
        if similar:
            index.build_similar()
        return index

    def add(self, m: Member) -> None:
        self.members[m.cable_id] = m
        for key, d in m.digests.items():
            self.by_digest[d].append(m.places[key])

    def build_similar(self) -> None:
        from workbench.case.similar import SimilarIndex

        self.similar = SimilarIndex.build(self.members.values())

    def copies(self, place: Place) -> list[Place]:
        """The other places with the same folded text (in other cables or the same one)."""
        m = self.members[place.cable_id]
        d = m.digests.get(place.key)
        if d is None:
            return []
        return [p for p in self.by_digest.get(d, ()) if p != place]

    def groups(self) -> list[list[Place]]:
        """Every text that occurs in two places or more."""
        return [g for g in self.by_digest.values() if len(g) > 1]

    def identical_cables(self) -> list[list[str]]:
        """Cables whose paragraphs and subject are the same text (repeats, corrected copies)."""
        by: dict[bytes, list[str]] = defaultdict(list)
        for m in self.members.values():
            if any(p.kind == "paragraph" for p in m.places.values()):
                by[m.body_digest].append(m.cable_id)
        return sorted(sorted(g) for g in by.values() if len(g) > 1)

    def region(self, place: Place) -> Region:
        return self.members[place.cable_id].partition[place.key]


def sort_places(places: Sequence[Place]) -> list[Place]:
    return sorted(places, key=lambda p: (p.cable_id, p.start))
