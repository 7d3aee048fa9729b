"""Search hits for the window's find pane: every place a term occurs in one cable or a folder.

Qt-free (worker processes run it; it lives here, not in gui/, so they never import Qt). Matching is issue 11's ``review.find`` (every region's
body, through normal forms, white space, hyphen-wrapped and line-split words, page-break
lines); this module adds what a list of hits across cables needs: the file, the region's label,
the words around the hit, and the state of the region it is in (so a hit in an undecided region
is seen to be one before anything is redacted).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from workbench.cable import CableError, read_cable
from workbench.cable.model import Cable
from workbench.review import commands as rc
from workbench.review import find as rfind
from workbench.review.model import Action, Review, ReviewError, review_id
from workbench.review.regions import partition

CONTEXT = 40  # characters of context on each side


@dataclass(frozen=True)
class Query:
    """What to search for: picklable, so worker processes compile it themselves."""

    term: str
    regex: bool = False
    match_case: bool = False
    whole_word: bool = False

    def pattern(self) -> rfind.Pattern:
        return rfind.compile_pattern(self.term, self.regex, self.match_case, self.whole_word)


@dataclass(frozen=True)
class Hit:
    path: str  # the cable's file ("" for a cable that has none)
    cable: str  # the review's name (reference ID, else the file name)
    start: int
    end: int
    text: str  # the cable's text at start-end, as written
    region: str  # the region's key
    label: str  # its label in lists ("¶3", "Subject")
    before: str  # words before and after, white space collapsed
    after: str
    state: str = ""  # the region's effective action ("pending", "release"...); "" not known
    covered: bool = False  # the review already withholds this text

    @property
    def context(self) -> str:
        return f"{self.before}⟦{' '.join(self.text.split())}⟧{self.after}"


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def cable_hits(cable: Cable, query: Query, review: Review | None = None) -> list[Hit]:
    """Every hit in ``cable``, in text order (raises ReviewError for a bad pattern)."""
    text = cable.text
    out = []
    for p in rfind.find(cable, query.pattern(), review):
        lo, hi = max(0, p.start - CONTEXT), min(len(text), p.end + CONTEXT)
        before = ("…" if lo else "") + _squeeze(text[lo : p.start])
        after = _squeeze(text[p.end : hi]) + ("…" if hi < len(text) else "")
        if text[p.start - 1 : p.start].isspace() and before:
            before += " "
        if text[p.end : p.end + 1].isspace() and after:
            after = " " + after
        hit = Hit(
            cable.path or "",
            review_id(cable),
            p.start,
            p.end,
            p.text,
            p.region,
            p.region_label,
            before,
            after,
        )
        out.append(annotate(hit, review) if review is not None else hit)
    return out


def annotate(hit: Hit, review: Review) -> Hit:
    """The hit with its region's state in ``review`` (the window's own, when it has one)."""
    region = review.partition.get(hit.region)
    if region is None:
        return replace(hit, state="", covered=False)
    d = review.effective(region).decision
    covered = d.action == Action.WITHHOLD or any(
        s.start <= hit.start and hit.end <= s.end for s in d.spans
    )
    return replace(hit, state=d.action.value, covered=covered)


def file_hits(path: str, query: Query, review: Review | None = None) -> tuple[list[Hit], str]:
    """The hits in the cable file ``path`` and, if it could not be searched, why."""
    try:
        cable = read_cable(path)
    except (CableError, OSError) as exc:
        return [], str(exc)
    try:
        return cable_hits(cable, query, review), ""
    except ReviewError as exc:
        return [], str(exc)


# -- in worker processes ---------------------------------------------------------------------
_STORE: dict[str, object] = {}


def search_files(
    paths: Sequence[str], query: Query, store: str | None
) -> list[tuple[list[Hit], str]]:
    """What :func:`file_hits` gives for each path, with each region's state as the review
    store holds it (read only, through the process's own connection; none when the store
    cannot be read). Runs in a worker process."""
    reader = _reader(store) if store else None
    out: list[tuple[list[Hit], str]] = []
    for path in paths:
        try:
            cable = read_cable(path)
        except (CableError, OSError) as exc:
            out.append(([], str(exc)))
            continue
        review = None
        if reader is not None:
            try:
                review = reader.load(cable)  # type: ignore[attr-defined]
            except (ReviewError, OSError):
                review = None
        try:
            out.append((cable_hits(cable, query, review), ""))
        except ReviewError as exc:
            out.append(([], str(exc)))
    return out


def _reader(spec: str) -> object | None:
    if spec not in _STORE:
        from workbench.review.stores import open_existing

        try:
            _STORE[spec] = open_existing(spec)
        except (ReviewError, OSError):
            _STORE[spec] = None
    return _STORE[spec]


# -- redacting hits ----------------------------------------------------------------------------
def redact_hits(
    cable: Cable, review: Review, hits: Iterable[Hit], codes: Sequence[str]
) -> rc.Command:
    """One step withholding ``hits`` of ``cable`` with ``codes``. Like every redaction it only
    adds spans: a region not yet decided stays undecided, a released one becomes partial.
    Refuses (ReviewError) hits whose text is no longer where the search found it."""
    regions = partition(cable)
    proposals = []
    for h in hits:
        if cable.text[h.start : h.end] != h.text or regions.get(h.region) is None:
            raise ReviewError(
                f"{h.cable} has changed since it was searched ({h.text!r} is no longer at "
                f"{h.start}): search again"
            )
        proposals.append(
            rfind.Proposal(
                "region",
                h.start,
                h.end,
                h.text,
                region=h.region,
                region_label=h.label,
                covered=annotate(h, review).covered,
            )
        )
    n = len(proposals)
    return rfind.redact_command(
        cable, proposals, codes, label=f"Redact {n} hit{'s' if n != 1 else ''}"
    )
