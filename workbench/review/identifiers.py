"""Released text that identifies a cable whose FM line is withheld (newcomer 6, finding 26).

A reviewer withholds the FM line to hide which post sent the cable, and the ``recurrences``
rule then boxes the post's name and the reference ID wherever they stand. Two identifiers stay
printed: a public mirror's record number (the ``id: 91011`` line of a partial extract's
metadata block: a lookup on any mirror gives the reference ID) and the cable's own serial
(``CARACAS 003688`` less the post: ``[box] 003688``, ``[box] 00003688 002.2 OF 002`` on a
page-break line), which with the date-time group fits very few posts. Withholding them is the
reviewer's call (a serial also stands in references to other cables), so ``review show`` and
the window's Export dialog say where they are; nothing is decided for the reviewer here.
"""

from __future__ import annotations

import re

from workbench.cable.model import Cable
from workbench.review.model import Action, Review, review_id

_RECORD = re.compile(r"(?m)^[ \t]*id:[ \t]*\d+")


def identifying(cable: Cable, review: Review) -> list[str]:
    """One sentence per region whose released text names the cable though its FM line is
    withheld ([] when the FM line is released, pending or absent)."""
    fm = review.partition.get("from")
    if fm is None or review.effective(fm).action not in (Action.WITHHOLD, Action.PARTIAL):
        return []
    text = cable.text
    found: list[tuple[int, str, str]] = []
    if cable.record is not None:
        for m in _RECORD.finditer(text, cable.record.start, cable.record.end):
            found.append((m.start(), m.group().strip(), "a public mirror's record number"))
    serial = re.search(r"(\d+)$", review_id(cable))
    if serial is not None and len(serial.group(1).lstrip("0")) >= 2:
        digits = serial.group(1).lstrip("0")
        pattern = re.compile(rf"(?<![\d.])0*{digits}(?!\d)")
        found.extend((m.start(), m.group(), "the cable's serial") for m in pattern.finditer(text))
    withheld = [(w.start, w.end) for w in review.withholdings(cable, allow_pending=True)]
    out: dict[str, list[str]] = {}
    for at, what, kind in sorted(found):
        if any(s <= at < e for s, e in withheld):
            continue
        region = next(iter(review.partition.overlapping(at, at + 1)), None)
        where = region.name if region is not None else "the text"
        shown = f"'{what}' ({kind})"
        if shown not in out.setdefault(where, []):
            out[where].append(shown)
    return [
        f"{where} releases {', '.join(items)}: with the FM line withheld it names the cable, "
        "and so its post; withhold it there unless the post may be known"
        for where, items in out.items()
    ]
