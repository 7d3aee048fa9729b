"""What the find pane's requests do: search the open cable (at once) or the open folder (off
the GUI thread), go to a hit, redact hits with codes from the picker.

Redacting goes through the controller, one step per cable (``execute_on``: the open cable's
step is undone with Ctrl+Z at once, another cable's once it is opened), each audited by the
store like any redaction. Hit states follow the window's own reviews as they change.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow

from workbench.cable import CableError, read_cable
from workbench.gui import window_dialogs
from workbench.gui.find_pane import FindPane
from workbench.gui.folder_search import FolderSearch
from workbench.review import hits as rhits
from workbench.review.hits import Hit, Query
from workbench.review.model import ReviewError


class Window(window_dialogs.Window, Protocol):
    def open_path(self, path: str | Path) -> bool: ...

    def folder(self) -> Path | None: ...

    def show_review(self) -> None: ...


class FindHits(QObject):
    def __init__(self, window: Window, main: QMainWindow) -> None:
        super().__init__(main)
        self.window = window
        self.pane = FindPane(main)
        self.pane.hide()
        main.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.pane)
        self.search: FolderSearch | None = None
        p = self.pane
        p.searchRequested.connect(self.run)
        p.stopRequested.connect(self.stop)
        p.goRequested.connect(lambda h: self.go(h, focus_text=True))
        p.previewRequested.connect(self.preview)
        p.redactRequested.connect(self.redact)
        p.leave.connect(window.show_review)
        c = window.controller
        c.decisionsChanged.connect(lambda _keys: self.follow())
        c.cableOpened.connect(self.follow)

    # -- searching ---------------------------------------------------------------------------
    def open(self, scope: str) -> None:
        """Ctrl+F (this cable) or Ctrl+Shift+F (the folder): the pane, with the selection."""
        w = self.window
        span = w.view.selected_span()
        cable = w.controller.cable
        term = ""
        if span is not None and cable is not None:
            term = " ".join(cable.text[span[0] : span[1]].split())[:200]
        folder = w.folder()
        if scope == "folder" and folder is None:
            w.status.flash("No folder is open: searching this cable (File > Open Folder first).")
            scope = "cable"
        self.pane.start(scope, term, folder)

    def run(self, query: Query, scope: str) -> None:
        self.stop()
        try:
            query.pattern()
        except ReviewError as exc:
            self.pane.show_status(_sentence(exc))
            return
        c = self.window.controller
        if scope == "cable":
            if c.cable is None:
                self.pane.show_status("Open a cable first.")
                return
            self.pane.model.append(rhits.cable_hits(c.cable, query, c.review))
            self.pane.show_status(self.pane.summary(1, 0))
            self._select_first()
            return
        folder = self.window.folder()
        if folder is None:
            self.pane.show_status("Open a folder first (File > Open Folder).")
            return
        self.pane.model.background = self.pane.list.palette().base().color()
        self.search = FolderSearch(folder, query, c.store_spec)
        self.search.found.connect(self._found)
        self.search.progress.connect(self._progress)
        self.search.failed.connect(lambda m: self.pane.show_status(_sentence(m)))
        self.search.finished.connect(self._done)
        self.pane.searching = True
        self.pane.show_status(f"Searching {folder.name}…")
        self.search.start()

    def stop(self) -> None:
        if self.search is not None:
            self.search.stop()
            self.search = None
        self.pane.searching = False

    def _found(self, hits: list[Hit]) -> None:
        first = not self.pane.model.hits
        self.pane.model.append([self._annotated(h) for h in hits])
        if first:
            self._select_first()

    def _progress(self, done: int, total: int, skipped: int) -> None:
        text = self.pane.summary(done, skipped, running=done < total)
        self.pane.show_status(text.replace(" searched…)", f" of {total} searched…)"))

    def _done(self) -> None:
        s = self.search
        self.pane.searching = False
        if s is not None:
            self.pane.show_status(self.pane.summary(s.searched, s.skipped))

    def _select_first(self) -> None:
        if self.pane.model.hits and not self.pane.list.currentIndex().isValid():
            self.pane.list.selectRow(0)

    # -- following the reviews ---------------------------------------------------------------
    def _annotated(self, h: Hit) -> Hit:
        """The hit's state in the window's own review of its cable, when it has one (that is
        newer than the store's)."""
        s = self.window.controller.session_by_id(h.cable)
        if s is None or s.cable.text[h.start : h.end] != h.text:
            return h
        return rhits.annotate(h, s.review)

    def follow(self) -> None:
        if self.pane.model.hits:
            self.pane.model.replace_hits([self._annotated(h) for h in self.pane.model.hits])

    # -- going to a hit ----------------------------------------------------------------------
    def _is_open(self, h: Hit) -> bool:
        c = self.window.controller
        if c.cable is None:
            return False
        if h.path and c.cable.path:
            return _same(h.path, c.cable.path)
        return c.review is not None and c.review.cable_id == h.cable

    def preview(self, h: Hit) -> None:
        """Moving through the list shows the open cable's hits in its text."""
        if self._is_open(h):
            self.go(h, focus_text=False)

    def go(self, h: Hit, focus_text: bool) -> None:
        w = self.window
        if not self._is_open(h) and not (h.path and w.open_path(h.path)):
            return
        cable = w.controller.cable
        if cable is None or cable.text[h.start : h.end] != h.text:
            w.error(f"{h.cable} has changed since it was searched: search again.")
            return
        w.view.reveal(h.start, h.end)
        w.view.select_span(h.start, h.end)
        w.controller.go_to(h.region)
        if focus_text:
            w.view.setFocus()

    # -- redacting ---------------------------------------------------------------------------
    def redact(self, hits: list[Hit]) -> None:
        w, c = self.window, self.window.controller
        todo = [h for h in hits if not h.covered]
        if not todo:
            w.status.flash("Every selected hit is withheld already.")
            return
        cables = {h.path or h.cable for h in todo}
        where = f" in {len(cables)} cables" if len(cables) > 1 else ""
        codes = window_dialogs.pick_codes(
            w,
            window_dialogs.code_sets(w),
            c.last_span_codes,
            f"Redact {len(todo)} hit{'s' if len(todo) != 1 else ''}{where} with",
        )
        if not codes:
            return
        groups: dict[str, list[Hit]] = defaultdict(list)
        for h in todo:
            groups[h.path or h.cable].append(h)
        done, failed, undecided = 0, [], 0
        for key, group in groups.items():
            cable = c.cable if self._is_open(group[0]) else None
            if cable is None:
                try:
                    cable = read_cable(key)
                except (CableError, OSError) as exc:
                    failed.append(str(exc))
                    continue
            one = cable

            def build(review, group=group, one=one):  # type: ignore[no-untyped-def]
                return rhits.redact_hits(one, review, group, codes)

            if c.execute_on(cable, build):
                done += len(group)
                s = c.session_by_id(group[0].cable)
                if s is not None:
                    after = [rhits.annotate(h, s.review) for h in group]
                    undecided += sum(1 for h in after if h.state == "pending")
        if done:
            c.last_span_codes = list(codes)
            self.follow()
        words = f"Redacted {done} hit{'s' if done != 1 else ''}{where} with {' '.join(codes)}"
        if undecided:
            words += (
                f"; {undecided} in regions not yet decided, which stay undecided "
                "(release the rest of each with A)"
            )
        self.pane.show_status(words + "." + (f" Not redacted: {failed[0]}" if failed else ""))
        w.status.flash(words + ".")


def _same(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def _sentence(exc: BaseException | str) -> str:
    text = str(exc).strip() or "the search failed"
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
