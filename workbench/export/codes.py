"""Exemption codes as a release prints them, and what they mean (from the review's code sets).

The code sets themselves (FOIA 5 U.S.C. 552(b), E.O. 13526 1.4, 25X/50X, and a team's own)
live in ``workbench.review.codes``; export only formats them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.review.codes import CodeSet, builtin_code_sets, find_code
from workbench.review.model import PENDING_CODE

_B = re.compile(r"^\(b\)\((\d)\)(?:\(([a-f])\))?$|^b(\d)(?:\(([a-f])\))?$", re.I)
_EO = re.compile(r"^(1\.[45])\s*\(([a-h])\)$", re.I)


def description(code: str, sets: Sequence[CodeSet] | None = None) -> str | None:
    """What ``code`` means, or None when none of ``sets`` (the export's code sets, from its
    options; None: the built-in sets) knows it. Never read from settings: see ``options``."""
    if code == PENDING_CODE:
        return "not yet reviewed: withheld until a reviewer decides"
    found = find_code(code, builtin_code_sets() if sets is None else sets)
    if found is None:
        return None
    text = found.description or found.label or found.code
    # The first sentence is the meaning; code sets add usage notes after it.
    first, dot, _rest = text.partition(". ")
    return first + "." if dot else text


def stamp_form(code: str) -> str:
    """How a State release stamp writes a code: ``(b)(1)`` -> ``B1``, ``1.4(d)`` -> ``1.4(D)``
    (declassification.md section 7: ``RELEASE IN PART B1, 1.4(D), B6``)."""
    c = code.strip()
    if m := _B.match(c):
        n = m.group(1) or m.group(3)
        sub = m.group(2) or m.group(4)
        return f"B{n}" + (f"({sub.upper()})" if sub else "")
    if m := _EO.match(c):
        return f"{m.group(1)}({m.group(2).upper()})"
    return c.upper()


def label(codes: tuple[str, ...]) -> str:
    """The text on a redaction box, as the reviewer wrote the codes: ``(b)(1) 1.4(d)``."""
    return " ".join(codes)
