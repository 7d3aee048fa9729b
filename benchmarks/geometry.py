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
- **hard-wrapped lines**: in every corpus paragraph printed over several source lines, one
  span of 1-3 words inside a line is withheld (seeded). A box whose row ends at the source's
  own line end, with the next source line continuing the prose, bounds the span: the line's
  released characters, the span and the next line's first word overran the cable's wrap width
  (its longest line in the paragraph). Printed: the share of boxes so bounded and the mean bits
  of length the bound adds to the box's bucket; line for line (before) and with the prose of a
  partial region rewrapped by the release (now, ``reflow.joined_ranges``).

- **names over a line end**: in every corpus paragraph printed over several source lines, the
  last word of one line and the first of the next are withheld (seeded; at most 40 characters
  joined). Printed: the share drawn as a block to the right margin, which tells that a source
  line ended inside the piece (before: every such piece, the old rule "a line end inside is a
  block"; now: as ``reflow`` draws it in the rewrapped paragraph), and the share whose box is
  the bucket the same words on one line would get.

Run: ``python3 benchmarks/geometry.py`` (both corpus parts; ../shared/corpus must be there).
"""

from __future__ import annotations

import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from workbench.cable import read_cable  # noqa: E402
from workbench.export.layout import COLUMNS, wrap  # noqa: E402
from workbench.export.reflow import (  # noqa: E402
    INLINE_MAX,
    Bar,
    Box,
    Text,
    block_rows,
    box_width,
    joined_ranges,
    reflow,
    rows_needed,
    wrap_width,
)
from workbench.review.model import Review, Withholding  # noqa: E402


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


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]


def wrapped_lines(
    part: str, seed: int = 11
) -> tuple[int, tuple[float, float], tuple[float, float]]:
    """(boxes, (share bounded, bits) before, (share bounded, bits) now)."""
    rng = random.Random(seed)
    figures: dict[bool, list[float]] = {False: [], True: []}
    boxes = 0
    for truth in corpus.index():
        if truth.part != part or truth.lineage != "original":
            continue
        cable = read_cable(truth.path)
        text = cable.text
        review = Review.for_cable(cable)
        regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
        for p in cable.paragraphs:
            body = text[p.body_start : p.end]
            lines = body.rstrip().split("\n")
            if len(lines) < 3:
                continue
            k = rng.randrange(len(lines) - 1)  # a line with a next line of the paragraph
            line_start = p.body_start + sum(len(x) + 1 for x in lines[:k])
            words = _word_spans(text, line_start, line_start + len(lines[k]))
            if len(words) < 3:
                continue
            a = rng.randrange(1, len(words) - 1)
            b = min(len(words) - 2, a + rng.randint(0, 2))
            s, e = line_start + words[a][0], line_start + words[b][1]
            if e - s > INLINE_MAX:
                continue
            w = Withholding("span", s, e, ("(b)(6)",), region=p.key)
            width = max(len(x) for x in lines)
            boxes += 1
            for now in (False, True):
                joined = joined_ranges(regions, [w]) if now else []
                # Now: as the release wraps, entry lines kept (reflow.wrap_width).
                kept = wrap_width(text, regions, [w]) if now else 0
                rows = reflow(text, [w], joined, kept)
                figures[now].append(_bound_bits(text, rows, w, width))

    def summary(xs: list[float]) -> tuple[float, float]:
        return (sum(1 for x in xs if x > 0) / len(xs), sum(xs) / len(xs)) if xs else (0.0, 0.0)

    return boxes, summary(figures[False]), summary(figures[True])


def _bound_bits(text: str, rows: list, w: Withholding, wrap_width: int) -> float:  # type: ignore[type-arg]
    """Bits of the span's length the row's end gives beyond the box's bucket (0: unbounded)."""
    for i, row in enumerate(rows):
        box = next((x for x in row.items if isinstance(x, Box) and x.withheld is w), None)
        if box is None:
            continue
        texts = [x for x in row.items if isinstance(x, Text)]
        after = [x for x in texts if x.start >= w.end]
        if not after or i + 1 >= len(rows):
            return 0.0
        last = after[-1]
        end = last.start + len(last.text)
        nxt = next((x for x in rows[i + 1].items if isinstance(x, Text)), None)
        # The row ends where the source line ends, and the next row is the next source line.
        if nxt is None or text[end : nxt.start].strip(" ") != "\n":
            return 0.0
        if box.col + box.width + (end - w.end) + 1 + len(nxt.text.split()[0]) <= COLUMNS:
            rest = end - w.end  # released characters after the span on its source line
            before = w.start - text.rfind("\n", 0, w.start) - 1  # ... and before it
            first = len(nxt.text.split()[0])
            lo, hi = wrap_width - before - rest - first, wrap_width - before - rest
            bucket = [n for n in range(1, box.width + 1) if box_width(n) == box.width]
            inside = [n for n in bucket if lo <= n <= hi] or bucket
            return math.log2(len(bucket) / len(inside))
        return 0.0
    return 0.0


def over_line_ends(part: str, seed: int = 13) -> tuple[int, float, float]:
    """(pieces, share drawn as a block now, share whose box is its one-line bucket now)."""
    rng = random.Random(seed)
    pieces = blocks = same = 0
    for truth in corpus.index():
        if truth.part != part or truth.lineage != "original":
            continue
        cable = read_cable(truth.path)
        text = cable.text
        regions = [(r.kind, r.body_start, r.end) for r in Review.for_cable(cable).regions()]
        for p in cable.paragraphs:
            lines = text[p.body_start : p.end].rstrip().split("\n")
            if len(lines) < 3:
                continue
            k = rng.randrange(len(lines) - 1)
            start = p.body_start + sum(len(x) + 1 for x in lines[:k])
            this = _word_spans(text, start, start + len(lines[k]))
            nxt = _word_spans(
                text, start + len(lines[k]) + 1, start + len(lines[k]) + 1 + len(lines[k + 1])
            )
            if len(this) < 2 or len(nxt) < 2:
                continue
            s = start + this[-1][0]
            e = start + len(lines[k]) + 1 + nxt[0][1]
            one_line = len(" ".join(text[s:e].split()))
            if one_line > INLINE_MAX:
                continue
            w = Withholding("span", s, e, ("(b)(6)",), region=p.key)
            rows = reflow(text, [w], joined_ranges(regions, [w]), wrap_width(text, regions, [w]))
            items = [x for row in rows for x in row.items if getattr(x, "withheld", None) is w]
            pieces += 1
            if any(isinstance(x, Bar) for x in items):
                blocks += 1
            elif [x.width for x in items if isinstance(x, Box)] == [box_width(one_line)]:
                same += 1
    return pieces, blocks / max(1, pieces), same / max(1, pieces)


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
    for part in ("dev", "held-out"):
        n, (s0, b0), (s1, b1) = wrapped_lines(part)
        print(
            f"{part}: {n} spans inside hard-wrapped lines; box bounded by the line end: "
            f"before {100 * s0:.1f}% ({b0:.2f} bits per span beyond the bucket), "
            f"now {100 * s1:.1f}% ({b1:.2f} bits)"
        )
    for part in ("dev", "held-out"):
        n, blocks, same = over_line_ends(part)
        print(
            f"{part}: {n} pieces of 2 words over a source line end (up to 40 characters): "
            f"drawn as a block before 100.0% (a line end inside made a block), "
            f"now {100 * blocks:.1f}%; a box of the one-line bucket now {100 * same:.1f}%"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
