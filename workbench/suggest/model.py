"""What a suggestion is, and what a source of suggestions must provide.

A suggestion proposes that ``text[start:end]`` of a cable be withheld with ``codes``; it is
never applied by itself. Offsets are into ``Cable.text`` (the decoded text with line
endings normalised), the same offsets ``workbench parse`` reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from workbench.cable.model import Cable

# The kinds this package finds; issue 15's case sources add "copy", "similar", "case-term".
PERSON = "person"
CONTACT = "contact"
PROTECT = "protect-marker"
BUILTIN_KINDS: tuple[str, ...] = (PERSON, CONTACT, PROTECT)


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    text: str
    kind: str
    codes: tuple[str, ...]
    reason: str
    score: float  # 0..1: how sure the source is; the window lists the surest first
    # A finer label inside the kind ("email", "phone", "official", "marker", ...): shown in
    # the window and used by the scoring script, not part of the JSON contract.
    detail: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "codes": list(self.codes),
            "reason": self.reason,
            "score": round(self.score, 3),
            "detail": self.detail,
        }


@dataclass(frozen=True)
class SuggestContext:
    """What a source may consult beyond the cable itself.

    ``code_set`` is the active code set's name; ``intent_codes`` maps an intent
    (:mod:`workbench.suggest.codes`: ``privacy``, ``source``) to the codes of that set, so
    a source proposes only codes the reviewer can apply. ``store`` and ``case`` are given
    when the caller has them (``--store``, ``--case``): the case sources of issue 15 read
    past decisions from them; the built-in sources ignore them.
    """

    code_set: str = "foia"
    intent_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    store: object | None = None
    case: str | None = None
    # Texts the reviewer rejected in this case, folded (see engine.fold): never proposed again.
    rejected: frozenset[str] = frozenset()
    extra: dict[str, object] = field(default_factory=dict)

    def codes(self, intent: str) -> tuple[str, ...]:
        return self.intent_codes.get(intent, ())


@runtime_checkable
class Source(Protocol):
    """A source of suggestions. Register one with :func:`workbench.suggest.register_source`.

    ``name`` identifies the source in reasons and settings; ``kinds`` lists the kinds it can
    emit (``workbench suggest --kinds`` selects sources by them). ``suggest`` must not
    modify anything, must be safe to call from a worker thread, and should take well under
    50 ms for one cable (the window calls it when a cable opens).
    """

    @property
    def name(self) -> str: ...

    @property
    def kinds(self) -> Sequence[str]: ...

    def suggest(self, cable: Cable, context: SuggestContext) -> Iterable[Suggestion]: ...
