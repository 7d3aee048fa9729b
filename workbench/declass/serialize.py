"""The JSON form of an assessment, as ``workbench check`` writes it."""

from __future__ import annotations

from typing import Any

from workbench.cable.model import Cable, Downgrade
from workbench.cable.serialize import classification_dict, decl_dict
from workbench.declass.model import Assessment, Finding


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity,
        "message": f.message,
        "start": f.start,
        "end": f.end,
    }


def downgrade_to_dict(d: Downgrade | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "level": d.level,
        "date": d.date.isoformat() if d.date else None,
        "text": d.text,
        "start": d.start,
        "end": d.end,
    }


def assessment_to_dict(assessment: Assessment, cable: Cable | None = None) -> dict[str, Any]:
    """JSON-ready assessment; with ``cable``, led by the cable's path, id, classification and
    DECL (the same dicts ``workbench parse`` prints)."""
    head: dict[str, Any] = {}
    if cable is not None:
        head = {
            "path": cable.path,
            "id": cable.id,
            "classification": classification_dict(cable),
            "decl": decl_dict(cable),
        }
    return {
        **head,
        "origin": assessment.origin.isoformat() if assessment.origin else None,
        "as_of": assessment.as_of.isoformat(),
        "due": assessment.due.isoformat() if assessment.due else None,
        "basis": assessment.basis,
        "status": assessment.status,
        "findings": [finding_to_dict(f) for f in assessment.findings],
        # Added by issue 13 (fields are only ever added): the order whose rules applied, and
        # the downgrading instruction, never a due date.
        "order": assessment.order,
        "downgrade": downgrade_to_dict(assessment.downgrade),
    }
