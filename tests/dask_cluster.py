"""A real Dask cluster for the cluster tests: ``dask scheduler`` and ``dask worker`` processes on
127.0.0.1, started and stopped by the test (not a LocalCluster inside the test process)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

DASK = Path(sys.executable).with_name("dask")


def _dask() -> str:
    return str(DASK) if DASK.exists() else (shutil.which("dask") or "dask")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "dask scheduler exited"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise AssertionError(f"dask scheduler did not listen on {port}")


def stop(proc: subprocess.Popen) -> None:
    """End a process this test started (and only that one), politely first."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@contextlib.contextmanager
def scheduler(log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [_dask(), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_port(port, proc)
        yield f"tcp://127.0.0.1:{port}", proc
    finally:
        stop(proc)


def worker(address: str, log: Path, hide: Path | None = None) -> subprocess.Popen:
    """A ``dask worker`` (nanny and one worker process of one thread).  With ``hide``, the
    worker runs in a mount namespace of its own where ``hide`` is an empty folder: a worker on
    a machine that does not share the client's files."""
    cmd = [_dask(), "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"]
    if hide is not None:
        cmd = [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            f"mount -t tmpfs none '{hide}' && exec \"$@\"",
            "sh",
            *cmd,
        ]
    with open(log, "wb") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd="/")


def can_hide() -> bool:
    """Whether this machine lets a test start a process in a mount namespace of its own."""
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "mount", "-t", "tmpfs", "none", "/mnt"],
        capture_output=True,
    )
    return probe.returncode == 0


def wait_workers(address: str, n: int) -> dict[str, int]:
    """Wait until ``n`` workers are connected; their process ids by worker address."""
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(n, timeout=60)
        return client.run(os.getpid)


def processing(address: str) -> dict[str, int]:
    """Tasks each worker is running or has queued, by worker address."""
    from distributed import Client

    with Client(address, timeout=30) as client:
        return {w: len(keys) for w, keys in client.processing().items()}


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
