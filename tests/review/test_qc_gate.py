"""The QC gate on every way a release leaves the workbench (issue 17), on both stores.

Under a policy requiring QC, a release of a cable not approved in QC is refused in one sentence
by ``workbench export`` from the store, from a decisions file, on a cluster, and by ``workbench
index``; a decisions file is accepted only when it holds the decisions QC approved. (The
window's Export dialog: ``tests/gui/test_qc_export.py``.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cable import Cable
from workbench.cli import main
from workbench.review import commands
from workbench.review.decisions import write_decisions
from workbench.review.store_api import QcState, ReviewStore

MakeStore = Callable[[str], ReviewStore]
REFUSED = "requires QC approval before a release is exported"


def run(*args: str) -> int:
    return main(list(args))


def _reviewed(make_store: MakeStore, sample: Cable) -> str:
    """alice decides every region of the sample; carol requires QC for the store."""
    alice = make_store("alice")
    review = alice.load(sample)
    alice.apply(review, commands.release_all(review, [r.key for r in review.pending()]), "alice")
    alice.apply(review, commands.withhold(sample.paragraphs[1], ["(b)(1)"]), "alice")
    make_store("carol").set_requires_qc(True, "carol")
    return review.cable_id


def _approve(make_store: MakeStore, cid: str) -> None:
    make_store("alice").qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    make_store("quinn").qc_step(cid, QcState.APPROVED, "", "quinn")


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err


def test_export_from_a_decisions_file_is_checked_against_the_policy(
    sample: Cable, make_store: MakeStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.settings import Settings

    # --decisions and --store exclude each other: the policy is the default store's (the
    # `store` setting, which names a team's store for each of its reviewers).
    Settings(reviewer="alice", store=make_store.spec("alice")).save()  # type: ignore[attr-defined]
    cid = _reviewed(make_store, sample)
    approved = make_store("alice").load(sample)
    decisions = tmp_path / "d.json"
    write_decisions(approved, sample, decisions)
    out = tmp_path / "release.pdf"
    common = ("--decisions", str(decisions), "--reviewer", "alice")
    capsys.readouterr()
    assert run("export", str(SAMPLE), *common, "--out", str(out), "--reviewer", "R. Eleaser") == 1
    err = _err(capsys)
    assert f"{cid} is in first review, and the release policy of" in err and REFUSED in err
    assert len(err.strip().splitlines()) == 1 and not out.exists()

    _approve(make_store, cid)
    assert run("export", str(SAMPLE), *common, "--out", str(out), "--reviewer", "R. Eleaser") == 0
    assert out.exists()
    out.unlink()

    # The same file with one decision changed is not what QC approved.
    # (A new file: the one the last command read stays guarded against writes in-process.)
    changed = approved.copy()
    commands.release(sample.paragraphs[1]).apply(changed)
    decisions = tmp_path / "changed.json"
    write_decisions(changed, sample, decisions)
    common = ("--decisions", str(decisions), "--reviewer", "alice")
    assert run("export", str(SAMPLE), *common, "--out", str(out), "--reviewer", "R. Eleaser") == 1
    err = _err(capsys)
    assert f"the decisions file {decisions} for {cid} differs from the review QC approved" in err
    assert "paragraph 2 decided otherwise" in err and not out.exists()

    # With no store at all there is no policy: a reviewer working alone from files.
    Settings(reviewer="alice", store=str(tmp_path / "none.sqlite3")).save()
    assert run("export", str(SAMPLE), *common, "--out", str(out), "--reviewer", "R. Eleaser") == 0


def test_export_and_index_from_the_store(
    sample: Cable, make_store: MakeStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = make_store.spec("alice")  # type: ignore[attr-defined]
    cid = _reviewed(make_store, sample)
    out, index = tmp_path / "release.pdf", tmp_path / "index.csv"
    capsys.readouterr()
    assert (
        run("export", str(SAMPLE), "--store", spec, "--out", str(out), "--reviewer", "R. Eleaser")
        == 1
    )
    assert REFUSED in _err(capsys) and not out.exists()
    assert run("index", str(SAMPLE), "--store", spec, "--out", str(index)) == 1
    assert REFUSED in _err(capsys) and not index.exists()
    # The office's review copy is not a release.
    review_copy = tmp_path / "07SEOUL219-review.pdf"
    assert (
        run("export", str(SAMPLE), "--store", spec, "--copy", "review", "--out", str(review_copy))
        == 0
    )
    _approve(make_store, cid)
    assert (
        run("export", str(SAMPLE), "--store", spec, "--out", str(out), "--reviewer", "R. Eleaser")
        == 0
    )
    assert run("index", str(SAMPLE), "--store", spec, "--out", str(index)) == 0
    assert out.exists() and index.exists()


def test_a_case_policy_holds_for_every_release_of_its_cables(
    sample: Cable, make_store: MakeStore
) -> None:
    from workbench.review.qc import policies, release_refusal

    alice = make_store("alice")
    review = alice.load(sample)
    alice.apply(review, commands.release(sample.paragraphs[0]), "alice")
    cid = review.cable_id
    carol = make_store("carol")
    carol.set_requires_qc(True, "carol", case_id="F-2026-00001")
    assert release_refusal(alice, cid) is None  # no case named, the store has no policy
    refusal = release_refusal(alice, cid, "F-2026-00001")
    assert refusal and "the release policy of case F-2026-00001 in" in refusal
    assert policies(alice, cid, "F-2026-00001") == ["F-2026-00001"]


@pytest.mark.slow
def test_cluster_export_is_refused_on_the_client(
    sample: Cable, make_store: MakeStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    spec = make_store.spec("alice")  # type: ignore[attr-defined]
    cid = _reviewed(make_store, sample)
    out = tmp_path / "release.pdf"
    args = (
        "export",
        str(SAMPLE),
        "--store",
        spec,
        "--out",
        str(out),
        "--cluster",
        "local:1",
        "--reviewer",
        "R. Eleaser",
    )
    capsys.readouterr()
    assert run(*args) == 1
    assert REFUSED in _err(capsys)
    assert not out.exists()
    _approve(make_store, cid)
    assert run(*args) == 0
    assert out.read_bytes().startswith(b"%PDF")
