"""Build small, realistic cable texts for rule tests, parsed by the real parser."""

from __future__ import annotations

from workbench.cable import Cable, parse_cable

DEFAULT_PARAS = (
    "¶1. (C) Summary: the minister agreed. End summary.",
    "¶2. (C) The minister said more, see para 1.",
)
# Reason (d), foreign relations, is the State Department's own: the default cable asks for no
# referral, so each test adds only what it is about.
DEFAULT_AUTHORITY = "Classified By: A/DCM Joseph Y. Yun. Reasons 1.4 (d)."


def cable_text(
    *,
    dtg: str | None = "P 230828Z JAN 07",
    banner: str = "C O N F I D E N T I A L",
    post: str = "SEOUL 000219",
    captions: tuple[str, ...] = ("SIPDIS",),
    passing: tuple[str, ...] = (),
    eo: str | None = "E.O. 12958: DECL: 01/23/2017",
    tags: str = "PREL KS",
    classified_by: str | None = DEFAULT_AUTHORITY,
    paragraphs: tuple[str, ...] = DEFAULT_PARAS,
    before_body: str = "",
    partial: bool = False,
    zny: str | None = None,
    to: tuple[str, ...] = ("RUEHC/SECSTATE WASHDC 2498",),
    info: tuple[str, ...] = (),
    before_captions: tuple[str, ...] = (),
) -> str:
    lines: list[str] = []
    if partial:
        lines += [
            "This record is a partial extract of the original cable. The full text of the "
            "original cable is not available.",
        ]
    if zny:
        lines += ["VZCZCXYZ0000", "DE RUEHUL #0219 0230828", zny]
    if dtg:
        lines += ["", "VZCZCXYZ0000", dtg, "FM AMEMBASSY SEOUL", "TO " + to[0], *to[1:]]
        if info:
            lines += ["INFO " + info[0], *info[1:]]
        lines += [""]
    lines += [f"{banner} {post}", ""]
    for c in before_captions:
        lines += [c, ""]
    for c in captions:
        lines += [c, ""]
    for p in passing:
        lines += [p, ""]
    if eo:
        lines += [eo, ""]
    lines += [f"TAGS: {tags}", "", "SUBJECT: A MEETING WITH THE MINISTER", ""]
    if classified_by:
        lines += [classified_by, ""]
    if before_body:
        lines += [before_body, ""]
    for p in paragraphs:
        lines += [p, ""]
    lines += ["VERSHBOW", ""]
    return "\n".join(lines)


def make_cable(**kw: object) -> Cable:
    return parse_cable(cable_text(**kw), path="test.txt")  # type: ignore[arg-type]
