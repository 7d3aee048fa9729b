"""The ``contact`` source: phone and fax numbers, e-mail and street addresses, document and
account numbers.

Phone numbers are found by shape and confirmed with Google's libphonenumber metadata (the
``phonenumbers`` package), which knows every country's numbering plan: a run of digits is
proposed only when it is a possible number read as written (with its ``+``), as an
international number whose ``+`` was left out (``(56-2) 330-3394``), or as a US number.
Identity, passport, visa and account numbers are found after the words that introduce
them; cables write them as ``Colombian Passport: PO47719`` or ``Cedula Number: 4406725``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import phonenumbers

from workbench.cable.model import Cable
from workbench.suggest.codes import PRIVACY
from workbench.suggest.model import CONTACT, SuggestContext, Suggestion

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)

# Digits in groups with separators, optionally a (+)country code, (area) code and extension.
PHONE_RE = re.compile(
    r"(?<![\w/.:-])"
    r"(?:\+\s?\d{1,3}[\s.-]?)?"
    r"(?:\(\+?\d{1,4}(?:[\s-]\d{1,4}){0,3}\)[\s.-]?)?"
    r"\d{1,4}(?:(?:-[ \t]|[\s.-])\d{2,8}){1,4}"
    r"(?:\s*,?\s*(?:ext|x|extension)\.?\s*\d{1,6})?"
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
_PAREN_PHONE_RE = re.compile(r"^\(\d{2,5}\)[ \t]?\d{3,4}[-. \t]\d{4}$")

# A document or account number after the words that introduce it.
_ID_WORDS = (
    r"(?P<what>passport|pass?port|ppt|c[ée]dula|national\s+id|identity\s+card|id\s+card|"
    r"identification|identity|social\s+security|ssn|visa(?:\s+foil)?|a-number|alien|"
    r"account|acct|a/c|iban|card|dni|curp|license\s+plate)"
)
ID_RE = re.compile(
    _ID_WORDS
    + r"(?:\s+(?:de\s+identidad|of\s+identity|d'identit[ée]))?"
    + r"(?:\s+(?:no\.?|nos\.?|number|num\.?|#))?\s*(?:is\s+)?[:#]?\s*"
    + r"(?P<num>(?=[A-Z0-9-]*\d)[A-Z]{0,3}-?\d[\dA-Z-]{4,24}\d?)(?![\w])",
    re.I,
)

_SP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # spaces, or one line break
_STREET = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|place|pl|court|ct|"
    r"square|sq|highway|hwy|parkway|pkwy|terrace|circle"
)
# What may follow a street: a quadrant (NW), then after a comma a postcode and city
# ("10117 Berlin"), a city and state ZIP ("Washington, DC 20500") or a UK postcode
# ("London W1K 6AH"). Case-sensitive, so prose after the address is not swallowed.
_TAIL = (
    r"(?-i:(?:[ \t]+(?:NW|NE|SW|SE))?"
    # The city after the comma is no cue of the next detail ("Av. Colombia 4300, Cellphone:").
    r"(?:[ \t]*,[ \t]*\n?[ \t]*(?:\d{4,5}[ \t]+)?"
    r"(?!(?i:telephone|phone|fax|cell|cellphone|cellular|mobile|e-?mail|office|tel(?![ \t]+aviv))\b)"
    r"[A-Z][A-Za-z.'-]+(?:[ \t][A-Z][A-Za-z.'-]+){0,2}"
    r"(?:,?[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?|[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})?)?)"
)
ADDRESS_RE = re.compile(
    # 5926 Miller Lane[, Christiana, TN 37037]
    # The house number is no year ("the 2004 Supreme Court decision"), no part of a time
    # or a code (12:00, NAMRU-3), and the street's words cross no blank line.
    rf"(?<![\w:/-])(?!(?:19|20)\d\d\b)\d{{1,6}}(?:/\d{{1,6}})?[A-Z]?(?:-[A-Z0-9]+)?{_SP}"
    rf"(?-i:(?:[A-Z][A-Za-z'.-]*{_SP}){{1,4}})(?:{_STREET})\b\.?"
    r"(?:[ \t]*,?[ \t]*\n?[ \t]*[A-Z][A-Za-z .'-]{1,30},?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?|"
    + _TAIL
    + r")"
    # Avenida Constituyentes 270-A[ ... CP 11830]
    r"|\b(?:Avenida|Av\.|Calle|Carrera|Rua|Rue|(?-i:Via|Viale)|Strasse|Straße|Boulevard|Jalan|"
    r"Sokak|Caddesi|Ulitsa)\s+(?-i:(?:[A-Z][\w'.-]*\s+){1,4})(?:No\.?\s*)?\d{1,5}(?:[-/]?[A-Z0-9]+)?"
    + _TAIL
    + r"(?:[ \t]*,?[ \t]*\n?[ \t]*(?:Colonia|Col\.|Barrio|Zona)[^\n]{1,60})?"
    r"(?:[ \t]*,?[ \t]*\n?[ \t]*(?:CP|C\.P\.|Postal\s+Code)\s*\d{4,6}[^\n,]{0,20})?"
    # Unter den Linden 76, 10117 Berlin: a street and number, then a postcode and city.
    r"|(?-i:(?:[A-Z][\w'.-]+[ \t]+(?:(?:de|del|la|den|der|van|von|di|du)[ \t]+)*){1,4}"
    r"\d{1,5}[A-Za-z]?(?:/[A-Z0-9]+)?[ \t]*,[ \t]*(?!(?:19|20)\d\d\b)\d{4,5}[ \t]+[A-Z][a-zA-Z]+)"
    r"|\bP\.?\s?O\.?\s+Box\s+\d{1,7}\b",
    re.I,
)


# An address written as a block of lines, as consulates list hospitals and offices: a street
# line ("Campos Eliseos 9371", "Paseo de la Victoria #3650") followed by district, city or
# postcode lines ("Fracc. Campos Eliseos", "Col. Margaritas", "Cd. Juarez", "C.P. 32543").
# A street line alone is too like any other line to propose.
_STREET_LINE_RE = re.compile(
    r"^[ \t]*[A-Z][\w'.-]*[ \t]+(?:(?:de|del|la|las|los|da|do)[ \t]+)?"
    r"(?:(?:[A-Z][\w'.-]*|\d{1,3}[A-Za-z]{1,3}\.?)[ \t]+(?:(?:de|del|la|las|los|da|do)[ \t]+)?){0,4}"
    r"(?:No\.?[ \t]*|#[ \t]*)?\d{1,5}[A-Za-z]?(?:-[A-Z0-9]+)?(?:[ \t]+[A-Z][a-z]+)?[ \t,]*$"
)
_CONTINUATION_RE = re.compile(
    r"^[ \t]*(?:(?:Col\.|Colonia|Fracc\.|Fraccionamiento|Barrio|Zona|Sector|Urb\.|Cd\.|"
    r"Ciudad|Apdo\.?|Apartado)[ \t][^\n]{1,60}|(?:C\.P\.|CP|Postal[ \t]+Code)[ \t]*\d{4,6}"
    r"[^\n]{0,30}|[A-Z][\w .'-]{1,30},[ \t]*[A-Z][\w .'-]{1,30}(?:[ \t]+(?:C\.P\.|CP)?"
    r"[ \t]*\d{4,6}(?:-\d{4})?)?"
    r"|[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3}[ \t]+(?=[A-Z0-9-]*\d{3})[A-Z0-9-]{4,10}"
    r"(?:[ \t]+[A-Z][a-z]+)?)[ \t,.]*$"
)


def find_address_blocks(text: str, lo: int = 0) -> Iterator[tuple[int, int]]:
    lines = []
    pos = lo
    for raw in text[lo:].split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    i = 0
    while i < len(lines):
        start, raw = lines[i]
        if _STREET_LINE_RE.match(raw) and any(c.isdigit() for c in raw):
            j = i + 1
            while j < len(lines) and j - i <= 3 and _CONTINUATION_RE.match(lines[j][1]):
                j += 1
            if j > i + 1:
                a = start + len(raw) - len(raw.lstrip())
                last_start, last = lines[j - 1]
                yield a, last_start + len(last.rstrip(" \t,."))
                i = j
                continue
        i += 1


_MONTH_BEFORE_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+$", re.I
)


# A local number (no area code) counts right after a word that introduces a number.
_LOCAL_CUE_RE = re.compile(
    r"\b(?:tel|telephone|phone|fax|tel/fax|mobile|cell|cellphone|cell[ \t]phone|ivg|number is|"
    r"ext|(?:office|home|direct|work)(?=[ \t]*:))\b\.?[ \t:#-]*(?:\n[ \t]*)?$",
    re.I,
)
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
    for m in PHONE_RE.finditer(text, lo):
        raw = m.group()
        before = text[max(0, m.start() - 40) : m.start()]
        cue = PHONE_CUE_RE.search(before) is not None
        shaped = bool(re.search(r"^\+|^\(|\)\s?\d|\d{3}[-.]\d{3,4}[-.]\d{4}|ext", raw))
        local = _LOCAL_CUE_RE.search(before[-25:]) is not None
        if _PAREN_PHONE_RE.match(raw.strip()):
            local = True
        digits = sum(c.isdigit() for c in _IDD_RE.sub("", raw.strip()))
        if local and 7 <= digits <= 15:
            pass  # "Tel/Fax: 221-1189", "IVG 549-2515": numbers a cue introduces
        elif not (cue or shaped) or not _phone_ok(raw):
            continue
        kind = "fax" if FAX_RE.search(before) else "phone"
        yield m.start(), m.end(), kind


class ContactSource:
    name = "contacts"
    kinds = (CONTACT,)

    def suggest(self, cable: Cable, context: SuggestContext) -> Iterable[Suggestion]:
        text = cable.text
        lo = _body_start(cable)
        codes = context.codes(PRIVACY)
        taken: list[tuple[int, int]] = []

        def emit(a: int, b: int, detail: str, reason: str, score: float) -> Iterator[Suggestion]:
            if any(x < b and a < y for x, y in taken):
                return
            taken.append((a, b))
            yield Suggestion(a, b, text[a:b], CONTACT, codes, reason, score, detail)

        for m in EMAIL_RE.finditer(text):
            yield from emit(m.start(), m.end(), "email", "e-mail address", 0.95)
        for m in ID_RE.finditer(text, lo):
            what = m.group("what").lower()
            detail = _id_detail(what)
            yield from emit(m.start("num"), m.end("num"), detail, f"{detail} number", 0.85)
        for a, b in find_address_blocks(text, lo):
            yield from emit(a, b, "address", "street or postal address", 0.75)
        for m in ADDRESS_RE.finditer(text, lo):
            if _MONTH_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "on September 28 Egyptian Appeals Court": a date, not a number
            end = m.end()
            while end > m.start() and text[end - 1] in " \t\n,.":
                end -= 1
            yield from emit(m.start(), end, "address", "street or postal address", 0.8)
        for a, b, kind in find_phones(text, lo):
            yield from emit(a, b, kind, f"{kind} number", 0.85)


def _id_detail(what: str) -> str:
    if what.startswith(("pas", "ppt")):
        return "passport"
    if what.startswith("visa"):
        return "visa"
    if what.startswith(("acc", "a/c", "iban", "card")):
        return "account"
    return "id"


def _body_start(cable: Cable) -> int:
    from workbench.suggest.person_source import body_start

    return body_start(cable)
