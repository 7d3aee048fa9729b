"""Every cable of ../shared/corpus through the engine: no crash, and every classified original
gets a due date or needs a reviewer."""

from datetime import date

import pytest
from corpus import available, index

from workbench.cable import read_cable
from workbench.declass import BASES, CODES, STATUSES, assess, assessment_to_dict

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not available(), reason="../shared/corpus is absent"),
]


def test_every_cable_assessed():
    as_of = date(2026, 11, 27)
    seen = 0
    for truth in index():
        cable = read_cable(truth.path)
        a = assess(cable, as_of)
        d = assessment_to_dict(a, cable)
        assert d["status"] in STATUSES and d["basis"] in BASES
        assert all(f.code in CODES and 0 <= f.start <= f.end <= len(cable.text) for f in a.findings)
        if truth.level in ("CONFIDENTIAL", "SECRET", "TOP SECRET"):
            if truth.lineage == "original":
                assert a.due is not None or a.status == "needs-review", truth.path.name
                assert a.status != "unclassified", truth.path.name
        elif cable.classification is not None:
            # UNCLASSIFIED, SBU and LIMITED OFFICIAL USE: nothing to declassify, unless the
            # cable is mis-marked (a classified portion, header or instruction under an
            # unclassified banner), which a reviewer must settle.
            mis_marked = {"banner-below-portion", "banner-conflicts-header", "decl-on-unclassified"}
            expected = (
                "needs-review" if mis_marked & {f.code for f in a.findings} else "unclassified"
            )
            assert a.status == expected, truth.path.name
        seen += 1
    assert seen > 2000
