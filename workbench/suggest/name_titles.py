"""Titles: the words before a name that are not part of it ("Ambassador Vershbow" -> Vershbow).

The cable forms of ``vocab.TITLES`` plus nameparser's one-word honorifics and ranks, less
those that are as often a person's name.
"""

from __future__ import annotations

from functools import cache

from workbench.suggest.lexicon import Lexicon, lexicon
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import TITLES


@cache
def titles() -> frozenset[str]:
    try:
        from nameparser.config import CONSTANTS
    except ImportError:  # nameparser adds breadth; the cable titles above are the core
        return TITLES
    # nameparser's list has job words that are also ordinary nouns in cables ("air",
    # "field", "head of"); only its one-word honorifics and ranks are taken.
    lex = lexicon()
    # Nor its words that are as often a person's name: "Mahdi" (Al Sadiq Al Mahdi), "Baba",
    # "Pir", "Goodman", "Burgess" are ranked surnames or given names in names-dataset.
    extra = {
        t
        for t in CONSTANTS.titles
        if t.isalpha() and len(t) > 2 and not lex.common(t) and not _ranked_name(t, lex)
    }
    return TITLES | frozenset(extra)


def _ranked_name(token: str, lex: Lexicon) -> bool:
    first, last = lex.ranks(token)
    return 0 < first <= 5000 or 0 < last <= 5000


def is_title(tok: Token) -> bool:
    low = tok.low
    if low in titles() or (low + ".") in TITLES:
        return True
    head, dash, tail = low.rpartition("-")
    return bool(dash) and head != "" and tail in titles()  # "Vice-Consul", "Deputy-Director"
