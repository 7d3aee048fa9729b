"""The labelled set is intact: every cable unchanged since labelling, every span where it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests import corpus
from workbench.cable.decode import read_cable_text

LABELS = Path(__file__).parent / "data" / "labels.json"


@pytest.mark.corpus
@pytest.mark.skipif(not corpus.available(), reason="needs ../shared/corpus")
def test_labels_point_at_their_text() -> None:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    parts = {"dev": 0, "held-out": 0}
    for rec in data["cables"]:
        path = corpus.CORPUS / rec["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == rec["sha256"], rec["id"]
        assert rec["part"] == corpus.part(path.name)
        parts[rec["part"]] += 1
        text, _ = read_cable_text(path)
        for s in rec["spans"]:
            assert text[s["start"] : s["end"]] == s["text"], (rec["id"], s)
    assert parts["dev"] >= 40 and parts["held-out"] >= 25


def test_contact_only_cables_hold_contact_labels_alone() -> None:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    scoped = [rec for rec in data["cables"] if "kinds" in rec]
    assert scoped, "round 7 labelled contact details alone"
    for rec in scoped:
        assert rec["kinds"] == ["contact"]
        assert all(s["kind"] == "contact" for s in rec["spans"]), rec["id"]
