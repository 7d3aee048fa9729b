"""Build small, realistic cable texts for rule tests, parsed by the real parser."""

from __future__ import annotations

from workbench.cable import Cable, parse_cable

DEFAULT_PARAS = (
    "¶1. (C) Summary: the minister agreed. End summary.",
    "¶2. (C) The minister said more, see para 1.",
)


def make_cable(
    *,
    dtg: str | None = "P 230828Z JAN 07",
    banner: str = "C O N F I D E N T I A L",
    post: str = "SEOUL 000219",
    captions: tuple[str, ...] = ("SIPDIS",),
    eo: str | None = "E.O. 12958: DECL: 01/23/2017",
    classified_by: str | None = "Classified By: A/DCM Joseph Y. Yun. Reasons 1.4 (b,d).",
    paragraphs: tuple[str, ...] = DEFAULT_PARAS,
    before_body: str = "",
    partial: bool = False,
    zny: str | None = None,
) -> Cable:
    lines: list[str] = []
    if partial:
        lines += [
            "This record is a partial extract of the original cable. The full text of the "
            "original cable is not available.",
        ]
    if zny:
        lines += ["VZCZCXYZ0000", "DE RUEHUL #0219 0230828", zny]
    if dtg:
        lines += [
            "",
            "VZCZCXYZ0000",
            dtg,
            "FM AMEMBASSY SEOUL",
            "TO RUEHC/SECSTATE WASHDC 2498",
            "",
        ]
    lines += [f"{banner} {post}", ""]
    for c in captions:
        lines += [c, ""]
    if eo:
        lines += [eo, ""]
    lines += ["TAGS: PREL KS", "", "SUBJECT: A MEETING WITH THE MINISTER", ""]
    if classified_by:
        lines += [classified_by, ""]
    if before_body:
        lines += [before_body, ""]
    for p in paragraphs:
        lines += [p, ""]
    lines += ["VERSHBOW", ""]
    return parse_cable("\n".join(lines), path="test.txt")
