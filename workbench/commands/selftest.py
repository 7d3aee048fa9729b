"""``workbench --self-test``: prove an installation works, end to end, in a temporary folder.

Opens the bundled sample cable offscreen, records a review in a fresh store, exports the release
PDF and verifies it, printing one line per step. Nothing touches the user's settings or store:
``WORKBENCH_HOME`` points at the temporary folder for the duration. Exit 0 when every step
passed, 1 at the first failure (the steps after it are listed as not run).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Context:
    """What the steps hand on to each other."""

    tmp: Path
    sample: Path | None = None
    cable: Any = None
    data: dict[str, Any] = field(default_factory=dict)


def _settings(ctx: Context) -> str:
    from workbench.settings import Settings, settings_path

    # Settings in the temporary home, so the window does not take this for a first run and
    # stop to ask who is reviewing.
    settings = Settings(reviewer="self-test")
    settings.save()
    if Settings.load().reviewer != "self-test":
        raise RuntimeError(f"settings written to {settings_path()} did not read back")
    return f"settings saved and read back in {ctx.tmp}"


def _find_sample(ctx: Context) -> str:
    from workbench.resources import sample_cable

    path = sample_cable()
    if not path.is_file():
        raise RuntimeError(f"the sample cable is missing at {path}; reinstall the workbench")
    ctx.sample = path
    return f"sample cable at {path}"


def _read(ctx: Context) -> str:
    from workbench.cable import read_cable

    assert ctx.sample is not None
    ctx.cable = cable = read_cable(ctx.sample)
    level = cable.classification.level if cable.classification else "no banner"
    if not cable.paragraphs:
        raise RuntimeError(f"{cable.id} was read with no paragraphs")
    return f"{cable.id}: {level}, {len(cable.paragraphs)} paragraphs"


def _check(ctx: Context) -> str:
    from workbench.declass import assess

    a = assess(ctx.cable)
    ctx.data["assessment"] = a
    due = a.due.isoformat() if a.due else "no due date"
    codes = ", ".join(sorted({f.code for f in a.findings})) or "none"
    return f"{a.status}: {due} ({a.basis}); findings: {codes}"


def _window(ctx: Context) -> str:
    from workbench.gui.selftest import offscreen_open

    assert ctx.sample is not None
    return offscreen_open(ctx.sample)


def _workers(ctx: Context) -> str:
    """Check the sample in a worker process started the way the window's folder table starts
    them (forkserver, or spawn): in the bundle such a worker re-runs the executable itself,
    which works only if the bundle hands it over to multiprocessing."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from datetime import date

    from workbench.batch.rows import check_files

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    as_of = date.today()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method)) as pool:
        (row,) = pool.submit(check_files, [str(ctx.sample)], as_of).result(timeout=120)
    here = ctx.data["assessment"]
    due = here.due.isoformat() if here.due else None
    if (row["status"], row["due"]) != (here.status, due):
        raise RuntimeError(
            f"the worker found {row['status']} {row['due']}, this process {here.status} {due}"
        )
    return f"a {method} worker process checked {row['id']} the same: {row['status']} {row['due']}"


def _review(ctx: Context) -> str:
    """Decide every paragraph in a fresh store, reopen it, and find every decision there.

    The first paragraph is released, the last withheld in full, the ones between released
    in part with one name redacted, and the subject withheld: each kind of decision export
    has to handle.
    """
    import re

    from workbench.review import commands as rc
    from workbench.review.model import Redaction
    from workbench.review.store import SqliteStore as open_store

    cable = ctx.cable
    store_path = ctx.tmp / "reviews.sqlite3"
    changes: list[rc.Command] = []
    last = cable.paragraphs[-1].index
    for p in cable.paragraphs:
        word = re.compile(r"[A-Z][A-Za-z-]{2,}").search(cable.text, p.body_start, p.end)
        if p.index == 1 and last > 1:
            changes.append(rc.release(p))
        elif p.index == last and last > 1:
            changes.append(rc.withhold(p, ["(b)(1)", "1.4(d)"]))
        elif word:
            changes.append(rc.partial(p, [Redaction(word.start(), word.end(), ("(b)(6)",))]))
        else:
            changes.append(rc.release(p))
    if cable.subject:
        changes.append(rc.SetField("subject", ["(b)(1)", "1.4(d)"], cable=cable))
    with open_store(store_path) as store:
        review = store.load(cable)
        for change in changes:
            store.apply(review, change, "self-test")
        # The rest of the header (addressees, passing lines, signature): released in one step.
        rest = [r.key for r in review.pending()]
        if rest:
            changes.append(rc.release_all(review, rest, "Release the header"))
            store.apply(review, changes[-1], "self-test")
    with open_store(store_path) as store:
        saved = store.load(cable)
        log = store.log(saved.cable_id)
        integrity = store.integrity_check()
    if (saved.decisions, saved.fields) != (review.decisions, review.fields):
        raise RuntimeError(f"the decisions read back from {store_path} differ from those made")
    if not saved.is_complete:
        raise RuntimeError(f"{saved.decided_count} of {saved.region_count} regions saved")
    if len(log) != len(changes):
        raise RuntimeError(f"{len(log)} audit entries for {len(changes)} changes")
    if integrity != "ok":
        raise RuntimeError(f"the store fails its integrity check: {integrity}")
    ctx.data["store"] = store_path
    ctx.data["review"] = saved
    return (
        f"{len(changes)} decisions saved, reopened: {saved.decided_count} of "
        f"{saved.region_count} regions decided, {len(log)} audit entries, integrity ok"
    )


def _export(ctx: Context) -> str:
    import pypdf

    from workbench.export.atomic import write_atomic
    from workbench.export.options import ExportOptions
    from workbench.export.release import render_release

    options = ExportOptions(case_number="SELF-TEST", reviewer="self-test").resolve()
    pdf = ctx.tmp / f"{ctx.cable.id}-release.pdf"
    write_atomic(pdf, render_release(ctx.cable, ctx.data["review"], options))
    pages = len(pypdf.PdfReader(str(pdf)).pages)
    ctx.data["pdf"] = pdf
    ctx.data["options"] = options
    return f"release PDF {pdf.name}: {pages} page{'s' if pages != 1 else ''}, {pdf.stat().st_size:,} bytes"


def _verify(ctx: Context) -> str:
    from workbench.export.verify import extract, verify

    review = ctx.data["review"]
    report = verify(ctx.cable, review, extract(ctx.data["pdf"]), ctx.data["options"])
    if not report.ok:
        raise RuntimeError("; ".join(report.leaks + report.missing))
    n = len(review.withholdings(ctx.cable))
    return (
        f"none of the {n} withheld passages is in the PDF's text, metadata or outline; "
        "all released text is there"
    )


# (name, function): run in order; each returns the rest of its line or raises.
def _team(ctx: Context) -> str:
    """The PostgreSQL client a team store needs is there and loads its libpq (no server is
    contacted: that is the office's, not the installation's)."""
    import psycopg

    from workbench.review.pg_connect import check_url

    check_url("postgresql://reviewer@server/workbench")
    version = psycopg.pq.version()
    return (
        f"team store client: psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq "
        f"{version // 10000}.{version % 100}"
    )


STEPS: list[tuple[str, Callable[[Context], str]]] = [
    ("settings", _settings),
    ("resources", _find_sample),
    ("read", _read),
    ("check", _check),
    ("window", _window),
    ("workers", _workers),
    ("review", _review),
    ("export", _export),
    ("verify", _verify),
    ("team", _team),
]


def run_self_test(out: Any = None) -> int:
    out = out or sys.stdout
    started = time.monotonic()
    saved_home = os.environ.get("WORKBENCH_HOME")
    with tempfile.TemporaryDirectory(prefix="workbench-self-test-") as tmp:
        os.environ["WORKBENCH_HOME"] = tmp
        try:
            failed = _run_steps(Context(Path(tmp)), out)
        finally:
            if saved_home is None:
                os.environ.pop("WORKBENCH_HOME", None)
            else:
                os.environ["WORKBENCH_HOME"] = saved_home
    seconds = time.monotonic() - started
    verdict = "FAILED" if failed else "passed"
    print(f"self-test {verdict} ({len(STEPS)} steps, {seconds:.1f} s)", file=out, flush=True)
    return 1 if failed else 0


def _run_steps(ctx: Context, out: Any) -> bool:
    width = max(len(name) for name, _ in STEPS)
    for i, (name, step) in enumerate(STEPS):
        try:
            detail = step(ctx)
        except Exception as exc:  # the self-test reports any failure as its one line
            print(f"FAIL {name:<{width}}  {type(exc).__name__}: {exc}", file=out, flush=True)
            for later, _ in STEPS[i + 1 :]:
                print(f"---- {later:<{width}}  not run", file=out, flush=True)
            return True
        print(f"ok   {name:<{width}}  {detail}", file=out, flush=True)
    return False
