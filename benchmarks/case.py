"""Cases: what proposals save a reviewer, and what they cost (issue 15).

    python benchmarks/case.py [--part dev|held-out|both] [--paragraphs 100000] [--sample 250]

For each part of the corpus split (tests/corpus.py), builds a case of real cables: every cable
that shares a paragraph with another (the corpus's own duplicates), a seeded sample of the
others, and injected copies of a seeded few (a repeat to another addressee, the text re-wrapped
to 60 columns, the Markdown form, a near copy with two words changed). Then:

* a simulated review, cable after cable: each region's "right" decision is drawn (seeded) from
  its folded text, so every copy has the same one (a near copy has its original's); without
  proposals each region is a decision; with them, a proposal that is right is accepted (one
  key), a wrong one is declined and the region decided by hand. Counted: decisions by hand,
  acceptances, and "accept all" presses (one per cable whose proposals were all right).
  Nothing is simulated inside the workbench: the proposals are the real ones, from the real
  index, against the decisions made so far.
* how many injected copies and near copies got their proposal;
* the time to propose for one cable (median, p95, max), the case's decisions held in memory as
  the window holds them;
* the time to index --paragraphs paragraphs (corpus cables under new IDs until there are
  enough), split into folding and digests, and MinHash + LSH; beside it, what a brute-force
  RapidFuzz search over the same paragraphs costs per cable, the alternative measured;
* the store's size after the simulated review, saved through the real SQLite store.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "case"))

import corpus  # noqa: E402
from copymaker import from_markdown, repeat, rewrap, to_markdown, with_id  # noqa: E402
from machine import cpu_name  # noqa: E402  (benchmarks/ is on sys.path when run)

from workbench.cable import Cable, CableError, parse_cable, read_cable  # noqa: E402
from workbench.case.decided import Decided  # noqa: E402
from workbench.case.index import CaseIndex, Member, member  # noqa: E402
from workbench.case.mapping import signature  # noqa: E402
from workbench.case.proposals import Proposer  # noqa: E402
from workbench.review.model import RELEASED, Action, Decision, Redaction, review_id  # noqa: E402

CODES_CLASSIFIED = ("(b)(1)", "1.4(d)")
CODES_PRIVACY = ("(b)(6)",)


def _draw(key: str) -> int:
    return hashlib.sha256(key.encode()).digest()[0]


def right_decision(m: Member, key: str, text_key: str) -> Decision:
    """The decision a careful reviewer makes for this text (the same for every copy)."""
    r = m.partition[key]
    roll = _draw(text_key)
    if roll < 190 or r.kind != "paragraph":
        return RELEASED
    if roll < 240:
        return Decision(Action.WITHHOLD, CODES_CLASSIFIED)
    f = m.folded
    a, b = f.word_range(r.body_start, r.end)
    if b - a < 4:
        return Decision(Action.WITHHOLD, CODES_PRIVACY)
    s, _ = f.source(*f.words[a + 1])
    _, e = f.source(*f.words[a + 2])
    return Decision(Action.PARTIAL, (), "", (Redaction(s, e, CODES_PRIVACY),))


def build_case(part: str, sample: int, seed: int = 15) -> tuple[list[Member], dict, dict]:
    """Members, injected copies {cid: (kind, original cid)}, and near-copy regions."""
    rng = random.Random(seed)
    rows = [t for t in corpus.index() if t.part == part and t.lineage == "original"]
    cables: dict[str, Cable] = {}
    for t in rows:
        try:
            c = read_cable(t.path)
        except CableError:
            continue
        cables.setdefault(review_id(c), c)
    members = {cid: member(c) for cid, c in cables.items()}
    full = CaseIndex.build(members.values(), similar=False)
    dup = {p.cable_id for g in full.groups() for p in g if g[0].kind == "paragraph"}
    others = sorted(set(members) - dup)
    chosen = sorted(dup) + rng.sample(others, min(sample, len(others)))
    base = [members[c] for c in chosen]
    injected: dict[str, tuple[str, str]] = {}
    near: dict[tuple[str, str], str] = {}
    out = list(base)
    for n, m in enumerate(rng.sample(base, min(len(base) // 6, 60))):
        text = m.cable.text
        forms = {
            "repeat": lambda t, k: repeat(t, "STATE", 90000 + k, "AMEMBASSY OTTAWA"),
            "rewrap": lambda t, k: with_id(rewrap(t, 60), "COPYPOST", 91000 + k),
            "markdown": lambda t, k, md=m.cable.markdown: with_id(
                from_markdown(t) if md else to_markdown(t), "COPYPOST", 92000 + k
            ),
            "near": lambda t, k: with_id(t, "COPYPOST", 93000 + k),
        }
        for kind, make in forms.items():
            try:
                t2 = make(text, n)
            except ValueError:
                continue
            c2 = parse_cable(t2, path=f"{kind}-{n}.txt")
            changed = 0
            if kind == "near":
                got = _near(c2, rng)
                if got is None:
                    continue
                c2, changed = got
            cid = review_id(c2)
            if cid in members or cid in injected or len(c2.paragraphs) != len(m.cable.paragraphs):
                continue
            injected[cid] = (kind, m.cable_id)
            m2 = member(c2)
            out.append(m2)
            if kind == "near":
                near[cid, f"p{changed}"] = m.cable_id
    return out, injected, near


def _near(c: Cable, rng: random.Random) -> tuple[Cable, int] | None:
    """Two words of the longest paragraph changed (a quotation with small changes); the
    changed paragraph's index."""
    if not c.paragraphs:
        return None
    p = max(c.paragraphs, key=lambda q: q.end - q.body_start)
    words = c.text[p.body_start : p.end].split(" ")
    if len(words) < 20:
        return None
    for i in rng.sample(range(2, len(words) - 2), 2):
        words[i] = "altered"
    text = c.text[: p.body_start] + " ".join(words) + c.text[p.end :]
    return parse_cable(text, path=c.path), p.index


def simulate(members: list[Member], injected: dict, near: dict) -> dict:
    index = CaseIndex.build(members)
    decided = Decided({m.cable_id: {} for m in members})
    by_id = {m.cable_id: m for m in members}
    hand = accepted = declined = all_presses = total = 0
    times: list[float] = []
    found = {"copy": [0, 0], "near": [0, 0]}
    proposer = Proposer(index, decided)
    for m in members:
        t0 = time.perf_counter()
        props = proposer.for_cable(m.cable_id)
        times.append(time.perf_counter() - t0)
        by_key = {p.key: p for p in props if p.decision is not None}
        mine: dict[str, Decision] = {}
        by_hand_here = 0
        for place in m.places.values():
            total += 1
            text_key = m.digests.get(place.key, b"").hex() or f"{m.cable_id}/{place.key}"
            src = near.get((m.cable_id, place.key))
            right = right_decision(m, place.key, text_key)
            if src is not None:  # a near copy: its original's decision is the right one
                o = by_id[src]
                okey = o.digests.get(place.key, b"").hex()
                right = right_decision(m, place.key, okey) if okey else right
            p = by_key.get(place.key)
            kind = injected.get(m.cable_id, ("",))[0]
            if kind and place.kind == "paragraph" and place.key in m.digests:
                bucket = found["near" if src is not None else "copy"]
                bucket[1] += 1
                bucket[0] += p is not None
            if p is not None and signature(index, place, p.decision) == signature(
                index, place, right
            ):
                accepted += 1
                mine[place.key] = p.decision
            else:
                if p is not None:
                    declined += 1
                hand += 1
                by_hand_here += 1
                mine[place.key] = right
        all_presses += by_hand_here == 0
        decided.by_cable[m.cable_id] = mine
        proposer = Proposer(index, decided)
    return {
        "cables": len(members),
        "regions": total,
        "hand": hand,
        "accepted": accepted,
        "declined": declined,
        "accept_all_cables": all_presses,
        "times": times,
        "found": found,
        "index": index,
        "decided": decided,
    }


def store_size(members: list[Member], decided: Decided) -> tuple[int, int]:
    from workbench.review import commands as rc
    from workbench.review.case_records import CaseCable, CaseRecord
    from workbench.review.model import Review, text_hash
    from workbench.review.store import SqliteStore

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.sqlite3"
        store = SqliteStore(path)
        store.create_case(CaseRecord("F-2026-00001", "benchmark"), "bench")
        store.add_case_cables(
            "F-2026-00001",
            [
                CaseCable(m.cable_id, f"/x/{m.cable_id}.txt", text_hash(m.cable.text))
                for m in members
            ],
            "bench",
        )
        for m in members:
            review = Review.for_cable(m.cable)
            for key, d in decided.by_cable[m.cable_id].items():
                store.apply(review, rc.SetDecision(m.partition[key], d), "bench")
        store.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    return size, len(members)


def index_speed(paragraphs: int) -> dict:
    from rapidfuzz import fuzz, process

    cables = []
    for t in corpus.index():
        if t.lineage != "original":
            continue
        with contextlib.suppress(CableError):
            cables.append(read_cable(t.path))
    members: list[Member] = []
    n_par = 0
    t_parse = t_fold = 0.0
    rounds = 0
    while n_par < paragraphs:
        for c in cables:
            t0 = time.perf_counter()
            c2 = dataclasses.replace(c, id=f"{c.id}-{rounds}")
            from workbench.review.regions import partition

            partition(c2)
            t1 = time.perf_counter()
            m = member(c2)
            t_fold += time.perf_counter() - t1
            t_parse += t1 - t0
            members.append(m)
            n_par += sum(1 for p in m.places.values() if p.kind == "paragraph")
            if n_par >= paragraphs:
                break
        rounds += 1
    t0 = time.perf_counter()
    index = CaseIndex.build(members, similar=False)
    t_digest = time.perf_counter() - t0
    t0 = time.perf_counter()
    index.build_similar()
    t_lsh = time.perf_counter() - t0
    probe = members[: min(50, len(members))]
    decided = Decided({m.cable_id: {} for m in members})
    proposer = Proposer(index, decided)
    t0 = time.perf_counter()
    for m in probe:
        proposer.for_cable(m.cable_id)
    t_probe = (time.perf_counter() - t0) / len(probe)
    # The alternative: RapidFuzz over every paragraph of the case, for one cable's paragraphs.
    texts = [
        m.folded.chars[p.fold_start : p.fold_end]
        for m in members
        for p in m.places.values()
        if p.kind == "paragraph"
    ]
    t0 = time.perf_counter()
    for m in probe[:5]:
        queries = [
            m.folded.chars[p.fold_start : p.fold_end]
            for p in m.places.values()
            if p.kind == "paragraph"
        ]
        process.cdist(queries, texts, scorer=fuzz.ratio, score_cutoff=80, workers=1)
    t_brute = (time.perf_counter() - t0) / 5
    return {
        "cables": len(members),
        "paragraphs": n_par,
        "parse_s": t_parse,
        "fold_s": t_fold,
        "digest_s": t_digest,
        "lsh_s": t_lsh,
        "propose_empty_ms": t_probe * 1000,
        "brute_ms": t_brute * 1000,
    }


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "held-out", "both"), default="both")
    ap.add_argument("--sample", type=int, default=250, help="cables without duplicates to add")
    ap.add_argument("--paragraphs", type=int, default=100_000)
    args = ap.parse_args()
    if not corpus.available():
        sys.exit("benchmarks/case.py needs ../shared/corpus")
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    parts = ("dev", "held-out") if args.part == "both" else (args.part,)
    for part in parts:
        members, injected, near = build_case(part, args.sample)
        r = simulate(members, injected, near)
        t = [x * 1000 for x in r["times"]]
        size, n = store_size(members, r["decided"])
        kinds = {k for k, _ in injected.values()}
        print(
            f"\n[{part}] case of {r['cables']} cables ({len(injected)} injected copies: "
            f"{', '.join(sorted(kinds))}), {r['regions']} regions a reviewer decides"
        )
        print(f"  without proposals: {r['regions']} decisions")
        print(
            f"  with proposals:    {r['hand']} by hand + {r['accepted']} accepted proposals "
            f"({r['declined']} proposals declined); {r['accept_all_cables']} cables decided "
            f"wholly by one 'accept all'"
        )
        print(f"  by hand: {100 * r['hand'] / r['regions']:.1f}% of the regions")
        for k, (hit, of) in r["found"].items():
            if of:
                print(f"  injected {k} paragraphs proposed: {hit} of {of} ({100 * hit / of:.0f}%)")
        print(
            f"  propose for one cable: median {statistics.median(t):.1f} ms, p95 "
            f"{_pct(t, 0.95):.1f} ms, max {max(t):.1f} ms"
        )
        print(
            f"  store after the review: {size / 1e6:.2f} MB ({size / n / 1024:.1f} KiB per cable)"
        )
    s = index_speed(args.paragraphs)
    print(
        f"\nindex of {s['paragraphs']} paragraphs ({s['cables']} cables; load "
        f"{os.getloadavg()[0]:.1f}):"
    )
    print(f"  reading into regions (not counted): {s['parse_s']:.1f} s")
    print(
        f"  folding: {s['fold_s']:.1f} s; digests: {s['digest_s']:.1f} s; MinHash + LSH: "
        f"{s['lsh_s']:.1f} s; total {s['fold_s'] + s['digest_s'] + s['lsh_s']:.1f} s"
    )
    print(
        f"  propose for one cable against it: {s['propose_empty_ms']:.1f} ms (LSH) vs "
        f"{s['brute_ms']:.0f} ms for RapidFuzz over every paragraph (one worker)"
    )


if __name__ == "__main__":
    main()
