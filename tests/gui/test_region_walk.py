"""Where a key takes the reviewer (region_walk, Qt-free): steps stop at the ends, a review
starts on the first paragraph and a begun one resumes at its first undecided region, N skips what the reviewer or a rule decided and wraps round."""

from __future__ import annotations

import corpus

from workbench.cable import read_cable
from workbench.gui import region_walk as walk
from workbench.review import commands as rc
from workbench.review.model import Action, Review


def _sample() -> tuple[Review, list]:  # type: ignore[type-arg]
    review = Review.for_cable(read_cable(corpus.SAMPLE))
    return review, review.regions()


def test_steps_stop_at_either_end_and_a_review_starts_on_the_first_paragraph() -> None:
    _review, regions = _sample()
    assert walk.first_place(regions).key == "p1"
    assert walk.stepped(regions, regions[0].key, -1) is regions[0]
    assert walk.stepped(regions, regions[-1].key, 5) is regions[-1]
    assert walk.stepped(regions, "p1", 1).key == "p2"
    assert walk.stepped(regions, None, 1) is regions[0]  # nothing current: the start
    assert walk.stepped([], "p1", 1) is None
    assert walk.index_of(regions, "nowhere") == -1


def test_a_begun_review_resumes_at_its_first_undecided_region() -> None:
    review, regions = _sample()
    assert walk.first_place(regions, review).key == "p1"  # nothing decided yet
    rc.release(review.region("p1")).apply(review)
    resumed = walk.first_place(regions, review)
    first_pending = next(r for r in regions if review.effective(r).action == Action.PENDING)
    assert resumed is first_pending and resumed.key != "p1"
    assert regions.index(resumed) < regions.index(review.region("p1"))  # the header, above
    for r in regions:
        if review.effective(r).action == Action.PENDING:
            rc.release(r).apply(review)
    assert walk.first_place(regions, review).key == "p1"  # finished: the first paragraph


def test_next_undecided_skips_decided_regions_wraps_round_and_ends() -> None:
    review, regions = _sample()
    rc.release(review.region("p2")).apply(review)
    after_p1 = walk.next_undecided(review, regions, "p1")
    assert after_p1 is not None and after_p1.key == "p3"  # p2 is released: skipped
    ruled = [r for r in regions if review.effective(r).action != Action.PENDING]
    assert any(review.decision(r.key).action == Action.PENDING for r in ruled)  # rule-decided
    assert all(walk.next_undecided(review, regions, r.key) not in ruled for r in regions)
    last = [r for r in regions if review.effective(r).action == Action.PENDING][-1]
    wrapped = walk.next_undecided(review, regions, last.key)
    first_pending = next(r for r in regions if review.effective(r).action == Action.PENDING)
    assert wrapped is first_pending  # round to the start
    rc.release_all(review, [r.key for r in regions], "all").apply(review)
    assert walk.next_undecided(review, regions, "p1") is None
