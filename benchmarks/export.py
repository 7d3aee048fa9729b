#!/usr/bin/env python3
"""How fast are release PDFs made? 200 corpus cables under seeded random reviews.

Two measurements:
- in process: parse + render the release (ReportLab, fonts registered once), per cable and per
  page; the aim in issue 5 is under 50 ms per cable-page in one process;
- the command a user types, as whole processes (start-up included):
  ``workbench export DIR --decisions DIR --out OUT --jobs N`` for N = 1 and 2, decisions read
  from one file per cable, PDFs written to disk.
Prints ms per cable, pages/s and ms per page. Run: ``python3 benchmarks/export.py [--cables 200]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "export"))

import corpus  # noqa: E402
from export_helpers import OPTIONS, random_review  # noqa: E402
from machine import cpu_name  # noqa: E402  (benchmarks/ is on sys.path when run)

from workbench.cable import read_cable  # noqa: E402
from workbench.export.release import render_release  # noqa: E402
from workbench.review.decisions import write_decisions  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cables", type=int, default=200)
    args = ap.parse_args()
    if not corpus.available():
        print("../shared/corpus is absent: nothing to measure", file=sys.stderr)
        return 1
    rng = random.Random(5)
    # Originals only: a variant shares its reference ID, and so its decisions file name.
    rows = sorted((t for t in corpus.index() if t.lineage == "original"), key=lambda t: t.path.name)
    picked = [t.path for t in rng.sample(rows, min(args.cables, len(rows)))]
    print(f"machine: {os.cpu_count()} cores, {cpu_name()}; Python {platform.python_version()}")

    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        cables_dir, decisions_dir, out_dir = work / "cables", work / "decisions", work / "out"
        for d in (cables_dir, decisions_dir, out_dir):
            d.mkdir()
        reviews = []
        for path in picked:
            cable = read_cable(path)
            review = random_review(cable, rng)
            reviews.append((path, review))
            shutil.copy(path, cables_dir / path.name)
            write_decisions(review, cable, decisions_dir / f"{review.cable_id}.json")

        # In process: parse + render, fonts registered on the first cable (counted).
        pages = 0
        start = time.perf_counter()
        for path, review in reviews:
            cable = read_cable(path)
            data = render_release(cable, review, OPTIONS)
            pages += data.count(b"/Type /Page\n") + data.count(b"/Type /Page ")
            pages -= data.count(b"/Type /Pages")
        secs = time.perf_counter() - start
        n = len(reviews)
        print(
            f"in process, parse + render: {n} cables, {pages} pages in {secs:.2f} s: "
            f"{1000 * secs / n:.1f} ms/cable, {pages / secs:.1f} pages/s, "
            f"{1000 * secs / pages:.1f} ms/page (aim < 50)"
        )

        for jobs in (1, 2):
            shutil.rmtree(out_dir)
            out_dir.mkdir()
            cmd = [
                sys.executable, "-m", "workbench", "export", str(cables_dir), "--reviewer", "Benchmark",
                "--decisions", str(decisions_dir), "--out", str(out_dir), "--jobs", str(jobs),
            ]  # fmt: skip
            env = {**os.environ, "WORKBENCH_HOME": str(work / "home")}
            start = time.perf_counter()
            done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
            secs = time.perf_counter() - start
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
            files = len(list(out_dir.glob("*.pdf")))
            print(
                f"workbench export --jobs {jobs}: {files} PDFs, {pages} pages in {secs:.2f} s: "
                f"{1000 * secs / n:.1f} ms/cable, {pages / secs:.1f} pages/s "
                "(whole process, start-up, decisions files and writing included)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
