"""Contact forms beyond the plain ones of ``contact``: e-mail addresses written so that
harvesters miss them, numbers dialled from abroad, UK and Brazilian addresses, and the
drafter's line of a State telegram.

Each finder yields ``(start, end, detail)``; ``contact.ContactSource`` proposes them after
its own forms, so an overlap keeps the plain form's span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from workbench.suggest.phones import current_forms

# Top-level domains an obfuscated address may end in: the generic ones and any two-letter
# country code. Prose ("meet at noon dot") never ends in one of these after a "dot".
_TLD = r"(?:com|org|net|gov|edu|mil|int|info|biz|[a-z]{2})"
_AT = r"(?:[ \t]*[\[(][ \t]*at[ \t]*[\])][ \t]*|[ \t]+(?:at|AT)[ \t]+|8at8)"
_DOT = r"(?:[ \t]*[\[(][ \t]*dot[ \t]*[\])][ \t]*|[ \t]+(?:dot|DOT)[ \t]+|\.)"
# jdoe at example dot com, maria.lopez[at]gmail[dot]com, k.tanaka (at) mofa (dot) go (dot) jp,
# SmithJA8at8state.gov (the WikiLeaks text of "@" in many cables).
OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])[A-Za-z0-9][\w.+-]*{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}{_TLD}"
    r"(?![\w-])",
)


def find_obfuscated_emails(text: str) -> Iterator[tuple[int, int, str]]:
    for m in OBFUSCATED_EMAIL_RE.finditer(text):
        raw = m.group()
        # " at " and " dot " are English words: both must be there, spelt out, for a
        # written-out address ("jdoe at example dot com"), not "arrived at Tripoli.gov".
        spaced_at = re.search(r"[ \t](?:at|AT)[ \t]", raw) is not None
        if spaced_at and re.search(r"[ \t](?:dot|DOT)[ \t]|[\[(]dot[\])]", raw) is None:
            continue
        if spaced_at and " " in raw.split(" at ")[0].split(" AT ")[0]:
            continue
        yield m.start(), m.end(), "email"


# A number dialled with the international prefix instead of "+": 00 33 1 43 12 22 22,
# 011 44 20 7499 9000; and a US number with its area code before a slash: 506/519-2441.
_IDD_NUMBER_RE = re.compile(
    r"(?<![\w/.:-])(?:00|011)[ \t.-]?[1-9]\d{0,2}(?:[ \t.-]\(?0?\)?)?(?:[ \t.-]?\d{1,5}){2,6}"
    r"(?![\w/-]|\.\d)"
)
_SLASH_AREA_RE = re.compile(r"(?<![\w/.:-])\(?\d{3}\)?/\d{3}[-. ]\d{4}(?![\w/-]|\.\d)")


def find_dialled_numbers(text: str, lo: int) -> Iterator[tuple[int, int, str]]:
    for m in _IDD_NUMBER_RE.finditer(text, lo):
        digits = re.sub(r"\D", "", m.group())
        rest = digits[3:] if digits.startswith("011") else digits[2:]
        for form in current_forms("+" + rest, None):
            try:
                number = phonenumbers.parse(form, None)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                yield m.start(), m.end(), "phone"
                break
    for m in _SLASH_AREA_RE.finditer(text, lo):
        yield m.start(), m.end(), "phone"


# A UK postcode ends an address the lines before it continue: "5 Jupiter House, Callaeva
# Park Aldermaston, Reading, Berkshire RG7 8NN", "Grosvenor Square, London W1A 4AW". The
# start is the house number (or the street's first word) within three comma-separated
# parts before the town: never further back than the line's sentence.
_UK_POSTCODE = r"(?-i:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})"
_UK_ADDRESS_RE = re.compile(
    r"(?<![\w-])(?-i:(?:\d{1,4}[A-Za-z]?[ \t]+)?[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*){0,4})"
    r"(?:[ \t]*,[ \t]*(?:\n[ \t]*)?(?-i:[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*){0,3})){1,4}"
    rf"[ \t]+{_UK_POSTCODE}(?![\w])"
)
# Brazil's planned capital numbers its blocks, not its streets: Avenida das Nacoes, Quadra
# 801, Lote 3; SHIS QI 5, Conjunto 7, Casa 12.
_QUADRA_RE = re.compile(
    r"(?-i:(?:(?:Avenida|Av\.|Rua|SHIS|SHIN|SQS|SQN|SCS|SES|SHS|SEN)[ \t]+[^,\n]{1,40},"
    r"[ \t]*)?(?:Quadra|QI|QL|SQS|SQN)[ \t]+\d{1,4}[A-Z]?"
    r"(?:[ \t]*,[ \t]*(?:Lote|Conjunto|Casa|Bloco|Apto\.?|Apartamento)[ \t]+\d{1,4}[A-Z]?){1,3})"
)
# Japanese addresses: 4-1 Akasaka 1-chome, Minato-ku, Tokyo 107-8420.
_CHOME_RE = re.compile(
    r"(?<![\w-])(?:\d{1,4}-\d{1,4}(?:-\d{1,4})?[ \t]+)?(?-i:[A-Z][a-z]+)[ \t]+\d{1,2}-chome"
    r"(?:[ \t]*,[ \t]*(?-i:[A-Z][a-z]+)-(?:ku|shi|cho|machi))?"
    r"(?:[ \t]*,[ \t]*(?-i:[A-Z][a-z]+)(?:[ \t]+\d{3}-\d{4})?)?",
    re.I,
)


# An address that ends in its city and postcode, as Asian, Russian, Turkish and Indonesian
# addresses are written in English: "32 Sejong-daero 23-gil, Jongno-gu, Seoul 03141",
# "No. 55 An Jia Lou Road, Chaoyang District, Beijing 100600", "B-12, Vasant Vihar, New
# Delhi 110057", "ul. Tverskaya 12, Moscow 125009", "Ataturk Bulvari No: 110, Kavaklidere
# 06100 Ankara". It opens with a house number (or "No."), a block ("B-12"), or a street
# word and its number; the postcode at the end is what makes it an address.
# A capitalised word in mixed case (an upper-case "08 STATE 74840" is a cable reference),
# hyphenated suffixes too: Minato-ku.
_W = r"[A-Z][a-z\u00e0-\u00ff][\w'.]*(?:-[\w']+)*"
_NUMW = r"\d{1,5}[A-Z]?(?:-\d{1,4}){0,2}(?:-[a-z]+)?"  # 12, 23-gil, 1-10-5
_STREET_WORD = (
    r"(?:Road|Rd\.|Street|St\.|Avenue|Ave\.|Lane|Lu|Jie|Dajie|Marg|Bulvari|Bulvar\u0131|"
    r"Caddesi|Cad\.|Sokak|Soka[gğ]\u0131|Sok\.|Pereulok|Prospekt|Shosse|Naberezhnaya)"
)
_START = (
    rf"(?:(?:No\.?[ \t]*)?(?!(?:19|20)\d\d\b){_NUMW}[ \t]+{_W}(?:[ \t]+(?:{_W}|{_NUMW}))*"
    rf"|[A-Z]-\d{{1,4}}"
    rf"|(?:ul\.|Ulitsa|Jl\.|Jalan)[ \t]+{_W}(?:[ \t]+{_W}){{0,3}}[ \t]+(?:No[.:]?[ \t]*)?\d{{1,5}}"
    rf"|{_W}(?:[ \t]+{_W}){{0,3}}[ \t]+{_STREET_WORD}[ \t]+(?:No[.:]?[ \t]*)?\d{{1,5}}[A-Z]?)"
)
_PART = rf"(?:{_W}|{_NUMW}|[A-Z]-\d{{1,4}}(?:/\d)?)(?:[ \t]+(?:{_W}|{_NUMW}))*"
_SEP = r"[ \t]*,[ \t]*(?:\n[ \t]*)?"
_POSTCODE = r"(?:\d{5,6}|\d{3}-\d{4})"
_CITY = rf"{_W}(?:[ \t]+{_W}){{0,2}}"
_POSTCODE_ADDRESS_RE = re.compile(
    rf"(?<![\w-]){_START}"
    # "..., Kavaklidere 06100 Ankara": a postcode after a space only after a part of its own
    # (never "09 State 118094 Classified By", a reference); tried first, as the longer form
    rf"(?:(?:{_SEP}{_PART}){{1,3}}[ \t]+{_POSTCODE}[ \t]+{_CITY}"
    rf"|(?:{_SEP}{_PART}){{0,3}}(?:{_SEP}{_CITY}[ \t]+{_POSTCODE}|{_SEP}{_POSTCODE}[ \t]+{_CITY}))"
    r"(?![\w-])"
)


_POSTCODE_RE = re.compile(rf"(?<![\w-]){_POSTCODE}(?![\w-])")
# How far before its postcode such an address may begin.
_REACH = 160


def find_postcode_addresses(text: str, lo: int) -> Iterator[tuple[int, int, str]]:
    """Proposed before the street forms of ``contact``: the whole address, not its street.
    Tried only in the stretch before each postcode-shaped number: tried at every position,
    the pattern cost a quarter of the contact source's time."""
    done = lo
    for p in _POSTCODE_RE.finditer(text, lo):
        start = max(done, p.start() - _REACH)
        for m in _POSTCODE_ADDRESS_RE.finditer(text, start, p.end() + 40):
            if m.start() <= p.start() and p.end() <= m.end():
                yield m.start(), m.end(), "address"
                done = m.end()
                break


def find_addresses(text: str, lo: int) -> Iterator[tuple[int, int, str]]:
    for m in _UK_ADDRESS_RE.finditer(text, lo):
        a = m.start()
        # The address opens after a colon or the word that introduces it ("offices at 5
        # Jupiter House"): cut any capitalised words of the sentence before its number.
        number = re.search(r"(?<![\w-])\d{1,4}[A-Za-z]?[ \t]", m.group())
        if number is not None and number.start() > 0:
            a += number.start()
        yield a, m.end(), "address"
    for rx in (_QUADRA_RE, _CHOME_RE):
        for m in rx.finditer(text, lo):
            yield m.start(), m.end(), "address"


# The drafter's and clearers' lines of a State telegram come before its classification
# line, where the contact source does not look: "DRAFTED BY: DS/DSS/CC:JBACIGALUPO --
# 06/19/2009 571-345-3132".
_DRAFTER_LINE_RE = re.compile(
    r"^[ \t]*(?:DRAFTED[ \t]+BY|CLEARED(?:[ \t]+BY)?|APPROVED[ \t]+BY)[ \t]*:[^\n]*$", re.M
)
_US_NUMBER_RE = re.compile(r"(?<![\w/.-])(?:\(\d{3}\)[ \t]?|\d{3}[-.])\d{3}[-.]\d{4}(?![\w/-])")


def find_drafter_numbers(text: str, hi: int) -> Iterator[tuple[int, int, str]]:
    for line in _DRAFTER_LINE_RE.finditer(text, 0, hi):
        for m in _US_NUMBER_RE.finditer(text, line.start(), line.end()):
            yield m.start(), m.end(), "phone"
