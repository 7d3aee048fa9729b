"""What makes a text a cable the commands may check, review or release (``cable.document``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cable import CableError, parse_cable
from workbench.cable.document import not_a_cable, read_document

README = "# Samples\n\nThese cables were chosen in 2008.\nDECL: 10/24/2018 is an example.\n"


def test_prose_is_not_a_cable_but_a_header_fragment_is() -> None:
    why = not_a_cable(parse_cable(README, path="README.md"))
    assert why is not None and why.startswith("README.md does not look like a cable")
    # Any one of a classification line, a date-time group or a reference ID makes it one.
    assert not_a_cable(parse_cable("C O N F I D E N T I A L SEOUL 000219\n\nE.O. 12958\n")) is None
    assert not_a_cable(parse_cable("P 230828Z JAN 07\nFM AMEMBASSY SEOUL\n")) is None


def test_read_document_refuses_it_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "README.txt"
    path.write_text(README)
    with pytest.raises(CableError, match=r"README.txt does not look like a cable.*\.$"):
        read_document(path)
