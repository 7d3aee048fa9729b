"""Names a cable marks by form rather than by title: the value of a Name: field (vetting
lists, visa cables), and a speaker the cable names again and again by one word that it never
writes in lower case ("Summers said ... Summers added")."""

from __future__ import annotations

import re

from workbench.suggest.lexicon import Lexicon
from workbench.suggest.name_candidate import Candidate
from workbench.suggest.name_titles import is_title, titles
from workbench.suggest.tokens import Token, tokenize
from workbench.suggest.vocab import NOT_NAMES, ORG_WORDS, SPEECH_VERBS

# "Name: Duque Girlado, Horacio", "Rank/Name: COL AYMAN AHMED SHERIF", "Full Legal Name: ...".
_NAME_FIELD_RE = re.compile(
    r"(?im)^[ \t]*(?:\u00b6?\d{1,3}\.[ \t]*)?(?:\([A-Z/]{1,8}\)[ \t]*)?"
    r"(?:[\w/]+[ \t]+|\w+[ \t]*/[ \t]*){0,2}"  # "Full Legal Name:", "Rank/Name:"
    r"name[ \t]*:[ \t]*(?P<v>[^\n]{2,80}?)[ \t\d]*$"
)
# A rank written with its digit may open the value: "1LT MOHAMED ...", "2LT", "1SG".
_NAME_VALUE_RE = re.compile(
    r"^(?:\d[A-Z]{1,3}[ \t]+)?[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f .,'()-]*$"
)


def field_names(text: str, lo: int, lex: Lexicon) -> list[Candidate]:
    """The value of a Name: field, as vetting lists and visa cables write them."""
    out: list[Candidate] = []
    for m in _NAME_FIELD_RE.finditer(text, lo):
        value = m.group("v")
        if not _NAME_VALUE_RE.match(value) or value.upper().startswith(("N/A", "XXX", "NONE")):
            continue
        toks = [t for t in tokenize(text, m.start("v"), m.end("v")) if t.text != "aka"]
        while toks and is_title(toks[0]):
            toks = toks[1:]  # "COL AYMAN ...": a rank before the name
        words = [t for t in toks if not t.initial]
        # In capitals a name's words may be English words too (TAMER, SHERIF, ZAKI): the
        # field says it is a name unless most of its words are words and no name.
        wordlike = [t for t in words if lex.common(t.low) and t.caseless and not lex.is_name(t.low)]
        if not 1 <= len(words) <= 7 or len(wordlike) * 2 > len(words):
            continue
        c = Candidate(toks, score=0.85, role="private", seed=True)
        c.why.append("the value of a Name: field")
        out.append(c)
    return out


def speakers(tokens: list[Token], text: str, lex: Lexicon) -> list[Candidate]:
    """A capitalised word that speaks again and again ("Summers said", "Summers added") and is
    never written in lower case in the cable: the cable's name for someone."""
    counts: dict[str, int] = {}
    for i, t in enumerate(tokens[:-1]):
        if t.caseless or not t.text[:1].isupper() or t.upper or len(t.low) < 3:
            continue
        if tokens[i + 1].low not in SPEECH_VERBS or text[t.end : tokens[i + 1].start].strip(" ,"):
            continue
        prev = tokens[i - 1] if i else None
        # "contacts in Kufra said", "Advisor on African Affairs told": a place or the end of
        # a longer name, not a speaker of its own.
        joined = prev is not None and text[prev.end : t.start].strip() == ""
        if joined and prev is not None and (prev.low in _PREPOSITIONS or prev.text[:1].isupper()):
            continue
        counts[t.low] = counts.get(t.low, 0) + 1
    out: list[Candidate] = []
    for low, n in counts.items():
        if n < 2 or low in NOT_NAMES or low in ORG_WORDS or low in lex.places:
            continue
        if low in lex.demonyms or is_title_word(low):
            continue
        if re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None:
            continue  # written in lower case somewhere: a common word after all
        for t in tokens:
            if t.low == low and not t.caseless and t.text[:1].isupper():
                c = Candidate([t], score=0.65, role="private", seed=True)
                c.why.append("a speaker the cable names again and again")
                out.append(c)
    return out


_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "from",
        "of",
        "on",
        "to",
        "for",
        "with",
        "by",
        "near",
        "across",
        "inside",
        "outside",
        "into",
        "about",
    ]
)


def is_title_word(low: str) -> bool:
    return low in titles()


# "a Congolese male named Besto (LNU)": the US government's marks of a name known in part
# (LNU last name unknown, FNU first name unknown, NMN no middle name) follow a person's name
# and nothing else; NFI (no further information) follows anything ("various Sudanese" (NFI)).
_PART_KNOWN_RE = re.compile(
    r"(?<![\w-])(?P<v>[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){0,3})[\"”]?[ \t]*"
    r"\((?:LNU|FNU|NMN)\)"
)


def part_known_names(text: str, lo: int, lex: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _PART_KNOWN_RE.finditer(text, lo):
        toks = tokenize(text, m.start("v"), m.end("v"))
        while toks and (is_title(toks[0]) or (lex.common(toks[0].low) and len(toks) > 1)):
            toks = toks[1:]  # "Colonel Ahmed (LNU)", "Congolese Besto (LNU)"
        if not toks or any(t.low in ORG_WORDS or t.low in lex.demonyms for t in toks):
            continue
        c = Candidate(toks, score=0.8, role="private", seed=True)
        c.why.append("a name the cable marks as known in part (LNU/FNU)")
        out.append(c)
    return out


# The drafter's, clearers' and approver's lines of a State telegram, before its
# classification line: "CLEARED: P/E: DFABRYCKY, P/E: RICE, DCM: MRATNEY", "DRAFTED BY:
# DS/DSS/CC:JBACIGALUPO -- 06/19/2009". Each name follows its office symbol and a colon.
_DRAFTER_LINE_RE = re.compile(
    r"^[ \t]*(?:DRAFTED[ \t]+BY|CLEARED(?:[ \t]+BY)?|APPROVED[ \t]+BY)\b[^\n]*$", re.M
)
_AFTER_OFFICE_RE = re.compile(r":[ \t]*(?P<v>[A-Z][A-Z'-]{2,}(?:[ \t]+[A-Z][A-Z'-]{2,})?)\b")


def drafter_names(text: str, hi: int) -> list[Candidate]:
    out: list[Candidate] = []
    for line in _DRAFTER_LINE_RE.finditer(text, 0, hi):
        for m in _AFTER_OFFICE_RE.finditer(text, line.start(), line.end()):
            toks = [t for t in tokenize(text, m.start("v"), m.end("v")) if t.low != "jr"]
            if toks:
                c = Candidate(toks, score=0.85, role="official", seed=True)
                c.why.append("the drafter's or a clearer's line")
                out.append(c)
    return out
