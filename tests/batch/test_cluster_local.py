"""``workbench check --cluster local:N``: a real LocalCluster of worker processes gives the same
report as a local run, in every format, with bounded work in flight, and survives a worker
killed mid-run."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from datetime import date
from itertools import count
from pathlib import Path

import pytest
from corpus import CORPUS, SAMPLE, available

from workbench.batch import cluster
from workbench.batch.cluster import (
    ClusterError,
    ClusterSpec,
    open_cluster,
    report_cluster,
    scan_cluster,
)
from workbench.batch.cluster_tasks import View
from workbench.batch.stream import scan
from workbench.cable.files import iter_cable_paths
from workbench.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "cables"  # an empty file: a read-error row
AS_OF = "2026-11-27"


@pytest.fixture(scope="module")
def client():
    """One LocalCluster of two worker processes for the tests that do not break it."""
    with open_cluster(ClusterSpec(None, 2)) as c:
        yield c


@pytest.fixture
def on_shared_cluster(client, monkeypatch):
    """``--cluster local:2`` uses the module's cluster instead of starting one per test."""

    @contextlib.contextmanager
    def shared(spec):
        yield client

    monkeypatch.setattr(cluster, "open_cluster", shared)


def report(tmp_path: Path, name: str, *args: str) -> bytes:
    out = tmp_path / name
    code = main(["check", *args, "--as-of", AS_OF, "--output", str(out)])
    data = out.read_bytes()
    assert code == (1 if b"read-error" in data else 0)  # 1: some file could not be read
    return data


@pytest.mark.corpus
@pytest.mark.skipif(not available(), reason="../shared/corpus is absent")
def test_corpus_jsonl_is_byte_identical_to_the_local_run(tmp_path, capsys):
    local = report(tmp_path, "local.jsonl", str(CORPUS), "--format", "jsonl", "--jobs", "2")
    on_cluster = report(
        tmp_path, "cluster.jsonl", str(CORPUS), "--format", "jsonl", "--cluster", "local:2"
    )
    assert on_cluster == local
    assert len(local.splitlines()) > 2000  # every cable and variant, in the same order
    # --output was written atomically: nothing but the two reports is left.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cluster.jsonl", "local.jsonl"]
    assert "2151 files checked: 2002 cables and 149 copies of them" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
@pytest.mark.parametrize("status", [None, "due,needs-review,unreadable"])
def test_every_format_and_filter_as_the_local_run(tmp_path, on_shared_cluster, fmt, status):
    # The samples, an empty file and a path that does not exist: read errors are rows.
    paths = [str(SAMPLES), str(FIXTURES), str(tmp_path / "missing.txt"), str(SAMPLE)]
    args = [*paths, "--format", fmt] + (["--status", status] if status else [])
    local = report(tmp_path, "local", *args, "--jobs", "2")
    assert report(tmp_path, "cluster", *args, "--cluster", "local:2") == local
    assert b"read-error" in local


def test_paths_relative_to_a_folder_the_workers_are_not_in(tmp_path, client, monkeypatch):
    (tmp_path / "archive").mkdir()
    for p in SAMPLES.glob("*.txt"):
        (tmp_path / "archive" / p.name).write_bytes(p.read_bytes())
    monkeypatch.chdir(tmp_path)  # the workers were started in another folder
    as_of = date.fromisoformat(AS_OF)
    paths = ["archive", "nothere.txt"]
    want = list(scan(iter_cable_paths(paths), as_of, jobs=1))
    got = list(scan_cluster(client, iter_cable_paths(paths), as_of, chunk=3))
    assert got == want
    assert got[0]["path"].startswith("archive/")
    assert "nothere.txt does not exist" in got[-1]["findings"][0]["message"]


def test_work_in_flight_is_bounded_whatever_the_archive(client):
    """Rows stream back from an endless archive: the client never pulls more paths than a
    window of chunks ahead of what it has handed on (nothing like a gather of everything)."""
    pulled = count()

    def endless():
        while True:
            next(pulled)
            yield SAMPLE

    rows = scan_cluster(client, endless(), date.fromisoformat(AS_OF), chunk=8, ahead=2)
    for _, row in zip(range(100), rows, strict=False):
        assert row["id"] == "07SEOUL219"
    rows.close()
    threads = sum(client.nthreads().values())
    # 100 rows handed on = 13 chunks; at most ahead * threads more were submitted.
    assert next(pulled) <= (13 + 2 * threads) * 8


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path):
    """Through the report path the command takes (workers format their chunks)."""
    archive = tmp_path / "archive"
    archive.mkdir()
    data = SAMPLE.read_bytes()
    for i in range(2400):  # distinct names, so a lost or doubled row shows
        (archive / f"{i:05d}.txt").write_bytes(data)
    as_of = date.fromisoformat(AS_OF)
    want = [
        json.dumps(r, ensure_ascii=False) + "\n"
        for r in scan(iter_cable_paths([str(archive)]), as_of, jobs=1)
    ]
    with open_cluster(ClusterSpec(None, 2)) as c:
        pids = c.run(os.getpid)
        got: list[str] = []
        killed = None
        parts = report_cluster(c, iter_cable_paths([str(archive)]), as_of, View("jsonl"), chunk=16)
        for text, counts in parts:
            got += text.splitlines(keepends=True)
            assert counts.checked == counts.shown == len(text.splitlines())
            if len(got) >= 64 and killed is None:
                # A chunk may just have ended on both workers as the client asks (a fast
                # reader, a loaded machine): the next chunk's report asks again.
                busy = {w: keys for w, keys in c.processing().items() if keys}
                if busy:
                    killed = next(iter(busy))
                    os.kill(pids[killed], signal.SIGKILL)  # dies with its chunks unfinished
        assert killed is not None, "no worker had work in flight at any report"
        assert killed not in c.run(os.getpid)  # the nanny started a new worker
    assert got == want


def test_chunks_that_kill_every_worker_end_the_run_in_one_sentence():
    import dask

    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        open_cluster(ClusterSpec(None, 1)) as c,
    ):

        def die(item, refused):
            return c.submit(os._exit, 1, pure=False)

        with pytest.raises(ClusterError, match="died each time they tried"):
            list(cluster.stream_ordered(c, ["cable.txt"], die))


def test_progress_bar_on_a_terminal(tmp_path):
    """The same bar as a local run on the terminal's stderr; rows still go to stdout."""
    import pty

    master, slave = pty.openpty()
    cmd = [sys.executable, "-m", "workbench", "check", str(SAMPLES), "--cluster", "local:2"]
    proc = subprocess.Popen(
        [*cmd, "--format", "jsonl"], stdout=subprocess.PIPE, stderr=slave, cwd=ROOT
    )
    os.close(slave)
    err = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(master, 4096):
            err += chunk
    out, _ = proc.communicate(timeout=120)
    os.close(master)
    assert proc.returncode == 0
    assert len(out.splitlines()) == len(list(SAMPLES.glob("*.txt")))
    text = err.decode()
    assert "\r\x1b[K[" in text and "cables/s" in text and "Traceback" not in text


def test_without_dask_says_how_to_install_it():
    code = (
        "import sys; sys.modules['distributed'] = None\n"
        "from workbench.cli import main\n"
        f"raise SystemExit(main(['check', {str(SAMPLE)!r}, '--cluster', 'local:2']))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == (
        "workbench: --cluster needs Dask, which is not installed here: install it with "
        "pip install 'declassification-workbench[cluster]'\n"
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--cluster", "local:0"], "write local:N"),
        (["--cluster", ""], "is not a cluster"),
        (["--cluster", "local:2", "--jobs", "2"], "not both"),
    ],
)
def test_misuse(capsys, args, says):
    try:
        code = main(["check", str(SAMPLE), *args])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_bytes_are_sent_in_bounded_tasks_when_workers_do_not_see_the_files(
    client, monkeypatch, tmp_path
):
    """As if the workers were on machines without the archive: each task's probe names a file
    they do not have, so the client reads the cables and sends them, a bounded batch a task."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for p in [*SAMPLES.glob("*.txt"), *FIXTURES.iterdir()] * 9:
        (archive / f"{len(list(archive.iterdir())):03d}-{p.name}").write_bytes(p.read_bytes())
    monkeypatch.setattr(cluster, "_probe", lambda names, root: ("/no/such/file", 1, 1))
    monkeypatch.setattr(cluster, "SENT_BYTES", 1500)
    sent: dict[str, list[tuple[str, bytes | str]]] = {}  # by chunk number
    refused: set[str] = set()  # chunks first sent as paths, then as bytes
    submit = client.submit

    def recording(fn, *args, key, **kwargs):
        chunk = key.rsplit("-", 1)[1]
        if fn is cluster.check_sent:
            sent[chunk] = cluster.unpacked(args[0])
        else:
            refused.add(chunk)
        return submit(fn, *args, key=key, **kwargs)

    monkeypatch.setattr(client, "submit", recording)
    notices: list[str] = []
    as_of = date.fromisoformat(AS_OF)
    paths = [str(archive), str(tmp_path / "missing.txt")]
    rows = scan_cluster(
        client, iter_cable_paths(paths), as_of, chunk=16, ahead=1, notice=notices.append
    )
    got = list(rows)
    assert got == list(scan(iter_cable_paths(paths), as_of, jobs=1))
    assert len(notices) == 1 and "/no/such/file" in notices[0]
    cut = [items for chunk, items in sent.items() if chunk not in refused]
    assert len(cut) > 3
    for items in cut:
        data = [d for _, d in items if isinstance(d, bytes)]
        assert len(items) == 1 or sum(map(len, data[:-1])) < 1500
