"""Precision, recall and F1 of ``workbench suggest`` on the labelled set, per kind and part.

The set is tests/suggest/data/labels.json (guide: tests/suggest/LABELLING.md): cables of
../shared/corpus with every person name, contact detail and protect marker labelled by
offsets. A suggestion matches a label of the same kind when their overlap covers at least
half of each (so "Yun" alone does not match "Joseph Y. Yun", and a paragraph-long
suggestion does not match a name inside it). Precision counts suggestions that match some
label; recall counts labels matched by some suggestion.

    python benchmarks/suggest_score.py [--part dev|held-out] [--errors] [--engine NAME]
                                       [--round N]

``--errors`` lists the misses and false alarms of the dev part (never of held-out: the
held-out part is scored, not studied). ``--engine`` scores another recogniser the same
way, for the comparison in the issue's note (see benchmarks/suggest_engines.py).
``--round N`` scores only the cables of labelling round N (tests/suggest/data/selection.tsv):
run before any rule is changed for them, it is the round's blind score.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus import CORPUS  # noqa: E402
from workbench.cable import read_cable  # noqa: E402

LABELS = ROOT / "tests" / "suggest" / "data" / "labels.json"
SELECTION = ROOT / "tests" / "suggest" / "data" / "selection.tsv"
KINDS = ("person", "contact", "protect-marker")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= (a[1] - a[0]) and inter * 2 >= (b[1] - b[0])


def load_labels() -> list[dict]:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    out = []
    for rec in data["cables"]:
        path = CORPUS / rec["file"]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != rec["sha256"]:
            raise SystemExit(f"{path} changed since it was labelled (SHA-256 differs)")
        out.append(rec)
    return out


def round_files(n: int) -> set[str]:
    """The cables (``cables/ID.txt``) that labelling round ``n`` (2 and later) added."""
    rows = [line.split("\t") for line in SELECTION.read_text().splitlines()[1:]]
    return {row[0] for row in rows if row[2].endswith(f"(round {n})")}


def builtin_engine(path: Path) -> list[tuple[int, int, str]]:
    from workbench.suggest import suggest

    cable = read_cable(path)
    return [(s.start, s.end, s.kind) for s in suggest(cable)]


def role_agreement(records: list[dict]) -> tuple[int, int]:
    """Of the person suggestions that match a label, how many give the label's role
    (official or not: a source counts as private, as its codes do). Newcomer 3's finding 14
    was one person official in one paragraph and private in the next."""
    from workbench.suggest import PERSON, suggest

    agree = total = 0
    for rec in records:
        if "person" not in rec.get("kinds", KINDS):
            continue
        labels = [s for s in rec["spans"] if s["kind"] == "person"]
        for s in suggest(read_cable(CORPUS / rec["file"]), [PERSON]):
            hit = [x for x in labels if overlaps((s.start, s.end), (x["start"], x["end"]))]
            if hit:
                total += 1
                agree += (s.detail == "official") == (hit[0]["sub"] == "official")
    return agree, total


def score(records: list[dict], engine, errors: bool = False) -> dict[str, dict[str, float]]:
    tp_s: dict[str, int] = defaultdict(int)
    n_s: dict[str, int] = defaultdict(int)
    tp_l: dict[str, int] = defaultdict(int)
    n_l: dict[str, int] = defaultdict(int)
    for rec in records:
        path = CORPUS / rec["file"]
        # A cable labelled for some kinds only ("kinds": round 7 labelled contacts alone)
        # scores those kinds and no other.
        kinds = rec.get("kinds", KINDS)
        got = [g for g in engine(path) if g[2] in kinds]
        labels = [(s["start"], s["end"], s["kind"]) for s in rec["spans"] if s["kind"] in kinds]
        text = read_cable(path).text if errors else ""
        for a, b, k in got:
            n_s[k] += 1
            if any(k == lk and overlaps((a, b), (la, lb)) for la, lb, lk in labels):
                tp_s[k] += 1
            elif errors:
                print(f"  FALSE {rec['id']:18} {k:8} {text[a:b]!r}")
        for la, lb, lk in labels:
            n_l[lk] += 1
            if any(k == lk and overlaps((a, b), (la, lb)) for a, b, k in got):
                tp_l[lk] += 1
            elif errors:
                ctx = text[max(0, la - 25) : la] + "[" + text[la:lb] + "]" + text[lb : lb + 15]
                print(f"  MISS  {rec['id']:18} {lk:8} {ctx!r}")
    out = {}
    for k in KINDS:
        p = tp_s[k] / n_s[k] if n_s[k] else 0.0
        r = tp_l[k] / n_l[k] if n_l[k] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[k] = {"precision": p, "recall": r, "f1": f, "labels": n_l[k], "suggested": n_s[k]}
    return out


def report(name: str, part: str, result: dict[str, dict[str, float]], n_cables: int) -> None:
    print(f"{name} on {part} ({n_cables} cables)")
    print(f"  {'kind':16} {'precision':>9} {'recall':>7} {'F1':>6} {'labels':>7} {'suggested':>9}")
    for k, v in result.items():
        print(
            f"  {k:16} {v['precision']:9.3f} {v['recall']:7.3f} {v['f1']:6.3f} "
            f"{v['labels']:7d} {v['suggested']:9d}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "held-out"), action="append")
    ap.add_argument("--errors", action="store_true", help="list dev misses and false alarms")
    ap.add_argument("--engine", default="workbench", help="workbench (default) or another")
    ap.add_argument("--round", type=int, help="only the cables of this labelling round")
    args = ap.parse_args()
    if not (CORPUS / "INDEX.tsv").is_file():
        print(f"the corpus is not at {CORPUS}: nothing to score", file=sys.stderr)
        return 1
    engine = builtin_engine
    if args.engine != "workbench":
        from benchmarks.suggest_engines import ENGINES  # type: ignore[import-not-found]

        engine = ENGINES[args.engine]
    records = load_labels()
    if args.round is not None:
        chosen = round_files(args.round)
        records = [r for r in records if r["file"] in chosen]
    for part in args.part or ["dev", "held-out"]:
        recs = [r for r in records if r["part"] == part]
        if not recs:
            print(f"{args.engine} on {part}: no labelled cables")
            continue
        result = score(recs, engine, errors=args.errors and part == "dev")
        report(args.engine, part, result, len(recs))
        if args.engine == "workbench":
            agree, total = role_agreement(recs)
            print(f"  person role (official or not) agrees with the label: {agree}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
