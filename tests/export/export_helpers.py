"""Reviews made in code for export tests: a fixed one for the sample, seeded random ones."""

from __future__ import annotations

import random
from datetime import date

from workbench.cable.model import Cable
from workbench.export.options import ExportOptions
from workbench.review.model import (
    Action,
    Decision,
    Redaction,
    Review,
    field_spans,
)

OPTIONS = ExportOptions(
    case_number="F-2026-00417",
    doc_number="C06123456",
    authority="E.O. 13526, sec. 3.3(b)",
    reviewer="J. Reviewer",
    agency="U.S. Department of State",
    released=date(2026, 11, 27),
)

CODE_SETS = [
    ("(b)(1)", "1.4(d)"),
    ("(b)(1)", "1.4(b)", "1.4(d)"),
    ("(b)(6)",),
    ("(b)(7)(C)",),
    ("25X1",),
    ("(b)(1)", "1.4(c)"),
]


def sample_review(cable: Cable) -> Review:
    """The sample with paragraph 2 withheld, two spans in 3, and the classifier's name."""
    r = Review.for_cable(cable)
    r.with_decision(1, Decision(Action.RELEASE))
    r.with_decision(2, Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)"), "names a foreign official"))
    p3 = cable.paragraphs[2]
    i = cable.text.index("the Government of Norway", p3.body_start)
    j = cable.text.index("Geneva", p3.body_start)
    spans = (
        Redaction(i, i + len("the Government of Norway"), ("(b)(1)", "1.4(b)")),
        Redaction(j, j + len("Geneva"), ("(b)(6)",)),
    )
    r.with_decision(3, Decision(Action.PARTIAL, spans=spans))
    r.with_decision(4, Decision(Action.RELEASE))
    r.with_decision("classified_by", Decision(Action.WITHHOLD, ("(b)(6)",), "a name"))
    release_rest(r)
    return r


def release_rest(r: Review) -> Review:
    """Release every region still pending (the header fields, passing lines, signature)."""
    for region in r.pending():
        r.with_decision(region.key, Decision(Action.RELEASE))
    return r


def random_review(cable: Cable, rng: random.Random, pending: bool = False) -> Review:
    """Whole paragraphs, word-aligned spans, and sometimes the subject or other header fields."""
    r = Review.for_cable(cable)
    for p in cable.paragraphs:
        roll = rng.random()
        if pending and roll < 0.15:
            continue
        if roll < 0.45:
            r.with_decision(p.index, Decision(Action.RELEASE))
        elif roll < 0.7:
            r.with_decision(p.index, Decision(Action.WITHHOLD, rng.choice(CODE_SETS)))
        else:
            spans = _random_spans(cable, p.body_start, p.end, rng)
            if spans:
                r.with_decision(p.index, Decision(Action.PARTIAL, spans=spans))
            else:
                r.with_decision(p.index, Decision(Action.RELEASE))
    for name, chance in (("subject", 0.3), ("classified_by", 0.3), ("signature", 0.2)):
        if rng.random() < chance and field_spans(cable, name):
            r.with_decision(name, Decision(Action.WITHHOLD, rng.choice(CODE_SETS)))
    for region in r.pending():
        if region.kind == "paragraph" and pending:
            continue
        if rng.random() < 0.25:
            r.with_decision(region.key, Decision(Action.WITHHOLD, rng.choice(CODE_SETS)))
        else:
            r.with_decision(region.key, Decision(Action.RELEASE))
    return r


def _random_spans(cable: Cable, start: int, end: int, rng: random.Random) -> tuple[Redaction, ...]:
    text = cable.text
    bounds = []  # word starts and ends inside the body
    i = start
    while i < end:
        while i < end and text[i].isspace():
            i += 1
        s = i
        while i < end and not text[i].isspace():
            i += 1
        if s < i:
            bounds.append((s, i))
    if len(bounds) < 3:
        return ()
    out = []
    for _ in range(rng.randint(1, 3)):
        a = rng.randrange(len(bounds))
        b = min(len(bounds) - 1, a + rng.randint(0, 12))
        out.append(Redaction(bounds[a][0], bounds[b][1], rng.choice(CODE_SETS)))
    return tuple(out)
