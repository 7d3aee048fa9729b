"""The decisions file: a review written by hand or by a script, imported and exported.

Format (documented for users in docs/decisions-format.md)::

    {"cable": "07SEOUL219",
     "decisions": [
        {"paragraph": 2, "action": "withhold", "codes": ["(b)(1)", "1.4(d)"]},
        {"paragraph": 1, "action": "release"},
        {"paragraph": 3, "action": "partial",
         "spans": [{"match": "Kim Hye-jin", "codes": ["(b)(6)"]},
                   {"start": 1204, "end": 1230, "codes": ["(b)(6)"]}]},
        {"index": 7, "action": "release"}],
     "fields": [{"field": "subject", "codes": ["(b)(1)", "1.4(d)"]}]}

Import is all-or-nothing: the whole file is checked and turned into a :class:`Review` before
anything is stored, and the first error names the entry at fault (``decisions[2]: ...``).
Export writes spans as offsets, numbered paragraphs by number and the others by index.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.cable.model import Cable, Paragraph
from workbench.review import commands as cmd
from workbench.review.codes import CodeSet, available_code_sets, validate_codes
from workbench.review.model import (
    FIELDS,
    Action,
    Decision,
    Redaction,
    Review,
    ReviewError,
    review_id,
    text_hash,
)

TOP_KEYS = {"cable", "decisions", "fields", "text_sha256", "comment"}
ENTRY_KEYS = {"paragraph", "index", "action", "codes", "comment", "spans"}
SPAN_KEYS = {"match", "start", "end", "codes", "comment"}
FIELD_KEYS = {"field", "codes", "comment"}


class DecisionsError(ReviewError):
    """A decisions file that cannot be imported; nothing from it was applied."""


def load_decisions(path: str | Path, cable: Cable, sets: Sequence[CodeSet] | None = None) -> Review:
    """Read a decisions file and check it against ``cable``: the review it describes."""
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise DecisionsError(f"cannot read {p}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DecisionsError(f"{p} is not UTF-8 text: save it as UTF-8 JSON") from exc
    except ValueError as exc:
        raise DecisionsError(f"{p} is not valid JSON ({exc}): fix the file") from exc
    try:
        return parse_decisions(raw, cable, sets)
    except ReviewError as exc:
        raise DecisionsError(f"{p}: {exc}") from exc


def parse_decisions(raw: Any, cable: Cable, sets: Sequence[CodeSet] | None = None) -> Review:
    """The review a decisions object describes; :class:`ReviewError` naming the bad entry."""
    sets = list(available_code_sets() if sets is None else sets)
    cid = review_id(cable)
    if not isinstance(raw, dict):
        raise DecisionsError('expected a JSON object with "cable" and "decisions"')
    _no_unknown_keys(raw, TOP_KEYS, "the file")
    if raw.get("cable") != cid:
        raise DecisionsError(
            f"the decisions are for {raw.get('cable')!r}, not {cid}: give the cable they were "
            "written for"
        )
    want_hash = raw.get("text_sha256")
    if want_hash is not None and want_hash != text_hash(cable.text):
        raise DecisionsError(
            f"the decisions were exported from a different text of {cid} (text_sha256 differs), "
            "so their offsets would not fit this one: use the original cable file"
        )
    entries = raw.get("decisions", [])
    fields = raw.get("fields", [])
    if not isinstance(entries, list):
        raise DecisionsError('"decisions" must be a list')
    if not isinstance(fields, list):
        raise DecisionsError('"fields" must be a list')

    review = Review.for_cable(cable)
    decided: dict[int, str] = {}
    for i, entry in enumerate(entries):
        where = f"decisions[{i}]"
        try:
            paragraph = _paragraph(entry, cable, cid)
            if paragraph.index in decided:
                raise ReviewError(
                    f"paragraph {paragraph.key} is already decided by {decided[paragraph.index]}"
                )
            decided[paragraph.index] = where
            _decision_command(entry, paragraph, cable, sets).apply(review)
        except ReviewError as exc:
            raise DecisionsError(f"{where}: {exc}") from exc
    seen_fields: dict[str, str] = {}
    for i, entry in enumerate(fields):
        where = f"fields[{i}]"
        try:
            if not isinstance(entry, dict):
                raise ReviewError('expected an object such as {"field": "subject", "codes": [...]}')
            _no_unknown_keys(entry, FIELD_KEYS, "a field entry")
            name = entry.get("field")
            if name not in FIELDS:
                raise ReviewError(f"unknown field {name!r}; known fields: {', '.join(FIELDS)}")
            if name in seen_fields:
                raise ReviewError(f"the field {name} is already withheld by {seen_fields[name]}")
            seen_fields[name] = where
            codes = _codes(entry, sets, required=True)
            cmd.SetField(name, codes, _comment(entry), cable).apply(review)
        except ReviewError as exc:
            raise DecisionsError(f"{where}: {exc}") from exc
    return review


def _paragraph(entry: Any, cable: Cable, cid: str) -> Paragraph:
    if not isinstance(entry, dict):
        raise ReviewError('expected an object such as {"paragraph": 1, "action": "release"}')
    _no_unknown_keys(entry, ENTRY_KEYS, "a decision")
    if ("paragraph" in entry) == ("index" in entry):
        raise ReviewError('give either "paragraph" (its number) or "index" (its position)')
    if "index" in entry:
        n = entry["index"]
        if not _is_int(n) or not 1 <= n <= len(cable.paragraphs):
            raise ReviewError(
                f"index {n!r} does not exist in {cid}: it has {len(cable.paragraphs)} paragraphs"
            )
        return cable.paragraphs[n - 1]
    n = entry["paragraph"]
    if not _is_int(n):
        raise ReviewError(f"the paragraph number must be a whole number, not {n!r}")
    found = [p for p in cable.paragraphs if p.number == n]
    if not found:
        raise ReviewError(f"paragraph {n} does not exist in {cid}")
    if len(found) > 1:
        where = ", ".join(str(p.index) for p in found)
        raise ReviewError(
            f"{cid} has {len(found)} paragraphs numbered {n} (at indexes {where}): address the "
            'one you mean as {"index": N}'
        )
    return found[0]


def _decision_command(
    entry: dict[str, Any], paragraph: Paragraph, cable: Cable, sets: list[CodeSet]
) -> cmd.Command:
    action = entry.get("action")
    try:
        act = Action(str(action))
    except ValueError:
        raise ReviewError(
            f"unknown action {action!r}; use one of: release, withhold, partial, pending"
        ) from None
    comment = _comment(entry)
    if act in (Action.RELEASE, Action.PENDING):
        for key in ("codes", "spans"):
            if key in entry:
                raise ReviewError(f'a "{act.value}" decision takes no "{key}"')
        return cmd.SetDecision(paragraph, Decision(act, comment=comment))
    if act == Action.WITHHOLD:
        if "spans" in entry:
            raise ReviewError('a "withhold" decision takes no "spans": use "partial" for those')
        return cmd.withhold(paragraph, _codes(entry, sets, required=True), comment)
    # partial: the entry's codes, if any, serve spans that give none.
    default_codes = _codes(entry, sets, required=False)
    spans = entry.get("spans")
    if not isinstance(spans, list) or not spans:
        raise ReviewError('a "partial" decision needs a non-empty "spans" list')
    redactions: list[Redaction] = []
    for j, span in enumerate(spans):
        try:
            redactions.extend(_spans(span, paragraph, cable, sets, default_codes))
        except ReviewError as exc:
            raise ReviewError(f"spans[{j}]: {exc}") from exc
    return cmd.partial(paragraph, redactions, comment)


def _spans(
    span: Any,
    paragraph: Paragraph,
    cable: Cable,
    sets: list[CodeSet],
    default_codes: tuple[str, ...],
) -> list[Redaction]:
    if not isinstance(span, dict):
        raise ReviewError('expected an object with "match" or "start"/"end", and "codes"')
    _no_unknown_keys(span, SPAN_KEYS, "a span")
    codes = _codes(span, sets, required=not default_codes) or default_codes
    comment = _comment(span)
    if "match" in span:
        if "start" in span or "end" in span:
            raise ReviewError('give either "match" or "start"/"end", not both')
        text = span["match"]
        if not isinstance(text, str) or not text.strip():
            raise ReviewError('"match" must be the exact text to redact')
        found = find_all(cable.text, text, paragraph.body_start, paragraph.end)
        if not found:
            raise ReviewError(f"{text!r} does not occur in paragraph {paragraph.key}")
        return [Redaction(s, e, codes, comment) for s, e in found]
    start, end = span.get("start"), span.get("end")
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or not _is_int(start)
        or not _is_int(end)
    ):
        raise ReviewError('give "match", or "start" and "end" as whole-number offsets')
    return [cmd.check_span(paragraph, Redaction(start, end, codes, comment))]


def find_all(text: str, needle: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every occurrence of ``needle`` in ``text[start:end]``, exact except that a space in
    ``needle`` also matches a line break (cables wrap names across lines)."""
    words = needle.split()
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]


def _codes(obj: dict[str, Any], sets: list[CodeSet], required: bool) -> tuple[str, ...]:
    codes = obj.get("codes")
    if codes is None:
        if required:
            raise ReviewError('"codes" is missing: give at least one exemption code')
        return ()
    if isinstance(codes, str):
        codes = [codes]
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise ReviewError('"codes" must be a list of exemption codes such as ["(b)(6)"]')
    if required and not codes:
        raise ReviewError('"codes" is empty: give at least one exemption code')
    return validate_codes(codes, sets)


def _comment(obj: dict[str, Any]) -> str:
    c = obj.get("comment", "")
    if not isinstance(c, str):
        raise ReviewError('"comment" must be text')
    return c


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _no_unknown_keys(obj: dict[str, Any], known: set[str], what: str) -> None:
    unknown = sorted(k for k in obj if k not in known)
    if unknown:
        raise ReviewError(
            f"unknown key {unknown[0]!r} in {what}; known keys: {', '.join(sorted(known))}"
        )


# -- export ----------------------------------------------------------------------------------
def decisions_to_dict(review: Review, cable: Cable) -> dict[str, Any]:
    """The decisions file for ``review`` (pending paragraphs are left out)."""
    review.check_cable(cable)
    counts: dict[int, int] = {}
    for p in cable.paragraphs:
        if p.number is not None:
            counts[p.number] = counts.get(p.number, 0) + 1
    entries: list[dict[str, Any]] = []
    for p in cable.paragraphs:
        d = review.decision(p.index)
        if d.action == Action.PENDING:
            continue
        entry: dict[str, Any] = (
            {"paragraph": p.number}
            if p.number is not None and counts[p.number] == 1
            else {"index": p.index}
        )
        entry["action"] = d.action.value
        if d.codes:
            entry["codes"] = list(d.codes)
        if d.spans:
            entry["spans"] = [
                {"start": s.start, "end": s.end, "codes": list(s.codes)}
                | ({"comment": s.comment} if s.comment else {})
                for s in d.spans
            ]
        if d.comment:
            entry["comment"] = d.comment
        entries.append(entry)
    out: dict[str, Any] = {
        "cable": review.cable_id,
        "text_sha256": review.cable_hash,
        "decisions": entries,
    }
    fields = [
        {"field": name, "codes": list(f.codes)} | ({"comment": f.comment} if f.comment else {})
        for name in FIELDS
        if (f := review.fields.get(name)) is not None
    ]
    if fields:
        out["fields"] = fields
    return out


def dump_decisions(review: Review, cable: Cable) -> str:
    """The decisions file as text: one line per decision and per span, easy to read and diff."""
    obj = decisions_to_dict(review, cable)

    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def entry(d: dict[str, Any]) -> str:
        spans = d.get("spans")
        if not spans:
            return "    " + one(d)
        head = one({k: v for k, v in d.items() if k != "spans"})[:-1]
        inner = ",\n".join("      " + one(s) for s in spans)
        return f'    {head}, "spans": [\n{inner}\n    ]}}'

    parts = [f'  "cable": {one(obj["cable"])}', f'  "text_sha256": {one(obj["text_sha256"])}']
    decisions = ",\n".join(entry(d) for d in obj["decisions"])
    parts.append(f'  "decisions": [\n{decisions}\n  ]' if decisions else '  "decisions": []')
    if "fields" in obj:
        fields = ",\n".join("    " + one(f) for f in obj["fields"])
        parts.append(f'  "fields": [\n{fields}\n  ]')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_decisions(review: Review, cable: Cable, path: str | Path) -> None:
    """Write the decisions file atomically: a crash never leaves half a file at ``path``."""
    p = Path(path)
    text = dump_decisions(review, cable)
    folder = p.parent if str(p.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{p.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
