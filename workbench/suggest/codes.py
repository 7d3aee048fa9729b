"""Which exemption codes a suggestion proposes, from the code set the reviewer works with.

A suggestion states an *intent* (a private person's privacy, a confidential source, a
contact detail) and this module turns it into codes of the active set, so a team on the
NARA set is offered ``25X1`` where a FOIA reviewer is offered ``(b)(1)``. Sources:
5 U.S.C. 552(b)(6) (personal privacy), E.O. 13526 sec. 1.4(c)/(d) and sec. 3.3(b)(1)
(human sources), and State's practice of writing ``B1, 1.4(D)`` for confidential foreign
sources (declassification.md section 6).

A code is proposed only when some set in use defines it; a team set that has none of the
preferred codes is searched by its labels ("privacy", "source"), and when nothing fits the
suggestion carries no code and the reviewer picks one on accepting it.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.review.codes import CodeSet, available_code_sets, chosen_code_set
from workbench.review.model import ReviewError

PRIVACY = "privacy"
SOURCE = "source"

# Per intent, per set: the codes in the order a reviewer would write them.
_PREFERRED: dict[str, dict[str, tuple[str, ...]]] = {
    PRIVACY: {"foia": ("(b)(6)",), "eo13526": ("(b)(6)",), "nara": ("(b)(6)",)},
    SOURCE: {
        "foia": ("(b)(1)", "1.4(d)", "(b)(6)"),
        "eo13526": ("1.4(d)", "(b)(6)"),
        "nara": ("25X1", "(b)(6)"),
    },
}
_KEYWORDS = {PRIVACY: ("privacy", "personal"), SOURCE: ("source",)}


def codes_for(intent: str, active: CodeSet, sets: Sequence[CodeSet]) -> tuple[str, ...]:
    known = {c.code for s in sets for c in s.codes}
    preferred = _PREFERRED[intent].get(active.name)
    if preferred is not None:
        return tuple(c for c in preferred if c in known)
    for code in active.codes:
        text = f"{code.label} {code.description}".lower()
        if any(k in text for k in _KEYWORDS[intent]):
            return (code.code,)
    fallback = _PREFERRED[intent]["foia"]
    return tuple(c for c in fallback if c in known)


def active_sets(code_set: str | None = None) -> tuple[CodeSet, list[CodeSet]]:
    """The active set (by name, else the one chosen in settings) and every set in use."""
    try:
        sets = available_code_sets()
    except ReviewError:
        from workbench.review.codes import builtin_code_sets

        sets = list(builtin_code_sets())  # a broken team file must not stop suggestions
    if code_set:
        for s in sets:
            if s.name == code_set:
                return s, sets
    try:
        return chosen_code_set(sets), sets
    except ReviewError:
        return sets[0], sets
