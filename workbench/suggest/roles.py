"""One person, one role in a cable: a name the cable gives an office anywhere is an
official's name everywhere in it.

The person finder decides a mention's role from its own neighbours ("DAS Gordon Gray" is an
official; "Gordon Gray later met ..." has no title). A reviewer who accepts by role or score
would then withhold an official's name in one paragraph and release it in the next: the
inconsistent release cases exist to prevent (newcomer 3, finding 14). So the role of each
name is settled once per cable: official if any mention of it is. A surname alone takes the
role of the full names it shortens only when they all agree: of two Walkers, one an
official, "Walker" is proposed as the private one's (withheld: default-deny).
"""

from __future__ import annotations

from workbench.suggest.name_candidate import Candidate
from workbench.suggest.vocab import PARTICLES

OFFICIAL = "official"


def _words(c: Candidate) -> tuple[str, ...]:
    return tuple(t.low for t in c.tokens if not t.initial and t.low not in PARTICLES)


def consistent_roles(found: list[Candidate]) -> None:
    """Make every mention of a name official when one is (in place)."""
    official = {_words(c) for c in found if c.role == OFFICIAL}
    full_names: dict[str, set[tuple[str, ...]]] = {}
    for c in found:
        w = _words(c)
        if len(w) >= 2:
            full_names.setdefault(w[-1], set()).add(w)
    for c in found:
        w = _words(c)
        shared = full_names.get(w[0], set()) if len(w) == 1 else set()
        if c.role == OFFICIAL and shared and not shared <= official and shared & official:
            # An official and a private person share the surname: which one "Walker" is
            # the cable does not say, so it is proposed as the private one's (withheld).
            c.role = "private"
            c.why.append("a surname an official and a private person share")
            continue
        if c.role == OFFICIAL or not w:
            continue
        if w in official:
            why = "an official where the cable names the office"
        elif len(w) == 1 and full_names.get(w[0]) and full_names[w[0]] <= official:
            why = "the surname of an official named in full"
        elif len(w) >= 2 and (w[-1],) in official and full_names.get(w[-1]) == {w}:
            why = "named by the office elsewhere in the cable"
        else:
            continue
        c.role = OFFICIAL
        c.why.append(why)
