"""The words a release's stamps print tell no withheld text (newcomer 5, finding 16).

A reviewer types the case number, the document number and the authority (``--case-number``,
``--doc-number``, ``--authority``, the export dialog's fields), and each is printed on every
page and in the PDF's title. Typed while looking at the cable, ``--doc-number 06CARACAS3688``
or ``--authority "AMEMBASSY CARACAS"`` prints the post of a cable whose FM line is withheld;
the Vaughn index's title was checked already (``index_check.check_text``), the release's stamps
were not. So before anything is drawn each typed stamp is held against the ``recurrences``
rule's terms (every withheld span, short region, line and name part, as ``verify`` looks for
them), read with letters and digits apart (``06CARACAS3688`` holds the word ``CARACAS``), and
a document or case number holding the cable's reference ID is refused while the ID is not
printed (the FM line withheld). One hit refuses the release in one sentence; nothing is
written.

Only the recurrences terms, not the index check's "a word only withheld text holds": a stamp's
words are the agency's vocabulary ("Department", "Freedom of Information"), which a cable may
well hold only in a withheld paragraph. The reviewer's name and the agency are not checked:
they name who releases, not anything the cable says, and a reviewer whose surname a withheld
name shares could otherwise never sign that release.
"""

from __future__ import annotations

import re

from workbench.cable.model import Cable
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions
from workbench.review.model import Review

# (option attribute, what it is, where it is typed)
TYPED = (
    ("doc_number", "document number", "--doc-number, or the export dialog's Document number"),
    ("case_number", "case number", "--case-number, or the export dialog's Case number"),
    ("authority", "authority", "--authority, or the export dialog's Authority"),
)


def _apart(value: str) -> str:
    """Letters and digits apart, and ``-_/.`` as spaces: ``06CARACAS3688`` -> ``06 CARACAS 3688``."""
    value = re.sub(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", " ", value)
    return re.sub(r"[-_/.]", " ", value)


def _letters(value: str) -> str:
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def check_stamps(cable: Cable, review: Review, options: ExportOptions) -> None:
    """Refuse (ExportError) a release whose typed stamps would print withheld text."""
    from workbench.export.prepare import release_name
    from workbench.review.model import review_id
    from workbench.review.recurrences import needles, repeats_in

    found = needles(review)
    name = review_id(cable)
    hidden_id = bool(cable.id) and release_name(cable, review) != cable.id
    for attr, what, where in TYPED:
        value = getattr(options, attr)
        if not value:
            continue
        told = [w for w, _ in repeats_in(_apart(value), found)] if found else []
        regions = [r for _, r in repeats_in(_apart(value), found)] if told else []
        if hidden_id and cable.id and _letters(cable.id) in _letters(value):
            told, regions = [cable.id, *told], ["the FM line (the ID names the post)", *regions]
        if told:
            said = ", ".join(
                f"'{w}' (withheld in {r})" for w, r in list(zip(told, regions, strict=True))[:3]
            )
            raise ExportError(
                f"the release's {what} {value!r} would print {said} of {name}, and the release "
                f"goes to the requester: give another in {where}; nothing was written"
            )
