"""Human-readable text for ``workbench review show`` and ``workbench review log``."""

from __future__ import annotations

from typing import Any

from workbench.cable.model import Cable
from workbench.review.commands import FIELD_LABELS
from workbench.review.model import FIELDS, Action, Review
from workbench.review.store import AuditEntry

SNIPPET = 40


def _snippet(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= SNIPPET else one_line[: SNIPPET - 3] + "..."


def paragraph_names(cable: Cable) -> dict[int, str]:
    """How to name each paragraph to a user: its number, with its index where the number alone
    is ambiguous (multi-part cables restart their numbering), ``#index`` when unnumbered."""
    counts: dict[int, int] = {}
    for p in cable.paragraphs:
        if p.number is not None:
            counts[p.number] = counts.get(p.number, 0) + 1
    return {
        p.index: p.key if p.number is None or counts[p.number] == 1 else f"{p.key} (#{p.index})"
        for p in cable.paragraphs
    }


def show_review(review: Review, cable: Cable, last: AuditEntry | None = None) -> str:
    """Progress, then one line per paragraph and per withheld header field."""
    names = paragraph_names(cable)
    n = review.paragraph_count
    done = review.decided_count
    pct = 100 if n == 0 else round(100 * done / n)
    lines = [f"{review.cable_id}: {done} of {n} paragraphs decided ({pct}%)"]
    if review.is_complete:
        lines[0] += ", review complete"
    else:
        pending = [
            names[p.index] for p in cable.paragraphs if review.decision(p.index).action == "pending"
        ]
        lines[0] += f"; pending: {', '.join(pending)}"
    if last is not None:
        lines.append(f"Last change {_when(last.at)} by {last.reviewer}: {last.what}")
    lines.append("")
    width = max((len(name) for name in names.values()), default=1)
    for p in cable.paragraphs:
        d = review.decision(p.index)
        mark = p.marking.text if p.marking else ""
        head = f"  {names[p.index]:>{width}} {mark:<7} "
        if d.action == Action.WITHHOLD:
            lines.append(f"{head}withhold   {', '.join(d.codes)}")
        elif d.action == Action.PARTIAL:
            lines.append(f"{head}partial    {len(d.spans)} redacted:")
            for s in d.spans:
                text = _snippet(cable.text[s.start : s.end])
                lines.append(
                    f"  {'':>{width}} {'':<7}   {s.start}-{s.end} {text!r} {', '.join(s.codes)}"
                )
        elif d.action == Action.RELEASE:
            lines.append(f"{head}release")
        else:
            lines.append(f"{head}PENDING")
        if d.comment:
            lines.append(f"  {'':>{width}} {'':<7}   comment: {d.comment}")
    withheld = [name for name in FIELDS if name in review.fields]
    if withheld:
        lines.append("")
        lines.append("Header fields withheld:")
        for name in withheld:
            f = review.fields[name]
            note = f" ({f.comment})" if f.comment else ""
            lines.append(f"  {FIELD_LABELS[name]}: {', '.join(f.codes)}{note}")
    return "\n".join(lines) + "\n"


def _when(at: str) -> str:
    return at[:19].replace("T", " ") + " UTC"


def _describe(value: dict[str, Any] | None, is_field: bool) -> str:
    if value is None:
        return "released" if is_field else "pending"
    if is_field:
        return f"withheld {', '.join(value.get('codes', []))}"
    action = value.get("action", "?")
    if action == "withhold":
        return f"withhold {', '.join(value.get('codes', []))}"
    if action == "partial":
        spans = value.get("spans", [])
        parts = [f"{s['start']}-{s['end']} {', '.join(s['codes'])}" for s in spans]
        return f"partial [{'; '.join(parts)}]"
    return str(action)


def format_log(entries: list[AuditEntry], cable: Cable | None = None) -> str:
    """One block per change: when, who, what, then each paragraph or field before -> after."""
    keys = paragraph_names(cable) if cable else {}
    lines: list[str] = []
    for e in entries:
        lines.append(f"{_when(e.at)}  {e.reviewer}  {e.what}")
        before_p = e.before.get("paragraphs", {})
        for index, after in e.after.get("paragraphs", {}).items():
            key = keys.get(int(index), f"at index {index}")
            lines.append(
                f"    paragraph {key}: {_describe(before_p.get(index), False)} -> "
                f"{_describe(after, False)}"
            )
        # A start-over has no "after": list what it discarded.
        if not e.after and before_p:
            for index, before in before_p.items():
                key = keys.get(int(index), f"at index {index}")
                lines.append(f"    paragraph {key}: {_describe(before, False)} -> discarded")
        before_f = e.before.get("fields", {})
        for name, after in e.after.get("fields", {}).items():
            label = FIELD_LABELS.get(name, name)
            lines.append(
                f"    {label}: {_describe(before_f.get(name), True)} -> {_describe(after, True)}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
