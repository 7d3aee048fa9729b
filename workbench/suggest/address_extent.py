"""How far a street address runs on its line: the district and city written after the
street and number, as Brazilian and Latin American addresses put them (``Rua Henri Dunant,
500 - Chacara Santo Antonio``, ``Rua Funchal, 418-Vila Olimpia Sao Paulo``, ``Rodovia
Presidente Dutra, s/n Km 210 Guarulhos``). The labelling guide counts the district and city
as part of the address, and a country alone at the end as not.

A district is joined by a dash; after a dash-joined word or ``s/n`` the following
capitalised words on the line continue it. Words that begin the next detail or sentence end
it (``telephone``, ``Tel``, ``The``), and so does a country's name.
"""

from __future__ import annotations

import re

from workbench.suggest.post_region import country_names

_PARTICLE = r"(?:de|da|do|dos|das|del|la|las|los|e|di)"
# One place word of the run: a capitalised word, a floor or room with its number, a
# kilometre mark ("Km 210") or a dash-joined pair ("Jardim-Paulista").
_WORD = (
    r"(?:Km\.?[ \t]*\d{1,4}|\d{1,2}[ºª°o]?[ \t]+(?:Andar|Piso)"
    r"|(?:Sala|Conjunto|Bloco|Loja|Of\.|Oficina|Depto\.?|Apto\.?)[ \t]+\d{1,5}[A-Z]?"
    r"|[A-Z][\w'.]*(?:-[A-Z][\w'.]*)*)"
)
_RUN = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_WORD}){{0,6}}"
_AFTER_DASH_RE = re.compile(rf"[ \t]*[-\u2013][ \t]*(?P<run>{_RUN})")
# (after an abbreviated district, "71-Vl. Mariana": the stripped dot comes back)
_AFTER_SPACE_RE = re.compile(rf"\.?[ \t]+(?P<run>{_RUN})")
# Capitalised words that begin a new detail or sentence, not a place.
_STOP = frozenset(
    [
        "tel",
        "tel.",
        "telephone",
        "phone",
        "fax",
        "e-mail",
        "email",
        "cell",
        "mobile",
        "the",
        "he",
        "she",
        "it",
        "they",
        "we",
        "on",
        "in",
        "at",
        "for",
        "and",
        "but",
        "or",
        "this",
        "that",
        "according",
        "ph",
        "ph.",
        "tel/fax",
        "contact",
        "hours",
        "open",
        "from",
        "to",
    ]
)
# The end of an address that a plain space may continue: a dash-joined word or "s/n".
_OPEN_END_RE = re.compile(r"(?:-[A-Z][\w'.]*|\bs/n)$")


def _fold(word: str) -> str:
    return re.sub(r"[^A-Z]", "", word.upper())


def _trim(run: str) -> str:
    words = run.split()
    for i, w in enumerate(words):
        if w.lower().rstrip(",.;:") in _STOP:
            words = words[:i]
            break
    # A country is not part of the address, nor what follows it on the line: "... Sao Paulo
    # Brazil", "... Sao Paulo Brazil Example Ltda.".
    countries = country_names()
    for i in range(len(words)):
        if any(_fold("".join(words[i : i + n])) in countries for n in (1, 2, 3)):
            words = words[:i]
            break
    while words and re.fullmatch(_PARTICLE, words[-1]):
        words.pop()
    return " ".join(words)


def extend(text: str, a: int, b: int) -> int:
    """The end of the address ``text[a:b]`` with the district and city after it."""
    eol = text.find("\n", b)
    eol = len(text) if eol < 0 else eol
    m = _AFTER_DASH_RE.match(text, b, eol)
    if m is None and _OPEN_END_RE.search(text, a, b):
        m = _AFTER_SPACE_RE.match(text, b, eol)
    if m is None:
        return b
    kept = _trim(m.group("run"))
    if not kept:
        return b
    # The kept words are a prefix of the run, whose spaces may be runs of blanks.
    end = m.start("run")
    for word in kept.split():
        end = text.index(word, end) + len(word)
    return end
