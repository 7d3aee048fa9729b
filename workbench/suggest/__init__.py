"""Suggested redactions: names, contact details and protected sources (issue 16).

Qt-free. ``suggest(cable)`` runs every registered source over a parsed cable and returns
:class:`Suggestion` objects with offsets into ``cable.text``; nothing here ever changes a
review. New sources (issue 15's ``copy``, ``similar``, ``case-term``) implement
:class:`Source` and call :func:`register_source`; see /work/coord/api.md.
"""

from workbench.suggest.engine import (
    fold,
    known_kinds,
    make_context,
    register_source,
    sources,
    suggest,
    unregister_source,
)
from workbench.suggest.model import (
    BUILTIN_KINDS,
    CONTACT,
    PERSON,
    PROTECT,
    Source,
    SuggestContext,
    Suggestion,
)

__all__ = [
    "BUILTIN_KINDS",
    "CONTACT",
    "PERSON",
    "PROTECT",
    "Source",
    "SuggestContext",
    "Suggestion",
    "fold",
    "known_kinds",
    "make_context",
    "register_source",
    "sources",
    "suggest",
    "unregister_source",
]
