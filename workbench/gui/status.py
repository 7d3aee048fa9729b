"""The status bar: review progress, whether every decision is saved, the reviewer, the store."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel, QStatusBar

from workbench.gui import styles


class StatusBar:
    def __init__(self, bar: QStatusBar, store_name: str) -> None:
        self.bar = bar
        self.progress = QLabel()
        self.progress.setObjectName("progressLabel")
        self.saving = QLabel("Saved")
        self.saving.setObjectName("saveLabel")
        self.reviewer = QLabel()
        self.reviewer.setObjectName("reviewerLabel")
        self.store = QLabel(f"Store: {store_name}")
        self.store.setObjectName("storeLabel")
        self.store.setToolTip("Every decision is saved here as it is made")
        bar.addWidget(self.progress, 1)
        bar.addPermanentWidget(self.saving)
        bar.addPermanentWidget(self.reviewer)
        bar.addPermanentWidget(self.store)

    def show_progress(self, text: str) -> None:
        self.progress.setText(text)

    def show_reviewer(self, name: str) -> None:
        if name:
            self.reviewer.setText(f"Reviewer: {name}")
        else:
            self.reviewer.setText("Reviewer: not set (Ctrl+, to set your name)")

    def show_saving(self, pending: int, error: str) -> None:
        """'Saving…' while writes are queued, 'Saved' once the store has them all, and the
        reason (with a warning sign, not only a colour) while one keeps failing."""
        if error:
            self.saving.setText(f"⚠ Not saved yet ({pending}): retrying")
            self.saving.setToolTip(error)
            self.saving.setStyleSheet(f"color: {styles.DECISION_COLOURS['withhold']}")
        elif pending:
            self.saving.setText(f"Saving… ({pending})")
            self.saving.setToolTip("Decisions are being written to the store")
            self.saving.setStyleSheet("")
        else:
            self.saving.setText("✓ Saved")
            self.saving.setToolTip(f"Every decision is in the store ({time.strftime('%H:%M:%S')})")
            self.saving.setStyleSheet("")

    def flash(self, message: str) -> None:
        self.bar.showMessage(message, 10000)
