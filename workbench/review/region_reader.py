"""Reading a cable's partition into regions: the reader's claims, then every gap line by line.

See ``regions`` for the kinds. The strongest claim wins where claims overlap (a paragraph over a
header field); text no claim covers is judged against ``line_grammar``, and what matches nothing
there is ``unparsed`` (``passing`` in the header, ``trailing`` after the last paragraph).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from workbench.cable.model import Cable
from workbench.naming import paragraph_labels
from workbench.review import line_grammar as g
from workbench.review.regions import COUNTED, HEADER_FIELDS, KIND_LABELS, Region, norm_words


def read_regions(cable: Cable) -> list[Region]:
    return _separators_follow(_Builder(cable).build())


def _separators_follow(regions: list[Region]) -> list[Region]:
    """Each separator follows the decidable region before it (or, before any, the first after
    it): it is printed and withheld with that region (``regions`` module docstring)."""
    out = list(regions)
    last: str | None = None
    waiting: list[int] = []
    for i, r in enumerate(out):
        if r.kind == "separator":
            if last is None:
                waiting.append(i)
            else:
                out[i] = replace(r, follows=last)
        elif r.decidable:
            last = r.key
            for j in waiting:
                out[j] = replace(out[j], follows=last)
            waiting = []
    return out


@dataclass
class _Piece:
    start: int
    end: int
    kind: str
    body_start: int
    prio: int = 0
    follows: str | None = None
    paragraph: int | None = None
    label: str = ""
    continues: bool = False


class _Builder:
    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.text = cable.text
        self.n = len(cable.text)

    # -- claims from the reader -------------------------------------------------------------
    def claims(self) -> list[_Piece]:
        c, t = self.cable, self.text
        out: list[_Piece] = []

        def add(start: int, end: int, kind: str, prio: int, **kw: object) -> None:
            start, end = max(0, start), min(self.n, end)
            if end > start and t[start:end].strip():
                body = int(kw.pop("body_start", start))  # type: ignore[call-overload]
                out.append(_Piece(start, end, kind, min(max(body, start), end), prio, **kw))  # type: ignore[arg-type]

        for p in c.paragraphs:
            body = (
                p.body_start
                if g.fullmatch(g.PARAGRAPH_LABEL, t[p.start : p.body_start])
                else p.start
            )
            add(p.start, p.end, "paragraph", 50, body_start=body, paragraph=p.index)
        if c.signature:
            add(c.signature.start, c.signature.end, "signature", 45)
        if c.origin:
            add(c.origin.start, c.origin.end, "from", 40)
        for name, items in (("to", c.to), ("info", c.info), ("refs", c.refs)):
            if items:
                add(min(a.start for a in items), max(a.end for a in items), name, 40)
        if c.eo:
            self._eo(add)
        if c.tags_span:
            s = c.tags_span
            m = g.FIELD_LABELS["tags"].match(t, s.start, s.end)
            add(s.start, s.end, "tags", 40, body_start=m.end() if m else s.start)
        if c.subject:
            add(c.subject.start, c.subject.end, "subject", 40)
        if c.classified_by:
            self._classified_by(add)
        if c.classification:
            self._classification(add)
        return out

    def _classified_by(self, add) -> None:  # type: ignore[no-untyped-def]
        cb, t = self.cable.classified_by, self.text
        assert cb is not None
        m = g.FIELD_LABELS["classified_by"].match(t, cb.start, cb.end)
        body = m.end() if m else cb.start
        r = re.compile(r"[ \t,.;:]*(?:(?:for|per)[ \t]+)?reasons?\b", re.IGNORECASE)
        hit = r.search(t, body, cb.end)
        if hit and hit.start() > body and g.REASONS.fullmatch(t, hit.start(), cb.end):
            add(cb.start, hit.start(), "classified_by", 40, body_start=body)
            add(hit.start(), cb.end, "reasons", 40)
        else:
            add(cb.start, cb.end, "classified_by", 40, body_start=body)

    def _eo(self, add) -> None:  # type: ignore[no-untyped-def]
        """The E.O. line is the ``markings`` rule's only where the strict grammar holds all of
        it. Otherwise the order alone is, and the words after it (an event: "DECL: UPON THE
        DEATH OF OUR SOURCE ...") are a ``decl`` region a reviewer decides; a span that does
        not even begin with the order is left to the gap reading, line by line."""
        eo, t = self.cable.eo, self.text
        assert eo is not None
        if g.EO_LINE.fullmatch(t, eo.start, eo.end):
            add(eo.start, eo.end, "eo", 40)
            return
        m = g.EO_ORDER.match(t, eo.start, eo.end)
        if m is None:
            return
        rest = m.end()
        while rest < eo.end and t[rest].isspace():
            rest += 1
        add(eo.start, m.end(), "eo", 40)
        add(rest, eo.end, "decl", 40)

    def _classification(self, add) -> None:  # type: ignore[no-untyped-def]
        cl, t = self.cable.classification, self.text
        assert cl is not None
        line_start = t.rfind("\n", 0, cl.start) + 1
        line_end = t.find("\n", cl.start)
        line_end = self.n if line_end == -1 else line_end
        if t[line_start : cl.start].strip():
            return  # the banner stands inside other text: let the gap reading judge the line
        m = g.CLASS_LINE.match(t, line_start, line_end)
        if m is None:
            return
        end = m.end()
        # A prefix match must end at a word's end ("SEOUL 000219" and not "SEOUL 0002").
        while end > line_start and end < line_end and t[end].isalnum():
            end = t.rfind(" ", line_start, end)
            if end == -1:
                return
        add(line_start, end, "classification", 35)

    # -- resolving overlaps -----------------------------------------------------------------
    def owned(self, claims: list[_Piece]) -> list[_Piece]:
        """Disjoint pieces: each claim loses what a stronger claim already holds."""
        taken: list[tuple[int, int]] = []
        out: list[_Piece] = []
        for c in sorted(claims, key=lambda p: (-p.prio, p.start)):
            free = self._free(taken, c.start, c.end)
            for s, e in free:
                if not self.text[s:e].strip():
                    continue
                body = min(max(c.body_start, s), e)
                out.append(_Piece(s, e, c.kind, body, c.prio, c.follows, c.paragraph))
                bisect.insort(taken, (s, e))
        out.sort(key=lambda p: p.start)
        return out

    @staticmethod
    def _free(taken: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
        i = max(0, bisect.bisect_right(taken, (start, start)) - 1)
        pos, free = start, []
        while i < len(taken) and taken[i][0] < end:
            s, e = taken[i]
            if e > pos:
                if s > pos:
                    free.append((pos, s))
                pos = max(pos, e)
            i += 1
        if pos < end:
            free.append((pos, end))
        return free

    # -- reading what no claim covers -------------------------------------------------------
    def build(self) -> list[Region]:
        pieces = self.owned(self.claims())
        self.originals = {p.kind: p for p in pieces if p.kind in HEADER_FIELDS}
        cls = [p for p in pieces if p.kind == "classification"]
        self.class_end = cls[0].end if cls else None
        paras = [p for p in pieces if p.kind == "paragraph"]
        head = [p.end for p in pieces if p.kind in HEADER_FIELDS or p.kind == "classification"]
        self.body_start = paras[0].start if paras else max(head, default=0)
        last = [p for p in pieces if p.kind in ("paragraph", "signature")]
        self.trailing_from = max(p.end for p in last) if last else self.n
        out: list[_Piece] = []
        pos = 0
        for p in pieces:
            if p.start > pos:
                out.extend(self.gap(pos, p.start))
            out.append(p)
            pos = p.end
        if pos < self.n:
            out.extend(self.gap(pos, self.n))
        self._attach_labels(out)
        self._continued_fields(out)
        return self._name(self._merge(out))

    def gap(self, lo: int, hi: int) -> list[_Piece]:
        t = self.text
        out: list[_Piece] = []
        pos = lo
        while pos < hi:
            nl = t.find("\n", pos, hi)
            line_end = hi if nl == -1 else nl
            out.extend(self.line(pos, line_end))
            if nl != -1:
                out.append(_Piece(nl, nl + 1, "blank", nl))
                pos = nl + 1
            else:
                pos = hi
        return out

    def line(self, lo: int, hi: int) -> list[_Piece]:
        """One line (or the part of one a gap holds), as blank and content pieces."""
        t = self.text
        s, e = lo, hi
        while s < e and t[s] in " \t\r\f\v\u00a0":
            s += 1
        while e > s and t[e - 1] in " \t\r\f\v\u00a0":
            e -= 1
        out: list[_Piece] = []
        if s > lo:
            out.append(_Piece(lo, s, "blank", lo))
        if e > s:
            out.extend(self.content(s, e))
        if hi > e and e >= s:
            out.append(_Piece(e, hi, "blank", e))
        return out

    def content(self, s: int, e: int) -> list[_Piece]:
        t = self.text
        piece = t[s:e]
        header = s < self.body_start
        if header and g.fullmatch(g.ROUTING_LINE, piece):
            return [_Piece(s, e, "routing", s)]
        if g.fullmatch(g.DEBRIS_LINE, piece):
            kind = "page_break" if re.search(r"[^\W_]", piece) else "separator"
            return [_Piece(s, e, kind, s)]
        if g.fullmatch(g.CAPTION_LINE, piece):
            return [_Piece(s, e, "caption", s)]
        if g.fullmatch(g.CLASS_LINE, piece) and re.search(r"\d", piece):
            if self.class_end is None:
                self.class_end = e
                return [_Piece(s, e, "classification", s)]
            return [_Piece(s, e, "repeat", s, follows="classification")]
        if g.fullmatch(g.EO_LINE, piece):
            if "eo" in self.originals:
                return [_Piece(s, e, "repeat", s, follows="eo")]
            return [_Piece(s, e, "eo", s)]
        m = g.PAGE_HEADER.match(t, s, e)
        if m and m.end() > s and (m.end() == e or t[m.end()] in " \t"):
            rest = self.line(m.end(), e)
            return [_Piece(s, m.end(), "page_break", s), *rest]
        starts = [x.start() for x in g.FIELD_START.finditer(t, s, e)]
        if starts and (len(starts) > 1 or starts[0] > s):
            bounds = [s, *[x for x in starts if x > s], e]
            out: list[_Piece] = []
            for a, b in itertools.pairwise(bounds):
                out.extend(self.line(a, b))
            return out
        follows = self._repeats(piece)
        if follows:
            return [_Piece(s, e, "repeat", s, follows=follows)]
        if s >= self.trailing_from:
            kind = "trailing"
        elif header and self.class_end is not None and s >= self.class_end:
            kind = "passing"
        else:
            kind = "unparsed"
        return [_Piece(s, e, kind, s)]

    def _repeats(self, piece: str) -> str | None:
        """The header field ``piece`` repeats word for word (label included), if any."""
        words = norm_words(piece)
        if len(words) < 2:
            return None
        for kind in ("subject", "tags", "refs", "classified_by", "eo"):
            o = self.originals.get(kind)
            if o is None:
                continue
            original = norm_words(self._label_text(o) + self.text[o.start : o.end])
            if words == original:
                return kind
        return None

    def _label_text(self, p: _Piece) -> str:
        """The label written before a field whose reader span leaves it out (``SUBJECT:``)."""
        pat = g.FIELD_LABELS.get(p.kind)
        if pat is None or p.start != p.body_start:
            return ""
        line_start = self.text.rfind("\n", 0, p.start) + 1
        before = self.text[line_start : p.start]
        return before if pat.fullmatch(before) else ""

    def _attach_labels(self, pieces: list[_Piece]) -> None:
        """A label just before its field ("SUBJECT:" before the subject) becomes part of it."""
        for i in range(1, len(pieces)):
            p = pieces[i]
            pat = g.FIELD_LABELS.get(p.kind)
            if pat is None or p.start != p.body_start:
                continue
            j = i - 1
            while (
                j >= 0
                and pieces[j].kind == "blank"
                and "\n" not in self.text[pieces[j].start : pieces[j].end]
            ):
                j -= 1
            if j < 0 or pieces[j].kind not in ("unparsed", "passing", "trailing", "repeat"):
                continue
            q = pieces[j]
            if pat.fullmatch(self.text, q.start, p.start):
                for k in range(j, i):
                    pieces[k].kind = "absorbed"
                p.start = q.start

    def _continued_fields(self, pieces: list[_Piece]) -> None:
        """A subject cut by a page break goes on after the page-break line (``SUBJECT: ...
        MEETS WITH ZIMBABWE`` / ``PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER``):
        the reader ends the field at the break, so its tail would be a passing line of its own,
        released with the other header lines while the subject is withheld (newcomer 5,
        finding 2). The one line of header text just after the break (on the page header's
        line or the next) follows the field like a repeated line (decided with it by the
        ``repeats`` rule), and the ``recurrences`` rule takes its words as the field's."""
        for i, p in enumerate(pieces):
            if p.kind != "subject":
                continue
            j, breaks = i + 1, 0
            while j < len(pieces) and pieces[j].kind in ("blank", "page_break"):
                breaks += pieces[j].kind == "page_break"
                j += 1
            if not breaks or j >= len(pieces) or pieces[j].kind != "passing":
                return
            tail = pieces[j]
            between = self.text[p.end : tail.start]
            last_break = max(k for k in range(i + 1, j) if pieces[k].kind == "page_break")
            after = self.text[pieces[last_break].end : tail.start]
            if between.count("\n") > 4 or after.count("\n") > 1:
                return
            if "\n" in self.text[tail.start : tail.end].strip():
                return
            tail.kind, tail.follows, tail.continues = "repeat", "subject", True
            return

    # -- merging and naming -----------------------------------------------------------------
    def _merge(self, pieces: list[_Piece]) -> list[_Piece]:
        """Adjacent lines of one kind become one region; white space between them joins it."""
        pieces = [p for p in pieces if p.kind != "absorbed"]
        out: list[_Piece] = []
        for p in pieces:
            if out and self._joins(out, p):
                out[-1].end = p.end
                continue
            out.append(p)
        # White space between two lines of one kind joins them (routing lines over blank
        # lines; unparsed lines only within a block, split at a blank line).
        merged: list[_Piece] = []
        i = 0
        while i < len(out):
            p = out[i]
            if merged and p.kind == "blank" and i + 1 < len(out):
                prev, nxt = merged[-1], out[i + 1]
                gap = self.text[p.start : p.end]
                same = prev.kind == nxt.kind and prev.follows == nxt.follows
                if same and (
                    prev.kind in ("routing", "page_break", "separator")
                    or (prev.kind in ("unparsed", "passing", "trailing") and gap.count("\n") <= 1)
                ):
                    prev.end = nxt.end
                    i += 2
                    continue
            merged.append(p)
            i += 1
        return merged

    @staticmethod
    def _joins(out: list[_Piece], p: _Piece) -> bool:
        last = out[-1]
        if last.end != p.start or last.kind != p.kind:
            return False
        if p.kind == "blank":
            return True
        return p.kind in ("routing", "page_break", "separator") or (
            p.kind in ("unparsed", "passing", "trailing") and last.follows == p.follows
        )

    def _name(self, pieces: list[_Piece]) -> list[Region]:
        counts: dict[str, int] = {}
        seen: set[str] = set()
        labels = paragraph_labels(self.cable.paragraphs)
        out: list[Region] = []
        for p in pieces:
            kind = p.kind
            if kind == "paragraph" and p.paragraph is not None:
                key = f"p{p.paragraph}"
                label = labels[p.paragraph]
                if key in seen:
                    counts[key] = counts.get(key, 1) + 1
                    key = f"{key}:{counts[key]}"
            elif kind in COUNTED:
                counts[kind] = counts.get(kind, 0) + 1
                n = counts[kind]
                key = f"{kind}:{n}"
                label = KIND_LABELS[kind] + (f" {n}" if kind not in ("blank",) else "")
                if kind == "repeat" and p.follows:
                    label = f"Repeated {KIND_LABELS[p.follows].lower()} {n}"
                    if p.continues:
                        label = f"{KIND_LABELS[p.follows]} (continued)"
            else:
                key = kind
                if key in seen:
                    counts[kind] = counts.get(kind, 1) + 1
                    key = f"{kind}:{counts[kind]}"
                label = KIND_LABELS[kind]
            seen.add(key)
            out.append(
                Region(
                    key,
                    kind,
                    label,
                    p.start,
                    p.end,
                    p.body_start,
                    p.follows,
                    p.paragraph,
                    p.continues,
                )
            )
        return out
