"""Check a release PDF against its cable and review: nothing withheld in it, nothing released missing.

Works on what a reader of the file gets: pypdf's text extraction of every page, the document
information (title, subject, keywords, author...) and the outline. Page streams are compressed,
so searching the raw bytes would prove nothing (design.md, ReportLab notes).

Texts are compared as sequences of words (runs of letters and digits; punctuation is dropped). A withheld range leaks when a run
of up to ``NGRAM`` of its consecutive words is in the PDF but nowhere in the released text (a
name withheld in one paragraph and released in another is the reviewer's choice, not a leak).
"""

from __future__ import annotations

import io
import logging
import os
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.cable.model import Cable
from workbench.export.codes import label, stamp_form
from workbench.export.layout import disjoint, pieces, wrap
from workbench.export.page import BOTTOM_LIMIT, BOX_BELOW, LEADING, TOP_BASELINE
from workbench.export.prepare import cable_name, release_name
from workbench.review.model import Review, ReviewError, Withholding

NGRAM = 4
# Where the cable's lines (and their boxes) are drawn: the top of the first line's box to the
# bottom of the last one's.
BAND = (BOTTOM_LIMIT - BOX_BELOW - 1, TOP_BASELINE + LEADING - BOX_BELOW)
WINDOW = 40  # words a released line may be away from where the last one ended


class VerifyError(Exception):
    """The PDF cannot be read at all; the message is one sentence for the user."""


@dataclass
class Extracted:
    """What a reader gets from the PDF. ``body`` is the text drawn where the cable's lines go
    (regular weight, between the header stamps and the declassification block); ``labels`` the
    bold text in that band (box labels, margin notes); ``pages`` everything, page by page."""

    pages: list[str]
    metadata: dict[str, str]
    outline: list[str]
    body: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


@dataclass
class Report:
    leaks: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.leaks and not self.missing


_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Words without punctuation: a withheld "Yun" must match the PDF's "Yun." too."""
    return _WORD.findall(unicodedata.normalize("NFKC", text))


def extract(pdf: bytes | str | Path) -> Extracted:
    import pypdf
    from pypdf.errors import PyPdfError

    # pypdf logs its repairs ("EOF marker not found"); the one sentence below says it all.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    label = "the PDF" if isinstance(pdf, bytes) else str(pdf)
    if not isinstance(pdf, bytes) and not os.path.exists(pdf):
        raise VerifyError(f"{pdf} does not exist: give the path of a release PDF")
    if not isinstance(pdf, bytes):
        # A bounded read of a regular file (a FIFO or a 4 GB file is refused first), then a
        # strict check: a damaged file is refused, never read as clean (safeio.pdfcheck).
        from workbench.safeio import InputError, read_limited
        from workbench.safeio.pdfcheck import MAX_PDF_BYTES, check_pdf_intact

        try:
            pdf = read_limited(pdf, MAX_PDF_BYTES, "release PDF")
            check_pdf_intact(pdf, label)
        except InputError as exc:
            raise VerifyError(str(exc).rstrip(".")) from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        pages, body, labels = [], [], []
        for page in reader.pages:
            b: list[str] = []
            lab: list[str] = []

            def visit(text, cm, tm, font, size, b=b, lab=lab):  # type: ignore[no-untyped-def]
                if not text.strip():
                    return
                y = tm[5] * cm[3] + cm[5]
                if not BAND[0] <= y <= BAND[1]:
                    return  # banners, header, stamps, declassification block, page number
                name = str((font or {}).get("/BaseFont", ""))
                (lab if "Bold" in name else b).append(text)

            pages.append(page.extract_text(visitor_text=visit) or "")
            body.append("\n".join(b))
            labels.append("\n".join(lab))
        meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
        outline = list(_titles(reader.outline))
    except (OSError, PyPdfError, ValueError) as exc:
        raise VerifyError(f"cannot read {label} as a PDF ({exc}): give a release PDF") from None
    return Extracted(pages, meta, outline, body, labels)


def _titles(outline: Iterable[object]) -> Iterable[str]:
    for item in outline:
        if isinstance(item, list):
            yield from _titles(item)
        else:
            title = getattr(item, "title", None)
            if title is None and isinstance(item, dict):
                title = item.get("/Title")
            if title:
                yield str(title)


def _ngrams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def released_stream(cable: Cable, withheld: Sequence[Withholding]) -> list[str]:
    """The released words in order, withheld ranges simply left out.

    Words on either side of a box stand next to each other in the PDF's text too, so a run of
    words that crosses a box is released text, not a leak.
    """
    out, pos = [], 0
    for w in withheld:
        out.extend(words(cable.text[pos : w.start]))
        pos = max(pos, w.end)
    out.extend(words(cable.text[pos:]))
    return out


def expected_lines(cable: Cable, withheld: Sequence[Withholding]) -> list[list[str]]:
    """The words of every released piece of every printed line, in reading order."""
    out = []
    for line in wrap(cable.text):
        for piece in pieces(line, withheld):
            if piece.released:
                toks = words(cable.text[piece.start : piece.end])
                if toks:
                    out.append(toks)
    return out


def _where(w: Withholding, keys: dict[int, str]) -> str:
    if w.paragraph is not None:
        what = f"paragraph {keys.get(w.paragraph, w.paragraph)}"
    else:
        what = f"the {w.field} field"
    if w.kind == "span":
        what = f"a span in {what}"
    return f"{what} ({label(w.codes)})"


def _preview(tokens: Sequence[str]) -> str:
    s = " ".join(tokens)
    return s if len(s) <= 60 else s[:57] + "..."


# Words the workbench itself puts in bookmarks and keywords.
_OUTLINE_WORDS = "Paragraph Unnumbered paragraph withheld in full released in part pending review"
_STAMP_WORDS = "RELEASE IN FULL PART WITHHELD PENDING REVIEW"


def verify(cable: Cable, review: Review, found: Extracted) -> Report:
    """Compare ``found`` against what the release of ``cable`` under ``review`` must contain.

    Checked: the text of the cable's lines, the box labels, the title, subject and keywords,
    and the bookmarks. Not checked: the banners, header line, stamps and page numbers above and
    below the text, which are made from the export options and codes, never from cable text.
    """
    # Pending paragraphs count as withheld: a release either withholds them or was refused.
    try:
        raw = review.withholdings(cable, allow_pending=True)
    except ReviewError as exc:
        raise VerifyError(str(exc)) from None
    withheld = disjoint(raw)
    report = Report()
    stream = released_stream(cable, withheld)
    label_words = [t for codes in {w.codes for w in raw} for t in words(label(codes))]
    stamp_words = words(" ".join(stamp_form(c) for w in raw for c in w.codes) + _STAMP_WORDS)
    ours = {
        "text": [],
        "box labels": label_words,
        "metadata": words(f"{cable_name(cable)} {release_name(cable, review)}") + stamp_words,
        "outline": words(f"{cable_name(cable)} {release_name(cable, review)} {_OUTLINE_WORDS}"),
    }
    meta = {k: v for k, v in found.metadata.items() if k in ("/Title", "/Subject", "/Keywords")}
    places: dict[str, tuple[str, list[str]]] = {
        **{f"page {i} text": ("text", words(t)) for i, t in enumerate(found.body, 1)},
        **{f"page {i} box labels": ("box labels", words(t)) for i, t in enumerate(found.labels, 1)},
        **{f"metadata {k}": ("metadata", words(v)) for k, v in meta.items()},
        "outline": ("outline", words("\n".join(found.outline))),
    }
    allowed: dict[tuple[str, int], set[tuple[str, ...]]] = {}

    def allowed_grams(kind: str, n: int) -> set[tuple[str, ...]]:
        if (kind, n) not in allowed:
            extra = ours[kind]
            allowed[kind, n] = _ngrams(stream, n) | {
                g for i in range(1, n + 1) for g in _ngrams(extra, i) if len(g) == n
            }
        return allowed[kind, n]

    place_grams: dict[tuple[str, int], set[tuple[str, ...]]] = {}
    keys = {p.index: p.key for p in cable.paragraphs}
    for w in raw:
        toks = words(cable.text[w.start : w.end])
        if not toks:
            continue
        n = min(NGRAM, len(toks))
        grams = _ngrams(toks, n)
        for place, (kind, ptoks) in places.items():
            if (place, n) not in place_grams:
                place_grams[place, n] = _ngrams(ptoks, n)
            hit = (grams & place_grams[place, n]) - allowed_grams(kind, n)
            if hit:
                leak = (
                    f"withheld text of {_where(w, keys)} is in the {place}: "
                    f"'{_preview(sorted(hit)[0])}'"
                )
                if leak not in report.leaks:  # one line per place, however often it recurs
                    report.leaks.append(leak)

    doc = [t for page in found.body for t in words(page)]
    _check_released(expected_lines(cable, withheld), doc, report)
    printed = {t for page in found.labels for t in words(page)}
    for codes in dict.fromkeys(w.codes for w in raw):
        if not set(words(label(codes))) <= printed:
            report.missing.append(f"the codes {label(codes)} are not printed on any box")
    return report


def _check_released(expected: list[list[str]], doc: list[str], report: Report) -> None:
    """Every released line's words, consecutive and in order, within WINDOW words of the last."""
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(doc):
        positions.setdefault(t, []).append(i)
    cursor = 0
    for toks in expected:
        found_at = -1
        where = positions.get(toks[0], [])
        for p in where[bisect_left(where, cursor) :]:
            if p > cursor + WINDOW:
                break
            if doc[p : p + len(toks)] == toks:
                found_at = p
                break
        if found_at == -1:
            report.missing.append(f"released text is missing: '{_preview(toks)}'")
            if len(report.missing) >= 20:
                return
            continue
        cursor = found_at + len(toks)
