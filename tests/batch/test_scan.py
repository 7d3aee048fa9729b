"""scan(): rows in input order, the same whatever the number of workers, bad files reported
as rows, and early stops that leave no worker behind."""

import threading
from datetime import date
from pathlib import Path

import pytest

from workbench.batch import check_file, scan
from workbench.commands.common import iter_cable_paths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cables"  # an empty file
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "07SEOUL219.txt"
AS_OF = date(2026, 11, 27)


def _paths() -> list[str]:
    return [str(p) for p in iter_cable_paths([str(SAMPLES), str(FIXTURES)])]


def test_rows_follow_input_order_and_match_single_process():
    paths = _paths() * 5  # several chunks of 4 over 2 workers
    one = list(scan(paths, AS_OF, jobs=1))
    two = list(scan(paths, AS_OF, jobs=2, chunk=4))
    assert [r["path"] for r in two] == paths
    assert two == one


def test_sample_row():
    row = check_file(str(SAMPLE), AS_OF)
    assert row["id"] == "07SEOUL219"
    assert (row["due"], row["basis"], row["status"]) == ("2017-01-23", "explicit-date", "due")
    assert row["classification"]["level"] == "CONFIDENTIAL"
    assert row["decl"]["kind"] == "date"
    # Reasons 1.4 (b,d): foreign government information, to consult before release (issue 13).
    assert [f["code"] for f in row["findings"]] == ["refer-foreign-government"]
    assert (row["order"], row["downgrade"]) == ("12958", None)


@pytest.mark.parametrize("jobs", [1, 2])
def test_unreadable_files_become_rows(tmp_path, jobs):
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x00\x01")
    paths = [str(tmp_path / "missing.txt"), str(FIXTURES / "empty.txt"), str(binary), str(SAMPLE)]
    rows = list(scan(paths, AS_OF, jobs=jobs, chunk=1))
    assert [r["status"] for r in rows] == ["unreadable"] * 3 + ["due"]
    for r in rows[:3]:
        (f,) = r["findings"]
        assert f["code"] == "read-error" and f["severity"] == "error"
        assert r["path"] in f["message"]
    assert "does not exist" in rows[0]["findings"][0]["message"]


def test_closing_early_stops_the_workers():
    rows = scan([str(SAMPLE)] * 400, AS_OF, jobs=2, chunk=8)
    first = next(rows)
    rows.close()  # what leaving a for loop does
    assert first["id"] == "07SEOUL219"


def test_scan_from_a_thread():
    # The GUI runs scan() from a worker thread: workers must then not be forked from a
    # multi-threaded process (a forkserver starts them instead).
    out: list = []
    t = threading.Thread(target=lambda: out.extend(scan([str(SAMPLE)] * 6, AS_OF, jobs=2)))
    t.start()
    t.join(60)
    assert not t.is_alive()
    assert [r["id"] for r in out] == ["07SEOUL219"] * 6


def test_paths_are_consumed_lazily():
    # A generator that would never end: scan must not try to read it all before yielding.
    def endless():
        while True:
            yield str(SAMPLE)

    rows = scan(endless(), AS_OF, jobs=2, chunk=4)
    got = [next(rows) for _ in range(10)]
    rows.close()
    assert len(got) == 10


def test_fork_only_when_single_threaded():
    import os

    from workbench.batch.stream import _context

    if len(os.listdir("/proc/self/task")) == 1:  # not after Qt tests started their threads
        assert _context().get_start_method() == "fork"
    seen: list[str] = []
    t = threading.Thread(target=lambda: seen.append(_context().get_start_method()))
    t.start()
    t.join()
    assert seen == ["forkserver"]
    # A native thread that Python's threading module does not know about (as Qt's are).
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    sleep_fn = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(lambda _: libc.usleep(500_000))
    tid = ctypes.c_ulong()
    assert libc.pthread_create(ctypes.byref(tid), None, sleep_fn, None) == 0
    try:
        assert _context().get_start_method() == "forkserver"
    finally:
        libc.pthread_join(tid, None)


def test_a_link_to_a_folder_in_a_walk_is_a_row_not_a_silence(tmp_path):
    # Not followed (it could lead back up the tree), but an archive's check must not come out
    # short with no word of why: the link is a read-error row, and counted for the bar.
    from workbench.batch.progress import count_files
    from workbench.cable.files import iter_cable_paths

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "07SEOUL219.txt").write_bytes(SAMPLE.read_bytes())
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "07SEOUL219.txt").write_bytes(SAMPLE.read_bytes())
    (archive / "more").symlink_to(tmp_path / "real")
    (archive / "loop").symlink_to(archive)
    rows = list(scan(iter_cable_paths([archive]), date(2026, 12, 1), jobs=1))
    assert count_files([str(archive)]) == len(rows) == 3
    links = [r for r in rows if r["findings"] and r["findings"][0]["code"] == "read-error"]
    assert sorted(Path(r["path"]).name for r in links) == ["loop", "more"]
    assert all("link to a folder" in r["findings"][0]["message"] for r in links)
    # Named on the command line, a link to a folder is followed.
    assert [r["id"] for r in scan(iter_cable_paths([archive / "more"]), jobs=1)] == ["07SEOUL219"]
