"""Suggested redactions in the window (issue 16): shown, gone through, accepted or rejected.

When the controller opens a cable, :class:`SuggestionPane` asks its worker thread for the
cable's suggestions (:mod:`workbench.gui.suggest_worker`) and draws the answer as dotted
outlines (:mod:`workbench.gui.suggest_overlay`). The keys (Suggestions menu):

- **S** / **Shift+S**: the next / previous suggestion after the cursor; its text is selected,
  so **Ctrl+R** withholds it with other codes than the proposed ones;
- **X**: accept it: the span is withheld with the proposed codes, one undoable, audited step
  through the controller (``workbench.suggest.accept``, on the review's ``redact``);
- **Shift+X**: accept every occurrence of the same text in the cable, in one step;
- **D**: reject it: the text is not proposed again on this cable (in a case, in every cable of
  the case), kept in the review store's rejections; Ctrl+Z takes the rejection back.

Nothing is withheld without one of these keys. A suggestion already withheld (by a span or its
whole region) or rejected is not shown; undoing brings it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLabel

from workbench.gui.cable_view import CableView
from workbench.gui.controller import ReviewController
from workbench.gui.suggest_overlay import SuggestionOverlay, kind_colour, label_of
from workbench.gui.suggest_worker import RejectJob, Request, SuggestWorker
from workbench.gui.text_offsets import OffsetMap
from workbench.review.model import review_id
from workbench.review.stores import open_store
from workbench.suggest import Suggestion, fold
from workbench.suggest.accept import accept, accept_all, is_withheld


def _quoted(s: Suggestion) -> str:
    words = " ".join(s.text.split())
    return f"“{words if len(words) <= 40 else words[:39] + '…'}”"


class SuggestionPane(QObject):
    changed = Signal()  # the suggestions shown, or the current one, changed
    message = Signal(str)  # a line for the status bar
    failed = Signal(str)  # one sentence for a message box

    def __init__(
        self,
        controller: ReviewController,
        view: CableView,
        code_set: Callable[[], str | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.view = view
        self.code_set = code_set
        # Issue 15: set to the open case's number, and rejections hold for the whole case.
        self.case_id = ""
        self.found: list[Suggestion] = []  # what the worker found for the open cable
        self.visible: list[Suggestion] = []  # found, minus withheld and rejected
        self.current: Suggestion | None = None
        self.cpu_ms = 0.0  # what the last cable's suggestions cost the worker
        self._token = 0
        self._ready = False  # the open cable's suggestions have come back
        # Rejected in this session, by the key they are kept under: they stay hidden while
        # their write is queued, and on a store that cannot keep them.
        self._rejected: dict[tuple[str, str], set[str]] = {}
        self._going = False
        self._map = OffsetMap("")
        spec = controller.store_spec
        self.worker = SuggestWorker(lambda: open_store(spec), self)
        self.worker.computed.connect(self._on_computed)
        self.worker.failed.connect(self.failed)
        self.overlay = SuggestionOverlay(view)
        self.label = QLabel()
        self.label.setObjectName("suggestionLabel")
        controller.cableOpened.connect(self._on_opened)
        controller.decisionsChanged.connect(lambda _keys: self._refilter())
        view.cursorPositionChanged.connect(self._on_cursor_moved)
        self._show_count()

    # -- following the controller ------------------------------------------------------------
    def _on_opened(self) -> None:
        cable = self.controller.cable
        self._token += 1
        self.found, self.visible, self.current, self._ready = [], [], None, False
        self.overlay.set_suggestions([], None)
        self._map = OffsetMap(cable.text if cable is not None else "")
        if cable is not None:
            self.worker.ask(
                Request(self._token, cable, self._cable_key(), self.case_id, self.code_set())
            )
        self._show_count()
        self.changed.emit()

    def _on_computed(self, token: int, found: list[Suggestion], cpu_ms: float) -> None:
        if token != self._token:
            return  # for a cable the reviewer has already left
        self.found, self.cpu_ms, self._ready = found, cpu_ms, True
        self._refilter()

    def _refilter(self) -> None:
        c = self.controller
        if c.cable is None:
            return
        rejected = self._rejected.get(self._scope(), set())
        review = c.review
        self.visible = [
            s
            for s in self.found
            if fold(s.text) not in rejected
            and (review is None or not is_withheld(review, s.start, s.end))
        ]
        if self.current not in self.visible:
            self.current = None
        self.overlay.set_suggestions(self.visible, self.current)
        self._show_count()
        self.changed.emit()

    def _on_cursor_moved(self) -> None:
        """A click inside an outline makes that suggestion the one X and D act on; a click
        elsewhere leaves none chosen, so a key never acts on a suggestion out of sight."""
        if self._going or not self.visible:
            return
        span = self.view.selected_span()
        at = span[0] if span else self._cursor()
        hit = next((s for s in self.visible if s.start <= at < s.end), None)
        if hit is not self.current:
            self.current = hit
            self.overlay.set_suggestions(self.visible, hit)
            self._show_count()

    # -- keys --------------------------------------------------------------------------------
    def step(self, by: int) -> bool:
        """Go to the next (``by`` = 1) or previous (-1) suggestion, wrapping round."""
        if not self.visible:
            self.message.emit(self._none_left())
            return False
        if self.current in self.visible:
            i = (self.visible.index(self.current) + by) % len(self.visible)
        else:
            at = self._cursor()
            if by > 0:
                i = next((k for k, s in enumerate(self.visible) if s.start >= at), 0)
            else:
                before = [k for k, s in enumerate(self.visible) if s.start < at]
                i = before[-1] if before else len(self.visible) - 1
        self.go_to(self.visible[i])
        return True

    def go_to(self, s: Suggestion) -> None:
        self._going = True
        try:
            self.view.reveal(s.start, s.end)
            self.view.select_span(s.start, s.end)  # the region follows; Ctrl+R can recode it
        finally:
            self._going = False
        self.current = s
        self.overlay.set_suggestions(self.visible, s)
        self._show_count()
        self.message.emit(f"{label_of(s)}: {_quoted(s)}, {s.reason} (Ctrl+R: other codes)")
        self.changed.emit()

    def accept(self) -> bool:
        """X: withhold the current suggestion with its codes (one undoable step)."""
        s = self._chosen()
        c = self.controller
        if s is None or c.cable is None or c.review is None:
            return False
        if not s.codes:
            self.failed.emit(
                f"The suggestion {_quoted(s)} proposes no code in this code set: press Ctrl+R "
                "to withhold the selected text with the codes you choose."
            )
            return False
        cable, review = c.cable, c.review
        if not c.execute(lambda: accept(cable, review, s)):
            return False
        self.message.emit(f"Withheld {_quoted(s)} with {' '.join(s.codes)} (Ctrl+Z undoes it)")
        self._after(s)
        return True

    def accept_all(self) -> bool:
        """Shift+X: withhold every occurrence of the current suggestion's text, one step."""
        s = self._chosen()
        c = self.controller
        if s is None or c.cable is None or c.review is None:
            return False
        if not s.codes:
            return self.accept()  # says why, and what to do
        cable, review = c.cable, c.review
        made: list[Any] = []

        def build() -> Any:
            made.append(accept_all(cable, review, s))
            return made[-1]

        if not c.execute(build):
            return False
        n = len(getattr(made[-1], "children", ())) or 1
        self.message.emit(
            f"Withheld {n} occurrence{'s' if n != 1 else ''} of {_quoted(s)} with "
            f"{' '.join(s.codes)}, in one step (Ctrl+Z undoes them all)"
        )
        self._after(s)
        return True

    def reject(self) -> bool:
        """D: never propose this text again here (Ctrl+Z takes it back)."""
        s = self._chosen()
        c = self.controller
        if s is None or c.cable is None:
            return False
        if not c.reviewer.strip():
            c.reviewerNeeded.emit()
            if not c.reviewer.strip():
                self.failed.emit(
                    "Nothing was rejected: set your name first (File > Settings, Ctrl+,); it "
                    "is kept with the rejection."
                )
                return False
        scope = self._scope()
        c.undo_stack.push(RejectCommand(self, s, scope, c.reviewer))
        where = "in this case" if self.case_id else "on this cable"
        self.message.emit(f"Rejected {_quoted(s)}: not proposed again {where} (Ctrl+Z undoes it)")
        self._after(s)
        return True

    def set_shown(self, shown: bool) -> None:
        self.overlay.setVisible(shown)

    def stop(self) -> None:
        self.worker.stop()

    # -- inside ------------------------------------------------------------------------------
    def set_rejected(self, s: Suggestion, scope: tuple[str, str], who: str, on: bool) -> None:
        """Reject (``on``) or take back the rejection of ``s``'s text in ``scope``."""
        texts = self._rejected.setdefault(scope, set())
        (texts.add if on else texts.discard)(fold(s.text))
        case_id, cable_id = scope
        self.worker.write(RejectJob(s.text, s.kind, who, case_id, cable_id, on))
        if scope == self._scope():
            self._refilter()

    def _chosen(self) -> Suggestion | None:
        if self.current in self.visible:
            return self.current
        if self.controller.cable is not None and not self._ready:
            self.message.emit("The suggestions for this cable are still being found")
        elif self.visible:
            self.message.emit("Press S to go to a suggestion first (the dotted outlines)")
        else:
            self.message.emit(self._none_left())
        return None

    def _after(self, done: Suggestion) -> None:
        """Go on to the next suggestion after the one just decided, as A and R go on."""
        nxt = next((s for s in self.visible if s.start >= done.start and s != done), None)
        if nxt is not None:
            self.go_to(nxt)
        else:
            self.current = None
            self.overlay.set_suggestions(self.visible, None)
            self._show_count()

    def _cursor(self) -> int:
        """The text cursor's place as a cable offset (a selection counts from its start)."""
        cur = self.view.textCursor()
        return self._map.from_qt(cur.selectionStart() if cur.hasSelection() else cur.position())

    def _cable_key(self) -> str:
        cable = self.controller.cable
        return review_id(cable) if cable is not None else ""

    def _scope(self) -> tuple[str, str]:
        """Where a rejection made now holds: the case, else this cable."""
        return (self.case_id, "") if self.case_id else ("", self._cable_key())

    def _none_left(self) -> str:
        if self.controller.cable is None:
            return "No cable open"
        if not self._ready:
            return "The suggestions for this cable are still being found"
        return "No suggestions left on this cable"

    def _show_count(self) -> None:
        base = self.view.palette().base().color()
        if self.controller.cable is None:
            self.label.setText("")
            return
        if not self._ready:
            self.label.setText("Suggestions: finding…")
            return
        n = len(self.visible)
        kinds = sorted({s.kind for s in self.visible})
        legend = ", ".join(
            f"<span style='color:{kind_colour(k, base).name()}'>{k.split('-')[0]}</span>"
            for k in kinds
        )
        if not n:
            self.label.setText("Suggestions: none left")
        elif self.current in self.visible:
            i = self.visible.index(self.current) + 1
            self.label.setText(f"Suggestion {i} of {n}: X accept · ⇧X all · D reject")
        else:
            self.label.setText(f"Suggestions: {n} ({legend}) · S next")
        self.label.setToolTip(
            "Suggested redactions, drawn as dotted outlines: S next, Shift+S previous, "
            "X accept, Shift+X every occurrence, D reject"
        )


class RejectCommand(QUndoCommand):
    """A rejection on the window's undo stack: Ctrl+Z shows the suggestion again."""

    def __init__(self, pane: SuggestionPane, s: Suggestion, scope: tuple[str, str], who: str):
        super().__init__(f"Reject suggestion {_quoted(s)}")
        self.pane, self.s, self.scope, self.who = pane, s, scope, who

    def redo(self) -> None:
        self.pane.set_rejected(self.s, self.scope, self.who, True)

    def undo(self) -> None:
        self.pane.set_rejected(self.s, self.scope, self.who, False)


def attach_suggestions(window: Any) -> SuggestionPane:
    """Make the window's pane: its label in the status bar, messages and errors to the
    window. The keys are the Suggestions menu's actions, connected in the window's table."""
    pane = SuggestionPane(window.controller, window.view, lambda: window.settings.code_set, window)
    # First of the permanent widgets (after the progress text), so a flash never hides it.
    window.statusBar().insertPermanentWidget(1, pane.label)
    pane.message.connect(window.status.flash)
    pane.failed.connect(window.error)
    return pane
