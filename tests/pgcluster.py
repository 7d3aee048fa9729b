"""A throwaway PostgreSQL server for tests and benchmarks, from the machine's own binaries.

``Cluster.start()`` runs ``initdb`` in a fresh temporary folder and ``pg_ctl start`` on a free
port, listening on 127.0.0.1 and on a Unix socket in that folder. Local (socket) connections are
trusted, so the tests can connect as any role they create; TCP connections need a password
(scram-sha-256), so tests can check that ``.pgpass`` and ``PGPASSWORD`` are honoured.

``initdb`` refuses to run as root, and CI runs as root: there the server's files belong to, and
its processes run as, the ``postgres`` user Debian's package creates (else ``nobody``), through
``runuser``. ``find_bindir()`` is None where PostgreSQL is not installed; tests skip then.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"


def find_bindir() -> Path | None:
    """Where initdb and pg_ctl are: on PATH, else Debian's /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _service_user() -> str | None:
    """The unprivileged user to run the server as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root, and there is no postgres or nobody user to run initdb")


class Cluster:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.user = _service_user()
        # Not pytest's tmp_path: that is private to root, and the server may run as postgres.
        self.folder = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
        self.data = self.folder / "data"
        self.socket_dir = self.folder
        self.port = 0
        self.password = "throwaway"
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, check=check, cwd=self.folder, timeout=120
        )

    def start(self) -> Cluster:
        try:
            return self._start()
        except BaseException:
            self.stop()  # no half-made cluster left in /tmp
            raise

    def _start(self) -> Cluster:
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--pwfile",
            str(pwfile),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",  # a throwaway cluster; the benchmark turns fsync back on itself
        )
        pwfile.unlink()
        for _attempt in range(5):
            self.port = _free_port()
            if self._pg_ctl_start():
                return self
        raise RuntimeError(f"the test PostgreSQL server would not start: {self.log_tail()}")

    def _pg_ctl_start(self) -> bool:
        options = (
            f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
            "-c max_connections=60 -c shared_buffers=32MB"
        )
        done = self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "start",
            check=False,
        )
        return done.returncode == 0

    def restart(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: disconnect every client) and start it on the same port."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")
        if not self._pg_ctl_start():
            raise RuntimeError(f"the test PostgreSQL server would not restart: {self.log_tail()}")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def log_tail(self) -> str:
        try:
            return (self.folder / "server.log").read_text()[-2000:]
        except OSError:
            return "(no server log)"

    # -- addresses -----------------------------------------------------------------------------
    def url(self, dbname: str, user: str = SUPERUSER) -> str:
        """A URL over the Unix socket, where every role is trusted."""
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def tcp_url(self, dbname: str, user: str) -> str:
        """A URL over TCP, where the role must give its password."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def psql(self, dbname: str, sql: str, user: str = SUPERUSER) -> str:
        """Run ``sql`` as ``user`` with psql (for set-up only)."""
        done = subprocess.run(
            [
                str(self.bindir / "psql"),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-At",
                "-h",
                str(self.socket_dir),
                "-p",
                str(self.port),
                "-U",
                user,
                "-d",
                dbname,
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr.strip()}")
        return done.stdout

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = subprocess.run(
                [
                    str(self.bindir / "pg_isready"),
                    "-h",
                    str(self.socket_dir),
                    "-p",
                    str(self.port),
                ],
                capture_output=True,
            )
            if done.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("the test PostgreSQL server is not accepting connections")
