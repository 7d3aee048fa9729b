"""Find and redact: a term or regular expression proposes span redactions across a cable.

Matches are looked for inside paragraph bodies only (never a paragraph's number or portion
marking, which stay visible in a release), and in the subject line, where a match proposes
withholding the subject field. Applying the proposals is one :class:`Composite` command: one
undo step in the GUI, one transaction in the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.cable.model import Cable
from workbench.review import commands as cmd
from workbench.review.model import Action, Redaction, Review, ReviewError


@dataclass(frozen=True)
class Proposal:
    """One place the pattern matched.

    ``kind`` is ``span`` (inside paragraph ``paragraph``, by index) or ``field`` (``field`` is
    the header field, e.g. ``subject``). ``covered`` is True when the review already withholds
    that text, so applying would change nothing there.
    """

    kind: str
    start: int
    end: int
    text: str
    paragraph: int | None = None
    paragraph_key: str = ""
    field: str | None = None
    covered: bool = False


def compile_pattern(
    pattern: str, regex: bool = False, match_case: bool = False, whole_word: bool = False
) -> re.Pattern[str]:
    """The search pattern. A plain term matches exactly, except that its spaces also match
    line breaks (cables wrap names across lines); case is ignored unless ``match_case``."""
    if not pattern.strip():
        raise ReviewError("the search term is empty: give the text to find")
    if regex:
        source = pattern
    else:
        source = r"\s+".join(re.escape(w) for w in pattern.split())
    if whole_word:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    try:
        return re.compile(source, 0 if match_case else re.IGNORECASE)
    except re.error as exc:
        raise ReviewError(f"{pattern!r} is not a valid regular expression ({exc})") from exc


def same_text(cable: Cable, start: int, end: int) -> re.Pattern[str]:
    """A pattern for the text at ``start``-``end``: to propose the same name everywhere."""
    return compile_pattern(cable.text[start:end], match_case=True, whole_word=True)


def find(cable: Cable, pattern: re.Pattern[str], review: Review | None = None) -> list[Proposal]:
    """Every match in the paragraph bodies and the subject, in text order."""
    out: list[Proposal] = []
    subject = cable.subject
    if subject is not None:
        m = pattern.search(cable.text, subject.start, subject.end)
        if m and m.end() > m.start():
            covered = review is not None and "subject" in review.fields
            out.append(
                Proposal("field", m.start(), m.end(), m.group(), field="subject", covered=covered)
            )
    for p in cable.paragraphs:
        decision = review.decision(p.index) if review is not None else None
        for m in pattern.finditer(cable.text, p.body_start, p.end):
            if m.end() <= m.start():
                continue  # a pattern that matches nothing (``x*``) proposes nothing
            covered = decision is not None and (
                decision.action == Action.WITHHOLD
                or (
                    decision.action == Action.PARTIAL
                    and any(s.start <= m.start() and m.end() <= s.end for s in decision.spans)
                )
            )
            out.append(
                Proposal("span", m.start(), m.end(), m.group(), p.index, p.key, covered=covered)
            )
    return out


def redact_command(
    cable: Cable,
    proposals: Sequence[Proposal],
    codes: Sequence[str],
    comment: str = "",
    label: str | None = None,
) -> cmd.Composite:
    """One step that redacts every proposal not already covered.

    Paragraphs withheld in full are left alone (their text is withheld already).
    """
    by_paragraph: dict[int, list[Redaction]] = defaultdict(list)
    field = False
    codes_t = tuple(codes)
    for prop in proposals:
        if prop.covered:
            continue
        if prop.kind == "field":
            field = True
        elif prop.paragraph is not None:
            by_paragraph[prop.paragraph].append(Redaction(prop.start, prop.end, codes_t, comment))
    children: list[cmd.Command] = []
    if field:
        children.append(cmd.SetField("subject", codes_t, comment, cable))
    for index in sorted(by_paragraph):
        children.append(cmd.AddSpans(cable.paragraphs[index - 1], by_paragraph[index]))
    if not children:
        raise ReviewError("nothing to redact: every match is already withheld")
    n = sum(len(v) for v in by_paragraph.values()) + int(field)
    return cmd.Composite(children, label or f"Find and redact: {n} place{'s' if n != 1 else ''}")
