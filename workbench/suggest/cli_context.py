"""What ``workbench suggest`` knows beyond each cable: code set, store, case, rejections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from workbench.cable.model import Cable
from workbench.suggest.engine import known_kinds, make_context
from workbench.suggest.model import SuggestContext
from workbench.suggest.rejections import Rejections, load_rejections


class ContextError(Exception):
    """A bad option (unknown kind or code set, missing store): one sentence for the user."""


@dataclass
class CliContext:
    base: SuggestContext
    rejections: Rejections = field(default_factory=Rejections)

    @classmethod
    def open(
        cls,
        store: str | None,
        case: str | None,
        code_set: str | None,
        kinds: Sequence[str] | None,
    ) -> CliContext:
        known = known_kinds()
        for k in kinds or ():
            if k not in known:
                raise ContextError(f"unknown kind {k!r}: use one of {', '.join(known)} (--kinds)")
        if code_set:
            from workbench.suggest.codes import active_sets

            active, sets = active_sets(code_set)
            if active.name != code_set:
                names = ", ".join(s.name for s in sets)
                raise ContextError(f"unknown code set {code_set!r}: use one of {names}")
        opened = None
        rejections = Rejections()
        if store is not None:
            from workbench.review.model import ReviewError
            from workbench.review.stores import open_existing

            try:
                opened = open_existing(store)
                rejections = load_rejections(opened, case or "")
            except ReviewError as exc:
                raise ContextError(str(exc)) from None
        base = make_context(code_set=code_set, store=opened, case=case)
        return cls(base, rejections)

    def for_cable(self, cable: Cable) -> SuggestContext:
        return replace(self.base, rejected=self.rejections.for_cable(cable.id or ""))
