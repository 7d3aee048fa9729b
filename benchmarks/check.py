#!/usr/bin/env python3
"""How fast is ``workbench check`` on a Cablegate-sized archive, and how much memory does it take?

Builds an archive of N cables by repeating ../shared/corpus/cables (in folders of one corpus
copy each) under a temporary folder, then measures, each as a whole process with start-up:
- floor: one Python process that walks the archive, reads every file and runs one regex search;
- check: ``python -m workbench check ARCHIVE --format jsonl --jobs J > /dev/null``;
- with ``--cluster local:N``: the same with ``--cluster local:1`` ... ``local:N`` (a Dask
  LocalCluster started by the run), beside the local ``--jobs N`` run, for the cluster's
  overhead on one machine and its scaling from one worker up; ``--cluster tcp://host:port``
  uses a running scheduler (whose workers' memory is not measured here).
Prints wall time, cables/s, MB/s, CPU seconds, the peak RSS of the largest single process
(from wait4) and the peak total RSS of the whole process tree (sampled from /proc every 50 ms);
for cluster runs also the peak RSS of the client process alone and of the largest worker, and
the cluster's start-up (the same command on a one-cable archive).
Aims (issue 3, 2-core machine): 100,000 cables in under 60 s with --jobs 2; peak RSS under
300 MB at any N.  Issue 18: the cluster's overhead on one machine under 15%.

Run: ``python3 benchmarks/check.py`` (N = 10,000 and 100,000, --jobs 1 and 2), or e.g.
``python3 benchmarks/check.py --n 100000 --jobs 2 --cluster local:2``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from machine import cpu_name  # benchmarks/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cables"

FLOOR = r"""
import os, re, sys
rx = re.compile(r"C O N F I D E N T I A L|S E C R E T|UNCLAS")
n = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        with open(os.path.join(root, name), "rb") as f:
            text = f.read().decode("utf-8", "replace")
        n += bool(rx.search(text))
print(n)
"""


def build_archive(dest: Path, n: int, source: Path) -> int:
    """Copy ``source``'s cables into ``dest`` until there are ``n``; return the bytes written."""
    files = sorted(p for p in source.iterdir() if p.is_file())
    total = 0
    made = 0
    copy = 0
    while made < n:
        folder = dest / f"copy{copy:04d}"
        folder.mkdir(parents=True)
        for p in files[: n - made]:
            shutil.copyfile(p, folder / p.name)
            total += p.stat().st_size
        made += min(len(files), n - (made))
        copy += 1
    return total


def _tree_rss_kib(pid: int) -> dict[int, int]:
    """Resident memory of ``pid`` and every descendant, in KiB, by process id (Linux /proc)."""
    rss: dict[int, int] = {}
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                rss[p] = int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            # Children are listed by the thread that started them (a LocalCluster starts its
            # workers from threads of its own), so every thread's list is read.
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return rss


def measure(cmd: list[str], cwd: Path = ROOT) -> dict[str, float]:
    """Run ``cmd``; wall seconds, CPU seconds, largest-process and whole-tree peak RSS (KiB),
    and the load average (1 minute) as it started."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=cwd)
    peak_tree = peak_client = peak_child = 0
    cpu_by_pid: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree, peak_client, peak_child
        while not done.is_set():
            rss = _tree_rss_kib(proc.pid)
            for p in rss:
                cpu_by_pid[p] = max(cpu_by_pid.get(p, 0.0), _cpu_seconds(p))
            peak_tree = max(peak_tree, sum(rss.values()))
            peak_client = max(peak_client, rss.get(proc.pid, 0))
            peak_child = max([peak_child, *(v for p, v in rss.items() if p != proc.pid)])
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # wait4 gives this child's own usage, its waited-for workers included (ru_maxrss: the
    # largest single process); not that of workers a fork server started, which are no
    # descendants it waits for, so the CPU of every process of the tree is sampled too.
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"benchmarks/check.py: {' '.join(cmd)} exited {proc.returncode}")
    return {
        "wall": wall,
        "cpu": max(usage.ru_utime + usage.ru_stime, sum(cpu_by_pid.values())),
        "rss": max(usage.ru_maxrss, peak_client, peak_child),
        "tree": peak_tree,
        "client": peak_client,
        "worker": peak_child,
        # this process alone (with a LocalCluster's scheduler and nannies)
        "client_cpu": cpu_by_pid.get(proc.pid, 0.0),
        "load": load,
    }


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of ``pid`` itself so far (Linux /proc), 0 once it has exited."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(label: str, n: int, mb: float, r: dict[str, float], roles: bool = False) -> None:
    line = (
        f"  {label:32} {r['wall']:6.1f} s  {n / r['wall']:6.0f} cables/s  {mb / r['wall']:5.1f} MB/s"
        f"  CPU {r['cpu']:5.1f} s  peak RSS {r['rss'] / 1024:4.0f} MB/process"
        f"  {r['tree'] / 1024:4.0f} MB all  load {r.get('load', 0):.1f}"
    )
    if roles:
        line += (
            f"  (client {r['client'] / 1024:.0f} MB, {r['client_cpu']:.1f} s CPU; workers "
            f"{r['cpu'] - r['client_cpu']:.1f} s CPU, largest {r['worker'] / 1024:.0f} MB)"
        )
    print(line, flush=True)


def cluster_specs(specs: list[str]) -> list[str]:
    """``local:N`` becomes local:1 ... local:N (the scaling); an address stays as it is."""
    out: list[str] = []
    for spec in specs:
        if spec.startswith("local:") and spec[6:].isdigit():
            out += [f"local:{k}" for k in range(1, int(spec[6:]) + 1)]
        else:
            out.append(spec)
    return list(dict.fromkeys(out))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="cables in the archive (repeatable)")
    ap.add_argument("--jobs", type=int, action="append", help="--jobs for check (repeatable)")
    ap.add_argument("--corpus", default=str(CORPUS), help="folder of cables to repeat")
    ap.add_argument("--workdir", default=None, help="where to build archives (default: /tmp)")
    ap.add_argument(
        "--cluster",
        action="append",
        default=[],
        metavar="SPEC",
        help="also run with --cluster SPEC (local:N runs local:1 to local:N; repeatable)",
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the local and cluster commands this many times, alternately, and compare "
        "medians (a shared machine's load swings between runs)",
    )
    ap.add_argument(
        "--baseline",
        metavar="DIR",
        default=None,
        help="also run the cluster commands with the workbench of another checkout (e.g. the "
        "previous main), alternately with this one's: a before/after in one run",
    )
    args = ap.parse_args()
    sizes = args.n or [10_000, 100_000]
    clusters = cluster_specs(args.cluster)
    local_n = [int(c[6:]) for c in clusters if c.startswith("local:")]
    jobs = args.jobs or ([max(local_n)] if local_n else [1, 2])
    source = Path(args.corpus)
    if not source.is_dir():
        print(f"benchmarks/check.py: {source} is not a folder of cables", file=sys.stderr)
        return 2
    checkouts = {"": ROOT}
    if args.baseline:
        checkouts["baseline "] = Path(args.baseline).resolve()

    load = os.getloadavg()[0]
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average at start: {load:.1f} (other work on the machine slows every figure)")
    startup = {c: _startup(c, args.workdir) for c in clusters if c.startswith("local:")}
    for c, r in startup.items():
        print(f"start-up of --cluster {c} (one cable, whole command): {r['wall']:.1f} s")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="wb-check-bench-", dir=args.workdir) as tmp:
            archive = Path(tmp) / "archive"
            t = time.perf_counter()
            size = build_archive(archive, n, source)
            mb = size / 1e6
            print(f"\n{n} cables, {mb:.0f} MB (built in {time.perf_counter() - t:.0f} s)")
            report("floor", n, mb, measure([sys.executable, "-c", FLOOR, str(archive)]))
            runs: dict[str, list[dict[str, float]]] = {}
            for _ in range(args.rounds):
                for j in jobs:
                    for name, root in checkouts.items():
                        cmd = [sys.executable, "-m", "workbench", "check", str(archive)]
                        cmd += ["--format", "jsonl", "--jobs", str(j)]
                        r = measure(cmd, cwd=root)
                        runs.setdefault(f"{name}jobs {j}", []).append(r)
                        report(f"{name}check --jobs {j}", n, mb, r)
                for c in clusters:
                    for name, root in checkouts.items():
                        cmd = [sys.executable, "-m", "workbench", "check", str(archive)]
                        cmd += ["--format", "jsonl", "--cluster", c]
                        r = measure(cmd, cwd=root)
                        runs.setdefault(f"{name}{c}", []).append(r)
                        report(f"{name}check --cluster {c}", n, mb, r, roles=c.startswith("local:"))
            median = {k: _median(v) for k, v in runs.items()}
            if args.rounds > 1:
                print(f"  medians of {args.rounds} rounds:")
                for k, r in median.items():
                    report(_label(k), n, mb, r, roles="local:" in k)
            _compare({k: r["wall"] for k, r in median.items()}, median)
            if "local:1" in median:
                _archive_scale(n, size, median, startup, source)
            print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


def _label(key: str) -> str:
    """``baseline jobs 2`` -> ``baseline check --jobs 2``; ``local:2`` -> ``check --cluster local:2``."""
    prefix, _, what = key.rpartition("baseline ")
    what = what.replace("jobs ", "--jobs ") if what.startswith("jobs") else f"--cluster {what}"
    return f"{prefix}{'baseline ' if _ else ''}check {what}"


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over the rounds (the run of median wall time for odd counts)."""
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


PAGES = 250e6  # the archive-scale question: 250 million pages


def pages_per_cable(source: Path) -> dict[str, float]:
    """Pages per cable in the workbench's own release layout (one cable line per PDF line,
    ``LINES_PER_PAGE`` lines a page), over the corpus's originals, by part of the split."""
    sys.path.insert(0, str(ROOT / "tests"))
    from corpus import part

    from workbench.cable import CableError, read_cable
    from workbench.export.layout import wrap
    from workbench.export.release import paginate

    pages: dict[str, list[int]] = {"dev": [], "held-out": []}
    for p in sorted(source.iterdir()):
        try:
            cable = read_cable(p)
        except CableError:
            continue
        pages[part(p.name)].append(len(paginate(wrap(cable.text))))
    every = pages["dev"] + pages["held-out"]
    return {k: sum(v) / len(v) for k, v in [*pages.items(), ("all", every)] if v}


def _archive_scale(
    n: int,
    size: int,
    runs: dict[str, dict[str, float]],
    startup: dict[str, dict[str, float]],
    source: Path,
) -> None:
    """What 250 million pages would take, by arithmetic from this run's figures."""
    ppc = pages_per_cable(source)
    cables = PAGES / ppc["all"]
    one = runs["local:1"]
    rate = n / (one["wall"] - startup["local:1"]["wall"])  # one worker, start-up taken off
    widest = max(runs, key=lambda c: int(c[6:]) if c.startswith("local:") else 0)
    # The client's CPU for one row (its scheduler's share included), start-up taken off.
    per_row = (runs[widest]["client_cpu"] - startup[widest]["client_cpu"]) / n
    print(
        f"\n  250 million pages at {ppc['all']:.2f} pages a cable (release layout over the "
        f"corpus: dev {ppc.get('dev', 0):.2f}, held-out {ppc.get('held-out', 0):.2f}) = "
        f"{cables / 1e6:.0f} million cables, {cables * size / n / 1e9:,.0f} GB of cable files"
    )
    print(
        f"  one worker checks {rate:,.0f} cables/s: {cables / rate / 3600:,.1f} worker-hours;"
        f" the client spends {per_row * 1e6:.0f} µs of CPU a row, so one client takes at most "
        f"{1 / per_row:,.0f} rows/s ({1 / per_row / rate:.0f} workers' worth)"
    )
    for workers in (2, 16, 64, 256):
        speed = min(workers * rate, 1 / per_row)
        print(
            f"    {workers:4d} workers: {cables / speed / 3600:7.1f} h, reading "
            f"{speed * size / n / 1e6:6.0f} MB/s from the shared file system"
        )


def _startup(spec: str, workdir: str | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="wb-check-bench-", dir=workdir) as tmp:
        one = Path(tmp) / "one.txt"
        shutil.copyfile(ROOT / "resources" / "samples" / "07SEOUL219.txt", one)
        return measure([sys.executable, "-m", "workbench", "check", str(one), "--cluster", spec])


def _compare(walls: dict[str, float], runs: dict[str, dict[str, float]]) -> None:
    """The cluster's overhead beside the local run with as many processes, and its scaling."""
    for spec, wall in walls.items():
        prefix, _, k = spec.rpartition("local:")
        local_key = f"{prefix}jobs {k}"  # the same checkout's local run
        if "local:" in spec and local_key in walls:
            local = walls[local_key]
            cpu, local_cpu = runs[spec]["cpu"], runs[local_key]["cpu"]
            print(
                f"  overhead of --cluster {spec} over --jobs {k}: {(wall - local) / local:+.1%} "
                f"wall (aim: under 15%), {(cpu - local_cpu) / local_cpu:+.1%} CPU"
            )
    for prefix in sorted({s.split("local:")[0] for s in walls if "local:" in s}):
        one = walls.get(f"{prefix}local:1")
        for spec, wall in walls.items():
            if one and spec.startswith(f"{prefix}local:") and spec != f"{prefix}local:1":
                k = int(spec.rsplit(":", 1)[1])
                print(
                    f"  scaling {prefix}local:1 -> {spec}: {one / wall:.2f}x "
                    f"({one / wall / k:.0%} of {k} workers' ideal)"
                )


if __name__ == "__main__":
    raise SystemExit(main())
