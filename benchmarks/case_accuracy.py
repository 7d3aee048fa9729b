"""Cases: how many copies and near copies get their proposal, and how many proposals are wrong.

    python benchmarks/case_accuracy.py [--part dev|held-out|both] [--sample 150] [--others 300]

For each part of the corpus split (tests/corpus.py): ``--sample`` real cables (seeded) are
decided in full (every paragraph withheld (b)(1), so any proposal carries codes), and copies of
them are added to the case in the forms a case meets (the ground truth is known because we made
them): a repeat to another addressee, the text re-wrapped to 60 columns, the Markdown form, the
corpus's own variants of the part (Markdown, CRLF, Windows-1252 files, given IDs of their own),
and near copies: two words changed in each paragraph, 10% and 20% of the words changed, one
sentence dropped. ``--others`` real cables of the part are added undecided, as the rest of a
request's search results.

Counted per form: paragraphs that got a proposal whose source is the paragraph they were copied
from (recall), proposals pointing at another place (wrong source), and, over the undecided real
cables, proposals an independent check does not confirm (copy: the same words after lowering and
dropping punctuation; similar: difflib's word ratio of at least 0.7 against the source).
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "case"))

import corpus  # noqa: E402
from copymaker import repeat, rewrap, to_markdown, with_id  # noqa: E402
from machine import cpu_name  # noqa: E402

from workbench.cable import Cable, CableError, parse_cable, read_cable  # noqa: E402
from workbench.case.decided import Decided  # noqa: E402
from workbench.case.index import MIN_WORDS, CaseIndex, Member, member  # noqa: E402
from workbench.case.proposals import COPY, SIMILAR, Proposer  # noqa: E402
from workbench.review.model import Action, Decision, review_id  # noqa: E402

WITHHELD = Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)"))
EXACT = ("repeat", "rewrap", "markdown", "variant")
NEAR = ("near-2-words", "near-10%", "near-20%", "near-sentence")


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def _rebuild(cable: Cable, change) -> str:  # type: ignore[no-untyped-def]
    out, pos = [], 0
    for p in cable.paragraphs:
        body = cable.text[p.body_start : p.end]
        trail = body[len(body.rstrip()) :]
        out.append(cable.text[pos : p.body_start])
        out.append(change(body.rstrip()) + trail)
        pos = p.end
    out.append(cable.text[pos:])
    return "".join(out)


def near(text: str, form: str, rng: random.Random) -> str:
    cable = parse_cable(text)
    vocab = cable.text.split() or ["word"]

    def change(body: str) -> str:
        words = body.split(" ")
        if len(words) < 2 * MIN_WORDS:
            return body
        if form == "near-sentence":
            sentences = re.split(r"(?<=\.) ", body)
            if len(sentences) < 3:
                return body
            del sentences[rng.randrange(1, len(sentences))]
            return " ".join(sentences)
        k = 2 if form == "near-2-words" else round(len(words) * (0.1 if "10" in form else 0.2))
        for i in rng.sample(range(len(words)), k):
            words[i] = rng.choice(vocab)
        return " ".join(words)

    return _rebuild(cable, change)


def derive(m: Member, form: str, n: int, rng: random.Random) -> str:
    t = m.cable.text
    if form == "repeat":
        return repeat(t, "STATE", 90000 + n, "AMEMBASSY OTTAWA")
    if form == "rewrap":
        return with_id(rewrap(t, 60), "COPYPOST", 91000 + n)
    if form == "markdown":
        return with_id(to_markdown(t), "COPYPOST", 92000 + n)
    return with_id(near(t, form, rng), "COPYPOST", 93000 + 1000 * NEAR.index(form) + n)


def build(part: str, sample: int, others: int, seed: int = 15):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    rows = [t for t in corpus.index() if t.part == part]
    originals: dict[str, Member] = {}
    variants = []
    for t in rows:
        try:
            c = read_cable(t.path)
        except CableError:
            continue
        if t.lineage == "original":
            originals.setdefault(review_id(c), member(c, str(t.path)))
        else:
            variants.append(c)
    ids = sorted(originals)
    rng.shuffle(ids)
    decided_ids = ids[:sample]
    other_ids = ids[sample : sample + others]
    members = [originals[c] for c in decided_ids + other_ids]
    derived: dict[str, tuple[str, str]] = {}  # cid -> (form, original cid)
    skipped = Counter()
    for n, cid in enumerate(decided_ids):
        m = originals[cid]
        for form in ("repeat", "rewrap", "markdown", *NEAR):
            try:
                c2 = parse_cable(derive(m, form, n, rng), path=f"{form}-{n}.txt")
            except ValueError:
                skipped[form] += 1
                continue
            if len(c2.paragraphs) != len(m.cable.paragraphs) or review_id(c2) in originals:
                skipped[form] += 1
                continue
            derived[review_id(c2)] = (form, cid)
            members.append(member(c2))
    for k, v in enumerate(variants):
        src = review_id(v)
        if src not in originals:
            continue
        try:
            c2 = parse_cable(with_id(v.text.replace("\r\n", "\n"), "VARIANT", 94000 + k))
        except ValueError:
            skipped["variant"] += 1
            continue
        o = originals[src]
        if len(c2.paragraphs) != len(o.cable.paragraphs) or review_id(c2) in originals:
            skipped["variant"] += 1
            continue
        if src not in decided_ids:  # a variant's original is decided so its copy is proposed
            decided_ids.append(src)
            members.append(o)
        derived[review_id(c2)] = ("variant", src)
        members.append(member(c2))
    return members, decided_ids, derived, skipped


def measure(part: str, sample: int, others: int) -> None:
    t0 = time.perf_counter()
    members, decided_ids, derived, skipped = build(part, sample, others)
    by_id = {m.cable_id: m for m in members}
    decided = Decided({m.cable_id: {} for m in members})
    for cid in decided_ids:
        m = by_id[cid]
        decided.by_cable[cid] = {p.key: WITHHELD for p in m.places.values()}
    t1 = time.perf_counter()
    index = CaseIndex.build(members)
    proposer = Proposer(index, decided)
    t2 = time.perf_counter()
    found: dict[str, Counter] = {f: Counter() for f in EXACT + NEAR}
    for cid, (form, src) in derived.items():
        m, o = by_id[cid], by_id[src]
        props = {p.key: p for p in proposer.for_cable(cid) if p.kind in (COPY, SIMILAR)}
        for para in m.cable.paragraphs:
            key = f"p{para.index}"
            place = m.places.get(key)
            if place is None or len(m.words(place)) < MIN_WORDS:
                continue
            same = o.digests.get(key) == m.digests.get(key)
            if form in NEAR and same:
                continue  # this paragraph was too short to change: not a near copy
            c = found[form]
            c["paragraphs"] += 1
            p = props.get(key)
            if p is None:
                c["missed"] += 1
            elif (p.source.cable_id == src and p.source.key == key) or (
                by_id[p.source.cable_id].digests.get(p.source.key) == o.digests.get(key)
            ):
                c["found"] += 1
                c[p.kind] += 1
            else:
                c["wrong source"] += 1
    checked = Counter()
    undecided = [m for m in members if m.cable_id not in derived and m.cable_id not in decided_ids]
    for m in undecided:
        for p in proposer.for_cable(m.cable_id):
            if p.kind not in (COPY, SIMILAR):
                continue
            src = by_id[p.source.cable_id]
            a = _words(m.cable.text[p.start : p.end])
            b = _words(src.cable.text[p.source.start : p.source.end])
            ok = a == b if p.kind == COPY else difflib.SequenceMatcher(None, a, b).ratio() >= 0.7
            checked[p.kind, ok] += 1
    t3 = time.perf_counter()
    print(
        f"\n[{part}] {len(members)} cables: {len(decided_ids)} decided, {len(derived)} copies "
        f"made, {len(undecided)} undecided others (skipped forms: {dict(skipped) or 'none'})"
    )
    print(f"  {'form':15} {'paragraphs':>10} {'proposed':>9} {'recall':>7} {'wrong src':>9}")
    for form, c in found.items():
        if not c["paragraphs"]:
            continue
        kinds = ", ".join(f"{c[k]} {k}" for k in (COPY, SIMILAR) if c[k])
        print(
            f"  {form:15} {c['paragraphs']:>10} {c['found']:>9} "
            f"{100 * c['found'] / c['paragraphs']:>6.1f}% {c['wrong source']:>9}   ({kinds})"
        )
    for kind in (COPY, SIMILAR):
        ok, bad = checked[kind, True], checked[kind, False]
        if ok + bad:
            print(
                f"  {kind} proposals on the undecided real cables: {ok + bad}, "
                f"{bad} not confirmed by the independent check"
            )
    print(
        f"  time: reading {t1 - t0:.1f} s, index {t2 - t1:.1f} s, proposing and checking "
        f"{t3 - t2:.1f} s (load {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "held-out", "both"), default="both")
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--others", type=int, default=300)
    args = ap.parse_args()
    if not corpus.available():
        sys.exit("benchmarks/case_accuracy.py needs ../shared/corpus")
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    for part in ("dev", "held-out") if args.part == "both" else (args.part,):
        measure(part, args.sample, args.others)


if __name__ == "__main__":
    main()
