"""An independent check of a release PDF, written apart from workbench.export.verify so the
tests do not judge the verifier by itself: pypdf text, metadata and outline, word sequences."""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf

from workbench.cable.model import Cable
from workbench.export.prepare import cable_name
from workbench.review.model import Action, Review

WORD = re.compile(r"\w+")


def toks(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text))


def grams(t: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(t[i : i + n]) for i in range(len(t) - n + 1)}


def read(pdf: bytes) -> tuple[str, str, str]:
    """(all page text, metadata values, outline titles)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(p.extract_text() for p in reader.pages)
    # Author, Creator and Producer are the agency's and the tools' names, set by us.
    fixed = {"/Author", "/Creator", "/Producer"}
    meta = "\n".join(str(v) for k, v in (reader.metadata or {}).items() if k not in fixed)

    def titles(items):  # type: ignore[no-untyped-def]
        for it in items:
            if isinstance(it, list):
                yield from titles(it)
            else:
                yield str(it.title)

    # The outline's own words ("Paragraph 3 (released in part)") are ours, not the cable's.
    ours = re.compile(
        r"^(Paragraph \S+|Unnumbered paragraph \d+)"
        r"|\((withheld in full|released in part|withheld: pending review)\)$"
    )
    outline = "\n".join(ours.sub("", t) for t in titles(reader.outline))
    return text, meta, outline


def regular_text(pdf: bytes) -> str:
    """The text drawn in a regular (not bold) font, in drawing order."""
    out: list[str] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if "Bold" not in str((font or {}).get("/BaseFont", "")):
            out.append(text)

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
        out.append("\n")
    return "".join(out)


def problems(pdf: bytes, cable: Cable, review: Review, frame_lines: set[str]) -> list[str]:
    """What is wrong with ``pdf`` as a release of ``cable`` under ``review``; [] when nothing."""
    text, meta, outline = read(pdf)
    ws = review.withholdings(cable, allow_pending=True)
    # Released text: the cable with every withheld range cut out, as separate runs.
    runs, pos = [], 0
    for w in sorted(ws, key=lambda w: w.start):
        runs.append(toks(cable.text[pos : w.start]))
        pos = max(pos, w.end)
    runs.append(toks(cable.text[pos:]))
    released4 = set().union(*(grams(r, 4) for r in runs))
    # The reference ID is released by design: it is the title and the file name.
    # So are the codes, printed on boxes, stamps and keywords.
    # (and the disposition's words in the keywords: RELEASE IN PART, WITHHELD IN FULL)
    ours = cable_name(cable) + " " + " ".join(c for w in ws for c in w.codes)
    ours += " RELEASE WITHHELD IN FULL PART"
    released1 = {t for r in runs for t in r} | set(toks(ours))
    # Every paragraph released in full is there, its words consecutive once the page frame
    # and box labels (which may fall inside a paragraph at a page break) are taken out.
    # Labels, margin notes, banners and the disposition are bold: only regular text is
    # candidate cable text; the regular stamps (header, declassification block) are known.
    body_lines = [
        ln
        for ln in regular_text(pdf).splitlines()
        if ln.strip()
        and ln.strip() not in frame_lines
        and not re.fullmatch(r"Page \d+ of \d+", ln.strip())
    ]
    body_text = "\n".join(body_lines)
    joined = " " + " ".join(toks(body_text)) + " "
    out = []
    for where, body in (("text", body_text), ("metadata", meta), ("outline", outline)):
        body_t = toks(body)
        g4, g1 = grams(body_t, 4), set(body_t)
        for w in ws:
            wt = toks(cable.text[w.start : w.end])
            leaked = (grams(wt, 4) - released4) & g4
            unique = {t for t in wt if len(t) >= 4 and not t.isdigit()} - released1
            if leaked:
                out.append(f"{where}: withheld sequence {sorted(leaked)[0]} of {w.kind}")
            if unique & g1:
                out.append(f"{where}: withheld word {sorted(unique & g1)[0]!r} of {w.kind}")
    withheld_starts = {w.start for w in ws}
    for p in cable.paragraphs:
        if review.decision(p.index).action != Action.RELEASE:
            continue
        if any(p.start <= s < p.end for s in withheld_starts):
            continue  # a header field withheld inside it
        words = toks(cable.text[p.start : p.end])
        if words and " " + " ".join(words) + " " not in joined:
            out.append(f"released paragraph {p.key} is missing or broken")
    codes = {c for w in ws for c in w.codes}
    for c in codes:
        if c not in text:
            out.append(f"code {c} is printed nowhere")
    return out
