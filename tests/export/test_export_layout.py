"""Fixed-width layout: every printed cell keeps its offset into the cable text."""

from __future__ import annotations

from workbench.export.layout import disjoint, pieces, wrap
from workbench.review.model import Withholding


def test_short_lines_kept_blank_lines_kept():
    text = "A\n\nBB  \nC"
    assert [(ln.start, ln.end) for ln in wrap(text)] == [(0, 1), (2, 2), (3, 5), (8, 9)]


def test_long_lines_wrap_at_spaces_and_words_too_long_break():
    text = "aaaa bbbb cccc dddd " + "x" * 23
    lines = wrap(text, columns=10)
    assert [text[ln.start : ln.end] for ln in lines] == [
        "aaaa bbbb",
        "cccc dddd",
        "x" * 10,
        "x" * 10,
        "xxx",
    ]
    for ln in lines:
        assert ln.end - ln.start <= 10


def test_unicode_line_separator_ends_a_line():
    text = "one\u2028two"
    assert [text[ln.start : ln.end] for ln in wrap(text)] == ["one", "two"]


def test_pieces_split_a_line_at_withheld_offsets():
    text = "Kim Hye-jin met Poloff"
    line = wrap(text)[0]
    w = Withholding("span", 4, 11, ("(b)(6)",))
    got = [(p.start, p.end, p.withheld is not None) for p in pieces(line, [w])]
    assert got == [(0, 4, False), (4, 11, True), (11, 22, False)]


def test_overlapping_withholdings_merge_with_all_codes():
    a = Withholding("span", 0, 10, ("(b)(6)",), paragraph=1)
    b = Withholding("field", 5, 20, ("(b)(1)", "1.4(d)"), field="signature")
    (m,) = disjoint([b, a])
    assert (m.start, m.end, m.codes) == (0, 20, ("(b)(6)", "(b)(1)", "1.4(d)"))
