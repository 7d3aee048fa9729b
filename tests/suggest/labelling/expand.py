"""Turn the reading notes (worksheets/*.ann) into offsets: data/labels.json.

See tests/suggest/LABELLING.md for the worksheet form. Offsets are into the decoded text
(``workbench.cable.decode``), so they are the offsets ``workbench parse`` and ``workbench
suggest`` report.

    python tests/suggest/labelling/expand.py            # write data/labels.json
    python tests/suggest/labelling/expand.py --show ID  # every span of one cable in context
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.corpus import CORPUS, part  # noqa: E402
from workbench.cable.decode import read_cable_text  # noqa: E402

DATA = HERE.parent / "data"
KINDS = {"P": "person", "C": "contact", "M": "protect-marker", "S": "protect-marker"}
PERSON_ROLES = {"official", "private", "source"}
CONTACT_SUBS = {"phone", "fax", "email", "address", "passport", "visa", "id", "account"}


class WorksheetError(Exception):
    pass


# Cables whose worksheet block says "## ID contact-only": only their contact details were
# labelled (round 7), so they score the contact kind and no other.
CONTACT_ONLY: set[str] = set()


def parse_worksheets() -> dict[str, list[tuple[str, str, str, set[int] | None, str]]]:
    """``{cable id: [(kind, text, sub, occurrences or None, where)]}``."""
    out: dict[str, list[tuple[str, str, str, set[int] | None, str]]] = {}
    for sheet in sorted((HERE / "worksheets").glob("*.ann")):
        current: str | None = None
        for n, raw in enumerate(sheet.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{sheet.name}:{n}"
            line = raw.rstrip()
            if not line.strip() or (line.lstrip().startswith("#") and not line.startswith("## ")):
                continue
            if line.startswith("## "):
                current, *scope = line[3:].split()
                if scope and scope != ["contact-only"]:
                    raise WorksheetError(f"{where}: unknown scope {' '.join(scope)!r}")
                if scope:
                    CONTACT_ONLY.add(current)
                if current in out:
                    raise WorksheetError(f"{where}: {current} labelled twice")
                out[current] = []
                continue
            if current is None:
                raise WorksheetError(f"{where}: a label before the first '## ID' line")
            tag, _, rest = line.partition(" ")
            if tag not in KINDS:
                raise WorksheetError(f"{where}: unknown tag {tag!r}")
            occ: set[int] | None = None
            m = re.search(r"\s@([\d,]+)$", rest)
            if m:
                occ = {int(x) for x in m.group(1).split(",")}
                rest = rest[: m.start()]
            text, _, sub = rest.partition(" | ")
            sub = sub.strip()
            if tag == "P":
                sub = sub or "private"
                if sub not in PERSON_ROLES:
                    raise WorksheetError(f"{where}: person role {sub!r} not in {PERSON_ROLES}")
            elif tag == "C":
                if sub not in CONTACT_SUBS:
                    raise WorksheetError(f"{where}: contact type {sub!r} not in {CONTACT_SUBS}")
            else:
                sub = "marker" if tag == "M" else "protected"
            out[current].append((tag, text, sub, occ, where))
    return out


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    # Whole words: a name is not found inside a longer word ("Kim" in "Kimberley"), but a
    # needle that itself begins or ends with punctuation ("(protect)") needs no boundary there.
    left = r"(?<![\w])" if needle[0].isalnum() else ""
    right = r"(?![\w])" if needle[-1].isalnum() else ""
    # A space in the worksheet stands for any run of whitespace: names wrap across lines.
    body = r"\s+".join(re.escape(part) for part in needle.split(" "))
    return [(m.start(), m.end()) for m in re.finditer(left + body + right, text)]


def expand(cable_id: str, entries, path: Path) -> dict:
    text, _ = read_cable_text(path)
    # Overlaps are refused within one tag only: a protected span ("S") may be the very span
    # of a person's name ("P") it protects.
    taken: dict[str, list[tuple[int, int]]] = {}
    spans = []
    # Longest first, so "Kim Hye-jin" is one span and a later "Kim" only takes what is left.
    for tag, needle, sub, occ, where in sorted(entries, key=lambda e: -len(e[1])):
        hits = _occurrences(text, needle)
        if not hits:
            raise WorksheetError(f"{where}: {needle!r} does not occur in {cable_id}")
        kept = 0
        n_free = 0
        for start, end in hits:
            mine = taken.get(tag, [])
            # "@N" counts the occurrences not inside a longer label of the same tag, so two
            # entries for one text ("Heber | official @1", "Heber | private @2,3") agree.
            if any(s < end and start < e and e - s > end - start for s, e in mine):
                continue
            n_free += 1
            if occ is not None and n_free not in occ:
                continue
            if any(s < end and start < e for s, e in mine):
                continue
            taken.setdefault(tag, []).append((start, end))
            spans.append(
                {
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "kind": KINDS[tag],
                    "sub": sub,
                }
            )
            kept += 1
        if kept == 0:
            raise WorksheetError(
                f"{where}: every occurrence of {needle!r} is inside a longer label"
            )
    spans.sort(key=lambda s: (s["start"], s["end"]))
    data = path.read_bytes()
    scope = {"kinds": ["contact"]} if cable_id in CONTACT_ONLY else {}
    return {
        **scope,
        "id": cable_id,
        "file": str(path.relative_to(CORPUS)),
        "part": part(path.name),
        "sha256": hashlib.sha256(data).hexdigest(),
        "spans": spans,
    }


def cable_path(cable_id: str) -> Path:
    return CORPUS / "cables" / f"{cable_id}.txt"


def show(cable_id: str, record: dict) -> None:
    text, _ = read_cable_text(cable_path(cable_id))
    for s in record["spans"]:
        a, b = s["start"], s["end"]
        ctx = text[max(0, a - 40) : a] + "[[" + text[a:b] + "]]" + text[b : b + 30]
        print(f"{s['kind'][:7]:8}{s['sub'][:8]:9}{a:6} {ctx!r}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", metavar="ID")
    args = ap.parse_args()
    try:
        sheets = parse_worksheets()
        records = {cid: expand(cid, e, cable_path(cid)) for cid, e in sheets.items()}
    except WorksheetError as exc:
        print(f"expand: {exc}", file=sys.stderr)
        return 1
    if args.show:
        show(args.show, records[args.show])
        return 0
    out = {
        "guide": "tests/suggest/LABELLING.md",
        "cables": [records[c] for c in sorted(records)],
    }
    (DATA / "labels.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    n = sum(len(r["spans"]) for r in records.values())
    print(f"{len(records)} cables, {n} spans -> {DATA / 'labels.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
