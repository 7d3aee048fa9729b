"""Later mentions of a name already found: "Martinez" after "Hernan Martinez", "MONTILLA"
after "Jose Montilla", "Aboul Komsan" after "Nehad Aboul Komsan"."""

from __future__ import annotations

from itertools import pairwise

from workbench.suggest.lexicon import Lexicon
from workbench.suggest.name_candidate import Candidate
from workbench.suggest.name_context import article_name, place_like, street_name
from workbench.suggest.name_spacing import adjacent, joins, sentence_start
from workbench.suggest.name_titles import is_title
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import (
    HONORIFICS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_WORDS,
    PARTICLES,
    SPEECH_VERBS,
)

STRONG = 0.55  # a candidate this sure may lend its words to later mentions


def coreference(
    found: list[Candidate], tokens: list[Token], text: str, lex: Lexicon
) -> list[Candidate]:
    """Later mentions of a found name by one of its words ("Martinez", "MONTILLA")."""
    keys: dict[str, Candidate] = {}
    given = _given_names(found, lex)
    alone: set[str] = set()  # given names that count only where they stand alone
    for c in found:
        if c.score < STRONG or not c.seed:
            continue
        words = [
            t
            for t in c.tokens
            if t.low not in PARTICLES and not t.initial and t.low not in HONORIFICS
        ]
        parts = words[1:] if len(words) > 1 else words
        # Arabic names are shortened by the given name too: "Muatassim" for "Muatassim
        # al-Qadhafi"; not by the commonest ones (Mohammed, Ahmed, Ali).
        arabic = len(words) > 1 and any(article_name(t, lex) for t in words)
        if arabic and not 0 < lex.first_rank(words[0].low) <= 100:
            parts = words
        elif len(words) > 1 and given.get(words[0].low) == 1:
            parts = [*words[1:], words[0]]  # "Farida" for "Farida Ahmed": its only bearer
            alone.add(words[0].low)
        for t in parts:
            if len(t.low) < 3 or t.low in NOT_NAMES or is_title(t):
                continue
            if t.low in lex.places and (len(words) < 2 or t is words[0]):
                continue  # a surname that is also a town (Pinheiro) only from a full name
            if lex.common(t.low) and not 0 < lex.last_rank(t.low) <= 2000:
                continue  # "Government" of "Qatari Government", but "Cooper" stays
            keys.setdefault(t.low, c)
            head, dash, rest = t.low.partition("-")
            if dash and head in ("al", "el") and len(rest) >= 3 and rest not in lex.places:
                keys.setdefault(rest, c)  # "Megrahi" for "al-Megrahi"
    covered = sorted((c.start, c.end) for c in found)
    out: list[Candidate] = []
    for i, tok in enumerate(tokens):
        src = keys.get(tok.low)
        if src is None or any(a < tok.end and tok.start < b for a, b in covered):
            continue
        # Capitals in mixed-case text are acronyms ("TNK-BP"), whatever a header line made of them.
        if not tok.caseless and (not tok.cap or tok.upper):
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if i > 0 and street_name([tok], tokens[i - 1], text):
            continue  # "Avenida Quintero Ramos 455": the street, whoever it is named after
        if tok.low in alone and src.tokens[0].low == tok.low and _in_longer_name(tokens, i, text):
            continue  # "San Jose", "Jebel Ali", "Juan Rafael Mora": another name's word
        if i > 0 and tokens[i - 1].low in ORG_HEADS and joins(tokens[i - 1], tok, text):
            continue  # "Casa Saba", "Banco Safra": the firm, whoever it is named after
        if _inside_place(tokens, i, text, lex):
            continue  # "Paulo" of "Joao Paulo Cunha" in "Sao Paulo"
        if after is not None and after.low in ORG_WORDS and adjacent(tok, after, text):
            continue  # "the West Bank", "Costa Rica"
        speaks = after is not None and after.low in SPEECH_VERBS
        if lex.common(tok.low) and (tok.caseless or sentence_start(tok, text)) and not speaks:
            continue  # "WEST", or "Rice" opening a sentence: the common word, likely
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.why[0].endswith(f"'{' '.join(t.text for t in src.tokens)}'")
            and tokens[i - 1] is prev.tokens[-1]
            and joins(prev.tokens[-1], tok, text)
            and tok.low != prev.tokens[-1].low
        ):
            prev.tokens.append(tok)  # "Aboul Komsan" after "Nehad Aboul Komsan": one mention
            continue
        c = Candidate(_with_words_before(tokens, i, src, text), role=src.role)
        c.score = 0.7
        c.why.append(f"named earlier as '{' '.join(t.text for t in src.tokens)}'")
        out.append(c)
    # A mention of two words or more that is a place whole is the place ("Sao Paulo" after
    # the newspaper "Estado de Sao Paulo" taken for a name), whichever name lent it its
    # words; one word may well be a surname that is also a town (Garcia, Rivera, Carson).
    return [c for c in out if not _place_mention(c, lex)]


def _inside_place(tokens: list[Token], i: int, text: str, lex: Lexicon) -> bool:
    """Whether the word at ``i`` and the one before or after it name a place together."""
    for a, b in ((i - 1, i), (i, i + 1)):
        if (
            a >= 0
            and b < len(tokens)
            and joins(tokens[a], tokens[b], text)
            and f"{tokens[a].low} {tokens[b].low}" in lex.places
        ):
            return True
    return False


def _place_mention(c: Candidate, lex: Lexicon) -> bool:
    return len(c.tokens) >= 2 and place_like(" ".join(t.low for t in c.tokens), lex)


def _with_words_before(tokens: list[Token], i: int, src: Candidate, text: str) -> list[Token]:
    """The mention with the words of the full name written just before it: "Than Shwe"
    opening a sentence, where "Than" alone is only a common word and lent nothing."""
    names = [t.low for t in src.tokens]
    k = names.index(tokens[i].low) if tokens[i].low in names else 0
    if k == 0 or i < k:
        return [tokens[i]]
    before = tokens[i - k : i]
    if [t.low for t in before] != names[:k]:
        return [tokens[i]]
    run = [*before, tokens[i]]
    if not all(joins(a, b, text) for a, b in pairwise(run)):
        return [tokens[i]]
    return run


# Reasons that say nothing of a run's first word being a given name.
_WEAK_SEEDS = frozenset({"every word is a known name", "a name with a particle"})


def _given_names(found: list[Candidate], lex: Lexicon) -> dict[str, int]:
    """How many different full names of ``found`` open with each given name that may stand
    alone for its bearer: a ranked given name that is no English word, place or demonym
    ("Farida", not "Will", "Victoria" or "Bahraini"). Two bearers make it ambiguous."""
    bearers: dict[str, set[tuple[str, ...]]] = {}
    for c in found:
        if c.score < STRONG or not c.seed:
            continue
        words = [t for t in c.tokens if t.low not in PARTICLES and not t.initial]
        if len(words) < 2:
            continue
        if c.why and (c.why[0] in _WEAK_SEEDS or c.why[0].endswith("is a surname")):
            continue  # "Tierra de ...", "Rio Parana", "SWISS DFA": no given name said so
        first = words[0].low
        if (
            lex.first_rank(first) > 0
            and not lex.common(first)
            and not lex.word(first)
            and first not in lex.places
            and first not in lex.demonyms
            and first not in NOT_NAMES
            and len(first) >= 3
            and not any(lex.word(t.low) for t in words)  # "Epson Printer": a thing's name
        ):
            bearers.setdefault(first, set()).add(tuple(t.low for t in words))
    return {k: len(v) for k, v in bearers.items()}


def _in_longer_name(tokens: list[Token], i: int, text: str) -> bool:
    """Whether a capitalised word joins the one at ``i`` before or after it."""
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (before is not None and before.cap and joins(before, tokens[i], text)) or (
        after is not None and after.cap and joins(tokens[i], after, text)
    )
