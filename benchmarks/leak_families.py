#!/usr/bin/env python3
"""Did each leak family of issue 11 leak before the regions, and does it now?

Each case is a real corpus cable, a decisions file in the format both versions read
(paragraphs by index, withheld header fields), exported with the real command
(``workbench export ... --allow-pending``) of a checkout and read back with poppler's
``pdftotext``. A case *leaks* when text the reviewer withheld (or never released) is printed.

    git worktree add --detach /tmp/old 02b27a6~1     # main before the regions landed
    python3 benchmarks/leak_families.py --old /tmp/old

Without ``--old`` only this checkout is run. Not a test: the old code is not in the tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cables"
CODES = ["(b)(1)", "1.4(d)"]
# The header fields the code before the regions could withhold (TAGS it could not).
FIELDS = ["subject", "classified_by", "refs", "signature", "from", "to", "info"]

# (family, cable, what the reviewer decided, text that must not be printed)
CASES = [
    (
        "paragraph on a page-break line taken for debris",
        "00HARARE6677.txt",
        "withhold every paragraph the reader lists",
        "TSVANGIRAI WAS FRANK",
    ),
    (
        "no paragraphs found: counted as reviewed",
        "08YEREVAN649.txt",
        "nothing (the window said 0 of 0 decided)",
        "Tigran Sargsian",
    ),
    (
        "passing lines after the banner",
        "../../../shared/samples/07SEOUL219.txt",
        "withhold every paragraph and header field",
        "PLEASE PASS TO J2",
    ),
    (
        "withheld subject repeated in a later header",
        "06CARACAS3688.txt",
        "withhold the subject, release every paragraph",
        "CORREA'S VISIT",
    ),
    (
        "withheld FM line, post inside reference IDs (newcomer 5, 1)",
        "06CARACAS3688.txt",
        "withhold the FM line, release every paragraph",
        "CARACAS3688",
    ),
    (
        "withheld FM line, a copied DE line (newcomer 5, 1)",
        "06CARACAS3688.txt",
        "withhold the FM line, release every paragraph",
        "RUEHCV",
    ),
    (
        "event words after DECL: released by a rule (newcomer 5, 6)",
        "10SHENYANG4.txt",
        "nothing (the draft withholds what is pending)",
        "KOREAN UNIFICATION",
    ),
]


def run(code: Path, args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(code), "WORKBENCH_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def decisions(code: Path, cable: Path, how: str, home: Path) -> dict[str, object]:
    parsed = json.loads(run(code, ["parse", str(cable)], home).stdout)
    paras = [p["index"] for p in parsed.get("paragraphs", [])]
    entries: list[dict[str, object]] = []
    fields: list[dict[str, object]] = []
    if how.startswith("withhold every paragraph"):
        entries = [{"index": i, "action": "withhold", "codes": CODES} for i in paras]
        if "field" in how:
            fields = [{"field": f, "codes": CODES} for f in FIELDS if parsed.get(f)]
    elif how.startswith("withhold the subject"):
        entries = [{"index": i, "action": "release"} for i in paras]
        fields = [{"field": "subject", "codes": CODES}]
    elif how.startswith("withhold the FM line"):
        entries = [{"index": i, "action": "release"} for i in paras]
        fields = [{"field": "from", "codes": CODES}]
    out: dict[str, object] = {"cable": parsed.get("id") or cable.stem, "decisions": entries}
    if fields:
        out["fields"] = fields
    return out


def leaks(code: Path, cable: Path, how: str, phrase: str, work: Path) -> str:
    home = work / "home"
    d = work / "d.json"
    d.write_text(json.dumps(decisions(code, cable, how, home)))
    pdf = work / "out.pdf"
    pdf.unlink(missing_ok=True)
    argv = ["export", str(cable), "--decisions", str(d), "--out", str(pdf), "--allow-pending"]
    r = run(code, [*argv, "--reviewer", "Benchmark"], home)
    if r.returncode != 0 or not pdf.exists():
        return "refused: " + (r.stderr.strip().splitlines() or ["?"])[-1][:70]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    shown = phrase in " ".join(text.split())
    full = "RELEASE IN FULL" in text
    return ("LEAKS" if shown else "no leak") + (" (stamped RELEASE IN FULL)" if full else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, help="a checkout of the code before the regions")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print("../shared/corpus is absent: nothing to show", file=sys.stderr)
        return 1
    versions = ([("before", args.old)] if args.old else []) + [("now", ROOT)]
    print(f"# load average {os.getloadavg()[0]:.2f}")
    for family, name, how, phrase in CASES:
        cable = (CORPUS / name).resolve()
        print(f"{family}: {cable.stem}, {how}; must not print '{phrase}'")
        for label, code in versions:
            with tempfile.TemporaryDirectory() as tmp:
                print(f"  {label:6} {leaks(code, cable, how, phrase, Path(tmp))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
