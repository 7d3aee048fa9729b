#!/usr/bin/env python3
"""How fast does ``workbench parse`` read the corpus, next to the floor of just reading it?

Both are measured as whole processes, start-up included, over ../shared/corpus/cables (or a
folder given), repeated ``--copies`` times (``--copies 25`` is 50,050 cables, for flat memory):
- floor: a Python process that reads every file, decodes it and runs one regex search on it;
- parse: ``python -m workbench parse DIR --format jsonl --jobs N > /dev/null``, for each N in
  ``--jobs`` (1 parses in one process; 0 is the command's default, one worker per core).
- start-up: ``workbench parse`` of the one sample cable, next to ``python -c pass``.
Prints cables/s, MB/s and peak RSS (the largest process: parse or one of its workers) for each,
parse's time as a multiple of the floor (aim: within 5x with --jobs 1, goal 3x), and the load
average, since the machine may be shared. Each tree's package is first compiled to bytecode
(``__pycache__``), as ``pip install`` does: this machine sets PYTHONDONTWRITEBYTECODE, so
otherwise every run compiles the whole package from source (``--cold`` measures that). ``--against DIR`` runs another checkout's
``workbench`` (a worktree of an older commit) the same way, its runs alternating with this
one's, so that both see the same load: before/after figures side by side.
Run: ``python3 benchmarks/parse.py [--repeat 3] [--against /tmp/old-checkout]``.
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
SAMPLE = ROOT / "resources" / "samples" / "07SEOUL219.txt"

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


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system, workers included) of one
    child process tree, each in a fresh measurer."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "s = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "e = time.perf_counter() - s\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(e, u.ru_maxrss, u.ru_utime + u.ru_stime)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], check=True, capture_output=True, text=True, cwd=cwd
    ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def compile_package(tree: Path) -> None:
    """Write ``tree``'s bytecode as an installed package has it (``py_compile`` writes it
    whatever PYTHONDONTWRITEBYTECODE says; git ignores ``__pycache__``), and the reader's
    compiled-pattern table as ``make setup`` does."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(tree / "workbench")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # ... and the reader's compiled-pattern table, as ``make setup`` writes it (a tree from
    # before the table has no such module).
    if (tree / "workbench" / "cable" / "write_patterns.py").is_file():
        subprocess.run(
            [sys.executable, "-m", "workbench.cable.write_patterns"],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=tree,
        )


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
    ap.add_argument(
        "--against",
        metavar="DIR",
        help="another checkout of the workbench, measured alternately with this one",
    )
    ap.add_argument(
        "--cold",
        action="store_true",
        help="do not compile the trees' bytecode first (as each run here then compiles the "
        "package from source, unless an earlier run left __pycache__)",
    )
    ap.add_argument("folder", nargs="?", default=str(CORPUS))
    args = ap.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"benchmarks/parse.py: {folder} is not a folder of cables", file=sys.stderr)
        return 2
    # ``python -m workbench`` finds the package in its working folder first: each checkout
    # runs its own code.
    trees = [("", ROOT)]
    if args.against:
        other = Path(args.against).resolve()
        if not (other / "workbench" / "__main__.py").is_file():
            print(f"benchmarks/parse.py: {other} is not a workbench checkout", file=sys.stderr)
            return 2
        trees = [("this ", ROOT), ("against ", other)]
    files = [p for p in folder.iterdir() if p.is_file()]
    n = len(files) * args.copies
    mb = sum(p.stat().st_size for p in files) * args.copies / 1e6
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"input:   {n} cables, {mb:.1f} MB ({folder.resolve()} x {args.copies})")
    for label, tree in trees[1:]:
        print(f"{label.strip()}: {tree}")
    if not args.cold:
        for _label, tree in trees:
            compile_package(tree)
    cached = all(any((t / "workbench").glob("**/__pycache__/*.pyc")) for _l, t in trees)
    print(
        f"bytecode: {'compiled first, as installed' if not args.cold else 'as found'}"
        f" ({'cached' if cached else 'none: each run compiles the package'})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = copies_of(folder, args.copies, Path(tmp))
        # (label, command, working folder, cables): each row's runs alternate between the trees.
        rows: list[list[tuple[str, list[str], Path, int]]] = [
            [("floor", [sys.executable, "-c", FLOOR, str(source)], ROOT, n)]
        ]
        for jobs in args.jobs.split(","):
            cmd = [*PARSE, str(source), "--format", "jsonl", "--jobs", jobs]
            rows.append([(f"{label}parse --jobs {jobs}", cmd, tree, n) for label, tree in trees])
        rows.append([("python -c pass", [sys.executable, "-c", "pass"], ROOT, 1)])
        rows.append([(f"{label}start-up", [*PARSE, str(SAMPLE)], tree, 1) for label, tree in trees])
        floor = floor_cpu = bare = 0.0
        for row in rows:
            results: dict[str, list[tuple[float, int, float]]] = {label: [] for label, *_ in row}
            for _ in range(args.repeat):
                for label, cmd, cwd, _count in row:
                    results[label].append(run(cmd, cwd))
            for label, _cmd, _cwd, count in row:
                secs, rss, _cpu = min(results[label], key=lambda r: r[0])
                # CPU seconds move far less with the load than wall seconds: the least of
                # the runs, beside the wall figure.
                cpu = min(r[2] for r in results[label])
                if label == "floor":
                    floor, floor_cpu = secs, cpu
                if label == "python -c pass":
                    bare = secs
                if count == 1:
                    extra = f"  {1000 * (secs - bare):5.0f} ms over python" if bare else ""
                    print(
                        f"{label:24} {1000 * secs:7.0f} ms  cpu {1000 * cpu:4.0f} ms  "
                        f"peak RSS {rss / 1024:6.1f} MB{extra}"
                        f"  (load {os.getloadavg()[0]:.1f})"
                    )
                    continue
                ratio = (
                    ""
                    if label == "floor"
                    else f"  {secs / floor:5.1f}x floor (cpu {cpu / floor_cpu:4.1f}x)"
                )
                print(
                    f"{label:24} {secs:7.2f} s  cpu {cpu:6.2f} s  {n / secs:7.0f} cables/s  "
                    f"{mb / secs:6.2f} MB/s  peak RSS {rss / 1024:6.1f} MB{ratio}  "
                    f"(load {os.getloadavg()[0]:.1f})"
                )
    print("aim: parse --jobs 1 within 5x the floor, goal 3x, with flat memory at 50,000 cables")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
