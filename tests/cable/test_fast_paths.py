"""The reader's fast paths against the patterns they stand for.

Where a hand-written search replaces a regular expression that was tried at every offset
(for speed), the pattern stays in the code as the definition, and these tests compare the
two on forms written here and on random strings built from the pieces that matter.
"""

from __future__ import annotations

import random

import pytest

from workbench.cable import header
from workbench.cable.header import _ADDR_TAIL_RE, _strip_tail, read_addressees
from workbench.cable.labels import _INLINE_LABEL_RE, _inline_labels
from workbench.cable.lines import LazyPattern
from workbench.cable.subject import SUBJECT_LABEL_RE, subject_labels
from workbench.cable.tags import TAGS_LABEL_RE, tags_labels

_TAIL_PIECES = (
    "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH", "NIACT", "1234", "12345", "123456", "7",
    "SECSTATE", "WASHDC", "X", " ", "  ", "\t", "0", "IMMEDIATEX", "AMEMBASSY", "\u0663",
)  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        "AMEMBASSY SEOUL IMMEDIATE 1234",
        "SECSTATE WASHDC NIACT IMMEDIATE 0123",
        "AMEMBASSY TOKYO PRIORITY",
        "AMEMBASSY TOKYO 123456",
        "AMCONSUL BUSAN ROUTINE 12 ",
        "FLASH",
        "CIA WASHDC  ROUTINE\t 5",
        "AMEMBASSY X \u0663",
    ],
)
def test_addressee_tail_forms(name: str) -> None:
    assert _strip_tail(name) == _ADDR_TAIL_RE.sub("", name).strip()


def test_addressee_tail_random() -> None:
    rng = random.Random(14)
    for _ in range(20_000):
        name = "".join(
            rng.choice(_TAIL_PIECES) + rng.choice(("", " ", "  ", "\t"))
            for _ in range(rng.randint(0, 6))
        )
        assert _strip_tail(name) == _ADDR_TAIL_RE.sub("", name).strip(), repr(name)


# Pieces of addressee lines: routing, precedence, serials, the words and forms that end the
# list (a banner, letter-spaced or retyped, a stop word, INFO, the web date), odd characters.
_ADDRESSEE_PIECES = (
    "RUEHC/SECSTATE", "RUEHXX/", "WASHDC", "AMEMBASSY", "SEOUL", "IMMEDIATE", "PRIORITY",
    "ROUTINE", "FLASH", "NIACT", "XNIACT", "1234", "12", "123456", "0029", "INFO", "BT", "E.O.",
    "TAGS", "SUBJECT", "SIPDIS", "---", "==", "CONFIDENTIAL", "C O N F I D E N T I A L",
    "S E C R E T", "UNCLAS", "LIMITED", "L I M I T E D OFFICIAL USE", "TOP SECRET", "Secret",
    "s e c r e t", "MONDAY, 12 MARCH 2009, 10:13", "/", "\\", ":", "#", "|", "(", "&", "x",
    "\u00e9", "\u2028", "\x0c", "\u0663", "E", "Y", " ", "  ", "\t", "",
)  # fmt: skip


def _addressee_lines(rng: random.Random) -> str:
    def line() -> str:
        words = (rng.choice(_ADDRESSEE_PIECES) for _ in range(rng.randint(0, 6)))
        return rng.choice(("", " ", "\t")) + rng.choice((" ", "  ", "\t", "")).join(words)

    lines = "\n".join(line() for _ in range(rng.randint(1, 8)))
    end = rng.choice(("\n", "", "\nC O N F I D E N T I A L SEOUL 000219\n"))
    return "R 081733Z DEC 08\nFM AMEMBASSY SEOUL\nTO " + lines + end + "TAGS: PREL\n"


def test_plain_addressee_lines_read_as_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole-line match for plain addressee lines gives what the tests one line at a
    time give (the match switched off: a pattern that never matches)."""
    rng = random.Random(14)
    texts = [_addressee_lines(rng) for _ in range(20_000)]
    his = [rng.choice((len(t), max(0, len(t) - rng.randint(0, 20)))) for t in texts]
    fast = [read_addressees(t, 0, hi) for t, hi in zip(texts, his, strict=True)]
    assert sum(len(to) + len(info) for _, to, info in fast) > 20_000
    monkeypatch.setattr(header, "_PLAIN_ADDRESSEE_RE", LazyPattern(r"(?!)"))
    for text, hi, got in zip(texts, his, fast, strict=True):
        assert got == read_addressees(text, 0, hi), repr(text[:hi])


def test_a_lazy_pattern_compiles_when_first_used() -> None:
    lazy = LazyPattern(r"(?P<w>sipdis)", 2)  # re.IGNORECASE
    assert "search" not in vars(lazy)
    m = lazy.search("x SIPDIS y", 1, 9)
    assert m is not None and m.group("w") == "SIPDIS"
    assert "search" in vars(lazy) and [m.start() for m in lazy.finditer("sipdis Sipdis")] == [0, 7]
    with pytest.raises(AttributeError):
        lazy.nonesuch  # noqa: B018


def _by_pattern(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(m.start("num"), m.end() - 1) for m in _INLINE_LABEL_RE.finditer(text, lo, hi)]


_LABEL_PIECES = (
    "1.", "12.", "123.", "1234.", " ", "  ", "\n", "\t", "(C)", "(S//NF)", "(SBU)", "(U)",
    "(LOU)", "(TS)", "(X)", "Text", ":", "-", ".", "5", "\u0663", "2 .", "(C",
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "The talks went well. 2. (C) The minister said ------- 3.\n (S) More.",
        "x 1234. (C) no; y 12. (S//NF) yes; z:7.(U) yes; a-8 . (SBU) yes",
        "ends 4.",
        "9. (C) at the very start",
    ],
)
def test_inline_label_forms(text: str) -> None:
    assert _inline_labels(text, 0, len(text)) == _by_pattern(text, 0, len(text))


def test_inline_label_random() -> None:
    rng = random.Random(14)
    for _ in range(20_000):
        text = "".join(rng.choice(_LABEL_PIECES) for _ in range(rng.randint(0, 12)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert _inline_labels(text, lo, hi) == _by_pattern(text, lo, hi), (repr(text), lo, hi)


_SUBJECT_PIECES = (
    "SUBJECT", "Subject", "subj", "SUBJ", "UBJECT", "ubject", "SUBJET", "SUBECT", "SUBJEC",
    "\u017fUBJECT", "S", "U", "BJ", ":", " ", "\t", "\n", "X", "1", "/", ".", ",", "-", "(",
    "\u0663", "\xa0", "SUBJECTS",
)  # fmt: skip


def _subject_by_pattern(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str | None]]:
    return [
        (m.start(), m.end(), m.group("label"), m.group("colon"))
        for m in SUBJECT_LABEL_RE.finditer(text, lo, hi)
    ]


def _subject_fast(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str | None]]:
    return [
        (m.start(), m.end(), m.group("label"), m.group("colon"))
        for m in subject_labels(text, lo, hi)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "SUBJECT: X",
        "TAGS: PGOV\nSUBJECT: (C) X",
        "1.SUBJ:X",
        "XSUBJECT: no",
        "Subject : x SUBJECT",
        "\u017fUBJECT: long s",
        "SUBJECTSUBJECT:",
        "SUBJ SUBJECT: x",
        "A/SUBJECT:\tB",
    ],
)
def test_subject_label_forms(text: str) -> None:
    assert _subject_fast(text, 0, len(text)) == _subject_by_pattern(text, 0, len(text))


def test_subject_label_random() -> None:
    rng = random.Random(1414)
    for _ in range(20_000):
        text = "".join(rng.choice(_SUBJECT_PIECES) for _ in range(rng.randint(0, 10)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert _subject_fast(text, lo, hi) == _subject_by_pattern(text, lo, hi), (text, lo, hi)


_TAGS_PIECES = (
    "TAGS", "Tags", "tags", "TAG", "TAS", "TGS", "TABS", "TAGES", "AGS", "ags", "T", "A", "G",
    "S", "\u017f", "\u212a", ":", " ", "\t", "\n", "X", "1", "/", ".", ",", "PGOV", "\u0663",
    "N/A", "n/a", "N", "n",
)  # fmt: skip


def _tags_by_pattern(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str | None]]:
    return [
        (m.start(), m.end(), m.group("label"), m.group("colon"))
        for m in TAGS_LABEL_RE.finditer(text, lo, hi)
    ]


def _tags_fast(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str | None]]:
    return [
        (m.start(), m.end(), m.group("label"), m.group("colon")) for m in tags_labels(text, lo, hi)
    ]


@pytest.mark.parametrize(
    "text",
    [
        *(
            "TAGS: PGOV",
            "E.O. 12958: DECL: 1/1/19 AGS: PGOV",
            "XTAGS: no",
            "TAS:PGOV",
            "tags\u017f",
        ),
        *("E.O. 12958: N/ATAGS: PGOV", "N/aTags", "XN/ATAGS"),
    ],
)
def test_tags_label_forms(text: str) -> None:
    assert _tags_fast(text, 0, len(text)) == _tags_by_pattern(text, 0, len(text))


def test_tags_label_random() -> None:
    rng = random.Random(1415)
    for _ in range(20_000):
        text = "".join(rng.choice(_TAGS_PIECES) for _ in range(rng.randint(0, 10)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert _tags_fast(text, lo, hi) == _tags_by_pattern(text, lo, hi), (text, lo, hi)


def test_built_paragraphs_and_markings_are_the_constructors() -> None:
    import dataclasses

    import orjson

    from workbench.cable.builders import _fields_are, new_marking, new_paragraph
    from workbench.cable.model import Marking, Paragraph

    mark = Marking("(S//NF)", "SECRET", ("NOFORN",), 5, 12)
    fast_mark = new_marking("(S//NF)", "SECRET", ("NOFORN",), 5, 12)
    args = (3, 2, "2.", fast_mark, 1, 40, 13, "2. (S//NF) text")
    fast, slow = new_paragraph(*args), Paragraph(*args[:3], mark, *args[4:])
    assert new_paragraph is not Paragraph and new_marking is not Marking
    assert fast == slow and hash(fast) == hash(slow) and fast_mark == mark
    assert orjson.dumps(fast) == orjson.dumps(slow)  # the same fields, in the same order
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.end = 3  # type: ignore[misc]

    # A class that changed is built by its own constructor.
    @dataclasses.dataclass(frozen=True)
    class More:
        text: str
        extra: int = 0

    assert _fields_are(More, ("text", "extra"))
    assert not _fields_are(More, ("text",))


_MARK_PIECES = (
    "(", ")", "C", "S", "U", "TS", "SBU", "NF", "/", "//", " ", "\t", "\n", "REL", "X", ",",
    "USA", "-", "1", "a", "((", "(C)", "(S//NF)", "( C )", "C)", "(SBU", "(S//REL",
)  # fmt: skip


def test_a_label_patterns_plain_mark_is_read_portion_mark() -> None:
    """Where a label's pattern takes its mark along (``PLAIN_MARK``), it reads what
    ``read_portion_mark`` reads there; where it does not, the reader asks that."""
    import re

    from workbench.cable.markings import PLAIN_MARK, plain_mark, read_portion_mark

    after_dot = re.compile(r"\." + PLAIN_MARK)
    rng = random.Random(1416)
    taken = 0
    for _ in range(20_000):
        lead = "." + rng.choice(("", " ", "\t ")) + rng.choice(("(", "(S//", "", "C"))
        text = lead + "".join(rng.choice(_MARK_PIECES) for _ in range(rng.randint(0, 6)))
        hi = rng.randint(1, len(text))
        m = after_dot.match(text, 0, hi)
        assert m is not None
        if m.start("inside") >= 0:
            taken += 1
            assert plain_mark(text, m) == read_portion_mark(text, 1), repr(text[:hi])
            assert "\n" not in m.group(0)  # the scan of line starts skips no line
    assert taken > 300


_END_PIECES = ("x", ".", " ", "\t", "\n", "\n\n", "\xa0", "\r", "\u2028", "PAGE 02", "BT", "\f")


def test_paragraph_end_fast_path_is_trim_end() -> None:
    from workbench.cable.paragraphs import _line_starts, _trim_end, _trimmed_end

    rng = random.Random(1417)
    for _ in range(20_000):
        text = "".join(rng.choice(_END_PIECES) for _ in range(rng.randint(0, 10)))
        starts = _line_starts(text, 0, len(text))
        noise_lines = frozenset(rng.sample(starts, rng.randint(0, min(3, len(starts)))))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = _trim_end(text, start, end, noise_lines)
        assert _trimmed_end(text, start, end, noise_lines) == want, (text, start, end, noise_lines)


_CAPTION_PIECES = (
    "SIPDIS", "NOFORN", "S I P D I S", "E F T O", "EXDIS", "NODIS", "SENSITIVE",
    "SENSITIVE BUT UNCLASSIFIED", "FOR OFFICIAL USE ONLY", "NOT FOR FOREIGN DISSEM",
    "CONFIDENTIAL", "SEOUL", "000219", "STATE", "FOR", "EAP/K", "7", " ", "  ", "\t", "\n", "", "Sipdis", "noforn", "\u2028",
)  # fmt: skip


def test_captions_read_the_same_without_the_any_case_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """read_captions skips the any-case line scan where it can find nothing new (ASCII in
    capitals, no comma or backslash): the same captions as with the scan always run."""
    rng = random.Random(14)
    texts = [
        "CONFIDENTIAL SEOUL 000219"
        + rng.choice(("\n", " "))
        + "".join(
            rng.choice(_CAPTION_PIECES) + rng.choice((" ", "\n", "", "\t", ",", " \\\n"))
            for _ in range(rng.randint(1, 10))
        )
        for _ in range(20_000)
    ]
    skipped = sum(not header._any_case_scan(t, 0, len(t)) for t in texts)
    assert skipped > 2_000
    fast = [header.read_captions(t, 0, len(t)) for t in texts]
    monkeypatch.setattr(header, "_any_case_scan", lambda source, lo, hi: True)
    for text, got in zip(texts, fast, strict=True):
        assert got == header.read_captions(text, 0, len(text)), repr(text)
