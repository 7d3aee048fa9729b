"""Patterns anchored at the start of a line, searched fast."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from workbench.cable.model import Span
from workbench.cable.patterns import compile_pattern, register


class LazyPattern:
    """A regular expression compiled when first used, for the reader's patterns that most
    cables never need (retyped banners, a metadata block, captions in lower case): compiling
    is most of what importing the reader costs, and a ``parse`` of one cable pays all of it.

    The first method asked for compiles the pattern and puts the compiled pattern's bound
    methods on the instance, so later calls cost what a compiled pattern's do.
    """

    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., str]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        register(pattern, flags)  # (so that the compiled-pattern table holds it)

    def __getattr__(self, name: str) -> Any:
        if name not in _PATTERN_METHODS:
            raise AttributeError(name)
        compiled = compile_pattern(self.pattern, self.flags)
        for method in _PATTERN_METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


_PATTERN_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub")


class LinePattern:
    """A pattern anchored at line starts, written so that Python's regex engine can jump from
    newline to newline (a pattern starting with ``(?m)^`` is tried at every offset, which made
    these searches most of the parser's time)."""

    # Both forms are compiled when first asked for (by ``__getattr__``, then attributes like
    # any other): some of these are never used in a run, and compiling a pattern is most of
    # what importing the reader costs. ``at_start`` is the same body for a match at ``lo``.
    after_newline: re.Pattern[str]
    at_start: re.Pattern[str]

    def __init__(self, body: str, flags: int = 0) -> None:
        self._body = body
        self._flags = flags
        register(body, flags)
        register(self._after_newline_pattern(), flags)

    def _after_newline_pattern(self) -> str:
        return r"\n(?P<line>" + self._body + ")"

    def __getattr__(self, name: str) -> re.Pattern[str]:
        if name == "at_start":
            self.at_start = compile_pattern(self._body, self._flags)
            return self.at_start
        if name == "after_newline":
            self.after_newline = compile_pattern(self._after_newline_pattern(), self._flags)
            return self.after_newline
        raise AttributeError(name)

    def finditer(self, source: str, lo: int, hi: int) -> Iterator[tuple[int, int, re.Match[str]]]:
        """``(start, end, match)`` for each match that starts a line within ``source[lo:hi]``."""
        if lo == 0 or source[lo - 1] == "\n":
            m = self.at_start.match(source, lo, hi)
            if m:
                yield m.start(), m.end(), m
        for m in self.after_newline.finditer(source, lo, hi):
            yield m.start("line"), m.end("line"), m

    def search(self, source: str, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
        """The first match starting a line within ``source[lo:hi]``, or ``None``.

        Like ``re.Pattern.search`` for a ``(?m)^`` pattern, except that ``m.start()`` may be the
        newline before the line: use named groups for offsets.
        """
        hi = len(source) if hi is None else hi
        # (The first of :meth:`finditer`'s matches, without making a generator.)
        if lo == 0 or source[lo - 1] == "\n":
            m = self.at_start.match(source, lo, hi)
            if m:
                return m
        return self.after_newline.search(source, lo, hi)


def line_end(source: str, pos: int, hi: int | None = None) -> int:
    """Offset of the end of the line holding ``pos`` (capped at ``hi``)."""
    end = source.find("\n", pos)
    if end == -1:
        end = len(source)
    return min(end, hi) if hi is not None else end


def match_span(m: re.Match[str]) -> tuple[int, int]:
    """Offsets of a :class:`LinePattern` match without the newline it may start with."""
    return m.span("line") if "line" in m.re.groupindex else m.span()


def trimmed_span(source: str, start: int, end: int) -> Span:
    """``source[start:end]`` without its surrounding white space, as a :class:`Span`."""
    text = source[start:end]
    stripped = text.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    return Span(stripped.strip(), start + lead, start + len(stripped))
