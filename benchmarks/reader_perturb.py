#!/usr/bin/env python3
"""How well does the reader read input it never saw? Field-by-field accuracy on perturbed cables.

Each corpus cable (originals in ../shared/corpus, split by ``tests/corpus.py`` ``part()``) is
read once as written; that reading is the truth. Then each *family* of issue 14 (the forms real
archives hold that the corpus has few of) rewrites the cable in a way that keeps that truth
known: a label typed ``TGS:``, TAGS continued on the next line, a subject wrapped or followed by
the page line, fields run together, HTML entities, captions in mixed case or after U+2028,
banner slips, a wrapped E.O. line, ``CORRECTED COPY`` before the captions, a partial extract's
metadata block instead of the routing header, CRLF, Markdown numbering not starting at 1.
The perturbed text is read again (through ``decode_bytes``, as a file would be) and each field
is compared with what the family says it must be: classification level, NOFORN/SBU, reference
ID, date-time group, subject (white space collapsed), TAGS, DECL (kind and date) and the
paragraph numbers; ``spans`` counts cables whose every field span is ``text[start:end]``.

A family applies only where the cable has what it rewrites (a TAGS line with two tags, a
section banner ...); ``n`` says on how many cables it applied. Seeded and reproducible:
``python3 benchmarks/reader_perturb.py [--sample 400] [--seed 14] [--family NAME] [--show 3]``
(``--sample 0``: every applicable cable). ``--show N`` prints N misses per family with the
field read and the field wanted, to look at.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from workbench.cable import Cable, parse_cable  # noqa: E402
from workbench.cable.decode import decode_bytes  # noqa: E402
from workbench.cable.tags import KNOWN_CODES  # noqa: E402

FIELDS = ("class", "ctl", "id", "date", "subject", "tags", "decl", "paras")


def reading(c: Cable) -> dict[str, object]:
    """The fields graded, as comparable values."""
    cl = c.classification
    return {
        "class": c.level,
        "ctl": tuple(sorted(set(cl.controls) & {"NOFORN", "SBU"})) if cl else (),
        "id": c.id,
        "date": c.sent.strftime("%Y-%m-%d %H:%M") if c.sent else None,
        "subject": " ".join(c.subject.value.split()) if c.subject else None,
        "tags": c.tags,
        "decl": (c.decl.kind, c.decl.date) if c.decl else None,
        # Numbered paragraphs only: an unnumbered block more or less (an SBU line read as
        # one) is no misreading of the numbering.
        "paras": tuple(p.number for p in c.paragraphs if p.number is not None),
    }


def spans_exact(c: Cable) -> bool:
    t = c.text
    spans = [c.subject, c.tags_span, c.classification, c.decl, c.eo, c.classified_by]
    spans += [*c.captions, *c.refs, *c.paragraphs]
    if c.subject and c.subject.marking:
        spans.append(c.subject.marking)
    return all(s is None or t[s.start : s.end] == s.text for s in spans)


# ---------------------------------------------------------------------------------------------
# The families. Each takes the text, its reading as written and a random source, and returns the
# new text and the fields whose wanted value changes (or None where it does not apply).

Result = tuple[str, dict[str, object]] | None


def _line_start(t: str, at: int) -> int:
    return t.rfind("\n", 0, at) + 1


def _line_end(t: str, at: int) -> int:
    e = t.find("\n", at)
    return len(t) if e == -1 else e


_TAGS_LABEL_RE = re.compile(r"(?i:TAGS?|TAGES|TABS|TGS|TAS|AGS)[ \t]*+:?[ \t]*+")
_SUBJECT_LABEL_RE = re.compile(r"(?i:SUBJECT|SUBJ|UBJECT)[ \t]*+:?[ \t]*+(?:\n[ \t]*+)*$")


def _tags_label(t: str, c: Cable) -> tuple[int, int] | None:
    if c.tags_span is None or len(c.tags) < 1:
        return None
    m = _TAGS_LABEL_RE.match(t, c.tags_span.start)
    return (m.start(), m.end()) if m else None


def _subject_label(t: str, c: Cable) -> tuple[int, int] | None:
    if c.subject is None:
        return None
    first = c.subject.marking.start if c.subject.marking else c.subject.start
    m = _SUBJECT_LABEL_RE.search(t, max(0, first - 30), first)
    return (m.start(), first) if m else None


def tags_label(t: str, c: Cable, rng: random.Random) -> Result:
    at = _tags_label(t, c)
    if at is None:
        return None
    label = rng.choice(
        [
            "Tags: ",
            "tags: ",
            "TAGS ",
            "Tags ",
            "TAS: ",
            "TGS: ",
            "TABS: ",
            "TAGES: ",
            "AGS: ",
            "TAG: ",
        ]
    )
    return t[: at[0]] + label + t[at[1] :], {}


def subject_label(t: str, c: Cable, rng: random.Random) -> Result:
    at = _subject_label(t, c)
    if at is None or "\n" in t[at[0] : at[1]]:
        return None
    label = rng.choice(["Subject: ", "subject: ", "SUBJ: ", "UBJECT: ", "SUBJECT ", "Subj: "])
    return t[: at[0]] + label + t[at[1] :], {}


def tags_wrapped(t: str, c: Cable, rng: random.Random) -> Result:
    """TAGS continued on the next line, after a trailing comma or as a line of more codes."""
    at = _tags_label(t, c)
    if at is None or len(c.tags) < 2 or c.visitors or "\n" in c.tags_span.text:
        return None
    value_start, end = at[1], c.tags_span.end
    value = t[value_start:end]
    cuts = []
    for m in re.finditer(r",[ \t]*|[ \t]+", value):
        before = value[: m.start()].split()[-1:] if value[: m.start()].split() else []
        after = value[m.end() :].split()[:1]
        if not before or not after:
            continue
        b, a = before[0].strip(",").upper(), after[0].strip(",").upper()
        ok = lambda w: w in KNOWN_CODES or (len(w) == 2 and w.isalpha())  # noqa: E731
        if "," in m.group() or (ok(a) and ok(b)):
            cuts.append(m)
    if not cuts:
        return None
    m = rng.choice(cuts)
    joint = ",\n" if "," in m.group() else "\n"
    if rng.random() < 0.3:
        joint += "  "  # the continuation indented
    return t[: value_start + m.start()] + joint + t[value_start + m.end() :], {}


_WRAP_STOP = {"REF", "REFS", "TAGS", "CLASSIFIED", "SUMMARY", "DECL", "PAGE", "SUBJECT", "BT"}


def subject_wrapped(t: str, c: Cable, rng: random.Random) -> Result:
    """A subject wrapped over two or three lines at word gaps (teletype lines are ~69 wide)."""
    s = c.subject
    if s is None or "\n" in s.text:
        return None
    gaps = [
        m
        for m in re.finditer(r" +", s.text)
        if re.match(r"[A-Za-z][A-Za-z'\-]*(?![.)])\b", s.text[m.end() :])
        and s.text[m.end() :].split()[0].upper().strip(",:;") not in _WRAP_STOP
    ]
    if not gaps:
        return None
    chosen = sorted(
        rng.sample(gaps, min(len(gaps), rng.choice([1, 1, 2]))), key=lambda m: m.start()
    )
    out, last = [], 0
    for m in chosen:
        out += [s.text[last : m.start()], " \n" if rng.random() < 0.5 else "\n"]
        last = m.end()
    out.append(s.text[last:])
    return t[: s.start] + "".join(out) + t[s.end :], {}


def subject_alone(t: str, c: Cable, rng: random.Random) -> Result:
    """``SUBJECT:`` alone on its line, the subject after a blank line."""
    at = _subject_label(t, c)
    if at is None or "\n" in t[at[0] : at[1]]:
        return None
    label = t[at[0] : at[1]].rstrip()
    return t[: at[0]] + label + "\n\n" + t[at[1] :], {}


def _post_serial(c: Cable) -> tuple[str, int] | None:
    m = re.fullmatch(r"\d{2}([A-Z]+)(\d+)", c.id or "")
    return (m.group(1), int(m.group(2))) if m else None


def subject_page_line(t: str, c: Cable, rng: random.Random) -> Result:
    """The subject followed by the page line of the flattened PDF form, or by the SBU line."""
    s, ps = c.subject, _post_serial(c)
    if s is None or ps is None:
        return None
    e = _line_end(t, s.end)
    if t[s.end : e].strip():
        return None  # the subject does not end its line: the line would follow something else
    if (c.level != "UNCLASSIFIED" and rng.random() < 0.4) or "SBU" in reading(c)["ctl"]:
        line = "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY"
    else:
        line = f"{ps[0]} {ps[1]:08d} 001.2 OF {rng.randint(2, 9):03d}"
    return t[:e] + "\n" + line + ("\n" if rng.random() < 0.5 else "") + t[e:], {}


def _join(t: str, a: int, b: int, glue: str) -> str:
    return t[:a] + glue + t[b:]


def run_subject(t: str, c: Cable, rng: random.Random) -> Result:
    """The subject run straight into what follows it (REF:, Classified By, a paragraph)."""
    s = c.subject
    if s is None or "\n" in s.text:
        return None
    e = _line_end(t, s.end)
    if t[s.end : e].strip():
        return None
    m = re.compile(r"\s+").match(t, s.end)
    if m is None or not _RUNS_INTO.match(t, m.end()):
        return None
    return _join(t, s.end, m.end(), " "), {}


# What the issue names a subject running into: REF:, Classified By:, an SBU line, a caption or
# the first paragraph (a label or a portion mark).
_RUNS_INTO = re.compile(
    r"REF|Classified By|CLASSIFIED BY|Sensitive but|SENSITIVE BUT|SIPDIS|NOFORN|¶"
    r"|\d{1,2}\.[ \t]*\(|\((?:U|C|S|SBU|S/NF|C/NF)\)"
)


def run_eo_tags(t: str, c: Cable, rng: random.Random) -> Result:
    """The E.O./DECL line run into TAGS (``DECL: 08/22/2017 TAGS: PGOV``), blank or none."""
    if c.eo is None or c.tags_span is None or c.tags_span.start < c.eo.end:
        return None
    gap = t[c.eo.end : c.tags_span.start]
    if gap.strip(" \t\n\\") or "\n" not in gap:
        return None
    a = c.eo.end
    while t[a - 1] in " \t\\":
        a -= 1
    return _join(t, a, c.tags_span.start, rng.choice([" ", " ", ""])), {}


def run_tags_subject(t: str, c: Cable, rng: random.Random) -> Result:
    """TAGS run into SUBJECT on one line."""
    at = _subject_label(t, c)
    if c.tags_span is None or at is None or at[0] < c.tags_span.end:
        return None
    gap = t[c.tags_span.end : at[0]]
    if gap.strip() or "\n" not in gap:
        return None
    return _join(t, c.tags_span.end, at[0], " "), {}


def html_entities(t: str, c: Cable, rng: random.Random) -> Result:
    """HTML left in the subject: ``&#8217;`` for an apostrophe, ``&amp;``, ``&quot;``."""
    s = c.subject
    if s is None or "&" in s.text:
        return None
    raw = s.text
    want = c.subject.value
    if "'" in raw or '"' in raw:
        raw = raw.replace("'", "&#8217;").replace('"', "&quot;")
        want = want.replace("'", "\u2019")
    else:
        words = list(re.finditer(r"\b(?:AND|and)\b", raw))
        if words:
            m = rng.choice(words)
            raw = raw[: m.start()] + "&amp;" + raw[m.end() :]
            want = html.unescape(raw)
        else:
            w = list(re.finditer(r"[A-Za-z]{3,}", raw))
            if not w:
                return None
            m = rng.choice(w)
            raw = raw[: m.start()] + "&quot;" + m.group() + "&quot;" + raw[m.end() :]
            want = html.unescape(raw)
    # (The reader leaves a CSV export's line-end backslashes out of the value.)
    want = " ".join(w for w in want.split() if w != "\\")
    return t[: s.start] + raw + t[s.end :], {"subject": want}


def _caption_spans(c: Cable) -> list:
    return [s for s in c.captions if s.text.isalpha() and len(s.text) > 2]


def captions_case(t: str, c: Cable, rng: random.Random) -> Result:
    """Captions retyped in mixed case (``Sipdis``, ``Noforn``)."""
    caps = _caption_spans(c)
    if not caps:
        return None
    out = t
    for s in caps:
        word = s.text.capitalize() if rng.random() < 0.7 else s.text.lower()
        out = out[: s.start] + word + out[s.end :]
    return out, {}


def captions_u2028(t: str, c: Cable, rng: random.Random) -> Result:
    """Header lines separated by U+2028 instead of line ends before each caption line."""
    caps = _caption_spans(c)
    if not caps:
        return None
    out = t
    for s in reversed(caps):
        ls = _line_start(out, s.start)
        if ls > 0 and not out[ls : s.start].strip():
            out = out[: ls - 1] + "\u2028" + out[ls:]
    return (out, {}) if out != t else None


def _banner(t: str, c: Cable) -> tuple[int, int] | None:
    """The classification line's span (banner word to the line end), where it names a post."""
    cl = c.classification
    if cl is None or c.id is None or _post_serial(c) is None:
        return None
    serial = _post_serial(c)[1]
    e = _line_end(t, cl.end)
    if not re.search(rf"\b0*{serial}\b", t[cl.end : e]):
        return None
    return cl.start, e


_SPACED = re.compile(r"(?:[A-Z] ){3,}[A-Z]")


def banner_case(t: str, c: Cable, rng: random.Random) -> Result:
    """The classification line retyped in mixed case: ``S e c r e t section 01 of 02 seoul``."""
    b = _banner(t, c)
    if b is None:
        return None
    line = t[b[0] : b[1]]
    word = c.classification.text
    if _SPACED.fullmatch(word):
        new = word[0] + word[1:].lower()
    else:
        new = word.capitalize()
    rest = line[len(word) :]
    # Captions after the serial keep their case here (captions_case has them).
    rest = re.sub(r"(?<![A-Z])SECTION (\d+) OF (\d+)", lambda m: m.group().lower(), rest)
    rest = re.sub(r"[A-Z][A-Z .'-]*?(?= \d)", lambda m: m.group().lower(), rest, count=1)
    return t[: b[0]] + new + rest + t[b[1] :], {}


def _post_start(line: str, c: Cable) -> int | None:
    """Where the post's name starts in the classification ``line`` (its words before the
    serial whose letters make the reference ID's post)."""
    post, serial = _post_serial(c)
    m = re.search(rf"\b0*{serial}\b", line)
    if m is None:
        return None
    words = list(re.finditer(r"\S+", line[: m.start()]))
    letters = ""
    for w in reversed(words):
        letters = re.sub(r"[^A-Z]", "", w.group().upper()) + letters
        if letters == post:
            return w.start()
        if len(letters) >= len(post):
            return None
    return None


def banner_slip(t: str, c: Cable, rng: random.Random) -> Result:
    """Banner typing slips: ``SECTION 01 GF 02``, ``ECTION``, ``SECTION 1 OF 3``, letters."""
    b = _banner(t, c)
    if b is None:
        return None
    line = t[b[0] : b[1]]
    word = c.classification.text
    kind = rng.choice(["gf", "ection", "short", "spacing"])
    sec = re.search(r"(?i:SECTION) (\d+) (?i:OF) (\d+)", line)
    if kind == "spacing":
        if not _SPACED.fullmatch(word):
            return None
        i = rng.randrange(1, len(word) // 2) * 2 - 1  # a blank between two letters
        new = line[:i] + line[i + 1 :]
    elif sec is None:
        # No section: one written in with the slip, before the post.
        slip = {"gf": "SECTION 01 GF 02", "ection": "ECTION 01 OF 02", "short": "SECTION 1 OF 3"}
        at = _post_start(line, c)
        if at is None:
            return None
        new = line[:at] + slip[kind] + " " + line[at:]
    else:
        a, z = sec.group(1), sec.group(2)
        slip = {
            "gf": f"SECTION {a} GF {z}",
            "ection": f"ECTION {a} OF {z}",
            "short": f"SECTION {int(a)} OF {int(z)}",
        }
        new = line[: sec.start()] + slip[kind] + line[sec.end() :]
    return t[: b[0]] + new + t[b[1] :], {}


def serial_run_on(t: str, c: Cable, rng: random.Random) -> Result:
    """The serial run into the next word: ``BUENOS AIRES 00167SIPDIS`` (captions next)."""
    b = _banner(t, c)
    if b is None:
        return None
    line = t[b[0] : b[1]]
    m = re.search(r"\d+[ \t]*$", line)
    nxt = re.compile(r"\s*").match(t, b[1])
    after = t[nxt.end() : _line_end(t, nxt.end())]
    if m is None or not re.match(r"(SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS)\b", after):
        return None
    a = b[0] + m.start() + len(m.group().rstrip())
    return _join(t, a, nxt.end(), ""), {}


def eo_wrapped(t: str, c: Cable, rng: random.Random) -> Result:
    """``E.O. 12958:`` at a line end and ``DECL: ...`` on the next, or ``E.O. 19528:``."""
    if c.eo is None or c.decl is None:
        return None
    m = re.compile(r"E\.O\.[ \t]*(12958|13526|13292)[ \t]*:?[ \t]*").match(t, c.eo.start)
    if m is None or not t.startswith("DECL", m.end()):
        return None
    if rng.random() < 0.6:
        return t[: m.end()].rstrip() + "\n" + t[m.end() :], {}
    order = {"12958": "19528", "13526": "13562", "13292": "12392"}[m.group(1)]
    return t[: m.start(1)] + order + t[m.end(1) :], {}


def corrected_copy(t: str, c: Cable, rng: random.Random) -> Result:
    """``C O R R E C T E D C O P Y`` or ``CORRECTED COPY`` before the classification line."""
    b = _banner(t, c)
    if b is None:
        return None
    ls = _line_start(t, b[0])
    line = rng.choice(
        [
            "C O R R E C T E D C O P Y (ADDED INFO ADDEES)",
            "C O R R E C T E D C O P Y - CAPTION ADDED",
            "CORRECTED COPY - TEXT",
            "CORRECTED COPY (TEXT)",
        ]
    )
    return t[:ls] + line + "\n" + t[ls:], {}


_PARTIAL = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available."
)


def record_block(t: str, c: Cable, rng: random.Random) -> Result:
    """A partial extract: the metadata block in place of the routing header and its date."""
    b = _banner(t, c)
    if b is None or c.sent is None or c.sent_span is None or c.sent_span.start > b[0]:
        return None
    if c.partial_extract or c.record is not None or "VZCZC" in t[b[0] :]:
        return None  # already an extract or an export holding a preview and a second copy
    ls = _line_start(t, b[0])
    s = c.sent
    block = (
        f"{_PARTIAL}\nid: {rng.randint(1000, 250000)}\n"
        f"date: {s.month}/{s.day}/{s.year} {s.hour}:{s.minute:02d}\nrefid: {c.id}\n"
        f"origin: Embassy {_post_serial(c)[0].title()}\n"
        f"classification: {c.level}\ndestination: \nheader:\n{_PARTIAL}\n\n\n\n"
        "----------------- header ends ----------------\n\n"
    )
    return block + t[ls:], {}


def crlf(t: str, c: Cable, rng: random.Random) -> Result:
    return t.replace("\n", "\r\n"), {}


_NUM_LABEL = re.compile(r"(?:¶[ \t]*)?(\d{1,2})\.")


def _markdown(t: str, c: Cable, drop: set[int]) -> Result:
    """The Markdown form (``¶3.`` -> ``13.``) without the paragraphs numbered in ``drop``."""
    paras = [p for p in c.paragraphs if p.number is not None]
    if len(paras) < 3 or c.markdown:
        return None
    nums = [p.number for p in paras]
    if nums != list(range(1, len(nums) + 1)):
        return None
    out, last = [], 0
    for p in c.paragraphs:
        m = _NUM_LABEL.match(t, p.start)
        if p.number is None or m is None or int(m.group(1)) != p.number:
            return None
        if p.number in drop:
            out += [t[last : p.start]]
            last = p.end
            continue
        out += [t[last : p.start], f"1{p.number}."]
        last = m.end()
    out.append(t[last:])
    want = tuple(p.number for p in c.paragraphs if p.number is not None and p.number not in drop)
    return "".join(out), {"paras": want}


def markdown_from_2(t: str, c: Cable, rng: random.Random) -> Result:
    """Markdown numbering whose first paragraph is ``12.``: paragraph 1 is not in the record."""
    return _markdown(t, c, {1})


def markdown_skip(t: str, c: Cable, rng: random.Random) -> Result:
    """Markdown numbering that skips (``11. 13. 14.``)."""
    n = len([p for p in c.paragraphs if p.number is not None])
    return _markdown(t, c, {rng.randint(2, max(2, n - 1))}) if n >= 3 else None


FAMILIES: dict[str, Callable[[str, Cable, random.Random], Result]] = {
    "none": lambda t, c, rng: (t, {}),
    "tags-label": tags_label,
    "subject-label": subject_label,
    "tags-wrapped": tags_wrapped,
    "subject-wrapped": subject_wrapped,
    "subject-alone": subject_alone,
    "subject+page/SBU": subject_page_line,
    "run:subject>next": run_subject,
    "run:decl>tags": run_eo_tags,
    "run:tags>subject": run_tags_subject,
    "html-entities": html_entities,
    "captions-case": captions_case,
    "captions-u2028": captions_u2028,
    "banner-case": banner_case,
    "banner-slip": banner_slip,
    "serial-run-on": serial_run_on,
    "eo-wrap/mistype": eo_wrapped,
    "corrected-copy": corrected_copy,
    "record-block": record_block,
    "crlf": crlf,
    "md-from-2": markdown_from_2,
    "md-skip": markdown_skip,
}


@dataclass
class Tally:
    n: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    spans: int = 0
    misses: list[tuple[str, str, object, object]] = field(default_factory=list)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=200, help="cables per family and part (0: all)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--family", action="append", help="only these families (repeatable)")
    ap.add_argument("--part", choices=("dev", "held-out"), help="only this part")
    ap.add_argument("--show", type=int, default=0, help="print this many misses per family")
    args = ap.parse_args()
    if not corpus.available():
        print("../shared/corpus is absent", file=sys.stderr)
        return 1
    began = time.perf_counter()
    truths = [t for t in corpus.index() if t.lineage == "original"]
    base: dict[str, list[tuple[str, Cable]]] = {"dev": [], "held-out": []}
    for t in truths:
        text, _ = decode_bytes(t.path.read_bytes(), t.path.name)
        base[t.part].append((t.name, parse_cable(text, path=t.path.name)))
    parts = [args.part] if args.part else ["dev", "held-out"]
    families = args.family or list(FAMILIES)
    tallies: dict[tuple[str, str], Tally] = {}
    for part in parts:
        for fam in families:
            rng = random.Random(f"{args.seed}:{fam}:{part}")
            cables = list(base[part])
            rng.shuffle(cables)
            tally = tallies[(fam, part)] = Tally()
            for name, c in cables:
                if args.sample and tally.n >= args.sample:
                    break
                got = FAMILIES[fam](c.text, c, rng)
                if got is None:
                    continue
                new, changes = got
                want = {**reading(c), **changes}
                text, _ = decode_bytes(new.encode("utf-8"), name)
                r = parse_cable(text, path=name)
                read = reading(r)
                tally.n += 1
                tally.spans += spans_exact(r)
                for f in FIELDS:
                    if read[f] == want[f]:
                        tally.right[f] += 1
                    elif len(tally.misses) < args.show:
                        tally.misses.append((name, f, read[f], want[f]))
    print(f"reader_perturb: seed {args.seed}, up to {args.sample or 'all'} cables per family")
    print("and part; % of cables whose field reads as the unperturbed cable's (n: applied)\n")
    head = f"{'family':<18} {'part':<8} {'n':>4} " + " ".join(f"{f:>7}" for f in FIELDS)
    print(head + f" {'spans':>7}")
    for fam in families:
        for part in parts:
            t = tallies[(fam, part)]
            if not t.n:
                print(f"{fam:<18} {part:<8} {0:>4}")
                continue
            cells = " ".join(f"{100 * t.right[f] / t.n:7.1f}" for f in FIELDS)
            print(f"{fam:<18} {part:<8} {t.n:>4} {cells} {100 * t.spans / t.n:7.1f}")
    for part in parts:
        ts = [tallies[(f, part)] for f in families if f != "none"]
        n = sum(t.n for t in ts)
        if n:
            cells = " ".join(f"{100 * sum(t.right[f] for t in ts) / n:7.1f}" for f in FIELDS)
            spans = 100 * sum(t.spans for t in ts) / n
            print(f"{'ALL families':<18} {part:<8} {n:>4} {cells} {spans:7.1f}")
    if args.show:
        for fam in families:
            for part in parts:
                for name, f, got, want in tallies[(fam, part)].misses:
                    print(f"\n[{fam} {part}] {name} {f}:\n  read {got!r}\n  want {want!r}")
    print(f"\n{time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
