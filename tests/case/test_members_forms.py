"""Two files of one cable in other forms: the case keeps the cable as sent, whatever the order."""

from __future__ import annotations

from pathlib import Path

from casekit import SAMPLE
from copymaker import from_markdown


def test_the_form_as_sent_is_kept_over_the_markdown_one(tmp_path: Path) -> None:
    from workbench.case.members import read_paths

    seed = SAMPLE.read_text(encoding="utf-8")  # the sample is the Markdown-flattened form
    for first, second in (("a", "b"), ("b", "a")):
        folder = tmp_path / first
        folder.mkdir()
        (folder / f"07SEOUL219.{first}.txt").write_text(seed, encoding="utf-8")
        (folder / f"07SEOUL219.{second}.txt").write_text(from_markdown(seed), encoding="utf-8")
        read = read_paths([str(folder)])
        ((entry, cable),) = read.cables
        assert not cable.markdown and entry.path.endswith(f"07SEOUL219.{second}.txt")
        (problem,) = read.problems
        assert f"07SEOUL219.{first}.txt" in problem.split(" has ")[0]
        assert "Markdown" in problem and "left out" in problem


def test_a_text_that_is_not_a_cable_is_named_and_left_out(tmp_path: Path) -> None:
    from workbench.case.members import read_paths

    (tmp_path / "notes.txt").write_text("Things to ask the requester about.\n" * 5)
    read = read_paths([str(tmp_path)])
    assert read.cables == []
    (problem,) = read.problems
    assert "notes.txt does not look like a cable" in problem
