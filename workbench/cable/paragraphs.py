"""Splitting a cable body into paragraphs, and finding page-break debris and signatures."""

from __future__ import annotations

import re
import string

from workbench.cable.builders import new_paragraph
from workbench.cable.labels import (
    Label,
    SpanSet,
    find_labels,
    is_markdown_numbering,
    select_labels,
)
from workbench.cable.lines import LinePattern
from workbench.cable.markings import BANNER_WORDS_PATTERN
from workbench.cable.model import Paragraph, ParaRef, Span
from workbench.cable.patterns import compile_pattern

_EOL = r"(?=\n|\Z)"


# The page header of the PlusD form: ``PAGE 03 HARARE 06677 03 OF 03 291401Z``.
PAGE_HEAD = (
    r"PAGE[ \t]++\d{2,3}[ \t]++[A-Z][A-Z]*+(?:[ ][A-Z]++)*+[ \t]++\d{3,8}"
    r"(?:[ \t]++\d{2}[ \t]++OF[ \t]++\d{2})?[ \t]++\d{6}Z"
)
# Lines that are transmission or page-break debris rather than text, in one pattern so the
# body is scanned once: debris lines, lone banners, and the banner of a later section.
NOISE_LINE = LinePattern(
    # (Every form starts with a capital, ``#``, ``*`` or ``-``: the lookahead spares trying
    # each at the other lines. The post's words are possessive: giving back a letter or a
    # word cannot make the blanks and digits after them match, and all-capitals text lines
    # were walked back word by word.)
    r"[ \t]*+(?=[A-Z#*\-])(?:"
    # PAGE 04 HARARE 06677 01 OF 03 291400Z COALITION GOVERNMENT. THE GOAL ...: the text after
    # the page header is the cable's (a paragraph may even begin there); only the header is debris.
    r"(?P<page>" + PAGE_HEAD + r")(?=[ \t]++\S)"
    r"|(?:PAGE[ \t]++\d{2,3}\b[^\n]*"  # PAGE 02 HARARE 06677 01 OF 03 291400Z
    # TRIPOLI 00000110  001.2 OF 002 (the post's words one blank apart, so that a long run of
    # blanks is not split every way between the name and the serial)
    r"|[A-Z][A-Z.]*+(?:[ ][A-Z][A-Z.]*+)*+[ \t]++\d{6,8}[ \t]++\d{3}(?:\.\d)?[ \t]++OF[ \t]++\d{3}"
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
_PARA_WORDS = tuple(compile_pattern(w) for w in ("para", "PARA", "Para"))
_PARA_REF_RE = compile_pattern(
    r"(?:PARAGRAPHS?|PARAS?)(?:[ \t]++|[ \t]*+\n[ \t]*+)(?P<n>\d{1,3})\b(?!\.\d)(?P<more>(?:[ \t]*+(?:,|-|AND|&|THROUGH)[ \t]*+\d{1,3}\b)*)",
    re.IGNORECASE,
)
# "para 3" about another cable ("reftel para 3", "REF A para 2", "STATE 1234 para 5").
_FOREIGN_REF_RE = compile_pattern(
    r"(?:REF(?:TEL)?|SEPTEL|TEL|REFERENCE|CABLE|\d{2,6}|MESSAGE|\bREF[ \t]++[A-Z])\W{0,3}(?:[A-Z]\W{0,2})?$",
    re.IGNORECASE,
)
# A drafter's name alone on the last line: ``STANTON``, ``Stephenson``, ``van Voorst``.
_SIGNATURE_LINE_RE = compile_pattern(
    r"^[ \t]*+(?P<sig>(?:(?:van|von|de|del|da|la|le|al|bin|el)[ \t]++)?[A-Z][A-Za-z'\-]+"
    r"(?:[ \t]++(?:(?:van|von|de|del|da|la|le|al|bin|el)[ \t]++)?[A-Z][A-Za-z'\-.]*){0,2})\.?[ \t]*+$"
)
# A name run on after the last sentence: ``... End comment. BROWNFIELD``.
_SIGNATURE_TAIL_RE = compile_pattern(
    r"(?:[.!?\"')\]*]|X{6,}|\d{3})[ \t]++(?P<sig>[A-Z][A-Z'\-]{1,}(?:[ \t]++[A-Z][A-Z'\-]{2,}){0,2}|[A-Z][a-z][A-Za-z'\-]+)[ \t]*+$"
)
_PARA_REF_MORE_RE = compile_pattern(r"(,|-|AND|&|THROUGH)\s*(\d{1,3})", re.IGNORECASE)
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


_BLANK_LINE_RE = compile_pattern(r"\n[ \t]*+\n")
_RUN_ON_RE = compile_pattern(
    r"(?<![ \t])[ \t]++(?=REF(?:S|TELS?)?[ \t]*+:|REF[ \t]++[A-Z][.)]|CLASSIFIED[ \t]++BY\b|¶"
    r"|\d{1,3}[ \t]*+\.[ \t]*+\((?:U|C|S|SBU|TS)(?:\)|/))",
    re.IGNORECASE,
)
_LABEL_AHEAD_RE = compile_pattern(r"\n[ \t]*+(?:¶|\d{1,3}[ \t]*+\.)")


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


def _trimmed_end(source: str, start: int, end: int, noise_lines: frozenset[int]) -> int:
    """What :func:`_trim_end` gives, by stepping back over blanks and newlines.

    The lines stepped over are blank, which :func:`_trim_end` drops whatever they are; the
    line it stops in is dropped too when it is debris, and kept when it is not. Only a stop
    at other white space (``\xa0``: the line may be blank all the same) is left to it.
    """
    while True:
        trimmed = end
        while trimmed > start and source[trimmed - 1] in " \t\n":
            trimmed -= 1
        if trimmed == start:
            return start
        if source[trimmed - 1].isspace():
            return _trim_end(source, start, end, noise_lines)
        line_start = max(source.rfind("\n", start, trimmed) + 1, start)
        if line_start not in noise_lines:
            return trimmed
        end = line_start


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
        # (What ends the text before it, found from its end: the body is not copied.)
        before = line_start
        while before > lo and source[before - 1] in " \t":
            before -= 1
        last = before
        while last > lo and source[last - 1].isspace():
            last -= 1
        ends = source[last - 1] if last > lo else ""
        if before == lo or source[before - 1] == "\n" or ends in ".!?\")'-:":
            s = line_start + m.start("sig")
            return Span(m.group("sig"), s, line_start + m.end("sig"))
    # The match can start no more than three characters before the run of letters and blanks
    # that ends the line: search only there (the last line may be a whole run-together body).
    t = _SIGNATURE_TAIL_RE.search(line, max(0, len(line.rstrip(_SIGNATURE_CHARS)) - 3))
    # In an all-capitals cable a trailing capital word may be text; accept short ones only.
    if (
        t
        and t.group("sig").split()[0] not in _NOT_SIGNATURES
        and not (len(t.group("sig")) > 20 and source[lo:hi].isupper())
    ):
        s = line_start + t.start("sig")
        return Span(t.group("sig"), s, line_start + t.end("sig"))
    return None


def split_paragraphs(
    source: str, lo: int, hi: int, noise: list[Span]
) -> tuple[list[Paragraph], Span | None, bool]:
    """Paragraphs of ``source[lo:hi]``, the signature, and whether numbering was Markdown-flattened."""
    in_noise = SpanSet(noise)
    labels = find_labels(source, lo, hi, noise, in_noise)
    # Only a label such as "12." can be a flattened "¶2.": skip the comparison without one.
    maybe_markdown = any(lab.flat_number is not None for lab in labels)
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
    body = _Body(source, noise, in_noise, noise_lines)

    body_end = _trimmed_end(source, lo, hi, noise_lines)
    signature = find_signature(source, lo, body_end)
    text_end = signature.start if signature else body_end

    first = chosen[0][0].start if chosen else text_end
    # Text before the first numbered paragraph (or a body with no numbers at all) is split
    # into blocks at blank lines, so a reviewer can still decide on each.
    body.add_blocks(lo, min(first, text_end))
    for i, (lab, number) in enumerate(chosen):
        if lab.start >= text_end:
            break
        end = chosen[i + 1][0].start if i + 1 < len(chosen) else text_end
        body.add(lab.start, min(end, text_end), number, lab)
    return body.paragraphs, signature, markdown


class _Body:
    """The paragraphs of one body as they are found, each trimmed of the blank lines and the
    debris (lines starting in ``noise_lines``) it ends with."""

    def __init__(
        self, source: str, noise: list[Span], in_noise: SpanSet, noise_lines: frozenset[int]
    ) -> None:
        self.source = source
        self.noise = noise
        self.in_noise = in_noise
        self.noise_lines = noise_lines
        self.paragraphs: list[Paragraph] = []

    def add(self, start: int, end: int, number: int | None, lab: Label | None) -> None:
        source = self.source
        end = _trimmed_end(source, start, end, self.noise_lines)
        if end <= start:
            return
        body_start = lab.end if lab else start
        while body_start < end and source[body_start] in " \t":
            body_start += 1
        self.paragraphs.append(
            new_paragraph(
                len(self.paragraphs) + 1,  # index
                number,
                source[lab.start : lab.end].strip() if lab else "",  # label
                lab.marking if lab else None,
                start,
                end,
                body_start,
                source[start:end],  # text
            )
        )

    def add_blocks(self, lo: int, hi: int) -> None:
        """Unnumbered blocks of ``source[lo:hi]``, split at blank lines."""
        source, noise = self.source, self.noise
        pos = lo
        for m in _BLANK_LINE_RE.finditer(source, lo, hi):
            block_end = m.start()
            if self._has_text(pos, block_end):
                self.add(_skip_noise(source, pos, block_end, noise), block_end, None, None)
            pos = m.end()
        if self._has_text(pos, hi):
            self.add(_skip_noise(source, pos, hi, noise), hi, None, None)

    def _has_text(self, start: int, end: int) -> bool:
        """Whether a word with a letter or digit stands in ``source[start:end]`` outside noise."""
        if not self.noise:
            return _ALNUM_RE.search(self.source, start, end) is not None
        for m in _WORD_RE.finditer(self.source, start, end):
            if m.start() not in self.in_noise and _ALNUM_RE.search(m.group(0)):
                return True
        return False


_WORD_RE = compile_pattern(r"[^\s]+")
_ALNUM_RE = compile_pattern(r"[A-Za-z0-9]")


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
        for sep, n in _PARA_REF_MORE_RE.findall(more):
            k = int(n)
            if sep == "-" or sep.upper() == "THROUGH":
                numbers.extend(range(numbers[-1] + 1, k + 1))
            else:
                numbers.append(k)
        for n in numbers[:20]:
            refs.append(ParaRef(n, m.group(0), m.start(), m.end()))
    return refs
