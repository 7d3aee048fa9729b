"""Choose the cables of the labelled set (run once; the choice is kept in data/selection.tsv).

Strata, each drawn with a fixed seed from the project's own split (tests/corpus.py ``part``):
cables mostly in upper case, cables with the cable's own protect wording, cables with a
contact cue (an e-mail, a telephone word followed by digits, a passport or account number),
and the rest at random. Contact details and protect markers are rare (a few dozen cables
of 2,002), so a purely random draw would leave those kinds almost unmeasured. The cues only
choose cables; once chosen, every cable is labelled whole by reading it.

    python tests/suggest/labelling/select.py > tests/suggest/data/selection.tsv
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.corpus import CORPUS, part

PROTECT = re.compile(r"\([^)]{0,20}\bprotect\b[^)]{0,20}\)", re.I)
CONTACT = re.compile(
    r"[\w.-]+@[\w.-]+\.[a-z]{2,}|\b(?:tel|telephone|phone|fax|mobile|cell)\b\W{0,3}\(?\+?\d"
    r"|passport\s+(?:no|number|#)|account\s+(?:no|number)|\bP\.?\s?O\.?\s+BOX\b",
    re.I,
)
CONTACT_DETAIL = re.compile(
    r"[\w.-]+@[\w-]+\.[\w.]{2,}"
    r"|\b(?i:tel|telephone|phone|fax|mobile|cell|cellphone)\b\.?:?\s*\(?\+?\d[\d ()./-]{5,}"
    r"|\b(?i:passport)\s*(?i:no\.?|number|#)?\s*:?\s*[A-Z]?\d{5,}"
    r"|\b\d{1,5}\s+[A-Z][a-z]+\s+(?:Street|Avenue|Road|St\.|Ave\.|Blvd)\b"
)
PAIR = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b")
# Per part: (upper case, protect, contact, random) counts. The second round was drawn after
# the first held-out score showed the rules fitted the first dev cables too closely: more
# dev cables to develop on, never the held-out ones.
PLAN = {"dev": (7, 6, 10, 21), "held-out": (4, 4, 6, 13)}
PLAN2 = {"dev": (3, 2, 6, 14), "held-out": (0, 0, 0, 0)}
MAX_RANDOM_CHARS = 9000
# The first two rounds as they were written, so round 3 never draws a cable twice.
ROUND_1_2 = (
    Path(__file__).resolve().parents[1] / "data" / "selection-rounds-1-2.tsv"
)  # keeps careful reading feasible; strata take any length up to 20000


def main() -> None:
    rng = random.Random(16)
    cables = sorted((CORPUS / "cables").glob("*.txt"))
    info = []
    for p in cables:
        t = p.read_text(encoding="utf-8", errors="replace")
        lo = sum(c.islower() for c in t)
        up = sum(c.isupper() for c in t)
        info.append((p, t, lo / (lo + up + 1)))
    print("file\tpart\tstratum")
    rounds: list[tuple[str, dict[Path, str]]] = []
    for name, (n_up, n_pr, n_co, n_rand) in PLAN.items():
        pool = [x for x in info if part(x[0].name) == name and len(x[1]) <= 20000]
        rng.shuffle(pool)
        chosen: dict[Path, str] = {}

        def take(n: int, stratum: str, pred, pool=pool, chosen=chosen) -> None:
            for p, t, r in pool:
                if n == 0:
                    return
                if p not in chosen and pred(p, t, r):
                    chosen[p] = stratum
                    n -= 1

        take(n_up, "upper", lambda p, t, r: r < 0.3 and len(t) > 3000)
        take(n_pr, "protect", lambda p, t, r: PROTECT.search(t) is not None)
        take(n_co, "contact", lambda p, t, r: CONTACT.search(t) is not None)
        take(n_rand, "random", lambda p, t, r: len(t) <= MAX_RANDOM_CHARS)
        first = dict(chosen)
        for p, stratum in sorted(first.items()):
            print(f"cables/{p.name}\t{name}\t{stratum}")
        rounds.append((name, first))
    rng2 = random.Random(17)
    for name, (n_up, n_pr, n_co, n_rand) in PLAN2.items():
        done = {p for part_name, ch in rounds if part_name == name for p in ch}
        pool = [x for x in info if part(x[0].name) == name and len(x[1]) <= 20000]
        rng2.shuffle(pool)
        chosen = {p: "" for p in done}

        def take2(n: int, stratum: str, pred, pool=pool, chosen=chosen) -> None:
            for p, t, r in pool:
                if n == 0:
                    return
                if p not in chosen and pred(p, t, r):
                    chosen[p] = stratum
                    n -= 1

        take2(n_up, "upper", lambda p, t, r: r < 0.3 and len(t) > 3000)
        take2(n_pr, "protect", lambda p, t, r: PROTECT.search(t) is not None)
        take2(n_co, "contact", lambda p, t, r: CONTACT.search(t) is not None)
        take2(n_rand, "random", lambda p, t, r: len(t) <= MAX_RANDOM_CHARS)
        for p, stratum in sorted(chosen.items()):
            if p not in done:
                print(f"cables/{p.name}\t{name}\t{stratum} (round 2)")
    # Round 3 (session 2): the contact part of dev was 60 spans and scored 1.000 while
    # held-out missed a quarter, so every remaining dev cable with a contact cue up to 10,000
    # characters, plus six short random ones for names. Dev only, as before.
    labelled = {line.split("\t")[0] for line in ROUND_1_2.read_text().splitlines()[1:]}
    left = [x for x in info if part(x[0].name) == "dev" and f"cables/{x[0].name}" not in labelled]
    for p, t, _ in left:
        if CONTACT.search(t) and len(t) <= 10000:
            print(f"cables/{p.name}\tdev\tcontact (round 3)")
    rand = [p for p, t, _ in left if 1500 < p.stat().st_size <= 6000]
    random.Random(18).shuffle(rand)
    for p in sorted(rand[:6]):
        print(f"cables/{p.name}\tdev\trandom (round 3)")
    # Round 4: eight random dev cables of 2,500-7,000 bytes, drawn after round 3's rules.
    left = [x for x in left if not (CONTACT.search(x[1]) and len(x[1]) <= 10000)]
    left = [x for x in left if x[0] not in rand[:6]]
    rand4 = [p for p, t, _ in left if 2500 < p.stat().st_size <= 7000]
    random.Random(19).shuffle(rand4)
    for p in sorted(rand4[:8]):
        print(f"cables/{p.name}\tdev\trandom (round 4)")
    # Round 5 (session 3): held-out contact recall stayed at 0.77 and person precision at
    # 0.80 while dev scored 0.99 and 0.97. Every dev cable left with a written contact detail
    # (CONTACT_DETAIL: an e-mail, a number after a telephone word, a street address; any
    # length), and the six most name-dense of 40 random dev cables of 2,500-9,000 bytes
    # (capitalised word pairs per 1,000 characters), where wrong names pile up.
    left = [x for x in left if x[0] not in rand4[:8]]
    for p, t, _ in left:
        if CONTACT_DETAIL.search(t):
            print(f"cables/{p.name}\tdev\tcontact (round 5)")
    pool5 = [x for x in left if 2500 < x[0].stat().st_size <= 9000]
    pool5 = [x for x in pool5 if not CONTACT_DETAIL.search(x[1])]
    random.Random(20).shuffle(pool5)
    dense = sorted(pool5[:40], key=lambda x: -len(PAIR.findall(x[1])) / len(x[1]))
    for p, _, _ in sorted(dense[:6]):
        print(f"cables/{p.name}\tdev\tname-dense (round 5)")


if __name__ == "__main__":
    main()
