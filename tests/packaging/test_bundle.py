"""The built bundle (packaging/build -> dist/workbench/) runs with no Python and no user
environment. Skipped until the bundle has been built; CI builds it and runs this check too."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from workbench import __version__

EXE = Path(__file__).resolve().parents[2] / "dist" / "workbench" / "workbench"

pytestmark = pytest.mark.skipif(not EXE.is_file(), reason="bundle not built (make bundle)")


def _clean_run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Nothing of ours in the environment: no PYTHONPATH, no virtualenv, no display.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(EXE), *args], capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path
    )


def test_bundle_version(tmp_path: Path):
    r = _clean_run(tmp_path, "--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"workbench {__version__}"


@pytest.mark.slow
def test_bundle_self_test(tmp_path: Path):
    r = _clean_run(tmp_path, "--self-test")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[-1].startswith("self-test passed")
    assert "_internal/resources/samples" in r.stdout  # the bundle's own copy, not the checkout's
