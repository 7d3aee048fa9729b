"""Codes come from the active code set."""

from __future__ import annotations

import json

from workbench.review.codes import builtin_code_sets, load_code_set
from workbench.suggest.codes import PRIVACY, SOURCE, codes_for


def test_builtin_sets() -> None:
    sets = list(builtin_code_sets())
    by = {s.name: s for s in sets}
    assert codes_for(PRIVACY, by["foia"], sets) == ("(b)(6)",)
    assert codes_for(SOURCE, by["foia"], sets) == ("(b)(1)", "1.4(d)", "(b)(6)")
    assert codes_for(SOURCE, by["eo13526"], sets) == ("1.4(d)", "(b)(6)")
    assert codes_for(SOURCE, by["nara"], sets) == ("25X1", "(b)(6)")


def test_a_team_set_is_searched_by_its_labels(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "team.json"
    path.write_text(
        json.dumps(
            {
                "name": "team",
                "codes": [
                    {"code": "PA-1", "label": "Privacy Act: personal privacy"},
                    {"code": "NR", "label": "non-responsive"},
                ],
            }
        )
    )
    team = load_code_set(path)
    sets = [*builtin_code_sets(), team]
    assert codes_for(PRIVACY, team, sets) == ("PA-1",)
    # No code of the team's set fits a source: fall back to the FOIA codes the sets define.
    assert codes_for(SOURCE, team, sets) == ("(b)(1)", "1.4(d)", "(b)(6)")
