"""Which files of a check hold the same text: a cable's words, whatever form it comes in.

A copy of a cable (its Markdown form, its CRLF or Windows-1252 form, the same file in two
boxes) is counted once; a file with the same reference ID but another text (a corrected copy
with another DECL line, a draft beside the record) is a record of its own and is counted
(newcomer 5, finding 37: it vanished from the counts). The two are told apart by the SHA-256
of the cable's words: the decoded text with its paragraph labels (``¶1.``, the Markdown
form's ``11.``) read as the paragraph numbers the reader found in them, with the Markdown form's tag links (``[MOPS](#)``) read as their words, and
its words joined by one space (so line ends and wrapping do not count). The corpus's 149
variants each have their original's fingerprint, and its 2,002 cables 2,002 fingerprints
(tests/batch/test_summary_copies.py).
"""

from __future__ import annotations

import hashlib
import re

from workbench.cable.model import Cable

_LINK = re.compile(r"\[([^\]\n]*)\]\(#?\)")
_PILCROW_LABEL = re.compile(r"^[ \t]*¶[ \t]*\d+[.)]?", re.M)
_FLAT_LABEL = re.compile(r"^[ \t]*1\d+\.", re.M)  # the Markdown form's ¶N. (``11.`` is ¶1.)
_WORD = re.compile(r"\w+")


def text_sha256(cable: Cable) -> str:
    """The fingerprint of ``cable``'s text (hex SHA-256 of its words)."""
    text = cable.text
    pieces, at = [], 0
    for p in cable.paragraphs:  # the labels the reader found, in whichever form, as numbers
        marking = p.marking.text if p.marking else ""
        pieces += [text[at : p.start], f" {p.number} {marking} "]
        at = p.body_start
    text = "".join(pieces) + text[at:]
    if cable.markdown:
        text = _FLAT_LABEL.sub(" ", _LINK.sub(r"\1", text))
    text = _PILCROW_LABEL.sub(" ", text)
    return hashlib.sha256(" ".join(_WORD.findall(text)).encode("utf-8")).hexdigest()
