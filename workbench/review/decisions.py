"""The decisions file: a review written by hand or by a script, imported and exported.

Format (documented for users in docs/decisions-format.md)::

    {"cable": "07SEOUL219",
     "text_sha256": "...",
     "decisions": [
        {"paragraph": 2, "action": "withhold", "codes": ["(b)(1)", "1.4(d)"]},
        {"paragraph": 1, "action": "release"},
        {"paragraph": 3, "action": "partial",
         "spans": [{"match": "Kim Hye-jin", "codes": ["(b)(6)"]},
                   {"start": 1204, "end": 1230, "codes": ["(b)(6)"]}]},
        {"index": 7, "action": "release"},
        {"region": "passing:1", "action": "withhold", "codes": ["(b)(6)"]},
        {"region": "subject", "action": "release"}],
     "rules": {"routing": false},
     "fields": [{"field": "subject", "codes": ["(b)(1)", "1.4(d)"]}]}

``fields`` is the form of files written before regions (a header field withheld); it still
imports, as a withhold decision on the field's region. Import is all-or-nothing: the whole file
is checked and turned into a :class:`Review` before anything is stored, and the first error
names the entry at fault (``decisions[2]: ...``). Offsets are accepted only when they can be
checked against the text they were written for: with the file's ``text_sha256``, or with the
span's own ``text``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from workbench.cable.model import Cable
from workbench.review import commands as cmd
from workbench.review.codes import CodeSet, available_code_sets, validate_codes
from workbench.review.find import find_text
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
from workbench.review.regions import Region
from workbench.review.rules import RULES

TOP_KEYS = {"cable", "decisions", "fields", "rules", "text_sha256", "comment"}
ENTRY_KEYS = {"paragraph", "index", "region", "action", "codes", "comment", "spans"}
SPAN_KEYS = {"match", "match_case", "start", "end", "text", "codes", "comment"}
FIELD_KEYS = {"field", "codes", "comment"}


# A decisions file is a few kilobytes (a line per paragraph and span); past this it is not one.
MAX_DECISIONS_BYTES = 16 * 1024 * 1024


class DecisionsError(ReviewError):
    """A decisions file that cannot be imported; nothing from it was applied."""


def load_decisions(path: str | Path, cable: Cable, sets: Sequence[CodeSet] | None = None) -> Review:
    """Read a decisions file and check it against ``cable``: the review it describes."""
    from workbench.safeio import InputError, parse_json, read_limited

    p = Path(path)
    try:
        data = read_limited(p, MAX_DECISIONS_BYTES, "decisions file", role="a decisions file")
        raw = parse_json(data, str(p), "decisions file")
    except InputError as exc:
        raise DecisionsError(str(exc).rstrip(".")) from None
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
    if "decisions" not in raw:
        # Required (docs/decisions-format.md): a file without the list would otherwise be
        # read as "every paragraph pending" and reset a finished review.
        raise DecisionsError(
            'the file has no "decisions" list: give one entry per decided paragraph (an empty '
            'list, "decisions": [], makes every paragraph pending)'
        )
    entries = raw["decisions"]
    fields = raw.get("fields", [])
    rules = raw.get("rules", {})
    if not isinstance(entries, list):
        raise DecisionsError('"decisions" must be a list')
    if not isinstance(fields, list):
        raise DecisionsError('"fields" must be a list')
    if not isinstance(rules, dict) or not all(isinstance(v, bool) for v in rules.values()):
        raise DecisionsError('"rules" must be an object such as {"routing": false}')

    review = Review.for_cable(cable)
    ctx = _Context(cable, sets, checked=want_hash is not None)
    decided: dict[str, str] = {}
    for i, entry in enumerate(entries):
        where = f"decisions[{i}]"
        try:
            region = _region(entry, review, cable, cid)
            if region.key in decided:
                raise ReviewError(f"{region.name} is already decided by {decided[region.key]}")
            decided[region.key] = where
            _decision_command(entry, region, ctx).apply(review)
        except ReviewError as exc:
            raise DecisionsError(f"{where}: {exc}") from exc
    for i, entry in enumerate(fields):
        where = f"fields[{i}]"
        try:
            if not isinstance(entry, dict):
                raise ReviewError('expected an object such as {"field": "subject", "codes": [...]}')
            _no_unknown_keys(entry, FIELD_KEYS, "a field entry")
            name = entry.get("field")
            if name not in FIELDS:
                raise ReviewError(f"unknown field {name!r}; known fields: {', '.join(FIELDS)}")
            if name in decided:
                raise ReviewError(f"the field {name} is already withheld by {decided[name]}")
            decided[name] = where
            codes = _codes(entry, sets, required=True)
            cmd.SetField(name, codes, _comment(entry), cable).apply(review)
        except ReviewError as exc:
            raise DecisionsError(f"{where}: {exc}") from exc
    for name, on in rules.items():
        if name not in RULES:
            raise DecisionsError(f"rules: unknown rule {name!r}; rules: {', '.join(RULES)}")
        cmd.SetRule(name, on).apply(review)
    return review


def _not_decidable(region: Region, review: Review) -> str:
    """Why an entry naming a separator (or white space) is refused, and what to do."""
    if region.kind == "blank":
        return f"{region.key} is white space, which prints nothing and is not decided: remove the entry"
    followed = review.partition.get(region.follows or "")
    name = followed.name if followed is not None else "the region before it"
    return (
        f"{region.key} is a separator line (punctuation only), which is not decided on its own: "
        f"it follows {name}, printed or withheld with it; remove the entry, or decide {name} "
        "instead"
    )


class _Context:
    def __init__(self, cable: Cable, sets: list[CodeSet], checked: bool) -> None:
        self.cable = cable
        self.sets = sets
        self.checked = checked  # the file's text_sha256 matched: its offsets fit this text


def _region(entry: Any, review: Review, cable: Cable, cid: str) -> Region:
    if not isinstance(entry, dict):
        raise ReviewError('expected an object such as {"paragraph": 1, "action": "release"}')
    _no_unknown_keys(entry, ENTRY_KEYS, "a decision")
    given = [k for k in ("paragraph", "index", "region") if k in entry]
    if len(given) != 1:
        raise ReviewError(
            'give one of "paragraph" (its number), "index" (its position) or "region" (its key)'
        )
    paragraphs = [r for r in review.partition.regions if r.kind == "paragraph"]
    if "region" in entry:
        key = entry["region"]
        region = review.partition.get(key) if isinstance(key, str) else None
        if region is not None and not region.decidable:
            raise ReviewError(_not_decidable(region, review))
        if region is None:
            raise ReviewError(
                f"there is no region {key!r} in {cid}: `workbench review show CABLE` lists its "
                "regions (docs/decisions-format.md names the keys)"
            )
        return region
    if "index" in entry:
        n = entry["index"]
        region = review.partition.get(f"p{n}") if _is_int(n) else None
        if region is None:
            raise ReviewError(
                f"index {n!r} does not exist in {cid}: it has {len(paragraphs)} paragraphs"
            )
        return region
    n = entry["paragraph"]
    if not _is_int(n):
        raise ReviewError(f"the paragraph number must be a whole number, not {n!r}")
    numbers = {p.index: p.number for p in cable.paragraphs}
    found = [r for r in paragraphs if r.paragraph is not None and numbers.get(r.paragraph) == n]
    if not found:
        raise ReviewError(f"paragraph {n} does not exist in {cid}")
    if len(found) > 1:
        where = ", ".join(str(r.paragraph) for r in found)
        raise ReviewError(
            f"{cid} has {len(found)} paragraphs numbered {n} (at indexes {where}): address the "
            'one you mean as {"index": N}'
        )
    return found[0]


def _decision_command(entry: dict[str, Any], region: Region, ctx: _Context) -> cmd.Command:
    action = entry.get("action")
    try:
        act = Action(str(action))
    except ValueError:
        raise ReviewError(
            f"unknown action {action!r}; use one of: release, withhold, partial, pending"
        ) from None
    comment = _comment(entry)
    if act == Action.RELEASE:
        for key in ("codes", "spans"):
            if key in entry:
                raise ReviewError(f'a "{act.value}" decision takes no "{key}"')
        return cmd.SetDecision(region, Decision(act, comment=comment))
    if act == Action.WITHHOLD:
        if "spans" in entry:
            raise ReviewError('a "withhold" decision takes no "spans": use "partial" for those')
        return cmd.withhold(region, _codes(entry, ctx.sets, required=True), comment)
    if act == Action.PENDING and "spans" not in entry:
        if "codes" in entry:
            raise ReviewError('a "pending" decision takes no "codes"')
        return cmd.set_pending(region)
    # partial (or pending with spans proposed): the entry's codes serve spans that give none.
    default_codes = _codes(entry, ctx.sets, required=False)
    spans = entry.get("spans")
    if not isinstance(spans, list) or not spans:
        raise ReviewError(f'a "{act.value}" decision needs a non-empty "spans" list')
    redactions: list[Redaction] = []
    for j, span in enumerate(spans):
        try:
            redactions.extend(_spans(span, region, ctx, default_codes))
        except ReviewError as exc:
            raise ReviewError(f"spans[{j}]: {exc}") from exc
    if act == Action.PENDING:
        return cmd.AddSpans(region, redactions)
    return cmd.partial(region, redactions, comment)


def _spans(
    span: Any, region: Region, ctx: _Context, default_codes: tuple[str, ...]
) -> list[Redaction]:
    if not isinstance(span, dict):
        raise ReviewError('expected an object with "match" or "start"/"end", and "codes"')
    _no_unknown_keys(span, SPAN_KEYS, "a span")
    codes = _codes(span, ctx.sets, required=not default_codes) or default_codes
    comment = _comment(span)
    text = ctx.cable.text
    if "match" in span:
        if "start" in span or "end" in span:
            raise ReviewError('give either "match" or "start"/"end", not both')
        needle = span["match"]
        if not isinstance(needle, str) or not needle.strip():
            raise ReviewError('"match" must be the text to redact')
        found = find_text(
            text, needle, region.body_start, region.end, match_case=bool(span.get("match_case"))
        )
        if not found:
            raise ReviewError(f"{needle!r} does not occur in {region.name}")
        return [Redaction(s, e, codes, comment) for s, e in found]
    start_raw, end_raw = span.get("start"), span.get("end")
    if not _is_int(start_raw) or not _is_int(end_raw):
        raise ReviewError('give "match", or "start" and "end" as whole-number offsets')
    start, end = cast(int, start_raw), cast(int, end_raw)
    if not (region.body_start <= start < end <= region.end):
        raise ReviewError(
            f"span {start}-{end} is outside {region.name} (its text runs from "
            f"{region.body_start} to {region.end}): choose text inside it"
        )
    if "text" in span:
        if not isinstance(span["text"], str) or text[start:end] != span["text"]:
            raise ReviewError(
                f"the text at {start}-{end} is not {span['text']!r}: these offsets were written "
                'for another text of the cable; use "match" instead'
            )
    elif not ctx.checked:
        raise ReviewError(
            f"the offsets {start}-{end} cannot be checked against the text they were written "
            'for: add the file\'s "text_sha256" (as `workbench review export` writes it), or '
            'the span\'s "text", or use "match"'
        )
    if not (region.body_start <= start < end <= region.end):
        raise ReviewError(
            f"span {start}-{end} is outside {region.label} (its text runs from "
            f"{region.body_start} to {region.end}): choose text inside it"
        )
    return [Redaction(start, end, codes, comment)]


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
    """The decisions file for ``review`` (undecided regions are left out)."""
    review.check_cable(cable)
    counts: dict[int, int] = {}
    for p in cable.paragraphs:
        if p.number is not None:
            counts[p.number] = counts.get(p.number, 0) + 1
    numbers = {p.index: p.number for p in cable.paragraphs}
    entries: list[dict[str, Any]] = []
    for r in review.regions():
        d = review.decision(r.key)
        if d.action == Action.PENDING and not d.spans:
            continue
        number = numbers.get(r.paragraph) if r.paragraph is not None else None
        if r.kind == "paragraph" and r.key == f"p{r.paragraph}":
            entry: dict[str, Any] = (
                {"paragraph": number}
                if number is not None and counts[number] == 1
                else {"index": r.paragraph}
            )
        else:
            entry = {"region": r.key}
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
    if review.rules_off:
        out["rules"] = {name: False for name in RULES if name in review.rules_off}
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
    if "rules" in obj:
        parts.append(f'  "rules": {one(obj["rules"])}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_decisions(review: Review, cable: Cable, path: str | Path) -> None:
    """Write the decisions file atomically: a crash never leaves half a file at ``path``."""
    from workbench.safeio import write_atomic

    write_atomic(path, dump_decisions(review, cable))
