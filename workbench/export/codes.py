"""Exemption codes as a release prints them: the stamp form and a description for the index.

Descriptions follow declassification.md section 6 (5 U.S.C. 552(b); E.O. 13526 sections 1.4,
3.3(b) and 3.3(h); NARA redaction codes). A code outside these is refused at export, unless the
review's own code sets (``workbench.review.codes``, when present) know it.
"""

from __future__ import annotations

import re

from workbench.review.model import PENDING_CODE

_FOIA = {
    "1": "classified under an Executive order (national defense or foreign policy)",
    "2": "internal personnel rules and practices of an agency",
    "3": "exempted from disclosure by statute",
    "4": "trade secrets and confidential commercial or financial information",
    "5": "privileged inter-agency or intra-agency memoranda",
    "6": "personnel, medical and similar files: personal privacy",
    "7": "records compiled for law enforcement purposes",
    "8": "reports about the supervision of financial institutions",
    "9": "geological and geophysical information about wells",
}
_FOIA_7 = {
    "a": "law enforcement: could interfere with enforcement proceedings",
    "b": "law enforcement: would deprive a person of a fair trial",
    "c": "law enforcement: unwarranted invasion of personal privacy",
    "d": "law enforcement: could disclose a confidential source",
    "e": "law enforcement: would disclose techniques and procedures",
    "f": "law enforcement: could endanger life or physical safety",
}
# E.O. 13526 section 1.4 (1.5 in E.O. 12958 before the 2003 amendment: the same (a)-(g)).
_EO_14 = {
    "a": "military plans, weapons systems, or operations",
    "b": "foreign government information",
    "c": "intelligence activities, sources or methods, or cryptology",
    "d": "foreign relations or foreign activities of the United States, including confidential sources",
    "e": "scientific, technological, or economic matters relating to the national security",
    "f": "programs for safeguarding nuclear materials or facilities",
    "g": "vulnerabilities or capabilities of systems, installations, infrastructures, projects, plans, or protection services",
    "h": "weapons of mass destruction",
}
_25X = {
    "1": "25X1: would reveal a human source or intelligence methods",
    "2": "25X2: would assist in developing weapons of mass destruction",
    "3": "25X3: would impair U.S. cryptologic systems or activities",
    "4": "25X4: would impair weapons technology in use",
    "5": "25X5: would reveal war plans still in effect",
    "6": "25X6: would cause serious harm to foreign relations",
    "7": "25X7: would impair protection of the President and other officials",
    "8": "25X8: would impair emergency preparedness plans or reveal infrastructure vulnerabilities",
    "9": "25X9: would violate a statute, treaty, or international agreement",
}
_50X = {
    "50X1-HUM": "50X1-HUM: would reveal a confidential human source or human intelligence source",
    "50X2-WMD": "50X2-WMD: would reveal key design concepts of weapons of mass destruction",
}

_B = re.compile(r"^\(b\)\((\d)\)(?:\(([a-f])\))?$|^b(\d)(?:\(([a-f])\))?$", re.I)
_EO = re.compile(r"^(1\.[45])\s*\(([a-h])\)$", re.I)
_X25 = re.compile(r"^25X([1-9])$", re.I)


def describe(code: str) -> str | None:
    """What ``code`` means, or None for a code this module does not know."""
    c = code.strip()
    if c == PENDING_CODE:
        return "not yet reviewed: withheld until a reviewer decides"
    if m := _B.match(c):
        n = m.group(1) or m.group(3)
        sub = (m.group(2) or m.group(4) or "").lower()
        if n not in _FOIA:
            return None
        if sub:
            return _FOIA_7.get(sub) if n == "7" else None
        return f"FOIA exemption {n}: {_FOIA[n]}"
    if m := _EO.match(c):
        section, letter = m.group(1), m.group(2).lower()
        if section == "1.5" and letter == "h":
            return None
        return f"E.O. section {section}({letter}): {_EO_14[letter]}"
    if m := _X25.match(c):
        return _25X[m.group(1)]
    return _50X.get(c.upper())


def _review_code_sets_know(code: str) -> str | None:
    """Ask the review's code sets (custom codes a team imported), when that module exists."""
    try:
        from workbench.review import codes  # type: ignore[attr-defined]
    except ImportError:
        return None
    look = getattr(codes, "describe", None)
    if look is None:
        return None
    try:
        result = look(code)
    except Exception:
        return None
    return result if isinstance(result, str) and result else None


def description(code: str) -> str | None:
    return describe(code) or _review_code_sets_know(code)


def stamp_form(code: str) -> str:
    """How a State release stamp writes a code: ``(b)(1)`` -> ``B1``, ``1.4(d)`` -> ``1.4(D)``."""
    c = code.strip()
    if m := _B.match(c):
        n = m.group(1) or m.group(3)
        sub = m.group(2) or m.group(4)
        return f"B{n}" + (f"({sub.upper()})" if sub else "")
    if m := _EO.match(c):
        return f"{m.group(1)}({m.group(2).upper()})"
    return c.upper()


def label(codes: tuple[str, ...]) -> str:
    """The text on a redaction box, as the reviewer wrote the codes: ``(b)(1) 1.4(d)``."""
    return " ".join(codes)
