"""A cable's text as a partition into regions: every character in exactly one.

A release prints a region only once it is decided (design.md, "A release is default-deny"), so
what matters here is that nothing is left outside a region. The reader's fields and paragraphs
are taken as *claims*; where claims overlap the stronger wins (a paragraph over a header field);
whatever no claim covers is read line by line against the strict grammar of
``line_grammar``: routing lines, page-break debris, captions, the classification and E.O. lines,
header lines repeated by a later section. Anything else, which is to say anything the reader
misread or skipped, is an ``unparsed`` (or ``passing``, or ``trailing``) region that stays
withheld until a reviewer decides it.

Kinds, and the rule (``rules.py``) that may decide them without a reviewer:

========================  ==============================================  ==================
kind                      what                                            rule
========================  ==============================================  ==================
routing                   transmission lines (VZCZC, DE, ZNY, DTG, ...)    routing
from, to, info            the FM, TO and INFO addressee lines             (reviewer)
classification            the classification line                         markings
caption                   SIPDIS, NOFORN ... on a line of their own       markings
passing                   "PLEASE PASS TO ...", "NSC FOR ..." lines       (reviewer)
eo                        the E.O./DECL line (strict grammar: see below)  markings
decl                      other words of a DECL instruction (an event)    (reviewer)
tags, subject, refs       TAGS, SUBJECT and REF                           (reviewer)
classified_by             the classifier's name (with its label)          (reviewer)
reasons                   the classification reasons after the name       markings
paragraph                 each paragraph (its label stays visible)        (reviewer)
signature                 the drafter's name at the end                   (reviewer)
page_break                page-break headers, lone banners                page_breaks
separator                 ----, ***, >, a stray full stop: punctuation    (none: see below)
repeat                    a header line a later section repeats           repeats
unparsed, trailing        text the reader did not classify                (reviewer)
blank                     white space                                     prints nothing
========================  ==============================================  ==================

The E.O. line is ``eo`` whole only when ``line_grammar.EO_LINE`` (the order and a DECL value of
a closed vocabulary: a date, N/A, OADR, X1-X8, 25X1 ...) matches all of it. Any other words
after the order (``DECL: UPON THE DEATH OF OUR SOURCE KIM HYE-JIN``: an event instruction is
free text and may name anyone) are a ``decl`` region of their own, and only the order
(``E.O. 12958:``) is the rule's (newcomer 5, finding 6).

A separator carries no text, so no one decides it (newcomer 3, finding 38: a Markdown rule
line, or the full stop after "for reasons 1.4 (b) and (d)", was a region of its own in the
list). It is not in the regions a reviewer moves through; it follows the decidable region
before it (``follows``; the one after it when it comes first) and is printed when that region
is printed, and withheld with it, in the same box with the same codes, when it is withheld or
pending (``Review.withholdings``): an underline never tells the length of a withheld heading.
"""

from __future__ import annotations

import bisect
import contextlib
import re
import unicodedata
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from workbench.cable.model import Cable
from workbench.naming import in_sentence

HEADER_FIELDS: tuple[str, ...] = (
    "from",
    "to",
    "info",
    "eo",
    "tags",
    "subject",
    "refs",
    "classified_by",
    "signature",
)
# Kinds that need a reviewer's eye unless a rule decides them.
KIND_LABELS = {
    "routing": "Routing lines",
    "from": "From (FM line)",
    "to": "To",
    "info": "Info",
    "classification": "Classification line",
    "caption": "Caption",
    "passing": "Passing line",
    "eo": "E.O./DECL line",
    "decl": "Declassification instruction",
    "tags": "TAGS",
    "subject": "Subject",
    "refs": "References",
    "classified_by": "Classified by",
    "reasons": "Classification reasons",
    "paragraph": "Paragraph",
    "signature": "Signature",
    "page_break": "Page break",
    "separator": "Separator",
    "repeat": "Repeated",
    "unparsed": "Unparsed text",
    "trailing": "Trailing text",
    "blank": "Blank",
}
# Kinds there may be several of: their keys carry a count (``passing:2``).
COUNTED = {"routing", "caption", "passing", "page_break", "separator", "repeat", "unparsed"}
COUNTED |= {"trailing", "blank"}


@dataclass(frozen=True, slots=True)
class Region:
    """One piece of the partition.

    ``start``-``end`` is all of it; ``body_start`` is where the decidable text begins, after a
    label that stays visible when the text is withheld (``¶3. (C)``, ``SUBJECT:``). The label
    is printed only when it matches the strict label grammar, so it tells nothing withheld.
    ``follows`` names the region a ``repeat`` repeats; ``paragraph`` is the paragraph's index.
    """

    key: str
    kind: str
    label: str
    start: int
    end: int
    body_start: int
    follows: str | None = None
    paragraph: int | None = None
    continues: bool = False  # a repeat that is the rest of the field it follows (page break)

    @property
    def name(self) -> str:
        """The region in a sentence: ``paragraph 3``, ``1st paragraph (unnumbered)``,
        ``Subject``, ``Passing line 1`` (``naming``)."""
        return in_sentence(self.label) if self.kind == "paragraph" else self.label

    @property
    def decidable(self) -> bool:
        return self.kind not in ("blank", "separator")


@dataclass(frozen=True)
class Partition:
    """The regions of one text, in order; ``regions[i].end == regions[i + 1].start``."""

    regions: tuple[Region, ...]
    by_key: dict[str, Region] = field(repr=False, compare=False)
    _starts: list[int] = field(repr=False, compare=False)
    text: str = field(default="", repr=False, compare=False)  # the text it divides

    @classmethod
    def of(cls, regions: Sequence[Region], text: str = "") -> Partition:
        return cls(tuple(regions), {r.key: r for r in regions}, [r.start for r in regions], text)

    def body(self, region: Region) -> str:
        return self.text[region.body_start : region.end]

    def __iter__(self) -> Iterator[Region]:
        return iter(self.regions)

    def __len__(self) -> int:
        return len(self.regions)

    def __getitem__(self, key: str) -> Region:
        return self.by_key[key]

    def get(self, key: str) -> Region | None:
        return self.by_key.get(key)

    def decidable(self) -> list[Region]:
        """The regions a reviewer moves through (every one but white space)."""
        return [r for r in self.regions if r.decidable]

    def at(self, offset: int) -> Region | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if 0 <= i < len(self.regions) and self.regions[i].start <= offset < self.regions[i].end:
            return self.regions[i]
        return None

    def overlapping(self, start: int, end: int) -> list[Region]:
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        out = []
        while i < len(self.regions) and self.regions[i].start < end:
            if self.regions[i].end > start:
                out.append(self.regions[i])
            i += 1
        return out

    def paragraph_key(self, index: int) -> str:
        return f"p{index}"

    def signature(self) -> tuple[tuple[str, int, int], ...]:
        """What a review stores to notice a reader that divides the same text differently."""
        return tuple((r.key, r.start, r.end) for r in self.regions if r.decidable)


_CACHE: weakref.WeakKeyDictionary[Cable, Partition] = weakref.WeakKeyDictionary()


def partition(cable: Cable) -> Partition:
    """The regions of ``cable.text`` (computed once per cable object)."""
    try:
        return _CACHE[cable]
    except (KeyError, TypeError):
        pass
    from workbench.review.region_reader import read_regions

    result = Partition.of(read_regions(cable), cable.text)
    with contextlib.suppress(TypeError):
        _CACHE[cable] = result
    return result


def norm_words(text: str) -> list[str]:
    """Words compared across repeats: any Unicode form, any case, punctuation ignored."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold())
