"""A candidate person name: a run of tokens with its score, role and the reasons for both.

Every name source of the person detector (prose runs, header lines, name fields, later
mentions) produces these; ``person_source`` turns those at or above ``THRESHOLD`` into
suggestions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.suggest.tokens import Token

THRESHOLD = 0.5  # candidates scoring below this are not suggested


@dataclass
class Candidate:
    tokens: list[Token]
    score: float = 0.0
    role: str = "private"  # official | private
    why: list[str] = field(default_factory=list)
    title: str = ""
    # Sure enough to lend its words to later mentions (coreference): a title, a given
    # name, a header line, or a name of several words; never a lone speaker.
    seed: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end
