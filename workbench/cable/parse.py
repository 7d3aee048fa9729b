"""Reading a cable's text into a :class:`~workbench.cable.model.Cable`.

The header is read with searches rather than line-by-line rules because real cables run
header lines together (``...NA-20E.O. 12958: DECL: 10/24/2018TAGS: ...``), repeat them in
later sections, and lose whole lines in partial extracts.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from workbench.cable import dates
from workbench.cable.authority import read_classified_by
from workbench.cable.decl import read_eo_line
from workbench.cable.decode import decode_bytes, read_cable_text
from workbench.cable.lines import LinePattern
from workbench.cable.markings import BANNER_WORD_RE, CAPTION_RE, banner_level, caption_name
from workbench.cable.model import Addressee, Cable, Classification, Span
from workbench.cable.paragraphs import find_noise, find_para_refs, split_paragraphs

_PARTIAL_RE = re.compile(r"This record is a partial extract", re.IGNORECASE)
# ``C O N F I D E N T I A L SECTION 01 OF 03 SEOUL 000219 SIPDIS NOFORN``
_CLASS_LINE_PATTERN = (
    # A stray doubled letter ("SS E C R E T PARIS 001699") is a known typo in real cables.
    r"(?:(?m:^)[ \t]*S?|(?<=[^A-Za-z]))(?P<word>" + BANNER_WORD_RE.pattern + r")"
    r"(?P<ctl>(?:[ \t]*//?[ \t]*[A-Z]+)*)"
    r"(?:[ \t]+(?:E[ \t]?F[ \t]?T[ \t]?O|NOFORN|SIPDIS|SENSITIVE))*"
    # The post may wrap onto the next line ("C O N F I D E N T I A L \nSECTION 01 OF 02 BAKU").
    r"(?:[ \t]*\n?[ \t]*(?i:SECTION)[ \t]+(?P<sec>\d{1,3})[ \t]+(?i:OF)[ \t]+(?P<of>\d{1,3}))?"
    r"(?:[ \t]+|[ \t]*\n[ \t]*)(?P<post>[A-Z][A-Z'.\-]*(?:[ \t][A-Z][A-Z'.\-]*){0,4})[ \t]+"
    # Not a date-time group ("CONFIDENTIAL R 021439Z DEC 08").
    r"(?P<serial>\d{2,7})(?!\d|Z\b)"
    r"(?P<rest>[^\n]*)"
)
_CLASS_LINE_RE = re.compile(_CLASS_LINE_PATTERN)
# Some partial extracts are retyped in mixed case: ``C o n f i d e n t i a l section 01 of 04 ankara``.
_CLASS_LINE_ANYCASE_RE = re.compile(_CLASS_LINE_PATTERN, re.IGNORECASE)
_BANNER_LINE_RE = LinePattern(
    r"[ \t]*(?P<word>" + BANNER_WORD_RE.pattern + r")(?P<rest>[^\n]{0,40})$", re.MULTILINE
)
# ``ZNY CCCCC ZZH``: the transmission header's own classification, a last resort.
_ZNY_RE = LinePattern(r"ZN[YR][ \t]+(?P<c>[CSUET])(?P=c){4}\b")
_ZNY_LEVELS = {
    "C": "CONFIDENTIAL",
    "S": "SECRET",
    "T": "TOP SECRET",
    "U": "UNCLASSIFIED",
    "E": "UNCLASSIFIED",
}
_PAGE_ID_RE = LinePattern(
    r"[ \t]*PAGE[ \t]+01[ \t]+(?P<post>[A-Z][A-Z ]*?)[ \t]+(?P<serial>\d{3,7})\b"
)

_CAPTION_WORD_RE = re.compile(CAPTION_RE.pattern.replace(r"\b", ""))
_CAPTION_RUN = r"(?:[ \t]*(?:" + _CAPTION_WORD_RE.pattern + r"))+"
# At a line start, or straight after the serial number on the classification line.
_CAPTION_RUN_START_RE = re.compile(r"(?:(?m:^)|(?<=\d))" + _CAPTION_RUN + r"(?![a-z])")
_CAPTION_RUN_END_RE = re.compile(r"(?<![A-Za-z])" + _CAPTION_RUN + r"[ \t]*$", re.MULTILINE)
_DE_RE = LinePattern(r"DE[ \t]+[A-Z]{5,7}[ \t]+#(?P<serial>\d{3,6})\b")
_ORIGIN_POST_RE = re.compile(r"^(?:AMEMBASSY|AMCONSUL|SECSTATE)[ \t]+(?P<post>[A-Z][A-Z ]*)$")
_FM_RE = LinePattern(r"[ \t]*FM[ \t]+(?P<v>[^\n]+)")
_TO_RE = LinePattern(r"[ \t]*TO[ \t]+(?P<v>[^\n]+)")
_ADDRESSEE_STOP_RE = re.compile(r"(?:BT|E\.?O\.?|TAGS?|SUBJECT|SIPDIS|[-=]{3,})\b")
_ROUTING_RE = re.compile(r"^[A-Z0-9]{4,8}/")
_ADDR_TAIL_RE = re.compile(
    r"(?:[ \t]+(?:NIACT[ \t]+)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH))?(?:[ \t]+\d{1,5})?[ \t]*$"
)

_TAGS_RE = re.compile(r"(?:(?m:^)|(?<=[\s\d]))TAGS?\b[ \t]*:?[ \t]*(?P<v>[^\n]*)")
_MD_TAG_RE = re.compile(r"\[([^\]]+)\]\(#\)")
_SUBJECT_RE = re.compile(r"(?:(?m:^)|(?<=\s))SUBJ(?:ECT)?[ \t]*:[ \t]*(?P<v>[^\n]*)", re.IGNORECASE)
_REF_RE = LinePattern(r"[ \t]*(?:REFS?|REFTELS?|REFERENCES?)\b[ \t]*[:.]?[ \t]*(?P<v>[^\n]*)")
_INLINE_REF_RE = re.compile(r"[ \t]*(?:REFS?|REFTELS?)[ \t]*:[ \t]*(?P<v>[^\n]*)")
_REF_ITEM_RE = re.compile(r"(?:(?<=\s)|^)(?:\(?[A-Z][.)])[ \t]+")
_HEADER_STOP_RE = re.compile(
    r"^[ \t]*(?:$|REFS?\b|REFTELS?\b|CLASSIFIED[ \t]+BY|¶|\d{1,3}[ \t]*\.|\([A-Z]{1,3}\)|SUMMARY\b|"
    r"TAGS?\b|E\.?[ \t]?O\.?[ \t]*1|PAGE[ \t]+\d)",
    re.IGNORECASE,
)
# Where a subject stops when the next field or the body follows on the same line.
_INLINE_STOP_RE = re.compile(
    r"[ \t](?=(?-i:[A-Z]\.[ \t]+)?REFS?[ \t]*:|REFTELS?[ \t]*:|CLASSIFIED[ \t]+BY\b|¶|\((?:U|C|S|SBU|TS)(?:\)|//?)|\d{1,2}\.[ \t]*\()",
    re.IGNORECASE,
)
_ENTIRE_TEXT_RE = LinePattern(
    r"[ \t]*(?:" + BANNER_WORD_RE.pattern + r")[ \t]*-+[ \t]*ENTIRE TEXT\.?"
)


def read_cable(path: str | Path) -> Cable:
    """Read the cable file at ``path``. Raises :class:`~workbench.cable.decode.CableError`."""
    text, encoding = read_cable_text(path)
    return parse_cable(text, path=str(path), encoding=encoding)


def parse_bytes(data: bytes, name: str = "-") -> Cable:
    text, encoding = decode_bytes(data, name)
    return parse_cable(text, path=name, encoding=encoding)


def _line_end(source: str, pos: int, hi: int | None = None) -> int:
    end = source.find("\n", pos)
    if end == -1:
        end = len(source)
    return min(end, hi) if hi is not None else end


def _span_of(source: str, start: int, end: int) -> Span:
    text = source[start:end]
    stripped = text.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    return Span(stripped.strip(), start + lead, start + len(stripped))


def _sent(source: str) -> tuple[datetime | None, Span | None, str | None]:
    """The cable's date-time group, or the mirrors' own date line for partial extracts."""
    m = dates.DTG_RE.search(source, 0, min(len(source), 6000))
    if m:
        prec = m.group("prec").split()[0].upper()
        when = dates.make_datetime(
            dates.dtg_year(m.group("year")),
            dates.MONTHS[m.group("month").upper()],
            int(m.group("day")),
            int(m.group("hour")),
            int(m.group("minute")),
        )
        if when:
            start = m.start("prec")
            return when, Span(source[start : m.end()], start, m.end()), dates.PRECEDENCE.get(prec)
    m = dates.BARE_DTG_RE.search(source, 0, min(len(source), 3000))
    if m:
        when = dates.make_datetime(
            dates.dtg_year(m.group("year")),
            dates.MONTHS[m.group("month").upper()],
            int(m.group("day")),
            int(m.group("hour")),
            int(m.group("minute")),
        )
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
                s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                return when, Span(source[s : m.end()], s, m.end()), None
    return None, None, None


def _addressee(source: str, start: int, end: int) -> Addressee:
    span = _span_of(source, start, end)
    name = _ROUTING_RE.sub("", span.text)
    name = _ADDR_TAIL_RE.sub("", name).strip()
    return Addressee(name or span.text, span.text, span.start, span.end)


def _may_hold_banner(line: str) -> bool:
    """A cheap test before the costly classification-line search on every addressee line."""
    return any(w in line for w in ("C O N", "S E C", "UNCLAS", "CONFIDENTIAL", "SECRET", "LIMITED"))


def _addressees(
    source: str, lo: int, hi: int
) -> tuple[Addressee | None, list[Addressee], list[Addressee]]:
    fm = _FM_RE.search(source, lo, hi)
    origin = _addressee(source, fm.start("v"), fm.end("v")) if fm else None
    to: list[Addressee] = []
    info: list[Addressee] = []
    t = _TO_RE.search(source, fm.end() if fm else lo, hi)
    if not t:
        return origin, to, info
    target = to
    pos = t.start("v")
    while pos < hi:
        end = _line_end(source, pos, hi)
        line = source[pos:end]
        stripped = line.strip()
        if (
            not stripped
            or BANNER_WORD_RE.match(stripped)
            or dates.WEEKDAY_DATE_RE.at_start.match(line)
            or (_may_hold_banner(line) and _CLASS_LINE_RE.search(line))
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


def _classification(
    source: str, lo: int, hi: int
) -> tuple[Classification | None, re.Match[str] | None, int]:
    """The classification line; also the match that names post and serial, and where it ends."""
    line = _CLASS_LINE_RE.search(source, lo, hi) or _CLASS_LINE_ANYCASE_RE.search(source, lo, hi)
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
        return Classification(level, (), zny.group(0), zny.start(), zny.end()), None, zny.end()
    return None, None, lo


def _captions(source: str, lo: int, hi: int) -> list[Span]:
    """Handling captions after the classification line: on lines of their own, or as a run of
    captions at the start or end of a line ("SIPDIS NOFORN SIPDIS STATE FOR NEA/IR", and
    "000255NOFORNSIPDISPLEASE PASS" where the lines ran together)."""
    found: list[Span] = []
    pos = lo
    first_end = _line_end(source, lo, hi)
    # On the classification line itself any caption counts, wherever it stands.
    found.extend(
        Span(m.group(0), m.start(), m.end()) for m in CAPTION_RE.finditer(source, lo, first_end)
    )
    while pos < hi:
        end = _line_end(source, pos, hi)
        for rx in (_CAPTION_RUN_START_RE, _CAPTION_RUN_END_RE):
            run = rx.search(source, pos, end)
            if run and run.group(0).strip():
                for m in _CAPTION_WORD_RE.finditer(source, run.start(), run.end()):
                    if not any(f.start == m.start() for f in found):
                        found.append(Span(m.group(0), m.start(), m.end()))
        pos = end + 1
    found.sort(key=lambda s: s.start)
    return found


def _make_id(
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
    if post is None or serial is None or year is None:
        return None
    post = re.sub(r"[^A-Z]", "", post.upper())
    if not post:
        return None
    if year < 1990:
        # PlusD names 1970s telegrams with a four-digit year and a zero-padded serial.
        return f"{year}{post}{serial.zfill(5)}"
    return f"{year % 100:02d}{post}{int(serial)}"


def parse_cable(text: str, path: str | None = None, encoding: str = "utf-8") -> Cable:
    """Parse decoded cable ``text`` (line endings already ``\\n``) into a :class:`Cable`."""
    warnings: list[str] = []
    partial = bool(_PARTIAL_RE.search(text, 0, 400))
    sent, sent_span, precedence = _sent(text)
    year = sent.year if sent else None

    # The header lies before the body; bound every search so text deep in the body is not
    # mistaken for a header field.
    head_hi = min(len(text), 12000)
    origin, to, info = _addressees(text, 0, head_hi)
    addr_end = max([a.end for a in (*to, *info)] + ([origin.end] if origin else []) + [0])
    classification, class_line, class_end = _classification(text, addr_end, head_hi)
    if classification is None and addr_end:
        classification, class_line, class_end = _classification(text, 0, head_hi)

    cid = _make_id(class_line, text, head_hi, year, origin)
    if cid is None:
        if year is None:
            warnings.append("no date in the text, so the reference ID's year is unknown")
        else:
            warnings.append("no classification line with post and serial, so no reference ID")

    fields_lo = class_end if classification else addr_end
    eo, decl = read_eo_line(text, fields_lo, min(len(text), fields_lo + 3000), year)
    fields_hi = min(len(text), (eo.end if eo else fields_lo) + 3000)

    tags: list[str] = []
    tags_span = None
    tm = _TAGS_RE.search(text, fields_lo, fields_hi)
    if tm:
        raw_end = tm.end("v")
        stop = _SUBJECT_RE.search(text, tm.start("v"), raw_end)
        if stop:
            raw_end = stop.start()
        value = text[tm.start("v") : raw_end]
        md = _MD_TAG_RE.findall(value)
        tags = md if md else [t for t in re.split(r"[,\s]+", value) if t and t != "-"]
        tags_span = _span_of(text, tm.start(), raw_end)

    subject = None
    sm = _SUBJECT_RE.search(text, fields_lo, fields_hi)
    if sm:
        end = sm.end("v")
        inline = _INLINE_STOP_RE.search(text, sm.start("v"), end)
        if inline:
            # The whole header (and sometimes the body) run together on the subject's line.
            end = inline.start()
        # Subjects wrap over following lines until a blank line or the next field.
        nxt = end + 1 if not inline else len(text)
        while nxt < len(text):
            line_end = _line_end(text, nxt)
            line = text[nxt:line_end]
            if _HEADER_STOP_RE.match(line) or BANNER_WORD_RE.match(line.strip()):
                break
            end = line_end
            nxt = line_end + 1
        subject = _span_of(text, sm.start("v"), end)
        if not subject.text:
            subject = None

    header_end = max(
        class_end,
        eo.end if eo else 0,
        tags_span.end if tags_span else 0,
        subject.end if subject else 0,
    )
    refs: list[Span] = []
    rm = _REF_RE.search(text, header_end, min(len(text), header_end + 600)) or _INLINE_REF_RE.match(
        text, header_end
    )
    if rm and not text[header_end : rm.start()].strip(" \t\n").startswith(("¶", "1.")):
        between = text[header_end : rm.start()]
        if not re.search(r"\n[ \t]*(?:¶|\d{1,3}[ \t]*\.)", between):
            end = rm.end("v")
            inline = _INLINE_STOP_RE.search(text, rm.start("v"), end)
            if inline:
                end = inline.start()
            nxt = end + 1 if not inline else len(text)
            while nxt < len(text):
                line_end = _line_end(text, nxt)
                line = text[nxt:line_end]
                if _HEADER_STOP_RE.match(line) and not re.match(r"^[ \t]*\(?[A-Z][.)]", line):
                    break
                end = line_end
                nxt = line_end + 1
            block_start = rm.start("v")
            block = text[block_start:end]
            marks = list(_REF_ITEM_RE.finditer(block))
            if len(marks) >= 2:
                for i, mk in enumerate(marks):
                    item_end = marks[i + 1].start() if i + 1 < len(marks) else len(block)
                    refs.append(_span_of(text, block_start + mk.start(), block_start + item_end))
            else:
                for part in re.finditer(r"[^;\n]+", block):
                    if part.group(0).strip():
                        refs.append(
                            _span_of(text, block_start + part.start(), block_start + part.end())
                        )
            refs = [r for r in refs if r.text]
            header_end = max(header_end, end)

    classified_by = read_classified_by(text, fields_lo, min(len(text), header_end + 1500))
    if classified_by and classified_by.start < header_end + 200:
        # Before the first paragraph the authority line belongs to the header; inside a
        # paragraph ("1. (U) Classified by ...") it stays part of that paragraph's text.
        before = text[header_end : classified_by.start]
        if not re.search(r"(?:¶|(?m:^)[ \t]*\d{1,3}[ \t]*\.)", before):
            header_end = max(header_end, classified_by.end)
    if not tags_span and not subject and not eo:
        header_end = max(header_end, class_end)

    noise = find_noise(text, header_end, len(text))
    paragraphs, signature, markdown = split_paragraphs(text, header_end, len(text), noise)
    para_refs = find_para_refs(text, header_end, len(text))

    captions: list[Span] = []
    controls: list[str] = []
    if classification:
        if class_line is not None:
            ctl = class_line.group("ctl") or ""
            for c in re.findall(r"[A-Z]+", ctl):
                if c in ("NOFORN", "NF"):
                    controls.append("NOFORN")
        cap_hi = min(
            x
            for x in (
                eo.start if eo else None,
                tags_span.start if tags_span else None,
                subject.start if subject else None,
                header_end,
            )
            if x is not None
        )
        captions = _captions(text, classification.start, max(cap_hi, classification.end))
        names = {caption_name(c.text) for c in captions}
        noforn = "NOFORN" in names or any(n.startswith("NOT FOR FOREIGN") for n in names)
        if noforn and "NOFORN" not in controls:
            controls.append("NOFORN")
        # An unclassified cable with a SENSITIVE caption is SBU; so is one marked NOFORN,
        # since only sensitive unclassified information carries dissemination controls.
        if classification.level == "UNCLASSIFIED" and (
            names & {"SENSITIVE", "SENSITIVE BUT UNCLASSIFIED", "FOR OFFICIAL USE ONLY"}
            or "NOFORN" in controls
        ):
            controls.append("SBU")
        classification = Classification(
            classification.level,
            tuple(controls),
            classification.text,
            classification.start,
            classification.end,
        )
    entire = _ENTIRE_TEXT_RE.search(text, fields_lo, min(len(text), header_end + 2000))

    if classification is None:
        warnings.append("no classification line found")
    if not paragraphs:
        warnings.append("no paragraphs found")

    return Cable(
        text=text,
        path=path,
        id=cid,
        sent=sent,
        sent_span=sent_span,
        precedence=precedence,
        origin=origin,
        to=tuple(to),
        info=tuple(info),
        classification=classification,
        captions=tuple(captions),
        eo=eo,
        decl=decl,
        tags=tuple(tags),
        tags_span=tags_span,
        subject=subject,
        refs=tuple(refs),
        classified_by=classified_by,
        paragraphs=tuple(paragraphs),
        para_refs=tuple(para_refs),
        signature=signature,
        entire_text=_span_of(text, entire.start(), entire.end()) if entire else None,
        noise=tuple(noise),
        body_start=header_end,
        markdown=markdown,
        partial_extract=partial,
        encoding=encoding,
        warnings=tuple(warnings),
    )
