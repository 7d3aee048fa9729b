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
    # a trunk prefix before the area code in parentheses: "8 (495) 244-1606"
    r"(?:(?<![\d(])[08][ \t]?(?=\(\d{2,5}\)))?"
    # the area code in parentheses, or with only its closing one ("Tel: 506) 243-2372")
    # (and the line may break after it: "Telephone number: (506)" / "519-2256")
    r"(?:(?:\(\+?\d{1,4}(?:[\s-]\d{1,4}){0,3}|\d{3})\)(?:[ \t]*\n[ \t]*|[\s.-])?)?"
    # the trunk 0 a country code in parentheses keeps: "(44)(0)20 7499 9000"
    r"(?:(?<=[)\s])\(0\)[ \t]?)?"
    # a national first group of five or six digits keeps its 0: "07911 123 456", "098100 12345"
    r"(?:0\d{4,5}|\d{1,4})(?:[\s.-]\d(?=[\s.-]\d{3}))?(?:(?:-[ \t]|[\s.-])\d{2,8}){1,4}"
    r"(?:\s*,?\s*(?:ext|x|extension)\.?\s*\d{1,6})?"
    # other last digits of the same line: "243-2006/07", "243-2372/2373"
    r"(?:/\d{2,4}(?=[^\w/]|$))?"
    # a German switchboard's "-0": "030 18400-0"
    r"(?:-0(?!\d))?"
    r"(?![\w/-]|\.\d)"
)
PHONE_CUE_RE = re.compile(
    r"\b(?:tel|telephone|phone|ph|fax|telefax|facsimile|mobile|cell|cellular|ext|call|contact|poc|"
    r"number|reached at|dial|hotline|switchboard|office|home|direct|answers?|reach(?:ed)?)\b"
    r"[^\n]{0,25}$",
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
    r"ext|mob|(?:office|home|direct|work)(?=[ \t]*:))\b\.?(?:[ \t]*,)?"
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


def _phone_ok(raw: str, regions: tuple[str, ...] = ()) -> bool:
    raw = _TRUNK_IN_PARENS_RE.sub(" ", raw)
    digits = re.sub(r"\D", "", raw.split("ext")[0].split("x")[0])
    if not 7 <= len(digits) <= 15:
        return False
    readings: list[tuple[str, str | None]] = []
    if raw.lstrip().startswith("+"):
        readings.append((raw, None))
    else:
        readings.append(("+" + digits, None))  # an international number without its "+"
        readings.append((raw, "US"))
        readings += [(raw, r) for r in regions if r != "US"]
    for number, region in readings:
        for form in current_forms(number, region):
            try:
                n = phonenumbers.parse(form, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(n):
                return True
    return False


# "(0)" after a country code: the trunk prefix dialled at home, not dialled from abroad.
_TRUNK_IN_PARENS_RE = re.compile(r"\(0\)")
# Mexico's plan of 3 August 2019 (IFT, "marcacion a 10 digitos") dropped the long-distance
# prefixes 01, 044 and 045 and the mobile "1" after +52; libphonenumber's metadata follows
# the new plan, cables the old one.
_MX_OLD_NATIONAL_RE = re.compile(r"^\D*(?:01|044|045)\D*(?=\d{10}\D*$)")
_MX_OLD_MOBILE_RE = re.compile(r"^\+?\D*52\D*1\D*(?=(?:\d\D*){10}$)")


def current_forms(number: str, region: str | None) -> list[str]:
    """``number`` as written, and as today's plan writes it where that plan has changed."""
    forms = [number]
    digits = re.sub(r"\D", "", number)
    if region == "MX" and _MX_OLD_NATIONAL_RE.match(number):
        forms.append(digits[2:] if digits.startswith("01") else digits[3:])
    if region is None and digits.startswith("521") and len(digits) == 13:
        forms.append("+52" + digits[3:])
    return forms


def national_ok(raw: str, regions: tuple[str, ...]) -> bool:
    """A number written as the post's country dials it at home: with a trunk prefix (or a
    leading 0, as Italy's numbers keep) or an area code in parentheses, and valid in that
    country's plan. Such a number needs no cue word ("hotline on 0800 789 321")."""
    stripped = raw.lstrip()
    for region in regions:
        if region == "US":
            continue  # the US forms are read as such by the other readings
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        trunk = (meta.national_prefix if meta else None) or "0"
        if not stripped.startswith(("0", trunk, "(")) or stripped.startswith("00"):
            continue
        for form in current_forms(raw, region):
            try:
                n = phonenumbers.parse(form, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number_for_region(n, region):
                return True
    return False


_BARE_AFTER_CUE_RE = re.compile(
    r"\b(?:tel|telephone|phone|fax|mobile|cell|ivg|number is)\b\.?[ \t:#-]*(\d{7,12})\b", re.I
)


# The numbers of a cable's own apparatus and of documents, which a post's numbering may
# happen to allow: a telegram's page line ("ROME 01196 01 OF 02"), a document's number.
_OWN_NUMBER_AFTER_RE = re.compile(r"[ \t]+OF[ \t]+\d{1,3}\b")
_OWN_NUMBER_BEFORE_RE = re.compile(
    r"\b(?:decree|case|bill|law|resolution|licen[cs]e|vetting|order|file|reference|ref|project|"
    r"docket|report|invoice|serial|registration|flight|permit|DDTC|contract|note|circular|"
    r"article|page|item|tracking)[ \t]+(?:number|no\.?|nr\.?|#)[ \t:#]*$",
    re.I,
)
_YEAR_FIRST_RE = re.compile(r"^(?:19|20)\d\d-\d")


def find_phones(
    text: str, lo: int = 0, regions: tuple[str, ...] = ()
) -> Iterator[tuple[int, int, str]]:
    """Phone and fax numbers after ``lo``; ``regions`` are the countries whose national
    forms count (``post_region.cable_regions``: the post's first)."""
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
        if _OWN_NUMBER_AFTER_RE.match(text, m.end()) or _OWN_NUMBER_BEFORE_RE.search(before):
            continue  # "PAGE 02 ROME 01196 01 OF 02", "decree number 2007-1976"
        if (local or listed) and 7 <= digits <= 15:
            pass  # "Tel/Fax: 221-1189", "IVG 549-2515", the next of a list: a cue introduces them
        elif _YEAR_FIRST_RE.match(raw):
            continue  # "2008-1134": a year and a serial, unless a "Tel:" says otherwise
        elif national_ok(raw, regions):
            pass  # "020 7008 1500" in a London cable
        elif not (cue or shaped) or not _phone_ok(raw, regions):
            continue
        kind = last_kind if listed else "fax" if FAX_RE.search(before) else "phone"
        last_end, last_kind = m.end(), kind
        yield m.start(), m.end(), kind
