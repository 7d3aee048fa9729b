#!/usr/bin/env python3
"""How fast and how safe is saving review decisions, on SQLite and on PostgreSQL, in one run?

For each store (a SQLite file in a temporary folder, WAL with synchronous=FULL; and a throwaway
local PostgreSQL server started from the machine's binaries, fsync and synchronous_commit on):
- apply: N single decisions, one transaction each (the reviewer's click): median and p99 ms;
- 8 writers x 500: eight reviewer processes (eight database roles on PostgreSQL) each saving
  500 decisions, to cables of their own and then all to the same cable: time, decisions/s, the
  p99 of one decision as the writers saw it, conflicts reported, and whether every decision
  reported saved is in the audit log exactly once;
- SIGKILL: a writer killed mid-stream (mostly mid-transaction) three times: every decision it
  reported saved is there, and the next writer is not kept waiting by a lock the dead one held;
- restart (PostgreSQL): the server restarted twice during a writer's session: the writer
  reconnects and every decision is in the log exactly once, none lost, none doubled;
- import/load: every corpus cable's random review imported as one change, then read back.
Run: ``python3 benchmarks/review_store.py [--n 500] [--writers 8] [--per-writer 500]``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402
import pgcluster  # noqa: E402
from machine import cpu_name as cpu_model  # noqa: E402  (benchmarks/ is on sys.path when run)

from workbench.cable import CableError, read_cable  # noqa: E402
from workbench.review import Review, commands  # noqa: E402
from workbench.review.pg_connect import initialise  # noqa: E402
from workbench.review.stores import open_store  # noqa: E402

WRITER = ROOT / "tests" / "review" / "writer.py"


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


def pct(times: list[float], q: float) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(len(times) * q))]


class Stores:
    """Makes fresh stores of one kind; ``spec(name, who)`` names one as reviewer ``who``."""

    def __init__(self, kind: str, folder: Path, cluster: pgcluster.Cluster | None) -> None:
        self.kind, self.folder, self.cluster = kind, folder, cluster

    def new(self, name: str, people: list[str]) -> None:
        if self.cluster is None:
            return
        self.cluster.psql("postgres", f"CREATE DATABASE {name}")
        initialise(self.cluster.url(name))
        for who in people:
            self.cluster.psql(
                "postgres",
                f"DO $$ BEGIN CREATE ROLE {who} LOGIN; EXCEPTION WHEN duplicate_object THEN "
                "NULL; END $$",
            )
            self.cluster.psql(name, f"GRANT {name}_reviewer TO {who}")

    def spec(self, name: str, who: str = "bench") -> str:
        if self.cluster is None:
            return str(self.folder / f"{name}.sqlite3")
        return self.cluster.url(name, who)


def bench_apply(stores: Stores, cables: list, n: int) -> None:  # type: ignore[type-arg]
    stores.new("apply", ["bench"])
    targets = [(c, p) for c in cables for p in c.paragraphs][:n]
    times = []
    with open_store(stores.spec("apply")) as store:
        reviews: dict[int, Review] = {}
        for i, (cable, p) in enumerate(targets):
            review = reviews.get(id(cable)) or reviews.setdefault(id(cable), store.load(cable))
            command = commands.withhold(p, ["(b)(1)"], f"decision {i}")
            t = time.perf_counter()
            store.apply(review, command, "bench")
            times.append((time.perf_counter() - t) * 1000)
    print(
        f"  apply      {len(times)} single decisions: median {statistics.median(times):.2f} ms, "
        f"p99 {pct(times, 0.99):.2f} ms, max {max(times):.2f} ms"
    )


def start_writer(spec: str, name: str, count: int, parity: str, go: Path, files: list[str]):  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, str(WRITER), spec, name, str(count), parity, str(go), *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def saved_notes(lines: list[str]) -> list[str]:
    return [
        " ".join(line.split()[3:5])
        for line in lines
        if line.startswith("saved ") and line.endswith("\n")
    ]


def logged_notes(spec: str, cable_ids: set[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    with open_store(spec) as store:
        for cid in cable_ids:
            for entry in store.log(cid):
                for after in entry.after.get("regions", {}).values():
                    out[after.get("comment", "")] += 1
    return out


def bench_writers(stores: Stores, files: list[str], writers: int, per: int, same: bool) -> None:
    name = "same" if same else "own"
    people = [f"reviewer{i}" for i in range(writers)]
    stores.new(name, people)
    open_store(stores.spec(name, people[0])).close()
    go = stores.folder / f"go-{stores.kind}-{name}"
    if same:
        assignments = [[files[0]] for _ in people]
    else:
        assignments = [[files[1 + i % (len(files) - 1)]] for i in range(writers)]
    procs = [
        start_writer(stores.spec(name, who), who, per, "all", go, mine)
        for who, mine in zip(people, assignments, strict=True)
    ]
    while not all(Path(f"{go}.{who}.ready").exists() for who in people):
        if any(p.poll() is not None for p in procs):
            print("  a writer failed to start:", procs[0].stderr.read() if procs[0].stderr else "")
            return
        time.sleep(0.02)
    t = time.perf_counter()
    go.touch()
    outputs = [p.communicate() for p in procs]
    elapsed = time.perf_counter() - t
    codes = [p.returncode for p in procs]
    lines = [out.splitlines(keepends=True) for out, _ in outputs]
    saved = [n for ls in lines for n in saved_notes(ls)]
    conflicts = sum(1 for ls in lines for line in ls if line.startswith("conflict "))
    gaps = []
    for ls in lines:
        stamps = [float(line.split()[-1]) for line in ls if line.startswith("saved ")]
        gaps += [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
    ids = {read_cable(f).id or "" for f in files}
    logged = logged_notes(stores.spec(name, people[0]), ids)
    lost = sum(1 for n in saved if logged[n] == 0)
    doubled = sum(1 for n in saved if logged[n] > 1)
    where = "the same cable" if same else "cables of their own"
    print(
        f"  {writers} writers x {per} to {where}: {elapsed:.1f} s "
        f"({len(saved) / elapsed:.0f} decisions/s), per decision median "
        f"{statistics.median(gaps):.1f} ms p99 {pct(gaps, 0.99):.1f} ms; saved {len(saved)}, "
        f"conflicts reported {conflicts}, lost {lost}, doubled {doubled}, exit codes "
        f"{sorted(set(codes))}"
    )
    if any(codes):
        print("   ", outputs[codes.index(next(c for c in codes if c))][1].strip()[-300:])


def bench_sigkill(stores: Stores, files: list[str]) -> None:
    stores.new("killed", ["victim0", "victim1", "victim2", "next"])
    spec = stores.spec("killed", "next")
    open_store(spec).close()
    saved: list[str] = []
    waits = []
    rng = random.Random(3)
    for run in range(3):
        go = stores.folder / f"go-kill-{stores.kind}-{run}"
        go.touch()
        proc = start_writer(
            stores.spec("killed", f"victim{run}"), f"victim{run}", 10**6, "all", go, files[:1]
        )
        assert proc.stdout is not None
        lines = []
        target = rng.randint(30, 150)
        for line in proc.stdout:
            lines.append(line)
            if sum(1 for x in lines if x.startswith("saved ")) >= target:
                break
        proc.send_signal(signal.SIGKILL)
        lines.extend(proc.stdout.read().splitlines(keepends=True))
        proc.wait()
        saved += saved_notes(lines)
        # The next reviewer's decision on the same paragraph: how long does a dead client's
        # lock keep them waiting?
        cable = read_cable(files[0])
        with open_store(stores.spec("killed", "next")) as store:
            review = store.load(cable)
            t = time.perf_counter()
            store.apply(review, commands.release(cable.paragraphs[0], f"next {run}"), "next")
            waits.append((time.perf_counter() - t) * 1000)
    logged = logged_notes(spec, {read_cable(files[0]).id or ""})
    lost = sum(1 for n in saved if logged[n] == 0)
    print(
        f"  SIGKILL    3 writers killed mid-stream after {len(saved)} reported saves: lost "
        f"{lost}; the next decision waited {max(waits):.1f} ms at most"
    )


def bench_restart(stores: Stores, files: list[str], cluster: pgcluster.Cluster) -> None:
    stores.new("restart", ["survivor"])
    spec = stores.spec("restart", "survivor")
    open_store(spec).close()
    go = stores.folder / "go-restart"
    go.touch()
    proc = start_writer(spec, "survivor", 600, "all", go, files[:2])
    assert proc.stdout is not None
    lines: list[str] = []
    restarts = []
    for line in proc.stdout:
        lines.append(line)
        n = sum(1 for x in lines if x.startswith("saved "))
        if n in (150, 350) and len(restarts) < (1 if n == 150 else 2):
            t = time.perf_counter()
            cluster.restart()
            restarts.append((time.perf_counter() - t) * 1000)
    proc.wait()
    saved = saved_notes(lines)
    gaps = []
    stamps = [float(x.split()[-1]) for x in lines if x.startswith("saved ")]
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
    ids = {read_cable(f).id or "" for f in files[:2]}
    logged = logged_notes(spec, ids)
    lost = sum(1 for n in saved if logged[n] == 0)
    doubled = sum(1 for n in saved if logged[n] > 1)
    print(
        f"  restart    server restarted {len(restarts)} times during 600 decisions "
        f"(restart took {max(restarts):.0f} ms): exit {proc.returncode}, saved {len(saved)}, "
        f"lost {lost}, doubled {doubled}, longest pause {max(gaps):.0f} ms"
    )


def bench_import_load(stores: Stores, cables: list) -> None:  # type: ignore[type-arg]
    stores.new("imported", ["bench"])
    rng = random.Random(1)
    with open_store(stores.spec("imported")) as store:
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
        trips = round_trips(store, lambda: store.load(cables[0]))
    print(
        f"  import     {len(cables)} cables, one change each: {len(cables) / imported:.0f} "
        f"cables/s; load {len(cables) / loaded:.0f} cables/s"
        + (f", {trips} round trip(s) to the server per load" if trips is not None else "")
    )


def round_trips(store: object, work) -> int | None:  # type: ignore[no-untyped-def]
    """How many times ``work`` waits for the PostgreSQL server: libpq's trace of the store's
    connection, counting the messages after which the client waits for an answer (Sync in
    the extended protocol, Query in the simple one: BEGIN, COMMIT). None for SQLite."""
    conn = getattr(store, "_conn", None)
    if conn is None or not hasattr(conn, "pgconn"):
        return None
    with tempfile.TemporaryFile("w+") as trace:
        conn.pgconn.trace(trace.fileno())
        try:
            work()
        finally:
            conn.pgconn.untrace()
        trace.seek(0)
        sent = [line.split("\t") for line in trace.read().splitlines()]
    return sum(1 for f in sent if len(f) > 2 and f[1] == "F" and f[3] in ("Sync", "Query"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="single decisions for apply")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--per-writer", type=int, default=500)
    parser.add_argument("--skip-import", action="store_true", help="leave out import/load")
    parser.add_argument(
        "--only-import", action="store_true", help="only import/load (the load's round trips)"
    )
    args = parser.parse_args()
    if not corpus.available():
        print("../shared/corpus is absent", file=sys.stderr)
        return 1
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    cables = real_cables()
    dev = [str(t.path) for t in corpus.index() if t.lineage == "original" and t.part == "dev"]
    files = [str(corpus.SAMPLE), *dev[: args.writers]]
    bindir = pgcluster.find_bindir()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cluster = pgcluster.Cluster(bindir).start() if bindir else None
        try:
            kinds = ["sqlite"] + (["postgresql"] if cluster else [])
            for kind in kinds:
                stores = Stores(kind, folder, cluster if kind == "postgresql" else None)
                if kind == "postgresql":
                    assert cluster is not None
                    settings = cluster.psql(
                        "postgres",
                        "SELECT current_setting('fsync') || ' ' || "
                        "current_setting('synchronous_commit')",
                    ).strip()
                    print(
                        f"postgresql {cluster.psql('postgres', 'SHOW server_version').strip()}"
                        f" (local socket; fsync, synchronous_commit: {settings})"
                    )
                else:
                    print("sqlite (WAL, synchronous=FULL)")
                if not args.only_import:
                    bench_apply(stores, cables, args.n)
                    bench_writers(stores, files, args.writers, args.per_writer, same=False)
                    bench_writers(stores, files, args.writers, args.per_writer, same=True)
                    bench_sigkill(stores, files)
                    if kind == "postgresql" and cluster is not None:
                        bench_restart(stores, files, cluster)
                if not args.skip_import:
                    bench_import_load(stores, cables)
        finally:
            if cluster:
                cluster.stop()
    print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
