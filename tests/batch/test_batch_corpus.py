"""``workbench check`` over the whole of ../shared/corpus with two workers."""

import json

import pytest
from corpus import CORPUS, available, index

from workbench.cli import main

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not available(), reason="../shared/corpus is absent"),
]


def test_check_the_corpus(tmp_path, capsys):
    report = tmp_path / "corpus.jsonl"
    code = main(
        [
            "check",
            str(CORPUS),
            "--jobs",
            "2",
            "--format",
            "jsonl",
            "--as-of",
            "2026-11-27",
            "--output",
            str(report),
        ]
    )
    assert code == 0
    rows = {}
    with open(report, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows[row["path"]] = row
    truths = index()
    for t in truths:
        row = rows[str(t.path)]
        assert not any(f["code"] == "read-error" for f in row["findings"]), t.path.name
        if t.lineage == "original" and t.level in ("CONFIDENTIAL", "SECRET", "TOP SECRET"):
            assert row["due"] is not None or row["status"] == "needs-review", t.path.name
    assert len(rows) >= len(truths)
