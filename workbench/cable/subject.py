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
from workbench.cable.patterns import compile_pattern

# ``SUBJECT:``, ``Subject:``, ``SUBJ:``, ``UBJECT:`` (first letter lost) and the slips
# ``SUBJET``/``SUBECT``; ``SUBJECT`` without a colon only in capitals at a line start.
SUBJECT_LABEL_RE = compile_pattern(
    r"(?:(?<=[\s\d:/.,])|^)(?P<label>(?i:SUBJECT|SUBJ|UBJECT|SUBJET|SUBECT|SUBJEC))"
    r"(?:[ \t]*+(?P<colon>:)|(?![A-Za-z0-9]))[ \t]*+"
)
# The field or the text that follows a subject run together with it on one line.
# (A search starts only where a blank run starts, so a run of blanks is not tried at each blank.)
_INLINE_STOP_RE = compile_pattern(
    r"(?<![ \t])[ \t]++(?=(?:(?-i:[A-Z])\.[ \t]++)?REF(?:S|\(S\)|TELS?|ERENCES?)?[ \t]*+:"
    r"|REF[ \t]++(?-i:[A-Z])[.)][ \t]"
    r"|CLASSIFIED[ \t]++BY\b|SENSITIVE[ \t]++BUT[ \t]++UNCLASSIFIED|TAGS?[ \t]*+:"
    r"|THIS[ \t]++(?:CABLE|MESSAGE)[ \t]++IS[ \t]++(?:SENSITIVE|UNCLASSIFIED|CONFIDENTIAL)"
    r"|SUMMARY[ \t]*+(?::|-{2,})|(?-i:SIPDIS|NOFORN)\b"
    r'|,,"'  # (a CSV export that wrote its line ends as ,,"")
    r"|E\.[ \t]?O\.[ \t]*+1\d{4}|¶|\((?:U|C|S|SBU|TS)(?:\)|//?)"
    r"|\d{1,2}\.[ \t]*+(?:\(|SUMMARY\b)"
    r"|(?-i:C[ ]O[ ]N[ ]F[ ]I|S[ ]E[ ]C[ ]R[ ]E[ ]T|UNCLAS[ ]+SECTION))",
    re.IGNORECASE,
)
# Lines after the subject that are not the subject.
_NOT_SUBJECT_LINE_RE = compile_pattern(
    # A line holding only a backslash is blank: records exported as CSV end lines with one.
    r"[ \t]*+(?:\\?[ \t]*+(?=\n|\Z)|REF(?:S|\(S\)|TELS?|ERENCES?)?\b|CLASSIFIED[ \t]++BY|¶|\d{1,3}[ \t]*+\.(?:[ \t(]|(?=\n|\Z))"
    r"|\([A-Z]{1,3}(?:/+[A-Z]+)*\)|SUMMARY\b|TAGS?\b|E\.?[ \t]?O\.?[ \t]*+1|DECL\b|PAGE[ \t]++\d"
    # (``SENSITIVE ISSUE IN ...`` is a wrapped subject, ``SENSITIVE BUT UNCLASSIFIED`` not)
    r"|SENSITIVE\b(?![ \t]++(?!BUT\b|SIPDIS\b|NOFORN\b)[A-Za-z])"
    r"|THIS[ \t]++(?:CABLE|MESSAGE|TELEGRAM)[ \t]++(?:IS|CONTAINS)\b|SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|[-=_*]{3,}|BT[ \t]*+(?=\n|\Z)|SUBJ"
    r"|[A-Z][A-Z .'-]*[ \t]++\d{5,8}[ \t]++\d{3}(?:\.\d)?[ \t]++OF[ \t]++\d{3}[ \t]*+(?=\n|\Z)"
    r"|PASS[ \t]++TO\b)",
    re.IGNORECASE,
)


_UPPER_RE = compile_pattern(r"[A-Z]")
_LOWER_RE = compile_pattern(r"[a-z]")
_LETTER_RE = compile_pattern(r"[A-Za-z]")


def _letters_upper(s: str) -> float:
    """The share of capitals among the letters of ``s`` (ASCII letters: cables are English),
    HTML entities read (``&quot;IRAN&quot;`` is in capitals)."""
    if "&" in s:
        s = html.unescape(s)
    upper, lower = len(_UPPER_RE.findall(s)), len(_LOWER_RE.findall(s))
    return upper / (upper + lower) if upper + lower else 0.0


# :data:`SUBJECT_LABEL_RE` without its lookbehind, its first letter a plain class (``ſ`` is
# the long s that ``(?i:S)`` matches too), so that the engine scans for that letter instead of
# trying the lookbehind at every offset; :func:`subject_labels` checks the letter before.
_LABEL_WORD_RE = compile_pattern(
    r"(?P<label>[SsſUu](?:(?<=[Ssſ])(?i:UBJECT|UBJ|UBJET|UBECT|UBJEC)|(?<=[Uu])(?i:BJECT)))"
    r"(?:[ \t]*+(?P<colon>:)|(?![A-Za-z0-9]))[ \t]*+"
)
_BEFORE_LABEL_RE = compile_pattern(r"[\s\d:/.,]")


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
            if nxt.isalnum() or nxt == "(":
                fallback = m
    return fallback


# The page line of the flattened PDF form run into the subject: ``... PRESIDENT PRETORIA
# 00000939 001.2 OF 003``. The serial is zero-padded to eight digits.
_PAGE_TAIL_RE = compile_pattern(r"(?<![ \t])[ \t]++\d{8}[ \t]++\d{3}\.\d[ \t]++OF[ \t]++\d{3}")


_WORD_RE = compile_pattern(r"\S+")
_NOT_LETTER_RE = compile_pattern(r"[^A-Z]")


def _cut_page_line(text: str, start: int, end: int, post: str | None) -> int:
    """``end`` moved back to before a page line run into ``text[start:end]``."""
    m = _PAGE_TAIL_RE.search(text, start, end)
    if not m:
        return end
    before = text[start : m.start()].rstrip()
    if post:
        # The page line spells the post its own way: ``PORT AU PR 00001381`` (cut short) for
        # PORT AU PRINCE, ``BUENOS AIRES``: the last words whose letters begin the post's.
        want = _NOT_LETTER_RE.sub("", post.upper())
        skip = max(0, len(before) - 120)  # the post's words are the last few
        words = list(_WORD_RE.finditer(before, skip))[-5:]
        cut = None
        for w in reversed(words):
            if not _NOT_LETTER_RE.sub("", w.group().upper()):
                break  # ``MARCH 10-11 TRIPOLI``: the post's words are words
            letters = _NOT_LETTER_RE.sub("", before[w.start() :].upper())
            if len(letters) > len(want):
                break
            if want.startswith(letters):
                cut = (
                    w.start()
                )  # (``PR`` alone is not how PORT AU PRINCE begins, ``PORT AU PR`` is)
        if cut is not None:
            return start + cut
    # Without the post's name, take one word for it.
    return start + max(before.rfind(" "), 0)


_BLANK_LINE_RE = compile_pattern(r"[ \t\\]*+")
# Lines that do not go on a subject over a blank line: serials of CSV rows, previews cut short
# with ``...``, banners of a second copy, redactions.
_NOT_AFTER_BLANK_RE = compile_pattern(
    r"\d{5}|\.\.\.|\u2026|ENTIRE TEXT|XXXX|SUMMARY|-{3}|^(?:FROM|FOR|TO|PASS|INFO|ACTION)\b"
)
_RULE_RE = compile_pattern(r"[ \t]*+[-=_*]{3}")


def _run_in_ref(text: str, lo: int, hi: int) -> int | None:
    """Where ``REF:`` runs into the subject with no blank before it: after a digit, a period
    or a closing parenthesis (``... MARCH 24-28REF: A. CAIRO 452``), or after a letter when a
    reference follows (``RELATIONS WITH IRANREF: A. 07 MANAMA 1045``)."""
    at = text.find("REF", lo, hi)
    while at != -1:
        if at > lo:
            before = text[at - 1]
            if (before in "0123456789.)" and _REF_COLON_RE.match(text, at + 3)) or (
                before.isalpha() and _REF_AND_REFERENCE_RE.match(text, at + 3)
            ):
                return at
        at = text.find("REF", at + 3, hi)
    return None


_REF_COLON_RE = compile_pattern(r"(?:S|TELS?)?[ \t]*+:")
# ``: A. 07 MANAMA 1045``, ``: (A) STATE 123``, ``: 09 STATE 1234``, ``: STATE 1234``
_REF_AND_REFERENCE_RE = compile_pattern(
    r"(?:S|TELS?)?[ \t]*+:[ \t]*+(?:\(?[A-Z][.)][ \t]|\d|[A-Z][A-Z ]{1,30}\d)"
)
_BY_NEXT_RE = compile_pattern(r"[ \t]*+\n(?:[ \t]*+\n)?[ \t]*+BY\b", re.IGNORECASE)
# The first word of the authority's label at the subject's end, in any case and with the
# slips ``authority.CLASSIFIED_BY_RE`` reads (``Classified`` / blank / ``By: ...``).
_LABEL_FIRST_WORD_RE = compile_pattern(
    r"(?<![A-Za-z])CLAS(?:SIFIED|SFIED|IFIED|SIFED)\Z", re.IGNORECASE
)


def _goes_on_over_blank(text: str, last: int, end: int, at: int) -> bool:
    """Whether the line at ``at``, after a blank line, goes on the subject whose last line is
    ``text[last:end]`` (``... ARGENTNE TIES WITH`` / blank / ``U.S., VENEZUELA, AND ...``).

    Only an all-capitals line, after a line that does not end a sentence, and followed by a
    blank line or a line that is no subject (REF:, Classified By, the page line) as a
    subject's last line is (09BUENOSAIRES568, 10SHENYANG4, 09LONDON290 among the development
    cables).
    """
    # (Most subjects are followed by a blank line and REF: or the text: that test first.)
    if _NOT_SUBJECT_LINE_RE.match(text, at):
        return False
    prev = text[last:end].rstrip(" \t\\")
    if not prev or prev[-1] in ".?!\"'":
        return False
    e = line_end(text, at)
    stripped = text[at:e].strip(" \t\\")
    if not stripped or len(stripped) > 200 or not (stripped[0].isalpha() or stripped[0] in '&"'):
        return False
    if (
        BANNER_WORD_RE.match(stripped)
        or _NOT_AFTER_BLANK_RE.search(stripped)
        or _letters_upper(stripped) < 0.9
    ):
        return False
    # Then a blank line, or a line that is no subject (REF:, the page line, an SBU line ...)
    # but not an underline: ``GEORGIA REPORTS MORE MOVEMENTS`` over dashes is a heading.
    after = e + 1
    return (
        after >= len(text)
        or _BLANK_LINE_RE.fullmatch(text, after, line_end(text, after)) is not None
        or (_NOT_SUBJECT_LINE_RE.match(text, after) is not None and not _RULE_RE.match(text, after))
    )


def read_subject(text: str, lo: int, hi: int, post: str | None = None) -> Subject | None:
    """SUBJECT within ``text[lo:hi]``, with the lines it wraps over.

    ``post`` is the post in the classification line (``PRETORIA``), to recognise the page
    line of the flattened PDF form when it runs into the subject.
    """
    m = find_subject_label(text, lo, hi)
    if m is None:
        return None
    start = m.end()
    again = _LABEL_WORD_RE.match(text, start)
    if again is not None and again.group("colon"):
        start = again.end()  # the label typed twice: ``SUBJECT: SUBJECT: BRITISH PRESS ...``
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
    run_in = _run_in_ref(text, start, stop.start() if stop else end)
    if run_in is not None:
        end = run_in
    elif stop:
        end = stop.start()
    else:
        upper = _letters_upper(text[start:end]) > 0.9
        last = start  # where the subject's last line read so far starts
        for _ in range(6):
            nxt = end + 1
            if nxt >= len(text):
                break
            e = line_end(text, nxt)
            if upper and e + 1 < len(text) and _BLANK_LINE_RE.fullmatch(text, nxt, e):
                # A double-spaced record wraps its subject over a blank line.
                if not _goes_on_over_blank(text, last, end, e + 1):
                    break
                nxt = e + 1
                e = line_end(text, nxt)
            # The wrapped line's end run into the page line of the flattened PDF form
            # (``NELSON JOBIM TO WASHINGTON BRASILIA 00000351 001.2 OF 003``): the words
            # before it go on the subject, and the subject ends there.
            paged = (
                text.find(" OF ", nxt, e) != -1 and _PAGE_TAIL_RE.search(text, nxt, e) is not None
            )
            if paged:
                e = _cut_page_line(text, nxt, e, post)
            line = text[nxt:e]
            stripped = line.strip()
            if not stripped or _NOT_SUBJECT_LINE_RE.match(line) or BANNER_WORD_RE.match(stripped):
                break
            stop = _INLINE_STOP_RE.search(text, nxt, e)
            head = text[nxt : stop.start()] if stop else stripped
            # An all-capitals subject does not go on in a sentence of lower-case text
            # (``This is an action request. Please see para 2.``).
            if upper and len(_LETTER_RE.findall(head)) >= 3 and _letters_upper(head) < 0.5:
                break
            end = stop.start() if stop else e
            last = nxt
            if stop or paged:
                break
    end = _cut_page_line(text, start, end, post)
    while end > start and text[end - 1] in " \t\n\\":
        end -= 1
    broken = _LABEL_FIRST_WORD_RE.search(text, max(start, end - 10), end) if end > start else None
    if broken and _BY_NEXT_RE.match(text, end):
        # ``... ARE WELCOME CLASSIFIED`` / blank / ``BY: Gene A. Cretz``: the authority's
        # label broken over a blank line (finding 42: its first word is not the subject's).
        end = broken.start()
        while end > start and text[end - 1] in " \t":
            end -= 1
    if end <= start:
        return None
    raw = text[start:end]
    # (A lone backslash is the line end of a record exported as CSV, not the subject's.)
    words = raw.split()
    if "\\" in raw:
        words = [w for w in words if w != "\\"]
    value = html.unescape(" ".join(words))
    return Subject(raw, start, end, value=value, marking=marking)
