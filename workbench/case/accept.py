"""Accepting a proposal: the reviewer's action that turns it into a decision of its own.

Each acceptance is one ordinary review command (issue 11's commands), so the store records it
in the audit log like any decision, with a label that says which proposal it was; accepting
all of a cable's proposals applies them one by one, each its own audited decision. Nothing
here runs unless a reviewer asked for it.
"""

from __future__ import annotations

from workbench.cable.model import Cable
from workbench.case.proposals import TERM, Proposal
from workbench.review import commands as rc
from workbench.review.model import Action, Review, ReviewError


class Accepted(rc.Command):
    """A proposal's decision, labelled with where it came from (the audit log's 'what')."""

    def __init__(self, inner: rc.Command, proposal: Proposal, case_number: str) -> None:
        self.inner = inner
        self.keys = inner.keys
        self.rules = inner.rules
        what = {"copy": "same text as", "similar": "similar to", TERM: "withheld in"}
        self.label = (
            f"{inner.label} (accepted proposal of case {case_number}: "
            f"{what[proposal.kind]} {proposal.source.where()})"
        )

    def _do(self, review: Review) -> None:
        self.inner.apply(review)


def command(cable: Cable, review: Review, proposal: Proposal, case_number: str) -> rc.Command:
    """The command that accepts ``proposal`` on ``review`` (ReviewError if it no longer fits:
    the region was decided meanwhile)."""
    if proposal.cable_id != review.cable_id:
        raise ReviewError(f"this proposal is for {proposal.cable_id}, not {review.cable_id}")
    if proposal.kind == TERM:
        # Not the proposal's reason: it quotes the withheld word and names the other cable by
        # its ID (a post, when that cable's FM line is withheld), and the comment goes to the
        # Vaughn index. The audit log's label keeps where it came from.
        comment = f"case {case_number}: the same text is withheld elsewhere in the case"
        inner = rc.redact(cable, review, proposal.start, proposal.end, proposal.codes, comment)
        return Accepted(inner, proposal, case_number)
    d = proposal.decision
    assert d is not None
    if review.decision(proposal.key).action != Action.PENDING:
        raise ReviewError(
            f"{proposal.label} of {proposal.cable_id} has been decided since the proposal was "
            "made: look at it again"
        )
    return Accepted(rc.SetDecision(review.region(proposal.key), d), proposal, case_number)


def accept(
    store: object, cable: Cable, review: Review, proposal: Proposal, case_number: str, who: str
) -> bool:
    """Apply one acceptance through the store (saved and audited at once)."""
    return bool(store.apply(review, command(cable, review, proposal, case_number), who))  # type: ignore[attr-defined]


def accept_all(
    store: object,
    cable: Cable,
    review: Review,
    proposals: list[Proposal],
    case_number: str,
    who: str,
    accepted: list[Proposal] | None = None,
) -> tuple[int, list[str]]:
    """Accept each proposal in turn, each its own audited decision; those that no longer fit
    (two proposals for one region, a span withheld meanwhile) are skipped and named."""
    done, skipped = 0, []
    for p in proposals:
        try:
            if accept(store, cable, review, p, case_number, who):
                done += 1
                if accepted is not None:
                    accepted.append(p)
        except ReviewError as exc:
            skipped.append(f"{p.label}: {exc}")
    return done, skipped
