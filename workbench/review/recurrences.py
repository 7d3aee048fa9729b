"""The ``recurrences`` rule: text a reviewer withheld is withheld wherever the cable repeats it.

Cables repeat themselves: a later section's header block repeats the subject and the passing
lines (00HARARE6677 repeats them inside paragraphs 5 and 9, where the reader left them), a
first header truncates the subject that a second one gives whole (06CARACAS3688), a name
withheld in one sentence is used again in the next ("Kim Hye-jin" ... "Kim confirmed", the
sample). Withholding one place and printing the other tells the requester what was withheld.

What counts as withheld text (the *sources*), all from the reviewer's own decisions:

* every span redacted, in any region;
* every region withheld in full whose text is short (at most ``SHORT`` characters; a header
  field, a passing line, a signature, a short unparsed block; never a paragraph, whose
  sentences recur as ordinary words), and each of its lines of two words or more;
* of a text shaped like a person's name ("Kim Hye-jin", "AMBASSADOR TOM MCDONALD"), each part
  of three letters or more ("Kim", "MCDONALD"), titles and particles aside.

Each source is looked for through ``find``'s folded view (any case and Unicode form, any white
space, words hyphen-wrapped at line ends, page-break lines between words), as whole words, in
every region a release prints (released, or released in part; by a reviewer or a rule). Each
place found is withheld as a span with its source's codes (a place two sources share, under
both). A subject truncated with "..." is withheld to the end of the line where a copy of it
ends (the copy gives the rest). The rule is named beside each region it changes
(``rule:recurrences``); no decision on a region releases one occurrence inside it, so the rule
gives way only when a reviewer switches it off for the cable, as any rule.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.post_names import REF_ID, de_lines, indicators, post_letters
from workbench.review.regions import Region
from workbench.review.repeat_check import Needles as Needles  # re-exported: the check's
from workbench.review.repeat_check import fold as fold
from workbench.review.repeat_check import needles as needles
from workbench.review.repeat_check import repeats_in as repeats_in
from workbench.review.withheld_names import (
    FUNCTION,
    PARTICLES,
    TITLES,
    address_names,
    handles,
    name_parts,
    names_in_addresses,
    short_parts,
    short_parts_in,
    with_particle,
)
from workbench.review.withheld_names import (
    addresses as addresses,  # re-exported: tests and callers import it from here
)
from workbench.review.withheld_numbers import number_keys, numbers_in

RULE = "recurrences"
_RUN_ON = 120  # characters: how far a copy of a truncated subject may run on to its line end
_NAMED = 3  # regions a repeat's comment names (a word repeated from hundreds is "and N more")
SHORT = 400  # characters: a region withheld in full this short is a source
_MIN_ALNUM = 3
_ENDS = re.compile(r"^[\W_]+|[\W_]+$")
_ELLIPSIS = re.compile(r"(?:\s*(?:\.{2,}|\u2026))+\s*$")


@dataclass(frozen=True)
class Source:
    """Text withheld by a reviewer, and the terms the rule looks for."""

    region: str  # the key of the region it is withheld in
    label: str  # that region, as a sentence names it
    start: int
    end: int
    codes: tuple[str, ...]
    terms: tuple[str, ...]
    truncated: bool = False  # ends in "...": a copy is withheld to its line's end
    # The parts of a withheld name long enough to be looked for inside an e-mail address, a
    # web address or a handle ("antillon" in mantillon@asamblea.go.cr), folded to letters.
    names: tuple[str, ...] = ()
    # Terms cut with "..." (the whole text, and its last line on its own): found also where
    # the cut falls inside a word ("TRANSATLANTIC IS..." in "TRANSATLANTIC ISSUES"), and a
    # copy is withheld to the end of its line, which gives the rest (newcomer 6, finding 15).
    prefixes: tuple[str, ...] = ()
    # The digits of each number in it (a phone number), looked for with any separators.
    numbers: tuple[str, ...] = ()
    # A name's parts of two letters ("Li"), looked for only as a name is written.
    short: tuple[str, ...] = ()


def _alnum(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _clean(text: str) -> tuple[str, bool]:
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    cut = _ELLIPSIS.sub("", text)
    # Punctuation at the ends is not part of what is looked for ("case." is the word "case").
    return _ENDS.sub("", cut), cut != text


def _names_someone(term: str) -> bool:
    """Not titles and small words alone ("Acting", a classifier's line cut off after it)."""
    words = [w.strip(".,;:()'\"").casefold() for w in term.split()]
    return any(w and w not in TITLES | FUNCTION | PARTICLES for w in words)


# A header line's own label ("TAGS:", "SUBJECT:") in a repeated header line or block: the
# label is printed wherever the field is, withheld or not, so it is never a term (withholding
# the word "TAGS" elsewhere would hide nothing, and verify rightly refuses the label then).
_LABEL = re.compile(
    r"^[ \t]*(?:TAGS?|SUBJECT|SUBJ|REFS?|E\.?\s?O\.?(?:\s+\d+)?|CLASSIFIED BY|DECL|"
    r"REASONS?|FM|TO|INFO|PASS(?:ING)?|DERIVED FROM)[ \t]*:[ \t]*",
    re.M | re.I,
)

# The label of the field after a subject, where a copy of a header runs its fields on in one
# line: a truncated subject's copy is withheld up to it, not over it.
_NEXT_LABEL = re.compile(
    r"[ \t]+(?:REFS?|REFERENCES?|CLASSIFIED BY|E\.?\s?O\.?\s+\d+|TAGS|DECL|REASONS?)[ \t]*:",
    re.I,
)


def _run_on(text: str, e: int) -> int:
    """Where a copy of a truncated subject ends, its first words found ending at ``e``: the
    end of that line (not past a next field's label), or of the next line where the cut fell
    at a line's end ("... THE HAGUE ON" / "07/26/2004 (CORRECTED DATE)", 04THEHAGUE1923)."""
    nl = text.find("\n", e, e + _RUN_ON + 1)
    if nl == -1:
        return e
    if not text[e:nl].strip():
        after = text.find("\n", nl + 1, nl + 2 + _RUN_ON)
        line = text[nl + 1 : after] if after != -1 else ""
        if line.strip() and not _LINE_START.match(line):
            e, nl = nl + 1 + len(line) - len(line.lstrip()), after
    label = _NEXT_LABEL.search(text, e, nl)
    return label.start() if label else nl


# A line that is no subject's rest: a field's label ("REF: ...") or a paragraph's number.
_LINE_START = re.compile(r"[ \t]*(?:[A-Z][A-Za-z .]{0,20}:|\u00b6?\d+\.\s)")


def _terms(
    text: str, whole_region: bool, people: Sequence[str] = ()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The terms for ``text``, and those of them cut with "..." (looked for as prefixes)."""
    if whole_region:
        text = _LABEL.sub("", text)
    whole, truncated = _clean(text)
    terms: list[str] = []
    # A truncated text of one word is a word, not the start of a phrase to run on from.
    cut: list[str] = [whole] if truncated and len(whole.split()) >= 2 else []
    if _alnum(whole) >= _MIN_ALNUM and _names_someone(whole):
        terms.append(whole)
    if whole_region and "\n" in text.strip():
        for line in text.splitlines():
            piece, line_cut = _clean(line)
            if len(piece.split()) >= 2 and _alnum(piece) >= 8 and _names_someone(piece):
                terms.append(piece)
                if line_cut:
                    cut.append(piece)
    terms += name_parts(whole, whole_region) + handles(whole, whole_region)
    for person in people:  # the people a withheld passing line names
        terms += [person, *name_parts(person), *handles(person)]
    from workbench.review.text_fold import apostrophe_forms, surname_halves  # newcomer 6

    # "Moreno-Ocampo" is also "Ocampo" and "Moreno" alone (finding 4); "O'Brien" is "O’Brien"
    # to find, and a teletype writes "OBRIEN" or "O BRIEN" (finding 19).
    terms += [h for t in terms for h in surname_halves(t)]
    terms += [f for t in terms for f in apostrophe_forms(t)]
    # "Hye-jin" is found as "Hyejin" and "Hye-\njin"; "Hye jin" too. Accents and HTML
    # entities need no terms of their own: find's folded view sees through them (text_fold).
    terms += [t.replace("-", " ") for t in terms if "-" in t]
    return tuple(dict.fromkeys(terms)), tuple(t for t in dict.fromkeys(cut) if t in terms)


def _word_set(text: str) -> set[str]:
    return {
        w
        for w in re.findall(r"[^\W_]+(?:/[^\W_]+)*", unicodedata.normalize("NFKC", text).casefold())
    }


def _label_words(review: Review) -> set[str]:
    """Words of the cable's labels and marks (``Classified By:``, ``(S/NF)``, ``TAGS:``): they
    print with their regions whatever is decided, so a term made of them alone hides nothing
    and could only be "repeated" where no rule can withhold it (08MANAMA22, 09STATE49854)."""
    text = review.partition.text
    out: set[str] = set()
    for r in review.regions():
        if r.body_start > r.start:
            out |= _word_set(text[r.start : r.body_start])
    return out


def _labels_only(term: str, label_words: set[str]) -> bool:
    found = _word_set(term)
    return bool(found) and found <= label_words


def _people(text: str, region: Region) -> list[str]:
    """The person names in a passing line (``NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH``:
    "GAYLE SMITH"), as ``workbench suggest`` finds them there, and the surname of an addressee
    handle ("JBRENNAN": "BRENNAN"): a withheld passing line withholds these people's names
    elsewhere (newcomer 5, finding 9)."""
    if region.kind != "passing":
        return []
    from workbench.suggest.header_names import _passing_in  # suggest's reading of the lines
    from workbench.suggest.lexicon import lexicon

    lex = lexicon()
    out = []
    for c in _passing_in(text, region.body_start, region.end, lex):
        name = text[c.start : c.end]
        out.append(name)
        low = name.casefold()
        handle = " " not in name and len(low) >= 5 and not lex.is_name(low)
        if handle and not lex.word(low) and lex.last_rank(low[1:]):
            out.append(name[1:])
    return out


def sources(review: Review) -> list[Source]:
    """What the reviewer withheld that the rule looks for elsewhere, in text order."""
    text = review.partition.text
    label_words = _label_words(review)
    # The rest of a field after a page break (``Region.continues``): its words are the field's.
    tails: dict[str, list[Region]] = {}
    for t in review.partition.regions:
        if t.continues and t.follows:
            tails.setdefault(t.follows, []).append(t)
    out: list[Source] = []
    for r in review.regions():
        d = review.decisions.get(r.key)
        if d is None:
            continue
        if d.action == Action.WITHHOLD:
            body = text[r.body_start : r.end]
            for t in tails.get(r.key, ()):
                body += "\n" + text[t.body_start : t.end]
            if r.kind != "paragraph" and len(body.strip()) <= SHORT:
                people = _people(text, r)
                terms, cut = _terms(body, True, people)
                terms = tuple(t for t in terms if not _labels_only(t, label_words))
                cut = tuple(t for t in cut if t in terms)
                names = address_names(_clean(_LABEL.sub("", body))[0], True)
                names += tuple(n for p in people for n in address_names(p))
                if r.kind == "from":
                    terms, names = _post_terms(text, body, terms, names)
                numbers = number_keys(body)
                # A field's own two-letter words are no name ("UN" in a subject); a person
                # a withheld passing line names has them looked for.
                short = tuple(dict.fromkeys(p for person in people for p in short_parts(person)))
                if terms or names or numbers or short:
                    out.append(
                        Source(
                            r.key,
                            r.name,
                            r.body_start,
                            r.end,
                            d.codes,
                            terms,
                            bool(cut),
                            names,
                            cut,
                            numbers,
                            short,
                        )
                    )
            continue
        for s in d.spans:
            piece = text[s.start : s.end]
            terms, cut = _terms(piece, False)
            terms = tuple(t for t in terms if not _labels_only(t, label_words))
            cut = tuple(t for t in cut if t in terms)
            names = address_names(_clean(piece)[0])
            if r.kind == "from":
                terms, names = _post_terms(text, piece, terms, names)
            numbers = number_keys(piece)
            short = tuple(short_parts(_clean(piece)[0]))
            if terms or names or numbers or short:
                out.append(
                    Source(
                        r.key,
                        r.name,
                        s.start,
                        s.end,
                        s.codes,
                        terms,
                        bool(cut),
                        names,
                        cut,
                        numbers,
                        short,
                    )
                )
    return out


def _post_terms(
    text: str, fm: str, terms: tuple[str, ...], names: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A withheld FM line (or part of one) names the post in two more forms (``post_names``):
    its letters inside a reference ID, and the DE line's routing indicator, a word."""
    return (
        tuple(dict.fromkeys(terms + indicators(text))),
        tuple(dict.fromkeys(names + post_letters(fm))),
    )


def find_recurrences(
    review: Review, base: dict[str, Decision], in_addresses: bool = True, suffixes: bool = True
) -> dict[str, tuple[Redaction, ...]]:
    """Per region key, the spans the rule withholds in it (none where it adds nothing).

    ``base`` is each region's decision before this rule (a reviewer's or another rule's).
    ``in_addresses`` and ``suffixes`` off give the rule as it was before names were looked for
    inside addresses and with plain suffixes (``benchmarks/recurrences_names.py`` compares)."""
    from workbench.review.find import find_everywhere

    found_in = sources(review)
    if not found_in:
        return {}
    part = review.partition
    text = part.text
    hits = find_everywhere(
        text,
        [t for s in found_in for t in s.terms],
        suffixes=suffixes,
        prefixes={t for s in found_in for t in s.prefixes},
    )
    # Sources grouped by term (and whether a copy runs on to its line end): each hit is then
    # placed once per group, not once per source, so many sources sharing words (a cable of
    # thousands of short withheld blocks) cost hits + sources, not hits x sources.
    groups: dict[tuple[str, bool], list[Source]] = defaultdict(list)
    for src in found_in:
        for term in src.terms:
            groups[(term, term in src.prefixes)].append(src)
    by_start = sorted(found_in, key=lambda src: src.start)
    starts = [src.start for src in by_start]
    places: dict[tuple[int, int], tuple[tuple[str, ...], list[str]]] = {}
    in_routing: set[tuple[int, int]] = set()

    def place(
        found: list[tuple[int, int, str]], by_key: dict[str, list[Source]]
    ) -> set[tuple[int, int]]:
        """Each place found for a key of ``by_key``, under its sources' codes; outside every
        source (a source's own text is withheld already)."""
        placed: set[tuple[int, int]] = set()
        for s, e, key in found:
            i = bisect_right(starts, s) - 1
            if i >= 0 and e <= by_start[i].end:
                continue
            srcs = by_key[key]
            codes, labels = places.get((s, e), ((), []))
            codes = tuple(dict.fromkeys(codes + tuple(c for src in srcs for c in src.codes)))
            places[(s, e)] = (codes, [*labels, *(src.label for src in srcs)])
            placed.add((s, e))
        return placed

    named: dict[str, list[Source]] = defaultdict(list)
    numbered: dict[str, list[Source]] = defaultdict(list)
    shorts: dict[str, list[Source]] = defaultdict(list)
    for src in found_in:
        for name in src.names if in_addresses else ():
            named[name].append(src)
        for number in src.numbers:
            numbered[number].append(src)
        for short in src.short:
            shorts[short].append(src)
    # A withheld name inside an address withholds the address (newcomer 4, finding 2).
    in_address = place(names_in_addresses(text, named) if named else [], named)
    # A withheld number written with other separators ("506.280.7776"; newcomer 5, #17).
    in_number = place(numbers_in(text, numbered) if numbered else [], numbered)
    # A two-letter part of a withheld name ("Li") where it is written as the name's word.
    place(short_parts_in(text, shorts) if shorts else [], shorts)
    origin = [src for src in found_in if src.region == "from"]
    for s, e, _ri in de_lines(text) if origin else ():
        # A copy of the DE line (the mirrors' "header:" block in a paragraph): withheld whole
        # with the FM line, as the header's own routing lines are (``repeats.origin_rule``).
        codes, labels = places.get((s, e), ((), []))
        codes = tuple(dict.fromkeys(codes + tuple(c for src in origin for c in src.codes)))
        places[(s, e)] = (codes, [*labels, origin[0].label])
        in_routing.add((s, e))
    for (term, runs_on), srcs in groups.items():
        codes_all = tuple(dict.fromkeys(c for src in srcs for c in src.codes))
        labels_all = list(dict.fromkeys(src.label for src in srcs))
        for s, e in hits.get(term, []):
            # "the van [box] murder" tells a Dutch name: the particle goes with the part,
            # also where the part itself is withheld already (a reviewer's "Gogh").
            s = with_particle(text, s, 0)
            # Inside any source (itself or another withheld text), or a DE line withheld
            # whole already (its routing indicator is a term): nothing to add there.
            i = bisect_right(starts, s) - 1
            if i >= 0 and e <= by_start[i].end:
                continue
            if any(a <= s and e <= z for a, z in in_routing):
                continue
            if runs_on:
                # The rest of the copy's line, when it is a line (not a whole paragraph
                # typed as one line), up to the next field's label where a header copy runs
                # the fields on in one line ("... IN GEORGIA REF: A. KYIV 1546", 08WARSAW947).
                e = _run_on(text, e)
            codes, labels = places.get((s, e), ((), []))
            places[(s, e)] = (tuple(dict.fromkeys(codes + codes_all)), [*labels, *labels_all])
    out: dict[str, list[Redaction]] = defaultdict(list)
    for (s, e), (codes, labels) in sorted(places.items()):
        for r in part.overlapping(s, e):
            d = base.get(r.key)
            if d is None or d.action not in (Action.RELEASE, Action.PARTIAL):
                continue
            cs, ce = _clip(text, r, s, e)
            if cs >= ce or any(x.start <= cs and ce <= x.end for x in d.spans):
                continue
            shown = list(dict.fromkeys(labels))
            what = ", ".join(shown[:_NAMED])
            if len(shown) > _NAMED:
                what += f" and {len(shown) - _NAMED} more"
            if (s, e) in in_routing:
                what += " (a routing line naming the post)"
            elif (s, e) in in_address:
                inside = "a reference ID" if REF_ID.fullmatch(text, s, e) else "an address"
                what += f" (a name inside {inside})"
            elif (s, e) in in_number:
                what += " (the same number)"
            out[r.key].append(Redaction(cs, ce, codes, f"repeats text withheld in {what}"))
    return {k: tuple(v) for k, v in out.items()}


def _clip(text: str, region: Region, s: int, e: int) -> tuple[int, int]:
    s, e = max(s, region.body_start), min(e, region.end)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
