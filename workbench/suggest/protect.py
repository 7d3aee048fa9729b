"""The ``protect-marker`` source: the cable's own protect wording, and what it protects.

Drafters flag a source right after naming it: ``Rogelio Lozano (STRICTLY PROTECT)``,
``XXXXXXXXXXXX(strictly protect source)``, ``an Israeli embassy official (please
protect)``. Both the wording and the name or description before it are proposed, with the
codes for a confidential source. ``SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT
ACCORDINGLY`` is a handling caption, not a source, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.cable.model import Cable
from workbench.suggest.codes import SOURCE
from workbench.suggest.model import PROTECT, SuggestContext, Suggestion
from workbench.suggest.person_source import body_start, find_persons

MARKER_RE = re.compile(
    r"\(\s*(?:please\s+)?(?:strictly\s+)?(?:please\s+)?protect"
    r"(?:\s+(?:strictly|source|sources|identity|throughout|him|her|them|please))*\s*[,.;]?\s*\)"
    r"|\b(?:please|strictly)\s+protect(?:\s+(?:this|the|his|her|their|our))?\s+"
    r"(?:source|sources|identity|contact|contacts|him|her|them|throughout)\b[^.\n]{0,40}\.?",
    re.I,
)
_REDACTED_RE = re.compile(r"[Xx]{6,}\s*$")
# What stops the walk back from a marker to the start of the description it protects.
_CLAUSE_END_RE = re.compile(
    r"[.;:!?()]|,|--|\n\s*\n|\b(?:according to|with|that|told|tells|said|says|met|and|"
    r"as did|like)\s",
    re.I,
)
_DETERMINERS_RE = re.compile(r"^(?:(?:the|a|an|other|another|our|one|two|some|several)\s+)+", re.I)


class ProtectSource:
    name = "protect"
    kinds = (PROTECT,)

    def suggest(self, cable: Cable, context: SuggestContext) -> Iterable[Suggestion]:
        text = cable.text
        codes = context.codes(SOURCE)
        persons = None
        for m in MARKER_RE.finditer(text, body_start(cable)):
            yield Suggestion(
                m.start(),
                m.end(),
                m.group(),
                PROTECT,
                codes,
                "the cable's own protect wording",
                0.95,
                "marker",
            )
            if persons is None:
                persons = find_persons(cable)
            span = _protected(text, m.start(), persons)
            if span is not None:
                a, b = span
                yield Suggestion(
                    a,
                    b,
                    text[a:b],
                    PROTECT,
                    codes,
                    "the source the cable asks to protect",
                    0.85,
                    "protected",
                )


def _protected(text: str, marker: int, persons) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The name or description the marker at ``marker`` follows, if any."""
    lo = max(0, marker - 160)
    before = text[lo:marker]
    stripped = before.rstrip(" \t\n,")
    end = lo + len(stripped)
    m = _REDACTED_RE.search(stripped)
    if m:
        return lo + m.start(), end
    # A person's name that ends where the marker begins.
    for c in persons:
        if end - 2 <= c.end <= end:
            return c.start, c.end
    # Otherwise the phrase back to the clause boundary, less its determiners.
    cut = 0
    for b in _CLAUSE_END_RE.finditer(stripped):
        cut = b.end()
    phrase = stripped[cut:]
    d = _DETERMINERS_RE.match(phrase.lstrip())
    offset = len(phrase) - len(phrase.lstrip()) + (d.end() if d else 0)
    start = lo + cut + offset
    if end - start < 3 or end - start > 120:
        return None
    return start, end
