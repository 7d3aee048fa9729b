#!/usr/bin/env python3
"""How much more the ``recurrences`` rule withholds, over the corpus (both parts).

Two reviews of every corpus cable (variants included), everything else released:

- **fields**: the subject, Classified By, signature and every passing line withheld in full
  (the red-team's case: a withheld field printed again in a later header or a paragraph);
- **names**: the classifier's name (Classified By) withheld as a span, and the signature too:
  a name used again elsewhere.

For each: cables where the rule withholds anything, the spans it adds, and the characters they
cover (the share of the released text that is no longer printed), and the time it takes.

Run: ``python3 benchmarks/recurrences.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from workbench.cable import read_cable  # noqa: E402
from workbench.review import Action, Decision, Redaction, Review  # noqa: E402

CODES = ("(b)(6)",)


def review_of(cable, scenario: str) -> Review:  # type: ignore[no-untyped-def]
    r = Review.for_cable(cable)
    for region in r.pending():
        r.with_decision(region.key, Decision(Action.RELEASE))
    for region in r.regions():
        if scenario == "fields" and (
            region.kind in ("subject", "classified_by", "signature", "passing")
        ):
            r.with_decision(region.key, Decision(Action.WITHHOLD, CODES))
        elif scenario == "names" and region.kind in ("classified_by", "signature"):
            s, e = region.body_start, region.end
            while s < e and cable.text[s].isspace():
                s += 1
            while e > s and cable.text[e - 1].isspace():
                e -= 1
            if s < e:
                r.with_decision(
                    region.key, Decision(Action.PARTIAL, spans=(Redaction(s, e, CODES),))
                )
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="cables per part (0: all)")
    args = ap.parse_args()
    if not corpus.available():
        sys.exit("../shared/corpus is absent")
    print(f"load average {os.getloadavg()[0]:.1f}")
    for scenario in ("fields", "names"):
        stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for truth in corpus.index():
            part = truth.part
            st = stats[part]
            if args.limit and st["cables"] >= args.limit:
                continue
            cable = read_cable(truth.path)
            review = review_of(cable, scenario)
            t0 = time.perf_counter()
            found = review.recurrences()
            st["seconds"] += time.perf_counter() - t0
            st["cables"] += 1
            spans = [s for v in found.values() for s in v]
            if spans:
                st["with"] += 1
            st["spans"] += len(spans)
            st["chars"] += sum(s.end - s.start for s in spans)
            withheld = review.withholdings(cable)
            st["released_chars"] += len(cable.text) - sum(w.end - w.start for w in withheld)
        for part in ("dev", "held-out"):
            st = stats[part]
            n = int(st["cables"])
            print(
                f"{scenario:6} {part:8}: {n} cables; rule withholds in {int(st['with'])} "
                f"({100 * st['with'] / max(n, 1):.1f}%): {int(st['spans'])} spans, "
                f"{int(st['chars'])} chars ({100 * st['chars'] / max(st['released_chars'], 1):.2f}% "
                f"of released text); {1000 * st['seconds'] / max(n, 1):.1f} ms per cable"
            )


if __name__ == "__main__":
    main()
