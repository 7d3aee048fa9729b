"""The forms a withheld person's name takes elsewhere in a cable, which the ``recurrences``
rule withholds and ``verify`` looks for (see ``recurrences``).

A name ("Kim Hye-jin", "Donald A. Blome") is repeated as:

* each of its parts of three letters or more ("Kim", "Blome"), titles and particles aside, in
  a name of any length ("Ahmed Magdy Abdelwahid Khedr Ahmed": newcomer 5, finding 29a);
* an addressee handle or initials-and-surname token, State's ``NSC FOR JBRENNAN`` and "We
  (DBLOME)": the given names' initials before a part of four letters or more, unless that
  token is an English word ("Tom Ravel" is no reason to withhold "travel"; finding 18);
* inside an e-mail address, web address, handle or reference ID: a part of four letters or
  more anywhere in it (``mantillon@asamblea.go.cr``, ``06CARACAS3688`` with the FM line
  withheld), a part of three ("Kim", "Lee", "Yun") as a piece of an e-mail's local part or of a
  handle, alone or next to the initials of the name's other parts (``kimhj@``, ``hj.kim@``;
  finding 17); a three-letter part anywhere would be too many addresses ("kim" in "kimchi").

The particle before a part ("van Gogh", "de Gooijer", "al-Assad") goes with it where the rule
withholds it (:func:`with_particle`, finding 31): "the van [box] murder" says a Dutch name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from workbench.review.post_names import reference_ids
from workbench.review.text_fold import fold_letters

TITLES = frozenset(
    re.findall(
        r"\S+",
        """mr mrs ms dr amb ambassador minister ministers vice deputy assistant under secretary
    president prime acting political economic counselor counsellor charge d'affaires chief
    director senior general colonel col lt admiral adm captain capt major gen dcm poloff
    econoff pol econ a/s das dasd consul attache officer head advisor adviser special envoy
    representative senator congressman rep sen governor mayor judge mission embassy""",
    )
)
PARTICLES = {"de", "den", "der", "van", "von", "da", "di", "du", "la", "le", "al", "el", "bin"}
FUNCTION = {"and", "of", "the", "for", "to", "in", "on", "at", "with", "from", "by", "or"}
# An Arabic article or patronymic joined to the name by a hyphen: "al-Assad", "bin-Laden".
_JOINED_PARTICLE = re.compile(r"(?i)(?:al|el|ad|ar|as|an|at|ash|bin|ibn|abu)-(?=\w)")
# Particles written before a part, as whole words: the rule withholds them with it. Not "das"
# (a Deputy Assistant Secretary, "DAS Williams") nor "ten" (a number).
_BEFORE = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:van|von|de|der|den|da|dos|di|du|del|della|la|le|ter|zu|"
    r"bin|ibn|bint|abu|al|el)\s+)+$|(?<![^\W\d_])(?:al|el|ad|ar|as|an|at|ash|bin|ibn|abu)-$"
)


def _words(text: str) -> list[str]:
    return [w for w in (w.strip(".,;:()'\"") for w in text.split()) if w]


def name_parts(text: str, field: bool = False) -> list[str]:
    """The parts of a text shaped like a person's name, each of which names the person:
    ``Kim Hye-jin`` -> ``["Kim", "Hye-jin"]``; ``[]`` for anything else (a phrase, an office,
    a sentence: "Disarmament and Nonproliferation Division"). Parts of two letters ("Li") are
    :func:`short_parts`.

    A span a reviewer selected may be a name of any length; a ``field`` withheld whole (a
    subject, a passing line) is a name only when short, of at most four parts (a subject
    "NORTH KOREA NUCLEAR TALKS UPDATE" has no function word, and its words are no name)."""
    return [w for w in _name_words(text, field) if sum(ch.isalpha() for ch in w) >= 3]


def _name_words(text: str, field: bool) -> list[str]:
    words = _words(text)
    if not words or (field and len(text) > 60) or any(ch.isdigit() for ch in text):
        return []
    rest = []
    for w in words:
        low = w.casefold()
        if low in FUNCTION:
            return []
        if low in TITLES or low in PARTICLES or re.fullmatch(r"[^\W\d_]\.?", w):
            continue
        w = _JOINED_PARTICLE.sub("", w, count=1) if _JOINED_PARTICLE.match(w) else w
        if not w[0].isupper():
            return []
        rest.append(w)
    # Over four parts, a name is one run of words: "Peter Martin, CDA, Vatican, State." (a
    # Classified By line selected whole) is a list, and "State" no part of a name.
    if not rest or (len(rest) > 4 and (field or re.search(r"[,;/]", text))):
        return []
    return rest


def _given_initials(text: str) -> list[str]:
    """The first letter of each word of a name that is no title or particle, folded."""
    out = []
    for w in _words(text):
        if w.casefold() in TITLES or w.casefold() in PARTICLES:
            continue
        letters = address_letters(_JOINED_PARTICLE.sub("", w, count=1))
        if letters[:1].isalpha():
            out.append(letters[0])
    return out


def handles(text: str, field: bool = False) -> list[str]:
    """The initials-and-surname tokens of a name: "John Brennan" -> ``["jbrennan"]``, "Donald
    A. Blome" -> ``["dblome", "dablome"]``; none that is an English word."""
    parts = name_parts(text, field)
    if len(_words(text)) < 2 or not parts:
        return []
    from workbench.suggest.lexicon import lexicon  # the word list suggest reads names with

    lex = lexicon()
    initials = _given_initials(text)
    out: list[str] = []
    for part in parts:
        letters = address_letters(part)
        if len(letters) < 4 or not letters.isalpha():
            continue
        # The initials of the words before this part (the given names), and the first alone.
        before = initials[: _position(text, part)]
        if not before:
            continue  # the given name itself
        for prefix in dict.fromkeys((before[0], "".join(before[:2]), "".join(before))):
            if prefix and len(prefix) <= 3 and not lex.word(prefix + letters):
                out.append(prefix + letters)
    return list(dict.fromkeys(out))


def _position(text: str, part: str) -> int:
    """How many initialled words of ``text`` come before ``part``."""
    n = 0
    for w in _words(text):
        if w == part or _JOINED_PARTICLE.sub("", w, count=1) == part:
            return n
        if w.casefold() not in TITLES and w.casefold() not in PARTICLES:
            n += 1
    return n


# A withheld piece that begins with a particle ("van Gogh", "al-Assad"): verify's check that
# the particle is not printed beside the box (``verify._check_released``).
_PARTICLE_FIRST = re.compile(
    r"(?i)(van|von|de|der|den|da|dos|di|du|del|della|la|le|ter|zu|bin|ibn|bint|abu|al|el)"
    r"(?:\s+|-)(?=[^\W\d_])"
)


def leading_particle(text: str) -> str | None:
    """The particle a withheld piece begins with ("van Gogh" -> "van"), folded; None if none."""
    m = _PARTICLE_FIRST.match(text)
    return m.group(1).casefold() if m else None


def with_particle(text: str, start: int, lo: int) -> int:
    """Where a withheld part at ``start`` begins with the particles written before it ("van
    Gogh", "de Gooijer", "al-Assad"), not before ``lo``."""
    m = _BEFORE.search(text, max(lo, start - 40), start)
    return m.start() if m else start


_IN_ADDRESS = 4  # letters: a name part this long is looked for anywhere inside addresses
# An e-mail address, a web address, a handle: a name inside one is the name (mantillon@...).
ADDRESS = re.compile(
    r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://|www\.)[^\s<>\"()]+"
    r"|(?<![\w@.])@\w{3,}"
)
_ADDRESS_END = ".,;:!?'\"-"


def address_letters(text: str) -> str:
    """Letters and digits of ``text``, folded: how a name is compared inside an address."""
    return "".join(ch for ch in fold_letters(text) if ch.isalnum())


def addresses(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Where ``text[lo:hi]`` holds an e-mail address, a web address or a handle."""
    out = []
    for m in ADDRESS.finditer(text, lo, len(text) if hi is None else hi):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in _ADDRESS_END:
            e -= 1  # the sentence's full stop after an address is not part of it
        if e > s:
            out.append((s, e))
    return out


def names_in_addresses(
    text: str, names: Mapping[str, object], lo: int = 0, hi: int | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, name) for each address or reference ID (``06CARACAS3688``) in ``text``
    that holds one of ``names`` (folded letters, as :func:`address_letters` makes them; a
    three-letter part as ``part:initials``, :func:`_short_name_in`)."""
    out = []
    for s, e in sorted(addresses(text, lo, hi) + reference_ids(text, lo, hi)):
        letters = address_letters(text[s:e])
        for name in names:
            short, colon, initials = name.partition(":")
            if _short_name_in(text[s:e], short, initials) if colon else name in letters:
                out.append((s, e, name))
    return out


def _short_name_in(address: str, part: str, initials: str) -> bool:
    """Whether a three-letter name part is a piece of an e-mail's local part or of a handle
    (``hj.kim@``, ``kim_hj@``, ``kim2007@``, ``@kim``), alone or beside a prefix of the other
    parts' initials (``kimhj@``, ``hjkim@``, ``kimh@``; newcomer 5, finding 17). Anywhere else
    three letters are inside too many words to mean the name (``kimberly@``, ``akimbo@``,
    ``www.kimchi.kr``)."""
    if "@" not in address:
        return False
    local = address.lstrip("@").split("@", 1)[0]  # an e-mail's local part, or a handle
    beside = {""} | {initials[:n] for n in range(1, len(initials) + 1)}
    for piece in re.split(r"[._+\-']+", local):
        letters = "".join(ch for ch in address_letters(piece) if ch.isalpha())
        if any(letters in (part + i, i + part) for i in beside):
            return True
    return False


def address_names(whole: str, field: bool = False) -> tuple[str, ...]:
    """The parts of a withheld name looked for inside addresses: each of four letters or more
    anywhere in one; one of three letters (Kim, Lee, Yun) as ``part:initials`` (``kim:hj``),
    found only as a piece of an e-mail's local part or a handle (:func:`_short_name_in`)."""
    parts = name_parts(whole, field)
    out = []
    for i, part in enumerate(parts):
        letters = address_letters(part)
        alpha = sum(ch.isalpha() for ch in letters)
        if alpha >= _IN_ADDRESS:
            out.append(letters)
        elif alpha == 3 and letters.isalpha():
            others = [w for j, w in enumerate(parts) if j != i]
            initials = "".join(x[0] for w in others for x in re.split(r"[-\u2010\u2011']", w) if x)
            out.append(f"{letters}:{address_letters(initials)}")
    return tuple(dict.fromkeys(out))


# -- two-letter parts (Li, Wu, Ng, Oh) ---------------------------------------------------
# Not a surname, though two letters and capitalised: suffixes and numerals of a name.
_NOT_SURNAMES = {"jr", "sr", "st", "ii", "iv", "vi", "ix", "xi", "xv", "xx"}
# Words before a surname that say a person follows: "Mr. Oh", "FM LI", "Minister An".
_BEFORE_SURNAME = {"mr", "mrs", "ms", "dr", "prof", "fm", "dfm", "vfm", "vm", "pm", "dpm"}
# A portion marking ending a paragraph's number: what follows starts a sentence.
_PORTION_END = re.compile(r"\(\s*[A-Z][A-Z/ ]{0,12}\)\s*$")
_SENTENCE_END = ".!?:;\"'\u201c\u201d\u2018\u2019(["


def short_parts(text: str) -> list[str]:
    """The two-letter parts of a name ("Li Zhaoxing" -> ``["Li"]``, "OH JOON" -> ``["OH"]``),
    which :func:`name_parts` leaves out: two letters are inside too many words to look for as
    letters, so they are looked for only as the name is written (:func:`short_parts_in`)."""
    words = _name_words(text, False)
    # A part in capitals is a surname where the name is written in capitals ("LI ZHAOXING");
    # in a name in mixed case, or alone, it is an abbreviation ("CA FO", "PG", "UK").
    in_capitals = any(len(w) > 2 and w.isupper() for w in words)
    return [
        w
        for w in words
        if len(w) == 2
        and w.isalpha()
        and w.casefold() not in _NOT_SURNAMES
        and (not w.isupper() or in_capitals)
    ]


def _sentence_start(text: str, s: int, lo: int) -> bool:
    """Whether the word at ``text[s]`` starts a sentence (or a line of a heading, a list)."""
    i = s
    while i > lo and text[i - 1] in " \t":
        i -= 1
    if i <= lo:
        return True
    if text[i - 1] == "\n":
        j = i - 1
        while j > lo and text[j - 1] in " \t":
            j -= 1
        if j <= lo or text[j - 1] == "\n":
            return True  # a paragraph's or a block's first word
        i = j  # a wrapped line: the sentence goes on from the line before
    c = text[i - 1]
    if c == ")":
        return _PORTION_END.search(text, max(lo, i - 16), i) is not None
    if c == ".":
        word = re.search(r"([^\W\d_]+)\.$", text[max(lo, i - 8) : i])
        return not (word and word.group(1).casefold() in _BEFORE_SURNAME | TITLES)
    return c in _SENTENCE_END or (c == "-" and text[i - 2 : i] == "--")


def _after_title(text: str, s: int, lo: int) -> bool:
    m = re.search(r"([^\W\d_]+)\.?\s+$", text[max(lo, s - 24) : s])
    return m is not None and m.group(1).casefold() in _BEFORE_SURNAME | TITLES


# A sentence's verb after its subject: "Oh said", "AN TOLD": the word is the person.
_SPEAKS = re.compile(
    r"[ \t]+(?:said|says|told|tells|noted|notes|added|adds|agreed|stated|explained|asked|"
    r"replied|responded|confirmed|emphasi[sz]ed|stressed|commented|expressed|indicated|"
    r"argued|claimed|suggested|reported|insisted|urged|acknowledged|complained|warned)\b",
    re.I,
)


def short_parts_in(
    text: str,
    parts: Mapping[str, object],
    lo: int = 0,
    hi: int | None = None,
    printed: bool = False,
) -> list[tuple[int, int, str]]:
    """(start, end, part) for each place ``text[lo:hi]`` writes a two-letter name part as the
    name's own word, where a reader takes it for the person:

    * capitalised, "Li" (not "li", nor inside "Lima" or "Li-ion"): anywhere; for a part that
      is a common English word ("Oh", "An", "No", "So") not where it starts a sentence ("An
      official said"), unless a verb of saying follows ("Oh said"), nor before a number ("No.
      5");
    * in capitals, "LI": after a title ("MR. OH", "FM LI", "Minister AN"); on a line written
      in capitals (a teletype cable's), anywhere for a part that is no common English word
      ("LI ADDED"), before a verb of saying for one that is ("OH SAID"); elsewhere on a line in
      mixed case capitals are an abbreviation ("The AG stated", "LI", "TA").

    ``printed`` (verify's check of a release's rows, which are not the source's lines): a
    part in capitals only after a title, so that a row the release wraps differently from
    the source's line never finds what the rule rightly left (a capitals-only row of a line
    in mixed case).
    """
    out: list[tuple[int, int, str]] = []
    if not parts:
        return out
    from workbench.suggest.lexicon import lexicon

    lex = lexicon()
    hi = len(text) if hi is None else hi
    for part in parts:
        common = lex.common(part.casefold())
        title, upper = part[0].upper() + part[1].lower(), part.upper()
        forms = f"{re.escape(title)}|{re.escape(upper)}"
        pattern = re.compile(rf"(?<![^\W_])(?:{forms})(?![^\W_])(?!-[^\W\d_])")
        for m in pattern.finditer(text, lo, hi):
            s, e = m.span()
            capitalised = m.group() == title
            if printed and not capitalised:
                found = _after_title(text, s, lo)
            else:
                found = _names_the_person(text, s, e, lo, hi, capitalised, common)
            if found:
                out.append((s, e, part))
    return sorted(out)


def _names_the_person(
    text: str, s: int, e: int, lo: int, hi: int, capitalised: bool, common: bool
) -> bool:
    if _after_title(text, s, lo):
        return True
    if capitalised:
        if not common or _SPEAKS.match(text, e, hi):
            return True
        return not _sentence_start(text, s, lo) and not re.match(r"\.?\s*\d", text[e : e + 3])
    line_start = max(lo, text.rfind("\n", lo, s) + 1)
    line_end = text.find("\n", e, hi)
    if any(ch.islower() for ch in text[line_start : hi if line_end == -1 else line_end]):
        return False  # capitals in mixed text: an abbreviation ("The AG stated")
    return not common or _SPEAKS.match(text, e, hi) is not None
