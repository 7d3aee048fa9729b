#!/usr/bin/env python3
"""How long does saving a review decision take, and how fast do import, load and find run?

Against a real SQLite store in a temporary folder (WAL, synchronous=FULL: each decision is
synced to disk before ``apply`` returns), on the real cables of ../shared/corpus:
- apply: N single decisions, one transaction each (the reviewer's click): median and p99 ms;
- concurrent: two processes each applying N decisions to the same store at once: total time;
- contended: a reviewer's single decisions while another process writes in a tight loop;
- import: every cable's random review imported as one change (``ReplaceReview``): cables/s;
- load: every saved review read back and checked against its cable's text: cables/s;
- find: ``workbench review find XXXXXXXXXXXX CORPUS --codes (b)(6) --apply`` as a process.
Run: ``python3 benchmarks/review_store.py [--n 500]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402
from machine import cpu_name as cpu_model  # noqa: E402  (benchmarks/ is on sys.path when run)

from workbench.cable import CableError, read_cable  # noqa: E402
from workbench.review import Review, SqliteStore, commands  # noqa: E402


def real_cables() -> list:  # type: ignore[type-arg]
    out = []
    for t in corpus.index():
        if t.lineage != "original":
            continue
        try:
            out.append(read_cable(t.path))
        except CableError:
            continue
    return out


def bench_apply(folder: Path, cables: list, n: int) -> None:  # type: ignore[type-arg]
    targets = [(c, p) for c in cables for p in c.paragraphs][:n]
    times = []
    with SqliteStore(folder / "apply.sqlite3") as store:
        reviews = {}
        for i, (cable, p) in enumerate(targets):
            review = reviews.get(id(cable)) or reviews.setdefault(id(cable), store.load(cable))
            command = commands.withhold(p, ["(b)(1)"], f"decision {i}")
            t = time.perf_counter()
            store.apply(review, command, "bench")
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"apply      {len(times)} decisions, one transaction each: median "
        f"{statistics.median(times):.2f} ms, p99 {p99:.2f} ms, max {times[-1]:.2f} ms"
    )


def bench_concurrent(folder: Path, n: int) -> None:
    writer = ROOT / "tests" / "review" / "writer.py"
    store = folder / "concurrent.sqlite3"
    SqliteStore(store).close()
    go = folder / "go"
    cables = [str(corpus.SAMPLE)]
    procs = [
        subprocess.Popen(
            [sys.executable, str(writer), str(store), name, str(n), parity, str(go), *cables],
            stdout=subprocess.DEVNULL,
        )
        for name, parity in (("alice", "even"), ("bob", "odd"))
    ]
    while not all(Path(f"{go}.{name}.ready").exists() for name in ("alice", "bob")):
        time.sleep(0.01)
    t = time.perf_counter()
    go.touch()
    codes = [p.wait() for p in procs]
    elapsed = time.perf_counter() - t
    with SqliteStore(store) as s:
        logged = len(s.log("07SEOUL219"))
    print(
        f"concurrent 2 processes x {n} decisions: {elapsed:.2f} s "
        f"({2 * n / elapsed:.0f} decisions/s), exit codes {codes}, {logged} logged"
    )


def bench_contended(folder: Path, n: int) -> None:
    """A reviewer's clicks while another process writes decisions in a tight loop."""
    writer = ROOT / "tests" / "review" / "writer.py"
    store = folder / "contended.sqlite3"
    SqliteStore(store).close()
    go = folder / "go2"
    other = subprocess.Popen(
        [
            sys.executable,
            str(writer),
            str(store),
            "batch",
            str(50 * n),
            "even",
            str(go),
            str(corpus.SAMPLE),
        ],
        stdout=subprocess.DEVNULL,
    )
    while not Path(f"{go}.batch.ready").exists():
        time.sleep(0.01)
    go.touch()
    time.sleep(0.2)
    cable = read_cable(corpus.SAMPLE)
    times = []
    with SqliteStore(store) as s:
        review = s.load(cable)
        for i in range(n // 5):
            t = time.perf_counter()
            s.apply(review, commands.release(cable.paragraphs[0], f"click {i}"), "reviewer")
            times.append((time.perf_counter() - t) * 1000)
            time.sleep(0.005)
    still_running = other.poll() is None
    other.kill()
    other.wait()
    times.sort()
    print(
        f"contended {len(times)} clicks while another process writes in a loop "
        f"(still running at the end: {still_running}): median {statistics.median(times):.2f} ms, "
        f"max {times[-1]:.1f} ms"
    )


def bench_import_load(folder: Path, cables: list) -> None:  # type: ignore[type-arg]
    rng = random.Random(1)
    with SqliteStore(folder / "import.sqlite3") as store:
        t = time.perf_counter()
        for cable in cables:
            target = Review.for_cable(cable)
            steps = [
                commands.release(p) if rng.random() < 0.5 else commands.withhold(p, ["(b)(1)"])
                for p in cable.paragraphs
            ]
            if steps:
                commands.Composite(steps, "bench").apply(target)
            store.apply(store.load(cable), commands.ReplaceReview(target), "bench")
        imported = time.perf_counter() - t
        t = time.perf_counter()
        for cable in cables:
            store.load(cable)
        loaded = time.perf_counter() - t
    size = (folder / "import.sqlite3").stat().st_size / 1e6
    print(
        f"import     {len(cables)} cables, one change each: {len(cables) / imported:.0f} cables/s"
    )
    print(
        f"load       {len(cables)} reviews: {len(cables) / loaded:.0f} cables/s; store {size:.1f} MB"
    )


def bench_find(folder: Path) -> None:
    store = folder / "find.sqlite3"
    t = time.perf_counter()
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench",
            "review",
            "find",
            "XXXXXXXXXXXX",
            str(corpus.CORPUS / "cables"),
            "--match-case",
            "--codes",
            "(b)(6)",
            "--apply",
            "--store",
            str(store),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "WORKBENCH_HOME": str(folder / "home")},
    )
    elapsed = time.perf_counter() - t
    saved = r.stdout.count("(saved)")
    print(
        f"find       XXXXXXXXXXXX over the corpus with --apply: {elapsed:.1f} s, "
        f"{r.stderr.strip().splitlines()[-1]}, {saved} cables changed (exit {r.returncode})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="decisions for apply/concurrent")
    args = parser.parse_args()
    if not corpus.available():
        print("../shared/corpus is absent", file=sys.stderr)
        return 1
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    cables = real_cables()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_apply(folder, cables, args.n)
        bench_concurrent(folder, args.n)
        bench_contended(folder, args.n)
        bench_import_load(folder, cables)
        bench_find(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
