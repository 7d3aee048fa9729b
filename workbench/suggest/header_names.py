"""Names in the parts of a cable that are not prose: signature, Classified By, passing lines.

These places follow conventions of their own. The signature is the drafter's or approver's
surname (``SCOBEY``, ``van Voorst``); the authority line puts a name among office words
(``Classified By: A/DCM Joseph Y. Yun. Reasons 1.4 (b,d).``); passing lines route the cable
to people by surname, often glued to an initial or to office symbols
(``USDOC FOR 4332/ITA/MAC/WH/OLAC/JANDERSEN``, ``NSC FOR GTOMASULO``, ``AF/S FOR B.WALCH``).
"""

from __future__ import annotations

import re

from workbench.cable.model import Cable
from workbench.suggest.header_vocab import ROLE_WORDS, ROUTING_WORDS
from workbench.suggest.lexicon import Lexicon
from workbench.suggest.name_candidate import Candidate
from workbench.suggest.name_titles import is_title
from workbench.suggest.tokens import Token, tokenize
from workbench.suggest.vocab import PARTICLES

# Where the authority's name ends: the reasons, or the order.
_REASON_RE = re.compile(r"[,;.]?\s*\b(?:for\s+reasons?|reasons?|e\.o\.|1\.[45]\b)", re.I)
_BY_RE = re.compile(r"classified\s+by\s*:?\s*", re.I)

_TRAILER_RE = re.compile(
    r"^[\s=\-_*]*(?:CABLE ENDS)?[\s=\-_*]*$|^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s*$"
    r"|^\s*(?i:NNNN|End\s+(?:of\s+)?(?:Cable\s+)?(?:Text|Message))\s*$"
)


def _signature_span(cable: Cable) -> tuple[int, int] | None:
    if cable.signature is not None:
        return cable.signature.start, cable.signature.end
    # The reader finds most signatures; one followed by a trailer such as
    # "=====CABLE ENDS=====" is the last short line before it.
    text = cable.text
    end = len(text)
    for _ in range(10):  # the trailer may be several blank lines and an "NNNN"
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end]
        if _TRAILER_RE.match(line):
            end = start
            continue
        core = line.rstrip(" \t.")
        words = core.split()
        if 1 <= len(words) <= 3 and all(w.isalpha() and w[0].isupper() for w in words):
            return start + len(line) - len(line.lstrip()), start + len(core)
        # A surname run on to the last sentence: "... septel. CRETZ".
        m = re.search(r"[.!?)\]][ \t]+([A-Z][A-Z'-]{2,})[ \t.]*$", line)
        if m:
            return start + m.start(1), start + m.end(1)
        return None
    return None


def signature_names(cable: Cable, tokens: list[Token]) -> list[Candidate]:
    span = _signature_span(cable)
    if span is None:
        return []
    toks = tokenize(cable.text, *span)
    words = [t for t in toks if t.low not in {"minimize", "considered"}]
    if not words or len(words) > 4:
        return []
    c = Candidate(words, score=0.9, role="official", seed=True)
    c.why.append("the cable's signature")
    return [c]


# Derivative classification (E.O. 13526 sec. 2.1) names its source, not a classifier.
_DERIVED_RE = re.compile(r"[\s:(U)]*(?:derived|derivative)\b", re.I)


def authority_names(cable: Cable, text: str, lex: Lexicon) -> list[Candidate]:
    cb = cable.classified_by
    if cb is None:
        return []
    lo = cb.start
    for m in _BY_RE.finditer(text, cb.start, cb.end):
        lo = m.end()  # the last "Classified By": "Classified By: (U) CLASSIFIED BY EAP DAS ..."
    r = _REASON_RE.search(text, lo, cb.end)
    hi = r.start() if r else cb.end
    if _DERIVED_RE.match(text, lo, hi):
        return []  # "Classified By: Derived from Multiple Sources": a source, no official
    toks = tokenize(text, lo, hi)
    best: list[Token] = []
    # The name is the last run of words that are not office words; a comma or a role word
    # ends a run ("Gene A. Cretz, Ambassador, U.S. Embassy - Tripoli" -> "Gene A. Cretz").
    run: list[Token] = []
    runs_found: list[list[Token]] = []
    prev: Token | None = None
    for tok in toks:
        gap = text[prev.end : tok.start] if prev else ""
        broken = prev is not None and (
            ("," in gap or ";" in gap or "/" in gap or "(" in gap) and not prev.initial
        )
        if broken and run:
            runs_found.append(run)
            run = []
        if tok.low in ROLE_WORDS or (is_title(tok) and not tok.initial):
            if run:
                runs_found.append(run)
            run = []
        elif tok.text[0].isupper() or tok.low in PARTICLES:
            run.append(tok)
        prev = tok
    if run:
        runs_found.append(run)
    # Prefer a run with two or more words (a full name), else the last single word.
    full = [r for r in runs_found if sum(1 for t in r if not t.initial) >= 2]
    if full:
        best = full[0]
    elif runs_found:
        best = runs_found[-1]
    while best and best[-1].low in PARTICLES:
        best = best[:-1]
    if not best or all(t.initial for t in best):
        return []
    c = Candidate(best, score=0.9, role="official", seed=True)
    c.why.append("the classifying official (Classified By line)")
    return [c]


# Passing lines repeated further down (each section of a long cable repeats them; cables
# pasted one after another run them into one line): "DEPT FOR EUR/RUS, FOR EEB/ESC/IEC
# GALLOGLY AND WRIGHT", "NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH".
_PASSING_AGAIN_RE = re.compile(
    r"(?m)(?:^[ \t]*|(?<=SIPDIS )|(?<=NOFORN ))(?:[A-Z][A-Z/&.-]*[ \t]+){0,3}(?:ALSO[ \t]+)?"
    r"(?:FOR|PASS[ \t]+TO)[ \t]+[^\n]*?(?=[ \t]*(?:E\.?O\.?[ \t]+1\d{4}|TAGS\b|SUBJECT\b|$))"
)


def passing_names(cable: Cable, text: str, lex: Lexicon) -> list[Candidate]:
    """Names in the lines between the classification line and the E.O. line, and in the same
    kind of lines repeated in the body."""
    lo = cable.classification.end if cable.classification else cable.body_start
    lo = text.find("\n", lo) + 1 or lo  # the rest of the classification line is its post
    his = [x.start for x in (cable.eo, cable.tags_span, cable.subject) if x is not None]
    hi = min(his) if his else min(len(text), lo + 600)
    out: list[Candidate] = []
    if 0 < hi - lo <= 1500:
        out.extend(_passing_in(text, lo, hi, lex))
    for m in _PASSING_AGAIN_RE.finditer(text, hi if hi > lo else lo):
        line = text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end()) % (len(text) + 1)]
        if sum(c.islower() for c in line) * 20 > len(line) or "/" not in m.group():
            continue  # prose, not a passing line (those name offices: EUR/RUS)
        out.extend(_passing_in(text, m.start(), m.end(), lex))
    return out


def _passing_in(text: str, lo: int, hi: int, lex: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    toks = tokenize(text, lo, hi)
    i = 0
    places = _place_tokens(toks, lex)
    while i < len(toks):
        tok = toks[i]
        if tok.start in places or not (
            _passing_name(tok, text, lex) or _opens_full_name(toks, i, text, lex)
        ):
            i += 1
            continue
        run = [tok]
        j = i + 1
        # A given name or initial before a surname: "MIGUEL RODRIGUEZ", "N. WILETT"; a middle
        # initial between them: "MEGAN L. SELMON".
        while j < len(toks) and toks[j].start not in places and _joined(run[-1], toks[j], text):
            nxt = toks[j]
            if _passing_name(nxt, text, lex) or (_given(run[-1], lex) and lex.last_rank(nxt.low)):
                run.append(nxt)
                j += 1
            elif (
                nxt.initial
                and j + 1 < len(toks)
                and _joined(nxt, toks[j + 1], text)
                and _passing_name(toks[j + 1], text, lex)
            ):
                run.extend(toks[j : j + 2])
                j += 2
            else:
                break
        if i > 0 and toks[i - 1].initial and _joined(toks[i - 1], tok, text):
            run.insert(0, toks[i - 1])
        c = Candidate(run, score=0.8, role="official", seed=True)
        c.why.append("a person the cable is routed to (passing line)")
        out.append(c)
        i = j
    return out


def _place_tokens(toks: list[Token], lex: Lexicon) -> set[int]:
    """Starts of tokens that belong to a place name of one to three words (RIO DE JANEIRO)."""
    out: set[int] = set()
    for i in range(len(toks)):
        for j in range(i + 1, min(len(toks), i + 3) + 1):
            if " ".join(t.low for t in toks[i:j]) in lex.places:
                out.update(t.start for t in toks[i:j])
    return out


def _opens_full_name(toks: list[Token], i: int, text: str, lex: Lexicon) -> bool:
    """A given name before a surname (perhaps after an initial), both words the lists know:
    "JOEL KOPP", "LISA FOX", "NATE MASON" (each too short or too common to count alone)."""
    tok = toks[i]
    if i + 1 >= len(toks) or not tok.text.isalpha() or is_title(tok):
        return False
    nxt = toks[i + 1]
    if tok.low in ROUTING_WORDS or lex.common(tok.low) or not _given(tok, lex):
        return False
    if nxt.initial and i + 2 < len(toks) and _joined(tok, nxt, text):
        tok, nxt = nxt, toks[i + 2]  # "ANNA K. BERGSTROM"
    return (
        _joined(tok, nxt, text)
        and nxt.text.isalpha()
        and nxt.low not in ROUTING_WORDS
        and not is_title(nxt)
        and nxt.low not in lex.places
        and lex.last_rank(nxt.low) != 0
    )


def _given(tok: Token, lex: Lexicon) -> bool:
    """A given name: the word after it is a surname even if it is a word too (GAYLE SMITH)."""
    return 0 < lex.first_rank(tok.low) <= 1000 and tok.low not in lex.places


def _joined(a: Token, b: Token, text: str) -> bool:
    return text[a.end : b.start] in (" ", ".", ". ")


# USOSCE, HQSOUTHCOM, AMCONSUL (but AMALITO is a name glued to its initial)
_OFFICE_RE = re.compile(r"^(?:us|hq)[a-z]{3,}$|^am(?:embassy|consul|congen)$")


def _passing_name(tok: Token, text: str, lex: Lexicon) -> bool:
    low = tok.low
    if _OFFICE_RE.match(low):
        return False
    before = text[max(0, tok.start - 8) : tok.start]
    after = text[tok.end : tok.end + 8]
    in_symbol = before.endswith("/") or after.startswith("/")  # a part of NEA/MAG
    if low in ROUTING_WORDS or is_title(tok) or tok.initial or not tok.text.isalpha():
        return False
    if low in lex.places or low in lex.demonyms or len(low) < 3:
        return False
    last = lex.last_rank(low)
    first = lex.first_rank(low)
    # A surname that is also a word (WRIGHT, HILL, RICE) where a list puts names: after FOR,
    # AND, a comma or "(", and before AND, a comma, ")" or the end of the line.
    slot = re.search(r"(?:\bFOR|\bAND|,|\()[ \t]*$", before) is not None and (
        re.match(r"[ \t]*(?:$|\n|[,;)]|AND\b|E\.O\.)", after) is not None
    )
    if lex.word(low) and not (slot and 0 < last <= 500) and not (len(low) <= 4 and 0 < last <= 300):
        return False
    if len(low) <= 4:
        # Office symbols are short (WHA, BSC, NEA/MAG); a short surname must be a common
        # one, stand apart from any symbol and end the line or list: "DAS LEE,".
        ends = re.match(r"[ \t]*(?:$|\n|[,;)]|AND\b)", after) is not None
        return not in_symbol and ends and 0 < last <= 300
    if (last or first) and not in_symbol:
        return True
    # An initial glued to a surname (FPARODI, KBEAMER, JANDERSEN); a surname no list has.
    glued = len(low) >= 6 and lex.last_rank(low[1:]) != 0
    # The last part of an office path, longer than office symbols are and no word: an
    # initial glued to a rare surname ("DOC FOR 4231/IEP/EUR/JROSSLER").
    path_end = (
        before.endswith("/")
        and len(low) >= 7
        and re.match(r"[ \t]*(?:$|\n|[,;)]|AND\b|E\.O\.)", after) is not None
        and lex.zipf(low) < 1.0
    )
    return glued or path_end or (last != 0 and in_symbol) or (not in_symbol and lex.zipf(low) < 2.5)
