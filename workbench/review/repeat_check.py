"""Withheld text printed again: the check ``verify``, the Vaughn index's comment check and
the stamp check make of printed text, with the ``recurrences`` rule's terms (``needles``): what
the rule would have withheld, found in text the release (or the index) prints.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from workbench.review.model import Review
from workbench.review.text_fold import fold_letters
from workbench.review.withheld_names import names_in_addresses, short_parts_in
from workbench.review.withheld_numbers import numbers_in


def fold(text: str) -> str:
    """Printed text as the check compares it: any Unicode form, case and accents, HTML
    entities decoded (``text_fold``), hyphens dropped, white space one space (as ``find``
    folds a cable's text)."""
    text = fold_letters(text)
    text = re.sub("[-\u2010\u2011\u2012\u2013\u00ad]", "", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Needles:
    """What the rule withholds, as a check of printed text looks for it: each folded term
    (whole words) and the region its source is withheld in."""

    terms: dict[str, str]
    names: dict[str, str] = dataclasses.field(default_factory=dict)  # inside addresses
    # Folded terms cut with "...": printed as the start of a longer word they are a leak too
    # ("TRANSATLANTIC IS" in "TRANSATLANTIC ISSUES").
    prefixes: frozenset[str] = frozenset()
    numbers: dict[str, str] = dataclasses.field(default_factory=dict)  # by digits alone
    short: dict[str, str] = dataclasses.field(default_factory=dict)  # two-letter parts

    def __bool__(self) -> bool:
        return bool(self.terms or self.names or self.numbers or self.short)


def needles(review: Review) -> Needles:
    """The rule's terms for ``review`` (none when the reviewer switched the rule off)."""
    from workbench.review.recurrences import RULE, sources

    if RULE in review.rules_off:
        return Needles({})
    terms: dict[str, str] = {}
    cut: set[str] = set()
    found = sources(review)
    for src in found:
        for term in src.terms:
            folded = fold(term)
            if folded:
                terms.setdefault(folded, src.label)
                if term in src.prefixes:
                    cut.add(folded)
    names = {n: src.label for src in found for n in src.names}
    numbers = {n: src.label for src in found for n in src.numbers}
    short = {n: src.label for src in found for n in src.short}
    return Needles(terms, names, frozenset(cut), numbers, short)


def repeats_in(text: str, found: Needles) -> list[tuple[str, str]]:
    """Each (folded term, region withheld in) that ``text`` prints as whole words (or with a
    plain suffix, "Hindys"), and each (address, region) for an address holding a withheld
    name: what the rule would have withheld."""
    folded = fold(text)
    out = []
    for needle, label in found.terms.items():
        if needle not in folded:
            continue
        suffix = "(?:e?s)?" if needle[-1:].isalpha() else ""
        end = "" if needle in found.prefixes else r"(?![^\W_])"
        if re.search(rf"(?<![^\W_]){re.escape(needle)}{suffix}{end}", folded):
            out.append((needle, label))
    for s, e, name in names_in_addresses(text, found.names) if found.names else ():
        out.append((text[s:e], found.names[name]))
    for s, e, number in numbers_in(text, found.numbers) if found.numbers else ():
        out.append((text[s:e], found.numbers[number]))
    for s, e, short in short_parts_in(text, found.short, printed=True) if found.short else ():
        out.append((text[s:e], found.short[short]))
    return out
