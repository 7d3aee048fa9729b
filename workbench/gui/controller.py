"""The window's controller: the open cable, its review, the current paragraph, the last codes.

``ReviewController`` is the one place a reviewer's action changes the review. Its methods take
explicit arguments (a ``QAction`` passes ``checked`` to whatever it is connected to, so nothing
here is connected directly), it applies Qt-free review commands to its review at once, puts them
on its undo stack and hands them to a :class:`StoreWriter`, which saves them on a worker thread.
Views never read the store or change the review: they follow the signals below.

Questions to the user go through the injected ``confirm(text) -> bool``, so the window asks
with a message box and a test answers with a lambda.

The unit the reviewer moves through is a paragraph, addressed by its 1-based index (the key
the review model uses). When the review partitions the whole text into regions (issue 11), the
region keys take its place here; the signals keep their shape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workbench.cable.model import Cable, Paragraph
from workbench.gui import selection
from workbench.gui.store_writer import StoreWriter
from workbench.gui.undo import ReviewUndoCommand
from workbench.review import commands as rc
from workbench.review.model import Action, Decision, Review, ReviewError, Withholding
from workbench.review.store_api import ReviewStore
from workbench.review.stores import describe, open_store

Confirm = Callable[[str], bool]


class ReviewController(QObject):
    cableOpened = Signal()  # a new cable (or a new review of it): views reload everything
    decisionsChanged = Signal(list)  # paragraph indexes whose decision changed ([]: fields only)
    currentChanged = Signal(int)  # the current paragraph's index (0: none)
    lastCodesChanged = Signal()
    saveStatus = Signal(int, str)  # writes not yet committed, and why the first fails ("")
    progressChanged = Signal(str, int, int)  # review id, paragraphs decided, paragraphs
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
        self.current: Paragraph | None = None
        # Whole paragraphs and selected words usually take different codes ((b)(1) 1.4(d) for
        # a paragraph, (b)(6) for a name): each remembers its own last choice.
        self.last_codes: list[str] = list(default_codes) or ["(b)(1)"]
        self.last_span_codes: list[str] = list(self.last_codes)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self._reader: ReviewStore | None = None
        self._writer: StoreWriter | None = None
        self._next_id = 0

    # -- the store ---------------------------------------------------------------------------
    def store(self) -> ReviewStore | None:
        """The store for reading on this thread (a WAL read never waits for a writer)."""
        if self._reader is None:
            try:
                self._reader = open_store(self.store_spec)
            except (ReviewError, OSError) as exc:
                self.failed.emit(
                    f"The review store {describe(self.store_spec)} cannot be used: {exc}"
                )
                return None
            # A team store names the reviewer by the database login; a file store keeps the
            # settings' name (and a blank one stays blank, to be asked for).
            who = self._reader.identity(self.reviewer)
            if self.reviewer or who != "unknown":
                self.reviewer = who
        return self._reader

    def writer(self) -> StoreWriter:
        if self._writer is None:
            spec = self.store_spec
            self._writer = StoreWriter(lambda: open_store(spec), self)
            self._writer.statusChanged.connect(self.saveStatus)
            self._writer.conflicted.connect(self._on_conflict)
        return self._writer

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until every queued write is in the store; True if it is (for tests and
        tools that read the store from outside; the window itself never waits)."""
        return self._writer.wait(timeout_s) if self._writer is not None else True

    @property
    def unsaved(self) -> int:
        return self._writer.pending if self._writer is not None else 0

    def close(self, wait_s: float = 5.0) -> bool:
        """Save what is queued and end the worker. If writes are still failing after
        ``wait_s``, ask before dropping them; False (nothing closed) if the user says no."""
        if self._writer is not None:
            if not self._writer.wait(wait_s) and not self.confirm(
                f"{self._writer.pending} change(s) could not be saved yet "
                f"({self._writer.error or 'the store is busy'}). Quit anyway and lose them?"
            ):
                return False
            self._writer.stop()
            self._writer = None
        close = getattr(self._reader, "close", None)
        if close is not None:
            close()
        self._reader = None
        return True

    def _on_conflict(self, message: str) -> None:
        """Another reviewer changed what a queued change touched: it was not saved, and the
        review is read again so the window shows what the store now holds."""
        self.failed.emit(message)
        if self.cable is not None and self._reader is not None:
            try:
                review = self._reader.load(self.cable)
            except ReviewError as exc:
                self.failed.emit(f"{exc} The cable is shown read-only.")
                review = None
            current = self.current.index if self.current else 1
            self._begin(review)
            self.go_to(current)

    # -- opening -----------------------------------------------------------------------------
    def open(self, cable: Cable) -> None:
        """Show ``cable`` with its saved review; if that cannot be loaded, read-only."""
        review: Review | None = None
        same = self.cable is not None and self.review is not None and self.cable.text == cable.text
        if same and self.unsaved:
            review = self.review  # its changes are still on their way to the store
        else:
            store = self.store()
            if store is not None:
                try:
                    review = store.load(cable)
                except ReviewError as exc:
                    self.failed.emit(f"{exc} The cable is shown read-only.")
        self.cable = cable
        self._begin(review)

    def _begin(self, review: Review | None, mirrored: bool = False) -> None:
        """Review the open cable with ``review`` (None: read-only), a fresh undo stack.
        ``mirrored``: the worker already has its own copy (it made it, starting over)."""
        self.review = review
        self.undo_stack.clear()
        if review is not None and not mirrored:
            self.writer().open(review)
        self.current = None
        self.cableOpened.emit()
        if self.cable is not None and self.cable.paragraphs:
            self.go_to(self.cable.paragraphs[0].index)
        else:
            self.currentChanged.emit(0)
        self._emit_progress()

    def start_over(self) -> bool:
        """Discard the cable's decisions (the store's audit log keeps them) after asking."""
        if self.cable is None or self.store() is None:
            return False
        if not self.confirm(
            f"Discard every decision on {self.cable.id or 'this cable'} and review it again? "
            "The old decisions stay in the store's audit log."
        ):
            return False
        self.writer().start_over(self.cable, self.reviewer)
        self._begin(Review.for_cable(self.cable), mirrored=True)
        return True

    # -- moving ------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        if self.cable is None or not 1 <= index <= len(self.cable.paragraphs):
            return
        p = self.cable.paragraphs[index - 1]
        if p is self.current:
            return
        self.current = p
        self.currentChanged.emit(index)

    def step(self, by: int) -> None:
        if self.cable is None or not self.cable.paragraphs:
            return
        i = (self.current.index if self.current else 0) + by
        self.go_to(max(1, min(len(self.cable.paragraphs), i)))

    def go_first(self) -> None:
        self.go_to(1)

    def go_last(self) -> None:
        if self.cable is not None:
            self.go_to(len(self.cable.paragraphs))

    def next_undecided(self) -> bool:
        """Go to the next paragraph not yet decided, wrapping round; False if none is left."""
        if self.cable is None or self.review is None:
            return False
        n = len(self.cable.paragraphs)
        start = self.current.index if self.current else 0
        for k in range(1, n + 1):
            i = (start + k - 1) % n + 1
            if self.review.decision(i).action == Action.PENDING:
                self.go_to(i)
                return True
        return False

    # -- deciding ----------------------------------------------------------------------------
    def release(self) -> bool:
        p = self.current
        if p is None or not self._execute(lambda: rc.release(p, self._comment())):
            return False
        self.step(1)
        return True

    def withhold(self, codes: Sequence[str]) -> bool:
        """Withhold the current paragraph in full with ``codes`` (remembered for next time)."""
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
        if self.review.decision(p.index).action == Action.PENDING:
            return False
        return self._execute(lambda: rc.set_pending(p))

    def set_comment(self, comment: str) -> bool:
        p, review = self.current, self.review
        if p is None or review is None:
            return False
        d = review.decision(p.index)
        if d.action == Action.PENDING or d.comment == comment:
            return False
        return self._execute(
            lambda: rc.SetDecision(p, Decision(d.action, d.codes, comment, d.spans))
        )

    def redact(self, start: int, end: int, codes: Sequence[str]) -> bool:
        """Withhold the text ``start``-``end`` with ``codes``: the paragraph text and header
        fields it covers (the rest of each paragraph stays released)."""
        if self.cable is None or self.review is None:
            return False
        cable, review, use = self.cable, self.review, list(codes)
        if self._execute(lambda: selection.redact(cable, review, start, end, use)):
            self._remember(use, span=True)
            return True
        return False

    def unredact(self, start: int, end: int) -> bool:
        """Release again what a redaction of ``start``-``end`` withheld."""
        if self.cable is None or self.review is None:
            return False
        cable, review = self.cable, self.review
        return self._execute(lambda: selection.unredact(cable, review, start, end))

    def recode(self, w: Withholding, codes: Sequence[str]) -> bool:
        """Give one withheld span, paragraph or field other codes."""
        if self.cable is None or self.review is None:
            return False
        cable, review, use = self.cable, self.review, list(codes)
        return self._execute(lambda: selection.recode(cable, review, w, use))

    def release_withholding(self, w: Withholding) -> bool:
        """Release one withheld span or field (a paragraph withheld in full goes back to
        undecided, so it is decided again rather than released by accident)."""
        if self.cable is None or self.review is None:
            return False
        cable, review = self.cable, self.review
        return self._execute(lambda: selection.release_withholding(cable, review, w))

    def execute(self, build: Callable[[], rc.Command]) -> bool:
        """Build a command elsewhere (find and redact, an import) and apply it; ``build`` may
        refuse with a ReviewError, which the user is told."""
        return self._execute(build)

    # -- undo --------------------------------------------------------------------------------
    def reapply(self, command: rc.Command, command_id: int) -> bool:
        return self._run(command, command_id, undo=False)

    def revert(self, command: rc.Command, command_id: int) -> bool:
        return self._run(command, command_id, undo=True)

    # -- inside ------------------------------------------------------------------------------
    def _execute(self, build: Callable[[], rc.Command]) -> bool:
        """Build a command (which may refuse, with a reason), apply it, save it, stack it."""
        if self.review is None or self.cable is None:
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
        if not self._run(command, self._next_id, undo=False):
            return False
        text = undo_text(command, self.cable)
        self.undo_stack.push(ReviewUndoCommand(self, command, self._next_id, text))
        return True

    def _run(self, command: rc.Command, command_id: int, undo: bool) -> bool:
        assert self.review is not None and self.cable is not None
        try:
            (command.revert if undo else command.apply)(self.review)
        except ReviewError as exc:
            self.failed.emit(_sentence(exc))
            return False
        if undo:
            self.writer().revert(command_id, self.reviewer)
        else:
            self.writer().apply(self.cable, command, command_id, self.reviewer)
        self.decisionsChanged.emit(sorted(command.paragraphs))
        self._emit_progress()
        return True

    def _emit_progress(self) -> None:
        if self.review is not None:
            r = self.review
            self.progressChanged.emit(r.cable_id, r.decided_count, r.paragraph_count)

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
        return self.review.decision(self.current.index).comment


def undo_text(command: rc.Command, cable: Cable) -> str:
    """What Edit > Undo says: "Undo Withhold ¶3", "Undo Redact in ¶2, ¶3"."""
    keys = {p.index: p.key for p in cable.paragraphs}
    where = ", ".join(f"¶{keys.get(i, i)}" for i in sorted(command.paragraphs))
    fields = ", ".join(rc.FIELD_LABELS.get(f, f) for f in sorted(command.fields))
    place = ", ".join(x for x in (where, fields) if x)
    if isinstance(command, rc.SetDecision):
        verb = {
            Action.RELEASE: "Release",
            Action.WITHHOLD: "Withhold",
            Action.PARTIAL: "Release in part",
            Action.PENDING: "Undecide",
        }[command.decision.action]
        return f"{verb} {place}"
    if isinstance(command, rc.AddSpans | selection.Redact):
        return f"Redact in {place}"
    if isinstance(command, rc.RemoveSpans | rc.ClearField | selection.Unredact):
        return f"Release in {place}" if where else f"Release {place}"
    if isinstance(command, rc.SetField):
        return f"Withhold {place}"
    return command.label


def _sentence(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
