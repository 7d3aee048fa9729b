"""The decisions file: parsing, errors that name the entry, export, and the round trip."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from workbench.cable import Cable
from workbench.review import (
    Action,
    DecisionsError,
    decisions_to_dict,
    load_decisions,
    parse_decisions,
)

ISSUE_EXAMPLE: dict[str, Any] = {
    "cable": "07SEOUL219",
    "decisions": [
        {"paragraph": 2, "action": "withhold", "codes": ["(b)(1)", "1.4(d)"]},
        {"paragraph": 1, "action": "release"},
        {
            "paragraph": 3,
            "action": "partial",
            "spans": [
                {"match": "Norway", "codes": ["(b)(6)"]},
                {"start": 1706, "end": 1709, "text": "Kim", "codes": ["(b)(6)"], "comment": "name"},
            ],
        },
    ],
    "fields": [{"field": "subject", "codes": ["(b)(1)", "1.4(d)"]}],
}


def test_parse_the_issue_example(sample: Cable) -> None:
    review = parse_decisions(ISSUE_EXAMPLE, sample)
    assert review.decision(1).action == Action.RELEASE
    assert review.decision(2).codes == ("(b)(1)", "1.4(d)")
    spans = review.decision(3).spans
    assert [sample.text[s.start : s.end] for s in spans] == ["Kim", "Norway"]
    assert spans[0].comment == "name"
    assert review.decision(4).action == Action.PENDING
    assert review.fields["subject"].codes == ("(b)(1)", "1.4(d)")


def test_match_finds_every_occurrence_and_line_wraps(sample: Cable) -> None:
    obj = {
        "cable": "07SEOUL219",
        "decisions": [
            {"paragraph": 3, "action": "partial", "spans": [{"match": "ROKG", "codes": ["B6"]}]}
        ],
    }
    review = parse_decisions(obj, sample)
    p3 = sample.paragraphs[2]
    assert len(review.decision(3).spans) == p3.text.count("ROKG") > 1
    assert review.decision(3).spans[0].codes == ("(b)(6)",)  # State's alias, canonical form


def test_codes_are_canonicalised(sample: Cable) -> None:
    obj = {
        "cable": "07SEOUL219",
        "decisions": [{"paragraph": 2, "action": "withhold", "codes": ["B1", "1.4(D)", "25x6"]}],
    }
    assert parse_decisions(obj, sample).decision(2).codes == ("(b)(1)", "1.4(d)", "25X6")


def _with(entry_change: dict[str, Any] | None = None, **top: Any) -> dict[str, Any]:
    obj = copy.deepcopy(ISSUE_EXAMPLE)
    obj.update(top)
    if entry_change is not None:
        obj["decisions"].append(entry_change)
    return obj


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        (
            _with({"paragraph": 9, "action": "release"}),
            "decisions[3]: paragraph 9 does not exist in 07SEOUL219",
        ),
        (
            _with({"paragraph": 1, "action": "withhold", "codes": ["(b)(1)"]}),
            "decisions[3]: paragraph 1 is already decided by decisions[1]",
        ),
        (_with({"paragraph": 4, "action": "redact"}), "decisions[3]: unknown action 'redact'"),
        (_with({"paragraph": 4, "action": "withhold"}), 'decisions[3]: "codes" is missing'),
        (
            _with({"paragraph": 4, "action": "withhold", "codes": ["(b)(10)"]}),
            "decisions[3]: unknown exemption code '(b)(10)'",
        ),
        (
            _with({"paragraph": 4, "action": "release", "codes": ["(b)(1)"]}),
            'decisions[3]: a "release" decision takes no "codes"',
        ),
        (
            _with({"paragraph": 4, "action": "partial", "spans": []}),
            'decisions[3]: a "partial" decision needs a non-empty "spans" list',
        ),
        (
            _with(
                {
                    "paragraph": 4,
                    "action": "partial",
                    "spans": [{"match": "Kim Jong-il", "codes": ["(b)(6)"]}],
                }
            ),
            "decisions[3]: spans[0]: 'Kim Jong-il' does not occur in paragraph 4",
        ),
        (
            _with(
                {
                    "paragraph": 4,
                    "action": "partial",
                    "spans": [{"start": 1204, "end": 1230, "codes": ["(b)(6)"]}],
                }
            ),
            "decisions[3]: spans[0]: span 1204-1230 is outside paragraph 4",
        ),
        (
            _with(
                {
                    "paragraph": 4,
                    "action": "partial",
                    "spans": [{"start": 2600, "codes": ["(b)(6)"]}],
                }
            ),
            'decisions[3]: spans[0]: give "match", or "start" and "end"',
        ),
        (
            _with({"paragraph": 4, "action": "release", "cods": []}),
            "decisions[3]: unknown key 'cods'",
        ),
        (
            _with({"index": 5, "action": "release"}),
            "decisions[3]: index 5 does not exist in 07SEOUL219",
        ),
        (
            _with({"paragraph": "4", "action": "release"}),
            "decisions[3]: the paragraph number must be a whole number",
        ),
        (_with({"action": "release"}), 'decisions[3]: give one of "paragraph"'),
        (_with(cable="07SEOUL220"), "the decisions are for '07SEOUL220', not 07SEOUL219"),
        (_with(text_sha256="00"), "exported from a different text of 07SEOUL219"),
        (
            _with(
                fields=[
                    {"field": "subject", "codes": ["(b)(1)"]},
                    {"field": "subject", "codes": ["(b)(6)"]},
                ]
            ),
            "fields[1]: the field subject is already withheld by fields[0]",
        ),
        (_with(fields=[{"field": "body", "codes": ["(b)(1)"]}]), "fields[0]: unknown field 'body'"),
        (_with(decisions={}), '"decisions" must be a list'),
        ([], "expected a JSON object"),
    ],
)
def test_invalid_entries_are_named(sample: Cable, obj: Any, message: str) -> None:
    with pytest.raises(DecisionsError) as info:
        parse_decisions(obj, sample)
    assert message in str(info.value)


def test_load_errors_name_the_file(sample: Cable, tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text('{"cable": "07SEOUL219", "decisions": [', encoding="utf-8")
    with pytest.raises(DecisionsError, match=r"d\.json is not valid JSON"):
        load_decisions(path, sample)
    path.write_text(json.dumps(_with({"paragraph": 9, "action": "release"})), encoding="utf-8")
    with pytest.raises(DecisionsError, match=r"d\.json: decisions\[3\]: paragraph 9 does not"):
        load_decisions(path, sample)
    with pytest.raises(DecisionsError, match="cannot read"):
        load_decisions(tmp_path / "missing.json", sample)


def test_round_trip(sample: Cable, tmp_path: Path) -> None:
    review = parse_decisions(ISSUE_EXAMPLE, sample)
    exported = decisions_to_dict(review, sample)
    assert exported["cable"] == "07SEOUL219"
    assert all("match" not in s for d in exported["decisions"] for s in d.get("spans", []))
    again = parse_decisions(json.loads(json.dumps(exported)), sample)
    assert again == review
    assert decisions_to_dict(again, sample) == exported
