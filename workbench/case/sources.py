"""The case's proposals as sources of ``workbench suggest`` (issue 16's interface).

``workbench suggest CABLE|DIR --store S --case N`` prints, beside names and contact details,
the kinds ``copy``, ``similar`` and ``case-term``. A copy or near copy is shown as the region's
text with the decision proposed (``detail`` = ``release``, ``withhold`` or ``partial``; the
spans of a partial decision follow as ``detail`` = ``span``); a case term as the span to
withhold. Registered when ``workbench.case`` is imported. The case is read once per process
(``prepare``, called before worker processes are started, so they share it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

from workbench.cable.model import Cable
from workbench.case.proposals import COPY, SIMILAR, TERM, Proposal
from workbench.review.model import review_id
from workbench.suggest.model import SuggestContext, Suggestion

_lock = threading.Lock()
_sessions: dict[tuple[int, str], object] = {}


def prepare(context: SuggestContext) -> object | None:
    """The case session for the context's store and case (read once, then kept)."""
    if context.store is None or not context.case:
        return None
    key = (id(context.store), context.case)
    with _lock:
        if key not in _sessions:
            from workbench.case.session import CaseSession

            _sessions[key] = CaseSession.open(context.store, context.case)  # type: ignore[arg-type]
        return _sessions[key]


def as_suggestions(cable: Cable, p: Proposal) -> list[Suggestion]:
    text = cable.text
    if p.kind == TERM:
        return [
            Suggestion(
                p.start, p.end, text[p.start : p.end], p.kind, p.codes, p.reason, 0.9, "span"
            )
        ]
    d = p.decision
    assert d is not None
    out = [
        Suggestion(
            p.start,
            p.end,
            text[p.start : p.end],
            p.kind,
            p.codes,
            p.reason,
            p.score,
            d.action.value,
        )
    ]
    for s in d.spans:
        out.append(
            Suggestion(
                s.start, s.end, text[s.start : s.end], p.kind, s.codes, p.reason, p.score, "span"
            )
        )
    return out


class CaseSource:
    """One source per kind, so ``--kinds copy`` selects it alone."""

    def __init__(self, kind: str) -> None:
        self._kind = kind

    @property
    def name(self) -> str:
        return f"case-{self._kind}" if self._kind != TERM else TERM

    @property
    def kinds(self) -> Sequence[str]:
        return (self._kind,)

    def suggest(self, cable: Cable, context: SuggestContext) -> Iterable[Suggestion]:
        session = prepare(context)
        if session is None:
            return []
        cid = review_id(cable)
        if cid not in session.index.members:  # type: ignore[attr-defined]
            return []
        member = session.index.members[cid]  # type: ignore[attr-defined]
        if member.cable.text != cable.text:
            return []  # not the text the case holds: its offsets would not fit
        out: list[Suggestion] = []
        for p in session.proposals(cid, (self._kind,)):  # type: ignore[attr-defined]
            out.extend(as_suggestions(cable, p))
        return out


SOURCES = tuple(CaseSource(k) for k in (COPY, SIMILAR, TERM))


def register() -> None:
    from workbench.suggest import register_source

    for s in SOURCES:
        register_source(s)
