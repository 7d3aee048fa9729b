"""Draw a blind labelling round at random: cables of one part never labelled before.

Rounds 9 to 11 (session 6) were drawn by this script, so that their first score is an
honest figure for cables the rules never saw: no cue, no stratum, only the part, a size
range in bytes and a recorded seed. Cables already in data/selection.tsv are left out, so
no cable is labelled twice. The pool is sorted before it is shuffled, so a seed always
draws the same cables from the same corpus and the same selection.tsv (rows of later rounds
removed: round 11 was drawn after rounds 9 and 10 were appended).

    python tests/suggest/labelling/draw.py --part held-out --seed 909 --count 20
    python tests/suggest/labelling/draw.py --part dev --seed 1010 --count 15

Prints the drawn cables as selection.tsv rows (file, part, stratum); the rows are then
appended to data/selection.tsv by hand, before the cables are read.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.corpus import CORPUS, part  # noqa: E402

SELECTION = HERE.parent / "data" / "selection.tsv"


def labelled() -> set[str]:
    rows = SELECTION.read_text(encoding="utf-8").splitlines()[1:]
    return {row.split("\t")[0] for row in rows if row.strip()}


def draw(part_name: str, seed: int, count: int, low: int, high: int) -> list[Path]:
    done = labelled()
    pool = [
        p
        for p in sorted((CORPUS / "cables").glob("*.txt"))
        if part(p.name) == part_name
        and f"cables/{p.name}" not in done
        and low <= p.stat().st_size <= high
    ]
    random.Random(seed).shuffle(pool)
    return sorted(pool[:count])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "held-out"), required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--min-bytes", type=int, default=1500)
    ap.add_argument("--max-bytes", type=int, default=6000)
    ap.add_argument("--round", type=int, required=True, help="the round number to write")
    args = ap.parse_args()
    for p in draw(args.part, args.seed, args.count, args.min_bytes, args.max_bytes):
        print(f"cables/{p.name}\t{args.part}\trandom, seed {args.seed} (round {args.round})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
