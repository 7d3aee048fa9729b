"""Odd input gets the right answer (issue 12, sixth and seventh items): PDFs are not cables,
a damaged release PDF is not clean, UTF-16/UTF-32 cables are read, --jobs is capped, and text
from a cable reaches the terminal escaped."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from corpus import SAMPLE

from .conftest import Case, clean, refused, wb


@pytest.mark.parametrize("command", ["parse", "check"])
def test_a_pdf_is_not_a_cable(case: Case, command: str) -> None:
    pdf = case.folder / "release.pdf"
    assert wb("export", case.cable, "--store", case.store, "--out", pdf).returncode == 0
    r = wb(command, pdf, *(["--format", "jsonl"] if command == "check" else []))
    clean(r)
    assert "is a PDF, not a cable" in r.stderr + r.stdout


def test_verify_never_calls_a_damaged_pdf_clean(case: Case) -> None:
    pdf = case.folder / "release.pdf"
    assert wb("export", case.cable, "--store", case.store, "--out", pdf).returncode == 0
    assert wb("verify", pdf, "--cable", case.cable, "--store", case.store).returncode == 0
    good = pdf.read_bytes()
    called_clean = []
    for seed in range(8):  # before the fix, seeds 4 and 7 (of these) were "clean"
        data = bytearray(good)
        rng = random.Random(seed)
        for _ in range(16):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        damaged = case.folder / f"damaged-{seed}.pdf"
        damaged.write_bytes(bytes(data))
        r = wb("verify", damaged, "--cable", case.cable, "--store", case.store)
        clean(r)
        if r.returncode == 0:
            called_clean.append(seed)
    assert called_clean == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_unicode_cables_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    f = tmp_path / "cable.txt"
    data = text.encode(encoding)
    if encoding.endswith("-be"):
        data = ("\ufeff" + text).encode(encoding)
    f.write_bytes(data)
    r = wb("parse", f)
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert obj["id"] == "07SEOUL219"
    assert obj["classification"]["level"] == "CONFIDENTIAL"


def test_jobs_far_beyond_the_machine_are_capped(tmp_path: Path) -> None:
    r = wb("check", SAMPLE, "--jobs", "100000", "--format", "jsonl", timeout=60)
    assert r.returncode == 0, r.stderr
    assert "more than this machine can use" in r.stderr


HOSTILE = "Kim\u202e\u2066 \x1b[2J\x1b]52;c;aGk=\x07 \x9b31m Hye\u2069-jin"


def _hostile_cable(folder: Path) -> Path:
    text = SAMPLE.read_text(encoding="utf-8").replace("Kim Hye-jin", HOSTILE)
    text = text.replace("SUBJECT: ROKG", f"SUBJECT: {HOSTILE} ROKG")
    f = folder / "hostile.txt"
    f.write_text(text, encoding="utf-8")
    return f


def _no_raw_controls(text: str) -> None:
    for ch in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2069"):
        assert ch not in text, repr(ch)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_parse_escapes_controls_and_bidi_for_the_terminal(tmp_path: Path, fmt: str) -> None:
    r = wb("parse", _hostile_cable(tmp_path), "--format", fmt)
    assert r.returncode == 0, r.stderr
    _no_raw_controls(r.stdout)
    # The same JSON value: the characters are escaped, not lost.
    assert json.loads(r.stdout)["subject"]["text"].startswith(HOSTILE)


def test_review_find_escapes_controls_and_bidi(tmp_path: Path) -> None:
    r = wb("review", "find", "Kim", _hostile_cable(tmp_path))
    assert r.returncode == 0, r.stderr
    _no_raw_controls(r.stdout + r.stderr)
    assert "\\u202e" in r.stdout


def test_a_file_name_with_controls_is_escaped(tmp_path: Path) -> None:
    f = tmp_path / "evil\x1b[2J\u202e.txt"
    f.write_bytes(b"")
    r = wb("parse", f)
    refused(r)
    _no_raw_controls(r.stderr)


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_bytes(SAMPLE.read_bytes())
    r = wb("review", "find", "Kim", tmp_path)
    assert r.returncode == 0, r.stderr
    assert "caf\\xe9.txt" in r.stdout
    r = wb("parse", tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["path"].endswith("caf\\xe9.txt")
    r = wb("check", tmp_path)
    clean(r)
    assert r.returncode == 0


@pytest.mark.parametrize("comment", ["-2+3+cmd|' /C calc'!A0", "+1", "\t=1+1", "\r=1+1", "@SUM(1)"])
def test_vaughn_csv_cells_are_never_live_formulas(case: Case, comment: str) -> None:
    import csv
    import io

    obj = json.loads(case.decisions.read_text())
    obj["decisions"][1]["comment"] = comment
    case.decisions.write_text(json.dumps(obj))
    out = case.folder / "index.csv"
    r = wb("index", case.cable, "--decisions", case.decisions, "--out", out)
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [c for row in rows[1:] for c in row]
    assert any(comment.strip() in c for c in cells)
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells), cells


@pytest.mark.parametrize("stored", ["logical", "reversed"])
def test_a_name_wrapped_in_bidi_overrides_never_reaches_the_release(
    case: Case, stored: str
) -> None:
    """The name withheld by ``match``, wrapped in RLO ... PDF (or stored reversed so that it
    shows the right way round): the release's text layer has neither the name nor its mirror."""
    name = "Kim Hye-jin"
    inner = name if stored == "logical" else name[::-1]
    text = SAMPLE.read_text(encoding="utf-8").replace(name, f"\u202e{inner}\u202c")
    case.cable.write_text(text, encoding="utf-8")
    obj = json.loads(case.decisions.read_text())
    obj["decisions"][1] = {
        "paragraph": 2,
        "action": "partial",
        "spans": [{"match": inner, "codes": ["(b)(6)"]}],
    }
    case.decisions.write_text(json.dumps(obj))
    pdf = case.folder / "release.pdf"
    r = wb("export", case.cable, "--decisions", case.decisions, "--out", pdf)
    assert r.returncode == 0, r.stderr
    import pypdf

    layer = "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    # ("Kim" alone is released elsewhere in the sample: "Kim said that...")
    for word in ("Hye", "eyH", "jin", "nij"):
        assert word not in layer, word
    assert wb("verify", pdf, "--cable", case.cable, "--decisions", case.decisions).returncode == 0


@pytest.mark.parametrize("command", ["check", "export", "suggest", "index", "review"])
def test_a_text_that_is_not_a_cable_gets_no_status_and_no_release(case: Case, command: str) -> None:
    # A README beside the cables, named by mistake: it used to get a status and a due date
    # read from its prose, and a "release" on letterhead with --allow-pending.
    readme = case.folder / "README.md"
    readme.write_text("# Samples\n\nChosen in 2008. DECL: 10/24/2018 shows the form.\n")
    out = case.folder / "readme.pdf"
    args = {
        "check": ["--format", "jsonl"],
        "export": ["--store", case.store, "--out", out, "--allow-pending"],
        "suggest": [],
        "index": ["--store", case.store, "--out", case.folder / "v.csv", "--allow-pending"],
        "review": [],
    }[command]
    cmd = ["review", "show", readme] if command == "review" else [command, readme, *args]
    r = wb(*cmd)
    clean(r)
    assert r.returncode == 1
    assert "README.md does not look like a cable" in r.stdout + r.stderr
    assert not out.exists()
    if command == "check":
        (row,) = [json.loads(line) for line in r.stdout.splitlines()]
        assert (row["status"], row["due"], row["findings"][0]["code"]) == (
            "unreadable",
            None,
            "read-error",
        )


@pytest.mark.parametrize("command", ["check", "export", "suggest", "index", "review", "case"])
def test_a_table_with_a_banner_word_in_a_row_is_not_a_cable(case: Case, command: str) -> None:
    # newcomer 3, finding 3: a copy of the corpus INDEX.tsv saved as .txt was checked as an
    # UNCLASSIFIED cable (a row's "UNCLASSIFIED" read as its banner) and exported as one.
    table = case.folder / "idx.txt"
    head = "id\tclassification\tdate\torigin\n"
    rows = [
        f"cables/09CAIRO{n}.txt\t{lvl}\t2009-06-01 12:12\tEmbassy Cairo\n"
        for n, lvl in enumerate(["SECRET//NOFORN", "SECRET", "UNCLASSIFIED", "CONFIDENTIAL"] * 5)
    ]
    table.write_text(head + "".join(rows))
    out = case.folder / "idx.pdf"
    if command == "case":
        r = wb("case", "new", "--number", "F-2026-00009", "--title", "t", "--store", case.store)
        assert r.returncode == 0, r.stderr
        cmd = ["case", "add", "F-2026-00009", table, "--store", case.store]
    elif command == "review":
        cmd = ["review", "show", table]
    else:
        args = {
            "check": ["--format", "jsonl"],
            "export": ["--store", case.store, "--out", out, "--allow-pending"],
            "suggest": [],
            "index": ["--store", case.store, "--out", case.folder / "v.csv", "--allow-pending"],
        }[command]
        cmd = [command, table, *args]
    r = wb(*cmd)
    clean(r)
    assert r.returncode == 1
    assert "idx.txt does not look like a cable: it is a table" in r.stdout + r.stderr
    assert not out.exists() and not (case.folder / "v.csv").exists()
    if command == "check":
        (row,) = [json.loads(line) for line in r.stdout.splitlines()]
        assert (row["status"], row["classification"]) == ("unreadable", None)
