"""The review model, decisions files, find-and-redact and the store on real cables."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import corpus
import pytest

from workbench.cable import Cable, CableError, read_cable
from workbench.review import (
    FIELDS,
    Action,
    Redaction,
    Review,
    SqliteStore,
    commands,
    decisions_to_dict,
    dump_decisions,
    field_spans,
    parse_decisions,
)
from workbench.review.find import compile_pattern, find, redact_command

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not corpus.available(), reason="../shared/corpus is absent"),
]


def real_cables(n: int, lineages: tuple[str, ...] = ("original",)) -> list[Cable]:
    """``n`` cables spread over the whole index (every k-th), read through the real parser."""
    rows = [t for t in corpus.index() if t.lineage in lineages]
    step = max(1, len(rows) // n)
    out = []
    for t in rows[::step][:n]:
        try:
            out.append(read_cable(t.path))
        except CableError:
            continue
    return out


def random_review(cable: Cable, rng: random.Random) -> Review:
    """Every kind of decision, made through the commands as a reviewer would."""
    review = Review.for_cable(cable)
    steps: list[commands.Command] = []
    for p in cable.paragraphs:
        kind = rng.choice(["release", "withhold", "partial", "pending"])
        body = p.end - p.body_start
        if kind == "partial" and body >= 2:
            spans = []
            for _ in range(rng.randint(1, 3)):
                a = rng.randrange(p.body_start, p.end - 1)
                b = rng.randint(a + 1, min(p.end, a + 40))
                spans.append(Redaction(a, b, (rng.choice(["(b)(6)", "(b)(1)", "1.4(d)"]),)))
            steps.append(commands.partial(p, spans, rng.choice(["", "names"])))
        elif kind == "withhold":
            steps.append(commands.withhold(p, ["(b)(1)", rng.choice(["1.4(b)", "1.4(d)"])]))
        elif kind == "release":
            steps.append(commands.release(p))
    for name in FIELDS:
        if field_spans(cable, name) and rng.random() < 0.3:
            steps.append(commands.SetField(name, ["(b)(6)"], cable=cable))
    if steps:
        commands.Composite(steps, "random review").apply(review)
    return review


def test_round_trip_on_real_cables(tmp_path: Path) -> None:
    rng = random.Random(219)
    cables = real_cables(80) + real_cables(10, ("markdown", "crlf", "cp1252"))
    assert len(cables) >= 60
    for n, cable in enumerate(cables):
        # A store per cable: a Markdown variant shares its original's ID but not its text.
        with SqliteStore(tmp_path / f"r{n}.sqlite3") as store:
            review = random_review(cable, rng)
            exported = decisions_to_dict(review, cable)
            # Through JSON text, as a file would carry it.
            again = parse_decisions(json.loads(dump_decisions(review, cable)), cable)
            assert again == review, cable.path
            assert decisions_to_dict(again, cable) == exported
            # Through the store.
            stored = store.load(cable)
            store.apply(stored, commands.ReplaceReview(again), "tester")
            assert store.load(cable) == review
            # Withholdings stay inside their paragraphs' text.
            for w in review.withholdings(cable, allow_pending=True):
                if w.paragraph is not None:
                    p = cable.paragraphs[w.paragraph - 1]
                    assert p.body_start <= w.start < w.end <= p.end


def test_crlf_and_cp1252_copies_find_their_review(tmp_path: Path) -> None:
    """Line endings and encoding are normalised away: the same text, the same review."""
    variants = real_cables(30, ("crlf", "cp1252"))
    assert variants
    with SqliteStore(tmp_path / "r.sqlite3") as store:
        for variant in variants:
            assert variant.path is not None
            name = Path(variant.path).name.split(".")[0] + ".txt"
            original = read_cable(corpus.CORPUS / "cables" / name)
            review = store.load(original)
            if original.paragraphs:
                store.apply(review, commands.withhold(original.paragraphs[0], ["(b)(1)"]), "t")
            assert store.load(variant) == store.load(original)


def test_unnumbered_and_duplicate_paragraphs_export_by_index() -> None:
    cables = [c for c in real_cables(400) if any(p.number is None for p in c.paragraphs)]
    assert cables
    for cable in cables[:20]:
        review = Review.for_cable(cable)
        for p in cable.paragraphs:
            commands.release(p).apply(review)
        exported = decisions_to_dict(review, cable)
        keys = [("index" if "index" in d else "paragraph") for d in exported["decisions"]]
        assert keys.count("index") >= sum(1 for p in cable.paragraphs if p.number is None)
        assert parse_decisions(exported, cable) == review


def test_match_spans_on_real_text() -> None:
    """``match`` of a word taken from each paragraph redacts that word everywhere in it: in any
    case, and hyphen-wrapped or broken over a line as well as written whole."""

    def same(a: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKC", a).casefold() if ch.isalnum())

    for cable in real_cables(40):
        decisions = []
        for p in cable.paragraphs:
            words = [w for w in cable.text[p.body_start : p.end].split() if len(w) > 4]
            if words:
                decisions.append(
                    {
                        "index": p.index,
                        "action": "partial",
                        "spans": [{"match": words[len(words) // 2], "codes": ["(b)(6)"]}],
                    }
                )
        review = parse_decisions(
            {"cable": Review.for_cable(cable).cable_id, "decisions": decisions}, cable
        )
        for d, entry in zip(
            (review.decision(e["index"]) for e in decisions), decisions, strict=True
        ):
            word = entry["spans"][0]["match"]
            assert d.action == Action.PARTIAL
            assert all(same(cable.text[s.start : s.end]) == same(word) for s in d.spans)


def test_find_and_redact_names_across_real_cables(tmp_path: Path) -> None:
    """The corpus hides names as XXXXXXXXXXXX: find them all and redact them as one step."""
    pattern = compile_pattern("XXXXXXXXXXXX", match_case=True)
    hits = 0
    with SqliteStore(tmp_path / "r.sqlite3") as store:
        for cable in real_cables(150):
            proposals = find(cable, pattern)
            spans = [q for q in proposals if q.kind == "span"]
            if not spans:
                continue
            hits += len(spans)
            review = store.load(cable)
            store.apply(review, redact_command(cable, proposals, ["(b)(6)"]), "tester")
            saved = store.load(cable)
            redacted = [s for d in saved.decisions.values() for s in d.spans]
            assert all(set(cable.text[s.start : s.end]) <= set("X") for s in redacted)
            assert sum(s.end - s.start for s in redacted) == sum(q.end - q.start for q in spans)
            # One change in the log, and undoing it leaves nothing withheld.
            (entry,) = store.log(saved.cable_id)
            assert entry.what.startswith("Find and redact")
            # Running find again finds every match covered.
            assert all(q.covered for q in find(cable, pattern, saved))
    assert hits > 50
