"""The cable model: what a cable says, and exactly where in its text it says it.

Every field keeps ``start``/``end`` offsets into ``Cable.text`` (the decoded source with
line endings normalised to ``\\n``), so highlighting, redaction and PDF layout all work from
the same spans and no later layer re-parses the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from workbench.cable.frozen import fill_dict_init

# Levels in the order of the banner vocabulary, lowest first.  LIMITED OFFICIAL USE is a
# State administrative control that sits below CONFIDENTIAL (declassification.md section 2).
LEVELS: tuple[str, ...] = (
    "UNCLASSIFIED",
    "LIMITED OFFICIAL USE",
    "CONFIDENTIAL",
    "SECRET",
    "TOP SECRET",
)


# The classes ``workbench parse`` prints as they are (spans, markings, addressees, paragraphs)
# keep a ``__dict__``, not slots: orjson writes a dataclass from its ``__dict__`` in one pass,
# and from its fields one ``getattr`` at a time when it has slots, twice as slow (a third of
# ``parse``'s JSON time). They are built as fast either way, and stay frozen.
_NO_SLOTS = ("Span", "Classification", "Marking", "Subject", "EOLine", "Addressee", "Paragraph")


def level_rank(level: str | None) -> int:
    """Position of ``level`` in :data:`LEVELS`; -1 for an unknown or missing level."""
    try:
        return LEVELS.index(level) if level else -1
    except ValueError:
        return -1


@dataclass(frozen=True)  # no slots: see _NO_SLOTS
class Span:
    """A piece of the cable text: the text as written and where it stands."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)  # no slots: see _NO_SLOTS
class Classification:
    """The overall classification (banner) read from the cable's classification line."""

    level: str
    controls: tuple[str, ...]
    text: str
    start: int
    end: int


@dataclass(frozen=True)  # no slots: see _NO_SLOTS
class Marking:
    """A portion marking such as ``(C)``, ``(S//NF)`` or the malformed ``C)``."""

    text: str
    level: str | None
    controls: tuple[str, ...]
    start: int
    end: int
    malformed: bool = False


@dataclass(frozen=True, slots=True)
class Downgrade:
    """A downgrading instruction such as ``DNG: CO 10/18/2029``: the cable falls to ``level``
    (here CONFIDENTIAL) on ``date``.  It is never a declassification date."""

    text: str
    level: str | None
    date: date | None
    start: int
    end: int


@dataclass(frozen=True)  # no slots: see _NO_SLOTS
class Subject(Span):
    """The SUBJECT line as written (``text``, after its own portion mark if it has one).

    ``value`` is the subject as read: white space collapsed over wrapped lines and HTML
    entities left in the text (``&#8217;``, ``&amp;``) decoded. ``marking`` is the subject's
    own portion mark (``SUBJECT: (C/NF) WHO WOULD ...``), with its span.
    """

    value: str = ""
    marking: Marking | None = None


@dataclass(frozen=True, slots=True)
class RecordBlock:
    """The metadata block of a partial-extract record (``id:``, ``date:``, ``refid:`` ...).

    ``fields`` are its lines as ``(key, value)`` in order; ``refid`` and ``sent`` are what it
    says the reference ID and the date are (``None`` where unreadable).
    """

    text: str
    start: int
    end: int
    fields: tuple[tuple[str, str], ...]
    refid: str | None
    sent: datetime | None


@dataclass(frozen=True, slots=True)
class Decl:
    """The declassification instruction from the E.O. line.

    ``kind`` is one of: ``date``, ``duration`` (``TWENTY YEARS`` from the cable's date, the
    number in ``years``), ``oadr``, ``mr``, ``x`` (X1..X8 and 1.6X#), ``25x``, ``50x``,
    ``event``, ``gds``, ``xgds``, ``rds``, ``declassified``, ``na``, ``unreadable``, and
    ``downgrade`` (a line that only says when the cable is downgraded).
    ``codes`` holds exemption codes found in it (``X1``, ``25X1``, ``50X1-HUM``, ``XGDS-2``).
    ``downgrade`` is the downgrading instruction written with it, if any.
    """

    text: str
    kind: str
    date: date | None
    codes: tuple[str, ...]
    start: int
    end: int
    years: int | None = None
    downgrade: Downgrade | None = None


@dataclass(frozen=True)  # no slots: see _NO_SLOTS
class EOLine:
    """The ``E.O. 12958: DECL: ...`` line: which order it cites, and its span."""

    text: str
    order: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ClassifiedBy:
    """The classification authority line: who classified and for which reasons."""

    name: str
    reasons: tuple[str, ...]
    text: str
    start: int
    end: int
    reason_section: str | None = None  # "1.4" or "1.5", as written
    bad_letters: tuple[str, ...] = ()  # letters written that no order defines


@dataclass(frozen=True)  # no slots: see _NO_SLOTS
class Addressee:
    """One FM/TO/INFO line: the routed name without routing indicator and precedence."""

    name: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ParaRef:
    """A reference in the text to a paragraph, such as ``see para 4``."""

    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)  # no slots: see _NO_SLOTS
class Paragraph:
    """A paragraph of the body.

    ``number`` is the paragraph's number as the cable means it (the Markdown form's ``14.``
    is paragraph 4), or ``None`` for an unnumbered block. ``index`` is its 1-based position
    among all paragraphs. ``start``/``end`` cover the whole paragraph, label included;
    ``body_start`` is where its text begins after the label and portion marking.
    """

    index: int
    number: int | None
    label: str
    marking: Marking | None
    start: int
    end: int
    body_start: int
    text: str

    @property
    def key(self) -> str:
        """A stable name for the paragraph: its number, or ``#index`` when unnumbered."""
        return str(self.number) if self.number is not None else f"#{self.index}"


@dataclass(frozen=True)
class Cable:
    """A parsed cable. Immutable; ``text`` is the exact decoded source."""

    text: str
    path: str | None = None
    id: str | None = None
    sent: datetime | None = None
    sent_span: Span | None = None
    precedence: str | None = None
    origin: Addressee | None = None
    to: tuple[Addressee, ...] = ()
    info: tuple[Addressee, ...] = ()
    classification: Classification | None = None
    captions: tuple[Span, ...] = ()
    eo: EOLine | None = None
    decl: Decl | None = None
    tags: tuple[str, ...] = ()
    tags_span: Span | None = None
    subject: Subject | None = None
    visitors: tuple[str, ...] = ()  # OVIP (NAME, FIRST) in TAGS: who visits, not a tag
    refs: tuple[Span, ...] = ()
    classified_by: ClassifiedBy | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    signature: Span | None = None
    corrected: Span | None = None  # "C O R R E C T E D C O P Y ..." before the text
    entire_text: Span | None = None  # "CONFIDENTIAL - ENTIRE TEXT." marks every paragraph
    noise: tuple[Span, ...] = ()  # page-break lines and repeated section headers
    body_start: int = 0
    markdown: bool = False  # the Markdown-flattened form, where "¶1." became "11."
    partial_extract: bool = False
    record: RecordBlock | None = None  # a partial extract's own metadata block
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default=())

    @cached_property
    def para_refs(self) -> tuple[ParaRef, ...]:
        """References in the body to its own paragraphs (``see para 4``), found when first
        asked for: ``workbench parse`` never prints them, and finding them was a twentieth
        of its time. (A frozen dataclass keeps a ``__dict__``, where this is cached.)"""
        from workbench.cable.paragraphs import find_para_refs  # (paragraphs imports this)

        return tuple(find_para_refs(self.text, self.body_start, len(self.text)))

    @property
    def level(self) -> str | None:
        return self.classification.level if self.classification else None

    @property
    def is_classified(self) -> bool:
        """True for CONFIDENTIAL and above: levels an E.O. governs."""
        return level_rank(self.level) >= level_rank("CONFIDENTIAL")

    @property
    def origin_date(self) -> date | None:
        """The cable's own date, from which due dates count."""
        return self.sent.date() if self.sent else None

    def paragraph(self, number: int) -> Paragraph | None:
        """The paragraph numbered ``number``, if the cable has one."""
        for p in self.paragraphs:
            if p.number == number:
                return p
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing ``offset``, if any."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None


# The classes built by the thousand in every parse (and Cable, with its 31 fields) set their
# fields faster than a frozen dataclass's own __init__ does (see frozen.py).
for _cls in (Span, Classification, Marking, Subject, EOLine, Addressee, Paragraph, Cable):
    fill_dict_init(_cls)
