#!/usr/bin/env python3
"""How many prose regions a release now keeps line for line in part: one-entry-per-line blocks
(participants lists, ``NAME:`` / ``TITLE:`` / ``EMAIL:`` blocks) inside a paragraph, subject,
signature, passing line or unparsed block that holds a withholding (newcomer 4, finding 5).

For every prose region of two lines or more of every corpus cable (originals; variants aside),
printed as a region holding a withholding is (its line ends joined, ``reflow.joined_ranges``):
the regions in which some line end is kept as an entry line's (``reflow.wrap_width`` given)
and the line ends so kept, per corpus part; ``--show N`` prints N such regions' kept lines.

Run: ``python3 benchmarks/entry_lines.py [--show 10] [--seed 5]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from workbench.cable import read_cable  # noqa: E402
from workbench.export.reflow import PROSE_KINDS, Text, reflow, wrap_width  # noqa: E402
from workbench.review.regions import partition  # noqa: E402


def _lines(rows, start: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The printed rows from offset ``start`` on (the region's, its label's line included)."""
    out = []
    for r in rows:
        items = [x for x in r.items if isinstance(x, Text)]
        if items and items[-1].start + len(items[-1].text) > start:
            out.append(" ".join(x.text for x in items))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    if not corpus.available():
        print("../shared/corpus is absent")
        return 1
    files = [f for f in sorted((corpus.CORPUS / "cables").glob("*.txt")) if f.name.count(".") == 1]
    totals: dict[str, Counter[str]] = {"dev": Counter(), "held-out": Counter()}
    shown: list[tuple[str, str, list[str]]] = []
    for f in files:
        cable = read_cable(f)
        text = cable.text
        regions = [(r.kind, r.body_start, r.end) for r in partition(cable).regions]
        width = wrap_width(text, regions, [])
        t = totals[corpus.part(f.stem)]
        t["cables"] += 1
        for kind, start, end in regions:
            if kind not in PROSE_KINDS or "\n" not in text[start:end].strip():
                continue
            t["regions"] += 1
            line_start = text.rfind("\n", 0, start) + 1
            piece = text[line_start:end]  # from its line's start: the label takes cells too
            span = [(start - line_start, len(piece))]
            before = _lines(reflow(piece, [], span), 0)
            now = _lines(reflow(piece, [], span, width), 0)
            if before != now:
                t["changed"] += 1
                t["rows before"] += len(before)
                t["rows now"] += len(now)
                shown.append((f.stem, kind, [ln for ln in now if ln][-12:]))
    for name, t in totals.items():
        share = t["changed"] / max(1, t["regions"])
        print(
            f"{name:9} cables {t['cables']:5}  prose regions of 2+ lines {t['regions']:6}  kept "
            f"in part line for line {t['changed']:5} ({share:.1%}); their rows "
            f"{t['rows before']} -> {t['rows now']}"
        )
    random.Random(args.seed).shuffle(shown)
    for cid, kind, lines in shown[: args.show]:
        print(f"--- {cid} ({kind})")
        for ln in lines:
            print(f"    {ln}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
