"""What a cable's own mixed-case prose says of a word on its upper-case lines.

On an upper-case line (the subject, a heading, a passing line) capitals say nothing, so a
run such as "UK DEMARCHE" or "FCO AFRICA" reads like a name to the word lists. The same
cable's mixed-case prose usually writes those words too, and there it shows what they are:
"the UK", "the FCO" (acronyms, always in capitals), "a demarche" (a common word, always in
lower case). A person's name there is capitalised ("Rice", "Wood"), whatever it also means.
"""

from __future__ import annotations

from workbench.suggest.lexicon import Lexicon
from workbench.suggest.name_candidate import Candidate
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import PARTICLES

_LOWER, _ACRONYM, _CAPITALISED = 1, 2, 4
# An acronym the prose writes in capitals: short (UK, FCO, MFA, UNGA), as names rarely are.
_MAX_ACRONYM = 4


def case_forms(tokens: list[Token]) -> dict[str, int]:
    """For each word of the cable's mixed-case lines, how it is written there (bit flags).
    A word in capitals counts as an acronym only between words that are not: "SILLIMAN" or
    "AMBASSADOR JOHN SMITH" on a line with some lower case are names written in capitals."""
    out: dict[str, int] = {}
    for i, t in enumerate(tokens):
        if t.caseless or t.initial:
            continue
        if t.text.islower():
            form = _LOWER
        elif t.upper:
            form = _ACRONYM if len(t.text) <= _MAX_ACRONYM and _alone(tokens, i) else _CAPITALISED
        else:
            form = _CAPITALISED
        out[t.low] = out.get(t.low, 0) | form
    return out


def _alone(tokens: list[Token], i: int) -> bool:
    """Whether no word in capitals stands next to the one at ``i`` on its line."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and tokens[j].line == tokens[i].line and tokens[j].upper:
            return False
    return True


def cable_words(c: Candidate, forms: dict[str, int], lex: Lexicon) -> bool:
    """Whether an untitled run of an upper-case line holds a word the prose writes only as an
    acronym ("UK DEMARCHE", "FCO AFRICA"), or is all words the prose writes only in lower
    case and no name list knows ("DEMOBILIZATIONS"; "WOOD" signs a cable that mentions wood)."""
    if c.title or not all(t.caseless for t in c.tokens):
        return False
    words = [t for t in c.tokens if t.low not in PARTICLES and not t.initial]
    if not words:
        return False
    found = [forms.get(t.low, 0) for t in words]
    if _ACRONYM in found:
        return True
    return all(f == _LOWER for f in found) and not any(lex.is_name(t.low) for t in words)


def without_cable_words(
    found: list[Candidate], tokens: list[Token], lex: Lexicon, text: str, subject: range
) -> list[Candidate]:
    """``found`` less the runs of the subject line and of headings (a line between rules of
    dashes or equals signs) that are the cable's words. Only there: a signature or an
    authority line in capitals is a name even if the prose writes "wood" or "rice"."""
    asked = [
        c
        for c in found
        if not c.title
        and all(t.caseless for t in c.tokens)
        and (c.start in subject or _heading(text, c.start))
    ]
    if not asked:
        return found  # most cables: spare the pass over every word of the prose
    forms = case_forms(tokens)
    if not forms:
        return found  # a cable wholly in capitals: nothing to learn from its prose
    dropped = {id(c) for c in asked if cable_words(c, forms, lex)}
    return [c for c in found if id(c) not in dropped]


def _heading(text: str, pos: int) -> bool:
    a = text.rfind("\n", 0, pos)
    b = text.find("\n", pos)
    before = text[text.rfind("\n", 0, max(a, 0)) + 1 : a].strip() if a > 0 else ""
    after = text[b + 1 : text.find("\n", b + 1)].strip() if b >= 0 else ""
    return any(len(x) >= 3 and set(x) <= {"-", "=", " "} for x in (before, after))
