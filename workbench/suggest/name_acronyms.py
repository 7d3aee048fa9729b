"""A person's name shortened to its initials: "President Fernandez de Kirchner (CFK)", then
"encouraged CFK to accept"; "Andres Manuel Lopez Obrador (AMLO)". The cable says so itself:
the letters in parentheses right after a found name are the initials of its words (the
last ones at least: a given name the cable leaves out may open them, as Cristina's C)."""

from __future__ import annotations

import re

from workbench.suggest.name_candidate import Candidate
from workbench.suggest.tokens import Token
from workbench.suggest.vocab import PARTICLES

_AFTER_RE = re.compile(r"[ \t]*\n?[ \t]*\(([A-Z]{2,5})\)")
STRONG = 0.55  # as coreference.py: a name this sure may lend itself to later mentions


def initials_of(c: Candidate, text: str) -> str | None:
    """The initials the cable gives ``c`` in parentheses right after it, if they fit."""
    m = _AFTER_RE.match(text, c.end)
    if m is None:
        return None
    letters = m.group(1)
    words = [t for t in c.tokens if t.low not in PARTICLES and not t.initial]
    initials = "".join(t.text[0].upper() for t in words)
    # Every word's initial, in order, ending the letters; at most one more before them.
    if len(words) >= 2 and letters.endswith(initials) and len(letters) - len(initials) <= 1:
        return letters
    return None


def acronym_mentions(found: list[Candidate], tokens: list[Token], text: str) -> list[Candidate]:
    """Every use of a found name's initials (as written, in capitals) in the cable."""
    short: dict[str, Candidate] = {}
    for c in found:
        if c.score >= STRONG and c.seed:
            letters = initials_of(c, text)
            if letters is not None:
                short.setdefault(letters, c)
    if not short:
        return []
    covered = [(c.start, c.end) for c in found]
    out: list[Candidate] = []
    for tok in tokens:
        src = short.get(tok.text)
        if src is None or any(a < tok.end and tok.start < b for a, b in covered):
            continue
        c = Candidate([tok], role=src.role)
        c.score = 0.7
        c.why.append(f"the initials of '{' '.join(t.text for t in src.tokens)}'")
        out.append(c)
    return out
