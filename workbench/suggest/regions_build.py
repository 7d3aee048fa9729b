"""Build the list of regions the person detector knows as places (``data/regions.txt.gz``).

Run once by a developer, never at run time: ``pip install pycountry`` then
``python -m workbench.suggest.regions_build``. The output holds facts about places, no text
of any cable: the names of ISO 3166-2 subdivisions (states, provinces, departments,
governorates: "Minas Gerais", "Espirito Santo", "Andhra Pradesh", "Valle del Cauca"), as
pycountry ships them (ISO 3166-2 via Debian's iso-codes, LGPL-2.1), lower-cased, with and
without accents.

Only names of two words or more are kept. A one-word region is too often a surname as well
(Leon, Zamora, Rivera, Mendoza, Flores, Braga, Kerry are regions, and in the dev cables they
were far more often people); ``places.txt.gz`` already holds the larger cities of one word.
Also left out:

- names that open with an article (``La Vega``, ``Los Rios``, ``El Beni``, ``An Najaf``):
  the detector looks for places inside a run too, and "Fernandez de la Vega" is a person;
- names that are a person's name, a frequent given name and a frequent surname, as regions
  named after people are (``Francisco Morazan``, ``Maria Trinidad Sanchez``, ``Diego
  Martin``, ``Ho Chi Minh``; Vietnamese and Thai provinces read the same way): the name
  ranks of ``names.tsv.gz`` decide, so that a person's name is never taken for a region.
"""

from __future__ import annotations

import gzip
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "regions.txt.gz"
# A word this early in names-dataset's given-name ranks, then one this early in its surname
# ranks: a person's name (Francisco Morazan: 7 and 65; Mato Grosso: 146 and 419 stays).
PERSON_FIRST_RANK = 600
PERSON_LAST_RANK = 300
ARTICLES = frozenset({"la", "le", "les", "los", "las", "el", "al", "an", "ar", "as", "ash", "ad"})
ARTICLES |= frozenset({"az", "at", "the", "o", "a", "l", "il", "lo", "de", "di", "du"})


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def person_like(words: list[str], ranks: Callable[[str], tuple[int, int]]) -> bool:
    """A frequent given name then a frequent surname: a region named after a person."""
    first, _ = ranks(words[0])
    _, last = ranks(words[-1])
    return 0 < first <= PERSON_FIRST_RANK and 0 < last <= PERSON_LAST_RANK


def regions(names: list[str], ranks: Callable[[str], tuple[int, int]]) -> list[str]:
    """The region names worth knowing as places, lower case, accented and folded forms."""
    out: set[str] = set()
    for name in names:
        low = " ".join(name.lower().split())
        words = re.split(r"[ \-]+", fold(low))
        if len(words) < 2 or words[0] in ARTICLES or person_like(words, ranks):
            continue
        out.add(low)
        out.add(fold(low))
    return sorted(out)


def main() -> int:
    import pycountry

    from workbench.suggest.lexicon import lexicon

    names = [sd.name for sd in pycountry.subdivisions]
    lines = regions(names, lexicon().ranks)
    # mtime=0: the same list gives the same bytes, so a rebuild shows no spurious diff.
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"regions: {len(lines)} of {len(names)} subdivisions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
