"""The built bundle (packaging/build -> dist/workbench/) runs with no Python and no user
environment. Skipped until the bundle has been built; CI builds it and runs this check too."""

from __future__ import annotations

import os
import shutil
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


def test_bundle_carries_platform_plugins_fonts_and_resources():
    internal = EXE.parent / "_internal"
    platforms = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    for plugin in ("libqoffscreen.so", "libqxcb.so", "libqwayland.so"):
        assert (platforms / plugin).is_file(), plugin
    assert (internal / "fonts" / "fonts.conf").is_file()
    assert list((internal / "fonts").glob("DejaVuSans*.ttf"))
    assert (internal / "resources" / "fonts" / "DejaVuSansMono.ttf").is_file()
    assert (internal / "resources" / "codesets" / "foia.json").is_file()
    assert (EXE.parent / "share" / "applications").is_dir()
    # Left out on purpose (packaging/workbench.spec): Qt Quick and the web engine.
    assert not [p for p in internal.rglob("libQt6Quick.so*") if p.exists()]
    assert not [p for p in internal.rglob("libQt6WebEngine*") if p.exists()]
    dangling = [p for p in EXE.parent.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling[:5]


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run absent")
def test_bundle_self_test_on_x11(tmp_path: Path):
    script = (
        f'env -i PATH=/usr/bin:/bin HOME="{tmp_path}" DISPLAY="$DISPLAY" '
        f'XAUTHORITY="$XAUTHORITY" QT_QPA_PLATFORM=xcb "{EXE}" --self-test'
    )
    r = subprocess.run(
        ["xvfb-run", "-a", "bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok   window     xcb window opened" in r.stdout
