"""Splitting a cable body into paragraphs, and finding page-break debris and signatures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.cable.markings import BANNER_WORD_RE, read_portion_mark
from workbench.cable.model import Marking, Paragraph, ParaRef, Span

# ``¶1.``, ``1.``, ``1.(U)``, ``¶ 12 .``; the pilcrow may stand anywhere, a bare number only
# at the start of a line.
_LABEL_RE = re.compile(
    r"(?P<pil>¶[ \t]*)(?P<pnum>\d{1,3})[ \t]*\.?"
    r"|(?m:^)[ \t]*(?P<num>\d{1,3})[ \t]*\.(?=[ \t(]|$|[A-Z])"
)

# Lines that are transmission or page-break debris rather than text.
NOISE_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:"
    r"PAGE[ \t]+\d{2,3}\b[^\n]*"  # PAGE 02 HARARE 06677 01 OF 03 291400Z
    r"|[A-Z][A-Z .]+[ \t]+\d{6,8}[ \t]+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}"  # TRIPOLI 00000110  001.2 OF 002
    r"|NNNN?|BT|#\d{3,5}|NMAFVVZCZ|VZCZC\w*"
    r"|\*\*\*[^\n]*"  # PlusD handling footers
    r"|-{3,}[ \t]*[0-9A-F]*[ \t]*(?:\d{6}Z[ \t]*/\d+)?"  # ------ 064536 separators
    r")[ \t]*$"
)
_BANNER_ONLY_RE = re.compile(
    r"(?m)^[ \t]*(?:" + BANNER_WORD_RE.pattern + r")[ \t]*(?:PTQ\d+)?[ \t]*$"
)
_SECTION_BANNER_RE = re.compile(
    r"(?m)^[ \t]*(?:"
    + BANNER_WORD_RE.pattern
    + r")[ \t]+SECTION[ \t]+0*(?:[2-9]|\d{2})[ \t]+OF\b[^\n]*$"
)
_REPEATED_HEADER_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:SIPDIS|NOFORN|SENSITIVE|E\.?[ \t]?O\.?[ \t]*1[123]\d{3}\b|TAGS?\b|SUBJECT\s*:)[^\n]*$"
)
_PARA_REF_RE = re.compile(
    r"\b(?:PARAGRAPHS?|PARAS?)\.?[ \t\n]+(?P<n>\d{1,3})\b(?P<more>(?:[ \t]*(?:,|-|AND|&|THROUGH)[ \t]*\d{1,3}\b)*)",
    re.IGNORECASE,
)
# "para 3" about another cable ("reftel para 3", "REF A para 2", "STATE 1234 para 5").
_FOREIGN_REF_RE = re.compile(
    r"(?:REF(?:TEL)?|SEPTEL|TEL|REFERENCE|CABLE|\d{2,6}|MESSAGE|\bREF[ \t]+[A-Z])\W{0,3}(?:[A-Z]\W{0,2})?$",
    re.IGNORECASE,
)
_SIGNATURE_LINE_RE = re.compile(
    r"^[ \t]*(?P<sig>[A-Z][A-Z'\-]+(?:[ \t]+[A-Z][A-Z'\-.]+){0,2})[ \t]*$"
)
_SIGNATURE_TAIL_RE = re.compile(
    r"[.!?\"')][ \t]+(?P<sig>[A-Z][A-Z'\-]{2,}(?:[ \t]+[A-Z][A-Z'\-]{2,}){0,2})[ \t]*$"
)
_NOT_SIGNATURES = {"END", "BT", "NNNN", "NNN", "SIPDIS", "SUMMARY", "COMMENT", "NOTE", "TEXT"}


def find_noise(source: str, lo: int, hi: int) -> list[Span]:
    """Page-break lines, lone banners and repeated section headers in ``source[lo:hi]``."""
    spans: list[Span] = []
    for rx in (NOISE_LINE_RE, _BANNER_ONLY_RE):
        for m in rx.finditer(source, lo, hi):
            spans.append(Span(m.group(0), m.start(), m.end()))
    for m in _SECTION_BANNER_RE.finditer(source, lo, hi):
        spans.append(Span(m.group(0), m.start(), m.end()))
        # The header lines a later section repeats follow its banner closely.
        window_end = min(hi, m.end() + 600)
        for h in _REPEATED_HEADER_LINE_RE.finditer(source, m.end(), window_end):
            spans.append(Span(h.group(0), h.start(), h.end()))
    spans.sort(key=lambda s: s.start)
    return spans


def _inside(offset: int, spans: list[Span]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


@dataclass
class _Label:
    start: int
    end: int
    digits: str
    strong: bool  # a pilcrow or a portion mark follows: surely a paragraph label
    marking: Marking | None


def _candidates(source: str, lo: int, hi: int, noise: list[Span]) -> list[_Label]:
    found: list[_Label] = []
    for m in _LABEL_RE.finditer(source, lo, hi):
        digits = m.group("pnum") or m.group("num")
        if _inside(m.start(), noise):
            continue
        start = m.start() if m.group("pil") else m.start("num")
        marking = read_portion_mark(source, m.end())
        end = marking.end if marking else m.end()
        found.append(
            _Label(start, end, digits, bool(m.group("pil")) or marking is not None, marking)
        )
    return found


def is_markdown_numbering(labels: list[_Label], text: str) -> bool:
    """True when ``¶N.`` was flattened to ``1N.`` (the Markdown form of the web pages).

    The giveaway: no pilcrow anywhere, and the first label is ``11.`` with no ``1.`` to ``9.``
    before it. ``[TAG](#)`` links confirm it but are not required.
    """
    if "¶" in text or not labels:
        return False
    first = labels[0].digits
    if first != "11":
        return False
    ones = [lab for lab in labels if lab.digits.startswith("1") and len(lab.digits) >= 2]
    return len(ones) >= 1 and ("](#)" in text or len(ones) >= 2 or labels[0].marking is not None)


def select_labels(labels: list[_Label], markdown: bool) -> list[tuple[_Label, int]]:
    """Keep the labels that form the paragraph sequence; pair each with its number.

    A bare ``1998.`` at the start of a wrapped line is not paragraph 1998: a weak label must
    continue the sequence exactly, a strong one may skip a few numbers.
    """
    chosen: list[tuple[_Label, int]] = []
    last = 0
    for lab in labels:
        digits = lab.digits
        if markdown:
            if not digits.startswith("1") or len(digits) < 2:
                continue
            digits = digits[1:]
        number = int(digits)
        if number == last + 1 or (lab.strong and last < number <= last + 3):
            chosen.append((lab, number))
            last = number
    return chosen


def _trim_end(source: str, start: int, end: int, noise: list[Span]) -> int:
    """Move ``end`` back over blank lines and trailing debris."""
    while end > start:
        line_start = source.rfind("\n", start, end - 1) + 1
        line = source[line_start:end]
        stripped = line.strip()
        if not stripped or any(
            s.start <= line_start + (len(line) - len(line.lstrip())) < s.end for s in noise
        ):
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
    line_start = source.rfind("\n", lo, hi) + 1
    line_start = max(line_start, lo)
    line = source[line_start:hi]
    m = _SIGNATURE_LINE_RE.match(line)
    if m and m.group("sig").split()[0] not in _NOT_SIGNATURES:
        # A lone capitalised line is a signature only if it is not the tail of a sentence.
        s = line_start + m.start("sig")
        return Span(m.group("sig"), s, line_start + m.end("sig"))
    t = _SIGNATURE_TAIL_RE.search(line)
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
    labels = _candidates(source, lo, hi, noise)
    markdown = is_markdown_numbering(labels, source)
    chosen = select_labels(labels, markdown)

    body_end = _trim_end(source, lo, hi, noise)
    signature = find_signature(source, lo, body_end)
    text_end = signature.start if signature else body_end

    paragraphs: list[Paragraph] = []

    def add(start: int, end: int, number: int | None, lab: _Label | None) -> None:
        end = _trim_end(source, start, end, noise)
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
    _add_blocks(source, lo, min(first, text_end), noise, add)
    for i, (lab, number) in enumerate(chosen):
        if lab.start >= text_end:
            break
        end = chosen[i + 1][0].start if i + 1 < len(chosen) else text_end
        add(lab.start, min(end, text_end), number, lab)
    return paragraphs, signature, markdown


def _add_blocks(source: str, lo: int, hi: int, noise: list[Span], add) -> None:  # type: ignore[no-untyped-def]
    pos = lo
    for m in re.finditer(r"\n[ \t]*\n", source[lo:hi]):
        block_end = lo + m.start()
        if _has_text(source, pos, block_end, noise):
            add(_skip_blank(source, pos, block_end), block_end, None, None)
        pos = lo + m.end()
    if _has_text(source, pos, hi, noise):
        add(_skip_blank(source, pos, hi), hi, None, None)


def _skip_blank(source: str, start: int, end: int) -> int:
    while start < end and source[start] in " \t\n":
        start += 1
    return start


def _has_text(source: str, start: int, end: int, noise: list[Span]) -> bool:
    for m in re.finditer(r"[^\s]+", source[start:end]):
        if not _inside(start + m.start(), noise) and re.search(r"[A-Za-z0-9]", m.group(0)):
            return True
    return False


def find_para_refs(source: str, lo: int, hi: int) -> list[ParaRef]:
    """``see para 4``, ``paras 2 and 3``: references to this cable's own paragraphs."""
    refs: list[ParaRef] = []
    for m in _PARA_REF_RE.finditer(source, lo, hi):
        before = source[max(lo, m.start() - 14) : m.start()].rstrip()
        if _FOREIGN_REF_RE.search(before):
            continue
        numbers = [int(m.group("n"))]
        more = m.group("more") or ""
        bounds = re.findall(r"(,|-|AND|&|THROUGH)\s*(\d{1,3})", more, re.IGNORECASE)
        for sep, n in bounds:
            k = int(n)
            if sep in ("-",) or sep.upper() == "THROUGH":
                numbers.extend(range(numbers[-1] + 1, k + 1))
            else:
                numbers.append(k)
        for n in numbers[:20]:
            refs.append(ParaRef(n, m.group(0), m.start(), m.end()))
    return refs
