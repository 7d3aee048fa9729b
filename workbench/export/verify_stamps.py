"""Check a release's stamps against the stamp options given: banner, header, disposition,
declassification block, draft line and page numbers, page by page.

The stamps a release must carry are worked out again (``stamps.stamps_for``) from the cable,
its review and the options (``--case-number``, ``--doc-number``, ``--authority``,
``--reviewer``, ``--marking``, ``--date``), and compared line for line with the stamps read
back (the bold font's lines, ``pdf_read``). A stamp that says something else (another
reviewer, an authority the verifier did not give, ``Case No.: none``, a level that is no
downgrade, a draft passed off as final or the other way round) fails the release in one
sentence: the word checks of ``verify`` are judged against these stamps, so they mean nothing
until the stamps agree.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from workbench.cable.model import LEVELS, Cable, level_rank
from workbench.declass.markings import governing_level
from workbench.export.options import ExportOptions
from workbench.export.pdf_read import BOLD, Extracted
from workbench.export.prepare import cable_name
from workbench.review.model import Review

# Lines of the declassification block and the draft line, by how they begin: a line that
# begins so but is not expected is a stamp the options given do not make.
_PREFIXES = ("Authority:", "By:", "Date:", "Case No.:", "DRAFT")


def _norm(line: str) -> str:
    return " ".join(line.split())


def _pages(found: Extracted) -> list[list[str]]:
    pages: list[list[str]] = [[] for _ in found.pages]
    for chunk in found.chunks:
        if chunk.font == BOLD and 1 <= chunk.page <= len(pages):
            for line in chunk.text.splitlines():
                if line.strip():
                    pages[chunk.page - 1].append(_norm(line))
    return pages


def stamped_date(found: Extracted) -> date | None:
    """The declassification date the release's first page stamps (``Date: 2026-11-27``)."""
    for line in _pages(found)[0] if found.pages else []:
        m = re.fullmatch(r"Date: (\d{4}-\d{2}-\d{2})", line)
        if m:
            try:
                return date.fromisoformat(m.group(1))
            except ValueError:
                return None
    return None


def banner_problem(cable: Cable, found: Extracted) -> str | None:
    """A release whose banner keeps the cable's level or raises it (finding 1 of newcomer 3):
    every page must print UNCLASSIFIED or a level below the cable's own."""
    own = governing_level(cable) or ""  # a portion above the banner counts (finding 22)
    name = cable_name(cable)
    for number, lines in enumerate(_pages(found), 1):
        levels = [line for line in lines if line in LEVELS]
        if not levels:
            continue  # no banner at all: the line-by-line comparison says so
        if not any(lv == "UNCLASSIFIED" or level_rank(lv) < level_rank(own) for lv in levels):
            shown = " and ".join(dict.fromkeys(levels))
            return (
                f"page {number}'s banner is {shown}, not a level below {name}'s own "
                f"({own or 'none'}): a marking that is no downgrade makes no release"
            )
    return None


def stamp_problems(
    cable: Cable, review: Review, found: Extracted, options: ExportOptions, check_date: bool
) -> tuple[list[str], list[str]]:
    """Each stamp line that differs from what ``options`` stamp, as a sentence (empty: they
    agree), and the lines the release prints in their place (their words are the stamps'
    mismatch, told in its sentence, not a leak of their own; the release fails either way).
    ``check_date`` False: the date is the one the release stamps (the verifier gave none),
    checked only to be there."""
    from workbench.export.prepare import withheld_in_full, withholdings_for_export
    from workbench.export.stamps import stamps_for

    problem = banner_problem(cable, found)
    if problem:
        return [problem], []
    if not check_date:
        day = stamped_date(found)
        if day is None:
            return ["page 1 stamps no declassification date (Date: YYYY-MM-DD)"], []
        options = replace(options, released=day)
    draft = bool(review.pending())
    withheld = withholdings_for_export(cable, review, True, options.sets())
    stamps = stamps_for(
        cable, withheld, withheld_in_full(cable, review, True), options, review, draft
    )
    pages = _pages(found)
    out: list[str] = []
    odd: list[str] = []
    for number, lines in enumerate(pages, 1):
        expected = [
            *([stamps.struck] if stamps.struck else []),
            stamps.marking,
            stamps.header,
            stamps.disposition,
            *stamps.decl_block,
            *([stamps.draft] if stamps.draft else []),
            f"Page {number} of {len(pages)}",
        ]
        expected = [_norm(e) for e in expected]
        for line in expected:
            if line in lines:
                continue
            instead = _counterpart(line, lines, expected)
            odd.append(instead)
            out.append(
                f"page {number}'s stamp reads '{instead}' where the review and the options given "
                f"stamp '{line}'"
                if instead
                else f"page {number} lacks the stamp '{line}'"
            )
        for line in lines:
            if line.startswith(_PREFIXES) and line not in expected and line not in odd:
                odd.append(line)
                out.append(
                    f"page {number} stamps '{line}', which the review and the options given do not"
                )
    return out, [line for line in odd if line]


def _counterpart(line: str, lines: list[str], expected: list[str]) -> str:
    """The stamp line that stands where ``line`` should: the same label (``By:``), the same
    kind (the disposition, the header), else ""."""
    label = line.split(":", 1)[0] + ":" if ":" in line[:12] else ""
    for other in lines:
        if other in expected:
            continue
        if label and other.startswith(label):
            return other
        if line in LEVELS and other in LEVELS:  # the banner
            return other
        if line.startswith(("RELEASE", "WITHHELD", "DRAFT RELEASE", "DRAFT WITHHELD")) and (
            other.startswith(("RELEASE", "WITHHELD", "DRAFT"))
        ):
            return other
        if " Doc No. " in f" {line}" and " Doc No. " in f" {other}":
            return other
    return ""
