"""`workbench --self-test`: one line per step, exit 0 when all pass and 1 at the first failure."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from workbench.commands import selftest

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_in_a_fresh_process(tmp_path: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKBENCH_HOME=str(tmp_path / "home"))
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == len(selftest.STEPS) + 1
    for line, (name, _) in zip(lines, selftest.STEPS, strict=False):
        assert line.startswith("ok   ") and f" {name} " in line, line
    assert lines[-1].startswith("self-test passed")
    # The self-test works in its own temporary home, never in the user's.
    assert not (tmp_path / "home").exists()


def test_a_failing_step_fails_the_run_and_stops(monkeypatch):
    import workbench.resources

    monkeypatch.setattr(workbench.resources, "sample_cable", lambda: Path("/nonexistent/c.txt"))
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    lines = out.getvalue().splitlines()
    names = [name for name, _ in selftest.STEPS]
    failed = names.index("resources")
    assert all(line.startswith("ok   ") for line in lines[:failed])
    assert lines[failed].startswith("FAIL resources") and "/nonexistent/c.txt" in lines[failed]
    later = lines[failed + 1 : -1]
    assert len(later) == len(names) - failed - 1
    assert all(line.startswith("---- ") and line.endswith("not run") for line in later)
    assert lines[-1].startswith("self-test FAILED")


def test_self_test_restores_the_callers_home(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path))
    selftest.run_self_test(io.StringIO())
    assert os.environ["WORKBENCH_HOME"] == str(tmp_path)


def test_a_leaking_export_fails_verification(monkeypatch):
    # The verify step must catch a release that prints withheld text: render the release
    # from a review that releases everything, while the self-test's review withholds text.
    import workbench.export.release as release
    from workbench.review import commands as rc
    from workbench.review.model import Review

    real = release.render_release

    def leaky(cable, review, options):  # type: ignore[no-untyped-def]
        everything = Review.for_cable(cable)
        rc.release_all(everything, [r.key for r in everything.pending()]).apply(everything)
        return real(cable, everything, options)

    monkeypatch.setattr(release, "render_release", leaky)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    lines = out.getvalue().splitlines()
    (fail,) = [line for line in lines if line.startswith("FAIL")]
    assert fail.startswith("FAIL verify") and "neither released text nor a stamp" in fail
