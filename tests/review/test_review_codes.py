"""Exemption code sets: built-ins, team sets from CSV or JSON, and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.review import ReviewError, builtin_code_sets, load_code_set, validate_codes
from workbench.review.codes import CodeSetError, add_code_set, available_code_sets


def test_builtin_sets_hold_every_code_of_section_6() -> None:
    sets = {s.name: s for s in builtin_code_sets()}
    assert set(sets) == {"foia", "eo13526", "nara"}
    foia = [c.code for c in sets["foia"].codes]
    assert foia[:6] == [f"(b)({n})" for n in range(1, 7)]
    assert [f"(b)(7)({x})" for x in "ABCDEF"] == [c for c in foia if c.startswith("(b)(7)(")]
    assert {"(b)(8)", "(b)(9)"} <= set(foia)
    assert [c.code for c in sets["eo13526"].codes] == [f"1.4({x})" for x in "abcdefgh"]
    nara = [c.code for c in sets["nara"].codes]
    assert nara == [f"25X{n}" for n in range(1, 10)] + ["50X1-HUM", "50X2-WMD"]
    for s in sets.values():
        assert all(c.label and c.description for c in s.codes)


def test_validate_codes_canonicalises_and_refuses_unknown() -> None:
    sets = builtin_code_sets()
    assert validate_codes(["b6", "B7(C)", "1.4(D)", "25x1", "50x1-hum", "(b)(6)"], sets) == (
        "(b)(6)",
        "(b)(7)(C)",
        "1.4(d)",
        "25X1",
        "50X1-HUM",
    )
    with pytest.raises(ReviewError, match=r"unknown exemption code '1\.4\(i\)'"):
        validate_codes(["1.4(i)"], sets)
    with pytest.raises(ReviewError, match="empty"):
        validate_codes([" "], sets)


def test_csv_code_set_with_and_without_header(tmp_path: Path) -> None:
    with_header = tmp_path / "privacy.csv"
    with_header.write_text(
        "Code,Label,Description\n(k)(5),PA (k)(5),Investigatory material\n\nNR,Non-responsive,\n",
        encoding="utf-8",
    )
    cs = load_code_set(with_header)
    assert cs.name == "privacy" and [c.code for c in cs.codes] == ["(k)(5)", "NR"]
    assert cs.codes[0].description == "Investigatory material"
    bare = tmp_path / "bare.csv"
    bare.write_text("NR,Non-responsive,Outside the request\n", encoding="cp1252")
    assert load_code_set(bare).codes[0].label == "Non-responsive"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "code,label\nNR,x\n,missing\n", r"a\.csv row 3: no code"),
        (
            "b.csv",
            "code,label\nNR,x\nnr,again\n",
            r"the code 'nr' appears twice \(entries 1 and 2\)",
        ),
        (
            "c.json",
            '{"codes": [{"code": "NR"}, {"label": "no code"}]}',
            r"c\.json codes\[1\]: no code",
        ),
        (
            "d.json",
            '{"codes": [{"code": "NR", "label": 5}]}',
            r"codes\[0\]: the label of 'NR' must be text",
        ),
        ("e.json", '{"codes": "NR"}', "is not a code set"),
        ("f.json", "{nope", r"f\.json is not valid JSON"),
        ("g.csv", "code\n\n", r"g\.csv holds no codes"),
        ("h.csv", "PENDING REVIEW,x\n", "reserved"),
    ],
)
def test_bad_code_set_files_name_the_row(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodeSetError, match=message):
        load_code_set(path)


def test_added_set_is_kept_and_offered(tmp_path: Path) -> None:
    src = tmp_path / "team.json"
    src.write_text(
        json.dumps(
            {
                "name": "team",
                "label": "Our codes",
                "codes": [{"code": "NR", "label": "Non-responsive"}],
            }
        )
    )
    cs = add_code_set(src)
    src.unlink()  # the workbench keeps its own copy
    names = [s.name for s in available_code_sets()]
    assert names == ["foia", "eo13526", "nara", "team"] and cs.label == "Our codes"
    assert validate_codes(["nr"], available_code_sets()) == ("NR",)
    clash = tmp_path / "foia.csv"
    clash.write_text("X,y,z\n")
    with pytest.raises(CodeSetError, match="built-in code set"):
        add_code_set(clash)


def test_describe_and_chosen_set(tmp_path: Path) -> None:
    from workbench.review.codes import chosen_code_set, describe
    from workbench.settings import Settings

    assert describe("B6") == "B6: personal privacy: " + builtin_code_sets()[0].codes[5].description
    assert describe("nope") is None
    assert chosen_code_set().name == "foia"
    src = tmp_path / "team.csv"
    src.write_text("NR,Non-responsive,Outside the request\n")
    add_code_set(src)
    settings = Settings.load()
    settings.code_set = "team"
    settings.save()
    assert chosen_code_set().name == "team"
    assert describe("NR") == "Non-responsive: Outside the request"
