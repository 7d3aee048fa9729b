"""Releases named ``cable-<hash>`` in a batch: the name hashes only what a release shows
(red-team finding 4), so cables whose releases show the same are numbered, never merged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from corpus import SAMPLE

from workbench.cli import main
from workbench.export.verify import extract


def test_releases_that_show_the_same_are_numbered(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.review.store import SqliteStore
    from workbench.settings import Settings

    replace(Settings.load(), reviewer="J. Reviewer").save()
    folder = tmp_path / "archive"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(3):  # the same cable but for its number: unreviewed, all but forms withheld
        (folder / f"{i}.txt").write_text(text.replace("SEOUL 000219", f"SEOUL {i:06d}"))
    store = tmp_path / "store.sqlite3"
    SqliteStore(store).close()
    out = tmp_path / "out"
    argv = ["export", str(folder), "--store", str(store), "--out", str(out), "--allow-pending"]
    assert main([*argv, "--jobs", "2"]) == 0, capsys.readouterr().err
    names = sorted(p.stem for p in out.glob("*.pdf"))
    assert len(names) == 3 and names[0].startswith("cable-")
    assert names[1:] == [f"{names[0]}-2", f"{names[0]}-3"]
    for name in names:  # each file is its own release, titled by its own name
        assert extract((out / f"{name}.pdf").read_bytes()).metadata["/Title"] == name
    again = tmp_path / "again"  # the same names on every run
    assert main([*argv[:5], str(again), "--allow-pending"]) == 0
    assert sorted(p.stem for p in again.glob("*.pdf")) == names
