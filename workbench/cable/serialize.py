"""The JSON form of a cable, as ``workbench parse`` prints it (schema in the README)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson

from workbench.cable.markings import caption_name
from workbench.cable.model import Addressee, Cable, Marking, Span


def _span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"text": s.text, "start": s.start, "end": s.end}


def _addr(a: Addressee | None) -> dict[str, Any] | None:
    return None if a is None else {"name": a.name, "text": a.text, "start": a.start, "end": a.end}


def _marking(m: Marking | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "text": m.text,
        "level": m.level,
        "controls": list(m.controls),
        "malformed": m.malformed,
        "start": m.start,
        "end": m.end,
    }


def _subject(cable: Cable) -> dict[str, Any] | None:
    s = cable.subject
    if s is None:
        return None
    return {
        "text": s.text,
        "start": s.start,
        "end": s.end,
        "value": s.value,
        "marking": _marking(s.marking),
    }


def classification_dict(cable: Cable) -> dict[str, Any] | None:
    c = cable.classification
    if c is None:
        return None
    return {
        "level": c.level,
        "controls": list(c.controls),
        "text": c.text,
        "start": c.start,
        "end": c.end,
    }


def decl_dict(cable: Cable) -> dict[str, Any] | None:
    d = cable.decl
    if d is None:
        return None
    return {
        "text": d.text,
        "kind": d.kind,
        "date": d.date.isoformat() if d.date else None,
        "codes": list(d.codes),
        "start": d.start,
        "end": d.end,
    }


def _minute(t: datetime) -> str:
    """``t`` as ``2007-02-09T10:05Z``: ``strftime("%Y-%m-%dT%H:%MZ")``, a fifth of the time."""
    return f"{t.year}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}Z"


def _shown_path(path: str | None) -> str | None:
    """A file name that is not UTF-8 (held as lone surrogates, which JSON cannot carry) with
    its odd bytes written as ``\\xNN`` (issue 12: ``orjson`` refused it, a crash)."""
    if path is None or path.isascii():
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def cable_to_dict(cable: Cable) -> dict[str, Any]:
    """Everything the parser read, JSON-ready. Offsets index ``cable.text``."""
    cb = cable.classified_by
    return {
        "path": _shown_path(cable.path),
        "id": cable.id,
        "sent": _minute(cable.sent) if cable.sent else None,
        "precedence": cable.precedence,
        "origin": cable.origin.name if cable.origin else None,
        "from": _addr(cable.origin),
        "to": [_addr(a) for a in cable.to],
        "info": [_addr(a) for a in cable.info],
        "classification": classification_dict(cable),
        "captions": list(dict.fromkeys(caption_name(c.text) for c in cable.captions)),
        "eo": None
        if cable.eo is None
        else {
            "text": cable.eo.text,
            "order": cable.eo.order,
            "start": cable.eo.start,
            "end": cable.eo.end,
        },
        "decl": decl_dict(cable),
        "classified_by": None
        if cb is None
        else {
            "name": cb.name,
            "reasons": list(cb.reasons),
            "invalid_reasons": list(cb.bad_letters),
            "text": cb.text,
            "start": cb.start,
            "end": cb.end,
        },
        "tags": list(cable.tags),
        "visitors": list(cable.visitors),
        "subject": _subject(cable),
        "refs": [_span(r) for r in cable.refs],
        "paragraphs": [
            {
                "index": p.index,
                "number": p.number,
                "label": p.label,
                "marking": _marking(p.marking),
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "body_start": p.body_start,
            }
            for p in cable.paragraphs
        ],
        "signature": _span(cable.signature),
        "entire_text_marking": _span(cable.entire_text),
        "corrected_copy": _span(cable.corrected),
        "markdown_numbering": cable.markdown,
        "partial_extract": cable.partial_extract,
        "record": None
        if cable.record is None
        else {
            **dict(cable.record.fields),
            "text": cable.record.text,
            "start": cable.record.start,
            "end": cable.record.end,
        },
        "encoding": cable.encoding,
        "warnings": list(cable.warnings),
    }


# Characters that str.splitlines() (and so many JSONL readers) take for line ends; orjson
# writes them as they are, valid JSON but a broken JSONL line.
_LINE_BREAKS = (
    (b"\xe2\x80\xa8", b"\\u2028"),
    (b"\xe2\x80\xa9", b"\\u2029"),
    (b"\xc2\x85", b"\\u0085"),
)


def cable_to_json(cable: Cable, indent: bool = False, line_breaks_escaped: bool = True) -> bytes:
    """The same object as :func:`cable_to_dict`, as UTF-8 JSON, written in one pass.

    The model's dataclasses already have the schema's keys (paragraphs, markings, addressees,
    spans), so orjson serialises them directly instead of copying each into a dict first.
    ``line_breaks_escaped=False`` leaves U+2028, U+2029 and U+0085 raw, for a caller that
    escapes them itself (``parse`` escapes them with every other terminal control): two
    fewer scans of the output.
    """
    cb = cable.classified_by
    obj = {
        "path": _shown_path(cable.path),
        "id": cable.id,
        "sent": _minute(cable.sent) if cable.sent else None,
        "precedence": cable.precedence,
        "origin": cable.origin.name if cable.origin else None,
        "from": cable.origin,
        "to": cable.to,
        "info": cable.info,
        "classification": cable.classification,
        "captions": list(dict.fromkeys(caption_name(c.text) for c in cable.captions)),
        "eo": cable.eo,
        "decl": decl_dict(cable),
        "classified_by": None
        if cb is None
        else {
            "name": cb.name,
            "reasons": cb.reasons,
            "invalid_reasons": cb.bad_letters,
            "text": cb.text,
            "start": cb.start,
            "end": cb.end,
        },
        "tags": cable.tags,
        "visitors": cable.visitors,
        "subject": cable.subject,
        "refs": cable.refs,
        "paragraphs": cable.paragraphs,
        "signature": cable.signature,
        "entire_text_marking": cable.entire_text,
        "corrected_copy": cable.corrected,
        "markdown_numbering": cable.markdown,
        "partial_extract": cable.partial_extract,
        "record": None
        if cable.record is None
        else {
            **dict(cable.record.fields),
            "text": cable.record.text,
            "start": cable.record.start,
            "end": cable.record.end,
        },
        "encoding": cable.encoding,
        "warnings": cable.warnings,
    }
    data = orjson.dumps(obj, option=orjson.OPT_INDENT_2 if indent else 0)
    if line_breaks_escaped and (b"\xe2\x80" in data or b"\xc2\x85" in data):
        for raw, escaped in _LINE_BREAKS:
            data = data.replace(raw, escaped)
    return data
