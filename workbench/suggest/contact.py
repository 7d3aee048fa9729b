"""The ``contact`` source: phone and fax numbers, e-mail and street addresses, document and
account numbers.

Phone numbers are found by shape and confirmed by their numbering plan (``phones``); the
forms written out or dialled from abroad are ``contact_forms``'.
Identity, passport, visa and account numbers are found after the words that introduce
them; cables write them as ``Colombian Passport: PO47719`` or ``Cedula Number: 4406725``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from workbench.cable.model import Cable
from workbench.suggest import address_extent, contact_forms
from workbench.suggest.codes import PRIVACY
from workbench.suggest.model import CONTACT, SuggestContext, Suggestion
from workbench.suggest.phones import FAX_RE, find_phones
from workbench.suggest.post_region import cable_regions

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)

# A document or account number after the words that introduce it.
_ID_WORDS = (
    r"(?P<what>passport|pass?port|ppt|c[ée]dula(?:\s+jur[ií]dica)?|c[ée]d\.(?:\s*jur\.)?|"
    r"national\s+id|identity\s+card|id\s+card|"
    r"identification|identity|social\s+security|ssn|visa(?:\s+foil)?|a-number|alien|"
    r"residence\s+permit|resident\s+card|green\s+card|work\s+permit|driver'?s\s+licen[cs]e|"
    r"account|acct|a/c|iban|card|dni|curp|license\s+plate"
    # "Iraqi ID 00123456", "voter ID no. 1234567": ID after a word, in capitals; never the
    # "id: 145766" of an archive's own record line.
    r"|(?<=[A-Za-z][ \t])(?-i:ID))"
)
IBAN_RE = re.compile(
    r"\bIBAN[ \t:#]*(?P<num>[A-Z]{2}\d{2}(?:[ \t]?[A-Z0-9]{4}){2,7}(?:[ \t]?[A-Z0-9]{1,3})?)\b"
)
ID_RE = re.compile(
    _ID_WORDS
    + r"(?:\s+(?:de\s+identidad|of\s+identity|d'identit[ée]))?"
    + r"(?:\s+(?:no\.?|nos\.?|numbers?|num\.?|#))?\s*(?:is\s+|are\s+)?[:#]?\s*"
    # the number, also in groups of digits that single spaces part ("3 101-123456")
    + r"(?P<num>(?=(?:\d[ -]?){7})\d{1,4}(?:[ ]\d{2,6})+(?:-\d{2,6})?(?=[^\w-]|$)"
    + r"|(?=[A-Z0-9-]*\d)[A-Z]{0,3}-?\d[\dA-Z-]{4,24}\d?)(?![\w])",
    re.I,
)

_SP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # spaces, or one line break
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_STREET = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|place|pl|court|ct|"
    r"square|sq|highway|hwy|parkway|pkwy|terrace|circle"
)
# What may follow a street: a quadrant (NW), then after a comma a postcode and city
# ("10117 Berlin"), a city and state ZIP ("Washington, DC 20500") or a UK postcode
# ("London W1K 6AH"). Case-sensitive, so prose after the address is not swallowed.
_TAIL = (
    r"(?-i:(?:[ \t]+(?:NW|NE|SW|SE))?"
    r"(?:[ \t]*,[ \t]*(?:District|Ward|Sector|Zone|Block|Area|Floor)[ \t]+\d{1,3}[A-Z]?)?"
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
    rf"(?<![\w:/-])(?<!the )(?<!The )(?<!THE )(?!(?:19|20)\d\d\b)\d{{1,6}}(?:/\d{{1,6}})?[A-Z]?"
    rf"(?:-[A-Z0-9]+)?{_SP}(?!{_MONTHS}\b)"
    rf"(?-i:(?:[A-Z][A-Za-z'.-]*{_SP}){{1,4}})(?:{_STREET})\b\.?"
    r"(?:(?-i:[ \t]+(?:NW|NE|SW|SE))?[ \t]*,?[ \t]*\n?[ \t]*[A-Z][A-Za-z .'-]{1,30},?\s+[A-Z]{2}\s+"
    r"\d{5}(?:-\d{4})?|" + _TAIL + r")"
    # Avenida Constituyentes 270-A[ ... CP 11830]
    r"|\b(?:Avenida|Av\.|Calle|Carrera|Rua|Rue|(?-i:Via|Viale)|Strasse|Straße|Boulevard|Jalan|"
    r"Sokak|Caddesi|Ulitsa|Paseo|Alameda|Rambla|Rodovia|Estrada|Travessa|Pra[çc]a)\s+"
    r"(?!(?:Calle|Carrera)\s+\d)"
    r"(?-i:(?:(?:de|del|la|las|los|da|das|do|dos)\s+)*"
    r"(?:[A-Z][\w'.-]*\s+(?:(?:de|del|la|las|los|da|das|do|dos)\s+)?){0,3}[A-Z][\w'.-]*)"
    # the number, or "s/n" (sin numero, sem numero: a road with no house numbers)
    r",?\s+(?:(?:No\.?\s*)?\d{1,5}|s/n\b)"
    r"(?:[-/]?[A-Z0-9]+)?"
    + _TAIL
    + r"(?:[ \t]*,?[ \t]*\n?[ \t]*(?:Colonia|Col\.|Barrio|Zona)[^\n]{1,60})?"
    r"(?:[ \t]*,?[ \t]*\n?[ \t]*(?:CP|C\.P\.|Postal\s+Code)\s*\d{4,6}[^\n,]{0,20})?"
    # Unter den Linden 76, 10117 Berlin: a street and number, then a postcode and city.
    # From a word's start only: from every letter of a long run of capitals (a pasted key,
    # base64) the words were tried again, quadratic: 20,000 letters took 3 s.
    r"|(?-i:(?<![\w'.-])"
    r"(?!(?:Suite|Room|Floor|Apt|Apartment|Unit|Box|Building|Bldg|No|House|Villa|Office)\b)"
    r"(?:[A-Z][\w'.-]+[ \t]+(?:(?:de|del|la|den|der|van|von|di|du)[ \t]+)*){1,4}"
    r"\d{1,5}[A-Za-z]?(?:/[A-Z0-9]+)?[ \t]*,[ \t]*(?:\n[ \t]*)?(?!(?:19|20)\d\d\b)\d{4,5}[ \t]+"
    r"[A-Z][a-zA-Z]+)"
    # Post-office boxes, in English, Spanish and Portuguese.
     + r"|\b(?:P\.?\s?O\.?\s+Box|Apartado(?:\s+(?:Postal|A[ée]reo))?|Apdo\.?(?:\s+Postal)?|"
    # francophone Africa's boite postale (B.P. 49), Swiss and German post-office boxes
    r"(?-i:B\.P\.)|Bo[iî]te\s+Postale|Case\s+Postale|Postfach|Postbus|"
    r"Casilla(?:\s+de\s+Correos?)?|Caixa\s+Postal)\s+(?:No\.?\s*)?\d{1,7}(?:-[A-Z0-9]{1,5})?\b",
    re.I,
)


# Street forms of other countries, each with the words that must occur (lower case) before its
# pattern is tried at all: tried at every position, four more alternatives in ADDRESS_RE
# doubled the time of the contact source (2.9 -> 5.0 ms a cable).
def _form(words: tuple[str, ...], pattern: str) -> tuple[tuple[str, ...], re.Pattern[str]]:
    return words, re.compile(pattern, re.I)


MORE_ADDRESS_FORMS = (
    # Numbered streets (Colombia, Ecuador): Calle 93 No. 11-38, Av. Calle 26 No. 59-51,
    # Carrera 7 # 71-21, Avenida 6 de Diciembre N24-253.
    _form(
        ("calle", "carrera", "cra.", "kra.", "diagonal", "transversal", "avenida", "av."),
        r"\b(?:(?:Av\.|Avenida)[ \t]+)?(?:Calle|Carrera|Cra\.|Kra\.|Diagonal|Transversal|Avenida|"
        r"Av\.)[ \t]+\d{1,3}[A-Z]?(?:[ \t]+(?:Bis|Sur|de[ \t]+[A-Z][a-z]+))?[ \t]*"
        r"(?:No\.?|N[°º.]|#|N)[ \t]*\d{1,3}[A-Z]?[ \t]*-[ \t]*\d{1,3}[A-Z]?" + _TAIL,
    ),
    # House No. 12, Street 5, F-7/2, Islamabad; Building 14, Road 2806, Block 428, Manama.
    _form(
        ("house", "villa", "building", "bldg", "flat", "apartment", "apt", "plot"),
        r"\b(?:House|Villa|Building|Bldg\.?|Flat|Apartment|Apt\.?|Plot)(?:[ \t]+|[ \t]*\n[ \t]*)"
        r"(?:No\.?[ \t]*)?"
        r"\d{1,5}[A-Z]?[ \t]*,[ \t]*(?:\n[ \t]*)?(?:Street|St\.?|Road|Rd\.?|Lane|Block|Avenue|Way)"
        r"[ \t]+(?:No\.?[ \t]*)?\d{1,5}[A-Z]?"
        r"(?:[ \t]*,[ \t]*(?:\n[ \t]*)?(?-i:(?:Block|Sector|Road|Street|Area)[ \t]+\d{1,5}"
        r"|[A-Z]-?\d{1,2}(?:/\d)?|[A-Z][\w'-]+(?:[ \t][A-Z][\w'-]+){0,2})){0,3}",
    ),
    # 2 avenue Gabriel, 75008 Paris; 12 rue de Rivoli; 18 via Veneto: number, then the street.
    _form(
        (),  # begins with a digit: cheap to try everywhere
        r"(?<![\w:/-])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|av\.|boulevard|bd\.?|"
        r"place|quai|chemin|all[ée]e|impasse|cours|via|viale|piazza|corso)[ \t]+"
        r"(?:(?:de|du|des|de[ \t]la|d'|la|le|les|della|del|di|dei)[ \t]*)*"
        r"(?-i:[A-Z][\w'.-]+(?:[ \t][A-Z][\w'.-]+){0,3})" + _TAIL,
    ),
    # Erzberger Strasse 4, Friedrichstr. 95, 10117 Berlin; Keizersgracht 123; Lindenallee 7:
    # the street word after the name, apart or joined to it, then the house number (German,
    # Dutch, Nordic forms; "gade" and "ring" are left out: "Brigade 2", "Spring 2").
    _form(
        (
            "stras",
            "straß",
            "str.",
            "allee",
            "platz",
            "gasse",
            "weg",
            "damm",
            "ufer",
            "markt",
            "straat",
            "laan",
            "gracht",
            "plein",
            "kade",
            "singel",
            "vej",
            "gatan",
            "vägen",
            "veien",
            "pereulok",
            "prospekt",
            "ulitsa",
            "shosse",
            "gata",
            "katu",
            "utca",
        ),
        r"(?-i:\b(?:[A-Z][\w'.-]*[ \t])?[A-Z][\w'.-]*(?:[ \t](?:Strasse|Straße|Str\.|Allee|Platz|Gasse|Weg|Damm|Ufer|"
        r"Chaussee|Markt|Pereulok|Prospekt|Ulitsa|Shosse)|(?:strasse|straße|str\.|allee|platz|gasse|weg|damm|ufer|markt|straat|"
        r"laan|gracht|plein|kade|singel|vej|gatan|vägen|veien|gata|katu|utca)))"
        r"[ \t]+(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?(?![\w.,]\d)\b" + _TAIL,
    ),
    # C/ Serrano 75, Madrid
    _form(
        ("c/",),
        r"\bC/[ \t]?(?-i:[A-Z][\w'.-]+(?:[ \t]+[A-Z][\w'.-]+){0,3})[ \t]*,?[ \t]*\d{1,5}[A-Z]?"
        + _TAIL,
    ),
)


def find_more_addresses(text: str, lo: int = 0) -> Iterator[tuple[int, int]]:
    low = text.lower()
    for words, pattern in MORE_ADDRESS_FORMS:
        if not words or any(w in low for w in words):
            for m in pattern.finditer(text, lo):
                yield m.start(), m.end()


# An address written as a block of lines, as consulates list hospitals and offices: a street
# line ("Campos Eliseos 9371", "Paseo de la Victoria #3650") followed by district, city or
# postcode lines ("Fracc. Campos Eliseos", "Col. Margaritas", "Cd. Juarez", "C.P. 32543").
# A street line alone is too like any other line to propose.
_STREET_LINE_RE = re.compile(
    r"^[ \t]*(?!(?:P\.?[ \t]?O\.?[ \t]+Box|Apdo|Apartado|Casilla|Caixa)\b)"
    r"[A-Z][\w'.-]*[ \t]+(?:(?:de|del|la|las|los|da|do|das|dos)[ \t]+)*"
    r"(?:(?:[A-Z][\w'.-]*|\d{1,3}[A-Za-z]{1,3}\.?)[ \t]+(?:(?:de|del|la|las|los|da|do|das|dos)[ \t]+)*){0,4}"
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


# A field label that introduces an address, as visa and end-use cables write them; the value
# is the rest of the line (up to the next detail's label), with the lines it continues onto
# when it ends in a comma. It must hold a digit or a comma: "Address: unknown" is nothing.
_ADDRESS_LABEL_RE = re.compile(
    r"\b(?:(?:home|business|street|mailing|postal|physical|residential|work|office|local|"
    r"permanent|current)[ \t]+)?(?:address|addr\.|direcci[oó]n|domicilio|endere[cç]o|adresse)"
    r"[ \t]*(?:is[ \t]*)?:[ \t]*",
    re.I,
)
_NEXT_LABEL_RE = re.compile(
    r"[ \t;,]+(?=[A-Z][\w/.-]*(?:[ \t]+[\w/.-]+){0,3}[ \t]*:"
    r"|(?i:tel|telephone|phone|fax|e-?mail|mobile|cell\w*|dob|date[ \t]of[ \t]birth|passport)\b)"
)


_NOT_STREET_LABEL_RE = re.compile(
    r"(?:\bIP|e-?mail|web|internet|MAC|return|IP[ \t]v[46])[ \t]*$", re.I
)


def find_labelled_addresses(text: str, lo: int = 0) -> Iterator[tuple[int, int]]:
    for m in _ADDRESS_LABEL_RE.finditer(text, lo):
        if _NOT_STREET_LABEL_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "IP address: 10.1.2.3", "E-mail address: ...": no street
        a = end = m.end()
        while True:
            eol = text.find("\n", end)
            eol = len(text) if eol < 0 else eol
            line = text[end:eol]
            cut = _NEXT_LABEL_RE.search(line)
            if cut:
                end += cut.start()
                break
            end = eol
            nxt = text[eol + 1 : text.find("\n", eol + 1) if "\n" in text[eol + 1 :] else None]
            if not (
                line.rstrip().endswith(",")
                and nxt.strip()
                and len(nxt.strip()) <= 60
                and ":" not in nxt
                and end - a < 200
            ):
                break
            end = eol + 1 + len(nxt) - len(nxt.lstrip())
        while end > a and text[end - 1] in " \t\n,.;":
            end -= 1
        value = text[a:end]
        # An address is a line or three, not a paragraph run on after its label.
        if 4 <= len(value) <= 160 and re.search(r"[\d,]", value):
            yield a, end


# A facility line of an address block ("AEROPUERTO INTERNACIONAL EL DORADO", "Zona Franca
# Bogota", "Km. 7 Via Siberia"), or a city line: a place the word lists know, in a few words
# ("BOGOTA CUNDINAMARCA").
_FACILITY_LINE_RE = re.compile(
    r"^[ \t]*(?:Aeropuerto|Airport|Zona[ \t]+Franca|Free[ \t]+Zone|Parque[ \t]+Industrial|"
    r"Industrial[ \t]+(?:Park|Estate|Zone|Area)|Km\.?|Kilometro|Carretera|Autopista|Edificio|"
    r"Torre|Piso|Oficina|Bodega|Hangar)\b[^\n:]{0,50}$",
    re.I,
)


def _city_line(raw: str) -> bool:
    from workbench.suggest.lexicon import lexicon

    words = raw.strip(" \t,.").split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[0].lower().strip(",") in lexicon().places
    )


def _continues(raw: str, first: bool) -> bool:
    if _CONTINUATION_RE.match(raw):
        return True
    # Facility and city lines only right under the street line or each other, and the block
    # still needs a line that the continuation pattern or a city confirms.
    return _FACILITY_LINE_RE.match(raw) is not None or _city_line(raw)


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
            while j < len(lines) and j - i <= 3 and _continues(lines[j][1], j == i + 1):
                j += 1
            # A facility line alone proves nothing ("Hangar 19" / "Airport delays"): the block
            # needs a continuation line of the usual kind or a city.
            confirmed = any(
                _CONTINUATION_RE.match(raw) or _city_line(raw) for _, raw in lines[i + 1 : j]
            )
            # A country alone on the last line is not part of the address (the labelling
            # guide): a one-word place line after another place or district line.
            if j > i + 2 and _city_line(lines[j - 1][1]) and len(lines[j - 1][1].split()) == 1:
                j -= 1
            if j > i + 1 and confirmed:
                a = start + len(raw) - len(raw.lstrip())
                last_start, last = lines[j - 1]
                yield a, last_start + len(last.rstrip(" \t,."))
                i = j
                continue
        i += 1


_MONTH_BEFORE_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+$", re.I
)


class ContactSource:
    name = "contacts"
    kinds = (CONTACT,)

    def suggest(self, cable: Cable, context: SuggestContext) -> Iterable[Suggestion]:
        text = cable.text
        lo = _body_start(cable)
        codes = context.codes(PRIVACY)
        taken: list[tuple[int, int]] = []

        # A telegram's page lines and repeated headers are the cable's own, never a contact.
        noise = [(n.start, n.end) for n in cable.noise]

        def emit(a: int, b: int, detail: str, reason: str, score: float) -> Iterator[Suggestion]:
            if any(x < b and a < y for x, y in taken) or any(x <= a < y for x, y in noise):
                return
            taken.append((a, b))
            yield Suggestion(a, b, text[a:b], CONTACT, codes, reason, score, detail)

        for m in EMAIL_RE.finditer(text):
            yield from emit(m.start(), m.end(), "email", "e-mail address", 0.95)
        for a, b, _ in contact_forms.find_obfuscated_emails(text):
            yield from emit(a, b, "email", "e-mail address (written out)", 0.9)
        for a, b, _ in contact_forms.find_drafter_numbers(text, lo):
            yield from emit(a, b, "phone", "phone number (drafter's line)", 0.85)
        for m in IBAN_RE.finditer(text, lo):
            yield from emit(m.start("num"), m.end("num"), "account", "account number (IBAN)", 0.85)
        for m in ID_RE.finditer(text, lo):
            what = m.group("what").lower()
            detail = _id_detail(what)
            yield from emit(m.start("num"), m.end("num"), detail, f"{detail} number", 0.85)
            for n in _more_numbers(text, m.end("num")):
                yield from emit(n[0], n[1], detail, f"{detail} number", 0.85)
        for a, b in find_labelled_addresses(text, lo):
            yield from emit(a, b, "address", "address (after its label)", 0.8)
        for a, b in find_address_blocks(text, lo):
            yield from emit(a, b, "address", "street or postal address", 0.75)
        for a, b, _ in contact_forms.find_postcode_addresses(text, lo):
            yield from emit(a, b, "address", "street or postal address", 0.8)
        for a, b in find_more_addresses(text, lo):
            b = _address_end(text, a, b)
            yield from emit(a, b, "address", "street or postal address", 0.8)
        for m in ADDRESS_RE.finditer(text, lo):
            if _MONTH_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "on September 28 Egyptian Appeals Court": a date, not a number
            end = _address_end(text, m.start(), m.end())
            yield from emit(m.start(), end, "address", "street or postal address", 0.8)
        for a, b, _ in contact_forms.find_addresses(text, lo):
            yield from emit(a, b, "address", "street or postal address", 0.8)
        for a, b, kind in contact_forms.find_dialled_numbers(text, lo):
            kind = "fax" if FAX_RE.search(text, max(0, a - 40), a) else kind
            yield from emit(a, b, kind, f"{kind} number (dialled from abroad)", 0.85)
        for a, b, kind in find_phones(text, lo, cable_regions(cable)):
            yield from emit(a, b, kind, f"{kind} number", 0.85)


_MORE_NUMBER_RE = re.compile(
    r"[ \t]*(?:,|and|or|,[ \t]*and)[ \t]+(?:\n[ \t]*)?(?P<num>(?=[A-Z0-9-]*\d)[A-Z]{0,3}-?\d[\dA-Z-]{4,24}\d?)"
    r"(?![\w])"
)


def _address_end(text: str, a: int, b: int) -> int:
    """Trailing blanks and punctuation off; the district and city of the line on."""
    for again in (True, False):
        while b > a and text[b - 1] in " \t\n,.":
            b -= 1
        if again:
            b = address_extent.extend(text, a, b)
    return b


def _more_numbers(text: str, at: int) -> Iterator[tuple[int, int]]:
    """The numbers listed after the first: "passport numbers 123456 and 789012"."""
    while (m := _MORE_NUMBER_RE.match(text, at)) is not None:
        yield m.start("num"), m.end("num")
        at = m.end()


def _id_detail(what: str) -> str:
    if what.startswith(("pas", "ppt")):
        return "passport"
    if what.startswith("visa"):
        return "visa"
    if what.startswith(("acc", "a/c", "iban")) or what == "card":
        return "account"
    return "id"


def _body_start(cable: Cable) -> int:
    from workbench.suggest.person_source import body_start

    return body_start(cable)
