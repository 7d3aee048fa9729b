"""The TAGS line: its label as typed, its value over wrapped lines, and the tags in it.

TAGS (Traffic Analysis by Geography and Subject, 5 FAH-3 H-700) are subject codes of four
letters (``PREL``, ``PGOV``), two-letter country codes (``KS``) and, in some 2004-2006 cables,
subject phrases (``HUMAN RIGHTS``). ``OVIP`` (a visit by a very important person) is followed
by the visitor's name: ``OVIP (CLINTON, HILLARY)`` or ``OVIP RICE CONDOLEEZZA``; the name is
the visitor, not a tag.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from workbench.cable.lines import line_end
from workbench.cable.markings import BANNER_WORD_RE, CAPTIONS
from workbench.cable.model import Span
from workbench.cable.patterns import compile_pattern

# The label as real cables type it: any case, with or without the colon, and the slips seen
# in archives (``TAS:``, ``TGS:``, ``TABS:``, ``TAGES:``, and ``AGS:`` with its first letter
# lost). A slip counts only with its colon, or at the start of a line before a code.
_LABEL = r"(?P<label>TAGS?|TAGES|TABS|TGS|TAS|AGS)"
# (``N/ATAGS:``: an E.O. line's ``N/A`` run into the label.)
TAGS_LABEL_RE = compile_pattern(
    r"(?:(?<=[\s\d:/.,])|(?<=N/A)|^)" + _LABEL + r"(?:(?P<colon>[ \t]*+:)|(?![A-Za-z0-9]))[ \t]*+",
    re.IGNORECASE,
)
# :data:`TAGS_LABEL_RE` without its lookbehind, its first letter a plain class, so that the
# engine scans for that letter instead of trying the lookbehind at every offset; the rest as
# case-blind as the original (whose ``[A-Za-z]`` then also takes ``ſ`` and the Kelvin sign).
_LABEL_WORD_RE = compile_pattern(
    r"(?P<label>[TtAa](?:(?<=[Tt])(?i:AGS?|AGES|ABS|GS|AS)|(?<=[Aa])(?i:GS)))"
    r"(?i:(?:(?P<colon>[ \t]*+:)|(?![A-Za-z0-9]))[ \t]*+)"
)
_BEFORE_LABEL_RE = compile_pattern(r"[\s\d:/.,]")


def tags_labels(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The matches of :data:`TAGS_LABEL_RE` in ``text[lo:hi]``, found faster.

    A match the lookbehind refuses cannot hide one it allows: a T or A it takes after its
    first letter follows a letter, and the blanks and colon it ends with hold none."""
    for m in _LABEL_WORD_RE.finditer(text, lo, hi):
        at = m.start()
        if at == 0 or _BEFORE_LABEL_RE.match(text, at - 1) or text[at - 3 : at] in _NA:
            yield m


_NA = ("N/A", "n/A", "N/a", "n/a")
# A code-looking first token after a label without colon (``TAGS PREL, PGOV``).
_CODE_START_RE = compile_pattern(r"[A-Za-z]{2,6}\b|\[|OVIP\b", re.IGNORECASE)
# Labels that end a TAGS value run on the same line.
# (A search starts only where a blank run starts, so a run of blanks is not tried at each blank.)
_NEXT_LABEL_RE = compile_pattern(
    r"(?<![ \t])[ \t]*+(?:\b(?:S?UBJ(?:ECT)?|SUBJET|SUBECT)\b[ \t]*+:|\bSUBJECT[ \t]++(?=[A-Z])"
    r"|\bREF(?:S|TELS?)?[ \t]*+:|\bCLASSIFIED[ \t]++BY\b|\bE\.[ \t]?O\.[ \t]*+1\d{4})",
    re.IGNORECASE,
)
# An E.O. or DECL line before a TAGS label on the same line.
_EO_BEFORE_RE = compile_pattern(r"\bE\.?[ \t]?O\.?[ \t]*+1\d{4}|\bDECL\b", re.IGNORECASE)
# A line that only carries more tags: codes separated by commas or blanks.
_MORE_TAGS_RE = compile_pattern(r"[ \t]*+(?:[A-Za-z]{2,6}(?![A-Za-z])(?:[ \t]*+,)?[ \t]*+)+")
_LABEL_LINE_RE = compile_pattern(
    r"[ \t]*+(?:S?UBJ|SUBJECT|REF|E\.?[ \t]?O\b|DECL|CLASSIFIED|TAGS?\b|PASS|FOR\b)", re.IGNORECASE
)
_MD_TAG_RE = compile_pattern(r"\[([^\]]+)\]\(#\)")
# (Compiled here, not looked up in re's cache at each of the thousands of calls.)
_LETTERS_RE = compile_pattern(r"[A-Za-z]+")
_CAPITALS_RE = compile_pattern(r"[A-Z]+")
_CAPITAL_RE = compile_pattern(r"[A-Z]")
_PARENTHESES_RE = compile_pattern(r"\(([^()]*)\)")
_WORD_GAP_RE = compile_pattern(r"[\s;]+")
_CAPTION_WORDS = frozenset(CAPTIONS) | {"SBU", "UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET"}
_CONNECTIVES = frozenset({"AND", "OF", "THE", "FOR", "ON", "IN", "WITH", "TO"})

# Subject codes common in the cables (5 FAH-3 H-700 lists them by category letter). Used only
# to split codes typed without blanks (``KFRDKIRFCVIS``) and to end a visitor's name.
KNOWN_CODES = frozenset(
    """
    ABLD ABUD ADCO ADPM AEMR AFIN AFSI AFSN AGAO AGMT AID AINF AINR AINT AJAN AMED AMGT AODE
    AORC AORG APCS APER ASCH ASEC ASIG ATRN AVIP BBSR BEXP BMGT BTIO CASC CDG CFED CJAN CMGT
    CPAS CVIS EAGR EAID EAIR ECIN ECON ECPS EFIN EFIS EIND EINT EINV ELAB ELTN EMIN ENRG ENVR
    EPET ETRD ETTC EUN EWWT GAERC KAWC KBCT KBIO KCFE KCIP KCOR KCRM KCRS KDEM KDRG KESS KFIN
    KFLO KFLU KFRD KGHG KGIC KHIV KHLS KIDE KIPR KIRF KISL KJUS KLIG KMDR KMPI KNAR KNNP KOCI
    KOMC KPAL KPAO KPKO KPLS KPRP KRAD KRVC KSAF KSCA KSEP KSTC KSUM KTDB KTER KTEX KTFN KTIA
    KTIP KUNR KWBG KWMN KMCA MARR MASS MCAP MNUC MOPS MPOS NATO OEXC OIIP OPDC OPRC OREP OSCE
    OTRA OVIP PARM PBTS PGOV PHSA PHUM PINR PINS PNAT PREF PREL PROP PTER SCUL SENV SMIG
    SNAR SOCI SPCE TBIO TINT TPHY TRGY TSPA TSPL UNGA UNSC
    """.split()  # noqa: SIM905 (a word list reads better than 160 quoted strings)
)


def _continues(line: str, value: str, before_subject: bool = False) -> bool:
    """Whether ``line`` (after a TAGS line whose value is ``value``) carries more tags.

    ``before_subject``: the SUBJECT label follows ``line`` (on the next line or on ``line``
    itself); then a line of capitals may also hold longer codes and subject phrases
    (``KJUS INTERPOL RW FR``, ``IT ITALY NATIONAL ELECTIONS``).
    """
    stripped = line.strip()
    if not stripped or _LABEL_LINE_RE.match(line) or BANNER_WORD_RE.match(stripped):
        return False
    if value.rstrip().endswith(","):
        return True
    if not _MORE_TAGS_RE.fullmatch(line) and not (
        before_subject and _MORE_PHRASES_RE.fullmatch(line) and _has_code(stripped)
    ):
        return False
    words = _LETTERS_RE.findall(stripped)
    if all(w.upper() in _CAPTION_WORDS for w in words):
        return False
    # Without a trailing comma only a line of codes in capitals goes on: a lower-case word
    # after ``tags something`` is the text (a mixed-case record's run-on has its comma).
    return stripped.isupper()


# A line of tags in capitals with words of any length (only straight before the subject).
_MORE_PHRASES_RE = compile_pattern(r"[ \t]*+(?:[A-Z]{2,}(?![A-Za-z])(?:[ \t]*+,)?[ \t]*+)+")
_SUBJECT_NEXT_RE = compile_pattern(r"[ \t]*+(?:SUBJECT|SUBJ|UBJECT)\b", re.IGNORECASE)


def _has_code(line: str) -> bool:
    return any(w in KNOWN_CODES or len(w) == 2 for w in _CAPITALS_RE.findall(line))


# ``TAGS`` run in after the E.O. line's last word, with its colon or before a code in capitals.
_RUN_IN_TAGS_RE = compile_pattern(r"TAGS?(?:[ \t]*+:|(?=[ \t]++[A-Z]{2}))[ \t]*+")


_LOWER_WORD_RE = compile_pattern(r"[a-z]{3}")


def _run_in_label(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """A TAGS label in capitals run into the end of the E.O. line before it on its line, which
    the labels' word boundary refuses: ``DECL: MRTAGS: ASEC``, ``DECL: 02/22/2020TAGS PREL``,
    ``DECL: 02/02/2019 TAGS PTER`` (no colon, not at a line start)."""
    at = text.find("TAG", lo, hi)
    while at != -1:
        m = _RUN_IN_TAGS_RE.match(text, at, hi)
        # The E.O. line's own words just before, not a sentence that names a DECL date: no
        # lower-case word between them and the label.
        eo = (
            _EO_BEFORE_RE.search(text, max(text.rfind("\n", 0, at) + 1, at - 80), at) if m else None
        )
        if eo is not None and not _LOWER_WORD_RE.search(text, eo.end(), at):
            return m
        at = text.find("TAG", at + 3, hi)
    return None


def read_tags(text: str, lo: int, hi: int) -> tuple[list[str], Span | None, list[str]]:
    """TAGS within ``text[lo:hi]``: the tags, the span of the whole field and the visitors."""
    m = None
    for cand in tags_labels(text, lo, hi):
        label = cand.group("label").upper()
        at_line_start = not text[
            max(lo, text.rfind("\n", 0, cand.start()) + 1) : cand.start()
        ].strip()
        if cand.group("colon"):
            if label in ("TAGS", "TAG") or at_line_start or text[cand.start() - 1] in " \t":
                m = cand
                break
        elif at_line_start and (
            (label in ("TAGS", "TAG") and text[cand.end() : cand.end() + 1].isalpha())
            or (cand.group("label").isupper() and _CODE_START_RE.match(text, cand.end()))
        ):
            m = cand
            break
    early = _run_in_label(text, lo, m.start() if m else hi)
    if early is not None:
        m = early
    if m is None:
        return [], None, []
    value_start = m.end()
    end = line_end(text, value_start, hi)
    stop = _NEXT_LABEL_RE.search(text, value_start, end)
    if stop:
        end = stop.start()
    else:
        # TAGS run on over the next lines: after a trailing comma, or a line of more tags.
        for _ in range(4):
            nxt = end + 1
            if nxt >= len(text):
                break
            nxt_end = line_end(text, nxt)
            line = text[nxt:nxt_end]
            inline = _NEXT_LABEL_RE.search(line)
            head = line[: inline.start()] if inline else line
            before_subject = (inline is not None and inline.group().lstrip()[:1] in "SsUu") or bool(
                nxt_end + 1 < len(text) and _SUBJECT_NEXT_RE.match(text, nxt_end + 1)
            )
            if not _continues(head, text[value_start:end], before_subject):
                break
            end = nxt + len(head)
            if inline:
                break
    while end > value_start and text[end - 1] in " \t\n":
        end -= 1
    raw = text[m.start() : end]
    span = Span(raw, m.start(), end)
    tags, visitors = split_tags(text[value_start:end])
    return tags, span, visitors


def _is_code(word: str) -> bool:
    return word in KNOWN_CODES or len(word) == 2


def _split_run(word: str) -> list[str] | None:
    """``KFRDKIRFCVISEG`` -> KFRD KIRF CVIS EG, when the whole word is known codes."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for size in (4, 2, 3):
            piece = word[i : i + size]
            if len(piece) != size:
                continue
            if size == 2 or piece in KNOWN_CODES:
                cand = [*best[i], piece]  # type: ignore[misc]
                if best[i + size] is None or len(cand) < len(best[i + size] or ()):
                    best[i + size] = cand
    parts = best[n]
    if not parts or len(parts) < 2:
        return None
    # Two-letter pieces are country codes: a word made mostly of them is a word, not codes.
    if sum(len(p) == 2 for p in parts) > max(1, len(parts) // 3):
        return None
    return parts


def split_tags(value: str) -> tuple[list[str], list[str]]:
    """The tags of a TAGS value, upper-cased and without repeats, and the visitors named."""
    value = html.unescape(value)
    # The Markdown form links each tag (``[MOPS](#)``); a wrapped line of plain tags may follow.
    value = _MD_TAG_RE.sub(r" \1 ,", value)
    visitors: list[str] = []

    def visitor(match: re.Match[str]) -> str:
        name = " ".join(match.group(1).split()).upper().strip(" ,")
        if name:
            visitors.append(name)
        return " , "

    value = _PARENTHESES_RE.sub(visitor, value)
    tags: list[str] = []
    for item in value.split(","):
        words = [w for w in _WORD_GAP_RE.split(item.upper()) if w and w != "-"]
        i = 0
        while i < len(words):
            w = words[i].strip(".")
            if not w:
                i += 1
                continue
            if w == "OVIP" and i + 1 < len(words) and not _is_code(words[i + 1]):
                # ``OVIP RICE CONDOLEEZZA PREL``: the name runs to the next code.
                j = i + 1
                while j < len(words) and not _is_code(words[j]):
                    j += 1
                name = words[i + 1 : j]
                visitors.append(f"{name[0]}, {' '.join(name[1:])}" if len(name) > 1 else name[0])
                tags.append("OVIP")
                i = j
                continue
            if len(w) >= 5 and w.isalpha() and w not in KNOWN_CODES:
                split = _split_run(w) if len(w) >= 6 else None
                if split:
                    tags.extend(split)
                    i += 1
                    continue
                # A subject phrase: long words, joined by connectives (``ECONOMY AND FINANCE``).
                j = i + 1
                while j < len(words) and (
                    (len(words[j]) >= 5 and words[j] not in KNOWN_CODES)
                    or (words[j] in _CONNECTIVES and j + 1 < len(words) and len(words[j + 1]) >= 5)
                ):
                    j += 1
                tags.append(" ".join(words[i:j]))
                i = j
                continue
            tags.append(w)
            i += 1
    kept = [t for t in tags if t not in _CAPTION_WORDS and _CAPITAL_RE.search(t)]
    return list(dict.fromkeys(kept)), visitors
