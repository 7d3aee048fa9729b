"""What makes a text a cable the commands may check, review or release (``cable.document``)."""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest
from corpus import SAMPLE

from workbench.cable import CableError, parse_cable, read_cable
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


def _index_as_text(rows: int = 40) -> str:
    # The shape of the corpus INDEX.tsv: a header row, then one row a cable, a banner word in
    # the second field of every row.
    head = "id\tclassification\tdate\torigin\tsource_format\tlineage\n"
    levels = ["SECRET//NOFORN", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"]
    body = "".join(
        f"cables/09CAIRO{n}.txt\t{levels[n % 4]}\t2009-06-01 12:12\tEmbassy Cairo\thtml\toriginal\n"
        for n in range(rows)
    )
    return head + body


def test_a_table_is_not_a_cable_though_a_row_holds_a_banner_word(tmp_path: Path) -> None:
    # newcomer 3, finding 3: INDEX.tsv saved as .txt was checked as an UNCLASSIFIED cable, the
    # word in a row taken for its classification line.
    text = _index_as_text()
    cable = parse_cable(text, path="idx.txt")
    assert cable.classification is not None  # what the reader makes of it (parse shows this)
    why = not_a_cable(cable)
    assert why == (
        "idx.txt does not look like a cable: it is a table (its lines are rows of fields "
        "between tabs); give the text file of a cable."
    )
    path = tmp_path / "idx.txt"
    path.write_text(text)
    with pytest.raises(CableError, match="is a table"):
        read_document(path)


def test_a_marking_deep_in_an_undated_text_is_no_banner() -> None:
    prose = "".join(f"Line {n} of a memo about the archive.\n" for n in range(60))
    why = not_a_cable(parse_cable(prose + "SECRET\n" + prose, path="memo.txt"))
    assert why is not None and "on line 61, where no banner stands" in why


def test_a_cable_with_a_tab_table_in_it_is_still_a_cable() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    table = "".join(f"\tROW {n}\t{n * 10}\t{n * 7}\n" for n in range(300))
    assert not_a_cable(parse_cable(text + table)) is None


def test_no_cable_of_the_corpus_is_refused() -> None:
    # Every cable and variant of ../shared/corpus, and the bundled samples, is still a cable.
    if not corpus.available():
        pytest.skip("no ../shared/corpus")
    files = [*sorted((corpus.CORPUS / "cables").iterdir())]
    files += sorted((corpus.CORPUS / "variants").iterdir())
    files += sorted(p for p in SAMPLE.parent.glob("*.txt"))
    assert len(files) > 2100
    refused = [(p.name, why) for p in files if (why := not_a_cable(read_cable(p))) is not None]
    assert refused == []
