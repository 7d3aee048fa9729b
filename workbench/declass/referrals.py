"""What a check cannot decide: other agencies' and foreign governments' information, Restricted
Data, and the distribution captions whose release needs someone's approval.

declassification.md section 5, last paragraphs: information that originated with another agency
(CIA, DoD, DOE, FBI) or a foreign government is referred before release (E.O. 13526 sec.
3.3(d)(3); 32 CFR 2001.34); Restricted Data and Formerly Restricted Data are outside the order
(sec. 6.2(a)) and records likely to hold them get a page-by-page review (the Kyl-Lott amendment,
P.L. 105-261 sec. 3161); NODIS and EXDIS cables need the originating bureau's approval.  Each
finding names where it comes from: the reason the classifier gave, the addressee or the caption.
"""

from __future__ import annotations

import re

from workbench.cable.markings import caption_name
from workbench.cable.model import Cable, Span
from workbench.declass.codes import finding
from workbench.declass.model import Finding

# Reason letters (sections 1.4 and, before 2003, 1.5) whose information belongs to someone else.
_REASON_CODES = {
    "b": ("refer-foreign-government", "foreign government information"),
    "c": ("refer-cia", "intelligence activities, sources or methods"),
    "a": ("refer-dod", "military plans, weapons systems or operations"),
    "f": ("refer-doe", "programs for safeguarding nuclear materials or facilities"),
}
# Addressees and passing lines naming an agency.  Only the action addressees (TO), the
# originator (FM) and the lines between the banner and the subject ("DOE FOR NA-20", "PASS TO
# FBI") count: INFO copies go to CIA, SECDEF and DIA on most reporting cables as routine
# distribution, and say nothing about whose information the cable holds.
_AGENCY_RES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("refer-cia", "CIA", re.compile(r"\bCIA\b|\bDCI\b|\bCENTRAL INTELLIGENCE\b")),
    (
        "refer-dod",
        "the Defense Department",
        re.compile(
            r"\bSECDEF\b|\bJOINT[ \t]+STAFF\b|\bJCS\b|\bCJCS\b|\bOSD\b|\bDOD\b|\bDIA\b|\bNSA\b"
            r"|\bUSCINC\w*|\bCINC\w+|\b(?:CDR|HQ)[ \t]*US\w*COM\b|\bUS(?:EU|CENT|PA|SO|AF|NORTH|"
            r"STRAT|TRANS|SOC|JF)COM\b|\bUSDAO\b|\bDEPT[ \t]+OF[ \t]+(?:THE[ \t]+)?(?:ARMY|NAVY|"
            r"AIR[ \t]+FORCE)\b|\bDEFENSE[ \t]+(?:DEPT|DEPARTMENT|INTELLIGENCE)\b"
        ),
    ),
    (
        "refer-doe",
        "the Energy Department",
        re.compile(r"\bDOE\b|\bDEPT[ \t]+OF[ \t]+ENERGY\b|\bENERGY[ \t]+DEPT\b|\bNNSA\b"),
    ),
    ("refer-fbi", "the FBI", re.compile(r"\bFBI\b|\bLEGATT?\b")),
)
# Restricted Data markings (10 CFR 1045; CAPCO 2016 section D, Atomic Energy Act markings):
# "RESTRICTED DATA", "FORMERLY RESTRICTED DATA", "//RD", "//FRD", "(S//RD)", CNWDI.
_RD_RE = re.compile(
    r"\b(?:FORMERLY[ \t]+)?RESTRICTED[ \t]+DATA\b|//[ \t]*F?RD\b|\((?:TS|S|C)[ \t]*/{1,2}[ \t]*F?RD\b"
    r"|\bCNWDI\b"
)
# What Kyl-Lott means by records "likely to contain" RD or FRD: where US and NATO nuclear
# weapons are, how many, how they are stored and shared (FRD is "the military utilization of
# nuclear weapons", 10 CFR 1045).  So the text must speak of the weapons, of their storage or
# deployment, and of the US or NATO, within a few lines.  The MNUC tag alone is no sign: State
# tags Iran sanctions demarches and uranium sales with it, and foreign programs are not RD.
_NUCLEAR_WEAPONS_RE = re.compile(
    r"\bNUCLEAR[ \t\n]+(?:WEAPONS?|WARHEADS?|SHARING|BOMBS?)\b|\bDUAL[- \t\n]CAPABLE[ \t\n]+AIRCRAFT\b"
    r"|\bNSNW\b|\bB-?61\b",
    re.IGNORECASE,
)
_DEPLOYED_RE = re.compile(
    r"\bSTORED\b|\bSTORAGE\b|\bSTOCKS?[ \t\n]+OF\b|\bBASED[ \t\n]+(?:IN|AT)\b|\bDEPLOY(?:ED|MENTS?)\b"
    r"|\bSHARING\b|\bSHARE\b|\bON[ \t\n]+(?:ITS|THEIR)[ \t\n]+(?:SOIL|TERRITORY)\b",
    re.IGNORECASE,
)
_US_OR_NATO_RE = re.compile(
    r"\bU\.S\.|\bUS\b|(?i:\bUNITED[ \t\n]+STATES\b|\bAMERICAN\b|\bNATO\b|\bALLIE[SD]\b)"
)
_WINDOW = 300


# Literal signs searched first, and each pattern tried only around them: a substring search
# runs in C, while a case-insensitive alternation tried at every offset of the text made
# these two checks most of the engine's time.
_NUCLEAR_SIGNS = ("uclear", "UCLEAR", "apable", "APABLE", "B61", "B-61", "NSNW")
_RD_SIGNS = ("RESTRICTED DATA", "/RD", "/FRD", "/ RD", "/ FRD", "CNWDI")


def _around(
    text: str, signs: tuple[str, ...], lo: int, rx: re.Pattern[str], hi: int | None = None
) -> list[re.Match[str]]:
    """Matches of ``rx`` near each occurrence of one of ``signs`` in ``text[lo:hi]``, in order."""
    hi = len(text) if hi is None else hi
    found: list[re.Match[str]] = []
    for sign in signs:
        i = text.find(sign, lo, hi)
        while i >= 0:
            m = rx.search(text, max(lo, i - 12), min(len(text), i + len(sign) + 40))
            if m is not None:
                found.append(m)
            i = text.find(sign, i + 1, hi)
    return sorted(found, key=lambda m: m.start())


def _deployed_nuclear_weapons(text: str, lo: int) -> re.Match[str] | None:
    for m in _around(text, _NUCLEAR_SIGNS, lo, _NUCLEAR_WEAPONS_RE):
        a, b = max(lo, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if _DEPLOYED_RE.search(text, a, b) and _US_OR_NATO_RE.search(text, a, b):
            return m
    return None


# Where an RD or FRD marking stands: the classification line and the lines after it, the
# opening of each paragraph (its portion mark: "(S//RD)", "(C) RESTRICTED DATA"), the end (a
# warning notice).  The rest of the text is not read for it.
_MARKING_ZONE = 80


def _restricted_data(cable: Cable) -> re.Match[str] | None:
    text = cable.text
    c = cable.classification
    start = c.start if c else 0
    zones = [(start, min(len(text), start + 300)), (max(0, len(text) - 300), len(text))]
    zones += [(p.start, min(p.end, p.start + _MARKING_ZONE)) for p in cable.paragraphs]
    # The openings joined and searched once: most cables have no sign at all.
    joined = "\n".join([text[lo:hi] for lo, hi in zones])
    if not any(sign in joined for sign in _RD_SIGNS):
        return None
    for lo, hi in zones:
        found = _around(text, _RD_SIGNS, lo, _RD_RE, hi)
        if found:
            return found[0]
    return None


# The subjects on which State cables speak of deployed nuclear weapons carry one of these
# TAGS (military nuclear matters, arms control, nonproliferation, NATO, military affairs);
# the text of other cables is not searched.
_NUCLEAR_TAGS = frozenset({"MNUC", "PARM", "KNNP", "KNPP", "TNUC", "NATO", "MARR", "MCAP", "MOPS"})


_ROUTED_RE = re.compile(r"[A-Z0-9]{4,8}/")
# A cable sent for action to many agencies at once (Commerce, White House, SECDEF, NSC, NCTC,
# DHS, FBI, CIA...) is broadcast; its action addressees say nothing about whose information
# it holds.
_FEW_ACTION_ADDRESSEES = 4
# What each agency's business looks like: the State Department's TAGS for it, and words in
# the subject or the opening.  An addressee or passing line counts only on such a cable: a
# farewell call routed to USCINCSO's political adviser, or an oil company's quarrel passed to
# a DOE desk officer, holds no Defense or Energy information.
_TOPICS: dict[str, tuple[frozenset[str], re.Pattern[str]]] = {
    "refer-cia": (
        frozenset({"PINR", "PTER"}),
        re.compile(r"\bINTELLIGENCE\b|\bCIA\b|\bGRPO\b|\bTERROR", re.IGNORECASE),
    ),
    "refer-dod": (
        frozenset({"MARR", "MOPS", "MASS", "MCAP", "MASC", "MNUC", "PARM", "NATO", "KPKO"}),
        re.compile(
            r"\bDEFEN[CS]E\b|\bMILITARY\b|\bARMED[ \t\n]+FORCES\b|\bSECDEF\b|\bMINDEF\b"
            r"|\bTROOPS\b|\bNATO\b|\bISAF\b|\bARMY\b|\bNAVY\b|\bAIR[ \t\n]+FORCE\b"
            r"|\bDETAINEES?\b|\bGUANTANAMO\b|\bGTMO\b|\bCJCS\b|\bSECRETARY[ \t\n]+GATES\b",
            re.IGNORECASE,
        ),
    ),
    "refer-doe": (
        frozenset({"KNNP", "MNUC", "TNUC", "KNPP", "IAEA", "TRGY", "TPHY"}),
        re.compile(
            r"\bNUCLEAR\b|\bURANIUM\b|\bPLUTONIUM\b|\bNNSA\b|\bHEU\b"
            r"|\b(?:SECRETARY|DEPUTY[ \t\n]+SECRETARY)[ \t\n]+OF[ \t\n]+ENERGY\b",
            re.IGNORECASE,
        ),
    ),
    "refer-fbi": (
        frozenset({"KCRM", "PTER", "KJUS", "ASEC", "SNAR", "KTFN", "KCOR", "KFRD", "FBI"}),
        re.compile(
            r"\bFBI\b|\bTERROR|\bCRIMINAL\b|\bINVESTIGAT|\bEXTRADIT|\bLAW[ \t\n]+ENFORCEMENT\b"
            r"|\bPOLICE\b|\bMAFIA\b",
            re.IGNORECASE,
        ),
    ),
}
_HANDLING = {"NODIS": "nodis", "EXDIS": "exdis"}
# Every agency pattern at once, to skip the cables that name none (most of them) in one search.
_ANY_AGENCY_RE = re.compile("|".join(f"(?:{rx.pattern})" for _, _, rx in _AGENCY_RES))


def _passing_lines(cable: Cable) -> list[tuple[int, int]]:
    """The spans of header lines between the classification line and the subject: captions,
    "DEPT FOR ..." and "PASS TO ..." lines."""
    c = cable.classification
    if c is None:
        return []
    stops = [s for s in (cable.eo, cable.tags_span, cable.subject) if s is not None]
    hi = min([s.start for s in stops] + [cable.body_start])
    lo = cable.text.find("\n", c.end, hi)
    if lo < 0 or hi <= lo:
        return []
    zone = cable.text[lo:hi]
    if not _ANY_AGENCY_RE.search(zone):
        return []  # most cables: no agency named, no need to read the lines
    out = []
    for m in re.finditer(r"[^\n]+", zone):
        line = m.group(0).strip()
        # Addressee lines the reader left here ("RUEKJCS/SECDEF WASHDC"), whose action or
        # INFO role is unknown, and a post's own internal distribution ("INFO: CONS RSO AMB
        # LEGAT ECON"), are not passing instructions.
        if _ROUTED_RE.match(line) or line.upper().startswith(("INFO", "DISTRIBUTION")):
            continue
        out.append((lo + m.start(), lo + m.end()))
    return out


def _reason_findings(cable: Cable) -> list[Finding]:
    cb = cable.classified_by
    if cb is None:
        return []
    out: list[Finding] = []
    seen: set[str] = set()
    for reason in cb.reasons:
        letter = reason[-2]
        if letter not in _REASON_CODES:
            continue
        code, what = _REASON_CODES[letter]
        if code in seen:
            continue
        seen.add(code)
        out.append(
            finding(
                code,
                f"The classifier gave reason {reason}, {what}: its owner must review the "
                "information before release.",
                cb.start,
                cb.end,
            )
        )
    return out


def _on_the_agencys_business(cable: Cable, code: str) -> bool:
    """The cable's TAGS or its subject and opening say it concerns the agency's work."""
    tags, words = _TOPICS[code]
    if tags & set(cable.tags):
        return True
    head = (
        (cable.subject.text if cable.subject else "")
        + " "
        + cable.text[cable.body_start : cable.body_start + 600]
    )
    return words.search(head) is not None


def _agency_findings(cable: Cable, already: set[str]) -> list[Finding]:
    # (where, span, whether naming the agency there settles it without the subject): the
    # originator's information is the originator's (E.O. 13526 sec. 3.3(d)(3): "originated
    # with other agencies").  Even a sole action addressee does not: mirrors' files show
    # political reporting routed "TO SECDEF" alone.
    places: list[tuple[str, Span, bool]] = []
    if cable.origin is not None:
        o = cable.origin
        places.append(("the originator", Span(o.text, o.start, o.end), True))
    if len(cable.to) <= _FEW_ACTION_ADDRESSEES:
        places += [("an action addressee", Span(a.text, a.start, a.end), False) for a in cable.to]
    places += [
        ("a passing line", Span(cable.text[s:e], s, e), False) for s, e in _passing_lines(cable)
    ]
    if not places or not _ANY_AGENCY_RE.search("\n".join(p[1].text for p in places)):
        return []
    out: list[Finding] = []
    for code, agency, rx in _AGENCY_RES:
        if code in already:
            continue
        hit = next((p for p in places if rx.search(p[1].text)), None)
        if hit is None:
            continue
        where, span, settled = hit
        if not settled and not _on_the_agencys_business(cable, code):
            continue
        out.append(
            finding(
                code,
                f"{where.capitalize()} names {agency} ('{span.text.strip()}'), so the cable may "
                "hold its information, which it must review before release.",
                span.start,
                span.end,
            )
        )
    return out


def referral_findings(cable: Cable) -> list[Finding]:
    """Findings for what only someone else can decide; for classified cables only (the
    engine's caller decides that)."""
    out = _reason_findings(cable)
    out += _agency_findings(cable, {f.code for f in out})
    text = cable.text
    rd = _restricted_data(cable)
    if rd is not None:
        out.append(
            finding(
                "restricted-data",
                f"The cable is marked '{rd.group(0)}': Restricted Data and Formerly Restricted "
                "Data are outside the order's automatic declassification (E.O. 13526 sec. "
                "6.2(a)) and only the Energy Department can declassify them.",
                rd.start(),
                rd.end(),
            )
        )
    elif (
        _NUCLEAR_TAGS & set(cable.tags)
        and (m := _deployed_nuclear_weapons(text, cable.body_start)) is not None
    ):
        out.append(
            finding(
                "kyl-lott-review",
                f"The cable speaks of '{' '.join(m.group(0).split())}' where US or NATO nuclear "
                "weapons are kept or shared, so it is likely to hold Formerly Restricted Data "
                "and needs a page-by-page review before release (P.L. 105-261 sec. 3161).",
                m.start(),
                m.end(),
            )
        )
    seen: set[str] = set()
    for c in cable.captions:
        code = _HANDLING.get(caption_name(c.text))
        if code is None or code in seen:
            continue
        seen.add(code)
        out.append(
            finding(
                code,
                f"The cable is {caption_name(c.text)}: its release needs the approval of the "
                "bureau that originated it.",
                c.start,
                c.end,
            )
        )
    return out
