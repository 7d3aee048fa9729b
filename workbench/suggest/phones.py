"""Phone and fax numbers by shape, confirmed with Google's libphonenumber metadata.

The ``phonenumbers`` package knows every country's numbering plan: a run of digits is
proposed only when it is a possible number read as written (with its ``+``), as an
international number whose ``+`` was left out (``(56-2) 330-3394``), or as a US number; a
number a word introduces ("Tel/Fax: 221-1189") or one of a list after such a number counts
by its length alone. Used by ``contact.ContactSource``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

# Digits in groups with separators, optionally a (+)country code, (area) code and extension.
PHONE_RE = re.compile(
    r"(?<![\w/.:-])"
    r"(?:\+\s?\d{1,3}[\s.-]?)?"
    # the area code in parentheses, or with only its closing one ("Tel: 506) 243-2372")
    r"(?:(?:\(\+?\d{1,4}(?:[\s-]\d{1,4}){0,3}|\d{3})\)[\s.-]?)?"
    r"\d{1,4}(?:[\s.-]\d(?=[\s.-]\d{3}))?(?:(?:-[ \t]|[\s.-])\d{2,8}){1,4}"
    r"(?:\s*,?\s*(?:ext|x|extension)\.?\s*\d{1,6})?"
    # other last digits of the same line: "243-2006/07", "243-2372/2373"
    r"(?:/\d{2,4}(?=[^\w/]|$))?"
    r"(?![\w/-]|\.\d)"
)
PHONE_CUE_RE = re.compile(
    r"\b(?:tel|telephone|phone|ph|fax|telefax|facsimile|mobile|cell|cellular|ext|call|contact|poc|"
    r"number|reached at|dial|hotline|switchboard|office|home|direct)\b[^\n]{0,25}$",
    re.I,
)
FAX_RE = re.compile(r"\b(?:tele)?fax\b[^\n]{0,25}$|\bfacsimile\b[^\n]{0,25}$", re.I)
# An area code in parentheses before two groups: a phone number by its shape alone, even where
# the numbering plan libphonenumber knows has moved on ("(011) 4345-6789").
_PAREN_PHONE_RE = re.compile(r"^\(?\d{2,5}\)[ \t]?\d{3,4}[-. \t]\d{4}$")
# The other last digits of a number ("/07" in "243-2006/07"): not part of its length.
_ALTERNATE_END_RE = re.compile(r"/\d{2,4}$")

# A local number (no area code) counts right after a word that introduces a number.
_LOCAL_CUE_RE = re.compile(
    r"\b(?:tel|telephone|phone|fax|tel/fax|mobile|cell|cellphone|cell[ \t]phone|ivg|number is|"
    r"ext|mob|(?:office|home|direct|work)(?=[ \t]*:))\b\.?"
    # "fax no. 020 7499 9001", "his cell phone is 0722 123 456"
    r"(?:[ \t]+(?:no|nr|num|phone)\b\.?)?(?:[ \t]+is)?[ \t:#-]*(?:\n[ \t]*)?$"
    # "telephone numbers 555-1234", "contact numbers: 0244-123456"
    r"|\b(?:tel|telephone|phone|fax|mobile|cell|contact)[ \t]+numbers?(?:[ \t]+(?:is|are))?[ \t:#-]*$",
    re.I,
)
# Between two numbers of one list: "0244-123456, 0208-765432", "555-1234 and 555-5678".
_LIST_GAP_RE = re.compile(r"[ \t]*(?:,|;|/|and|or|,[ \t]*and)[ \t]*(?:\n[ \t]*)?", re.I)
# The international call prefixes of the US (011) and most other countries (00): not part
# of the number's own length.
_IDD_RE = re.compile(r"^\(?(?:011|00)[\s-]?")


def _phone_ok(raw: str) -> bool:
    digits = re.sub(r"\D", "", raw.split("ext")[0].split("x")[0])
    if not 7 <= len(digits) <= 15:
        return False
    readings: list[tuple[str, str | None]] = []
    if raw.lstrip().startswith("+"):
        readings.append((raw, None))
    else:
        readings.append(("+" + digits, None))  # an international number without its "+"
        readings.append((raw, "US"))
    for number, region in readings:
        try:
            n = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(n):
            return True
    return False


_BARE_AFTER_CUE_RE = re.compile(
    r"\b(?:tel|telephone|phone|fax|mobile|cell|ivg|number is)\b\.?[ \t:#-]*(\d{7,12})\b", re.I
)


def find_phones(text: str, lo: int = 0) -> Iterator[tuple[int, int, str]]:
    for m in _BARE_AFTER_CUE_RE.finditer(text, lo):
        yield m.start(1), m.end(1), "phone"  # "the IVG number is 4950000"
    last_end, last_kind = -1, "phone"
    for m in PHONE_RE.finditer(text, lo):
        raw = _ALTERNATE_END_RE.sub("", m.group())
        before = text[max(0, m.start() - 40) : m.start()]
        cue = PHONE_CUE_RE.search(before) is not None
        shaped = bool(re.search(r"^\+|^\(|\)\s?\d|\d{3}[-.]\d{3,4}[-.]\d{4}|ext", raw))
        local = _LOCAL_CUE_RE.search(before[-25:]) is not None
        if _PAREN_PHONE_RE.match(raw.strip()):
            local = True
        listed = last_end >= 0 and _LIST_GAP_RE.fullmatch(text, last_end, m.start()) is not None
        digits = sum(c.isdigit() for c in _IDD_RE.sub("", raw.strip()))
        if (local or listed) and 7 <= digits <= 15:
            pass  # "Tel/Fax: 221-1189", "IVG 549-2515", the next of a list: a cue introduces them
        elif not (cue or shaped) or not _phone_ok(raw):
            continue
        kind = last_kind if listed else "fax" if FAX_RE.search(before) else "phone"
        last_end, last_kind = m.end(), kind
        yield m.start(), m.end(), kind
