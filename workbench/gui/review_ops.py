"""What the reviewer's keys do: each builds a Qt-free review command and hands it to the
session, which saves it and puts it on the undo stack. Mixed into the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from workbench.gui.session import STORE_ERRORS
from workbench.review import commands as rc
from workbench.review.model import (
    FIELDS,
    Action,
    Decision,
    Redaction,
    ReviewError,
    field_spans,
)

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class ReviewOps(_Base):
    def _execute(self, build) -> bool:  # type: ignore[no-untyped-def]
        """Build a command (which may refuse, with a reason) and run it."""
        if self.session is None:
            return False
        try:
            command = build()
        except ReviewError as exc:
            self.error(str(exc))
            return False
        return self.session.execute(command)

    def release(self) -> None:
        p = self.current
        if p is not None and self._execute(lambda: rc.release(p, self._kept_comment())):
            self.move(1)

    def withhold(self, codes: list[str] | None = None) -> None:
        p = self.current
        if p is None:
            return
        use = list(codes or self.last_codes)
        if self._execute(lambda: rc.withhold(p, use, self._kept_comment())):
            self.last_codes = use
            self.move(1)

    def choose_codes(self) -> None:
        codes = self.pick_codes("Withhold the paragraph with")
        if codes:
            self.withhold(codes)

    def pick_codes(self, title: str) -> list[str]:
        from workbench.gui.code_picker import CodePicker

        picker = CodePicker(self.code_sets(), self.last_codes, self, title)
        if picker.exec() != CodePicker.DialogCode.Accepted:
            return []
        return picker.codes()

    def code_sets(self):  # type: ignore[no-untyped-def]
        """The team's code sets, the settings' chosen set first."""
        from workbench.review.codes import available_code_sets

        try:
            sets = available_code_sets(self.settings.custom_code_sets)
        except ReviewError as exc:
            self.error(str(exc))
            return []
        return sorted(sets, key=lambda s: s.name != self.settings.code_set)

    def redact_selection(self) -> None:
        """Withhold the selected text, paragraph by paragraph, with the last codes used."""
        if self.cable is None:
            return
        span = self.view.selected_span()
        if span is None:
            self.error("Select the text to redact first (drag over it), then press Ctrl+R.")
            return
        start, end = span
        parts = []
        for p in self.cable.paragraphs:
            s, e = max(start, p.body_start), min(end, p.end)
            if s < e and self.cable.text[s:e].strip():
                parts.append((p, s, e))
        codes = tuple(self.last_codes)
        if not parts:
            fields = self._fields_in(start, end)
            if not fields:
                self.error(
                    "The selection is neither in a paragraph's text nor in a header field that "
                    "can be withheld (subject, classified by, from, to, info, references, "
                    "signature): select words there, then press Ctrl+R."
                )
                return
            cable = self.cable

            def withhold_fields() -> rc.Command:
                cmds = [rc.SetField(f, codes, cable=cable) for f in fields]
                return cmds[0] if len(cmds) == 1 else rc.Composite(cmds, "Withhold header fields")

            self._execute(withhold_fields)
            return

        def build() -> rc.Command:
            # The key's documented meaning: withhold the selection, release the rest.
            cmds = [
                rc.AddSpans(p, [Redaction(s, e, codes)], release_rest=True) for p, s, e in parts
            ]
            return cmds[0] if len(cmds) == 1 else rc.Composite(cmds, "Redact selection")

        if self._execute(build):
            self.view.select_span(end, end)

    def unredact_selection(self) -> None:
        if self.cable is None:
            return
        span = self.view.selected_span()
        p = self.cable.paragraph_at(span[0]) if span else None
        withheld = self.session.review.fields if self.session else {}
        fields = [f for f in self._fields_in(*span) if f in withheld] if span else []
        if p is None and fields:
            self._execute(lambda: rc.ClearField(fields[0]))
            return
        if span is None or p is None:
            self.error("Select redacted text inside a paragraph first, then press Ctrl+Shift+R.")
            return
        self._execute(lambda: rc.RemoveSpans(p, span[0], min(span[1], p.end)))

    def _fields_in(self, start: int, end: int) -> list[str]:
        """Header fields the span ``start``-``end`` touches (see review.model.field_spans)."""
        if self.cable is None:
            return []
        return [
            name
            for name in FIELDS
            if any(s < end and start < e for s, e in field_spans(self.cable, name))
        ]

    def release_header(self, confirm: bool = True) -> None:
        """Release every undecided region that is not a paragraph or unparsed text (the header
        fields, passing lines, signature), after showing the reviewer which they are."""
        if self.cable is None or self.session is None:
            return
        review = self.session.review
        keep = ("paragraph", "unparsed", "trailing")
        regions = [r for r in review.pending() if r.kind not in keep]
        if not regions:
            self.error("Every header line is decided already.")
            return
        if confirm:
            shown = "\n".join(
                f"{r.label}: {' '.join(self.cable.text[r.body_start : r.end].split())[:70]}"
                for r in regions
            )
            answer = QMessageBox.question(
                self, "Release header lines", f"Release these {len(regions)} regions?\n\n{shown}"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._execute(
            lambda: rc.release_all(review, [r.key for r in regions], "Release header lines")
        )

    def set_pending(self) -> None:
        p = self.current
        review = self.session.review if self.session else None
        if (
            p is not None
            and review is not None
            and review.decision(p.index).action != Action.PENDING
        ):
            self._execute(lambda: rc.set_pending(p))

    def set_comment(self, comment: str) -> None:
        p = self.current
        if p is None or self.session is None:
            return
        d = self.session.review.decision(p.index)
        if d.action == Action.PENDING:
            return
        self._execute(lambda: rc.SetDecision(p, Decision(d.action, d.codes, comment, d.spans)))

    def _kept_comment(self) -> str:
        """A comment already typed for the paragraph survives a change of decision."""
        if self.current is None or self.session is None:
            return ""
        return self.session.review.decision(self.current.index).comment

    def start_over(self, confirm: bool = True) -> None:
        """Discard the cable's decisions and begin again: the way out when the text changed
        since it was reviewed. The store keeps the old decisions in its audit log."""
        if self.cable is None or self.store is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                "Start the review over",
                f"Discard every decision on {self.cable.id or 'this cable'} and review it "
                "again? The old decisions stay in the store's audit log.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            review = self.store.start_over(self.cable, self.reviewer)
        except STORE_ERRORS as exc:
            self.error(str(exc))
            return
        self.start_session(review)

    def undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def find_and_redact(self) -> None:
        if self.cable is None or self.session is None:
            return
        from workbench.gui.find_redact import FindRedactDialog

        dialog = FindRedactDialog(self.cable, self.session.review, self.last_codes, self)
        dialog.chooseCodes.connect(lambda: dialog.set_codes(self.pick_codes("Redact with")))
        if dialog.exec() != FindRedactDialog.DialogCode.Accepted:
            return
        if self._execute(dialog.command):
            self.last_codes = list(dialog.codes)

    def export(self) -> None:
        if self.cable is None or self.session is None:
            return
        try:
            from workbench.gui.export_dialog import ExportDialog
        except ImportError:
            self.error("Export is not available in this build.")
            return
        ExportDialog(self.cable, self.session.review, self.settings, self).exec()

    def show_keys(self) -> None:
        from workbench.gui.actions import key_summary

        box = QMessageBox(QMessageBox.Icon.Information, "Keys", key_summary(), parent=self)
        box.setObjectName("keysBox")
        font = box.font()
        font.setFamily("monospace")
        box.setFont(font)
        box.open()
