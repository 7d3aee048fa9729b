"""The post table: a cable's FM line, reference ID and TAGS give the numbering its numbers
are written in (``post_region``)."""

from __future__ import annotations

from cables import cable

from workbench.cable import parse_cable
from workbench.suggest.post_region import cable_regions, country_names, post_region


def test_posts_by_their_fm_line_or_reference_id() -> None:
    assert post_region("AMEMBASSY BUENOS AIRES") == "AR"
    assert post_region("AMCONSUL CIUDAD JUAREZ") == "MX"
    assert post_region("AMEMBASSY THE HAGUE") == "NL"
    assert post_region("USINT HAVANA") == "CU"
    assert post_region("SECSTATE WASHDC") == "US"
    assert post_region("SANJOSE") == "CR"  # the capital before any larger San Jose
    assert post_region("EFTOLONDON") == "GB"  # a prefix the table does not know
    assert post_region("KUWAIT") == "KW"  # a post named after its country
    assert post_region("RIVERTON") is None


def test_a_cable_reads_its_post_first_then_its_tagged_countries() -> None:
    text = cable("1. (U) Nothing.").replace("RIVERTON", "LONDON").replace("PGOV XX", "PGOV IR UK")
    assert cable_regions(parse_cable(text, path="t.txt")) == ("GB", "IR")
    unknown = parse_cable(cable("1. (U) Nothing."), path="t.txt")
    assert cable_regions(unknown) == ()
    assert "COSTARICA" in country_names()
