"""The score of a candidate name (a run of name-shaped words) from its words and context.

The evidence, strongest first:

1. a title or office before the run ("Ambassador Sobel", "FM Gul", "PRESIDENT MBEKI");
2. a given name known to the name lists followed by another name word ("Hernan Martinez");
3. the run recurs as a part of a name already found ("Martinez" after "Hernan Martinez";
   coreference.py);
4. a reporting verb after it ("Hegazy said") or "according to" before it;
5. every word of the run is a ranked name and none is a common English word.

Against: the run is a place ("Costa Rica"), part of an organisation's name ("Julia Taft
Fund"), a common word, or a cable term. On upper-case lines capitals say nothing, so there
only the name lists and context decide. Titles never become part of the suggested span.
"""

from __future__ import annotations

from workbench.suggest.lexicon import Lexicon
from workbench.suggest.name_candidate import Candidate
from workbench.suggest.name_context import (
    PLACE_PREPOSITIONS,
    PLACE_SUFFIXES,
    article_name,
    article_place,
    has_place,
    place_after_particle,
    place_like,
    quoted_thing,
    street_name,
    strong_name,
)
from workbench.suggest.name_spacing import adjacent, sentence_start, touching
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import (
    ARTICLE_ORGS,
    LEADER_NOUNS,
    NAME_HEADS,
    OFFICIAL_TITLES,
    ORG_HEADS,
    ORG_WORDS,
    PARTICLES,
    PLACE_PREFIXES,
    SPEECH_VERBS,
)

# Offices whose name a place follows after "General": "Consulate General Ciudad Juarez".
_OFFICE_PLACES = frozenset({"consulate", "consulates", "embassy", "consul"})


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
    whole_place = place_like(joined, lex) and (not c.title or (n >= 2 and len(c.tokens) == n))
    all_places = (n == 1 and first.low in lex.places) or all(t.low in lex.places for t in words)
    if whole_place or (all_places and not c.title):
        # "Costa Rica", "Costa Ricans", "Mexico Mexico"; after a title too when two words or
        # more name the place whole: "ConGen Sao Paulo" is the consulate's city.
        c.score = 0.0
        return
    if words[-1].low in ORG_WORDS or (
        has_place(c.tokens, lex) and (not c.title or place_after_particle(c.tokens, lex))
    ):
        c.score = 0.0  # "Crown Court"; "Folha de Sao Paulo", "Rio de Janeiro"
        return
    if not c.title and len(c.tokens) >= 3 and place_like(f"{first.low} {c.tokens[1].low}", lex):
        c.score = 0.0  # "Costa Rican Chamber of ...", "Minas Gerais Governor": the place's thing
        return
    if c.tokens[-1].low in PLACE_SUFFIXES and n >= 2:
        c.score = 0.0  # "Palmar Norte", "Kivu Sud": a place
        return
    if c.tokens[0].low in PLACE_PREFIXES and not c.title:
        c.score = 0.0  # "San Pedro", "Nuevo Leon", "Puerto Cabello"
        return
    if c.tokens[0].low in ORG_HEADS and n >= 2 and not c.title:
        c.score = 0.0  # "Instituto de Defensa Legal", "Barrio Adentro"
        return
    if after is not None and after.low in ORG_WORDS and touching(c.tokens[-1], after, text):
        c.score = 0.0  # "Julia Taft Fund", "Qadhafi Development Foundation"
        return
    if not c.title and street_name(c.tokens, before, text):
        c.score = 0.0  # "Avenida Brigadeiro Faria Lima", "Pedro Rosales de Leon 7510"
        return
    if c.title == "general" and i_first >= 2 and tokens[i_first - 2].low in _OFFICE_PLACES:
        c.title = ""  # "the Consulate General Ciudad Juarez": the office's place, no person

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
    elif not caseless and any(article_name(t, lex) for t in words):
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
        and not sentence_start(c.tokens[0], text)
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
    verb = after is not None and after.low in SPEECH_VERBS and adjacent(c.tokens[-1], after, text)
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
            and after.low in LEADER_NOUNS
            and touching(first, after, text)
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
    if not c.title and before is not None and adjacent(before, c.tokens[0], text):
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
    if not caseless and sentence_start(c.tokens[0], text) and n == 1 and not c.title:
        s *= 0.6
    c.score = min(s, 0.99)
    c.seed = strong
