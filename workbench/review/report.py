"""Human-readable text for ``workbench review show`` and ``workbench review log``."""

from __future__ import annotations

from typing import Any

from workbench.cable.model import Cable
from workbench.naming import in_sentence, paragraph_labels
from workbench.review.commands import FIELD_LABELS
from workbench.review.model import Action, Review
from workbench.review.regions import Region
from workbench.review.rules import RULES
from workbench.review.store import AuditEntry

SNIPPET = 40


def _snippet(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= SNIPPET else one_line[: SNIPPET - 3] + "..."


def paragraph_names(cable: Cable) -> dict[int, str]:
    """Each paragraph's label by its index, as the window lists it (``naming``)."""
    return paragraph_labels(cable.paragraphs)


def show_review(review: Review, cable: Cable, last: AuditEntry | None = None) -> str:
    """Progress, then one line per region: who decided it and how."""
    names = paragraph_names(cable)
    n = review.region_count
    done = review.decided_count
    pct = 100 if n == 0 else round(100 * done / n)
    lines = [f"{review.cable_id}: {done} of {n} regions decided ({pct}%)"]
    pending = review.pending()
    if not pending:
        lines[0] += ", review complete"
    else:
        shown = ", ".join(_name(r, names) for r in pending[:12])
        lines[0] += f"; pending: {shown}" + (" ..." if len(pending) > 12 else "")
    if last is not None:
        lines.append(f"Last change {_when(last.at)} by {last.reviewer}: {last.what}")
    off = [r for name, r in RULES.items() if name in review.rules_off]
    for rule in off:
        lines.append(f"Rule switched off: {rule.title}")
    from workbench.review.identifiers import identifying

    lines.extend(f"Warning: {w}" for w in identifying(cable, review))
    lines.append("")
    regions = review.regions()
    width = max((len(_name(r, names)) for r in regions), default=1)
    for r in regions:
        e = review.effective(r)
        d = e.decision
        head = f"  {_name(r, names):<{width}} "
        by = f"  (rule: {e.by[5:]})" if e.by.startswith("rule:") else ""
        if d.action == Action.WITHHOLD:
            lines.append(f"{head}withhold   {', '.join(d.codes)}{by}")
        elif d.action == Action.RELEASE:
            lines.append(f"{head}release{by}")
        else:
            word = "partial   " if d.action == Action.PARTIAL else "PENDING   "
            extra = f" {len(d.spans)} redacted:" if d.spans else ""
            lines.append(f"{head}{word}{extra}".rstrip() + by)
            for s in d.spans:
                text = _snippet(cable.text[s.start : s.end])
                # A span the recurrences rule added says which withheld text it repeats.
                why = f" ({s.comment})" if s.comment.startswith("repeats text withheld") else ""
                lines.append(
                    f"  {'':<{width}}   {s.start}-{s.end} {text!r} {', '.join(s.codes)}{why}"
                )
        if d.comment:
            lines.append(f"  {'':<{width}}   comment: {d.comment}")
    return "\n".join(lines) + "\n"


def _name(region: Region, names: dict[int, str]) -> str:
    if region.kind == "paragraph" and region.paragraph is not None:
        return names.get(region.paragraph, region.label)
    return f"{region.label} [{region.key}]" if region.key != region.kind else region.label


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
    if action in ("partial", "pending") and value.get("spans"):
        spans = value.get("spans", [])
        parts = [f"{s['start']}-{s['end']} {', '.join(s['codes'])}" for s in spans]
        return f"partial [{'; '.join(parts)}]"
    return str(action)


def format_log(entries: list[AuditEntry], cable: Cable | None = None) -> str:
    """One block per change: when, who, what, then each region (or rule) before -> after.

    Entries written before regions existed (paragraphs and fields) are shown as they were."""
    keys = paragraph_names(cable) if cable else {}
    lines: list[str] = []
    for e in entries:
        lines.append(f"{_when(e.at)}  {e.reviewer}  {e.what}")
        before_r = e.before.get("regions", {})
        for key, after in e.after.get("regions", {}).items():
            lines.append(
                f"    {_region_name(key, keys)}: {_describe(before_r.get(key), False)} -> "
                f"{_describe(after, False)}"
            )
        for name, on in e.after.get("rules", {}).items():
            lines.append(f"    rule {name}: {'on' if on else 'off'}")
        if not e.after and before_r:
            for key, before in before_r.items():
                lines.append(
                    f"    {_region_name(key, keys)}: {_describe(before, False)} -> discarded"
                )
        before_p = e.before.get("paragraphs", {})
        for index, after in e.after.get("paragraphs", {}).items():
            key = _paragraph(keys, int(index))
            lines.append(
                f"    {key}: {_describe(before_p.get(index), False)} -> {_describe(after, False)}"
            )
        if not e.after and before_p:
            for index, before in before_p.items():
                key = _paragraph(keys, int(index))
                lines.append(f"    {key}: {_describe(before, False)} -> discarded")
        before_f = e.before.get("fields", {})
        for name, after in e.after.get("fields", {}).items():
            label = FIELD_LABELS.get(name, name)
            lines.append(
                f"    {label}: {_describe(before_f.get(name), True)} -> {_describe(after, True)}"
            )
    return "\n".join(lines) + ("\n" if lines else "")


def _paragraph(labels: dict[int, str], index: int) -> str:
    """A paragraph of a logged change in a sentence; by its index when the cable is not given
    or no longer has it."""
    label = labels.get(index)
    return in_sentence(label) if label else f"paragraph at index {index}"


def _region_name(key: str, paragraphs: dict[int, str]) -> str:
    if key[:1] == "p" and key[1:].isdigit():
        return _paragraph(paragraphs, int(key[1:]))
    return FIELD_LABELS.get(key, key)
