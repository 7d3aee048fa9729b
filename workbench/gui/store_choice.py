"""Where decisions are saved, chosen at the first run and in Settings (issue 17): a file on
this computer, or a team's store on a PostgreSQL server named by its URL.

A team store names the reviewer itself (the database login), so the dialog stops asking for a
name. Before the choice is kept, the store is opened once in a worker thread (a server can take
seconds to answer; the event loop never waits) and the dialog says who the server knows the
user as and what they may do, or, in one sentence, why it cannot be used.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.review.model import ReviewError
from workbench.review.stores import describe, is_url

EXAMPLE_URL = "postgresql://reviews.example.org/workbench?sslmode=verify-full"
TEAM_NOTE = (
    "Your name in the audit log is then the database login you connect as. "
    "The password goes in ~/.pgpass (or PGPASSWORD, or a service file), never here."
)
_RUNNING: set[QThread] = set()  # connection checks outliving a closed dialog finish here


class TeamCheck(QThread):
    """Opens the team store once: ``ok(login, roles)`` or ``failed(sentence)``."""

    ok = Signal(str, str)
    failed = Signal(str)

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def run(self) -> None:
        from workbench.review.stores import open_store

        try:
            with open_store(self.url) as store:
                who = store.identity("")
                roles: list[str] = getattr(store, "team_roles", lambda: [])()
        except ReviewError as exc:
            self.failed.emit(f"{exc}.")
        except Exception as exc:  # a worker thread must answer, whatever went wrong
            self.failed.emit(f"the team store {describe(self.url)} cannot be used ({exc!r}).")
        else:
            self.ok.emit(who, " and ".join(roles) or "no role")


class StoreChoice(QGroupBox):
    """The two choices, the URL field, and a line for what the check found."""

    changed = Signal()  # the choice or the URL changed: a check made before no longer holds
    checked = Signal(bool)  # a check ended: True when the team store can be used

    def __init__(self, current: str, local_path: str, parent: QWidget | None = None) -> None:
        super().__init__("Where your decisions are saved", parent)
        self.setObjectName("storeChoice")
        self.local_spec = "" if is_url(current) else current
        # The file the setting names, if it names one: the label shows what OK saves.
        self.local = QRadioButton(f"On this computer, in a file ({self.local_spec or local_path})")
        self.local.setObjectName("storeLocal")
        self.team = QRadioButton("In a team's review store on a PostgreSQL server:")
        self.team.setObjectName("storeTeam")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.team)
        self.url = QLineEdit(current if is_url(current) else "")
        self.url.setObjectName("teamStoreUrl")
        self.url.setPlaceholderText(EXAMPLE_URL)
        self.url.setAccessibleName("Team store URL")
        self.url.setToolTip(f"The store's URL from your office, for example {EXAMPLE_URL}")
        note = QLabel(TEAM_NOTE)
        note.setWordWrap(True)
        self.status = QLabel("")
        self.status.setObjectName("storeStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        for w in (self.local, self.team, self.url, note, self.status):
            layout.addWidget(w)
        (self.team if is_url(current) else self.local).setChecked(True)
        self.url.setEnabled(self.is_team())
        self.team.toggled.connect(self._toggled)
        self.url.textChanged.connect(lambda _t: self._changed())
        self.checking: TeamCheck | None = None
        self.verified = ""  # the URL last found usable
        self.login = ""

    def is_team(self) -> bool:
        return self.team.isChecked()

    def spec(self) -> str:
        """The ``store`` setting this choice means ("" is the file in the data folder)."""
        return self.url.text().strip() if self.is_team() else self.local_spec

    def is_verified(self) -> bool:
        return not self.is_team() or (bool(self.verified) and self.verified == self.spec())

    def check(self) -> None:
        """Open the team store in a worker thread; :attr:`checked` tells how it went."""
        url = self.spec()
        if self.checking is not None:
            return
        if not url:
            self._say(False, "Give the team store's URL, or save on this computer.")
            return
        try:
            from workbench.review.pg_connect import check_url

            if not is_url(url):
                raise ReviewError(
                    f"{url} is not a postgresql:// URL: give the URL your office's database "
                    "administrator gave you"
                )
            check_url(url)
        except ReviewError as exc:
            self._say(False, f"{exc}.")
            return
        self.status.setText(f"Connecting to {describe(url)}…")
        thread = TeamCheck(url)
        thread.ok.connect(self._ok)
        thread.failed.connect(lambda text: self._say(False, text))
        thread.finished.connect(lambda: self._ended(thread))
        self.checking = thread
        _RUNNING.add(thread)
        thread.start()

    def _ok(self, login: str, roles: str) -> None:
        if self.checking is not None and self.checking.url == self.spec():
            self.verified, self.login = self.spec(), login
        self._say(True, f"Connected to {describe(self.spec())} as {login} ({roles}).")

    def _ended(self, thread: TeamCheck) -> None:
        thread.wait()  # finished is emitted just before run() returns: let it return
        _RUNNING.discard(thread)
        if self.checking is thread:
            self.checking = None
            self.changed.emit()  # OK may be pressed again

    def abandon(self) -> None:
        """The dialog closes: a check still running ends unheard."""
        if self.checking is not None:
            for signal in (self.checking.ok, self.checking.failed):
                signal.disconnect()
            self.checking = None

    def _say(self, ok: bool, text: str) -> None:
        self.status.setStyleSheet("" if ok else "color: #b00020;")
        self.status.setText(text)
        self.checked.emit(ok and self.is_verified())

    def _toggled(self, team: bool) -> None:
        self.url.setEnabled(team)
        if team:
            self.url.setFocus()
        self._changed()

    def _changed(self) -> None:
        if not self.is_verified():
            self.status.setText("")
        self.changed.emit()
