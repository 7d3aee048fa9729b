"""Offsets are into the decoded text, the same for the Markdown, CRLF and Windows-1252 forms."""

from __future__ import annotations

from cables import CONTACTS, MIXED, PROTECT

from workbench.cable import parse_bytes, parse_cable
from workbench.suggest import suggest


def spans(cable) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out = []
    for s in suggest(cable):
        assert cable.text[s.start : s.end] == s.text
        out.append((s.kind, s.text))
    return out


def test_crlf_form_gives_the_same_offsets() -> None:
    for text in (MIXED, CONTACTS, PROTECT):
        lf = parse_cable(text, path="lf.txt")
        crlf = parse_bytes(text.replace("\n", "\r\n").encode("utf-8"), "crlf.txt")
        assert [(s.start, s.end, s.text) for s in suggest(crlf)] == [
            (s.start, s.end, s.text) for s in suggest(lf)
        ]


def test_windows_1252_form_gives_the_same_offsets() -> None:
    text = MIXED.replace("1. (C)", "\u00b61. (C)").replace("Lindqvist", "Lindqvíst")
    utf8 = parse_bytes(text.encode("utf-8"), "u.txt")
    cp = parse_bytes(text.encode("cp1252"), "w.txt")
    assert cp.encoding == "cp1252"
    assert [(s.start, s.end, s.text) for s in suggest(cp)] == [
        (s.start, s.end, s.text) for s in suggest(utf8)
    ]
    assert "Lindqvíst" in [s.text for s in suggest(cp)]


def test_markdown_form_finds_the_same_names() -> None:
    md = (
        MIXED.replace("1. (C)", "11. (C)")
        .replace("2. (C)", "12. (C)")
        .replace("TAGS: PREL PGOV XX", "TAGS: [PREL](#) [PGOV](#) [XX](#)")
    )
    plain = sorted(spans(parse_cable(MIXED, path="p.txt")))
    assert sorted(spans(parse_cable(md, path="m.txt"))) == plain
