"""Check a release PDF as a recipient would read it: nothing but released text and the stamps.

Independent of the export's layout: the PDF is read back by two libraries (``pdf_read``), and
what may be printed is worked out here from the cable's text and the review's decisions alone.
Fail-closed: a release passes only when

* every word printed anywhere (any band of the page, any colour, both readers) is a word of
  the released text or of the stamps' vocabulary, compared case-insensitively with
  punctuation, underscores and letter-spacing folded away;
* every pair of neighbouring words in a piece of the cable's text (the regular font) is a pair
  the released text has (so fragments of withheld sentences cannot pass as released words);
* the stamps (the bold font) hold only the stamps' vocabulary: banners, disposition, codes,
  the options stamped (agency, case, reviewer, authority), numbers;
* the document information, keywords and bookmarks hold nothing else either;
* the file holds nothing a release never holds (see ``pdf_read``);
* and all released text is there, in order.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from workbench.cable.model import Cable
from workbench.export.options import ExportOptions
from workbench.export.pdf_read import BOLD, REGULAR, Extracted, VerifyError, extract
from workbench.review.model import Action, Review, ReviewError, Withholding
from workbench.review.text_fold import drop_format

__all__ = ["Extracted", "Report", "VerifyError", "extract", "verify", "words"]

WINDOW = 40  # words a released piece may be away from where the last one ended
_STAMP_WORDS = (
    "RELEASE RELEASED IN FULL PART WITHHELD PENDING REVIEW DECLASSIFIED DOWNGRADED TO NOTHING "
    "Authority By Date Case No Doc Page of U S Department State UNCLASSIFIED CONFIDENTIAL "
    "SECRET TOP LIMITED OFFICIAL USE SENSITIVE BUT NOFORN SBU FOR ONLY UNMARKED EO E O "
    "Paragraph Unnumbered paragraph printed withheld in full released in part pending review "
    "Declassification Workbench ReportLab PDF Library opensource www reportlab com"
)


@dataclass
class Report:
    leaks: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # Stamp lines that differ from the options given (verify_stamps).
    stamps: list[str] = field(default_factory=list)
    # What the file holds that a release never does (an unexpected font, an operator, a
    # link): not withheld text, but the release cannot be trusted (pdf_read).
    problems: list[str] = field(default_factory=list)
    draft: bool = False  # regions pending review, withheld: the release is a draft

    @property
    def ok(self) -> bool:
        return not (self.leaks or self.missing or self.stamps or self.problems)


def words(text: str) -> list[str]:
    """Folded words: any Unicode form, any case; punctuation and underscores are separators;
    invisible format characters are nothing (a zero-width space or a bidi control inside a
    word: one reader drops it, the other reads it; newcomer 6, finding 22)."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", drop_format(text)).casefold())


def _spaced(tokens: list[str]) -> list[str]:
    """Words letter-spaced apart ("K i m" -> "kim"), from runs of three or more single letters
    (two would join the letters of neighbouring codes, "(b)(7)(C) (b)(6)")."""
    out, run = [], []
    for t in [*tokens, ""]:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if len(run) >= 3:
            out.append("".join(run))
        run = []
    return out


@dataclass
class _Allowed:
    released: set[str]
    pairs: set[tuple[str, str]]
    stamps: set[str]
    stream: list[str]  # the released words in order
    pieces: list[list[str]]  # words of each released piece, in order
    spaced_runs: str = ""  # released single letters run together, between "|"
    # After released piece i, a withheld piece that begins with a particle ("van Gogh"): that
    # particle, which must not be printed between piece i and the next (newcomer 5, #16).
    particles: dict[int, str] = field(default_factory=dict)

    def spaced_ok(self, token: str) -> bool:
        """A letter-spaced token made of released letters in their order: a piece of a
        letter-spaced banner, even split by a box or a row's end ("C O [box] I A L")."""
        return token in self.released or token in self.spaced_runs


def _released(cable: Cable, review: Review) -> _Allowed:
    """What may be printed of the cable: its text less every withheld range (pending included)."""
    try:
        withheld = review.withholdings(cable, allow_pending=True)
    except ReviewError as exc:
        raise VerifyError(str(exc)) from None
    text = cable.text
    ranges = sorted((w.start, w.end) for w in withheld if w.end > w.start)
    from workbench.review.withheld_names import leading_particle

    pieces: list[list[str]] = []
    spaced: set[str] = set()
    particles: dict[int, str] = {}
    pos = 0
    for s, e in [*ranges, (len(text), len(text))]:
        if s > pos:
            for line in text[pos:s].splitlines():
                toks = words(line)
                if toks:
                    pieces.append(toks)
            # Letter-spaced released text ("C O N F I D E N T I A L") reads as its word, too;
            # across line ends, which a release of rewrapped prose joins ("a\nU.S." is "a U.S.").
            spaced.update(_spaced(words(text[pos:s])))
            particle = leading_particle(text[s:e])
            if particle and pieces:
                particles[len(pieces) - 1] = particle
        pos = max(pos, e)
    stream = [t for p in pieces for t in p]
    pairs = set(itertools.pairwise(stream))
    runs = "|".join(_spaced(stream))
    return _Allowed(set(stream) | spaced, pairs, set(), stream, pieces, runs, particles)


def _stamp_vocabulary(
    cable: Cable, review: Review, withheld: Sequence[Withholding], options: ExportOptions
) -> set[str]:
    from workbench.export.codes import label, stamp_form
    from workbench.export.prepare import cable_name, release_name

    vocab = set(words(_STAMP_WORDS))
    if review.pending():  # a draft's stamps say so (stamps.DRAFT), and only a draft's may
        from workbench.export.stamps import DRAFT_WORDS

        vocab.update(words(DRAFT_WORDS))
    for value in (
        options.agency,
        options.authority,
        options.reviewer,
        options.case_number,
        options.doc_number,
        options.marking,
        cable.classification.level if cable.classification else "",
        " ".join(cable.classification.controls) if cable.classification else "",
        release_name(cable, review, options.doc_number),
        cable_name(cable) if cable.id else "",
    ):
        vocab.update(words(value or ""))
        vocab.update(_spaced(words(value or "")))
    for w in withheld:
        vocab.update(words(label(w.codes)))
        vocab.update(words(" ".join(stamp_form(c) for c in w.codes)))
    return vocab


def verify(
    cable: Cable,
    review: Review,
    found: Extracted,
    options: ExportOptions | None = None,
    check_date: bool = True,
) -> Report:
    """Judge ``found`` (a release read back) against the cable, its review and the stamp
    options. ``check_date`` False: the verifier gave no date, so the release's own stamped
    date is taken (a release verified on a later day is not refused for it). ExportError when
    the options themselves cannot make a release (a marking that is no downgrade)."""
    from workbench.export.errors import ExportError
    from workbench.export.options import check_downgrade, check_portions
    from workbench.export.prepare import cable_name
    from workbench.export.verify_stamps import stamp_problems

    if options is None:
        options = ExportOptions().resolve()
    check_downgrade(cable, options.marking, cable_name(cable))
    report = Report(draft=bool(review.pending()))
    # The stamps against the options given; the word checks below still run (a tampered
    # file fails for everything it holds), though the CLI shows the stamps' sentence alone.
    report.stamps, odd = stamp_problems(cable, review, found, options, check_date)
    if not report.stamps:
        # Marked as the options say: a portion above that marking printed (a release of an
        # earlier version) is a leak of what the banner says is not there.
        try:
            check_portions(cable, review, options.marking, cable_name(cable))
        except ExportError as exc:
            report.leaks.append(str(exc))
    allowed = _released(cable, review)
    withheld = review.withholdings(cable, allow_pending=True)
    stamps = _stamp_vocabulary(cable, review, withheld, options)
    for line in odd:  # in report.stamps already, quoted whole
        stamps.update(words(line))
    report.problems.extend(found.problems)

    def flag(place: str, toks: Iterable[str]) -> None:
        for t in toks:
            msg = f"{place} prints '{t}', which is neither released text nor a stamp"
            if msg not in report.leaks:
                report.leaks.append(msg)

    def numeric(t: str) -> bool:
        return t.isdigit()

    # The cable's own text (regular font): released words, in released pairs.
    for chunk in found.chunks:
        toks = words(chunk.text)
        where = f"page {chunk.page}"
        if chunk.font == REGULAR:
            flag(where, [t for t in toks if t not in allowed.released])
            flag(where, [t for t in _spaced(toks) if not allowed.spaced_ok(t)])
            for a, b in itertools.pairwise(toks):
                if (a, b) not in allowed.pairs:
                    flag(where, [f"{a} {b}"])
                    break
        elif chunk.font == BOLD:
            bad = [t for t in toks + _spaced(toks) if t not in stamps and not numeric(t)]
            flag(f"{where} (stamps and labels)", bad)
        else:
            flag(f"{where} (font {chunk.font})", toks or ["?"])
    # The other reader, which knows no fonts: every word released or a stamp's.
    vocab = allowed.released | stamps
    for number, page in enumerate(found.other_pages, 1):
        for line in page.splitlines():
            toks = words(line)
            flag(
                f"page {number} (PDFium)",
                [t for t in toks if t not in vocab and not numeric(t)]
                + [t for t in _spaced(toks) if t not in vocab and not allowed.spaced_ok(t)],
            )
    _check_metadata(cable, review, found, allowed, stamps, options, flag)
    _check_released(
        allowed.pieces,
        [w for c in found.chunks if c.font == REGULAR for w in words(c.text)],
        report,
        allowed.particles,
    )
    _check_repeats(review, found, stamps, report)
    _check_unused(cable, review, withheld, found, report)
    printed = {t for c in found.chunks if c.font == BOLD for t in words(c.text)}
    from workbench.export.codes import label

    for codes in dict.fromkeys(w.codes for w in withheld):
        if not set(words(label(codes))) <= printed:
            report.missing.append(f"the codes {label(codes)} are not printed on any box")
    return report


def _check_repeats(review: Review, found: Extracted, stamps: set[str], report: Report) -> None:
    """Withheld text printed again elsewhere (the ``recurrences`` rule's business): each text
    the reviewer withheld, and each part of a withheld name, looked for as whole words in every
    piece of the cable's text and every line PDFium reads, folded as ``find`` folds (case,
    Unicode form, white space, hyphens). Unless the reviewer switched the rule off for this
    cable, any such text is a leak (``recurrences.repeats_in``, which the Vaughn index's
    check uses too)."""
    from workbench.review.recurrences import needles, repeats_in

    wanted = needles(review)
    if not wanted:
        return
    places = [(f"page {c.page}", c.text, False) for c in found.chunks if c.font == REGULAR]
    for number, page in enumerate(found.other_pages, 1):
        # PDFium reads the stamps too: stamp words alone are the stamp's.
        places += [(f"page {number} (PDFium)", line, True) for line in page.splitlines()]
    for where, text, stamped in places:
        for needle, label in repeats_in(text, wanted):
            if stamped and set(words(needle)) <= stamps:
                continue
            msg = f"{where} prints '{needle}', a repeat of text withheld in {label}"
            if msg not in report.leaks:
                report.leaks.append(msg)


def _check_unused(
    cable: Cable,
    review: Review,
    withheld: Sequence[Withholding],
    found: Extracted,
    report: Report,
) -> None:
    """Withheld text in an object nothing uses (``pdf_objects``): a problem already, and a
    leak when it holds a withheld piece, or three of its words in a row (folded as ``words``
    folds), or a repeat the ``recurrences`` rule looks for (a withheld name's part)."""
    if not found.unused:
        return
    from workbench.review.recurrences import needles, repeats_in

    shingles: set[tuple[str, ...]] = set()
    for w in withheld:
        toks = words(cable.text[w.start : w.end])
        for i in range(max(1, len(toks) - 2)):
            if toks[i : i + 3]:
                shingles.add(tuple(toks[i : i + 3]))
    wanted = needles(review)
    for u in found.unused:
        toks = words(u.text)
        covered = [False] * len(toks)
        for n in (3, 2, 1):  # a piece shorter than three words is looked for whole
            for i in range(len(toks) - n + 1):
                if tuple(toks[i : i + n]) in shingles:
                    covered[i : i + n] = [True] * n
        runs = [
            " ".join(toks[i] for i, _ in group)
            for hit, group in itertools.groupby(enumerate(covered), key=lambda x: x[1])
            if hit
        ]
        runs += [needle for needle, _ in repeats_in(u.text, wanted)] if wanted else []
        for piece in list(dict.fromkeys(runs))[:3]:
            shown = piece if len(piece) <= 60 else piece[:57] + "..."
            report.leaks.append(
                f"the file's {u.what}, which nothing uses, holds withheld '{shown}'"
            )


def _check_metadata(cable, review, found, allowed, stamps, options, flag) -> None:  # type: ignore[no-untyped-def]
    from workbench.export.prepare import release_name

    meta = found.metadata
    name = release_name(cable, review, options.doc_number)
    if meta.get("/Title", name) != name:
        flag("the title", words(meta.get("/Title", "")) or ["?"])
    fixed = {
        "/Author": set(words(options.agency)),
        "/Creator": set(words("Declassification Workbench")),
        "/Producer": set(words("ReportLab PDF Library www reportlab com opensource")),
        "/Trapped": {"false"},
    }
    for key, allowed_words in fixed.items():
        flag(
            f"the {key[1:].lower()}",
            [t for t in words(meta.get(key, "")) if t not in allowed_words],
        )
    subject = words(meta.get("/Subject", ""))
    flag("the subject", [t for t in subject if t not in allowed.released])
    if any(p not in allowed.pairs for p in itertools.pairwise(subject)):
        flag("the subject", [" ".join(subject[:6])])
    tags = _released_tags(cable, review)
    flag(
        "the keywords",
        [t for t in words(meta.get("/Keywords", "")) if t not in tags and t not in stamps],
    )
    outline_vocab = stamps | set(words(" ".join(meta.get("/Subject", "").split())))
    for title in found.outline:
        flag("a bookmark", [t for t in words(title) if t not in outline_vocab and not t.isdigit()])


def _released_tags(cable: Cable, review: Review) -> set[str]:
    region = review.partition.get("tags")
    if region is None:
        return set()
    d = review.effective(region).decision
    if d.action != Action.RELEASE or d.spans:
        return set()
    return set(words(review.partition.body(region)))


def _check_released(
    expected: list[list[str]],
    doc: list[str],
    report: Report,
    particles: dict[int, str] | None = None,
) -> None:
    """Every released piece's words, consecutive and in order, within WINDOW words of the last.
    Between two pieces, a particle the review withholds with the name after it (``particles``)
    must not be printed: "the van [box] murder" names a Dutch name (newcomer 5, finding 16),
    even where "van" is a released word elsewhere."""
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(doc):
        positions.setdefault(t, []).append(i)
    cursor = 0
    last = -1  # the piece that ended at ``cursor``
    for k, toks in enumerate(expected):
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
        particle = (particles or {}).get(last) if last == k - 1 else None
        if particle and particle in doc[cursor:found_at]:
            msg = (
                f"the release prints '{particle}' before '{_preview(toks)}', where the review "
                f"withholds it with the name after it"
            )
            if msg not in report.leaks:
                report.leaks.append(msg)
        cursor = found_at + len(toks)
        last = k


def _preview(tokens: Sequence[str]) -> str:
    s = " ".join(tokens)
    return s if len(s) <= 60 else s[:57] + "..."
