"""The case's release package: conflicts block it, and it is complete or absent."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from casekit import NUMBER, Case, decide_seed, forms

from workbench.case.accept import accept_all
from workbench.case.conflicts import acceptance
from workbench.case.package import export_package
from workbench.case.session import CaseError
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions
from workbench.review import commands as rc
from workbench.review.model import RELEASED

ROOT = Path(__file__).resolve().parents[2]


def _decide_all(case: Case) -> None:
    """The seed decided; every other cable by accepting the case's proposals, the rest
    released."""
    decide_seed(case)
    session = case.session()
    for cid in session.cable_ids():
        cable = case.cable(cid)
        review = case.store.load(cable)
        accept_all(case.store, cable, review, session.proposals(cid), NUMBER, "bob")
        for r in review.pending():
            case.store.apply(review, rc.release(r), "bob")


def _options() -> ExportOptions:
    return ExportOptions(reviewer="carol", authority="E.O. 13526").resolve()


def test_a_conflict_blocks_the_package_until_accepted(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    case = make_case()
    _decide_all(case)
    # The same ¶3 released in the repeat: a conflict.
    cable = case.cable("07STATE12345")
    review = case.store.load(cable)
    case.store.apply(review, rc.release(cable.paragraphs[2]), "dan")
    session = case.session()
    (conflict,) = [c for c in session.conflicts() if c.open]
    assert conflict.kind == "copy"
    assert ("07STATE12345", "released") in [(p.cable_id, how) for p, how in conflict.places]
    out = tmp_path / "package"
    with pytest.raises(CaseError, match="1 open conflict"):
        export_package(session, out, _options())
    assert not out.exists()
    # Accepted with a comment (kept in the case log): the package may go.
    what, data = acceptance(conflict, "released in 2019 under FOIA F-2019-01234; stands")
    case.store.log_case(NUMBER, what, data, "carol")
    session.refresh()
    assert not [c for c in session.conflicts() if c.open]
    package = export_package(session, out, _options())
    assert len([e for e in package.entries if e.cable]) == len(forms())
    entry = case.store.case_log(NUMBER)[-2]
    assert (entry.reviewer, entry.data["comment"]) == (
        "carol",
        "released in 2019 under FOIA F-2019-01234; stands",
    )
    # A decision changed afterwards opens the conflict again.
    case.store.apply(review, rc.withhold(cable.paragraphs[2], ["(b)(1)"]), "dan")
    session.refresh()
    assert [c for c in session.conflicts() if c.open]


def test_a_withheld_name_released_elsewhere_is_a_conflict(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    case = make_case()
    _decide_all(case)
    cable = case.cable("07SEOUL221")
    review = case.store.load(cable)
    # The paragraph released whole, the name with it.
    case.store.apply(review, rc.SetDecision(cable.paragraphs[1], RELEASED), "dan")
    conflicts = [c for c in case.session().conflicts() if c.open]
    assert [c.kind for c in conflicts] == ["copy", "term"]
    assert conflicts[1].summary == (
        "'Kim Hye-jin' is withheld in ¶2 of 07SEOUL219 and released in 1 other place(s)"
    )


def test_the_package_has_every_release_verified_an_index_and_a_manifest(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    case = make_case()
    _decide_all(case)
    out = tmp_path / "package"
    export_package(case.session(), out, _options())
    with open(out / "manifest.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    releases = [r for r in rows if r["cable"]]
    assert sorted(r["cable"] for r in releases) == sorted(forms())
    assert {r["disposition"] for r in releases} == {"released in part"}
    for r in rows:
        data = (out / r["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == r["sha256"]
    assert all(int(r["pages"]) >= 1 for r in releases)
    # One Vaughn index for the case: the name and ¶3 for each cable.
    with open(out / "vaughn-index.csv", newline="", encoding="utf-8") as f:
        index = list(csv.DictReader(f))
    # Copies decided alike: every cable has the same rows (the name, its recurrences, ¶3).
    per = Counter(r["document"] for r in index)
    assert set(per) == set(forms()) and len(set(per.values())) == 1
    assert min(per.values()) >= 2
    doc = json.loads((out / "manifest.json").read_text())
    assert doc["case"]["number"] == NUMBER
    assert sorted(p.name for p in out.iterdir()) == [
        "manifest.csv",
        "manifest.json",
        "releases",
        "vaughn-index.csv",
        "vaughn-index.pdf",
    ]
    with pytest.raises(CaseError, match="not empty"):
        export_package(case.session(), out, _options())


def test_a_failure_midway_leaves_no_package(
    make_case: Callable[..., Case], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = make_case()
    _decide_all(case)
    import workbench.export.publish as publish

    real, calls = publish.render, []

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(publish, "render", failing)
    out = tmp_path / "package"
    with pytest.raises(CaseError, match="No space left on device"):
        export_package(case.session(), out, _options())
    assert not out.exists()
    assert not [p for p in os.listdir(tmp_path) if "package" in p]


def test_an_export_killed_midway_leaves_no_package(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    # Enough cables that the export takes a while: the seed's copies many times over.
    texts = forms()
    from copymaker import with_id

    for n in range(40):
        texts[f"07SEOUL{400 + n}"] = with_id(texts["07SEOUL221"], "SEOUL", 400 + n)
    case = make_case(texts)
    _decide_all(case)
    out = tmp_path / "package"
    argv = [sys.executable, "-m", "workbench", "case", "export", NUMBER, "--out", str(out)]
    argv += ["--reviewer", "carol"]  # "By:" on every release: the person exporting
    proc = subprocess.Popen([*argv, "--store", str(case.store_path)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        written: list[Path] = []
        while time.monotonic() < deadline and not written:
            written = list(tmp_path.glob(".package.incomplete-*/releases/*.pdf"))
            time.sleep(0.02)
        assert written, "the export wrote no release in two minutes"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(30)
    assert not out.exists()  # no package, not even a part of one
    # The next export removes what the killed one left, and writes the package whole.
    done = subprocess.run(
        [*argv, "--store", str(case.store_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert len(list((out / "releases").iterdir())) == len(texts)
    assert not list(tmp_path.glob(".package.incomplete-*"))


def test_a_release_that_fails_its_check_stops_the_package(
    make_case: Callable[..., Case], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every release goes through the check `workbench export` makes before writing: a release
    that prints a withheld name (here: made as if nothing were withheld) stops the package."""
    case = make_case()
    _decide_all(case)
    import workbench.export.publish as publish
    from workbench.review.model import Review

    real = publish.render

    def leaking(kind, cable, review, options):  # type: ignore[no-untyped-def]
        if review.cable_id != "07SEOUL221":
            return real(kind, cable, review, options)
        everything = Review.for_cable(cable)
        for r in everything.pending():
            rc.release(r).apply(everything)
        return real(kind, cable, everything, options)

    monkeypatch.setattr(publish, "render", leaking)
    out = tmp_path / "package"
    with pytest.raises(Exception, match="07SEOUL221 failed its verification"):
        export_package(case.session(), out, _options())
    assert not out.exists() and not list(tmp_path.glob(".package*"))


def test_a_release_goes_by_its_release_name_and_needs_a_known_reviewer(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    """The FM line withheld: the reference ID (it names the post) is neither the release's file
    name nor its manifest entry; the case's log keeps which cable it is."""
    case = make_case()
    _decide_all(case)
    for cid in forms():  # every copy alike, or it is a conflict
        review = case.store.load(case.cable(cid))
        case.store.apply(review, rc.withhold(review.partition["from"], ["(b)(1)"]), "bob")
    out = tmp_path / "package"
    export_package(case.session(), out, _options())
    manifest = (out / "manifest.csv").read_text() + (out / "manifest.json").read_text()
    names = sorted(n.removesuffix(".pdf") for n in os.listdir(out / "releases"))
    assert all(n.startswith("cable-") and n in manifest for n in names)
    assert not [cid for cid in forms() if cid in manifest or cid[2:7] in manifest]
    log = case.store.case_log(NUMBER)[-1]
    assert sorted(log.data["releases"]) == sorted(forms())
    assert sorted(log.data["releases"].values()) == names


def test_a_release_nobody_decided_is_refused_without_a_reviewer(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    """Without a reviewer given or set the package is refused: "By:" names the person making
    the release (newcomer 3, finding 7), never the audit log's deciders nor a guess."""
    from workbench.export.errors import ExportError

    texts = forms()
    case = make_case({"07SEOUL219": texts["07SEOUL219"], "07SEOUL221": texts["07SEOUL221"]})
    decide_seed(case)
    nobody = ExportOptions(reviewer="", authority="E.O. 13526", allow_pending=True)
    with pytest.raises(ExportError, match="no reviewer is known for the release of 07SEOUL219"):
        export_package(case.session(), tmp_path / "package", nobody)
    assert not list(tmp_path.glob("*package*"))
    named = ExportOptions(reviewer="carol", authority="E.O. 13526", allow_pending=True)
    export_package(case.session(), tmp_path / "package", named)


def test_a_package_with_pending_regions_is_a_draft_everywhere(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    """Newcomer 3, finding 5: nobody decided 07SEOUL221. With --allow-pending its release is
    a draft on every page, and the manifest, the Vaughn index and a notice say so; the
    decided cable's release is final."""
    import json

    from workbench.export.stamps import DRAFT
    from workbench.export.verify import extract

    texts = forms()
    case = make_case({"07SEOUL219": texts["07SEOUL219"], "07SEOUL221": texts["07SEOUL221"]})
    decide_seed(case)
    out = tmp_path / "package"
    options = ExportOptions(reviewer="carol", authority="E.O. 13526", allow_pending=True)
    package = export_package(case.session(), out, options)
    # Its FM line is pending (withheld), so it goes by a hash of what it shows.
    assert len(package.drafts) == 1 and package.drafts[0].startswith("cable-")
    draft = extract((out / "releases" / f"{package.drafts[0]}.pdf").read_bytes())
    assert all(DRAFT in page for page in draft.pages)
    assert "NOTHING RELEASED" not in "".join(draft.pages)
    final = extract((out / "releases" / "07SEOUL219.pdf").read_bytes())
    assert not any("DRAFT" in page for page in final.pages)
    manifest = (out / "manifest.csv").read_text()
    assert "DRAFT, not for release: withheld in full" in manifest
    assert json.loads((out / "manifest.json").read_text())["draft"] is True
    assert DRAFT in (out / "DRAFT-NOT-FOR-RELEASE.txt").read_text()
    vaughn = (out / "vaughn-index.csv").read_text()
    assert "DRAFT, not for release" in vaughn
    assert case.store.case_log(NUMBER)[-1].what == "Draft package exported (not for release)"


def test_a_case_that_requires_qc_holds_its_package_until_every_cable_is_approved(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    """The case's own policy adds the QC requirement (the store's is off): the package is
    refused while one cable is not approved, and written once all are."""
    from workbench.review.store_api import QcState

    case = make_case()
    _decide_all(case)
    case.store.set_requires_qc(True, "lead", case_id=NUMBER)
    assert not case.store.requires_qc("")
    out = tmp_path / "package"
    ids = sorted(forms())
    for cid in ids:
        case.store.qc_step(cid, QcState.FIRST_PASS_DONE, "", "bob")
    for cid in ids[:-1]:
        case.store.qc_step(cid, QcState.APPROVED, "", "carol")
    with pytest.raises((CaseError, ExportError), match=f"{ids[-1]} .*QC approval"):
        export_package(case.session(), out, _options())
    assert not out.exists() and not list(tmp_path.glob(".package*"))
    case.store.qc_step(ids[-1], QcState.APPROVED, "", "carol")
    export_package(case.session(), out, _options())
    assert len(os.listdir(out / "releases")) == len(ids)


def test_a_cable_held_by_another_case_s_qc_policy_holds_this_package(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    """Issue 17's gate applies every case a cable is in: 07SEOUL221 is also in a case that
    requires QC, so this case's package waits for its approval too (and a plain release of it
    would as well); the store's own policy is off throughout."""
    from workbench.case.members import read_paths
    from workbench.review.case_records import CaseRecord

    case = make_case()
    _decide_all(case)
    case.store.create_case(CaseRecord("F-2026-00002", "Another request"), "lead")
    read = read_paths([str(case.folder / "07SEOUL221.txt")])
    case.store.add_case_cables("F-2026-00002", [e for e, _ in read.cables], "lead")
    case.store.set_requires_qc(True, "lead", case_id="F-2026-00002")
    out = tmp_path / "package"
    with pytest.raises(CaseError, match=r"07SEOUL221 .*case F-2026-00002"):
        export_package(case.session(), out, _options())
    assert not out.exists() and not list(tmp_path.glob(".package*"))


def test_releases_whose_name_hides_their_id_come_after_the_named_ones_by_hash(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    """In reference-ID order a hidden release's place between named neighbours tells its
    year and post (newcomer 6, finding 16): the manifest and the index list the named ones
    first, then the hidden ones by their hash."""
    from copymaker import from_markdown, with_id
    from corpus import SAMPLE

    plain = from_markdown(SAMPLE.read_text(encoding="utf-8"))

    def posted(post: str, number: int) -> str:
        return with_id(plain, post, number).replace("FM AMEMBASSY SEOUL", f"FM AMEMBASSY {post}")

    texts = {
        "07ASMARA5": posted("ASMARA", 5),
        "07BAMAKO6": posted("BAMAKO", 6),
        "07SEOUL221": with_id(plain, "SEOUL", 221),
        "07SEOUL222": with_id(plain, "SEOUL", 222),
    }
    case = make_case(texts)
    for cid in texts:
        review = case.store.load(case.cable(cid))
        if cid[2:7] in ("ASMAR", "BAMAK"):
            case.store.apply(review, rc.withhold(review.partition["from"], ["(b)(1)"]), "bob")
        for r in review.pending():
            case.store.apply(review, rc.release(r), "bob")
    out = tmp_path / "package"
    export_package(case.session(), out, _options())
    with open(out / "manifest.csv", newline="", encoding="utf-8") as f:
        listed = [r["cable"] for r in csv.DictReader(f) if r["cable"]]
    hidden = sorted(n for n in listed if n.startswith("cable-"))
    assert len(hidden) == 2
    assert listed == ["07SEOUL221", "07SEOUL222", *hidden]
    doc = json.loads((out / "manifest.json").read_text())
    assert [e["cable"] for e in doc["files"] if e["cable"]] == listed
    with open(out / "vaughn-index.csv", newline="", encoding="utf-8") as f:
        documents = list(dict.fromkeys(r["document"] for r in csv.DictReader(f)))
    assert documents == [d for d in listed if d in documents]
    assert documents[-1] in hidden  # the FM line's rows
