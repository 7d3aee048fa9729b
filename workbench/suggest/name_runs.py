"""Runs of name-shaped words in a cable's prose: the candidate names, before scoring.

A run is a maximal sequence of tokens that could each be a word of a name (by shape and the
word lists), joined by the spacing a name allows. Titles in front are split off and kept as
the run's title ("Ambassador Sobel"); office words after "Minister of" and places or common
words before the name are dropped. On upper-case lines capitals say nothing, so there only
the word lists decide.
"""

from __future__ import annotations

import re

from workbench.suggest.lexicon import Lexicon
from workbench.suggest.name_candidate import Candidate
from workbench.suggest.name_context import (
    CONTINENTS,
    kept_after_title,
    leading_place,
    list_letter,
    office_word,
    strong_name,
)
from workbench.suggest.name_spacing import joins
from workbench.suggest.name_titles import is_title
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import (
    HONORIFICS,
    HYPHEN_ADJECTIVES,
    LEADER_NOUNS,
    NOT_NAMES,
    OFFICIAL_TITLES,
    ORG_WORDS,
    PARTICLES,
    PLACE_PREFIXES,
    TITLE_MODIFIERS,
)

# "GOH", "GOM", "GOP": cables' abbreviations for the Government of a country.
_GOVT_RE = re.compile(r"^go[a-z]$")
# The next word is a field's label: "... Job Title:", "... Date of Birth:".
_LABEL_AFTER_RE = re.compile(r"[ \t]+[A-Z][a-z]+(?:[ \t]+of)?(?:[ \t]+[A-Z][a-z]+)?:")


def _name_shaped(tok: Token, lex: Lexicon, _text: str = "") -> bool:
    """Could this token be a word of a name, judged by its shape and the word lists?"""
    low = tok.low
    if low in NOT_NAMES or low in lex.demonyms or _GOVT_RE.match(low):
        return False
    if tok.initial:
        return True
    if "." in low or "/" in low:
        return False  # "E.O.", "U.S.": an abbreviation, not an initial; "NEA/ELA"
    if "-" in low:
        parts = low.split("-")
        if parts[-1] in HYPHEN_ADJECTIVES or all(
            p in lex.demonyms or lex.common(p) for p in parts if p
        ):
            return False  # "Toronto-based", "ISLAMIST-KURDISH"
    if tok.end < len(_text) and _text[tok.end : tok.end + 1] == ":":
        return False  # a field label: "DOB:", "Name:"
    if tok.start > 0 and _text[tok.start - 1].isdigit():
        return False  # "64TH", "2ND": an ordinal's letters
    if tok.caseless:
        if not tok.text[0].isalpha():
            return False
        if len(low) == 1:
            return False
        # Upper-case text: a ranked name that is not an English word, or a word no list
        # knows (most rare surnames: TSVANGIRAI).
        if lex.word(low):
            return strong_name(low, lex) or (
                lex.is_name(low) and not lex.common(low) and lex.zipf(low) < 3.5
            )
        return True
    if tok.upper:
        # Mixed-case text writes acronyms in capitals (MFA, GOL, OPCW); surnames in
        # capitals there are signatures, handled by the header reader.
        return False
    return tok.cap


def runs(tokens: list[Token], text: str, lex: Lexicon) -> list[Candidate]:
    """Maximal runs of name-shaped tokens, with titles split off in front."""
    out: list[Candidate] = []
    cur: list[Token] = []
    title = ""

    def flush() -> None:
        nonlocal cur, title
        # Particles may join words of a name but never end one.
        while cur and cur[-1].low in PARTICLES:
            cur.pop()
        # Words before a name that are not part of it: "Northeast Luis Padua", "Both
        # Monjeza": a common word or an organisation word opening a longer run.
        if len(cur) > 1 and list_letter(cur[0], cur[1], text):
            cur.pop(0)  # "-- E.  Traffickers in Iceland ...": item E of a list, no initial
        # After "Minister of" / "Minister for", the office's own words come first: "Minister
        # of Defense Silva", "Minister for Reintegration Yakobashvili": the name is the rest.
        if office and len(cur) > 1 and office_word(cur[0], lex):
            # ... up to a frequent given name: "Secretary of State James Baker".
            while (
                len(cur) > 1
                and office_word(cur[0], lex)
                and not 0 < lex.first_rank(cur[0].low) <= 500
            ):
                cur.pop(0)
            # "Chief of Army Staff", "Director General for North America": no name left.
            if not all(
                lex.common(t.low) or t.low in lex.places or t.low in CONTINENTS for t in cur
            ) or (len(cur) >= 2 and 0 < lex.first_rank(cur[0].low) <= 1000):
                title = office  # "Secretary of State James Baker": a given name opens it
        while len(cur) > 1 and (
            (_not_name_word(cur[0], lex) and not kept_after_title(cur, title, lex))
            or (cur[0].low in lex.places and not 0 < lex.first_rank(cur[0].low) <= 300)
            or cur[0].low in CONTINENTS
        ):
            cur.pop(0)  # also a place before a name: "Ambassador to Islamabad Hui"
            title = ""
        if len(cur) > 1 and lex.common(cur[-1].low) and _LABEL_AFTER_RE.match(text, cur[-1].end):
            cur.pop()  # "Name: Nehad Aboul Komsan Job Title: ...": "Job" opens the next label
        if len(cur) > 1 and cur[-1].low in LEADER_NOUNS:
            cur.pop()  # "Obama Administration": the name, and the noun is evidence
        k = leading_place(cur, lex)
        if k and len(cur) - k >= 2:
            del cur[:k]
            title = ""
        if cur:
            out.append(Candidate(cur, title=title))
        cur = []

    prev: Token | None = None
    office = ""  # the title before "of"/"for" just read: "Minister of ..."
    for tok in tokens:
        joined = prev is not None and joins(prev, tok, text)
        if not joined:
            flush()
            title = office = ""
        if tok.low in ("of", "for") and prev is not None and is_title(prev) and not cur:
            office, title = title or prev.low, ""  # "President of Colombia": no name yet
            prev = tok
            continue
        if cur and tok.low in HONORIFICS and tok.cap:
            cur.append(tok)  # "Sharif Shaykh Ahmed": an honorific inside a name is part of it
        elif is_title(tok) and not (cur and tok.cap and not tok.caseless and _name_word(tok, lex)):
            while len(cur) > 1 and cur[-1].low in TITLE_MODIFIERS:
                cur.pop()  # "Michael Battle Special Envoy": "Special" is the title's
            flush()
            title, office = tok.low, ""
        elif _name_shaped(tok, lex, text) or (cur and tok.low in PARTICLES and not tok.upper):
            cur.append(tok)
        elif office and not cur and tok.cap and not tok.caseless and office_word(tok, lex):
            title = office  # "Secretary of State James Baker": the office's words, then the name
        elif (
            cur
            and tok.caseless
            and 0 < lex.last_rank(tok.low) <= 300
            and lex.zipf(tok.low) < 5.5  # RICE, SMITH; never ON, IN, AND
            and _opens_name(cur[-1], lex)
        ):
            cur.append(tok)  # "SUSAN E. RICE": a common word after a given name or initial
        else:
            flush()
            title = office = ""
        prev = tok
    flush()
    return out


def _not_name_word(tok: Token, lex: Lexicon) -> bool:
    low = tok.low
    if low in PARTICLES or tok.initial:
        return False
    if 0 < lex.first_rank(low) <= 300 and low not in lex.demonyms:
        return False  # "Peter", "Will", "Hope": a frequent given name before a name stays
    if low in PLACE_PREFIXES:
        return False  # decided by the place test on the whole run
    # Not places: many given names are also towns (George, Nelson, Tony).
    return lex.common(low) or low in ORG_WORDS or low in lex.demonyms


def _opens_name(tok: Token, lex: Lexicon) -> bool:
    """Whether the word after ``tok`` on an upper-case line may be a surname that is also a
    word (SUSAN E. RICE, GAYLE SMITH): after an initial, or a frequent given name."""
    if tok.initial:
        return True
    rank = lex.first_rank(tok.low)
    return 0 < rank <= 1000 and not lex.word(tok.low) and tok.low not in lex.places


def _name_word(tok: Token, lex: Lexicon) -> bool:
    """A title word that is here more likely a surname (a capitalised title after a name)."""
    if tok.low in OFFICIAL_TITLES or tok.low in HONORIFICS:
        return False
    return lex.last_rank(tok.low) != 0 and lex.last_rank(tok.low) < 500
