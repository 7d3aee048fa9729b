"""The one export path: how every PDF of a reviewed cable is made, checked and written.

``workbench export`` (local workers and ``--cluster``), the window's Export dialog and a case's
release package all call :func:`make` and :func:`write`, so a release is refused for the same
reasons and in the same sentence wherever it is made:

* :func:`make` stamps "By:" the exporting reviewer (:func:`stamped_by`), renders the PDF
  from its arguments only (the code sets are in the options: nothing is read from the user's
  settings while rendering, so the same inputs give the same bytes on any machine) and, for a
  release, reads it back and verifies it (:func:`check_release`) before anyone can write it;
* :func:`check_name` refuses a review copy (all text visible) under a name that looks like a
  release's;
* :func:`write` writes whole or not at all, never over an input or the store.

The QC gate (``ReviewSource.clear_release``) comes before :func:`make`: it needs the store,
which only the caller has.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.cable.model import Cable
from workbench.export.atomic import write_atomic
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions
from workbench.export.prepare import cable_name
from workbench.review.model import Review

KINDS = ("release", "review", "vaughn")


def render(kind: str, cable: Cable, review: Review, options: ExportOptions) -> bytes:
    """The PDF's bytes, unchecked (:func:`make` is what callers use). ExportError (or
    ReviewError) with the sentence for the user when the export must not happen."""
    if kind == "review":
        from workbench.declass.engine import assess
        from workbench.export.review_copy import render_review_copy

        return render_review_copy(cable, review, options, assess(cable).findings)
    if kind == "vaughn":
        from workbench.export.vaughn import rows_for, to_pdf

        rows = rows_for(cable, review, options.allow_pending, options.sets())
        return to_pdf(rows, vaughn_title(options), options.released)
    if kind != "release":
        raise ValueError(f"unknown kind of export {kind!r}")
    from workbench.export.release import render_release

    return render_release(cable, review, options)


def make(kind: str, cable: Cable, review: Review, options: ExportOptions, where: str = "") -> bytes:
    """The PDF of ``kind`` ("release", "review" or "vaughn"); a release is stamped with who
    decided it and verified before it is returned. ``where`` ("on the worker") goes into the
    sentence of a release that fails verification."""
    if kind == "release":
        from workbench.export.release_date import check_release_date

        options = stamped_by(options, review, cable)
        check_release_date(options.released, options.authority, cable, cable_name(cable))
    data = render(kind, cable, review, options)
    if kind == "release":
        check_release(cable, review, data, options, where)
    return data


def vaughn_title(options: ExportOptions) -> str:
    return f"Vaughn index, case {options.case_number or 'none'}"


def stamped_by(options: ExportOptions, review: Review, cable: Cable) -> ExportOptions:
    """The options, refused (ExportError) when they name nobody for "By:".

    "By:" names the declassifier: the person making the release, who answers for it (32 CFR
    2001.25(a) asks for the declassification authority's identity, by name or position), i.e.
    the exporting reviewer: ``--reviewer`` or the settings' name, in the CLI, the window and a
    case's package alike (declassification.md section 7 lists the authority and the date only;
    2001.25(a) itself asks for the declassifier's identity too). Not the reviewers the audit log names for the decisions: the same
    review then got a different "By:" from the CLI (the log's names) and the window (the
    settings' name), and a reviewer who imported decisions is not who released them. Who
    decided each region stays in the audit log (``workbench review log``). Never a guess
    (the login name): a stamp must name a person."""
    if not options.reviewer.strip():
        raise ExportError(
            f"no reviewer is known for the release of {cable_name(cable)}: give --reviewer "
            "NAME (a release's stamp names who releases it), or set your name in settings"
        )
    return options


def check_release(
    cable: Cable, review: Review, data: bytes, options: ExportOptions, where: str = ""
) -> None:
    """Refuse, with the reason, a release that fails ``workbench verify``: it is not written."""
    from workbench.export.verify import VerifyError, extract, verify

    name = cable_name(cable)
    try:
        report = verify(cable, review, extract(data), options)
    except VerifyError as exc:
        raise ExportError(f"the release of {name} could not be verified: {exc}") from None
    if not report.ok:
        first = (report.stamps or report.problems or report.leaks or report.missing)[0]
        at = f" {where}" if where else ""
        raise ExportError(
            f"the release of {name} failed its verification{at} ({len(report.leaks)} leak(s), "
            f"{len(report.problems)} thing(s) a release never holds, "
            f"{len(report.missing)} missing piece(s) of released text; first: {first[:200]}), "
            "so it was not written: please report this as a bug"
        )


# "review" as a word of the file name: 07SEOUL219-review.pdf, "review copy.pdf",
# 07SEOUL219_review.pdf; not inside another word ("preview", "nonreview": newcomer 5, #35).
_SAYS_REVIEW = re.compile(r"(?<![^\W\d_])review(?![^\W\d_])", re.I)


def check_name(kind: str, path: str | Path) -> None:
    """A review copy holds the withheld text: its file name must say so, never look like a
    release's (``07SEOUL219.pdf``) or a preview of one (``07SEOUL219 preview.pdf``)."""
    p = Path(path)
    if kind == "review" and p.suffix.lower() == ".pdf" and not _SAYS_REVIEW.search(p.stem):
        raise ExportError(
            f"{p.name} would look like a release: a review copy holds the withheld text, so "
            "its file name must say so with the word review (for example "
            "07SEOUL219-review.pdf; 'preview' is another word)"
        )


def write(kind: str, path: str | Path, data: bytes, within: str | Path | None = None) -> None:
    """Write the PDF whole or not at all (ExportError, one sentence, when it cannot be)."""
    check_name(kind, path)
    write_atomic(path, data, within=within)
