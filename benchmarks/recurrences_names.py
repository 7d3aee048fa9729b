#!/usr/bin/env python3
"""What the ``recurrences`` rule's name forms add: a withheld name inside an e-mail address,
web address or handle, and with a plain suffix ("Hindys") (``--form address``); a withheld
number with other separators (``--form numbers``); a name's two-letter parts, "Li" (``--form
short``); over real reviews of corpus cables.

The review a reviewer who follows the suggestions makes: every person name ``workbench
suggest`` proposes is withheld as a span (any region), everything else released. For each
cable the rule runs twice, as it was (whole words only) and as it is now; printed per corpus
part: the cables, the names withheld, the spans the rule adds now beyond before (inside
addresses, and with a suffix), and a sample of them with their line, to read by eye for false
withholdings (``--show N``).

Run: ``python3 benchmarks/recurrences_names.py [--cables 200] [--seed 4] [--show 40]
[--form address|numbers|short] [--kinds person,contact]``; the 38 corpus cables holding an '@'
are added to the random ones (``--no-at`` leaves them out). ``--kinds`` says which suggestions
are withheld (``person`` by default; ``contact`` holds the phone numbers).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from workbench.cable import read_cable  # noqa: E402
from workbench.review import (  # noqa: E402
    Action,
    Decision,
    Redaction,
    Review,
    recurrences,
)
from workbench.review.recurrences import find_recurrences  # noqa: E402

CODES = ("(b)(6)",)


@contextlib.contextmanager
def without(name: str, empty: object):  # type: ignore[no-untyped-def]
    """The rule with one of its forms switched off (its source function giving nothing)."""
    saved = getattr(recurrences, name)
    setattr(recurrences, name, lambda *_a, **_k: empty)
    try:
        yield
    finally:
        setattr(recurrences, name, saved)


def before(review, base, form: str):  # type: ignore[no-untyped-def]
    if form == "numbers":
        with without("number_keys", ()):
            return find_recurrences(review, base)
    if form == "short":
        with without("short_parts", []):
            return find_recurrences(review, base)
    return find_recurrences(review, base, in_addresses=False, suffixes=False)


def kind_of(comment: str, text: str) -> str:
    if "inside an address" in comment or "inside a reference ID" in comment:
        return "address"
    if "(the same number)" in comment:
        return "number"
    return "short" if len(text) == 2 else "suffix"


def names_review(cable, kinds=("person",)):  # type: ignore[no-untyped-def]
    from workbench.suggest import suggest

    review = Review.for_cable(cable)
    part = review.partition
    spans: dict[str, list[Redaction]] = {}
    for s in suggest(cable, list(kinds)):
        region = part.at(s.start)
        if region is None or not (region.body_start <= s.start < s.end <= region.end):
            continue
        spans.setdefault(region.key, []).append(Redaction(s.start, s.end, CODES))
    for region in review.regions():
        if region.key in spans:
            review.with_decision(
                region.key, Decision(Action.PARTIAL, spans=tuple(spans[region.key]))
            )
        else:
            review.with_decision(region.key, Decision(Action.RELEASE))
    return review, sum(len(v) for v in spans.values())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cables", type=int, default=200)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--no-at", action="store_true")
    ap.add_argument("--form", choices=("address", "numbers", "short"), default="address")
    ap.add_argument("--kinds", default="person")
    args = ap.parse_args()
    kinds = tuple(args.kinds.split(","))
    if not corpus.available():
        print("../shared/corpus is absent")
        return 1
    files = sorted((corpus.CORPUS / "cables").glob("*.txt"))
    files = [f for f in files if f.name.count(".") == 1]  # originals, not variants
    rng = random.Random(args.seed)
    chosen = set(rng.sample(files, min(args.cables, len(files))))
    if not args.no_at:
        chosen |= {f for f in files if "@" in f.read_text(encoding="utf-8", errors="replace")}
    totals: dict[str, Counter[str]] = {"dev": Counter(), "held-out": Counter()}
    sample: list[tuple[str, str, str, str]] = []
    t0 = time.perf_counter()
    for f in sorted(chosen):
        cable = read_cable(f)
        review, n = names_review(cable, kinds)
        base = {r.key: review.base_effective(r).decision for r in review.regions()}
        then = before(review, base, args.form)
        now = find_recurrences(review, base)
        old = {(s.start, s.end) for spans in then.values() for s in spans}
        t = totals[corpus.part(f.stem)]
        t["cables"] += 1
        t["names"] += n
        t["spans before"] += len(old)
        for spans in now.values():
            for s in spans:
                t["spans now"] += 1
                if (s.start, s.end) in old:
                    continue
                kind = kind_of(s.comment, cable.text[s.start : s.end])
                t[f"added: {kind}"] += 1
                line_start = cable.text.rfind("\n", 0, s.start) + 1
                line_end = cable.text.find("\n", s.end)
                line = cable.text[line_start : line_end if line_end != -1 else None].strip()
                sample.append((f.stem, kind, cable.text[s.start : s.end], line[:110]))
    took = time.perf_counter() - t0
    for name, t in totals.items():
        print(
            f"{name:9} cables {t['cables']:4}  names withheld {t['names']:5}  rule's spans "
            f"before {t['spans before']:5}  now {t['spans now']:5}  added: inside an address "
            f"{t['added: address']:3}, with a suffix {t['added: suffix']:3}, a number "
            f"{t['added: number']:3}, a two-letter part {t['added: short']:3}"
        )
    print(f"({took:.1f} s for both runs of every cable)")
    rng.shuffle(sample)
    for cid, kind, text, line in sorted(sample[: args.show]):
        print(f"  {cid:18} {kind:7} {text!r:30} | {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
