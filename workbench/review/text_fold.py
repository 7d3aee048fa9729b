"""How withheld text is compared with the text it may be repeated in: the letters, not how
they are typed.

A cable writes one name several ways. Teletype cables and their capitalised headers drop
accents ("JOSE MUNOZ PENA" for "José Muñoz Peña"); texts that went through a web page keep
HTML entities ("Mu&#241;oz", "MU&Ntilde;OZ", which the reader itself decodes in the subject
and the Classified By line). A reviewer withholds one form, and a rule or a check looking for
the others must see them as the same name (newcomer 5, findings 21, 22 and 30).

Accents are folded with the standard library (Unicode decomposition, combining marks dropped)
plus a short table of the Latin letters that do not decompose (``ø``, ``ł``, ``æ``, ``đ``...;
``ß`` is ``ss`` by case folding already). A transliterating library (Unidecode, anyascii)
would also turn other scripts into Latin letters ("金" -> "Jin"), so a Chinese or Cyrillic
name would match unrelated Latin words as whole words; the comparison here only needs the
Latin letters' accents gone, which the stdlib does exactly and without a dependency.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Latin letters with no decomposition, as their base letters (after case folding).
_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ĸ": "k",
    }
)

# An HTML character reference: named (``&Ntilde;``), decimal (``&#241;``), hexadecimal.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_accents(folded: str) -> str:
    """``folded`` (already case-folded) without accents: "muñoz" -> "munoz"."""
    if folded.isascii():
        return folded
    out = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    return out.translate(_UNDECOMPOSED)


def entity_at(text: str, i: int, hi: int) -> tuple[str, int] | None:
    """The character an HTML entity at ``text[i]`` stands for and where the entity ends; None
    when there is none (or it is not one ``html.unescape`` knows)."""
    m = ENTITY.match(text, i, hi)
    if m is None:
        return None
    decoded = html.unescape(m.group())
    return (decoded, m.end()) if decoded != m.group() else None


# Apostrophes as typed (``'``), as typeset (``’``, ``‘``) and the letter apostrophe (``ʼ``): one
# character to a comparison. The reviewer types "O'Brien" where the cable writes "O’Brien"
# (newcomer 6, finding 19).
APOSTROPHES = "'\u2019\u2018\u02bc"
_ONE_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES[1:]})
# An apostrophe inside a name's part, between one letter or more and three or more: "O'Brien",
# "D'Elia"; not a possessive's ("Kim's").
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[" + APOSTROPHES + r"](?=[^\W\d_]{3})")


def one_apostrophe(text: str) -> str:
    """``text`` with every apostrophe as ``'``."""
    return text if text.isascii() else text.translate(_ONE_APOSTROPHE)


def apostrophe_forms(term: str) -> list[str]:
    """The other ways a part with an apostrophe is written: dropped and as a space
    ("O'Brien" -> "OBrien", "O Brien"; a teletype writes "OBRIEN" or "O BRIEN")."""
    if not _INNER_APOSTROPHE.search(term):
        return []
    return [_INNER_APOSTROPHE.sub("", term), _INNER_APOSTROPHE.sub(" ", term)]


# A double surname's halves: "Moreno-Ocampo", "Fassi-Fihri" (each capitalised, three letters or
# more), "MESBAH-YAZDI" in capitals (four letters or more each: "HYE-JIN", a Korean given name
# in a teletype's capitals, is no two names).
_HALVES = re.compile(r"([^\W\d_][^\W\d_'’]{2,})[-\u2010\u2011]([^\W\d_][^\W\d_'’]{2,})")


def surname_halves(part: str) -> list[str]:
    """Each half of a hyphenated double surname, which a cable also writes alone ("Ocampo’s
    allegations" after "Luis Moreno-Ocampo": newcomer 6, finding 4); ``[]`` for any other
    part ("Hye-jin": its second half is not capitalised)."""
    m = _HALVES.fullmatch(part)
    if m is None:
        return []
    halves = [m.group(1), m.group(2)]
    if all(h.isupper() for h in halves):
        return halves if all(len(h) >= 4 for h in halves) else []
    if all(h[0].isupper() and not h.isupper() for h in halves):
        return halves
    return []


def is_format(ch: str) -> bool:
    """An invisible format character (Unicode category Cf: zero-width space and joiners, the
    word joiner, the zero-width no-break space U+FEFF, bidirectional controls): nothing a
    reader sees, so no character to a comparison either (newcomer 6, finding 22:
    "Hye<U+FEFF>jin" printed a withheld name). Not the soft hyphen U+00AD, which is a hyphen
    to ``find`` and is drawn as one."""
    return ch > "\xad" and unicodedata.category(ch) == "Cf"


def drop_format(text: str) -> str:
    """``text`` without its invisible format characters (:func:`is_format`)."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if not is_format(ch))


def fold_letters(text: str) -> str:
    """``text`` as the comparison sees it: entities decoded, any Unicode form, any case, no
    accents."""
    text = drop_format(one_apostrophe(html.unescape(text)))
    return strip_accents(unicodedata.normalize("NFKC", text).casefold())
