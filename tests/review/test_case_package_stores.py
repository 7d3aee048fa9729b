"""A case worked by two reviewers and released as one package, on both stores (issue 15): in
PostgreSQL the database names who accepted each proposal and who exported the package."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "case"))

from casekit import NAME, NUMBER, forms  # noqa: E402

from workbench.cable import read_cable  # noqa: E402
from workbench.case.accept import accept_all  # noqa: E402
from workbench.case.members import read_paths  # noqa: E402
from workbench.case.package import export_package  # noqa: E402
from workbench.case.session import CaseSession  # noqa: E402
from workbench.export.options import ExportOptions  # noqa: E402
from workbench.review import commands as rc  # noqa: E402
from workbench.review.case_records import CaseRecord  # noqa: E402
from workbench.review.store_api import ReviewStore  # noqa: E402


def test_a_case_reviewed_by_two_and_released_as_one_package(
    make_store: Callable[[str], ReviewStore], tmp_path: Path
) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    texts = {k: forms()[k] for k in ("07SEOUL219", "07STATE12345", "07SEOUL220")}
    for cid, text in texts.items():
        (folder / f"{cid}.txt").write_text(text, encoding="utf-8")
    alice = make_store("alice")
    alice.create_case(CaseRecord(NUMBER, "Cluster munitions", "J. Doe"), "alice")
    alice.add_case_cables(NUMBER, [e for e, _ in read_paths([str(folder)]).cables], "alice")
    seed = read_cable(folder / "07SEOUL219.txt")
    review = alice.load(seed)
    i = seed.text.index(NAME)
    alice.apply(review, rc.redact(seed, review, i, i + len(NAME), ["(b)(6)"]), "alice")
    alice.apply(review, rc.withhold(seed.paragraphs[2], ["(b)(1)", "1.4(d)"]), "alice")
    for r in review.pending():
        alice.apply(review, rc.release(r), "alice")
    # Bob accepts what the case proposes for the copies, and releases what is left.
    bob = make_store("bob")
    session = CaseSession.open(bob, NUMBER)
    for cid in ("07STATE12345", "07SEOUL220"):
        cable = read_cable(folder / f"{cid}.txt")
        copy = bob.load(cable)
        done, skipped = accept_all(bob, cable, copy, session.proposals(cid), NUMBER, "bob")
        assert done and not skipped
        for r in copy.pending():
            bob.apply(copy, rc.release(r), "bob")
        assert bob.log(cid)[0].reviewer == "bob"
        assert "accepted proposal of case" in bob.log(cid)[0].what
    out = tmp_path / "package"
    # Bob makes the release: "By:" names him (newcomer 3, finding 7), not the log's deciders.
    options = ExportOptions(reviewer="bob", authority="E.O. 13526")
    package = export_package(CaseSession.open(bob, NUMBER), out, options, who="bob")
    assert sorted(e.cable for e in package.entries if e.cable) == sorted(texts)
    with open(out / "vaughn-index.csv", newline="", encoding="utf-8") as f:
        per = Counter(r["document"] for r in csv.DictReader(f))
    # The same rows for every copy: the name (and where the cable repeats it) and ¶3.
    assert set(per) == set(texts) and len(set(per.values())) == 1 and min(per.values()) >= 2
    entry = alice.case_log(NUMBER)[-1]
    assert (entry.what, entry.reviewer) == ("Release package exported", "bob")
