"""Reading a cable's text into a :class:`~workbench.cable.model.Cable`.

The header is read with searches rather than line-by-line rules because real cables run
header lines together (``...NA-20E.O. 12958: DECL: 10/24/2018TAGS: ...``), repeat them in
later sections, and lose whole lines in partial extracts.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.cable.authority import read_classified_by, read_unlabelled_authority
from workbench.cable.decl import read_eo_line
from workbench.cable.decode import decode_bytes, read_cable_bytes
from workbench.cable.fields import read_refs
from workbench.cable.header import (
    make_id,
    read_addressees,
    read_captions,
    read_classification,
    read_sent,
)
from workbench.cable.lines import LinePattern, trimmed_span
from workbench.cable.markings import BANNER_WORD_RE, caption_name
from workbench.cable.model import Cable, Classification, Span
from workbench.cable.paragraphs import find_noise, split_paragraphs
from workbench.cable.patterns import compile_pattern
from workbench.cable.record import read_record
from workbench.cable.subject import read_subject
from workbench.cable.tags import read_tags

_PARTIAL_RE = compile_pattern(r"This record is a partial extract", re.IGNORECASE)
# ``C O R R E C T E D C O P Y (ADDED INFO ADDEES)``, ``CORRECTED COPY - TEXT``, before or after
# the classification line.
_CORRECTED_RE = LinePattern(
    r"[ \t]*+(?P<c>(?i:C[ ]?O[ ]?R[ ]?R[ ]?E[ ]?C[ ]?T[ ]?E[ ]?D[ ]++C[ ]?O[ ]?P[ ]?Y)[^\n]*)"
)
# A paragraph label: ``¶3`` anywhere, ``3.`` at a line start.
_LABEL_BEFORE_RE = compile_pattern(r"(?:¶[ \t]*+\d|(?m:^)[ \t]*+\d{1,3}[ \t]*+\.)")
_CONTROL_WORD_RE = compile_pattern(r"[A-Z]+")  # a word of the banner's controls (NOFORN)
_ENTIRE_TEXT_RE = LinePattern(
    r"[ \t]*+(?:" + BANNER_WORD_RE.pattern + r")[ \t]*+-+[ \t]*+ENTIRE TEXT\.?"
)


def read_cable(path: str | Path) -> Cable:
    """Read the cable file at ``path``. Raises :class:`~workbench.cable.decode.CableError`."""
    name = str(path)
    # What read_cable_text calls the file in its sentences, ``str(Path(path))``, is the path
    # as given unless that has an empty or ``.`` part or a trailing slash; making the Path
    # was a third of reading a file. (The JSON's ``path`` is the path as given, either way.)
    odd = "//" in name or "/./" in name or name.startswith("./") or name.endswith(("/", "/."))
    shown = str(Path(name)) if odd or not name or name == "." else name
    text, encoding = decode_bytes(read_cable_bytes(path, shown), shown)
    return parse_cable(text, path=name, encoding=encoding)


def parse_bytes(data: bytes, name: str = "-") -> Cable:
    text, encoding = decode_bytes(data, name)
    return parse_cable(text, path=name, encoding=encoding)


def parse_cable(text: str, path: str | None = None, encoding: str = "utf-8") -> Cable:
    """Parse decoded cable ``text`` (line endings already ``\\n``) into a :class:`Cable`."""
    warnings: list[str] = []
    head = text[:400]
    # (The case-blind pattern is tried at every offset: in ASCII text, where its letters
    # have no other case forms, the capitalised words are found first.)
    partial = (not head.isascii() or "PARTIAL EXTRACT" in head.upper()) and bool(
        _PARTIAL_RE.search(text, 0, 400)
    )
    sent, sent_span, precedence = read_sent(text)
    year = sent.year if sent else None

    # The header lies before the body; bound every search so text deep in the body is not
    # mistaken for a header field.
    head_hi = min(len(text), 12000)
    origin, to, info = read_addressees(text, 0, head_hi)
    addr_end = max([a.end for a in (*to, *info)] + ([origin.end] if origin else []) + [0])
    classification, class_line, class_end = read_classification(text, addr_end, head_hi)
    if classification is None and addr_end:
        classification, class_line, class_end = read_classification(text, 0, head_hi)

    cid = make_id(class_line, text, head_hi, year, origin)
    # A partial extract's own metadata block gives the ID and date its text may lack; where
    # the two disagree, the warnings say so and the block's word stands.
    record = read_record(text, head_hi) if text.find("\nrefid:", 0, head_hi) != -1 else None
    if record is not None:
        if record.sent and sent is None:
            # The block's date gives the year the text's own ID needs.
            cid = make_id(class_line, text, head_hi, record.sent.year, origin)
        if record.refid and cid and record.refid != cid:
            warnings.append(f"the record's metadata names it {record.refid}, its text reads {cid}")
        if record.sent and sent and abs((record.sent - sent).total_seconds()) >= 3600:
            warnings.append(
                f"the record's metadata dates it {record.sent:%Y-%m-%d %H:%M}Z, "
                f"its text {sent:%Y-%m-%d %H:%M}Z"
            )
        if record.sent and sent is None:
            sent = record.sent
            at = record.text.find("date:") + 5
            value = record.text[at:].split("\n", 1)[0].strip()
            at = record.start + record.text.index(value, at)
            sent_span = Span(value, at, at + len(value))
            year = sent.year
        cid = record.refid or cid
    if cid is None:
        if year is None:
            warnings.append("no date in the text, so the reference ID's year is unknown")
        else:
            warnings.append("no classification line with post and serial, so no reference ID")

    # A banner alone on its line (no post and serial) may be page debris after the fields, as
    # in a header fragment: then the fields are looked for from the routing header's end.
    fields_lo = class_end if classification and class_line is not None else addr_end
    eo, decl = read_eo_line(text, fields_lo, min(len(text), fields_lo + 3000), year)
    fields_hi = min(len(text), (eo.end if eo else fields_lo) + 3000)

    tags, tags_span, visitors = read_tags(text, fields_lo, fields_hi)
    post = class_line.group("post") if class_line is not None else None
    subject = read_subject(text, fields_lo, fields_hi, post)

    header_end = max(
        class_end,
        eo.end if eo else 0,
        tags_span.end if tags_span else 0,
        subject.end if subject else 0,
    )
    refs, refs_end = read_refs(text, header_end)
    header_end = max(header_end, refs_end)

    classified_by = read_classified_by(text, fields_lo, min(len(text), header_end + 1500))
    if classified_by is None:
        # The label lost (``BY: NAME ... REASON: 1.4 (b)``): only in the header's last lines,
        # before the first paragraph.
        classified_by = read_unlabelled_authority(
            text, header_end, min(len(text), header_end + 200)
        )
        if classified_by and _LABEL_BEFORE_RE.search(text[header_end : classified_by.start]):
            classified_by = None
    # Before the first paragraph the authority line belongs to the header; inside a
    # paragraph ("1. (U) Classified by ...") it stays part of that paragraph's text.
    if (
        classified_by
        and classified_by.start < header_end + 200
        and not _LABEL_BEFORE_RE.search(text[header_end : classified_by.start])
    ):
        header_end = max(header_end, classified_by.end)
    if not tags_span and not subject and not eo:
        header_end = max(header_end, class_end)

    noise = find_noise(text, header_end, len(text))
    paragraphs, signature, markdown = split_paragraphs(text, header_end, len(text), noise)

    captions: list[Span] = []
    controls: list[str] = []
    if classification:
        if class_line is not None:
            ctl = class_line.group("ctl") or ""
            for c in _CONTROL_WORD_RE.findall(ctl):
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
        captions = read_captions(text, classification.start, max(cap_hi, classification.end))
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
    entire_hi = min(len(text), header_end + 2000)
    # (The pattern needs the words: a substring search first spares trying it at every line.)
    entire = (
        _ENTIRE_TEXT_RE.search(text, fields_lo, entire_hi)
        if text.find("ENTIRE TEXT", fields_lo, entire_hi) != -1
        else None
    )

    corrected = _CORRECTED_RE.search(text, 0, min(len(text), header_end + 1))
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
        visitors=tuple(visitors),
        tags_span=tags_span,
        subject=subject,
        refs=tuple(refs),
        classified_by=classified_by,
        paragraphs=tuple(paragraphs),
        signature=signature,
        corrected=trimmed_span(text, corrected.start("c"), corrected.end("c"))
        if corrected
        else None,
        entire_text=trimmed_span(text, entire.start(), entire.end()) if entire else None,
        noise=tuple(noise),
        body_start=header_end,
        markdown=markdown,
        partial_extract=partial,
        record=record,
        encoding=encoding,
        warnings=tuple(warnings),
    )
