"""The store and QC commands as a user types them, on both stores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cli import main
from workbench.review.store_api import ReviewStore


def run(*args: str) -> int:
    return main(list(args))


def test_qc_from_the_command_line(
    make_store: Callable[[str], ReviewStore], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = make_store.spec  # type: ignore[attr-defined]
    alice, quinn, carol = spec("alice"), spec("quinn"), spec("carol")
    decisions = tmp_path / "d.json"
    decisions.write_text(
        '{"cable": "07SEOUL219", "decisions": ['
        + ", ".join(f'{{"paragraph": {n}, "action": "release"}}' for n in (1, 2, 3, 4))
        # The header's regions too (issue 11): a review is complete when every region is.
        + "".join(
            f', {{"region": "{k}", "action": "release"}}'
            for k in ("from", "to", "info", "passing:1", "tags", "subject", "refs")
        )
        + ', {"region": "classified_by", "action": "release"}'
        + ', {"region": "signature", "action": "release"}'
        + "]}"
    )
    assert run("review", "import", str(SAMPLE), str(decisions), "--store", alice,
               "--reviewer", "alice") == 0  # fmt: skip
    assert run("store", "policy", "--require-qc", "--store", carol, "--reviewer", "carol") == 0
    out = tmp_path / "release.pdf"
    capsys.readouterr()
    assert (
        run("export", str(SAMPLE), "--store", alice, "--out", str(out), "--reviewer", "R. Eleaser")
        == 1
    )
    assert "requires QC approval before a release is exported" in capsys.readouterr().err
    assert not out.exists()
    assert run("review", "qc", "submit", str(SAMPLE), "--store", alice, "--reviewer", "alice") == 0
    assert "first pass done, waiting for QC (alice, " in capsys.readouterr().out
    assert run("review", "qc", "return", str(SAMPLE), "--store", quinn, "--reviewer", "quinn") == 1
    assert "needs a note" in capsys.readouterr().err
    assert run("review", "qc", "approve", "07SEOUL219", "--store", quinn,
               "--reviewer", "quinn") == 0  # fmt: skip
    assert (
        run("export", str(SAMPLE), "--store", alice, "--out", str(out), "--reviewer", "R. Eleaser")
        == 0
    )
    assert out.exists()
    capsys.readouterr()
    assert run("review", "qc", "status", str(SAMPLE), "--store", alice) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("07SEOUL219: approved in QC (quinn, ")
    assert [line.split()[3:] for line in lines[1:]] == [
        ["alice", "first-pass-done"],
        ["quinn", "qc-approved"],
    ]


def test_store_copy_and_check_commands(
    sample, pg_db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from workbench.review import SqliteStore, commands

    src = tmp_path / "mine.sqlite3"
    with SqliteStore(src) as store:
        store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "alice")
    assert run("store", "check", pg_db.url("carol")) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")
    assert run("store", "copy", str(src), pg_db.url("carol")) == 0
    assert "the copy matches" in capsys.readouterr().out
    assert run("store", "copy", str(src), pg_db.url("carol")) == 1
    assert "already holds reviews" in capsys.readouterr().err
    pg_db.cluster.psql(pg_db.name, "ALTER TABLE workbench.audit DISABLE TRIGGER audit_no_update")
    assert run("store", "check", pg_db.url("carol")) == 1
    assert "the trigger audit_no_update is missing or disabled" in capsys.readouterr().err
    assert run("store", "init", str(src)) == 1
    assert "is not a PostgreSQL URL" in capsys.readouterr().err
