"""``workbench check --cluster tcp://...`` against real ``dask scheduler`` and ``dask worker``
processes on 127.0.0.1, run as a user runs it (a subprocess): the same report as a local run,
a worker killed mid-run, a scheduler that goes away, workers that do not share the files."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus import SAMPLE
from dask_cluster import can_hide, kill, processing, scheduler, stop, wait_workers, worker

from workbench.batch import cluster
from workbench.cli import main

AS_OF = "2026-11-27"


def make_archive(tmp_path: Path, n: int) -> Path:
    """``n`` copies of the sample under distinct names, so a lost or doubled row shows."""
    folder = tmp_path / "archive"
    data = SAMPLE.read_bytes()
    for i in range(n):
        sub = folder / f"box{i // 1000}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.txt").write_bytes(data)
    return folder


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Long enough (some 4 s of work on two cores) to be interrupted mid-run."""
    return make_archive(tmp_path, 8000)


def check(cwd: Path, *args: str) -> subprocess.Popen[str]:
    """``workbench check archive ...`` from ``cwd`` with a relative path, as a user types it."""
    cmd = [sys.executable, "-m", "workbench", "check", "archive", "--as-of", AS_OF, *args]
    return subprocess.Popen(
        cmd,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def local_report(cwd: Path) -> str:
    proc = check(cwd, "--format", "jsonl", "--jobs", "2")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return out


def wait_for_rows(report_dir: Path, proc: subprocess.Popen[str]) -> None:
    """Until the run has written some rows to its temporary report file."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in report_dir.iterdir()):
            return
        time.sleep(0.02)
    raise AssertionError("the run wrote no rows")


@pytest.mark.slow
def test_same_report_and_a_worker_killed_mid_run(tmp_path, archive):
    want = local_report(tmp_path)
    with scheduler(tmp_path / "scheduler.log") as (address, _):
        workers = [worker(address, tmp_path / f"worker{i}.log") for i in range(2)]
        try:
            pids = wait_workers(address, 2)
            report = tmp_path / "out" / "report.jsonl"
            report.parent.mkdir()
            proc = check(tmp_path, "--format", "jsonl", "--cluster", address, "-o", str(report))
            wait_for_rows(report.parent, proc)
            busy = [w for w, n in processing(address).items() if n]
            assert busy, "no worker had work in flight"
            kill(pids[busy[0]])  # the worker process itself, not its nanny
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0
            # The one line a report to a file ends with, nothing about the dead worker.
            assert err.startswith("workbench: 8000 files checked: 1 cable and 7999 copies of it")
            assert err.count("\n") == 1
            assert report.read_text() == want
        finally:
            for w in workers:
                stop(w)


def test_a_scheduler_that_goes_away_leaves_no_report(tmp_path, archive):
    with scheduler(tmp_path / "scheduler.log") as (address, sched):
        workers = [worker(address, tmp_path / f"worker{i}.log") for i in range(2)]
        try:
            wait_workers(address, 2)
            report = tmp_path / "out" / "report.csv"
            report.parent.mkdir()
            report.write_text("yesterday's report\n")
            proc = check(tmp_path, "--format", "csv", "--cluster", address, "-o", str(report))
            wait_for_rows(report.parent, proc)
            kill(sched.pid)
            out, err = proc.communicate(timeout=120)
        finally:
            for w in workers:
                stop(w)
    assert proc.returncode == 1 and out == ""
    assert err == (
        f"workbench: the Dask scheduler at {address} went away during the run: no report "
        "was written; start it again and re-run\n"
    )
    assert report.read_text() == "yesterday's report\n"  # untouched, and no temporary file
    assert [p.name for p in report.parent.iterdir()] == ["report.csv"]


@pytest.mark.skipif(not can_hide(), reason="needs root and mount namespaces (unshare)")
def test_workers_that_do_not_see_the_files_get_their_bytes(tmp_path):
    archive = make_archive(tmp_path, 1500)
    want = local_report(tmp_path)
    with scheduler(tmp_path / "scheduler.log") as (address, _):
        # A worker on "another machine": tmp_path is an empty folder in its mount namespace.
        w = worker(address, tmp_path / "worker.log", hide=tmp_path)
        try:
            wait_workers(address, 1)
            proc = check(tmp_path, "--format", "jsonl", "--cluster", address)
            out, err = proc.communicate(timeout=300)
        finally:
            stop(w)
    assert proc.returncode == 0
    assert out == want
    (line,) = err.splitlines()
    assert line.startswith("workbench: the worker on ") and f"has no {archive}/box0/" in line
    assert "the client reads the cables and sends them" in line


def test_a_scheduler_that_cannot_be_reached(tmp_path, capsys, monkeypatch):
    from dask_cluster import free_port

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    address = f"tcp://127.0.0.1:{free_port()}"
    report = tmp_path / "report.jsonl"
    code = main(["check", str(SAMPLE), "--cluster", address, "-o", str(report)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"workbench: cannot reach the Dask scheduler at {address} (")
    assert err.endswith("check the address and that `dask scheduler` is running there\n")
    assert list(tmp_path.iterdir()) == []


def test_a_scheduler_with_no_workers(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cluster, "WORKERS_TIMEOUT", 1)
    with scheduler(tmp_path / "scheduler.log") as (address, _):
        code = main(["check", str(SAMPLE), "--cluster", address])
    assert code == 1
    assert capsys.readouterr().err == (
        f"workbench: the Dask scheduler at {address} has no workers after 1 s: start some "
        f"with `dask worker {address}`\n"
    )
