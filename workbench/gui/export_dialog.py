"""Export: release copy, review copy or Vaughn index, previewed in QtPdf before it is saved.

The PDF is made by ``workbench.export`` in a worker thread (the dialog stays responsive) and
shown from memory; a release copy is checked by ``workbench.export.verify`` before it may be
saved, and saving writes a temporary file and renames it, so no half-written PDF is left.
"""

from __future__ import annotations

import contextlib
import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QThread, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.cable.model import Cable
from workbench.export import publish
from workbench.export.batch import out_name
from workbench.export.errors import ExportError
from workbench.export.options import ExportOptions
from workbench.review.model import Review, ReviewError
from workbench.settings import Settings

KINDS = (
    ("release", "Release copy (withheld text removed)"),
    ("review", "Review copy (all text, not for release)"),
    ("vaughn", "Vaughn index"),
)


def render(
    kind: str, cable: Cable, review: Review, options: ExportOptions, store: str | None = None
) -> bytes:
    """The PDF's bytes, by the one export path of ``workbench export``
    (``workbench.export.publish.make``: a release is stamped and verified before anyone can
    save it); raises ExportError (or ReviewError) with the sentence for the user.

    A release and a Vaughn index go to the requester, so they pass the QC gate of
    ``workbench export`` first (``ReviewSource.clear_release``: the same sentence); ``store``
    is the window's store (path or URL), opened here, in the worker thread."""
    from workbench.export.publish import make

    if kind != "review":
        from workbench.export.source import ReviewSource

        ReviewSource(store=store).clear_release(cable, review, source="the review in this window")

    return make(kind, cable, review, options)


class RenderThread(QThread):
    done = Signal(bytes)
    failed = Signal(str)

    def __init__(
        self, kind: str, cable: Cable, review: Review, options: ExportOptions, store: str | None
    ) -> None:
        super().__init__()
        self.args = (kind, cable, review, options, store)

    def run(self) -> None:
        try:
            self.done.emit(render(*self.args))
        except (ExportError, ReviewError) as exc:
            self.failed.emit(str(exc))


class ExportDialog(QDialog):
    def __init__(
        self,
        cable: Cable,
        review: Review,
        settings: Settings,
        parent: QWidget | None = None,
        store: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store  # the window's store: its QC policy gates a release
        self.setObjectName("exportDialog")
        self.setWindowTitle(f"Export {cable.id or 'cable'}")
        self.resize(1100, 800)
        self.cable, self.settings = cable, settings
        # A snapshot: the PDF shows the review as it was when the dialog opened.
        self.review = review.copy()
        self.data = b""
        self.render_thread: RenderThread | None = None

        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("exportKind")
        for key, label in KINDS:
            self.kind.addItem(label, key)
        form.addRow("Export", self.kind)
        self.case_number = QLineEdit(settings.case_number)
        self.case_number.setObjectName("caseNumber")
        self.case_number.setPlaceholderText("F-2026-01234")
        form.addRow("Case number", self.case_number)
        self.authority = QLineEdit(settings.authority or "E.O. 13526")
        self.authority.setObjectName("authority")
        form.addRow("Authority", self.authority)
        self.marking = QLineEdit("UNCLASSIFIED")
        self.marking.setObjectName("newMarking")
        form.addRow("New marking", self.marking)
        self.allow_pending = QCheckBox("Withhold undecided regions as PENDING REVIEW")
        self.allow_pending.setObjectName("allowPending")
        form.addRow("", self.allow_pending)
        left.addLayout(form)
        self.preview_button = QPushButton("Preview")
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton("Save PDF…")
        self.save_button.setObjectName("saveButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.choose_and_save)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        left.addWidget(self.preview_button)
        left.addWidget(self.save_button)
        left.addWidget(close)
        from workbench.review.identifiers import identifying

        # With the FM line withheld, a record number or the serial released elsewhere still
        # names the post (newcomer 6, finding 26): said here, before the reviewer exports.
        warnings = "".join(f"\nWarning: {w}." for w in identifying(cable, review))
        self.message = QLabel(
            f"{review.decided_count} of {review.region_count} regions decided.{warnings}"
        )
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        left.addWidget(self.message)
        left.addStretch(1)
        outer.addLayout(left, 0)

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("pdfPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        outer.addWidget(self.view, 1)
        self._buffer: QBuffer | None = None
        self.kind.currentIndexChanged.connect(self._stale)
        self.allow_pending.toggled.connect(self._stale)
        for e in (self.case_number, self.authority, self.marking):
            e.textChanged.connect(self._stale)

    def options(self) -> ExportOptions:
        """The fields, resolved and checked as ``workbench export`` does (ExportError)."""
        return ExportOptions(
            case_number=self.case_number.text().strip(),
            authority=self.authority.text().strip(),
            marking=self.marking.text().strip() or "UNCLASSIFIED",
            allow_pending=self.allow_pending.isChecked(),
        ).resolve(marking_name="New marking")

    def _stale(self) -> None:
        self.data = b""
        self.save_button.setEnabled(False)

    def preview(self) -> None:
        """Render in the background; the preview and Save follow when it is done."""
        self.wait_for_render()
        try:
            options = self.options()
        except ExportError as exc:
            self._failed(str(exc))
            return
        self.preview_button.setEnabled(False)
        self.message.setText("Making the PDF…")
        self.render_thread = RenderThread(
            self.kind.currentData(), self.cable, self.review, options, self.store
        )
        self.render_thread.done.connect(self._show)
        self.render_thread.failed.connect(self._failed)
        self.render_thread.finished.connect(lambda: self.preview_button.setEnabled(True))
        self.render_thread.start()

    def wait_for_render(self) -> None:
        if self.render_thread is not None:
            self.render_thread.wait()
            self.render_thread = None

    def _show(self, data: bytes) -> None:
        self.data = bytes(data)
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.document.pageCount()
        self.message.setText(
            f"{pages} page{'s' if pages != 1 else ''}. Check it, then save."
            if self.kind.currentData() != "release"
            else f"{pages} page{'s' if pages != 1 else ''}; the leak check passed. "
            "Check it, then save."
        )
        self.save_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.data = b""
        self.document.close()
        self._warn(message)
        self.save_button.setEnabled(False)

    def _warn(self, message: str) -> None:
        # Escaped: a file name or cable text may hold "<" (a label would read it as markup).
        self.message.setText(
            f"<span style='color:#b00020'>{html.escape(message, quote=False)}</span>"
        )

    def suggested_name(self) -> str:
        kind = self.kind.currentData()
        cid = self.cable.id or Path(self.cable.path or "cable").stem
        if kind == "vaughn":
            return out_name(cid, "release").replace(".pdf", "-vaughn.pdf")
        return out_name(cid, kind)

    def choose_and_save(self) -> None:
        start = Path(self.cable.path).parent if self.cable.path else Path.home()
        path, _ = QFileDialog.getSaveFileName(
            self, "Save PDF", str(start / self.suggested_name()), "PDF (*.pdf)"
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        if not self.data:
            return False
        try:
            # A name refused (a review copy named like a release) keeps the PDF: choose again.
            publish.check_name(self.kind.currentData(), path)
        except ExportError as exc:
            self.message.setText(f"<span style='color:#b00020'>{exc}</span>")
            return False
        try:
            publish.write(self.kind.currentData(), path, self.data)
        except ExportError as exc:
            # Only that file name is refused (the cable itself, the store, a full disk): the
            # PDF made is still good, to be saved under another name.
            self._warn(str(exc))
            return False
        self.message.setText(f"Saved {path}")
        # The case number and authority are what the next export most likely needs too.
        self.settings = replace(
            Settings.load(),
            case_number=self.case_number.text().strip(),
            authority=self.authority.text().strip(),
        )
        with contextlib.suppress(OSError):
            self.settings.save()
        return True

    def done(self, result: int) -> None:
        self.wait_for_render()  # never leave a thread running behind a closed dialog
        super().done(result)
