"""The window's controller: the open cable, its review, the current region, the last codes.

``ReviewController`` is the one place a reviewer's action changes the review. Its methods take
explicit arguments (``QAction.triggered`` passes ``checked``, so nothing here is connected
directly); it applies Qt-free review commands at once, stacks them for undo and queues them on
a :class:`StoreWriter` (``store_link``), which saves them on a worker thread. Views follow the
signals below; they never read the store or change the review.

Questions to the user go through the injected ``confirm(text) -> bool``, so the window asks
with a message box and a test answers with a lambda.

The unit the reviewer moves through is a region of the review's partition (issue 11: the
routing lines, each header field, each paragraph, passing lines, unparsed text...), addressed by
its key (``routing``, ``subject``, ``p3``, ``passing:1``). The review rules (what a selection
redacts, what un-redacting releases) are the Qt-free commands of ``workbench.review.commands``.

Each cable opened keeps its review and undo history until the window closes (``sessions``), so
:meth:`execute_on` can change a cable not shown (find and redact) as a step of its own history.
Where a key moves the reviewer is ``region_walk``'s (Qt-free).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from workbench.cable.model import Cable
from workbench.gui import region_walk, selection
from workbench.gui.sessions import Session, Sessions
from workbench.gui.store_link import StoreLink
from workbench.gui.store_writer import StoreWriter, review_key
from workbench.gui.undo import ReviewUndoCommand, undo_text
from workbench.review import commands as rc
from workbench.review.model import Action, Decision, Review, ReviewError, Withholding
from workbench.review.regions import Region, partition
from workbench.review.store_api import ReviewStore
from workbench.suggest.model import Suggestion

Confirm = Callable[[str], bool]


class ReviewController(QObject):
    cableOpened = Signal()  # a new cable (or a new review of it): views reload everything
    decisionsChanged = Signal(list)  # keys of the open cable's regions whose decision changed
    currentChanged = Signal(str)  # the current region's key ("": none)
    lastCodesChanged = Signal()
    saveStatus = Signal(int, str)  # writes not yet committed, and why the first fails ("")
    progressChanged = Signal(str, int, int)  # review id, regions decided, regions
    failed = Signal(str)  # one sentence for the user
    # No reviewer's name yet: a slot connected here may ask for it (and set ``reviewer``)
    # before the change goes on; without a name nothing is decided.
    reviewerNeeded = Signal()

    def __init__(
        self,
        store: str,
        reviewer: str,
        confirm: Confirm,
        default_codes: Sequence[str] = ("(b)(1)",),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store_spec = store  # a SQLite file or a team's postgresql:// URL (issue 17)
        self.reviewer = reviewer
        self.confirm = confirm
        self.cable: Cable | None = None
        self.review: Review | None = None  # None: read-only (no review could be loaded)
        self.regions: list[Region] = []  # what the reviewer moves through, in text order
        self.current: Region | None = None
        # Whole paragraphs and selected words usually take different codes ((b)(1) 1.4(d) for
        # a paragraph, (b)(6) for a name): each remembers its own last choice.
        self.last_codes: list[str] = list(default_codes) or ["(b)(1)"]
        self.last_span_codes: list[str] = list(self.last_codes)
        self.flagged: Callable[[], Sequence[Suggestion]] = tuple  # the window's suggestions
        self._sessions = Sessions(self)
        self._key = ""  # the open review's session key
        self._link = StoreLink(store, confirm, self)
        self._link.saveStatus.connect(self.saveStatus)
        self._link.failed.connect(self.failed)
        self._link.conflicted.connect(self._on_conflict)
        self._next_id = 0

    # -- the store ---------------------------------------------------------------------------
    def store(self) -> ReviewStore | None:
        """The store for reading on this thread (a WAL read never waits for a writer)."""
        reader, self.reviewer = self._link.reader_as(self.reviewer)
        return reader

    def writer(self) -> StoreWriter:
        return self._link.writer()

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until every queued write is in the store; True if it is (for tests and
        tools that read the store from outside; the window itself never waits)."""
        return self._link.flush(timeout_s)

    @property
    def unsaved(self) -> int:
        return self._link.unsaved

    def close(self, wait_s: float = 5.0) -> bool:
        """Save what is queued and end the worker (asks before dropping failing writes)."""
        return self._link.close(wait_s)

    @property
    def undo_stack(self) -> QUndoStack:
        """The open cable's history (what Edit > Undo acts on)."""
        return self._sessions.active_stack

    @property
    def undo_group(self) -> QUndoGroup:
        """One history per cable opened here; its undo/redo actions follow the open one."""
        return self._sessions.group

    def _on_conflict(self, key: str, message: str) -> None:
        """Another reviewer changed what a queued change touched: it was not saved, and the
        review is read again so the window shows what the store now holds."""
        self.failed.emit(message)
        self._sessions.forget(key)
        if key == self._key and self.cable is not None:
            current = self.current.key if self.current else ""
            self._key = ""
            self.open(self.cable)
            self.go_to(current)

    # -- opening -----------------------------------------------------------------------------
    def session(self, cable: Cable) -> Session | None:
        """The cable's session: the window's own review while writes are queued (they are its
        latest changes) or when the store holds the same decisions; else read from the store
        with a fresh history. None (and a sentence) if it cannot be read."""
        old = self._sessions.of(cable)
        if old is not None and (self.unsaved or self.store() is None):
            return old
        store = self.store()
        if store is None:
            return None
        try:
            s = self._sessions.load(cable, store)
        except ReviewError as exc:
            self.failed.emit(f"{str(exc).rstrip('.')}. The cable is shown read-only.")
            return None
        self.writer().open(s.review)
        return s

    def open(self, cable: Cable) -> None:
        """Show ``cable`` with its saved review; if that cannot be loaded, read-only."""
        s = self.session(cable)
        self.cable = cable
        self._begin(s)

    def _begin(self, s: Session | None) -> None:
        """Review the open cable in session ``s`` (None: read-only)."""
        self.review = s.review if s is not None else None
        self._key = review_key(s.review) if s is not None else ""
        self._sessions.activate(s)
        if s is not None:
            self.regions = s.review.regions()
        elif self.cable is not None:
            self.regions = partition(self.cable).decidable()
        else:
            self.regions = []
        self.current = None
        self.cableOpened.emit()
        first = region_walk.first_place(self.regions, self.review)
        if first is not None:
            self.go_to(first.key)
        else:
            self.currentChanged.emit("")
        self._emit_progress(self.review)

    def start_over(self) -> bool:
        """Discard the cable's decisions (the store's audit log keeps them) after asking."""
        cable = self.cable
        if cable is None or self.store() is None:
            return False
        if not self.confirm(
            f"Discard every decision on {cable.id or 'this cable'} and review it again? "
            "The old decisions stay in the store's audit log."
        ):
            return False
        # Also for a cable shown read-only (its saved review no longer fits its text).
        s = self._sessions.new(cable, Review.for_cable(cable))
        self.writer().start_over(review_key(s.review), cable, self.reviewer)
        self._begin(s)
        return True

    # -- moving ------------------------------------------------------------------------------
    def position(self) -> int:
        """The current region's place in ``regions`` (-1: none)."""
        return region_walk.index_of(self.regions, self.current.key if self.current else None)

    def go_to(self, key: str) -> None:
        region = next((r for r in self.regions if r.key == key), None)
        if region is None or region is self.current:
            return
        self.current = region
        self.currentChanged.emit(key)

    def step(self, by: int) -> None:
        to = region_walk.stepped(self.regions, self.current.key if self.current else None, by)
        if to is not None:
            self.go_to(to.key)

    def go_first(self) -> None:
        if self.regions:
            self.go_to(self.regions[0].key)

    def go_last(self) -> None:
        if self.regions:
            self.go_to(self.regions[-1].key)

    def next_undecided(self) -> bool:
        """Go to the next region not decided (by the reviewer or a rule), wrapping round;
        False if none is left."""
        if self.review is None:
            return False
        key = self.current.key if self.current else None
        to = region_walk.next_undecided(self.review, self.regions, key)
        if to is not None:
            self.go_to(to.key)
        return to is not None

    # -- deciding ----------------------------------------------------------------------------
    def release(self) -> bool:
        p = self.current
        if p is None or not self._execute(lambda: rc.release(p, self._comment())):
            return False
        self.step(1)
        return True

    def withhold(self, codes: Sequence[str]) -> bool:
        """Withhold the current region in full with ``codes`` (remembered for next time)."""
        p = self.current
        use = list(codes)
        if p is None or not self._execute(lambda: rc.withhold(p, use, self._comment())):
            return False
        self._remember(use)
        self.step(1)
        return True

    def set_pending(self) -> bool:
        p = self.current
        if p is None or self.review is None:
            return False
        if self.review.decision(p.key) == rc.PENDING:
            return False
        return self._execute(lambda: rc.set_pending(p))

    def set_comment(self, comment: str) -> bool:
        p, review = self.current, self.review
        if p is None or review is None:
            return False
        d = review.decision(p.key)
        if d.action == Action.PENDING or d.comment == comment:
            return False
        return self._execute(
            lambda: rc.SetDecision(p, Decision(d.action, d.codes, comment, d.spans))
        )

    def redact(self, start: int, end: int, codes: Sequence[str]) -> bool:
        """Withhold the text ``start``-``end`` with ``codes``, clipped to the body of every
        region it touches; nothing else is decided (a pending region stays pending)."""
        if self.cable is None or self.review is None:
            return False
        cable, review, use = self.cable, self.review, list(codes)
        if self._execute(lambda: rc.redact(cable, review, start, end, use)):
            self._remember(use, span=True)
            return True
        return False

    def unredact(self, start: int, end: int) -> bool:
        """Release again what a redaction of ``start``-``end`` withheld."""
        if self.cable is None or self.review is None:
            return False
        review = self.review
        return self._execute(lambda: rc.unredact(review, start, end))

    def recode(self, w: Withholding, codes: Sequence[str]) -> bool:
        """Give one withheld span, paragraph or field other codes."""
        if self.cable is None or self.review is None:
            return False
        review, use = self.review, list(codes)
        return self._execute(lambda: selection.recode(review, w, use))

    def release_withholding(self, w: Withholding) -> bool:
        """Release one withheld span; a region withheld in full goes back to undecided, so it
        is decided again rather than released by accident."""
        if self.review is None:
            return False
        review = self.review
        return self._execute(lambda: selection.release_withholding(review, w))

    def header_to_release(self) -> list[Region]:
        """What Release Header Lines releases (``selection.header_lines``)."""
        return selection.header_lines(self.review) if self.review is not None else []

    def release_header(self) -> bool:
        """Release the header's undecided lines in one step, after showing them."""
        regions, cable, review = self.header_to_release(), self.cable, self.review
        if not regions or cable is None or review is None:
            return False
        regions, left = selection.shown_whole(cable, regions)
        if not regions:
            self.failed.emit(
                "Every undecided header line is too long to show in one question: decide "
                f"them one by one ({', '.join(r.label for r in left)})."
            )
            return False
        question = selection.header_question(cable, regions, self.flagged(), left)
        if not self.confirm(question):
            return False
        keys = [r.key for r in regions]
        return self._execute(lambda: rc.release_all(review, keys, "Release header lines"))

    def execute(self, build: Callable[[], rc.Command]) -> bool:
        """Build a command elsewhere (find and redact, an import) and apply it; ``build`` may
        refuse with a ReviewError, which the user is told."""
        return self._execute(build)

    def execute_on(self, cable: Cable, build: Callable[[Review], rc.Command]) -> bool:
        """Apply a command to ``cable``'s review whether or not it is the one shown: one
        undoable step on that cable's own history (Edit > Undo there once it is opened),
        saved and audited like any other. ``build`` gets the review it applies to."""
        s = self._sessions.get(self._key) if self.cable is not None else None
        if s is None or s.cable.text != cable.text or s.cable.id != cable.id:
            s = self.session(cable)
        if s is None:
            return False
        review = s.review
        return self._execute(lambda: build(review), s)

    def session_by_id(self, cable_id: str) -> Session | None:
        """The window's own cable and review under that review name, if it has one."""
        return self._sessions.by_id(cable_id)

    # -- undo --------------------------------------------------------------------------------
    def reapply(self, command: rc.Command, command_id: int, key: str) -> bool:
        return self._run(command, command_id, undo=False, key=key)

    def revert(self, command: rc.Command, command_id: int, key: str) -> bool:
        return self._run(command, command_id, undo=True, key=key)

    # -- inside ------------------------------------------------------------------------------
    def _execute(self, build: Callable[[], rc.Command], s: Session | None = None) -> bool:
        """Build a command (which may refuse, with a reason), apply it, save it, stack it."""
        s = s or self._sessions.get(self._key)
        if s is None:  # nothing open, or read-only
            return False
        if not self.reviewer.strip():
            self.reviewerNeeded.emit()
            if not self.reviewer.strip():
                self.failed.emit(
                    "Nothing was decided: set your name first (File > Settings, Ctrl+,); it "
                    "goes into the audit log with every decision and onto every release."
                )
                return False
        try:
            command = build()
        except ReviewError as exc:
            self.failed.emit(_sentence(exc))
            return False
        self._next_id += 1
        key = review_key(s.review)
        if not self._run(command, self._next_id, undo=False, key=key):
            return False
        text = undo_text(command, s.review)
        s.stack.push(ReviewUndoCommand(self, command, self._next_id, key, text))
        return True

    def _run(self, command: rc.Command, command_id: int, undo: bool, key: str) -> bool:
        s = self._sessions.get(key)
        if s is None:
            self.failed.emit("That change belongs to a review read again since: it was not redone.")
            return False
        try:
            (command.revert if undo else command.apply)(s.review)
        except ReviewError as exc:
            self.failed.emit(_sentence(exc))
            return False
        if undo:
            self.writer().revert(key, command_id, self.reviewer)
        else:
            self.writer().apply(key, s.cable, command, command_id, self.reviewer)
        if key == self._key:
            self.decisionsChanged.emit(sorted(command.keys))
        self._emit_progress(s.review)
        return True

    def _emit_progress(self, r: Review | None) -> None:
        if r is not None:
            self.progressChanged.emit(r.cable_id, r.decided_count, r.region_count)

    def _remember(self, codes: list[str], span: bool = False) -> None:
        if span:
            self.last_span_codes = codes
        else:
            self.last_codes = codes
        self.lastCodesChanged.emit()

    def _comment(self) -> str:
        """A comment already typed for the paragraph survives a change of decision."""
        if self.current is None or self.review is None:
            return ""
        return self.review.decision(self.current.key).comment


def _sentence(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
