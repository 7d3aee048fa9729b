"""`workbench case` on the command line: cables named by ID or by file, bad input in one
sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from casekit import NUMBER, Case


def test_remove_takes_a_cable_s_id_or_its_file(
    make_case: Callable[..., Case], capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    case = make_case()
    store = ["--store", str(case.store_path)]
    file = case.folder / "07SEOUL220.txt"
    assert main(["case", "remove", NUMBER, str(file), "07SEOUL221", *store]) == 0
    assert "removed 2 cable(s)" in capsys.readouterr().out
    left = {c.cable_id for c in case.store.case_cables(NUMBER)}
    assert "07SEOUL220" not in left and "07SEOUL221" not in left and "07SEOUL219" in left
    # A file that is not a cable: one sentence, nothing removed.
    bad = case.folder.parent / "picture.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["case", "remove", NUMBER, str(bad), *store]) == 1
    err = capsys.readouterr().err
    assert "picture.png" in err and "by its ID" in err and "Traceback" not in err
    assert {c.cable_id for c in case.store.case_cables(NUMBER)} == left
