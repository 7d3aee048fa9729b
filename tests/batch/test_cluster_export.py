"""``workbench export ... --cluster``: releases of a series made and verified on the workers,
written by the client, the same files as a local export."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from corpus import available, index
from dask_cluster import can_hide, scheduler, stop, wait_workers, worker

from workbench.cable import read_cable
from workbench.review.decisions import write_decisions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from export_helpers import random_review

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not available(), reason="../shared/corpus is absent"),
]


@pytest.fixture(autouse=True)
def reviewer_set() -> None:
    """A reviewer's name in settings (issue 11): a release made from decisions files, which
    have no audit log, stamps it as "By:" and refuses to guess one."""
    from dataclasses import replace as _replace

    from workbench.settings import Settings

    _replace(Settings.load(), reviewer="J. Reviewer").save()


@pytest.fixture
def series(tmp_path: Path) -> Path:
    """24 corpus cables (dev and held-out alike) with seeded random reviews as decisions."""
    rng = random.Random(18)
    originals = sorted((t for t in index() if t.lineage == "original"), key=lambda t: t.name)
    (tmp_path / "cables").mkdir()
    (tmp_path / "decisions").mkdir()
    for t in rng.sample(originals, 24):
        cable = read_cable(t.path)
        review = random_review(cable, rng)
        shutil.copy(t.path, tmp_path / "cables" / t.path.name)
        write_decisions(review, cable, tmp_path / "decisions" / f"{review.cable_id}.json")
    return tmp_path


# export refuses a date after today (newcomer 6, finding 17): the fixed date, or today.
DAY = min(date(2026, 11, 27), date.today()).isoformat()


def export(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "workbench", "export", "cables", "--decisions", "decisions"]
    return subprocess.run(
        [*cmd, "--date", DAY, *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def same_files(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert not [n for n in names if not n.endswith(".pdf")]  # no temporary file left
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.parametrize("copy", ["release", "review"])
def test_the_same_pdfs_as_a_local_export(series, copy):
    local = export(series, "--out", "local", "--copy", copy)
    assert local.returncode == 0, local.stderr
    on_cluster = export(series, "--out", "cluster", "--copy", copy, "--cluster", "local:2")
    assert (on_cluster.returncode, on_cluster.stderr) == (0, "")
    assert on_cluster.stdout == local.stdout.replace("to local", "to cluster")
    same_files(series / "local", series / "cluster")
    assert len(list((series / "cluster").iterdir())) == 24


@pytest.mark.skipif(not can_hide(), reason="needs root and mount namespaces (unshare)")
def test_workers_that_see_none_of_the_files_still_export_them(series):
    """The client reads cables and reviews and writes the PDFs: a worker with no access to any
    of the client's files (its own mount namespace) only makes and verifies them."""
    local = export(series, "--out", "local")
    assert local.returncode == 0, local.stderr
    with scheduler(series / "scheduler.log") as (address, _):
        w = worker(address, series / "worker.log", hide=series)
        try:
            wait_workers(address, 1)
            done = export(series, "--out", "cluster", "--cluster", address)
        finally:
            stop(w)
    assert (done.returncode, done.stderr) == (0, "")
    same_files(series / "local", series / "cluster")


def test_a_release_that_fails_verification_on_the_worker_is_not_written(series, monkeypatch):
    """Verification runs in the task, after the worker made the PDF: a release that shows
    withheld text (here: the review copy, all text visible, made in its place) is refused."""
    from distributed import Client, LocalCluster

    from workbench.batch.cluster_export import export_on_cluster
    from workbench.export import publish
    from workbench.export.batch import Job
    from workbench.export.options import ExportOptions
    from workbench.export.source import ReviewSource

    real = publish.render
    monkeypatch.setattr(
        publish,
        "render",
        lambda kind, cable, review, options: real("review", cable, review, options),
    )
    out = series / "out"
    out.mkdir()
    options = ExportOptions().resolve()
    source = ReviewSource(str(series / "decisions"), None)
    paths = sorted((series / "cables").iterdir())[:6]
    jobs = [Job(str(p), None, str(out), "release", options, source) for p in paths]
    # Worker threads in this process, so the broken render is the one the task calls.
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as lc, Client(lc) as c:
        results = list(export_on_cluster(c, jobs))
    withheld = [r for r in results if r.error]
    assert withheld, "releases showing withheld text were written unverified"
    for r in withheld:
        assert "failed its verification on the worker" in r.error and "leak" in r.error
        assert r.out is None
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(Path(r.out).name for r in results if not r.error)


def test_an_unreachable_cluster_is_one_sentence(series, monkeypatch, capsys):
    from dask_cluster import free_port

    from workbench.batch import cluster
    from workbench.cli import main

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    monkeypatch.chdir(series)
    address = f"tcp://127.0.0.1:{free_port()}"
    args = ["export", "cables", "--decisions", "decisions", "--out", "out", "--cluster", address]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert err.startswith(f"workbench: cannot reach the Dask scheduler at {address} (")
    assert "Traceback" not in err and out.startswith("exported 0 of 24 cables")
    # Nothing was written, so the folder the run made is taken away again (issue 12: a failed
    # export leaves no empty output folder behind).
    assert not (series / "out").exists()
