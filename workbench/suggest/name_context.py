"""Tests of a run of name-shaped words against what stands around it and what the word lists
say: places, offices, list letters, quoted things, the Arabic article (al-Megrahi, al-Anbar)."""

from __future__ import annotations

import re

from workbench.suggest.lexicon import Lexicon
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import (
    ARTICLE_ORGS,
    ARTICLE_PLACES,
    ORG_WORDS,
    REGION_NAMES,
    STREET_HEADS,
    TITLE_MODIFIERS,
)

# Given names too ("Asia", "Africa"), but before a name a region: "for Asia Robert Scher".
CONTINENTS = frozenset({"asia", "africa", "europe", "america", "americas", "oceania"})

# Compass words that end a place's name in Spanish, Portuguese, French and Italian
# ("Palmar Norte", "Rio Grande do Sul", "Kivu Nord"); no person's name ends so.
PLACE_SUFFIXES = frozenset({"norte", "sur", "sul", "oeste", "leste", "nord", "sud", "ovest"})


def leading_place(cur: list[Token], lex: Lexicon) -> int:
    """How many words at the start of ``cur`` name a place of two or three words."""
    for k in (3, 2):
        if len(cur) > k and " ".join(t.low for t in cur[:k]) in lex.places:
            return k
    return 0


_DASH_PREFIX_RE = re.compile(r"[ \t]*(?:--?|[\u2013\u2014]|\u00b6)[ \t]*")


def list_letter(tok: Token, nxt: Token, text: str) -> bool:
    """A lone capital and dot opening a line's list item ("-- E.  Traffickers", "C.  The
    government"), not a name's initial."""
    if not tok.initial or len(tok.text.rstrip(".")) != 1:
        return False
    prefix = text[text.rfind("\n", 0, tok.start) + 1 : tok.start]
    gap = text[tok.end : nxt.start]
    return _DASH_PREFIX_RE.fullmatch(prefix) is not None or (prefix.strip() == "" and "  " in gap)


def office_word(tok: Token, lex: Lexicon) -> bool:
    """A word of an office's name after "of"/"for": Defense, Foreign, Reintegration."""
    return not tok.initial and lex.word(tok.low) and not strong_name(tok.low, lex)


def kept_after_title(cur: list[Token], title: str, lex: Lexicon) -> bool:
    """Right after a title, a capitalised common word opens the name ("Chairman Than Shwe",
    "Secretary General Ban Ki-moon"), unless it is an organisation's or a group's word."""
    first = cur[0]
    return (
        bool(title)
        # a word no dictionary calls common follows: "Than Shwe", not "General Penal Code"
        and any(not lex.common(t.low) and t.low not in ORG_WORDS for t in cur[1:])
        and first.cap
        and not first.caseless
        and first.low not in ORG_WORDS
        and first.low not in lex.demonyms
        and first.low not in TITLE_MODIFIERS
        and lex.zipf(first.low) < 6.5  # never "The", "And"
    )


def strong_name(low: str, lex: Lexicon) -> bool:
    """A name so frequent that it is a name even where it is also a word (JOHN, TONY)."""
    first, last = lex.ranks(low)
    return not lex.common(low) and ((0 < first <= 300) or (0 < last <= 300))


# Words before a place, never before a person's name in the labelled dev cables (0 of 2,131).
PLACE_PREPOSITIONS = frozenset({"at", "near", "outside", "inside"})

_QUOTED_THING_RE = re.compile(r"\b(?:the|The|THE|ship|vessel|boat|operation|Operation)\s+[\"“]$")


def quoted_thing(start: int, end: int, text: str) -> bool:
    """A run in quotes right after 'the' or a vessel's word: a ship, an operation."""
    return _QUOTED_THING_RE.search(text, max(0, start - 12), start) is not None and text[
        end : end + 1
    ] in ('"', "\u201d")


def place_like(joined: str, lex: Lexicon) -> bool:
    if joined in lex.places or joined in REGION_NAMES:
        return True
    for suffix, add in (("ns", ""), ("n", ""), ("ans", "a"), ("an", "a"), ("s", "")):
        if joined.endswith(suffix) and joined[: -len(suffix)] + add in lex.places:
            return True
    return False


def has_place(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether two or more consecutive words of the run name a place."""
    lows = [t.low for t in tokens]
    for i in range(len(lows)):
        if i > 0 and lows[i - 1] in {"de", "del"} and lows[i] in _ARTICLES:
            continue  # "Raul de la Paz": a surname, though La Paz is a town
        for j in range(i + 2, min(len(lows), i + 4) + 1):
            if " ".join(lows[i:j]) in lex.places or " ".join(lows[i:j]) in REGION_NAMES:
                return True
    return False


def place_after_particle(tokens: list[Token], lex: Lexicon) -> bool:
    """A run ending in "de"/"do" and a place of two words or more: a newspaper, firm or
    office named after its place ("Estado de Sao Paulo", "Banco do Rio Grande do Sul"), even
    after a title ("editor ..."). A surname after "de" opens with an article or is one word:
    "Fernandez de la Vega", "Raul de la Paz" are people, though La Vega and La Paz are towns."""
    lows = [t.low for t in tokens]
    for i in range(1, len(lows) - 2):
        if (
            lows[i] in {"de", "do", "da", "del", "di"}
            and lows[i + 1] not in _ARTICLES
            and " ".join(lows[i + 1 :]) in lex.places
        ):
            return True
    return False


_ARTICLES = frozenset({"la", "las", "los", "el", "le", "les", "lo", "l"})


def article_name(tok: Token, lex: Lexicon) -> bool:
    head, dash, rest = tok.text.partition("-")
    return (
        bool(dash)
        and head.lower() in {"al", "el", "ad", "as", "ash", "an", "ar", "az"}
        and rest[:1].isupper()
        and tok.low not in ARTICLE_ORGS
        and not article_place(tok, lex)
        and not lex.common(rest.lower())
    )


def article_place(tok: Token, lex: Lexicon) -> bool:
    """A place written with the Arabic article: al-Hasakah, Al-Anbar, al-Andalus."""
    head, dash, rest = tok.low.partition("-")
    return bool(dash) and (
        tok.low in ARTICLE_PLACES or f"{head} {rest}" in lex.places or rest in lex.places
    )


# A house number after a street's name, ending its line or part: "Campos Eliseos 9371",
# "Paseo Colon 2201, ..."; a year is no house number ("met Luis Perez 2009," is rare, but
# "in 2009" after a name is not).
_HOUSE_NUMBER_RE = re.compile(r"[ \t]+(?!(?:19|20)\d\d\b)\d{1,5}[A-Za-z]?[ \t]*(?:,|\n|$)")


def street_name(tokens: list[Token], before: Token | None, text: str) -> bool:
    """A street in an address: after a street word ("Avenida ...", "Av. ..."), opening with
    one, or followed by its house number at the end of the line."""
    if tokens[0].low in STREET_HEADS and len(tokens) >= 2:
        return True
    if before is not None and before.low in STREET_HEADS:
        gap = text[before.end : tokens[0].start]
        if gap.strip(" \t.") == "" and "\n" not in gap:
            return True
    return _HOUSE_NUMBER_RE.match(text, tokens[-1].end) is not None
