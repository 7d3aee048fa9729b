"""The instruction where real cables put it (issue 13 item 2): a wrapped E.O. line, a mistyped
order number, DECL without the E.O. prefix, CORRECTED COPY lines before the captions.

Issue 14's reader locates the line and issue 13's rules read it (coordinated in
/work/coord/api.md).
"""

from datetime import date

import pytest
from cablemaker import make_cable
from corpus import CORPUS, available

from workbench.cable import read_cable
from workbench.declass import assess

AS_OF = date(2026, 11, 27)


def _codes(a) -> set[str]:
    return {f.code for f in a.findings}


def test_the_usual_line_is_read():
    a = assess(make_cable(eo="E.O. 12958: DECL: 05/11/2017"), AS_OF)
    assert (a.due, a.basis) == (date(2017, 5, 11), "explicit-date")


def test_wrapped_eo_line():
    a = assess(make_cable(eo="E.O. 12958:\nDECL: 05/11/2017"), AS_OF)
    assert (a.due, a.basis) == (date(2017, 5, 11), "explicit-date")
    assert "missing-decl" not in _codes(a)


def test_mistyped_order_number():
    a = assess(make_cable(eo="E.O. 19528: DECL: 05/11/2017"), AS_OF)
    assert (a.due, a.basis) == (date(2017, 5, 11), "explicit-date")
    assert {"eo-mismatch"} <= _codes(a) and "missing-decl" not in _codes(a)


def test_decl_without_the_eo_prefix():
    a = assess(make_cable(eo="DECL: 05/11/2017"), AS_OF)
    assert (a.due, a.basis) == (date(2017, 5, 11), "explicit-date")


def test_decl_without_the_eo_prefix_run_on():
    a = assess(make_cable(eo="SIPDIS DECL: 05/11/2017"), AS_OF)
    assert (a.due, a.basis) == (date(2017, 5, 11), "explicit-date")


def test_corrected_copy_before_the_captions():
    a = assess(
        make_cable(before_captions=("C O R R E C T E D  C O P Y (ADDED INFO ADDEES)",)),
        AS_OF,
    )
    assert (a.due, a.basis, a.status) == (date(2017, 1, 23), "explicit-date", "due")


needs_corpus = pytest.mark.skipif(not available(), reason="../shared/corpus is absent")


@needs_corpus
@pytest.mark.parametrize(
    ("name", "due"), [("07BRASILIA872", date(2017, 5, 11)), ("08MEXICO2187", date(2011, 4, 5))]
)
def test_real_wrapped_lines(name, due):
    a = assess(read_cable(CORPUS / "cables" / f"{name}.txt"), AS_OF)
    assert (a.due, a.basis) == (due, "explicit-date")
    assert "missing-decl" not in _codes(a)
