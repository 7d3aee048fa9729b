"""The dialogs the main window opens: code pickers, export, settings, keys.

Each is a function of the window, so the window's class stays layout and wiring; each ends in
one call to the controller with explicit arguments.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.gui.cable_view import CableView
from workbench.gui.code_picker import CodePicker
from workbench.gui.controller import ReviewController
from workbench.gui.status import StatusBar
from workbench.review.codes import CodeSet, available_code_sets
from workbench.review.model import ReviewError, Withholding
from workbench.settings import Settings


class Window(Protocol):
    """What these dialogs use of the main window (which this module does not import)."""

    controller: ReviewController
    view: CableView
    settings: Settings
    status: StatusBar

    def error(self, message: str) -> None: ...

    def window(self) -> QWidget: ...  # the widget a dialog sits on


def code_sets(window: Window) -> list[CodeSet]:
    """The team's code sets, the settings' chosen set first."""
    try:
        sets = available_code_sets(window.settings.custom_code_sets)
    except ReviewError as exc:
        window.error(str(exc))
        return []
    return sorted(sets, key=lambda s: s.name != window.settings.code_set)


def pick_codes(window: Window, sets: list[CodeSet], ticked: list[str], title: str) -> list[str]:
    """The codes chosen, or [] when the picker is cancelled or nothing is ticked."""
    picker = CodePicker(sets, ticked, window.window(), title)
    try:
        if picker.exec() != CodePicker.DialogCode.Accepted:
            return []
        return picker.codes()
    finally:
        picker.deleteLater()


def withhold_with_codes(window: Window) -> None:
    c = window.controller
    if c.current is None:
        return
    codes = pick_codes(window, code_sets(window), c.last_codes, f"Withhold {c.current.name} with")
    if codes:
        c.withhold(codes)


def redact_selection(window: Window) -> None:
    """Ctrl+R: choose the codes for the selected text (the last used are ticked), then redact."""
    span = window.view.selected_span()
    if span is None:
        window.error("Select the text to redact first (drag over it), then press Ctrl+R.")
        return
    c = window.controller
    words = " ".join((c.cable.text[span[0] : span[1]] if c.cable else "").split())
    shown = words if len(words) <= 40 else words[:39] + "…"
    codes = pick_codes(window, code_sets(window), c.last_span_codes, f"Redact “{shown}” with")
    if codes and c.redact(span[0], span[1], codes):
        window.view.select_span(span[1], span[1])


def recode(window: Window, w: Withholding) -> None:
    """Change one redaction's codes (from the redactions list)."""
    codes = pick_codes(window, code_sets(window), list(w.codes), "Change the codes to")
    if codes:
        window.controller.recode(w, codes)


def export(window: Window) -> None:
    c = window.controller
    if c.cable is None or c.review is None:
        return
    try:
        from workbench.gui.export_dialog import ExportDialog
    except ImportError:
        window.error("Export is not available in this build.")
        return
    ExportDialog(c.cable, c.review, window.settings, window.window(), c.store_spec).exec()


def settings(window: Window) -> None:
    """File > Settings: the reviewer's name (never blank) and the code set offered first."""
    from workbench.gui.first_run import ReviewerDialog, code_set_choices

    dialog = ReviewerDialog(window.settings, code_set_choices(), window.window(), first=False)
    if dialog.exec() != ReviewerDialog.DialogCode.Accepted:
        return
    window.settings = replace(
        window.settings,
        reviewer=dialog.settings.reviewer,
        code_set=dialog.settings.code_set,
        store=dialog.settings.store,
    )
    from workbench.review.stores import describe, is_url, resolve

    c = window.controller
    if not is_url(c.store_spec):  # a team store names the reviewer itself
        c.reviewer = window.settings.reviewer
    window.status.show_reviewer(c.reviewer)

    if resolve(window.settings.store or None) != c.store_spec:
        # The open store holds this window's queued changes and history: it is not swapped
        # under them. The new default store is used from the next start.
        window.status.flash(
            f"Decisions go to {describe(window.settings.store or None)} from the next start; "
            f"this window keeps saving to {describe(c.store_spec)}."
        )


def show_keys(window: Window) -> None:
    from workbench.gui.actions import key_summary

    box = QMessageBox(QMessageBox.Icon.Information, "Keys", key_summary(), parent=window.window())
    box.setObjectName("keysBox")
    font = box.font()
    font.setFamily("monospace")
    box.setFont(font)
    box.open()
