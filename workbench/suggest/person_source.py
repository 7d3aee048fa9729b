"""The ``person`` source: every person's name in a cable, with the codes for its role."""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable

from workbench.cable.model import Cable
from workbench.suggest.codes import PRIVACY
from workbench.suggest.coreference import coreference
from workbench.suggest.header_names import authority_names, passing_names, signature_names
from workbench.suggest.lexicon import lexicon
from workbench.suggest.model import PERSON, SuggestContext, Suggestion
from workbench.suggest.name_acronyms import acronym_mentions
from workbench.suggest.name_candidate import THRESHOLD, Candidate
from workbench.suggest.name_case import without_cable_words
from workbench.suggest.name_forms import drafter_names, field_names, part_known_names, speakers
from workbench.suggest.name_groups import without_groups
from workbench.suggest.name_runs import runs
from workbench.suggest.name_score import score
from workbench.suggest.roles import consistent_roles
from workbench.suggest.tokens import Token, tokenize


def body_start(cable: Cable) -> int:
    """Where the cable proper begins: its classification line (the routing lines before it
    hold addresses and office codes, never a person)."""
    starts = [cable.body_start]
    if cable.classification is not None:
        # The line's start: a caption such as "C O N F I D E N T I A L SECTION 01 OF 02".
        starts.append(cable.text.rfind("\n", 0, cable.classification.start) + 1)
    if cable.subject is not None:
        # Partial extracts repeat the header; the reader may take the later classification
        # line but the first subject line.
        starts.append(cable.text.rfind("\n", 0, cable.subject.start) + 1)
    return min(starts) if cable.classification is not None or cable.subject else cable.body_start


_memo = threading.local()


def find_persons(cable: Cable) -> list[Candidate]:
    """Every name in ``cable``; remembered for the last cable seen by this thread, since the
    protect-marker source asks for the same cable right after the person source."""
    last = getattr(_memo, "last", None)
    if last is not None and last[0] is cable:
        return list(last[1])
    found = _find_persons(cable)
    _memo.last = (cable, found)
    return list(found)


def _find_persons(cable: Cable) -> list[Candidate]:
    text = cable.text
    lex = lexicon()
    tokens = outside(tokenize(text, body_start(cable)), _not_prose(cable))
    index = {t.start: i for i, t in enumerate(tokens)}
    found: list[Candidate] = []
    for c in runs(tokens, text, lex):
        score(c, tokens, index, text, lex)
        if c.score >= THRESHOLD:
            found.append(c)
    header = [
        *signature_names(cable, tokens),
        *authority_names(cable, text, lex),
        *passing_names(cable, text, lex),
        *field_names(text, body_start(cable), lex),
        *part_known_names(text, body_start(cable), lex),
        *drafter_names(text, body_start(cable)),
        *speakers(tokens, text, lex),
    ]
    found = _merge(found, header)
    found = _merge(found, coreference(found, tokens, text, lex))
    found = _merge(found, acronym_mentions(found, tokens, text))
    found = without_groups(found, tokens, text, lex)
    subject = range(cable.subject.start, cable.subject.end) if cable.subject else range(0)
    found = without_cable_words(found, tokens, lex, text, subject)
    consistent_roles(found)
    return sorted(found, key=lambda c: c.start)


# Lines inside a cable that are routing, markings or tags, not prose: a repeated header
# ("header: VZCZCXYZ0001 ... header ends", "OO RUEHWEB", "RHMFISS/HQ USSOUTHCOM MIAMI FL"),
# "SECRET//REL SAU", "TAGS PREL, PTER".
_NOT_PROSE_LINE_RE = re.compile(
    r"^[ \t]*(?:VZCZC\S*|[A-Z]{2}[ \t]+RUE\w+|DE[ \t]+R\w+[ \t]+#.*|ZN[YR][ \t].*"
    r"|R[A-Z]{4,6}/.*|(?:FM|TO|INFO)[ \t]+(?:R\w+/|AMEMBASSY|AMCONSUL|SECSTATE|USMISSION).*"
    r"|[A-Z ]*//[A-Z/ ]*|TAGS:?[ \t].*|[OPRZ]{1,2}[ \t]+\d{6}Z.*)[ \t]*$"
    # TAGS run on to the end of an E.O. line, as in cables pasted one after another.
    r"|(?<=[ \t])TAGS:?[ \t][^\n]*$",
    re.M,
)


def outside(tokens: list[Token], spans: list[tuple[int, int]]) -> list[Token]:
    """The tokens that start in none of ``spans``."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    out = []
    for t in tokens:
        i = bisect.bisect_right(starts, t.start) - 1
        if i < 0 or t.start >= merged[i][1]:
            out.append(t)
    return out


def _not_prose(cable: Cable) -> list[tuple[int, int]]:
    """Parts read by their own rules or holding no names: page-break debris, the passing
    lines (read by header_names), TAGS, the E.O. line, captions and references."""
    spans = [(n.start, n.end) for n in cable.noise]
    text = cable.text
    for m in _NOT_PROSE_LINE_RE.finditer(text, body_start(cable)):
        spans.append(m.span())
    for x in (cable.tags_span, cable.eo, *cable.captions, *cable.refs):
        if x is not None:
            spans.append((x.start, x.end))
    lo = body_start(cable)
    heads = [x.start for x in (cable.subject, cable.eo, cable.tags_span) if x is not None]
    if heads and min(heads) > lo:
        spans.append((lo, min(heads)))
    return spans


def _merge(found: list[Candidate], more: list[Candidate]) -> list[Candidate]:
    """Add ``more``; where two overlap, keep the surer (then the longer)."""
    out = list(found)
    for c in more:
        clash = [o for o in out if o.start < c.end and c.start < o.end]
        if any(o.start <= c.start and c.end <= o.end and o.score >= THRESHOLD for o in clash):
            continue
        if all((c.score, c.end - c.start) > (o.score, o.end - o.start) for o in clash):
            out = [o for o in out if o not in clash]
            out.append(c)
    return out


class PersonSource:
    name = "names"
    kinds = (PERSON,)

    def suggest(self, cable: Cable, context: SuggestContext) -> Iterable[Suggestion]:
        for c in find_persons(cable):
            text = cable.text[c.start : c.end]
            why = c.why[0] if c.why else "a name"
            if c.role == "official":
                reason = f"person's name, {why}; an official in office is usually released"
                score = c.score * 0.8
            else:
                reason = f"private person's name, {why}"
                score = c.score
            yield Suggestion(
                c.start,
                c.end,
                text,
                PERSON,
                context.codes(PRIVACY),
                reason,
                score,
                c.role,
            )
