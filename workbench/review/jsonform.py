"""Decisions and field redactions as plain JSON values.

One form shared by the store (a row's payload), the audit log (before/after) and tests, so a
decision read back from any of them is the same object. The decisions *file* (paragraph
numbers, ``match``) is a different, user-facing form: see ``decisions.py``.
"""

from __future__ import annotations

from typing import Any

from workbench.review.model import Action, Decision, FieldRedaction, Redaction, ReviewError


def redaction_to_json(r: Redaction) -> dict[str, Any]:
    out: dict[str, Any] = {"start": r.start, "end": r.end, "codes": list(r.codes)}
    if r.comment:
        out["comment"] = r.comment
    return out


def redaction_from_json(obj: dict[str, Any]) -> Redaction:
    return Redaction(
        int(obj["start"]), int(obj["end"]), tuple(obj["codes"]), str(obj.get("comment", ""))
    )


def decision_to_json(d: Decision) -> dict[str, Any]:
    out: dict[str, Any] = {"action": d.action.value}
    if d.codes:
        out["codes"] = list(d.codes)
    if d.comment:
        out["comment"] = d.comment
    if d.spans:
        out["spans"] = [redaction_to_json(s) for s in d.spans]
    return out


def decision_from_json(obj: dict[str, Any]) -> Decision:
    try:
        action = Action(obj["action"])
    except (KeyError, ValueError) as exc:
        raise ReviewError(f"a stored decision has no valid action: {obj!r}") from exc
    return Decision(
        action,
        tuple(obj.get("codes", ())),
        str(obj.get("comment", "")),
        tuple(redaction_from_json(s) for s in obj.get("spans", ())),
    )


def field_to_json(f: FieldRedaction) -> dict[str, Any]:
    out: dict[str, Any] = {"field": f.field, "codes": list(f.codes)}
    if f.comment:
        out["comment"] = f.comment
    return out


def field_from_json(obj: dict[str, Any]) -> FieldRedaction:
    return FieldRedaction(str(obj["field"]), tuple(obj["codes"]), str(obj.get("comment", "")))
