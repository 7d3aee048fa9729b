"""Person names in a cable's text: runs of name-shaped words, scored by their context.

The evidence, strongest first:

1. a title or office before the run ("Ambassador Sobel", "FM Gul", "PRESIDENT MBEKI");
2. a given name known to the name lists followed by another name word ("Hernan Martinez");
3. the run recurs as a part of a name already found ("Martinez" after "Hernan Martinez");
4. a reporting verb after it ("Hegazy said") or "according to" before it;
5. every word of the run is a ranked name and none is a common English word.

Against: the run is a place ("Costa Rica"), part of an organisation's name ("Julia Taft
Fund"), a common word, or a cable term. On upper-case lines capitals say nothing, so there
only the name lists and context decide. Titles never become part of the suggested span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from workbench.suggest.lexicon import Lexicon, lexicon
from workbench.suggest.name_context import (
    CONTINENTS,
    PLACE_PREPOSITIONS,
    has_place,
    kept_after_title,
    leading_place,
    list_letter,
    office_word,
    place_like,
    quoted_thing,
    strong_name,
)
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import (
    ARTICLE_ORGS,
    ARTICLE_PLACES,
    DOTTED_TITLES,
    HYPHEN_ADJECTIVES,
    NOT_NAMES,
    OFFICIAL_TITLES,
    ORG_HEADS,
    ORG_WORDS,
    PARTICLES,
    PLACE_PREFIXES,
    SPEECH_VERBS,
    TITLE_MODIFIERS,
    TITLES,
)

THRESHOLD = 0.5
# "GOH", "GOM", "GOP": cables' abbreviations for the Government of a country.
_GOVT_RE = re.compile(r"^go[a-z]$")
# The next word is a field's label: "... Job Title:", "... Date of Birth:".
_LABEL_AFTER_RE = re.compile(r"[ \t]+[A-Z][a-z]+(?:[ \t]+of)?(?:[ \t]+[A-Z][a-z]+)?:")
# Nouns a leader's name stands before: "the Obama Administration", "the Bush government".
_LEADER_NOUNS = frozenset({"administration", "government", "regime", "presidency", "era"})
HONORIFICS = frozenset({"sheikh", "shaykh", "sheik", "shaikh", "sayyid", "sayed"})
# Words that begin Arabic names and are written capitalised: "Abu Qatada", "Abdel Wahid".
NAME_HEADS = frozenset({"abu", "abd", "abdel", "abdul", "abdal", "bin", "ibn", "bint", "ould"})


def _article_name(tok: Token, lex: Lexicon) -> bool:
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
    )  # candidates scoring below this are not suggested


# Between two words of one name: spaces, at most one line break, a dot after an initial or
# abbreviation, or the quotes around a nickname (Porfirio "Pepe" Lobo).
_GAP_RE = re.compile(r'^\.?[ \t]*(?:\n[ \t]*)?"?$|^"?[ \t]*(?:\n[ \t]*)?"?$')
_SENTENCE_END_RE = re.compile(r'[.!?:;]["\')]*\s*$|\n\s*\n\s*$|\(\w{1,6}(?://\w+)?\)\s*$|^\s*$')


@cache
def _titles() -> frozenset[str]:
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


@dataclass
class Candidate:
    tokens: list[Token]
    score: float = 0.0
    role: str = "private"  # official | private
    why: list[str] = field(default_factory=list)
    title: str = ""
    # Sure enough to lend its words to later mentions (coreference): a title, a given
    # name, a header line, or a name of several words; never a lone speaker.
    seed: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def is_title(tok: Token) -> bool:
    low = tok.low
    if low in _titles() or (low + ".") in TITLES:
        return True
    head, dash, tail = low.rpartition("-")
    return bool(dash) and head != "" and tail in _titles()  # "Vice-Consul", "Deputy-Director"


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
        if len(cur) > 1 and cur[-1].low in _LEADER_NOUNS:
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
        joined = prev is not None and _joins(prev, tok, text)
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


def _joins(prev: Token, tok: Token, text: str) -> bool:
    gap = text[prev.end : tok.start]
    if gap.startswith(".") and not (prev.initial or prev.low in DOTTED_TITLES):
        return False  # a full stop after a word ends the sentence, and the name
    if "\n" in gap and _short_line(text, prev.end + gap.index("\n")):
        return False  # a list's line ends its entry: "Ambassador William B. Wood" / "Cynthia ..."
    return _GAP_RE.match(gap) is not None


# A line that ends this far before the width cables wrap at (69 characters, most of the corpus)
# was ended by its writer, as the entries of a participant list are, not wrapped: a name does
# not run on from it to the next line.
# (Measured on the labelled dev set: 35 and 45 change none of its scores; 55 cuts wrapped
# names and costs precision.)
_WRAPPED_LINE_MIN = 45


def _short_line(text: str, line_end: int) -> bool:
    line_start = text.rfind("\n", 0, line_end) + 1
    return len(text[line_start:line_end].rstrip()) < _WRAPPED_LINE_MIN


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


def score(
    c: Candidate, tokens: list[Token], index: dict[int, int], text: str, lex: Lexicon
) -> None:
    """Set ``c.score``, ``c.role`` and the reasons, from the run and its neighbours."""
    words = [t for t in c.tokens if t.low not in PARTICLES and not t.initial]
    if not words:
        c.score = 0.0
        return
    first, last = words[0], words[-1]
    i_first = index[c.tokens[0].start]
    i_last = index[c.tokens[-1].start]
    before = tokens[i_first - 1] if i_first > 0 else None
    after = tokens[i_last + 1] if i_last + 1 < len(tokens) else None
    caseless = any(t.caseless for t in c.tokens)
    n = len(words)
    joined = " ".join(t.low for t in c.tokens)

    if any(t.low in ARTICLE_ORGS for t in c.tokens) or (n == 1 and article_place(first, lex)):
        c.score = 0.0  # "Al-Arabiya said", "Eid al-Fitr", "Al-Anbar": no person
        return
    if not c.title and (
        place_like(joined, lex)
        or (n == 1 and first.low in lex.places)
        or all(t.low in lex.places for t in words)
    ):
        c.score = 0.0  # "Costa Rica", "Costa Ricans", "Mexico Mexico"
        return
    if words[-1].low in ORG_WORDS or (not c.title and has_place(c.tokens, lex)):
        c.score = 0.0  # "Crown Court"; "Folha de Sao Paulo", "Rio de Janeiro"
        return
    if c.tokens[0].low in PLACE_PREFIXES and not c.title:
        c.score = 0.0  # "San Pedro", "Nuevo Leon", "Puerto Cabello"
        return
    if c.tokens[0].low in ORG_HEADS and n >= 2 and not c.title:
        c.score = 0.0  # "Instituto de Defensa Legal", "Barrio Adentro"
        return
    if after is not None and after.low in ORG_WORDS and _touching(c.tokens[-1], after, text):
        c.score = 0.0  # "Julia Taft Fund", "Qadhafi Development Foundation"
        return

    s = 0.0
    if c.title and n == 1 and lex.common(first.low) and not 0 < lex.last_rank(first.low) <= 2000:
        c.title = ""  # "Member States", "DG Trade", "Mayor Threatened": not a name
    if c.title:
        s = 0.75
        c.why.append(f"after the title '{c.title}'")
        if c.title.rstrip(".") in OFFICIAL_TITLES:
            c.role = "official"
    strong = bool(c.title)
    head = c.tokens[0]
    if not caseless and head.low in NAME_HEADS and head.cap and len(c.tokens) >= 2:
        s = max(s, 0.75)  # "Abu Qatada", "Abdel Basset al-Megrahi"
        strong = True
        c.why.append(f"an Arabic name ('{head.text} ...')")
    elif not caseless and any(_article_name(t, lex) for t in words):
        s = max(s, 0.75)  # "al-Megrahi", "el-Eryan"
        strong = True
        c.why.append("an Arabic name (al-...)")
    inner = c.tokens[1:-1]
    if not caseless and n >= 2 and any(t.low in PARTICLES and not t.cap for t in inner):
        s = max(s, 0.7)  # "Francenildo da Costa", "Gussje ter Horst"
        strong = True
        c.why.append("a name with a particle")
    if (
        any(t.initial for t in c.tokens)
        and not all(lex.common(t.low) for t in words)
        and (not caseless or all(lex.is_name(t.low) for t in words))
    ):
        s = max(s, 0.7)  # "P. Chidambaram", "Kyle M. Ballard"
        strong = True
        c.why.append("a name with an initial")
    fr = lex.first_rank(first.low)
    others_common = [
        t for t in words[1:] if lex.common(t.low) and not 0 < lex.last_rank(t.low) <= 2000
    ]
    # A very frequent given name that is also a word ("Peter", "Mark", "Will") counts in
    # mixed-case text when it does not open the sentence and no word after it is English
    # ("Peter Andre", not "Pan Am").
    given_word = (
        fr <= 300
        and not caseless
        and not _sentence_start(c.tokens[0], text)
        and not any(lex.word(t.low) for t in words[1:])
    )
    if (
        n >= 2
        and fr
        and fr <= 3000
        and (not lex.common(first.low) or given_word)
        and first.low not in lex.demonyms
        and first.low not in lex.places
        and not others_common
        and not (caseless and lex.word(first.low) and not strong_name(first.low, lex))
        and not (caseless and len(first.low) <= 2)  # "RS TNK-BP": a code, not a name
    ):
        s = max(s, 0.8)
        strong = True
        c.why.append(f"'{first.text}' is a given name")
    elif (
        n >= 2
        and not caseless
        and 0 < lex.last_rank(last.low) <= 3000
        and not any(lex.word(t.low) for t in words)
    ):
        s = max(s, 0.6)  # "Rangzieb Ahmed": an unknown word before a known surname
        c.why.append(f"'{last.text}' is a surname")
    elif n >= 2 and all(lex.is_name(t.low) for t in words):
        s = max(s, 0.6 if not caseless else 0.55)
        c.why.append("every word is a known name")
    elif n >= 2 and not caseless:
        s = max(s, 0.4)
    verb = after is not None and after.low in SPEECH_VERBS and _adjacent(c.tokens[-1], after, text)
    according = (
        before is not None
        and before.low == "to"
        and i_first >= 2
        and tokens[i_first - 2].low == "according"
    )
    # A speaker is a person only if the word could be a name: "the Czechs stressed" and
    # "Embassy said" have speech verbs too.
    nameish = all(
        (lex.is_name(t.low) and lex.last_rank(t.low) and not lex.common(t.low))
        or lex.zipf(t.low) < 2.5
        for t in words
    )
    if (verb or according) and (nameish or n >= 2):
        s = max(s, 0.35) + 0.3
        c.why.append("a speaker" if verb else "a source ('according to')")
    if n == 1 and not c.title and not verb and not according:
        s = max(s, 0.25 if lex.last_rank(first.low) else 0.1)
        if (
            after is not None
            and after.low in _LEADER_NOUNS
            and _touching(first, after, text)
            and not caseless
            and lex.is_name(first.low)
            and not lex.word(first.low)
            and first.low not in lex.places
            and first.low not in lex.demonyms
            and first.low[:-1] not in lex.places  # "the Qatari government"
        ):
            s = 0.6
            c.role = "official"  # the Zapatero government: the head of one
            c.why.append(f"a leader's name ('{first.text} {after.text}')")

    # Against.
    if not c.title and before is not None and _adjacent(before, c.tokens[0], text):
        if before.low in PLACE_PREPOSITIONS:
            s *= 0.4  # "at Penas Blancas", "near Didi Dighomi": a place, never a person
        elif before.low == "in" and not caseless:
            s *= 0.6  # "in Tamil Nadu"; "in Karzai's government" comes from its own mention
    if quoted_thing(c.start, c.end, text):
        c.score = 0.0  # 'the ship "Juan Santamaria"', 'the "Pancha Carrasco"': a named thing
        return
    common = [t for t in words if lex.common(t.low)]
    if common and not strong:
        s *= 0.5 if len(common) < n else 0.3
    if not caseless and _sentence_start(c.tokens[0], text) and n == 1 and not c.title:
        s *= 0.6
    c.score = min(s, 0.99)
    c.seed = strong


def _adjacent(a: Token, b: Token, text: str) -> bool:
    return text[a.end : b.start].strip(" \t\n,") == ""


def _touching(a: Token, b: Token, text: str) -> bool:
    """Only spaces between: "Taft Fund", not "Chancellor Darling, Bank of England"."""
    return text[a.end : b.start].strip(" \t\n") == ""


def _sentence_start(tok: Token, text: str) -> bool:
    return _SENTENCE_END_RE.search(text[max(0, tok.start - 12) : tok.start]) is not None
