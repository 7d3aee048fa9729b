"""Running the sources of suggestions over a cable.

Sources are registered here (the built-in ones at import); issue 15's case sources add
theirs with :func:`register_source`. Every suggestion a reviewer rejected in a case is
dropped here, for every source alike, by its folded text.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Iterable, Sequence

from workbench.cable.model import Cable
from workbench.suggest.codes import PRIVACY, SOURCE, active_sets, codes_for
from workbench.suggest.model import Source, SuggestContext, Suggestion

_lock = threading.Lock()
_sources: list[Source] = []


def register_source(source: Source) -> None:
    """Add a source (a later one with the same ``name`` replaces the earlier)."""
    if not isinstance(source, Source):
        raise TypeError(f"{source!r} is not a suggestion source (name, kinds, suggest)")
    with _lock:
        _sources[:] = [s for s in _sources if s.name != source.name] + [source]


def unregister_source(name: str) -> None:
    with _lock:
        _sources[:] = [s for s in _sources if s.name != name]


def sources() -> list[Source]:
    _builtins()
    with _lock:
        return list(_sources)


def known_kinds() -> list[str]:
    out: list[str] = []
    for s in sources():
        out.extend(k for k in s.kinds if k not in out)
    return out


_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """The form in which texts are compared for rejection: case and spacing folded."""
    return _WS.sub(" ", text).strip().casefold()


def make_context(
    code_set: str | None = None,
    store: object | None = None,
    case: str | None = None,
    rejected: Iterable[str] = (),
) -> SuggestContext:
    active, sets = active_sets(code_set)
    return SuggestContext(
        code_set=active.name,
        intent_codes={i: codes_for(i, active, sets) for i in (PRIVACY, SOURCE)},
        store=store,
        case=case,
        rejected=frozenset(fold(t) for t in rejected),
    )


def suggest(
    cable: Cable,
    kinds: Sequence[str] | None = None,
    context: SuggestContext | None = None,
) -> list[Suggestion]:
    """Every suggestion for ``cable`` of the given kinds (all kinds when None), in text order."""
    context = context or make_context()
    wanted = set(kinds) if kinds else None
    out: dict[tuple[int, int, str], Suggestion] = {}
    runs = [m.span() for m in _LONG_RUN_RE.finditer(cable.text)]
    read = _blanked(cable, runs) if runs else cable
    for source in sources():
        if wanted is not None and not wanted.intersection(source.kinds):
            continue
        for s in source.suggest(read, context):
            if wanted is not None and s.kind not in wanted:
                continue
            if not (0 <= s.start < s.end <= len(cable.text)):
                continue  # a source's bug must not point outside the text
            if runs and any(a < s.end and s.start < b for a, b in runs):
                continue
            if fold(s.text) in context.rejected:
                continue
            key = (s.start, s.end, s.kind)
            if key not in out or out[key].score < s.score:
                out[key] = s
    return sorted(out.values(), key=lambda s: (s.start, s.end, s.kind))


# A run of this many characters without a blank is no name, number or address (an e-mail
# address is at most 254 long): a pasted key, a hash, base64. Several sources' patterns try
# every position of such a run again (quadratic: 80,000 characters of `A'A'...` took minutes,
# and the window runs the same on open), so such runs are blanked before the sources read the
# text, at the same length: every offset stays as it was.
_LONG_RUN_RE = re.compile(r"\S{256,}")


def _blanked(cable: Cable, runs: list[tuple[int, int]]) -> Cable:
    text = cable.text
    parts: list[str] = []
    at = 0
    for a, b in runs:
        parts += [text[at:a], " " * (b - a)]
        at = b
    parts.append(text[at:])
    return dataclasses.replace(cable, text="".join(parts))


_builtins_done = False


def _builtins() -> None:
    global _builtins_done
    if _builtins_done:
        return
    from workbench.suggest.contact import ContactSource
    from workbench.suggest.person_source import PersonSource
    from workbench.suggest.protect import ProtectSource

    with _lock:
        if _builtins_done:
            return
        names = {s.name for s in _sources}
        builtin: tuple[Source, ...] = (PersonSource(), ContactSource(), ProtectSource())
        for src in builtin:
            if src.name not in names:
                _sources.insert(0, src)
        _builtins_done = True
