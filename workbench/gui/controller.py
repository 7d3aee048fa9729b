"""The window's controller: the open cable, its review, the current paragraph, the last codes.

``ReviewController`` is the one place a reviewer's action changes the review. Its methods take
explicit arguments (a ``QAction`` passes ``checked`` to whatever it is connected to, so nothing
here is connected directly), it applies Qt-free review commands to its review at once, puts them
on its undo stack and hands them to a :class:`StoreWriter`, which saves them on a worker thread.
Views never read the store or change the review: they follow the signals below.

Questions to the user go through the injected ``confirm(text) -> bool``, so the window asks
with a message box and a test answers with a lambda.

The unit the reviewer moves through is a region of the review's partition (issue 11: the
routing lines, each header field, each paragraph, passing lines, unparsed text...), addressed by
its key (``routing``, ``subject``, ``p3``, ``passing:1``). The review rules (what a selection
redacts, what un-redacting releases) are the Qt-free commands of ``workbench.review.commands``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workbench.cable.model import Cable
from workbench.gui import selection
from workbench.gui.store_writer import StoreWriter
from workbench.gui.undo import ReviewUndoCommand
from workbench.review import commands as rc
from workbench.review.model import Action, Decision, Review, ReviewError, Withholding
from workbench.review.regions import Region, partition
from workbench.review.store_api import ReviewStore
from workbench.review.stores import describe, open_store

Confirm = Callable[[str], bool]


class ReviewController(QObject):
    cableOpened = Signal()  # a new cable (or a new review of it): views reload everything
    decisionsChanged = Signal(list)  # keys of the regions whose decision changed
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
            current = self.current.key if self.current else ""
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
        if review is not None:
            self.regions = review.regions()
        elif self.cable is not None:
            self.regions = partition(self.cable).decidable()
        else:
            self.regions = []
        self.current = None
        self.cableOpened.emit()
        first = self._first_place()
        if first is not None:
            self.go_to(first.key)
        else:
            self.currentChanged.emit("")
        self._emit_progress()

    def _first_place(self) -> Region | None:
        """Where a review starts: the first paragraph (the header lines by N or Home)."""
        return next((r for r in self.regions if r.kind == "paragraph"), None) or (
            self.regions[0] if self.regions else None
        )

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
    def position(self) -> int:
        """The current region's place in ``regions`` (-1: none)."""
        if self.current is None:
            return -1
        return next((i for i, r in enumerate(self.regions) if r.key == self.current.key), -1)

    def go_to(self, key: str) -> None:
        region = next((r for r in self.regions if r.key == key), None)
        if region is None or region is self.current:
            return
        self.current = region
        self.currentChanged.emit(key)

    def step(self, by: int) -> None:
        if not self.regions:
            return
        i = max(0, min(len(self.regions) - 1, self.position() + by))
        self.go_to(self.regions[i].key)

    def go_first(self) -> None:
        if self.regions:
            self.go_to(self.regions[0].key)

    def go_last(self) -> None:
        if self.regions:
            self.go_to(self.regions[-1].key)

    def next_undecided(self) -> bool:
        """Go to the next region not decided (by the reviewer or a rule), wrapping round;
        False if none is left."""
        if self.review is None or not self.regions:
            return False
        n, start = len(self.regions), self.position()
        for k in range(1, n + 1):
            r = self.regions[(start + k) % n]
            if self.review.effective(r).action == Action.PENDING:
                self.go_to(r.key)
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
        """Undecided regions outside the paragraphs and unparsed text (header fields, passing
        lines, signature): what Release Header Lines releases."""
        if self.review is None:
            return []
        keep = ("paragraph", "unparsed", "trailing")
        return [r for r in self.review.pending() if r.kind not in keep]

    def release_header(self) -> bool:
        """Release the header's undecided lines in one step, after showing them."""
        regions, cable, review = self.header_to_release(), self.cable, self.review
        if not regions or cable is None or review is None:
            return False
        shown = "\n".join(
            f"{r.label}: {' '.join(cable.text[r.body_start : r.end].split())[:70]}" for r in regions
        )
        if not self.confirm(f"Release these {len(regions)} header lines?\n\n{shown}"):
            return False
        keys = [r.key for r in regions]
        return self._execute(lambda: rc.release_all(review, keys, "Release header lines"))

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
        text = undo_text(command, self.review)
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
        self.decisionsChanged.emit(sorted(command.keys))
        self._emit_progress()
        return True

    def _emit_progress(self) -> None:
        if self.review is not None:
            r = self.review
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


def undo_text(command: rc.Command, review: Review) -> str:
    """What Edit > Undo says: "Undo Withhold ¶3", "Undo Redact in ¶2, Subject"."""
    labels = [review.partition[k].label for k in command.keys if k in review.partition.by_key]
    place = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
    if isinstance(command, rc.SetDecision):
        verb = {
            Action.RELEASE: "Release",
            Action.WITHHOLD: "Withhold",
            Action.PARTIAL: "Release in part",
            Action.PENDING: "Undecide",
        }[command.decision.action]
        return f"{verb} {place}"
    if isinstance(command, rc.ClearField | rc.Release):
        return f"Release {place}"
    if isinstance(command, rc.AddSpans):
        return f"Redact in {place}"
    if isinstance(command, rc.RemoveSpans):
        return f"Un-redact in {place}"
    if isinstance(command, rc.Composite) and command.children:
        first = undo_text(command.children[0], review).split(" ")[0]
        if all(undo_text(c, review).split(" ")[0] == first for c in command.children):
            return f"{first} {place}" if first != "Redact" else f"Redact in {place}"
    return command.label


def _sentence(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
