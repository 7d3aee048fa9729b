"""Rules that decide regions a reviewer has not: visible, documented, and each one switchable.

A release is default-deny (design.md): a region is printed only after a release decision. Most
regions need a reviewer's; the lines below carry no text of the cable (codes, banners, dates,
separators), and their strict grammar (``line_grammar``) guarantees it, so a rule may release
them. A reviewer sees which rule decided a region, can decide it differently (an explicit
decision always wins), and can switch a rule off for a cable (``commands.set_rule``): its
regions are then pending until decided.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    title: str  # what the window and ``review show`` print
    kinds: tuple[str, ...]


RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule(
            "routing",
            "Routing lines are released with the header (transmission codes, date-time group, "
            "distribution counts)",
            ("routing",),
        ),
        Rule(
            "markings",
            "The classification line, handling captions, the E.O./DECL line (its closed "
            "forms: other words of a DECL instruction wait for a reviewer) and the "
            "classification reasons are released (a release shows them, lined through)",
            ("classification", "caption", "eo", "reasons"),
        ),
        Rule(
            "page_breaks",
            "Page-break lines and lone banners are released",
            ("page_break", "separator"),
        ),
        Rule(
            "repeats",
            "A header line a later section repeats is released or withheld with the line it "
            "repeats",
            ("repeat",),
        ),
        # Decides no region of its own (no kinds): it withholds spans inside regions that a
        # reviewer or another rule released (``recurrences.py``).
        Rule(
            "recurrences",
            "Withheld text is withheld wherever the cable repeats it (a subject in a later "
            "header, a name in another sentence), with the same codes",
            (),
        ),
    )
}
RULE_OF_KIND: dict[str, Rule] = {kind: r for r in RULES.values() for kind in r.kinds}


def rule_for(kind: str) -> Rule | None:
    return RULE_OF_KIND.get(kind)
