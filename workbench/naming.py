"""How a paragraph is named to a person: one wording for the window, the sentences of
refusals, conflicts and logs, and the Vaughn index.

A paragraph the cable numbers is named by its number (``¶3`` in a list, ``paragraph 3`` in a
sentence, ``3`` in the index's paragraph column). One the cable does not number is named by
its place among the cable's paragraphs, ``1st paragraph (unnumbered)``, everywhere: the
reader's ``#1`` (``Paragraph.key``) is a key, not a name, and neither a reviewer reading a
refusal nor a requester reading the index could know what it meant. Where two paragraphs carry
one number (the parts of a multi-part cable restart their numbering) the place is added:
``¶3 (5th paragraph)``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Protocol


class _Numbered(Protocol):
    @property
    def number(self) -> int | None: ...
    @property
    def index(self) -> int: ...


# What ``unnumbered`` writes: the index check knows it for the workbench's own words.
UNNUMBERED = re.compile(r"\b\d+(?:st|nd|rd|th) paragraph \(unnumbered\)")


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``11th``, ``22nd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def unnumbered(index: int) -> str:
    """The name of the ``index``-th paragraph when the cable does not number it."""
    return f"{ordinal(index)} paragraph (unnumbered)"


def printed_label(number: int | None, label: str) -> str:
    """The paragraph's own label as a release prints it (``12.``), when its number reads
    otherwise than ``number`` (the Markdown form numbers paragraph 2 ``12.``); else "".

    A court reader holds the release and the index side by side: "paragraph 2" with no ``2.``
    printed names nothing they can find (newcomer 6, finding 11). The release prints the
    cable's text as it is, so the index and the bookmarks say both."""
    m = re.match(r"\s*(\(?(\d+)[.)]?)", label)
    if number is None or m is None or int(m.group(2)) == number:
        return ""
    return m.group(1)


def paragraph_cell(number: int | None, index: int, label: str = "") -> str:
    """The Vaughn index's paragraph column: ``3``, ``2 (printed 12.)``, or ``2nd paragraph
    (unnumbered)``."""
    if number is None:
        return unnumbered(index)
    printed = printed_label(number, label)
    return f"{number} (printed {printed})" if printed else str(number)


def paragraph_label(number: int | None, index: int, shared: bool = False) -> str:
    """The paragraph in a list: ``¶3``, ``¶3 (5th paragraph)`` when another paragraph has its
    number (``shared``), ``1st paragraph (unnumbered)``."""
    if number is None:
        return unnumbered(index)
    return f"¶{number} ({ordinal(index)} paragraph)" if shared else f"¶{number}"


def in_sentence(label: str) -> str:
    """A region's label as a sentence names it: ``¶3`` is ``paragraph 3``; every other label
    (``1st paragraph (unnumbered)``, ``Subject``, ``Passing line 1``) reads as it is."""
    return f"paragraph {label[1:]}" if label.startswith("¶") else label


def paragraph_labels(paragraphs: Iterable[_Numbered]) -> dict[int, str]:
    """Each paragraph's label by its index, a shared number told apart by its place."""
    paras = list(paragraphs)
    counts = Counter(p.number for p in paras if p.number is not None)
    return {
        p.index: paragraph_label(p.number, p.index, p.number is not None and counts[p.number] > 1)
        for p in paras
    }


def paragraph_name(paragraph: _Numbered, capital: bool = False) -> str:
    """One paragraph in a sentence (``paragraph 3``, ``1st paragraph (unnumbered)``; ``capital``:
    ``Paragraph 3`` to open one), without the cable's other paragraphs at hand (so a shared
    number is not told apart)."""
    name = in_sentence(paragraph_label(paragraph.number, paragraph.index))
    return name[:1].upper() + name[1:] if capital else name
