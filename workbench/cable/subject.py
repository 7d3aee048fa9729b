"""The SUBJECT line: where it really starts and ends, its own portion mark, and its reading.

Real subjects wrap over several lines, stand alone after a blank line under their label, run
straight into the next field when a page was flattened to text (``... FTAA REF: (A) 05 SAO
PAULO 405``), and are followed by lines that are not the subject: the page line of the PDF
form (``SEOUL 00000219 001.2 OF 004``), ``SENSITIVE BUT UNCLASSIFIED ...``, a caption.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from workbench.cable.lines import line_end
from workbench.cable.markings import BANNER_WORD_RE, read_portion_mark
from workbench.cable.model import Subject

# ``SUBJECT:``, ``Subject:``, ``SUBJ:``, ``UBJECT:`` (first letter lost) and the slips
# ``SUBJET``/``SUBECT``; ``SUBJECT`` without a colon only in capitals at a line start.
SUBJECT_LABEL_RE = re.compile(
    r"(?:(?<=[\s\d:/.,])|^)(?P<label>(?i:SUBJECT|SUBJ|UBJECT|SUBJET|SUBECT|SUBJEC))"
    r"(?:[ \t]*+(?P<colon>:)|(?![A-Za-z0-9]))[ \t]*+"
)
# The field or the text that follows a subject run together with it on one line.
# (A search starts only where a blank run starts, so a run of blanks is not tried at each blank.)
_INLINE_STOP_RE = re.compile(
    r"(?<![ \t])[ \t]++(?=(?:(?-i:[A-Z])\.[ \t]++)?REF(?:S|\(S\)|TELS?|ERENCES?)?[ \t]*+:"
    r"|REF[ \t]++(?-i:[A-Z])[.)][ \t]"
    r"|CLASSIFIED[ \t]++BY\b|SENSITIVE[ \t]++BUT[ \t]++UNCLASSIFIED|TAGS?[ \t]*+:"
    r"|E\.[ \t]?O\.[ \t]*+1\d{4}|¶|\((?:U|C|S|SBU|TS)(?:\)|//?)"
    r"|\d{1,2}\.[ \t]*+(?:\(|SUMMARY\b)"
    r"|(?-i:C[ ]O[ ]N[ ]F[ ]I|S[ ]E[ ]C[ ]R[ ]E[ ]T|UNCLAS[ ]+SECTION))",
    re.IGNORECASE,
)
# Lines after the subject that are not the subject.
_NOT_SUBJECT_LINE_RE = re.compile(
    # A line holding only a backslash is blank: records exported as CSV end lines with one.
    r"[ \t]*+(?:\\?[ \t]*+(?=\n|\Z)|REF(?:S|\(S\)|TELS?|ERENCES?)?\b|CLASSIFIED[ \t]++BY|¶|\d{1,3}[ \t]*+\.(?:[ \t(]|(?=\n|\Z))"
    r"|\([A-Z]{1,3}(?:/+[A-Z]+)*\)|SUMMARY\b|TAGS?\b|E\.?[ \t]?O\.?[ \t]*+1|DECL\b|PAGE[ \t]++\d"
    r"|SENSITIVE\b|SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|[-=_*]{3,}|BT[ \t]*+(?=\n|\Z)|SUBJ"
    r"|[A-Z][A-Z .'-]*[ \t]++\d{5,8}[ \t]++\d{3}(?:\.\d)?[ \t]++OF[ \t]++\d{3}[ \t]*+(?=\n|\Z)"
    r"|PASS[ \t]++TO\b)",
    re.IGNORECASE,
)


_UPPER_RE = re.compile(r"[A-Z]")
_LOWER_RE = re.compile(r"[a-z]")
_LETTER_RE = re.compile(r"[A-Za-z]")


def _letters_upper(s: str) -> float:
    """The share of capitals among the letters of ``s`` (ASCII letters: cables are English)."""
    upper, lower = len(_UPPER_RE.findall(s)), len(_LOWER_RE.findall(s))
    return upper / (upper + lower) if upper + lower else 0.0


# :data:`SUBJECT_LABEL_RE` without its lookbehind, its first letter a plain class (``ſ`` is
# the long s that ``(?i:S)`` matches too), so that the engine scans for that letter instead of
# trying the lookbehind at every offset; :func:`subject_labels` checks the letter before.
_LABEL_WORD_RE = re.compile(
    r"(?P<label>[SsſUu](?:(?<=[Ssſ])(?i:UBJECT|UBJ|UBJET|UBECT|UBJEC)|(?<=[Uu])(?i:BJECT)))"
    r"(?:[ \t]*+(?P<colon>:)|(?![A-Za-z0-9]))[ \t]*+"
)
_BEFORE_LABEL_RE = re.compile(r"[\s\d:/.,]")


def subject_labels(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The matches of :data:`SUBJECT_LABEL_RE` in ``text[lo:hi]``, found faster.

    A match the lookbehind refuses cannot hide one it allows: an S or U it takes after its
    first letter follows a letter, and the blanks and colon it ends with hold none."""
    for m in _LABEL_WORD_RE.finditer(text, lo, hi):
        at = m.start()
        if at == 0 or _BEFORE_LABEL_RE.match(text, at - 1):
            yield m


def find_subject_label(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first SUBJECT label in ``text[lo:hi]`` that a subject follows."""
    fallback = None
    for m in subject_labels(text, lo, hi):
        label = m.group("label")
        line_start = text.rfind("\n", 0, m.start()) + 1
        at_line_start = not text[max(line_start, lo) : m.start()].strip()
        if m.group("colon"):
            if label.upper() in ("SUBJECT", "SUBJ") or at_line_start:
                return m
        elif at_line_start and label.isupper() and fallback is None:
            nxt = text[m.end() : m.end() + 1]
            if nxt.isalpha() or nxt == "(":
                fallback = m
    return fallback


# The page line of the flattened PDF form run into the subject: ``... PRESIDENT PRETORIA
# 00000939 001.2 OF 003``. The serial is zero-padded to eight digits.
_PAGE_TAIL_RE = re.compile(r"(?<![ \t])[ \t]++\d{8}[ \t]++\d{3}\.\d[ \t]++OF[ \t]++\d{3}")


def _cut_page_line(text: str, start: int, end: int, post: str | None) -> int:
    """``end`` moved back to before a page line run into ``text[start:end]``."""
    m = _PAGE_TAIL_RE.search(text, start, end)
    if not m:
        return end
    before = text[start : m.start()].rstrip()
    if post and before.upper().endswith(post.upper()):
        return start + len(before) - len(post)
    # Without the post's name, take one word for it.
    return start + max(before.rfind(" "), 0)


def read_subject(text: str, lo: int, hi: int, post: str | None = None) -> Subject | None:
    """SUBJECT within ``text[lo:hi]``, with the lines it wraps over.

    ``post`` is the post in the classification line (``PRETORIA``), to recognise the page
    line of the flattened PDF form when it runs into the subject.
    """
    m = find_subject_label(text, lo, hi)
    if m is None:
        return None
    start = m.end()
    end = line_end(text, start)
    if not text[start:end].strip():
        # ``SUBJECT:`` alone on its line, the subject after a blank line.
        nxt = end + 1
        for _ in range(2):
            if nxt >= len(text):
                break
            e = line_end(text, nxt)
            if text[nxt:e].strip():
                if _NOT_SUBJECT_LINE_RE.match(text, nxt) and not read_portion_mark(text, nxt):
                    return None
                start = nxt
                while text[start] in " \t":
                    start += 1
                end = e
                break
            nxt = e + 1
        else:
            return None
        if start == m.end():
            return None
    marking = read_portion_mark(text, start)
    if marking is not None and marking.start == start:
        start = marking.end
        while start < end and text[start] in " \t":
            start += 1
    else:
        marking = None
    # The first line, then the lines it wraps over, each cut where the next field runs in.
    stop = _INLINE_STOP_RE.search(text, start, end)
    if stop:
        end = stop.start()
    else:
        upper = _letters_upper(text[start:end]) > 0.9
        for _ in range(6):
            nxt = end + 1
            if nxt >= len(text):
                break
            e = line_end(text, nxt)
            line = text[nxt:e]
            stripped = line.strip()
            if _NOT_SUBJECT_LINE_RE.match(line) or BANNER_WORD_RE.match(stripped):
                break
            stop = _INLINE_STOP_RE.search(text, nxt, e)
            head = text[nxt : stop.start()] if stop else stripped
            # An all-capitals subject does not go on in a sentence of lower-case text
            # (``This is an action request. Please see para 2.``).
            if upper and len(_LETTER_RE.findall(head)) >= 3 and _letters_upper(head) < 0.5:
                break
            end = stop.start() if stop else e
            if stop:
                break
    end = _cut_page_line(text, start, end, post)
    while end > start and text[end - 1] in " \t\n\\":
        end -= 1
    if end <= start:
        return None
    raw = text[start:end]
    value = html.unescape(" ".join(raw.split()))
    return Subject(raw, start, end, value=value, marking=marking)
