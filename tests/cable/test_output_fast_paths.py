"""``workbench parse``'s output fast paths against the step they stand for.

The terminal escape of the JSON bytes first looks for the lead bytes of the characters it
escapes and returns the bytes as they are when none is there: the result must be the
escape's, byte for byte, whatever the bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

import orjson
import pytest

from workbench.safeio.terminal import (
    _UNSAFE,
    _UNSAFE_UTF8,
    _json_escape_bytes,
    json_bytes_for_terminal,
)


def _escaped(data: bytes) -> bytes:
    return _UNSAFE_UTF8.sub(_json_escape_bytes, data)


def _code_points() -> list[int]:
    # Every code point of the first three UTF-8 lengths' edges and of the blocks the escape
    # touches (C0, C1, Arabic's ALM, general punctuation, the BOM), and random others.
    rng = random.Random(14)
    points = [*range(0x0000, 0x0800), *range(0x2000, 0x2100), *range(0xFE00, 0x10000)]
    points += [rng.randrange(0x0800, 0x110000) for _ in range(20000)]
    return [c for c in points if not 0xD800 <= c <= 0xDFFF]


def test_each_character_is_escaped_as_the_whole_escape_does_it() -> None:
    for c in _code_points():
        data = orjson.dumps("a" + chr(c) + "\u00b6 \u2019")
        out = json_bytes_for_terminal(data)
        assert out == _escaped(data), hex(c)
        assert orjson.loads(out) == orjson.loads(data)
        # Escaped exactly when the text-level escape would escape it (C0 orjson escapes).
        assert (out != data) == (c >= 0x20 and bool(_UNSAFE.match(chr(c)))), hex(c)


def test_random_bytes_are_escaped_as_the_whole_escape_does_it() -> None:
    pieces = [
        b"\x7f", b"\xc2", b"\x80", b"\x9f", b"\xa0", b"\xb6", b"\xd8", b"\x9c", b"\xe2",
        b"\x81", b"\xa6", b"\xa9", b"\xa8", b"\xae", b"\x8e", b"\x8f", b"\xef", b"\xbb",
        b"\xbf", b"a", b" ", b'"', b"\\", "\u00b6".encode(), "\u2019".encode(),
    ]  # fmt: skip
    rng = random.Random(2026)
    for _ in range(20000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert json_bytes_for_terminal(data) == _escaped(data), data


def test_a_cable_with_nothing_to_escape_comes_back_as_it_is() -> None:
    data = orjson.dumps({"text": "\u00b61. (C) The minister\u2019s \u201cplan\u201d"})
    assert json_bytes_for_terminal(data) is data


def test_the_printed_model_classes_print_their_fields_in_order_and_stay_frozen() -> None:
    """They keep a ``__dict__`` for orjson's fast path (model._NO_SLOTS): what it writes must
    still be each field in order, nothing else, and no attribute can be changed."""
    import dataclasses

    from workbench.cable import model
    from workbench.cable.parse import read_cable

    cable = read_cable(Path(__file__).resolve().parents[2] / "resources/samples/07SEOUL219.txt")
    seen = {
        type(x).__name__: x
        for x in (
            cable.origin,
            *cable.to,
            cable.classification,
            cable.eo,
            cable.subject,
            *cable.refs,
            *cable.paragraphs,
            *(p.marking for p in cable.paragraphs),
        )
        if x is not None
    }
    assert set(model._NO_SLOTS) <= set(seen), seen.keys()  # the sample has one of each
    for name in model._NO_SLOTS:
        cls = getattr(model, name)
        assert "__slots__" not in cls.__dict__, name
        obj = seen[name]
        want = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        assert list(orjson.loads(orjson.dumps(obj))) == list(want), name
        assert orjson.dumps(obj) == orjson.dumps(want), name
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.start = 0  # type: ignore[misc]


def test_a_line_pattern_compiles_its_line_start_form_when_first_needed() -> None:
    """(Start-up: most of importing the reader is compiling patterns.) The form compiled
    late matches as the eager one did, at the text's start and after a newline."""
    import re

    from workbench.cable.lines import LinePattern

    lp = LinePattern(r"[ \t]*+TAGS?:(?P<v>[^\n]*)")
    assert "at_start" not in vars(lp)
    text = "TAGS: PGOV\nx\n  TAG: PREL"
    found = [(s, e, m.group("v")) for s, e, m in lp.finditer(text, 0, len(text))]
    assert "at_start" in vars(lp) and lp.at_start.pattern == r"[ \t]*+TAGS?:(?P<v>[^\n]*)"
    eager = [
        (m.start(), m.end(), m.group("v"))
        for m in re.finditer(r"(?m)^[ \t]*+TAGS?:(?P<v>[^\n]*)", text)
    ]
    assert found == eager
    with pytest.raises(AttributeError):
        lp.no_such_thing  # noqa: B018
