"""A header field withheld once is withheld wherever the cable repeats it.

Repeated header lines a rule recognises follow their original (``repeat`` regions, see
``model.Review.effective``). This module covers the rest:

* The FM line names the post, and so do the routing lines (the DE line's routing indicator),
  the classification line (``SEOUL 000219``), page-break headers (``PAGE 02 HARARE 06677``)
  and the reference ID itself. While the FM line is not released, the rules do not release
  those lines either: they are withheld with the FM line's codes, and the release is not named
  by its ID (``export.prepare.release_name``).
* Any withheld text repeated anywhere else (a subject in a later section's header that the
  reader left inside a paragraph, a name used again) is the ``recurrences`` rule's
  (``recurrences.py``).
"""

from __future__ import annotations

import re

from workbench.review.model import (
    PENDING_CODE,
    Action,
    Decision,
    Effective,
    Review,
    Withholding,
)
from workbench.review.regions import Region

# Rule-released kinds that can name the originating post.
_NAMING_POST = {"routing", "classification"}
_MAYBE_NAMING_POST = {"page_break", "repeat"}
# Words of an FM line that are not the post's name.
_NOT_POST = {"AMEMBASSY", "AMCONSUL", "USMISSION", "SECSTATE", "USDEL", "USLO", "AMCONGEN"}
_FIELD_KINDS = ("subject", "classified_by", "signature", "refs", "tags", "to", "info", "from")
_MIN_PHRASE = 4


def _codes(d: Decision) -> tuple[str, ...]:
    return tuple(dict.fromkeys(d.codes + tuple(c for s in d.spans for c in s.codes))) or (
        PENDING_CODE,
    )


def origin_rule(review: Review, region: Region) -> Effective | None:
    """Withheld with the FM line, for a routing, classification or page-break line naming the
    post while the FM line is not released; None when the usual rule applies."""
    if region.kind not in _NAMING_POST | _MAYBE_NAMING_POST:
        return None
    origin = review.partition.get("from")
    if origin is None:
        return None
    o = review.base_effective(origin)
    # While the FM line is undecided the rule stands (the review is not finished, and a
    # release refuses it or withholds these lines too: see ``pending_origin``).
    if o.action in (Action.RELEASE, Action.PENDING) and not o.decision.spans:
        return None
    if not names_post(review, region, origin):
        return None
    return Effective(Decision(Action.WITHHOLD, _codes(o.decision)), f"rule:{_rule_name(region)}")


def names_post(review: Review, region: Region, origin: Region) -> bool:
    if region.kind in _NAMING_POST:
        return True
    if region.kind not in _MAYBE_NAMING_POST:
        return False
    words = post_words(review.partition.body(origin))
    text = review.partition.body(region).upper()
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def pending_origin(review: Review) -> list[Withholding]:
    """With --allow-pending and the FM line undecided: the lines naming the post, withheld."""
    origin = review.partition.get("from")
    if origin is None or review.base_effective(origin).action != Action.PENDING:
        return []
    out = []
    for r in review.regions():
        if r.key != origin.key and names_post(review, r, origin):
            e = review.base_effective(r)
            if e.action == Action.RELEASE and e.by.startswith("rule:") and r.end > r.body_start:
                out.append(
                    Withholding("region", r.body_start, r.end, (PENDING_CODE,), region=r.key)
                )
    return out


def _rule_name(region: Region) -> str:
    from workbench.review.rules import rule_for

    rule = rule_for(region.kind)
    return rule.name if rule else region.kind


def post_words(fm: str) -> list[str]:
    """The post's name in an FM line: ``AMEMBASSY SEOUL`` -> ``["SEOUL"]``."""
    words = [w for w in re.findall(r"[A-Z][A-Z'\-]+", fm.upper()) if w not in _NOT_POST]
    return [w for w in words if len(w) >= 3]
