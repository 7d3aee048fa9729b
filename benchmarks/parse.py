#!/usr/bin/env python3
"""How fast does ``workbench parse`` read the corpus, next to the floor of just reading it?

Both are measured as whole processes, start-up included, over ../shared/corpus/cables (or a
folder given), repeated ``--copies`` times (``--copies 25`` is 50,050 cables, for flat memory):
- floor: a Python process that reads every file, decodes it and runs one regex search on it;
- parse: ``python -m workbench parse DIR --format jsonl --jobs N > /dev/null``, for each N in
  ``--jobs`` (1 parses in one process; 0 is the command's default, one worker per core).
Prints cables/s, MB/s and peak RSS (the largest process: parse or one of its workers) for each,
parse's time as a multiple of the floor (aim: within 5x with --jobs 1, goal 3x), and the load
average, since the machine may be shared. Run: ``python3 benchmarks/parse.py [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import cpu_name  # benchmarks/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cables"
PARSE = [sys.executable, "-m", "workbench", "parse"]

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


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process tree, each in a fresh measurer."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "s = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "e = time.perf_counter() - s\n"
        "print(e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    return float(out[0]), int(out[1])


def copies_of(folder: Path, copies: int, tmp: Path) -> Path:
    """A folder holding ``copies`` links to ``folder``'s cables (``copies == 1``: the folder)."""
    if copies == 1:
        return folder
    for i in range(copies):
        sub = tmp / f"copy{i:03d}"
        sub.mkdir()
        for p in folder.iterdir():
            if p.is_file():
                (sub / p.name).symlink_to(p.resolve())
    return tmp


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best is reported")
    ap.add_argument("--copies", type=int, default=1, help="read the folder this many times over")
    ap.add_argument(
        "--jobs", default="1,0", help="comma-separated --jobs values for parse (0: default)"
    )
    ap.add_argument("folder", nargs="?", default=str(CORPUS))
    args = ap.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"benchmarks/parse.py: {folder} is not a folder of cables", file=sys.stderr)
        return 2
    files = [p for p in folder.iterdir() if p.is_file()]
    n = len(files) * args.copies
    mb = sum(p.stat().st_size for p in files) * args.copies / 1e6
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"input:   {n} cables, {mb:.1f} MB ({folder} x {args.copies})")
    with tempfile.TemporaryDirectory() as tmp:
        source = copies_of(folder, args.copies, Path(tmp))
        runs = [("floor", [sys.executable, "-c", FLOOR, str(source)])]
        for jobs in args.jobs.split(","):
            runs.append(
                (
                    f"parse --jobs {jobs}",
                    [*PARSE, str(source), "--format", "jsonl", "--jobs", jobs],
                )
            )
        floor = None
        for label, cmd in runs:
            best = min((run(cmd) for _ in range(args.repeat)), key=lambda r: r[0])
            secs, rss = best
            floor = floor or secs
            ratio = "" if label == "floor" else f"  {secs / floor:5.1f}x floor"
            print(
                f"{label:15} {secs:7.2f} s  {n / secs:8.0f} cables/s  {mb / secs:6.2f} MB/s  "
                f"peak RSS {rss / 1024:6.1f} MB{ratio}  (load {os.getloadavg()[0]:.1f})"
            )
    print("aim: parse --jobs 1 within 5x the floor, goal 3x, with flat memory at 50,000 cables")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
