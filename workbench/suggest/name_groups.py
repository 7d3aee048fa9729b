"""Names of groups and firms: a word the cable itself uses as the name of a party, bloc,
society or company ("the Al-Wifaq parliamentary bloc", "Drummond Coal", "Al-Asala MP") is
not a person where it stands alone ("Al-Wifaq has pressed", "Drummond insists").

A person's name may name a group too ("the Bush administration", "the Hariri bloc"): a word
the cable also writes in a person's full name or after a title stays a name.
"""

from __future__ import annotations

from workbench.suggest.lexicon import Lexicon
from workbench.suggest.name_candidate import Candidate
from workbench.suggest.name_spacing import touching
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import PARTICLES

# Nouns that follow a group's or a firm's name ("Wifaq party", "Drummond Coal", "Asala
# MPs"); not the nouns a leader's name stands before (administration, government, regime).
GROUP_NOUNS = frozenset(
    [
        "party",
        "parties",
        "bloc",
        "society",
        "movement",
        "coalition",
        "alliance",
        "front",
        "list",
        "faction",
        "militia",
        "group",
        "organization",
        "organisation",
        "association",
        "union",
        "league",
        "federation",
        "council",
        "network",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "ltda",
        "llc",
        "plc",
        "gmbh",
        "coal",
        "mining",
        "bank",
        "mp",
        "mps",
    ]
)


def _stems(tok: Token) -> set[str]:
    """The word and, for an Arabic article name, the word without it (Al-Wifaq, Wifaq)."""
    head, dash, rest = tok.low.partition("-")
    if dash and head in ("al", "el", "ad", "as", "an", "ar", "az", "ash"):
        return {tok.low, rest}
    return {tok.low}


def group_words(tokens: list[Token], text: str, lex: Lexicon) -> set[str]:
    """Words the cable writes just before a group noun, one word (an adjective) allowed
    between: "Al-Wifaq parliamentary bloc", "Drummond Coal President"."""
    out: set[str] = set()
    for j, noun in enumerate(tokens):
        if noun.low not in GROUP_NOUNS or j == 0:
            continue
        i = j - 1
        if (
            i > 0
            and tokens[i].text.islower()
            and touching(tokens[i], noun, text)
            and lex.word(tokens[i].low)
        ):
            i -= 1  # "parliamentary"
        tok = tokens[i]
        if not tok.caseless and tok.cap and not tok.upper and touching(tok, tokens[i + 1], text):
            out |= _stems(tok)
    return out


def without_groups(
    found: list[Candidate], tokens: list[Token], text: str, lex: Lexicon
) -> list[Candidate]:
    """``found`` less the mentions made only of a group's or firm's name."""
    groups = group_words(tokens, text, lex)
    if not groups:
        return found
    # Words of a full name or of a titled mention: a person's, even where a group bears it.
    personal: set[str] = set()
    for c in found:
        words = [t for t in c.tokens if t.low not in PARTICLES and not t.initial]
        if c.title or len(words) >= 2:
            for t in words:
                personal |= _stems(t)
    groups -= personal

    def only_group(c: Candidate) -> bool:
        words = [t for t in c.tokens if t.low not in PARTICLES and not t.initial]
        return (
            bool(words)
            and not any(t.caseless for t in words)
            and all(_stems(t) & groups for t in words)
        )

    return [c for c in found if not only_group(c)]
