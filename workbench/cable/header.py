"""The routing header and the classification line: date-time group, FM/TO/INFO, banner,
handling captions and the reference ID."""

from __future__ import annotations

import re
from datetime import datetime

from workbench.cable import dates
from workbench.cable.lines import LazyPattern, LinePattern, line_end, match_span
from workbench.cable.markings import (
    BANNER_WORD_RE,
    BANNER_WORDS_PATTERN,
    CAPTION_RE,
    banner_level,
)
from workbench.cable.model import Addressee, Classification, Span
from workbench.cable.patterns import compile_pattern

# ``C O N F I D E N T I A L SECTION 01 OF 03 SEOUL 000219 SIPDIS NOFORN``
_CLASS_LINE_PATTERN = (
    # A stray doubled letter ("SS E C R E T PARIS 001699") is a known typo in real cables.
    r"(?:(?m:^)[ \t]*+S?|(?<=[^A-Za-z]))(?P<word>" + BANNER_WORD_RE.pattern + r")"
    # Possessive blanks: a run of thousands of blanks must not be tried at every split.
    r"(?P<ctl>(?:[ \t]*+//?[ \t]*+[A-Z]+)*+)"
    r"(?:[ \t]++(?:E[ \t]?F[ \t]?T[ \t]?O|NOFORN|SIPDIS|SENSITIVE))*+"
    # The post may wrap onto the next line ("C O N F I D E N T I A L \nSECTION 01 OF 02 BAKU").
    # Typed as "SCTION", "ECTION" (first letter lost) or "SECTON", "OF" as "GF" or "0F", and
    # run into the post ("02 OF 03QRIPOLI").
    r"(?:[ \t]*+\n?[ \t]*+(?i:SE?CTION|ECTION|SECTON)[ \t]++(?P<sec>\d{1,3})[ \t]++"
    r"(?i:OF|GF|0F|QF)[ \t]++(?P<of>\d{1,3}))?"
    r"(?:[ \t]++|[ \t]*+\n[ \t]*+|(?<=\d)(?=[A-Z]))(?!PAGE[ \t])(?P<post>[A-Z][A-Z'.\-]*(?:[ \t][A-Z][A-Z'.\-]*){0,4})[ \t]++"
    # Not a date-time group ("CONFIDENTIAL R 021439Z DEC 08").
    r"(?P<serial>\d{2,7})(?!\d|Z\b)"
    r"(?P<rest>[^\n]*)"
)
_CLASS_LINE_RE = compile_pattern(_CLASS_LINE_PATTERN)
# Some partial extracts are retyped in mixed case: ``C o n f i d e n t i a l section 01 of 04 ankara``.
# (Compiled when first needed, as the rare patterns below: see LazyPattern.)
_CLASS_LINE_ANYCASE_RE = LazyPattern(_CLASS_LINE_PATTERN, re.IGNORECASE)
_BANNER_LINE_RE = LinePattern(
    r"[ \t]*+(?P<word>" + BANNER_WORD_RE.pattern + r")(?P<rest>[^\n]{0,40})$", re.MULTILINE
)
# ``ZNY CCCCC ZZH``: the transmission header's own classification, a last resort.
_ZNY_RE = LinePattern(r"ZN[YR][ \t]++(?P<c>[CSUET])(?P=c){4}\b")
_ZNY_LEVELS = {
    "C": "CONFIDENTIAL",
    "S": "SECRET",
    "T": "TOP SECRET",
    "U": "UNCLASSIFIED",
    "E": "UNCLASSIFIED",
}
_PAGE_ID_RE = LinePattern(
    r"[ \t]*+PAGE[ \t]++01[ \t]++(?P<post>[A-Z][A-Z ]*?)[ \t]++(?P<serial>\d{3,7})\b"
)

_CAPTION_WORD_RE = compile_pattern(CAPTION_RE.pattern.replace(r"\b", ""))
_CAPTION_RUN = r"(?:[ \t]*+(?:" + _CAPTION_WORD_RE.pattern + r"))++"
# At a line start (also after a U+2028 that stands for one), or straight after the serial
# number on the classification line.
_CAPTION_RUN_START_RE = compile_pattern(r"(?:(?m:^)|(?<=[\d\u2028]))" + _CAPTION_RUN + r"(?![a-z])")
# At a line end. The run starts at its first word, so that a search does not try every blank.
_CAPTION_RUN_END_RE = compile_pattern(
    r"(?<![A-Za-z])(?:" + _CAPTION_WORD_RE.pattern + r")" + r"(?:" + _CAPTION_RUN + r")?"
    r"[ \t]*+$",
    re.MULTILINE,
)
_CAPTION_WORD_ANYCASE_RE = compile_pattern(_CAPTION_WORD_RE.pattern, re.IGNORECASE)
# (Retyped records separate the captions with commas too: ``sensitive , sipdis``.)
_CAPTION_LINE_ANYCASE_RE = compile_pattern(
    r"(?:^|(?<=[\n\u2028]))[ \t]*+(?P<run>(?:" + _CAPTION_WORD_RE.pattern + r")"
    r"(?:(?:[ \t]++|[ \t]*+,[ \t]*+)(?:" + _CAPTION_WORD_RE.pattern + r"))*+)"
    # (a record exported as CSV ends its lines with a backslash)
    r"[ \t]*+(?:\\[ \t]*+)?(?=[\n\u2028]|\Z)",
    re.IGNORECASE,
)
# Captions in any case straight after the classification line's serial: ``ATHENS 000057
# noforn sipdis AMEMBASSY ANKARA ...`` (looked for only near the line's start).
_CAPTIONS_AFTER_SERIAL_RE = LazyPattern(
    r"(?<=\d)[ \t]++(?P<run>(?:" + _CAPTION_WORD_RE.pattern + r")"
    r"(?:(?:[ \t]++|[ \t]*+,[ \t]*+)(?:" + _CAPTION_WORD_RE.pattern + r"))*+)(?![A-Za-z])",
    re.IGNORECASE,
)
_DE_RE = LinePattern(r"DE[ \t]++[A-Z]{5,7}[ \t]++#(?P<serial>\d{3,6})\b")
_ORIGIN_POST_RE = compile_pattern(r"^(?:AMEMBASSY|AMCONSUL|SECSTATE)[ \t]++(?P<post>[A-Z][A-Z ]*)$")
_FM_RE = LinePattern(r"[ \t]*+FM[ \t]++(?P<v>[^\n]+)")
_TO_RE = LinePattern(r"[ \t]*+TO[ \t]++(?P<v>[^\n]+)")
_ADDRESSEE_STOP_RE = compile_pattern(r"(?:BT|E\.?O\.?|TAGS?|SUBJECT|SIPDIS|[-=]{3,})\b")
_ROUTING_RE = compile_pattern(r"^[A-Z0-9]{4,8}/")
_ADDR_TAIL_RE = compile_pattern(
    r"(?:[ \t]++(?:NIACT[ \t]++)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH))?(?:[ \t]++\d{1,5})?[ \t]*+$"
)
# An addressee line that needs none of the line-by-line tests of ``read_addressees``, read
# whole in one match: capitals, digits and routing punctuation only (so no retyped banner, and
# ``strip`` strips only blanks), no banner, stop word, ``INFO`` or web date at its start, its
# newline before the search's end. (The words ``_may_hold_banner`` looks for are ruled out by
# the caller with ``str.find``.) ``name`` is what ``_strip_tail`` leaves of the text after the
# routing indicator: words up to the first blank run where ``_ADDR_TAIL_RE`` would match to
# the line's end (a tail starts a blank run, so only those are tried). Most lines are read
# this way; any other line goes through the tests one by one.
_TAIL_AFTER_BLANKS = (
    r"(?:NIACT[ \t]++)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH)(?:[ \t]++\d{1,5})?[ \t]*+\n"
    r"|\d{1,5}[ \t]*+\n"
)
_WORD = r"[A-Z0-9/\\:#|,.'\"()&-]++"
_PLAIN_ADDRESSEE_RE = compile_pattern(
    r"[ \t]*+"
    r"(?!INFO[ ]|(?:BT|E\.?O\.?|TAGS?|SUBJECT|SIPDIS|[-=]{3,})\b"
    r"|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,|" + BANNER_WORDS_PATTERN + ")"
    r"(?P<text>(?:[A-Z0-9]{4,8}/)?+"
    r"(?P<name>" + _WORD + r"(?:[ \t]++(?!" + _TAIL_AFTER_BLANKS + r")" + _WORD + r")*+)"
    r"(?:[ \t]++(?:NIACT[ \t]++)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH))?(?:[ \t]++\d{1,5})?)"
    r"[ \t]*+\n"
)
_BANNER_HINTS = ("C O N", "S E C", "UNCLAS", "CONFIDENTIAL", "SECRET", "LIMITED")


def _first_banner_hint(source: str, pos: int, hi: int) -> int:
    """Where the first of ``_may_hold_banner``'s words lies in ``source[pos:hi]`` (``hi`` if
    none): lines that end before it need not be tested for a classification line."""
    first = hi
    for word in _BANNER_HINTS:
        at = source.find(word, pos, first)
        if at != -1:
            first = at
    return first


def _dtg_datetime(m: re.Match[str]) -> datetime | None:
    """The UTC time of a date-time group match (day, hour, minute, month, two-digit year)."""
    return dates.make_datetime(
        dates.dtg_year(m.group("year")),
        dates.MONTHS[m.group("month").upper()],
        int(m.group("day")),
        int(m.group("hour")),
        int(m.group("minute")),
    )


def read_sent(source: str) -> tuple[datetime | None, Span | None, str | None]:
    """The cable's date-time group, or the mirrors' own date line for partial extracts."""
    m = dates.DTG_RE.search(source, 0, min(len(source), 6000))
    if m:
        prec = m.group("prec").split()[0].upper()
        when = _dtg_datetime(m)
        if when:
            start = m.start("prec")
            return when, Span(source[start : m.end()], start, m.end()), dates.PRECEDENCE.get(prec)
    m = dates.BARE_DTG_RE.search(source, 0, min(len(source), 3000))
    if m:
        when = _dtg_datetime(m)
        if when:
            s = m.start("day")
            return (
                when,
                Span(source[s : m.end()].rstrip(), s, s + len(source[s : m.end()].rstrip())),
                None,
            )
    m = dates.WEEKDAY_DATE_RE.search(source, 0, min(len(source), 3000))
    if m:
        month = dates._month_number(m.group("month"))
        if month:
            when = dates.make_datetime(
                int(m.group("year")),
                month,
                int(m.group("day")),
                int(m.group("hour")),
                int(m.group("minute")),
            )
            if when:
                s, e = match_span(m)
                s += len(source[s:e]) - len(source[s:e].lstrip())
                return when, Span(source[s:e], s, e), None
    return None, None, None


_PRECEDENCES = ("IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH")


def _strip_tail(name: str) -> str:
    """``name`` without its precedence and serial, stripped: what ``_ADDR_TAIL_RE.sub("",
    name).strip()`` gives, read from the right in a few string operations (the pattern was
    tried at every offset of every addressee line)."""
    rest = name.rstrip(" \t")
    if not rest or (not rest[-1].isdecimal() and rest[-1] not in "EYH"):
        return name.strip()  # neither a serial nor a precedence word (these end in E, Y, H)
    cut = len(rest)
    # ``[ \t]++\d{1,5}`` at the end: the whole last word, one to five digits.
    word_start = cut
    while word_start and rest[word_start - 1].isdecimal():  # what \d matches
        word_start -= 1
    if 1 <= cut - word_start <= 5 and word_start and rest[word_start - 1] in " \t":
        cut = len(rest[:word_start].rstrip(" \t"))
    head = rest[:cut]
    # ``[ \t]++(?:NIACT[ \t]++)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH)`` before it.
    for word in _PRECEDENCES:
        at = len(head) - len(word)
        if head.endswith(word) and at > 0 and head[at - 1] in " \t":
            cut = len(head[:at].rstrip(" \t"))
            before = head[:cut]
            if before.endswith("NIACT") and cut > 5 and before[cut - 6] in " \t":
                cut = len(before[:-5].rstrip(" \t"))
            break
    else:
        if cut == len(rest):
            return name.strip()
    return name[:cut].strip()


def _addressee(source: str, start: int, end: int) -> Addressee:
    # (trimmed_span without its Span: one line per addressee, thousands per archive)
    stripped = source[start:end].rstrip()
    text = stripped.lstrip()
    name = text
    routing = _ROUTING_RE.match(name)
    if routing:
        name = name[routing.end() :]
    name = _strip_tail(name)
    return Addressee(name or text, text, start + len(stripped) - len(text), start + len(stripped))


def _may_hold_banner(line: str) -> bool:
    """A cheap test before the costly classification-line search on every addressee line."""
    return (
        "C O N" in line
        or "S E C" in line
        or "UNCLAS" in line
        or "CONFIDENTIAL" in line
        or "SECRET" in line
        or "LIMITED" in line
    )


def _may_hold_retyped_banner(text: str, lo: int, hi: int) -> bool:
    """A cheap test for a banner word typed in lower or mixed case in ``text[lo:hi]``."""
    return (
        text.find("o n f", lo, hi) != -1
        or text.find("e c r", lo, hi) != -1
        or text.find("nclas", lo, hi) != -1
        or text.find("onfid", lo, hi) != -1
        or text.find("ecret", lo, hi) != -1
    )


def read_addressees(
    source: str, lo: int, hi: int
) -> tuple[Addressee | None, list[Addressee], list[Addressee]]:
    fm = _FM_RE.search(source, lo, hi)
    origin = _addressee(source, fm.start("v"), fm.end("v")) if fm else None
    to: list[Addressee] = []
    info: list[Addressee] = []
    # TO follows FM on the next line; without an FM line there is no routing header, and a
    # body line that happens to start with "TO PRAGUE SUMMIT" is not an addressee.
    t = _TO_RE.search(source, fm.end(), min(hi, fm.end() + 200)) if fm else None
    if not t:
        return origin, to, info
    target = to
    pos = t.start("v")
    hint = _first_banner_hint(source, pos, hi)
    while pos < hi:
        if hint < pos:
            hint = _first_banner_hint(source, pos, hi)
        plain = _PLAIN_ADDRESSEE_RE.match(source, pos, hint)
        if plain:
            start, end = plain.span("text")
            text = source[start:end]
            target.append(Addressee(plain.group("name"), text, start, end))
            pos = plain.end()
            continue
        end = line_end(source, pos, hi)
        line = source[pos:end]
        stripped = line.strip()
        if (
            not stripped
            or BANNER_WORD_RE.match(stripped)
            or dates.WEEKDAY_DATE_RE.at_start.match(line)
            or (_may_hold_banner(line) and _CLASS_LINE_RE.search(line))
            # (a retyped record's ``S e c r e t state 128877`` is no addressee either)
            or (
                not line.isupper()  # (addressee lines are in capitals: one C call for most)
                and _may_hold_retyped_banner(line, 0, len(line))
                and _CLASS_LINE_ANYCASE_RE.search(line)
            )
        ):
            break
        if _ADDRESSEE_STOP_RE.match(stripped):
            break
        if stripped.startswith("INFO ") and target is to:
            target = info
            pos = pos + line.index("INFO") + 4
            while pos < end and source[pos] in " \t":
                pos += 1
            continue
        target.append(_addressee(source, pos, end))
        pos = end + 1
    return origin, to, info


def read_classification(
    source: str, lo: int, hi: int
) -> tuple[Classification | None, re.Match[str] | None, int]:
    """The classification line; also the match that names post and serial, and where it ends."""
    line = _CLASS_LINE_RE.search(source, lo, hi)
    if line is None:
        line = _CLASS_LINE_ANYCASE_RE.search(source, lo, hi)
    elif _may_hold_retyped_banner(source, lo, line.start()):
        # A record retyped in mixed case (``C o n f i d e n t i a l berlin 001095``) may repeat
        # its banner in capitals further down, in a second copy of the header: the first
        # classification line is the record's, and the fields follow it.
        line = _CLASS_LINE_ANYCASE_RE.search(source, lo, line.start()) or line
    if line:
        level = banner_level(line, ignore_case=True)
        return (
            Classification(level, (), line.group("word"), line.start("word"), line.end("word")),
            line,
            # Not the line's end: real cables run the E.O. line and TAGS onto this line.
            line.end("serial"),
        )
    bare = _BANNER_LINE_RE.search(source, lo, hi)
    if bare:
        level = banner_level(bare)
        return (
            Classification(level, (), bare.group("word"), bare.start("word"), bare.end("word")),
            None,
            bare.end(),
        )
    zny = _ZNY_RE.search(source, lo, hi)
    if zny:
        level = _ZNY_LEVELS[zny.group("c")]
        start, end = match_span(zny)
        return Classification(level, (), source[start:end], start, end), None, end
    return None, None, lo


def _any_case_scan(source: str, lo: int, hi: int) -> bool:
    """Whether the any-case scan for lines of captions can find a caption in ``source[lo:hi]``
    that the scans for runs in capitals did not: a line of captions in capitals with blanks
    between them is a run at its line's start, read whole by those. Only lower case, a comma,
    a CSV backslash or U+2028 (not ASCII) make such a line that they miss."""
    region = source[lo:hi]
    return not (region.isascii() and region.isupper() and "," not in region and "\\" not in region)


def read_captions(source: str, lo: int, hi: int) -> list[Span]:
    """Handling captions after the classification line: on lines of their own, or as a run of
    captions at the start or end of a line ("SIPDIS NOFORN SIPDIS STATE FOR NEA/IR", and
    "000255NOFORNSIPDISPLEASE PASS" where the lines ran together)."""
    found: list[Span] = []
    hi = min(hi, len(source))
    first_end = line_end(source, lo, hi)
    # On the classification line itself any caption counts, wherever it stands.
    found.extend(
        Span(m.group(0), m.start(), m.end()) for m in CAPTION_RE.finditer(source, lo, first_end)
    )
    seen = {f.start for f in found}
    # The first run of each kind on each line (runs never cross a line end): one scan of the
    # range per kind rather than two searches per line.
    for rx in (_CAPTION_RUN_START_RE, _CAPTION_RUN_END_RE):
        line_start = -1
        for run in rx.finditer(source, lo, hi):
            at = max(source.rfind("\n", lo, run.start()) + 1, lo)
            if at == line_start:
                continue
            line_start = at
            for m in _CAPTION_WORD_RE.finditer(source, run.start(), run.end()):
                if m.start() not in seen:
                    seen.add(m.start())
                    found.append(Span(m.group(0), m.start(), m.end()))
    # Retyped records write captions in any case (``Sipdis``, ``Noforn``), and some separate
    # lines with U+2028: a line that holds nothing but captions is read in any case, and so
    # is a run straight after the classification line's serial.
    near = min(first_end, lo + 160)
    after_serial = (
        _CAPTIONS_AFTER_SERIAL_RE.search(source, lo, near)
        # (a run in capitals is found above: only a lower-case letter can make a new one)
        if not source[lo:near].isupper()
        else None
    )
    runs = [after_serial] if after_serial else []
    lines = (
        _CAPTION_LINE_ANYCASE_RE.finditer(source, lo, hi) if _any_case_scan(source, lo, hi) else ()
    )
    for m in [*runs, *lines]:
        for w in _CAPTION_WORD_ANYCASE_RE.finditer(source, m.start("run"), m.end("run")):
            if w.start() not in seen:
                seen.add(w.start())
                found.append(Span(w.group(0), w.start(), w.end()))
    found.sort(key=lambda s: s.start)
    return found


_REDACTED_RE = compile_pattern(r"X{4,}")
_NOT_CAPITAL_RE = compile_pattern(r"[^A-Z]")


def make_id(
    line: re.Match[str] | None, source: str, hi: int, year: int | None, origin: Addressee | None
) -> str | None:
    post = serial = None
    if line:
        post, serial = line.group("post"), line.group("serial")
    else:
        page = _PAGE_ID_RE.search(source, 0, hi)
        de = _DE_RE.search(source, 0, hi)
        if page:
            post, serial = page.group("post"), page.group("serial")
        elif de and origin is not None:
            # No classification line: the originator's post and the DE line's serial number.
            o = _ORIGIN_POST_RE.match(origin.name)
            if o:
                post, serial = o.group("post"), de.group("serial")
                post = "STATE" if post == "WASHDC" else post
    if post is not None and _REDACTED_RE.fullmatch(post.strip()) and origin is not None:
        # The publisher redacted the post's name in the classification line (as it did
        # names); the FM line still names the post.
        o = _ORIGIN_POST_RE.match(origin.name)
        post = o.group("post") if o else None
    if post is None or serial is None or year is None:
        return None
    post = _NOT_CAPITAL_RE.sub("", post.upper())
    if not post:
        return None
    if year < 1990:
        # PlusD names 1970s telegrams with a four-digit year and a zero-padded serial.
        return f"{year}{post}{serial.zfill(5)}"
    return f"{year % 100:02d}{post}{int(serial)}"
