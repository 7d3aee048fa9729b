"""The numbering a cable's numbers are written in: the country of the post that sent it.

A post writes the numbers of its own country as that country dials them at home, with the
trunk prefix and without the country code (``020 7008 1500`` in London, ``02 2574 9820`` in
Cairo), so ``phonenumbers`` can confirm them only when told the region. The post is the
cable's FM line (``AMEMBASSY LONDON``, ``AMCONSUL CIUDAD JUAREZ``) or, without one, its
reference ID (``08LONDON2197``); ``data/posts.txt.gz`` (built by ``posts_build`` from
GeoNames) turns it into an ISO region. A cable the Department sends has the US numbering;
the countries of its TAGS line (FIPS codes) come after the post's, for the numbers of the
country it is about.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from workbench.cable.model import Cable

DATA = Path(__file__).resolve().parent / "data" / "posts.txt.gz"
# The office words of an FM line, before the city: AMEMBASSY, AMCONSUL, USMISSION, USINT...
_OFFICE_RE = re.compile(
    r"^(?:AM(?:EMBASSY|CONSUL(?:ATE)?|EMB)|US(?:MISSION|INT|DEL|OFFICE|LO|LIAISON|CONSUL)|"
    r"AMERICAN\s+(?:EMBASSY|CONSULATE)|US\s+(?:MISSION|EMBASSY|CONSULATE)|EMBASSY|CONSULATE|"
    r"RPO|EFTO)\s*"
)
_ID_POST_RE = re.compile(r"^\d{2}([A-Z]+)\d")
_MAX_TAG_REGIONS = 2


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"post": {}, "fips": {}, "country": {}}
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for line in f:
            kind, key, region = line.rstrip("\n").split("\t")
            out[kind][key] = region
    return out


def _fold(name: str) -> str:
    return re.sub(r"[^A-Z]", "", name.upper())


def post_region(name: str) -> str | None:
    """``AMEMBASSY BUENOS AIRES`` or ``BUENOSAIRES`` -> ``AR``; None for no known post."""
    posts = _table()["post"]
    key = _fold(_OFFICE_RE.sub("", name.strip().upper()))
    # A trailing word the table does not know ("EFTOLONDON", "RPODUBAI"): the longest known
    # ending of four letters or more.
    for i in range(len(key) - 3):
        if key[i:] in posts:
            return posts[key[i:]]
    return None


def country_names() -> frozenset[str]:
    """Country names folded as :func:`post_region` folds (``COSTARICA``)."""
    return frozenset(_table()["country"])


def cable_regions(cable: Cable) -> tuple[str, ...]:
    """The regions to read national numbers in, the post's first."""
    regions: list[str] = []
    for name in (cable.origin.name if cable.origin else None, _id_post(cable.id)):
        region = post_region(name) if name else None
        if region:
            regions.append(region)
            break
    fips = _table()["fips"]
    tagged = [fips[t] for t in cable.tags if len(t) == 2 and t in fips]
    for region in tagged[:_MAX_TAG_REGIONS]:
        if region not in regions:
            regions.append(region)
    return tuple(regions)


def _id_post(cable_id: str | None) -> str | None:
    m = _ID_POST_RE.match(cable_id or "")
    return m.group(1) if m else None
