#!/usr/bin/env python3
"""How fast does ``workbench parse`` read the corpus, next to the floor of just reading it?

Both are measured as whole processes, start-up included, over ../shared/corpus/cables:
- floor: a Python process that reads every file and runs one regex search on it;
- parse: ``python -m workbench parse DIR --format jsonl > /dev/null``.
Prints cables/s, MB/s and peak RSS for each, and parse's time as a multiple of the floor
(the aim in issue 2 is within 5x). Run: ``python3 benchmarks/parse.py [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from machine import cpu_name  # benchmarks/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cables"

FLOOR = r"""
import os, re, sys
rx = re.compile(r"C O N F I D E N T I A L|S E C R E T|UNCLAS")
n = 0
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), "rb") as f:
        text = f.read().decode("utf-8", "replace")
    n += bool(rx.search(text))
print(n)
"""


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    elapsed = time.perf_counter() - start
    # ru_maxrss of children is the largest child so far; run the larger process last to be safe.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best is reported")
    ap.add_argument("folder", nargs="?", default=str(CORPUS))
    args = ap.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"benchmarks/parse.py: {folder} is not a folder of cables", file=sys.stderr)
        return 2
    files = [p for p in folder.iterdir() if p.is_file()]
    n = len(files)
    mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"input:   {n} cables, {mb:.1f} MB in {folder}")
    results = {}
    for label, cmd in (
        ("floor", [sys.executable, "-c", FLOOR, str(folder)]),
        ("parse", [sys.executable, "-m", "workbench", "parse", str(folder), "--format", "jsonl"]),
    ):
        best = min((run(cmd) for _ in range(args.repeat)), key=lambda r: r[0])
        results[label] = best
        secs, rss = best
        print(
            f"{label:6} {secs:7.2f} s  {n / secs:8.0f} cables/s  {mb / secs:6.2f} MB/s  "
            f"peak RSS {rss / 1024:6.1f} MB"
        )
    ratio = results["parse"][0] / results["floor"][0]
    print(f"parse / floor: {ratio:.1f}x (aim: within 5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
