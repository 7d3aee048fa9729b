"""Splitting a cable body into paragraphs, and finding page-break debris and signatures."""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from dataclasses import dataclass

from workbench.cable.lines import LinePattern
from workbench.cable.markings import BANNER_WORDS_PATTERN, read_portion_mark
from workbench.cable.model import Marking, Paragraph, ParaRef, Span

_EOL = r"(?=\n|\Z)"


# ``¶1.``, ``1.``, ``1.(U)``, ``¶ 12 .``; the pilcrow may stand anywhere, a bare number only
# at the start of a line.
_PILCROW_LABEL_RE = re.compile(r"¶[ \t]*+(?P<num>\d{1,3})[ \t]*+\.?")
_LINE_LABEL = LinePattern(r"[ \t]*+(?P<num>\d{1,3})[ \t]*+\.(?=[ \t(]|\n|\Z|[A-Z])")

# The page header of the PlusD form: ``PAGE 03 HARARE 06677 03 OF 03 291401Z``.
PAGE_HEAD = (
    r"PAGE[ \t]++\d{2,3}[ \t]++[A-Z][A-Z]*+(?:[ ][A-Z]++)*+[ \t]++\d{3,8}"
    r"(?:[ \t]++\d{2}[ \t]++OF[ \t]++\d{2})?[ \t]++\d{6}Z"
)
# A paragraph label on the rest of such a line.
_LABEL_AFTER_PAGE_RE = re.compile(r"[ \t]++(?P<num>\d{1,3})[ \t]*+\.(?=[ \t(])")
# A label inside a flattened line (the whole body run together on one line): only with its
# portion mark, which may have wrapped to the next line (``------- 1.\n (C) The Prime ...``).
_INLINE_LABEL_RE = re.compile(
    r"(?<=[ \t.:\-])(?P<num>\d{1,3})[ \t]*+\.(?=[ \t]*+\n?[ \t]*+\((?:U|C|S|SBU|TS|LOU)(?:\)|/))"
)
_BODY_START_LABEL_RE = re.compile(
    r"[ \t]*+(?P<num>\d{1,3})[ \t]*+\.(?=[ \t]*+\n?[ \t]*+\((?:U|C|S|SBU|TS|LOU)(?:\)|/))"
)
_INLINE_MARK_RE = re.compile(r"\((?:U|C|S|SBU|TS|LOU)(?:\)|/)")
_LABEL_BEFORE = frozenset(" \t.:-")


def _inline_labels(source: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, dot)`` of each :data:`_INLINE_LABEL_RE` match in ``source[lo:hi]``.

    The same matches, found from the portion marks (rare) back to their labels instead of
    trying the pattern at every offset of a long line (a tenth of the parse time).
    """
    found: list[tuple[int, int]] = []
    for mark in _INLINE_MARK_RE.finditer(source, lo, hi):
        # Back over ``[ \t]*+\n?[ \t]*+`` to the label's dot.
        i = mark.start() - 1
        while i >= lo and source[i] in " \t":
            i -= 1
        if i >= lo and source[i] == "\n":
            i -= 1
            while i >= lo and source[i] in " \t":
                i -= 1
        if i < lo or source[i] != ".":
            continue
        dot = i
        i -= 1
        while i >= lo and source[i] in " \t":
            i -= 1
        end = i + 1
        while i >= lo and source[i].isdecimal():  # what \d matches in a str pattern
            i -= 1
        start = i + 1
        # One to three digits, the whole run, after a blank or punctuation the lookbehind
        # allows (which may stand just before ``lo``).
        if 1 <= end - start <= 3 and start > 0 and source[start - 1] in _LABEL_BEFORE:
            found.append((start, dot))
    return found


# A line this long is a run-together body, not a line.
# (Searched for after a newline, which the engine finds with a fast scan, not at every offset.)
_LONG_LINE_RE = re.compile(r"\n[^\n]{400,}")

# Lines that are transmission or page-break debris rather than text, in one pattern so the
# body is scanned once: debris lines, lone banners, and the banner of a later section.
NOISE_LINE = LinePattern(
    r"[ \t]*+(?:"
    # PAGE 04 HARARE 06677 01 OF 03 291400Z COALITION GOVERNMENT. THE GOAL ...: the text after
    # the page header is the cable's (a paragraph may even begin there); only the header is debris.
    r"(?P<page>" + PAGE_HEAD + r")(?=[ \t]++\S)"
    r"|(?:PAGE[ \t]++\d{2,3}\b[^\n]*"  # PAGE 02 HARARE 06677 01 OF 03 291400Z
    # TRIPOLI 00000110  001.2 OF 002 (the post's words one blank apart, so that a long run of
    # blanks is not split every way between the name and the serial)
    r"|[A-Z][A-Z.]*(?:[ ][A-Z][A-Z.]*)*[ \t]++\d{6,8}[ \t]++\d{3}(?:\.\d)?[ \t]++OF[ \t]++\d{3}"
    r"|NNNN?|BT|#\d{3,5}|NMAFVVZCZ|VZCZC\w*"
    r"|\*\*\*[^\n]*"  # PlusD handling footers
    r"|-{3,}[ \t]*+[0-9A-F]*[ \t]*+(?:\d{6}Z[ \t]*+/\d+)?"  # ------ 064536 separators
    r"|(?:" + BANNER_WORDS_PATTERN + r")[ \t]*+(?:PTQ\d+)?"  # a lone banner
    r")[ \t]*+"
    + _EOL
    + r"|(?P<section>(?:"
    + BANNER_WORDS_PATTERN
    + r")[ \t]++SECTION[ \t]++0*(?:[2-9]|\d{2})[ \t]++OF\b[^\n]*)"
    r")"
)
_REPEATED_HEADER_LINE = LinePattern(
    r"[ \t]*+(?:SIPDIS|NOFORN|SENSITIVE|E\.?[ \t]?O\.?[ \t]*+1[123]\d{3}\b|TAGS?\b|SUBJECT\s*:)[^\n]*"
)
# Cheap first pass for paragraph references: single literals, which the regex engine scans
# for with a fast substring search (an alternation is tried at every offset, ten times slower).
_PARA_WORDS = tuple(re.compile(w) for w in ("para", "PARA", "Para"))
_PARA_REF_RE = re.compile(
    r"(?:PARAGRAPHS?|PARAS?)(?:[ \t]++|[ \t]*+\n[ \t]*+)(?P<n>\d{1,3})\b(?!\.\d)(?P<more>(?:[ \t]*+(?:,|-|AND|&|THROUGH)[ \t]*+\d{1,3}\b)*)",
    re.IGNORECASE,
)
# "para 3" about another cable ("reftel para 3", "REF A para 2", "STATE 1234 para 5").
_FOREIGN_REF_RE = re.compile(
    r"(?:REF(?:TEL)?|SEPTEL|TEL|REFERENCE|CABLE|\d{2,6}|MESSAGE|\bREF[ \t]++[A-Z])\W{0,3}(?:[A-Z]\W{0,2})?$",
    re.IGNORECASE,
)
# A drafter's name alone on the last line: ``STANTON``, ``Stephenson``, ``van Voorst``.
_SIGNATURE_LINE_RE = re.compile(
    r"^[ \t]*+(?P<sig>(?:(?:van|von|de|del|da|la|le|al|bin|el)[ \t]++)?[A-Z][A-Za-z'\-]+"
    r"(?:[ \t]++(?:(?:van|von|de|del|da|la|le|al|bin|el)[ \t]++)?[A-Z][A-Za-z'\-.]*){0,2})\.?[ \t]*+$"
)
# A name run on after the last sentence: ``... End comment. BROWNFIELD``.
_SIGNATURE_TAIL_RE = re.compile(
    r"(?:[.!?\"')\]*]|X{6,}|\d{3})[ \t]++(?P<sig>[A-Z][A-Z'\-]{1,}(?:[ \t]++[A-Z][A-Z'\-]{2,}){0,2}|[A-Z][a-z][A-Za-z'\-]+)[ \t]*+$"
)
_SIGNATURE_CHARS = string.ascii_letters + "'- \t"
_NOT_SIGNATURES = {"END", "BT", "NNNN", "NNN", "SIPDIS", "SUMMARY", "COMMENT", "NOTE", "TEXT"}


def find_noise(source: str, lo: int, hi: int) -> list[Span]:
    """Page-break lines, lone banners and repeated section headers in ``source[lo:hi]``."""
    spans: list[Span] = []
    for start, end, m in NOISE_LINE.finditer(source, lo, hi):
        spans.append(Span(source[start:end], start, end))
        if not m.group("section"):
            continue
        # The header lines a later section repeats follow its banner closely.
        window_end = min(hi, end + 600)
        for h_start, h_end, _ in _REPEATED_HEADER_LINE.finditer(source, end, window_end):
            # A run-together record goes on after its header on the same line (``SUBJECT:
            # ... REF: ... Classified By: ... 1. (C) The Prime Minister ...``): that is text.
            run_on = _RUN_ON_RE.search(source, h_start + 1, h_end)
            if run_on:
                spans.append(Span(source[h_start : run_on.start()], h_start, run_on.start()))
                continue
            if source[h_start:h_end].lstrip().upper().startswith("SUBJECT"):
                # A repeated subject wraps like the first one did: take it to the blank line.
                blank = _BLANK_LINE_RE.search(source, h_end, window_end)
                if blank and not _LABEL_AHEAD_RE.search(source, h_end, blank.start()):
                    h_end = blank.start()
            spans.append(Span(source[h_start:h_end], h_start, h_end))
    spans.sort(key=lambda s: s.start)
    return spans


_BLANK_LINE_RE = re.compile(r"\n[ \t]*+\n")
_RUN_ON_RE = re.compile(
    r"(?<![ \t])[ \t]++(?=REF(?:S|TELS?)?[ \t]*+:|REF[ \t]++[A-Z][.)]|CLASSIFIED[ \t]++BY\b|¶"
    r"|\d{1,3}[ \t]*+\.[ \t]*+\((?:U|C|S|SBU|TS)(?:\)|/))",
    re.IGNORECASE,
)
_LABEL_AHEAD_RE = re.compile(r"\n[ \t]*+(?:¶|\d{1,3}[ \t]*+\.)")


class _Spans:
    """Whether an offset falls inside any of a list of spans, by bisection (a body may have
    hundreds of noise spans and labels: testing each pair was a fifth of the parse time)."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        # The furthest end among the spans starting at or before each one (spans may overlap).
        self.reach: list[int] = []
        furthest = -1
        for s in ordered:
            furthest = max(furthest, s.end)
            self.reach.append(furthest)

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


@dataclass
class _Label:
    start: int
    end: int
    digits: str
    strong: bool  # a pilcrow or a portion mark follows: surely a paragraph label
    marking: Marking | None
    pilcrow: bool = False


def _candidates(source: str, lo: int, hi: int, noise: list[Span], in_noise: _Spans) -> list[_Label]:
    found: list[_Label] = []
    # (where the match starts, where its number starts, where it ends, the number, pilcrow)
    matches = [
        (m.start(), m.start(), m.end(), m.group("num"), True)
        for m in _PILCROW_LABEL_RE.finditer(source, lo, hi)
    ]
    matches += [
        (start, m.start("num"), end, m.group("num"), False)
        for start, end, m in _LINE_LABEL.finditer(source, lo, hi)
    ]
    for n in noise:
        if n.text.startswith("PAGE"):
            after = _LABEL_AFTER_PAGE_RE.match(source, n.end, hi)
            if after:
                at = after.start("num")
                matches.append((at, at, after.end(), after.group("num"), False))
    for line in _LONG_LINE_RE.finditer(source, max(source.rfind("\n", 0, lo), 0), hi):
        pos, eol = max(line.start() + 1, lo), line.end()
        # (A little past the line's end: the mark may stand on the next line.)
        for num, dot in _inline_labels(source, pos + 1, min(hi, eol + 16)):
            if num < eol:
                matches.append((num, num, dot + 1, source[num:dot].rstrip(" \t"), False))
    # A marked label the header's last field runs into (``... REASON: 1.4 (b), (d) 1.  (C)
    # Summary``): the body starts with it, though not at a line start.
    first = _BODY_START_LABEL_RE.match(source, lo, hi)
    if first and source[lo - 1 : lo] not in ("\n", ""):
        at = first.start("num")
        matches.append((at, at, first.end(), first.group("num"), False))
    matches.sort(key=lambda x: x[0])
    for at, start, end, digits, pilcrow in matches:
        if noise and at in in_noise:
            continue
        marking = read_portion_mark(source, end)
        if marking is None and source.startswith(
            "\n", end + len(source[end : end + 8]) - len(source[end : end + 8].lstrip(" \t"))
        ):
            # The portion mark wrapped onto the next line.
            nl = source.index("\n", end)
            marking = read_portion_mark(source, nl + 1)
        label_end = marking.end if marking else end
        found.append(
            _Label(start, label_end, digits, pilcrow or marking is not None, marking, pilcrow)
        )
    return found


def _readings(lab: _Label, markdown: bool) -> tuple[int, ...]:
    """The paragraph numbers a label could mean, likeliest first.

    In the Markdown form ``14.`` is paragraph 4; but the flattening was not applied to every
    label (some cables mix ``¶3.``, ``14.`` and ``10.(S/NF)``), so a ``1N.`` label may also
    mean N+10 and the sequence decides.
    """
    literal = int(lab.digits)
    if markdown and not lab.pilcrow and lab.digits.startswith("1") and len(lab.digits) >= 2:
        return (int(lab.digits[1:]), literal)
    return (literal,)


def select_labels(labels: list[_Label], markdown: bool) -> list[tuple[_Label, int]]:
    """Keep the labels that form the paragraph sequence; pair each with its number.

    A bare ``1998.`` at the start of a wrapped line is not paragraph 1998: a weak label must
    continue the sequence exactly, a strong one may skip a few numbers. A strong ``1.`` after
    several paragraphs starts the numbering again when a ``2.`` follows it before the old
    sequence continues: some records hold their text twice, and the copy must be reviewable
    paragraph by paragraph too, or withheld text would survive in it.
    """
    chosen: list[tuple[_Label, int]] = []
    last = 0
    for i, lab in enumerate(labels):
        readings = _readings(lab, markdown)
        pick = next((n for n in readings if n == last + 1), None)
        if pick is None and lab.strong and last < readings[0] <= last + 3:
            pick = readings[0]
        if pick is None and lab.strong and last >= 2 and 1 in readings:
            pick = 1 if _restarts(labels, i, last, markdown) else None
        if pick is None and lab.strong:
            pick = next((n for n in readings[1:] if last < n <= last + 3), None)
        if pick is None:
            # Numbering that does not start at 1 (part 2 of a cable starts at 15; a Markdown
            # cable's first paragraph is ``12.``) or skips: the labels that follow decide.
            pick = next(
                (n for n in readings if last < n <= 60 and _continued(labels, i, n, markdown, lab)),
                None,
            )
        if pick is not None:
            chosen.append((lab, pick))
            last = pick
    return chosen


def _last_before(labels: list[_Label], i: int, markdown: bool) -> int:
    return 0 if i == 0 else max(_readings(labels[i - 1], markdown))


def _continued(labels: list[_Label], i: int, n: int, markdown: bool, lab: _Label) -> bool:
    """Whether the labels after ``labels[i]`` go on from ``n``: one for a strong label, two
    for a bare number (``2009.`` and ``2010.`` at line starts are years, not paragraphs)."""
    need = 1 if lab.strong or n <= _last_before(labels, i, markdown) + 3 else 2
    later = labels[i + 1 : i + 1 + need]
    return len(later) == need and all(
        n + k + 1 in _readings(x, markdown) for k, x in enumerate(later)
    )


def _restarts(labels: list[_Label], i: int, last: int, markdown: bool) -> bool:
    for later in labels[i + 1 :]:
        readings = _readings(later, markdown)
        if last + 1 in readings:
            return False
        if 2 in readings and later.strong:
            return True
    return False


def is_markdown_numbering(labels: list[_Label], text: str) -> bool:
    """True when ``¶N.`` was flattened to ``1N.`` (the Markdown form of the web pages).

    The giveaway: reading ``1N.`` as paragraph N gives a longer paragraph sequence than
    reading the labels literally. (The flattening missed some pilcrows, so a few ``¶3.``
    survive among the ``1N.``: those keep their literal number.)
    """
    if not labels:
        return False
    flattened = select_labels(labels, markdown=True)
    literal = select_labels(labels, markdown=False)
    if len(flattened) != len(literal):
        return len(flattened) > len(literal)
    # As long either way (labels 11.-18.): the Markdown form's tag links decide, else a
    # sequence from 1 is far likelier than one from 11, and one from 2 (the record lacks
    # paragraph 1: ``12. 13. 14.``) than one from 12 (no corpus cable numbers its first
    # paragraph 12 without a pilcrow, whose label is never flattened). From ``15.`` on, a later
    # part's plain numbering is as likely, and the labels stay as written.
    return "](#)" in text or (
        bool(flattened)
        and bool(literal)
        and literal[0][1] != 1
        and (flattened[0][1] == 1 or (flattened[0][1] == 2 and literal[0][1] == 12))
    )


def _line_starts(source: str, start: int, end: int) -> list[int]:
    """``start`` and the start of every further line within ``source[start:end]``."""
    starts = [start]
    nl = source.find("\n", start, end)
    while nl != -1:
        starts.append(nl + 1)
        nl = source.find("\n", nl + 1, end)
    return starts


def _trim_end(source: str, start: int, end: int, noise_lines: frozenset[int]) -> int:
    """Move ``end`` back over blank lines and trailing debris (lines starting in ``noise_lines``)."""
    while end > start:
        line_start = max(source.rfind("\n", start, end - 1) + 1, start)
        if line_start in noise_lines or not source[line_start:end].strip():
            end = line_start
            continue
        break
    while end > start and source[end - 1] in " \t\n":
        end -= 1
    return end


def find_signature(source: str, lo: int, hi: int) -> Span | None:
    """The drafter's name that ends a cable (``STANTON``; ``... End comment. BROWNFIELD``)."""
    if hi <= lo:
        return None
    line_start = max(source.rfind("\n", lo, hi) + 1, lo)
    line = source[line_start:hi]
    m = _SIGNATURE_LINE_RE.match(line)
    if m and m.group("sig").split()[0].upper() not in _NOT_SIGNATURES and len(m.group("sig")) <= 30:
        # A lone name counts only after a finished sentence (or a blank line): otherwise it
        # is the last word of a wrapped line of text.
        before = source[lo:line_start].rstrip(" \t")
        if (
            not before
            or before.endswith("\n")
            or before.rstrip()[-1:] in ".!?\")'-:"
            or before.endswith("\n\n")
        ):
            s = line_start + m.start("sig")
            return Span(m.group("sig"), s, line_start + m.end("sig"))
    # The match can start no more than three characters before the run of letters and blanks
    # that ends the line: search only there (the last line may be a whole run-together body).
    t = _SIGNATURE_TAIL_RE.search(line, max(0, len(line.rstrip(_SIGNATURE_CHARS)) - 3))
    if t and t.group("sig").split()[0] not in _NOT_SIGNATURES:
        words = source[lo:hi]
        # In an all-capitals cable a trailing capital word may be text; accept short ones only.
        if not (words.isupper() and len(t.group("sig")) > 20):
            s = line_start + t.start("sig")
            return Span(t.group("sig"), s, line_start + t.end("sig"))
    return None


def split_paragraphs(
    source: str, lo: int, hi: int, noise: list[Span]
) -> tuple[list[Paragraph], Span | None, bool]:
    """Paragraphs of ``source[lo:hi]``, the signature, and whether numbering was Markdown-flattened."""
    in_noise = _Spans(noise)
    labels = _candidates(source, lo, hi, noise, in_noise)
    # Only a label such as "12." can be a flattened "¶2.": skip the comparison without one.
    maybe_markdown = any(
        not lab.pilcrow and len(lab.digits) >= 2 and lab.digits[0] == "1" for lab in labels
    )
    markdown = maybe_markdown and is_markdown_numbering(labels, source)
    chosen = select_labels(labels, markdown)
    # Every line start inside a noise span (their patterns include the indentation).
    # A page header with the cable's text after it on its line is not a debris line.
    noise_lines = frozenset(
        pos
        for n in noise
        if n.end >= len(source) or source[n.end] == "\n"
        for pos in _line_starts(source, n.start, n.end)
    )

    body_end = _trim_end(source, lo, hi, noise_lines)
    signature = find_signature(source, lo, body_end)
    text_end = signature.start if signature else body_end

    paragraphs: list[Paragraph] = []

    def add(start: int, end: int, number: int | None, lab: _Label | None) -> None:
        end = _trim_end(source, start, end, noise_lines)
        if end <= start:
            return
        body_start = lab.end if lab else start
        while body_start < end and source[body_start] in " \t":
            body_start += 1
        paragraphs.append(
            Paragraph(
                index=len(paragraphs) + 1,
                number=number,
                label=source[lab.start : lab.end].strip() if lab else "",
                marking=lab.marking if lab else None,
                start=start,
                end=end,
                body_start=body_start,
                text=source[start:end],
            )
        )

    first = chosen[0][0].start if chosen else text_end
    # Text before the first numbered paragraph (or a body with no numbers at all) is split
    # into blocks at blank lines, so a reviewer can still decide on each.
    _add_blocks(source, lo, min(first, text_end), noise, in_noise, add)
    for i, (lab, number) in enumerate(chosen):
        if lab.start >= text_end:
            break
        end = chosen[i + 1][0].start if i + 1 < len(chosen) else text_end
        add(lab.start, min(end, text_end), number, lab)
    return paragraphs, signature, markdown


def _add_blocks(source: str, lo: int, hi: int, noise: list[Span], in_noise: _Spans, add) -> None:  # type: ignore[no-untyped-def]
    pos = lo
    for m in re.finditer(r"\n[ \t]*+\n", source[lo:hi]):
        block_end = lo + m.start()
        if _has_text(source, pos, block_end, in_noise):
            add(_skip_noise(source, pos, block_end, noise), block_end, None, None)
        pos = lo + m.end()
    if _has_text(source, pos, hi, in_noise):
        add(_skip_noise(source, pos, hi, noise), hi, None, None)


def _skip_noise(source: str, start: int, end: int, noise: list[Span]) -> int:
    """``start`` moved past blanks and the debris a block begins with (a repeated SUBJECT line
    the record's text runs on after): the block is the text after it."""
    start = _skip_blank(source, start, end)
    moved = True
    while moved:
        moved = False
        for n in noise:
            if n.start == start and n.end < end:
                start, moved = _skip_blank(source, n.end, end), True
    return start


def _skip_blank(source: str, start: int, end: int) -> int:
    while start < end and source[start] in " \t\n":
        start += 1
    return start


def _has_text(source: str, start: int, end: int, in_noise: _Spans) -> bool:
    for m in re.finditer(r"[^\s]+", source[start:end]):
        if start + m.start() not in in_noise and re.search(r"[A-Za-z0-9]", m.group(0)):
            return True
    return False


def find_para_refs(source: str, lo: int, hi: int) -> list[ParaRef]:
    """``see para 4``, ``paras 2 and 3``: references to this cable's own paragraphs."""
    refs: list[ParaRef] = []
    last_end = lo
    hits = sorted(m.start() for rx in _PARA_WORDS for m in rx.finditer(source, lo, hi))
    for start in hits:
        if start < last_end or (start > 0 and source[start - 1].isalnum()):
            continue
        m = _PARA_REF_RE.match(source, start, hi)
        if not m:
            continue
        last_end = m.end()
        before = source[max(lo, m.start() - 14) : m.start()].rstrip()
        if _FOREIGN_REF_RE.search(before):
            continue
        numbers = [int(m.group("n"))]
        more = m.group("more") or ""
        for sep, n in re.findall(r"(,|-|AND|&|THROUGH)\s*(\d{1,3})", more, re.IGNORECASE):
            k = int(n)
            if sep == "-" or sep.upper() == "THROUGH":
                numbers.extend(range(numbers[-1] + 1, k + 1))
            else:
                numbers.append(k)
        for n in numbers[:20]:
            refs.append(ParaRef(n, m.group(0), m.start(), m.end()))
    return refs
