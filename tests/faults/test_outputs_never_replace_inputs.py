"""No output may replace an input, the review store or a decisions file (issue 12, first
item): each of these was exit 0 with the input destroyed."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Case, refused, wb


def _kept(case: Case, before: dict[str, str]) -> None:
    assert case.snapshot() == before


@pytest.mark.parametrize(
    "make_args",
    [
        lambda c: ["export", c.cable, "--store", c.store, "--out", c.cable],
        lambda c: ["export", c.cable, "--decisions", c.decisions, "--out", c.decisions],
        lambda c: ["export", c.cable, "--store", c.store, "--out", c.store],
        lambda c: ["check", c.cable, "--output", c.cable],
        lambda c: ["check", c.folder, "--output", c.cable],
        lambda c: ["check", c.cable, "--output", c.store],
        lambda c: ["index", c.cable, "--store", c.store, "--out", c.cable],
        lambda c: ["index", c.cable, "--decisions", c.decisions, "--out", c.decisions],
        lambda c: ["index", c.cable, "--store", c.store, "--out", c.store],
        lambda c: ["review", "export", c.cable, "--store", c.store, "--out", c.cable],
        lambda c: ["review", "export", c.cable, "--store", c.store, "--out", c.store],
    ],
    ids=[
        "export-out-cable",
        "export-out-decisions",
        "export-out-store",
        "check-output-cable",
        "check-folder-output-cable-in-it",
        "check-output-store",
        "index-out-cable",
        "index-out-decisions",
        "index-out-store",
        "review-export-out-cable",
        "review-export-out-store",
    ],
)
def test_an_output_never_replaces_an_input(case: Case, make_args) -> None:  # type: ignore[no-untyped-def]
    before = case.snapshot()
    r = wb(*make_args(case))
    refused(r, "cannot write")
    _kept(case, before)


def test_another_name_for_the_input_is_recognised(case: Case) -> None:
    link = case.folder / "alias.pdf"
    link.hardlink_to(case.cable)
    before = case.snapshot()
    r = wb("export", case.cable, "--store", case.store, "--out", link)
    refused(r, "cannot write")
    _kept(case, before)


def test_a_store_not_used_by_the_command_is_not_replaced_either(case: Case, tmp_path: Path) -> None:
    # The user's default store (in the data folder) while --decisions is used.
    before = case.snapshot()
    r = wb("index", case.cable, "--decisions", case.decisions, "--out", case.store)
    refused(r, "review store")
    _kept(case, before)


def test_a_device_is_never_replaced(case: Case) -> None:
    # As root, renaming a temporary file over /dev/null would replace the device.
    r = wb("review", "export", case.cable, "--store", case.store, "--out", "/dev/null")
    refused(r, "/dev/null")
    assert Path("/dev/null").is_char_device()


def test_writing_the_output_elsewhere_still_works(case: Case) -> None:
    out = case.folder / "release.pdf"
    r = wb("export", case.cable, "--store", case.store, "--out", out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")
    # Replacing an earlier output of the same command is what --out is for.
    r = wb("export", case.cable, "--store", case.store, "--out", out)
    assert r.returncode == 0, r.stderr
