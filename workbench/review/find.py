"""Find and redact: a term or regular expression proposes span redactions across a cable.

Every region is searched (paragraph bodies, every header field, passing lines, repeated
headers, unparsed text), never a region's label. A plain term must not miss its text because of
how a cable is typed or printed, so it is matched on a folded view of the text
(:func:`find_text`): any Unicode normal form, accents ("MUNOZ" is "Muñoz") and HTML entities
("Mu&#241;oz"; ``text_fold``), any run of white space, a word hyphen-wrapped over
a line end ("Hye-\\njin", "Disarma-\\nment"), and page-break lines between its words are all
seen through. Applying the proposals is one :class:`Composite` command (one undo step, one
transaction) that only adds spans: a pending region stays pending.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.cable.model import Cable
from workbench.review import commands as cmd
from workbench.review import line_grammar as g
from workbench.review.model import FIELDS, Action, Redaction, Review, ReviewError
from workbench.review.regions import Region, partition
from workbench.review.text_fold import (
    drop_format,
    entity_at,
    is_format,
    one_apostrophe,
    strip_accents,
)

_HYPHENS = "-\u2010\u2011\u2012\u2013\u00ad"


@dataclass(frozen=True)
class Proposal:
    """One place the pattern matched.

    ``kind`` is ``span`` (in a paragraph), ``field`` (in header field ``field``) or ``region``
    (any other region). ``region`` is the region's key, ``paragraph`` the paragraph's index.
    ``covered`` is True when the review already withholds that text.
    """

    kind: str
    start: int
    end: int
    text: str
    paragraph: int | None = None
    paragraph_key: str = ""
    field: str | None = None
    covered: bool = False
    region: str = ""
    region_label: str = ""


# How long one search of a user's regular expression may run (issue 12). Python's engine
# backtracks, and a pattern such as ``(a|a)+$`` tries every way to match: on a line of 40 a's
# that is 2**40 ways, for ever. The ``regex`` module runs the same syntax with a time limit.
# (RE2, a backtracking-free engine, was the other choice; its ``\w`` and case folding are
# ASCII-only and it has no lookarounds, so reviewers' patterns would match differently.)
REGEX_TIMEOUT = 2.0


class Pattern:
    """A compiled search: a regular expression, or a plain term matched on folded text."""

    def __init__(self, term: str, regex: Any | None, match_case: bool, word: bool):
        self.term = term
        self.regex = regex
        self.match_case = match_case
        self.whole_word = word
        self.pattern = regex.pattern if regex is not None else term

    def finditer(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        if self.regex is not None:
            try:
                for m in self.regex.finditer(text, lo, hi, timeout=REGEX_TIMEOUT):
                    if m.end() > m.start():  # a pattern that matches nothing proposes nothing
                        yield m.start(), m.end()
            except TimeoutError:
                raise ReviewError(
                    f"the regular expression {_shown(self.term)} took too long (over "
                    f"{REGEX_TIMEOUT:g} s on one region), so the search was stopped and nothing "
                    "was redacted: simplify it (nested repeats such as (a|a)+ try every way to "
                    "match)"
                ) from None
            return
        yield from find_text(text, self.term, lo, hi, self.match_case, self.whole_word)

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
        return next(self.finditer(text, lo, len(text) if hi is None else hi), None)


def _shown(pattern: str, limit: int = 60) -> str:
    """The pattern as a message quotes it: a pattern of thousands of characters is cut."""
    return (
        repr(pattern)
        if len(pattern) <= limit
        else repr(pattern[:limit]) + f"... ({len(pattern):,} characters)"
    )


def _shown_reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    return str(exc)


def compile_pattern(
    pattern: str, regex: bool = False, match_case: bool = False, whole_word: bool = False
) -> Pattern:
    """The search. A plain term matches as :func:`find_text` does; case is ignored unless
    ``match_case``; ``regex`` takes ``pattern`` as a Python regular expression."""
    if not pattern.strip():
        raise ReviewError("the search term is empty: give the text to find")
    if not regex:
        return Pattern(pattern, None, match_case, whole_word)
    import regex as regex_engine  # Python's syntax, with a time limit (REGEX_TIMEOUT)

    source = rf"(?<!\w)(?:{pattern})(?!\w)" if whole_word else pattern
    flags = regex_engine.V0 | (0 if match_case else regex_engine.IGNORECASE)
    try:
        compiled = regex_engine.compile(source, flags)
    except (regex_engine.error, ValueError, OverflowError, RecursionError) as exc:
        raise ReviewError(
            f"{_shown(pattern)} is not a valid regular expression ({_shown_reason(exc)})"
        ) from None
    return Pattern(pattern, compiled, match_case, whole_word)


def same_text(cable: Cable, start: int, end: int) -> Pattern:
    """A pattern for the text at ``start``-``end``: to propose the same name everywhere."""
    return compile_pattern(cable.text[start:end], match_case=False, whole_word=True)


# -- the folded view -------------------------------------------------------------------------
def _fold_term(term: str, match_case: bool) -> str:
    t = unicodedata.normalize("NFKC", drop_format(one_apostrophe(html.unescape(term))))
    t = "".join(ch for ch in t if ch not in _HYPHENS)
    t = " ".join(t.split())
    return t if match_case else strip_accents(t.casefold())


def _skipped_lines(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Page-break debris inside ``lo``-``hi``: whole debris lines, and page headers."""
    out = []
    pos = lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        end = hi if nl == -1 else nl
        if g.DEBRIS_LINE.fullmatch(text, pos, end) and text[pos:end].strip():
            out.append((pos, end))
        else:
            m = g.PAGE_HEADER.match(text, pos, end)
            if m and m.end() > pos and text[pos : m.end()].strip():
                out.append((pos, m.end()))
        pos = end + 1
    return out


def _folded(
    text: str, lo: int, hi: int, match_case: bool, skip_debris: bool = True
) -> tuple[str, list[int], list[int]]:
    """``text[lo:hi]`` folded, with each folded character's source start and end offsets."""
    skips = _skipped_lines(text, lo, hi) if skip_debris else []
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, k = lo, 0
    pending_space = False
    while i < hi:
        if k < len(skips) and skips[k][0] <= i:
            i = max(i, skips[k][1])
            k += 1
            pending_space = True
            continue
        ch = text[i]
        if ch == "&" and (entity := entity_at(text, i, hi)) is not None:
            # "Mu&#241;oz" is "Muñoz": the decoded letter stands for the entity's characters.
            decoded, j = entity
            if decoded.isspace() or all(c in _HYPHENS for c in decoded):
                pending_space = pending_space or decoded.isspace()
                i = j
                continue
            piece = unicodedata.normalize("NFKC", drop_format(one_apostrophe(decoded)))
            if not match_case:
                piece = strip_accents(piece.casefold())
            if not piece:  # "&zwnj;": an invisible format character
                i = j
                continue
        elif ch.isspace():
            pending_space = True
            i += 1
            continue
        elif is_format(ch):
            # Zero-width spaces and joiners, U+FEFF, bidi controls: invisible, so "Hye<ZWSP>jin"
            # is "Hyejin" as a reader sees it (newcomer 6, finding 22), as a soft hyphen is.
            i += 1
            continue
        elif ch in _HYPHENS:
            # A hyphen is dropped; so is the line break after one ("Hye-\njin" is "Hyejin").
            j = i + 1
            while j < hi and text[j] in " \t":
                j += 1
            if j < hi and text[j] == "\n":
                while j < hi and text[j].isspace():
                    j += 1
                while k < len(skips) and skips[k][0] <= j:
                    j = max(j, skips[k][1])
                    k += 1
                    while j < hi and text[j].isspace():
                        j += 1
                i = j
            else:
                i += 1
            continue
        else:
            # A character and the combining marks after it, normalised together.
            j = i + 1
            while j < hi and unicodedata.combining(text[j]):
                j += 1
            piece = unicodedata.normalize("NFKC", one_apostrophe(text[i:j]))
            if not match_case:
                # Accents folded too: a teletype "MUNOZ" is the "Muñoz" withheld.
                piece = strip_accents(piece.casefold())
        # ``piece`` (an entity's letters or a character's) stands for ``text[i:j]``.
        if pending_space and out:
            out.append(" ")
            starts.append(i)
            ends.append(i)
        pending_space = False
        for c in piece:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(out), starts, ends


def find_text(
    text: str,
    term: str,
    lo: int = 0,
    hi: int | None = None,
    match_case: bool = False,
    whole_word: bool = False,
) -> list[tuple[int, int]]:
    """Every place ``term`` occurs in ``text[lo:hi]``, as (start, end) offsets, seen through
    Unicode normal forms, white space, hyphenation at line ends and page-break lines."""
    hi = len(text) if hi is None else hi
    if (sign := _SIGNED.match(term)) is not None:
        return _signed(text, term[sign.end() :], lo, hi, match_case, whole_word)
    needle = _fold_term(term, match_case)
    if not needle:  # a term of hyphens alone ("-------"): look for it as written
        hay = text if match_case else text.casefold()
        want = term.strip() if match_case else term.strip().casefold()
        plain: list[tuple[int, int]] = []
        pos = hay.find(want, lo, hi) if want else -1
        while pos != -1 and pos + len(want) <= hi:
            plain.append((pos, pos + len(want)))
            pos = hay.find(want, pos + len(want), hi)
        return plain
    # Once through page-break lines (a name split by one), once with them (a name in one).
    views = [_folded(text, lo, hi, match_case, skip) for skip in (True, False)]
    return _search(text, views, needle, lo, hi, whole_word)


# A minus sign before a number: the folded view drops hyphens (a word's, a line end's), so a
# term "-10.4" was found as "10.4" and its sign printed beside the box (newcomer 6, finding 2).
_SIGNS = "-\u2010\u2011\u2012\u2013\u2212"
_SIGNED = re.compile(r"\s*[" + _SIGNS + r"](?=\d)")


def _signed(
    text: str, number: str, lo: int, hi: int, match_case: bool, whole_word: bool
) -> list[tuple[int, int]]:
    """A negative number's places: the number found as any term is, where a minus sign (any of
    ``_SIGNS``) stands right before it; the sign is part of the place."""
    found = find_text(text, number, lo, hi, match_case, whole_word)
    return [(s - 1, e) for s, e in found if s - 1 >= lo and text[s - 1] in _SIGNS]


_View = tuple[str, list[int], list[int]]


def _search(
    text: str,
    views: Sequence[_View],
    needle: str,
    lo: int,
    hi: int,
    whole_word: bool,
    suffixes: bool = False,
    prefix: bool = False,
) -> list[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for folded, starts, ends in views:
        pos = folded.find(needle)
        while pos != -1:
            s, e = starts[pos], ends[pos + len(needle) - 1]
            if not whole_word or (s <= lo or not text[s - 1].isalnum()):
                if not whole_word or prefix or e >= hi or not text[e].isalnum():
                    found.add((s, e))
                elif suffixes and needle[-1:].isalpha():
                    end = _suffixed(text, e, hi)
                    if end:
                        found.add((s, end))
            pos = folded.find(needle, pos + max(1, len(needle)))
    out: list[tuple[int, int]] = []
    for s, e in sorted(found):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


_SUFFIXES = ("s", "es")


def _suffixed(text: str, e: int, hi: int) -> int:
    """Where a word ends that is the match plus a plain suffix ("Hindys", "Rosses"): 0 when
    the word runs on otherwise. ("Hindy's" is the whole word already: ' is no letter.)"""
    for suffix in _SUFFIXES:
        end = e + len(suffix)
        if text[e:end].casefold() == suffix and (end >= hi or not text[end].isalnum()):
            return end
    return 0


@functools.lru_cache(maxsize=8)
def _whole_views(text: str) -> tuple[_View, _View]:
    return (_folded(text, 0, len(text), False), _folded(text, 0, len(text), False, False))


def find_everywhere(
    text: str,
    terms: Sequence[str],
    suffixes: bool = False,
    prefixes: Collection[str] = (),
) -> dict[str, list[tuple[int, int]]]:
    """:func:`find_text` of each term over all of ``text``, ignoring case, whole words only
    (with ``suffixes``, also followed by a plain suffix: "Hindys", "Rosses"; a term in
    ``prefixes``, a text cut with "...", may end inside a word: "TRANSATLANTIC IS"). The text
    is folded once for every term (the ``recurrences`` rule searches many, each time a
    decision changes)."""
    views = _whole_views(text)
    out: dict[str, list[tuple[int, int]]] = {}
    for term in dict.fromkeys(terms):
        needle = _fold_term(term, False)
        cut = term in prefixes
        out[term] = (
            _search(text, views, needle, 0, len(text), True, suffixes, cut) if needle else []
        )
    return out


# -- find and redact -------------------------------------------------------------------------
def _covered(review: Review | None, region: Region, start: int, end: int) -> bool:
    if review is None:
        return False
    d = review.effective(region).decision
    return d.action == Action.WITHHOLD or any(s.start <= start and end <= s.end for s in d.spans)


def find(cable: Cable, pattern: Pattern, review: Review | None = None) -> list[Proposal]:
    """Every match in every region's body (never a label), in text order."""
    out: list[Proposal] = []
    keys = {p.index: p.key for p in cable.paragraphs}
    for r in partition(cable).decidable():
        for s, e in pattern.finditer(cable.text, r.body_start, r.end):
            if r.kind == "paragraph":
                kind = "span"
            elif r.kind in FIELDS:
                kind = "field"
            else:
                kind = "region"
            out.append(
                Proposal(
                    kind,
                    s,
                    e,
                    cable.text[s:e],
                    paragraph=r.paragraph,
                    paragraph_key=keys.get(r.paragraph, "") if r.paragraph else "",
                    field=r.kind if kind == "field" else None,
                    covered=_covered(review, r, s, e),
                    region=r.key,
                    region_label=r.label,
                )
            )
    return out


def redact_command(
    cable: Cable,
    proposals: Sequence[Proposal],
    codes: Sequence[str],
    comment: str = "",
    label: str | None = None,
) -> cmd.Composite:
    """One step that redacts every proposal not already covered. It only adds spans: a
    pending region stays pending, a released one becomes partial."""
    by_region: dict[str, list[Redaction]] = defaultdict(list)
    codes_t = tuple(codes)
    regions = partition(cable)
    for prop in proposals:
        if prop.covered:
            continue
        key = prop.region or (f"p{prop.paragraph}" if prop.paragraph else prop.field or "")
        if regions.get(key) is None:
            raise ReviewError(f"the match at {prop.start}-{prop.end} is in no region")
        by_region[key].append(Redaction(prop.start, prop.end, codes_t, comment))
    children: list[cmd.Command] = [
        cmd.AddSpans(regions[key], spans)
        for key, spans in sorted(by_region.items(), key=lambda kv: regions[kv[0]].start)
    ]
    if not children:
        raise ReviewError("nothing to redact: every match is already withheld")
    n = sum(len(v) for v in by_region.values())
    return cmd.Composite(children, label or f"Find and redact: {n} place{'s' if n != 1 else ''}")
