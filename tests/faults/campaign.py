"""The larger fuzz campaign: hundreds of generated bad inputs per subcommand, each run as a user
would run it (a process of its own), every broken promise counted instead of stopping at the
first. Prints, per subcommand, how many cases were tried and how many kept the promise, and the
distinct problems found with one example of each.

    .venv/bin/python tests/faults/campaign.py                 # 200 per subcommand
    .venv/bin/python tests/faults/campaign.py --examples 40 --in-process   # quick, in-process
    .venv/bin/python tests/faults/campaign.py --only "review find"
"""

from __future__ import annotations

import argparse
import collections
import itertools
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faults.fuzzing import (
    COMMANDS,
    Command,
    Folder,
    cable_bytes,
    crash_reports,
    judge,
    run_in_process,
    run_subprocess,
    snapshot,
)


def campaign(
    command: Command, template: Folder, base: Path, home: Path, examples: int, in_process: bool
) -> tuple[int, int, dict[str, list[str]]]:
    """Run ``examples`` generated cases of ``command``: (tried, passed, problems)."""
    runner = run_in_process if in_process else run_subprocess
    counter = itertools.count()
    problems: dict[str, list[str]] = collections.defaultdict(list)
    tried = passed = 0

    def one(data: st.DataObject) -> None:
        nonlocal tried, passed
        folder = template.copy_to(base / f"ex{next(counter)}")
        argv, outputs = command.build(data.draw, folder, None)
        stdin = data.draw(cable_bytes()) if command.stdin and "-" in argv else b""
        tried += 1
        try:
            before = snapshot(folder.root)
            reports = crash_reports(home)
            outcome = runner(argv, stdin)
            after = snapshot(folder.root)
            verdict = judge(
                outcome, before, after, folder.root, outputs, crash_reports(home) - reports, argv
            )
        except Exception as exc:  # the harness itself: counted, shown, never hidden
            problems[f"harness error {type(exc).__name__}"].append(f"{argv}: {exc}")
            return
        if verdict.ok:
            passed += 1
        for p in verdict.problems:
            key = re.sub(r"'[^']*'", "'...'", p)
            problems[key].append(f"{argv} -> {outcome.code}: {outcome.stderr.strip()[-300:]}")
        shutil.rmtree(folder.root, ignore_errors=True)

    settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )(given(data=st.data())(one))()
    return tried, passed, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=200, help="cases per subcommand")
    ap.add_argument("--in-process", action="store_true", help="run in this process (faster)")
    ap.add_argument("--only", action="append", help="only these subcommands")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="wb-campaign-"))
    home = work / "home"
    os.environ["WORKBENCH_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from workbench.settings import Settings

    # As in the tests: a release says who decided it, and the workbench never guesses a name.
    Settings(reviewer="Campaign Reviewer").save()
    template = Folder.template(work / "template")
    totals = [0, 0]
    started = time.monotonic()
    try:
        for command in COMMANDS:
            if args.only and command.name not in args.only:
                continue
            base = work / command.name.replace(" ", "-")
            base.mkdir()
            tried, passed, problems = campaign(
                command, template, base, home, args.examples, args.in_process
            )
            totals[0] += tried
            totals[1] += passed
            print(f"{command.name:<14} {passed:>5} of {tried:>5} kept the promise", flush=True)
            for key, examples in sorted(problems.items()):
                print(
                    f"    {len(examples):>4} x {key}\n         e.g. {examples[0][:600]}", flush=True
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    how = "in-process" if args.in_process else "subprocesses"
    print(
        f"total: {totals[1]} of {totals[0]} cases kept the promise "
        f"({time.monotonic() - started:.0f} s, {how})"
    )
    return 0 if totals[0] == totals[1] else 1


if __name__ == "__main__":
    raise SystemExit(main())
