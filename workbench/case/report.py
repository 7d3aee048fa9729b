"""How a case is shown on the command line: its details, cables, progress, conflicts, proposals."""

from __future__ import annotations

from typing import Any

from workbench.case.conflicts import Conflict
from workbench.case.proposals import Proposal
from workbench.case.session import CaseSession
from workbench.review.case_records import CaseRecord


def record_lines(r: CaseRecord) -> list[str]:
    return [
        f"{r.number}  {r.title}",
        f"  requester: {r.requester or '-'}",
        f"  received:  {r.received or '-'}    due: {r.due or '-'}",
        f"  opened by {r.created_by} on {r.created_at[:10]}",
    ]


def show(session: CaseSession) -> str:
    lines = record_lines(session.record)
    ids = session.cable_ids()
    done = sum(1 for cid in ids if _complete(session, cid))
    conflicts = session.conflicts()
    open_ = [c for c in conflicts if c.open]
    lines.append(
        f"  {len(ids)} cable(s), {done} fully decided; {len(open_)} open conflict(s), "
        f"{len(conflicts) - len(open_)} accepted"
    )
    lines.append("")
    lines.append(f"  {'cable':<22} {'decided':>12}  proposals  file")
    for cid in ids:
        decided, total = session.progress(cid)
        props = len(session.proposals(cid))
        path = session.member(cid).path
        lines.append(f"  {cid:<22} {decided:>5} of {total:<4}  {props:>9}  {path}")
    for problem in session.problems:
        lines.append(f"  ! {problem}")
    for cid, why in session.decided.stale.items():
        lines.append(f"  ! {cid}: {why}")
    groups = session.index.identical_cables()
    if groups:
        lines.append("")
        lines.append("  identical cables (deciding one proposes the others):")
        lines.extend(f"    {', '.join(g)}" for g in groups)
    if conflicts:
        lines.append("")
        lines.append("  conflicts:")
        for n, c in enumerate(conflicts, 1):
            state = "OPEN" if c.open else "accepted"
            text = c.describe().replace("\n", "\n    ")
            lines.append(f"  {n:>3}. [{state}] {text}")
    return "\n".join(lines) + "\n"


def _complete(session: CaseSession, cid: str) -> bool:
    decided, total = session.progress(cid)
    return decided >= total


def proposal_line(n: int, p: Proposal, text: str) -> str:
    shown = " ".join(text.split())
    if len(shown) > 48:
        shown = shown[:47] + "…"
    codes = " ".join(p.codes) or "-"
    return f"  {n:>3}. {p.tag} {p.kind:<9} {p.label:<10} {codes:<18} {shown:<48}  {p.reason}"


def proposal_dict(p: Proposal, text: str) -> dict[str, Any]:
    d = p.decision
    return {
        "kind": p.kind,
        "tag": p.tag,
        "cable": p.cable_id,
        "region": p.key,
        "label": p.label,
        "start": p.start,
        "end": p.end,
        "text": text,
        "codes": list(p.codes),
        "reason": p.reason,
        "score": p.score,
        "source": {"cable": p.source.cable_id, "region": p.source.key, "label": p.source.label},
        "decision": d.action.value if d is not None else "redact",
        "differs": [list(x) for x in p.differs],
    }


def conflict_dict(c: Conflict) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "key": c.key,
        "summary": c.summary,
        "open": c.open,
        "places": [
            {"cable": p.cable_id, "region": p.key, "label": p.label, "decided": how}
            for p, how in c.places
        ],
        "accepted": None
        if c.accepted is None
        else {
            "by": c.accepted.reviewer,
            "at": c.accepted.at,
            "comment": c.accepted.data.get("comment", ""),
        },
    }
