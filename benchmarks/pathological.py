#!/usr/bin/env python3
"""How long does each pathological input of issue 12 take, against a time budget?

Every form the issue lists (and a few like them) is built in a temporary folder and given to the
real command, one process each, start-up included: runs of blanks inside the classification line,
label-like and banner-like tokens repeated, a line of 8 MB, a million empty lines, a user regex
that backtracks, JSON nested deep, a FIFO and endless devices, and export of cables with
thousands of paragraphs. Each line prints the seconds, whether it kept its budget, and the
exit code; a run past its budget is stopped there and shown as ">BUDGET". Not a test: figures
for the note and for the owners of the slow parts (the reader, issue 14; export, issue 11).

    python3 benchmarks/pathological.py            # all forms
    python3 benchmarks/pathological.py --quick    # the smaller size of each
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from machine import cpu_name  # benchmarks/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "07SEOUL219.txt"
BUDGET = 10.0  # seconds any one of these may take (bad input gets an answer, not a wait)


def _sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def blanks_in_classification(n: int) -> str:
    return _sample().replace(
        "C O N F I D E N T I A L SEOUL", "C O N F I D E N T I A L" + " " * n + "SEOUL"
    )


def repeated_labels(n: int) -> str:
    return "UNCLASSIFIED\n\n" + "1. (C) " * n + "\n"


def spaced_banners(n: int) -> str:
    return "C O N F I D E N T I A L " * n + "\n\n1. (C) Text.\n"


def pilcrows(n: int) -> str:
    return "UNCLASSIFIED\n\n" + "¶" * n + "\n"


def one_long_line(n: int) -> str:
    return "CONFIDENTIAL " + "A" * n


def empty_lines(n: int) -> str:
    return "CONFIDENTIAL\n" + "\n" * n + "1. (C) Text.\n"


def many_paragraphs(n: int) -> str:
    head = _sample().split("11. (U)")[0]
    body = "".join(f"{i}. (C) Paragraph {i} names Kim Hye-jin once.\n\n" for i in range(1, n + 1))
    return head + body


def many_tags(n: int) -> str:
    return _sample().replace("TAGS:", "TAGS: " + "[PREL](#) " * n)


def subject_spaces(n: int) -> str:
    return _sample().replace("SUBJECT: ROKG", "SUBJECT:" + " \t" * n + "ROKG")


Case = tuple[str, Callable[[Path], list[str]]]


def _write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def cases(folder: Path, quick: bool) -> list[Case]:
    out: list[Case] = []

    def parse_form(label: str, make: Callable[[int], str], sizes: tuple[int, ...]) -> None:
        for n in sizes[:1] if quick else sizes:
            out.append(
                (
                    f"parse: {label} x {n:,}",
                    lambda f, make=make, n=n, label=label: [
                        "parse",
                        str(_write(f, f"{label.split()[0]}-{n}.txt", make(n))),
                        "--format",
                        "jsonl",
                    ],
                )
            )

    parse_form("blanks in the classification line", blanks_in_classification, (16_000, 200_000))
    parse_form("'1. (C) ' repeated", repeated_labels, (20_000, 200_000))
    parse_form("'C O N F I D E N T I A L ' repeated", spaced_banners, (2_000, 20_000))
    parse_form("pilcrows", pilcrows, (50_000, 500_000))
    parse_form("one line of A's", one_long_line, (1_000_000, 8_000_000))
    parse_form("empty lines", empty_lines, (100_000, 1_000_000))
    parse_form("tags", many_tags, (10_000, 100_000))
    parse_form("blanks in the subject", subject_spaces, (10_000, 100_000))
    parse_form("paragraphs", many_paragraphs, (8_000, 32_000))

    def fifo(f: Path) -> list[str]:
        p = f / "pipe.txt"
        if not p.exists():
            os.mkfifo(p)
        return ["parse", str(p)]

    out.append(("parse: a FIFO", fifo))
    out.append(("parse: /dev/zero", lambda f: ["parse", "/dev/zero"]))
    out.append(("parse: /dev/urandom", lambda f: ["parse", "/dev/urandom"]))

    def regex(f: Path) -> list[str]:
        cable = _write(f, "aaa.txt", "UNCLASSIFIED\n\n1. (U) " + "a" * 40 + "b\n")
        return ["review", "find", "--regex", "(a|a)+$", str(cable)]

    out.append(("review find --regex '(a|a)+$' on 40 a's", regex))

    def deep(f: Path) -> list[str]:
        cable = f / "07SEOUL219.txt"
        cable.write_bytes(SAMPLE.read_bytes())
        d = f / "deep.json"
        d.write_text('{"cable": "07SEOUL219", "decisions": ' + "[" * 2000 + "]" * 2000 + "}")
        return ["review", "import", str(cable), str(d), "--store", str(f / "s.sqlite3")]

    out.append(("review import: JSON nested 2,000 deep", deep))

    sys.path.insert(0, str(ROOT))
    from workbench.cable import read_cable

    def paragraphs_read(n: int) -> int:
        """How many paragraphs the reader makes of ``n`` numbered ones (it numbers up to 999:
        the rest run on as the last paragraph's text)."""
        with tempfile.TemporaryDirectory() as d:
            return len(read_cable(_write(Path(d), "count.txt", many_paragraphs(n))).paragraphs)

    for n in (2_000,) if quick else (2_000, 8_000, 32_000):

        def export(f: Path, n: int = n) -> list[str]:
            cable = _write(f, f"paras-{n}.txt", many_paragraphs(n))
            decisions = f / f"paras-{n}.json"
            count = len(read_cable(cable).paragraphs)  # as this reader divides it
            entries = [{"index": i, "action": "release"} for i in range(1, count + 1)]
            # The ID the reader gives this cable (the sample's), whatever it is called.
            decisions.write_text(json.dumps({"cable": "07SEOUL219", "decisions": entries}))
            return [
                "export",
                str(cable),
                "--decisions",
                str(decisions),
                "--out",
                str(f / f"paras-{n}.pdf"),
                "--allow-pending",
                "--reviewer",
                "benchmark",
            ]

        label = f"export: {n:,} paragraphs written ({paragraphs_read(n):,} read), all released"
        out.append((label, export))

    # A pasted key or base64 in a paragraph: the suggester's patterns once tried every
    # position of such a run again (newcomer 5, finding 7: minutes for 80,000 characters).
    for unit in ("A'", "Aa.", "A.", "QUJD"):
        for n in (40_000,) if quick else (40_000, 400_000):

            def suggest(f: Path, unit: str = unit, n: int = n) -> list[str]:
                text = _sample().replace("12. (C) ", "12. (C) " + unit * (n // len(unit)) + " ", 1)
                return ["suggest", str(_write(f, f"token-{len(unit)}-{n}.txt", text))]

            out.append((f"suggest: a token of {unit!r} repeated, {n:,} characters", suggest))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only the smaller size of each form")
    ap.add_argument("--budget", type=float, default=BUDGET, help="seconds per run")
    args = ap.parse_args()
    print(
        f"# {platform.node()}: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"# load average {os.getloadavg()[0]:.2f} (figures taken under load are slower)")
    print(f"# budget {args.budget:g} s per run, start-up included (about 0.3 s of it)")
    slow = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, WORKBENCH_HOME=str(folder / "home"))
        for label, make in cases(folder, args.quick):
            argv = make(folder)
            start = time.monotonic()
            try:
                r = subprocess.run(
                    [sys.executable, "-m", "workbench", *argv],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    timeout=args.budget,
                )
                seconds, code = time.monotonic() - start, str(r.returncode)
                verdict = "ok" if seconds <= args.budget else "SLOW"
            except subprocess.TimeoutExpired:
                seconds, code, verdict = args.budget, "-", ">BUDGET"
            slow += verdict != "ok"
            print(f"{seconds:8.2f} s  {verdict:<8} exit {code:<3} {label}", flush=True)
    print(f"# {slow} form(s) over the budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
