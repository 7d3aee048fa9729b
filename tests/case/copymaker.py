"""Copies of real cables in the forms a case meets them: a repeat to other addressees, the text
re-wrapped to another width, the Markdown-flattened form (``¶1.`` written ``11.``) and back.

Each copy gets a reference ID of its own (another post and number on the classification line),
as a repeat or a corrected copy has; its paragraphs keep their words. Used by tests/case and by
benchmarks/case.py.
"""

from __future__ import annotations

import re
import textwrap

from workbench.cable import Cable, parse_cable

_CLASS = re.compile(
    r"^(?P<level>(?:[A-Z] ){4,}[A-Z]|UNCLAS|SECRET|CONFIDENTIAL)\s+(?P<post>[A-Z ]+?)\s+(?P<num>\d{2,7})\s*$",
    re.M,
)


def with_id(text: str, post: str, number: int) -> str:
    """The text with its classification line naming ``post`` and ``number`` instead."""
    m = _CLASS.search(text)
    if m is None:
        raise ValueError("no classification line to renumber")
    line = f"{m.group('level')} {post} {number:06d}"
    out = text[: m.start()] + line + text[m.end() :]
    return re.sub(
        r"^DE (\S+) #\d+",
        lambda d: f"DE {d.group(1)} #{number % 10000:04d}",
        out,
        count=1,
        flags=re.M,
    )


def repeat(text: str, post: str, number: int, addressee: str) -> str:
    """A repeat to another addressee: new ID, new TO line, the body unchanged."""
    out = with_id(text, post, number)
    out = re.sub(r"^TO .*$", f"TO {addressee} PRIORITY", out, count=1, flags=re.M)
    return re.sub(r"^INFO .*\n(?:[A-Z]{4,}/.*\n)*", "", out, count=1, flags=re.M)


def _rebuild(cable: Cable, body: dict[int, str]) -> str:
    """``cable.text`` with each paragraph's text (after its label) replaced."""
    out, pos = [], 0
    for p in cable.paragraphs:
        if p.index not in body:
            continue
        out.append(cable.text[pos : p.body_start])
        out.append(body[p.index])
        pos = p.end
    out.append(cable.text[pos:])
    return "".join(out)


def rewrap(text: str, width: int) -> str:
    """Every paragraph's words wrapped to ``width`` columns (a line break is white space)."""
    cable = parse_cable(text)
    body = {}
    for p in cable.paragraphs:
        words = cable.text[p.body_start : p.end]
        trail = words[len(words.rstrip()) :]
        body[p.index] = (
            textwrap.fill(" ".join(words.split()), width, break_on_hyphens=False) + trail
        )
    return _rebuild(cable, body)


def to_markdown(text: str) -> str:
    """Paragraph labels ``N.`` written ``1N.`` as the flattened web page has them, and each
    TAG a link."""
    out = re.sub(
        r"^(\s*)(\d{1,2})\.(?=\s)", lambda m: f"{m.group(1)}1{m.group(2)}.", text, flags=re.M
    )
    return re.sub(
        r"^TAGS:\s*(.*)$",
        lambda m: "TAGS: " + " ".join(f"[{t}](#)" for t in re.split(r"[,\s]+", m.group(1)) if t),
        out,
        count=1,
        flags=re.M,
    )


def from_markdown(text: str) -> str:
    """The Markdown form's ``1N.`` labels back to ``N.``, links back to words."""
    out = re.sub(
        r"^(\s*)1(\d{1,2})\.(?=\s)", lambda m: f"{m.group(1)}{m.group(2)}.", text, flags=re.M
    )
    return re.sub(r"\[([A-Z0-9]+)\]\(#\)", r"\1", out)
