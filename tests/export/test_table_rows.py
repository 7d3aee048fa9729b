"""A table row whose first cell is withheld stays a row (newcomer 6, finding 3: with
``Real Estate`` withheld, 09SANJOSE758's release put the box and ``178.4`` at the end of the
Tourism row and the rest of the row on a line of its own)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import corpus
import pytest
from export_helpers import OPTIONS, release_rest

from workbench.cable import Cable, read_cable
from workbench.export.release import render_release
from workbench.review import Review, commands

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")

CABLE = """UNCLASSIFIED SECTION 01 OF 01 SAN JOSE 004321

E.O. 12958: N/A
TAGS: ECON EINV CS
SUBJECT: ORCHARD INVESTMENT BY SECTOR

1. (U) Investment in the orchard sector grew in every year but one,
as the table below shows. The ministry expects the figures for the
coming year to follow the same pattern, with tourism and building
ahead of the other sectors and the farms behind them for a third
year running, it told us on Monday.

Sector                     2004   2005   2006   2007
Finance                    22.6   40.9  343.4   73.9
Tourism                    41.4   53.5  131.9  321.3
Residential Real Estate   178.4  234.6  373.5  644.7
Others                      3.9   -0.5    4.1    3.8

2. (U) The ministry said the harvest was good this year.

RUSSEL
"""


def layout(cable: Cable, *withheld: str) -> list[str]:
    review = Review.for_cable(cable)
    release_rest(review)
    for piece in withheld:
        i = cable.text.index(piece)
        commands.redact(cable, review, i, i + len(piece), ["(b)(6)"]).apply(review)
    pdf = render_release(cable, review, OPTIONS)
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8").splitlines()


def row(lines: list[str], word: str) -> str:
    return next(line for line in lines if word in line)


def test_a_row_starting_with_a_withheld_cell_stays_a_row(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_text(CABLE, encoding="utf-8")
    lines = layout(read_cable(path), "Residential Real Estate", "343.4")
    assert row(lines, "Tourism").split()[-1] == "321.3"  # nothing of the next row on it
    estate = row(lines, "178.4").split()
    assert estate[0] == "(b)(6)" and estate[1:] == ["178.4", "234.6", "373.5", "644.7"]
    assert row(lines, "Others").split()[0] == "Others"


def test_san_jose_real_estate_row() -> None:
    path = corpus.CORPUS / "cables" / "09SANJOSE758.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    lines = layout(read_cable(path), "Real Estate", "343.4")
    assert row(lines, "Tourism").split()[-1] == "285.7"
    assert row(lines, "178.4").split()[:2] == ["(b)(6)", "178.4"]
