"""The Vaughn index tells no more than the release: every text it prints is checked first.

The index goes to the requester with the releases. Most of what it prints is the workbench's
own (region names, the box buckets, codes), but a reviewer's comment is free text, written in
the window's "Justification for the Vaughn index" field while looking at the withheld words,
and "Raouf Hindy is a private citizen" is a natural thing to write there (newcomer 4, finding
1). So every cell of every row, comment or not, passes the release's own tests before the
index is written:

* the ``recurrences`` rule's terms (every withheld span, short region and line, each part of
  a withheld name; ``recurrences.repeats_in``, as ``verify`` looks for them in a release);
* a word the cable holds only in withheld text (nowhere in what its release prints), such as
  "euphoric" from a withheld paragraph; words of the index's own vocabulary and of the code
  sets' descriptions aside, as the stamps' words are for ``verify``;
* two neighbouring words that are neighbours in the withheld text and never in the released
  text ("Muslim Brotherhood" when both words are printed apart), small words aside.

A word the cable does not hold at all is the reviewer's own and passes. One leak refuses the
whole index (default-deny): :func:`check_rows` raises ExportError with a sentence naming the
cable, the region and the words, and what to do (edit the comment). Boxing the words inside the
comment instead was the other choice; it was not taken because the rest of a comment written
around withheld words still tells what they were ("[box] is a private citizen" says a private
person is named), and a reviewer should read what the requester will read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.cable.model import Cable
from workbench.export.errors import ExportError
from workbench.naming import UNNUMBERED
from workbench.review.codes import CodeSet
from workbench.review.model import Review, ReviewError
from workbench.review.regions import KIND_LABELS

# Small words: never a leak alone, and a pair of them is no phrase.
_SMALL = frozenset(
    re.findall(
        r"\S+",
        """a an the of to in on at by for from with and or but nor not no is are was were be been
    being has have had do does did it its this that these those he she they them his her their
    we our you your i me my as so if than then there here who whom whose which what when where
    why how all any each both some such only own same other into onto over under about after
    before between against during without within also very can could may might must shall
    should will would us mr mrs ms dr""",
    )
)
# Words of the index itself and of justifications: printed whatever the cable says.
_VOCABULARY = frozenset(
    re.findall(
        r"\S+",
        """document date subject paragraph withheld disposition codes code descriptions reviewer
    comment header undated released release part partly full whole repeat text line lines box
    block row rows characters field fields region passing routing classification caption
    signature references reference ref tags from to info classified by fm e o decl eo draft
    pending review final index vaughn case name names named person persons personal private
    individual individuals citizen citizens national nationals official officials officer
    employee staff source sources contact contacts address addresses email telephone phone
    number numbers privacy foreign government governments information relations activities
    intelligence method methods confidential confidentially secret sensitive security national
    defense deliberative process attorney law enforcement investigation identity identify
    identifies identifying would could reveal reveals revealing disclose disclosure disclosed
    harm damage expected reasonably unwarranted invasion protect protects protected withhold
    withholding exemption exemptions under section segregable reasonably portion portions
    rest remainder post it names which repeats with in full partly""",
    )
)


@dataclass(frozen=True)
class _Withheld:
    """What one cable's review withholds, as the index check compares printed text with it."""

    cable: str
    needles: object  # recurrences.Needles
    only: dict[str, str]  # a word held only by withheld text -> the region it is withheld in
    pairs: dict[tuple[str, str], str]  # neighbours only in withheld text -> the region
    allowed: frozenset[str]
    printed: frozenset[str] = frozenset()  # every word the cable's release prints
    printed_pairs: frozenset[tuple[str, str]] = frozenset()  # neighbours it prints


def _withheld(cable: Cable, review: Review, sets: Sequence[CodeSet]) -> _Withheld:
    from workbench.export.verify import _released, words
    from workbench.review.recurrences import needles

    released = _released(cable, review)
    try:
        withheld = review.withholdings(cable, allow_pending=True)
    except ReviewError as exc:
        raise ExportError(str(exc)) from None
    only: dict[str, str] = {}
    pairs: dict[tuple[str, str], str] = {}
    for w in withheld:
        region = review.partition.get(w.region or "")
        where = w.repeats or (region.name if region else "a withheld region")
        for line in cable.text[w.start : w.end].splitlines():
            toks = words(line)
            for t in toks:
                if t not in released.released:
                    only.setdefault(t, where)
            for a, b in itertools.pairwise(toks):
                if (a, b) not in released.pairs and not {a, b} <= _SMALL:
                    pairs.setdefault((a, b), where)
    allowed = set(_VOCABULARY) | set(words(" ".join(KIND_LABELS.values())))
    for s in sets:
        for c in s.codes:
            allowed.update(words(f"{c.code} {c.label} {c.description}"))
    from workbench.review.model import review_id

    return _Withheld(
        review_id(cable),
        needles(review),
        only,
        pairs,
        frozenset(allowed),
        frozenset(released.released),
        frozenset(released.pairs),
    )


def leaks(text: str, withheld: _Withheld) -> list[tuple[str, str]]:
    """Each (words, region withheld in) that ``text`` would tell of the withheld text."""
    from workbench.export.verify import words
    from workbench.review.recurrences import Needles, repeats_in

    assert isinstance(withheld.needles, Needles)
    # The workbench's own name for a place ("2nd paragraph (unnumbered)", in the paragraph
    # column, a region's name, the PDF's legend), whatever the cable says: not the reviewer's.
    text = UNNUMBERED.sub(" ", text)
    out = list(repeats_in(text, withheld.needles))
    toks = words(text)
    told = {w for term, _ in out for w in term.split()}
    for t in toks:
        if len(t) < 2 or t in _SMALL or t in withheld.allowed:
            continue
        if t in withheld.only:
            out.append((t, withheld.only[t]))
            told.add(t)
    for a, b in itertools.pairwise(toks):
        if {a, b} <= withheld.allowed | _SMALL:
            continue  # the index's own words and the codes' descriptions ("United States")
        if (a, b) in withheld.pairs and not {a, b} & told:
            out.append((f"{a} {b}", withheld.pairs[(a, b)]))
    return list(dict.fromkeys(out))


_COLUMN_NAMES = {
    "subject": "subject column",
    "withheld": "description",
    "descriptions": "code descriptions",
    "comment": "reviewer comment",
}


def check_rows(
    cable: Cable, review: Review, rows: Iterable[object], sets: Sequence[CodeSet]
) -> None:
    """Refuse (ExportError) an index whose rows for ``cable`` would tell withheld text."""
    from workbench.export.vaughn import Row

    withheld = _withheld(cable, review, sets)
    for row in rows:
        assert isinstance(row, Row)
        # The document and date columns come from the release's name and the cable's date.
        for column in ("comment", "subject", "withheld", "descriptions", "paragraph"):
            value = getattr(row, column)
            found = leaks(value, withheld) if value else []
            if found:
                raise ExportError(_sentence(withheld.cable, row, column, found))


def check_text(what: str, text: str, pairs: Iterable[tuple[Cable, Review]], how: str) -> None:
    """Refuse (ExportError) a text the index prints beside its rows (its title)."""
    for cable, review in pairs:
        withheld = _withheld(cable, review, ())
        found = leaks(text, withheld)
        if found:
            told = ", ".join(f"'{w}' (withheld in {where})" for w, where in found[:3])
            raise ExportError(
                f"the Vaughn index's {what} would print {told} of {withheld.cable}, and the "
                f"index goes to the requester: {how}; nothing was written"
            )


def _sentence(cable: str, row: object, column: str, found: list[tuple[str, str]]) -> str:
    from workbench.export.vaughn import Row

    assert isinstance(row, Row)
    told = ", ".join(f"'{w}' (withheld in {where})" for w, where in found[:3])
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    # The paragraph column holds a paragraph's number, or the name of a region outside them.
    place = f"paragraph {row.paragraph}" if row.paragraph.isdigit() else row.paragraph
    if column == "comment":
        how = (
            "edit that comment so it says why without repeating withheld text (in the window: "
            'the redactions list, F2; in a decisions file: its "comment") and write the index '
            "again"
        )
    else:
        how = "this is the workbench's fault, not yours: report it, and do not publish the index"
    return (
        f"the Vaughn index's {_COLUMN_NAMES.get(column, column)} for {place} of {cable} "
        f"would print {told}{more}, and the index goes to the requester: {how}; nothing was "
        "written"
    )
