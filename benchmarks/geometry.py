#!/usr/bin/env python3
"""What the shape of a withholding tells: bits of length per span, and unique paragraph outlines.

Two figures (issue 11; Bland, Iyer and Levchenko, PETS 2023; declassification.md section 8):

- **bits per span**: a name of 1 to 32 letters, each length as likely, is withheld inline. How
  many bits of its length does the box's width give away? Before: the box was exactly as wide
  as the name (5 bits, the length itself). Now: the width is one of ``reflow.BOX_WIDTHS``.
- **unique outlines**: every paragraph of the corpus withheld in full. Its outline before was
  the ragged shape of its lines (the length of each printed line); now it is the block's height
  bucket beside the label's width. The share of paragraphs whose outline no other paragraph of
  the same part has is how often the outline alone singles the paragraph out.

Run: ``python3 benchmarks/geometry.py`` (both corpus parts; ../shared/corpus must be there).
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from workbench.cable import read_cable  # noqa: E402
from workbench.export.layout import COLUMNS, wrap  # noqa: E402
from workbench.export.reflow import block_rows, box_width, rows_needed  # noqa: E402


def entropy(values: list[int]) -> float:
    n = len(values)
    return -sum(c / n * math.log2(c / n) for c in Counter(values).values())


def bits_per_span() -> tuple[float, float]:
    lengths = list(range(1, 33))
    return entropy(lengths), entropy([box_width(n) for n in lengths])


def outlines(part: str) -> tuple[int, float, float]:
    before: list[tuple[int, ...]] = []
    after: list[tuple[int, ...]] = []
    for truth in corpus.index():
        if truth.part != part or truth.lineage != "original":
            continue
        cable = read_cable(truth.path)
        text = cable.text
        lines = wrap(text)
        for p in cable.paragraphs:
            label = p.body_start - p.start
            # Before: each printed line of the body, as long as its withheld cells.
            shape = [
                min(line.end, p.end) - max(line.start, p.body_start)
                for line in lines
                if line.start < p.end and p.body_start < line.end
            ]
            before.append((label, *shape))
            after.append(
                (
                    label if label <= COLUMNS - 20 else 0,
                    block_rows(rows_needed(text[p.body_start : p.end])),
                )
            )

    def unique(xs: list[tuple[int, ...]]) -> float:
        counts = Counter(xs)
        return sum(1 for x in xs if counts[x] == 1) / len(xs) if xs else 0.0

    return len(before), unique(before), unique(after)


def main() -> int:
    b0, b1 = bits_per_span()
    print(
        f"bits of length per withheld span (names of 1-32 letters): before {b0:.2f}, now {b1:.2f}"
    )
    if not corpus.available():
        print("../shared/corpus is absent: no outline figures")
        return 0
    for part in ("dev", "held-out"):
        n, u0, u1 = outlines(part)
        print(
            f"{part}: {n} paragraphs withheld in full; outline unique to one paragraph: "
            f"before {100 * u0:.1f}%, now {100 * u1:.1f}%"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
