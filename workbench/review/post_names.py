"""Where a cable names its post inside a token, outside the words of its FM line (newcomer 5,
finding 1).

With the FM line withheld, the routing lines, the classification line and page-break headers
are withheld with it (``repeats.origin_rule``) and the release is not named by the cable's ID.
Two more places name the post, and a reviewer releasing a paragraph of boilerplate does not
read them as names:

* a *reference ID*, the compact form the mirrors' metadata lines and cross-references use
  (``refid: 06CARACAS3688``, ``destination: 06CARACAS3557``): the post is inside one token, so
  no search for the word ``CARACAS`` finds it (139 of the 2,002 corpus cables hold their own
  post so outside the header);
* a copy of the header's *DE line* (``DE RUEHCV #3688/01 3611713``, the mirrors' ``header:``
  block in a paragraph): the routing indicator ``RUEHCV`` is the post's.

The ``recurrences`` rule withholds both while the FM line is withheld (in full or in part): a
reference ID holding a withheld name whole, as it withholds an address holding one; a DE line
whole, and its routing indicator wherever else it is printed. ``verify`` looks for both
(``recurrences.repeats_in``).
"""

from __future__ import annotations

import re

from workbench.review.repeats import post_words

# Two digits of the year, the post's letters, the serial: ``06CARACAS3688``, ``08STATE77144``
# (a mirror's ``_a`` suffix is outside the token: ``_`` ends it).
REF_ID = re.compile(r"(?<![^\W_])\d{2}[^\W\d_]{2,}\d{1,7}(?![^\W_])")
# The DE line of a routing header, wherever it is printed (a copy may run on into text).
DE_LINE = re.compile(
    r"(?<![^\W_])DE[ \t]+(R[A-Z0-9]{4,6})[ \t]+#\d{3,5}(?:/\d{2})?(?:[ \t]+\d{7})?"
)
_MIN_LETTERS = 4  # as a name part inside an address: shorter is found in too many tokens
# FM words that are the post under another name in its reference IDs.
_ALIASES = {"SECSTATE": "STATE"}


def reference_ids(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Where ``text[lo:hi]`` holds a reference-ID token."""
    return [m.span() for m in REF_ID.finditer(text, lo, len(text) if hi is None else hi)]


def de_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, routing indicator) of each DE line in ``text``."""
    return [(m.start(), m.end(), m.group(1)) for m in DE_LINE.finditer(text)]


def post_letters(fm: str) -> tuple[str, ...]:
    """The post of an FM line as a reference ID spells it, folded to letters: ``AMEMBASSY THE
    HAGUE`` -> ``thehague`` (``04THEHAGUE3333``) and ``hague``; ``SECSTATE WASHDC`` ->
    ``state`` too."""
    aliases = [_ALIASES[w] for w in re.findall(r"[A-Z]+", fm.upper()) if w in _ALIASES]
    words = [w.replace("'", "").replace("-", "") for w in post_words(fm)]
    out = ["".join(words).casefold(), *(w.casefold() for w in words + aliases)]
    return tuple(dict.fromkeys(w for w in out if len(w) >= _MIN_LETTERS))


def indicators(text: str) -> tuple[str, ...]:
    """The routing indicators of the cable's DE lines (``RUEHCV``): each names the post."""
    return tuple(dict.fromkeys(ri for _s, _e, ri in de_lines(text)))
