"""The subject-area fields of the header: TAGS, SUBJECT and REF."""

from __future__ import annotations

import re

from workbench.cable.lines import LinePattern, line_end, trimmed_span
from workbench.cable.markings import BANNER_WORD_RE
from workbench.cable.model import Span
from workbench.cable.patterns import compile_pattern

_REF_RE = LinePattern(r"[ \t]*+(?:REFS?|REFTELS?|REFERENCES?)\b[ \t]*+[:.]?[ \t]*+(?P<v>[^\n]*)")
_INLINE_REF_RE = compile_pattern(r"[ \t]*+(?:REFS?|REFTELS?)[ \t]*+:[ \t]*+(?P<v>[^\n]*)")
_REF_ITEM_RE = compile_pattern(r"(?:(?<=\s)|^)(?:\(?[A-Z][.)])[ \t]++")
_REF_PART_RE = compile_pattern(r"[^;\n]+")
_HEADER_STOP_RE = compile_pattern(
    r"^[ \t]*+(?:$|REFS?\b|REFTELS?\b|CLASSIFIED[ \t]++BY|¶|\d{1,3}[ \t]*+\.|\([A-Z]{1,3}\)|SUMMARY\b|"
    r"TAGS?\b|E\.?[ \t]?O\.?[ \t]*+1|PAGE[ \t]++\d)",
    re.IGNORECASE,
)
# Where a subject stops when the next field or the body follows on the same line.
_INLINE_STOP_RE = compile_pattern(
    r"[ \t](?=(?-i:[A-Z]\.[ \t]++)?REFS?[ \t]*+:|REFTELS?[ \t]*+:|CLASSIFIED[ \t]++BY\b|¶|\((?:U|C|S|SBU|TS)(?:\)|//?)|\d{1,2}\.[ \t]*+\()",
    re.IGNORECASE,
)


def _wrapped_end(text: str, end: int, keep_going: re.Pattern[str] | None = None) -> int:
    """Where a field that wraps over following lines ends: at a blank line or the next field.

    Lines matching ``keep_going`` continue the field even if they look like a new one (a REF
    list's ``B. STATE 1234``).
    """
    nxt = end + 1
    while nxt < len(text):
        end_of_line = line_end(text, nxt)
        line = text[nxt:end_of_line]
        if keep_going and not line.strip():
            # A list item after a blank line or two still belongs to the list.
            after = _NEXT_NONBLANK_RE.match(text, nxt)
            if after and keep_going.match(text, after.end()):
                nxt = after.end()
                continue
        if (_HEADER_STOP_RE.match(line) or BANNER_WORD_RE.match(line.strip())) and not (
            keep_going and keep_going.match(line)
        ):
            break
        end = end_of_line
        nxt = end_of_line + 1
    return end


# The next item of a REF list: "B. ROME 721", "(C) STATE 1234", "¶B. ROME 721" (a pilcrow
# stuck to an item letter by the mirrors' conversion).
_REF_CONTINUES_RE = compile_pattern(r"[ \t]*+¶?[ \t]*+\(?[A-Z][.)][ \t]")
_NEXT_NONBLANK_RE = compile_pattern(r"(?:[ \t]*+\n){1,3}")
_LABEL_BETWEEN_RE = compile_pattern(r"\n[ \t]*+(?:¶|\d{1,3}[ \t]*+\.)")
# The authority line, with or without its own portion mark, run into a later line of a REF
# list ("C. CAIRO 453 Classified By: ...", 23 corpus cables): the list ends before it, or the
# classifier's name would be read, and released, as a reference.
_RUN_IN_AUTHORITY_RE = compile_pattern(
    r"\s(?=(?:\((?:U|C|S|SBU|TS)\)[ \t]*+)?CLASSIFIED[ \t]++BY\b)", re.IGNORECASE
)


def read_refs(text: str, header_end: int) -> tuple[list[Span], int]:
    """REF items right after the header's end, and where the REF block ends."""
    rm = _REF_RE.search(text, header_end, min(len(text), header_end + 600)) or _INLINE_REF_RE.match(
        text, header_end
    )
    if not rm or _LABEL_BETWEEN_RE.search(text, header_end, rm.start("v")):
        return [], header_end
    if text[header_end : rm.start("v")].strip(" \t\n").startswith(("¶", "1.")):
        return [], header_end
    end = rm.end("v")
    inline = _INLINE_STOP_RE.search(text, rm.start("v"), end)
    if inline:
        end = inline.start()
    else:
        end = _wrapped_end(text, end, keep_going=_REF_CONTINUES_RE)
        authority = _RUN_IN_AUTHORITY_RE.search(text, rm.start("v"), end)
        if authority:
            end = authority.start()
    block_start = rm.start("v")
    block = text[block_start:end]
    refs: list[Span] = []
    marks = list(_REF_ITEM_RE.finditer(block))
    if len(marks) >= 2:
        for i, mk in enumerate(marks):
            item_end = marks[i + 1].start() if i + 1 < len(marks) else len(block)
            refs.append(trimmed_span(text, block_start + mk.start(), block_start + item_end))
    else:
        for part in _REF_PART_RE.finditer(block):
            if part.group(0).strip():
                refs.append(
                    trimmed_span(text, block_start + part.start(), block_start + part.end())
                )
    return [r for r in refs if r.text], end
