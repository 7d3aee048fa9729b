"""Real corpus cables exported under "withhold everything" and under random reviews, read back
with poppler's pdftotext (another reader than the ones verify uses): none of the cable's own
word sequences is printed beyond the released ones."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace

import corpus
import pytest
from export_helpers import OPTIONS, random_review

from workbench.cable import read_cable
from workbench.export.release import render_release
from workbench.review import Action, Decision, Review

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not corpus.available(), reason="../shared/corpus is absent"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler"),
]
N = 30  # per part: a sample, the whole corpus is benchmarks' work
GRAM = 3


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold())


def grams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + GRAM]) for i in range(len(tokens) - GRAM + 1)}


def poppler(pdf: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return words(out.stdout.decode("utf-8"))


def stamp_words(cable, review, options) -> set[str]:  # type: ignore[no-untyped-def]
    """Words the stamps and box labels print (banners, header, disposition, block, codes)."""
    from workbench.export.prepare import withheld_in_full
    from workbench.export.stamps import stamps_for

    withheld = review.withholdings(cable, allow_pending=True)
    st = stamps_for(cable, withheld, withheld_in_full(cable, review, True), options, review)
    text = " ".join([st.struck, st.marking, st.header, st.disposition, *st.decl_block, "Page of"])
    return set(words(text)) | {t for w in withheld for c in w.codes for t in words(c)}


def leaked(cable, review, pdf: bytes, options=OPTIONS) -> set[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """Word sequences of the cable that the PDF prints although no released text holds them."""
    withheld = review.withholdings(cable, allow_pending=True)
    released: list[str] = []
    pos = 0
    for w in sorted(withheld, key=lambda w: w.start):
        # Released words either side of a box stand side by side in the PDF's text too.
        released.extend(words(cable.text[pos : w.start]))
        pos = max(pos, w.end)
    released.extend(words(cable.text[pos:]))
    # The stamps and labels print words of their own ("Department of State", codes), which
    # cables use too: a run of those alone says nothing of the cable.
    stamps = stamp_words(cable, review, options)
    known = set(released)
    # A run that holds a stamp's word beside released words is a label next to released
    # text (the codes "(b)(1) 1.4(d)" before "1. (C)"), not a sequence of the cable.
    own = {
        g
        for g in grams(words(cable.text)) - grams(released)
        if not (set(g) <= known | stamps and set(g) & stamps)
    }
    return own & grams(poppler(pdf))


def picked(part: str) -> list[corpus.Truth]:
    rows = [t for t in corpus.index() if t.part == part]
    return random.Random(f"release-{part}").sample(rows, N)


@pytest.mark.parametrize("part", ["dev", "held-out"])
def test_withhold_everything_prints_nothing_of_the_cable(part: str) -> None:
    for truth in picked(part):
        cable = read_cable(truth.path)
        review = Review.for_cable(cable)
        for region in review.pending():
            review.with_decision(region.key, Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)")))
        pdf = render_release(cable, review, OPTIONS)
        assert not leaked(cable, review, pdf), truth.path.name


@pytest.mark.parametrize("part", ["dev", "held-out"])
def test_random_reviews_print_only_released_sequences(part: str) -> None:
    rng = random.Random(f"reviews-{part}")
    for truth in picked(part):
        cable = read_cable(truth.path)
        pending = rng.random() < 0.3
        review = random_review(cable, rng, pending=pending)
        options = replace(OPTIONS, allow_pending=pending)
        pdf = render_release(cable, review, options)
        assert not leaked(cable, review, pdf, options), truth.path.name
