"""Declassification rules: when a cable is due, on what basis, and what is wrong with its
markings.  Qt-free; the GUI and ``workbench check`` share it.

    from workbench.declass import assess
    a = assess(read_cable(path), as_of=date(2026, 1, 1))
    a.due, a.basis, a.status, a.findings
"""

from workbench.declass.codes import CODES, GROUPS
from workbench.declass.engine import assess
from workbench.declass.model import BASES, BASIS_WORDS, SEVERITIES, STATUSES, Assessment, Finding
from workbench.declass.serialize import assessment_to_dict, finding_to_dict

__all__ = [
    "BASES",
    "BASIS_WORDS",
    "CODES",
    "GROUPS",
    "SEVERITIES",
    "STATUSES",
    "Assessment",
    "Finding",
    "assess",
    "assessment_to_dict",
    "finding_to_dict",
]
