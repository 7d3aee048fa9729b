"""On a team store the release's "By:" carries the login it was exported under (newcomer 5,
finding 10: `--reviewer Mallory` was stamped on alice's export, and without --reviewer the
export was refused although the database knew who was logged in)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from corpus import SAMPLE
from export_helpers import release_rest
from pgfixtures import PgDatabase

from workbench.cable import read_cable
from workbench.export.options import signed_by
from workbench.review import Review


def test_signed_by() -> None:
    assert signed_by("", "alice") == "alice"
    assert signed_by("Ada Lovelace", "alice") == "Ada Lovelace (alice)"
    assert signed_by("alice", "alice") == "alice"
    assert signed_by("Ada Lovelace", "") == "Ada Lovelace"


def _by(pdf: Path) -> set[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line for line in text.splitlines() if "By:" in line and "Classified By" not in line]
    return {line.split("By:", 1)[1].strip() for line in lines}


def test_a_team_store_release_says_who_exported_it(
    tmp_path: Path, pg_db: PgDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main
    from workbench.review.decisions import write_decisions

    cable = read_cable(SAMPLE)
    decisions = tmp_path / "d.json"
    write_decisions(release_rest(Review.for_cable(cable)), cable, decisions)
    url = pg_db.url("alice")
    assert main(["review", "import", str(SAMPLE), str(decisions), "--store", url]) == 0
    out = tmp_path / "a.pdf"
    assert main(["export", str(SAMPLE), "--store", url, "--out", str(out)]) == 0, (
        capsys.readouterr()
    )
    assert _by(out) == {"alice"}
    out2 = tmp_path / "m.pdf"
    args = ["export", str(SAMPLE), "--store", url, "--out", str(out2), "--reviewer", "Mallory"]
    assert main(args) == 0
    assert _by(out2) == {"Mallory (alice)"}
