"""A long reviewer session through the real window: hundreds of decisions by keys, over a
folder of real cables, with the memory and each decision's latency printed.

    python3 benchmarks/gui_session.py                  # 600 decisions, offscreen
    WB_DECISIONS=2000 python3 benchmarks/gui_session.py
    xvfb-run -a python3 benchmarks/gui_session.py      # a real X server

The reviewer's day, scripted: open a folder (dev cables, then held-out ones, each part its own
session and its own figures), open its first cable, release the header lines (Ctrl+Shift+H, the
question answered Yes), then for every paragraph N (next undecided) and a decision: mostly A
(release), every fifth R (withhold with the last codes), every seventh a word selected and
Ctrl+R (the code picker, Enter accepts) then A for the rest, every eleventh Backspace and A
again (a change of mind), every thirteenth Ctrl+Z then Ctrl+Shift+Z. When a cable is done, N
opens the folder's next one. Every key goes to the widget that has the keyboard, as a user's.

Figures: per decision, key-to-painted (the key's handling plus the repaint it causes) and
click-to-saved (until the store writer has committed it); the window's memory (RSS) and the
Python objects alive, every 100 decisions. At the end the store is read back from a fresh
connection and must hold every decision the window shows (else the benchmark fails).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

import corpus  # noqa: E402
from machine import cpu_name as cpu  # noqa: E402  (benchmarks/ is on sys.path when run)

DECISIONS = int(os.environ.get("WB_DECISIONS", "600"))
CABLES_PER_PART = max(60, DECISIONS // 8)  # enough for the session: N finds the next one


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pick(part: str) -> list[Path]:
    """Real cables of one part: originals of 2-12 KB (a few to a dozen paragraphs), by name."""
    chosen = [
        t.path
        for t in sorted(corpus.index(), key=lambda t: t.path.name)
        if t.lineage == "original" and t.part == part and 2_000 <= t.path.stat().st_size <= 12_000
    ]
    return chosen[:CABLES_PER_PART]


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


class Session:
    """Drives one window through a folder by keys and records what each decision cost."""

    def __init__(self, app, window) -> None:  # type: ignore[no-untyped-def]
        self.app, self.w = app, window
        self.painted: dict[str, list[float]] = {}  # ms per decision key, by the key
        self.saved: list[float] = []  # ms from the key to committed
        self.memory: list[tuple[int, float, int]] = []  # decisions, RSS MB, Python objects
        self.opens: list[float] = []  # ms for N to open the folder's next cable
        self.paths: list[str] = []  # the cables opened, in order
        self.seen = {"picker": 0, "header question": 0}
        self.asked: dict[str, int] = {}
        self.decisions = 0

    # -- keys --------------------------------------------------------------------------------
    def key(self, k, mod=None) -> float:  # type: ignore[no-untyped-def]
        """Press one key where the keyboard is; ms until it is handled and repainted."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        if QApplication.activeModalWidget() is None and not self.w.isActiveWindow():
            self.w.activateWindow()
            QTest.qWaitForWindowActive(self.w)
        target = QApplication.focusWidget() or self.w.table
        t0 = time.perf_counter()
        QTest.keyClick(target, k, mod or Qt.KeyboardModifier.NoModifier)
        self.app.processEvents()  # the repaints the key caused
        return (time.perf_counter() - t0) * 1000

    def answer(self, kind: str, find, act) -> None:  # type: ignore[no-untyped-def]
        """Answer a modal dialog once it is shown (counted: a dialog that never came fails
        the run at the next ``expect``)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        self.asked[kind] = self.asked.get(kind, 0) + 1
        tries = [500]

        def poll() -> None:
            d = next((x for x in QApplication.topLevelWidgets() if x.isVisible() and find(x)), None)
            if d is None:
                tries[0] -= 1
                if tries[0] > 0:
                    QTimer.singleShot(10, poll)
                return
            self.seen[kind] += 1
            act(d)

        QTimer.singleShot(10, poll)

    def expect(self, kind: str) -> None:
        if self.seen[kind] != self.asked.get(kind, 0):
            raise SystemExit(f"the {kind} never appeared (asked {self.asked[kind]} times)")

    def wait_saved(self, t0: float) -> None:
        c = self.w.controller
        deadline = time.perf_counter() + 60
        while c.unsaved and time.perf_counter() < deadline:
            self.app.processEvents()
            time.sleep(0.001)
        if c.unsaved:
            raise SystemExit("a decision was not saved within 60 s")
        self.saved.append((time.perf_counter() - t0) * 1000)

    def decided(self, what: str, t0: float, ms: float) -> None:
        self.painted.setdefault(what, []).append(ms)
        self.wait_saved(t0)
        self.decisions += 1
        if self.decisions % 100 == 0 or self.decisions == 1:
            self.memory.append((self.decisions, rss_mb(), sys.getallocatedblocks()))

    # -- the reviewer ------------------------------------------------------------------------
    def run(self, folder: Path, first: Path) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from workbench.gui.code_picker import CodePicker
        from workbench.review.model import Action

        K, M = Qt.Key, Qt.KeyboardModifier
        w = self.w
        assert w.open_path(folder)
        while w.batch is not None and w.batch.is_running():
            self.app.processEvents()
            time.sleep(0.005)
        assert w.open_path(first)
        w.table.setFocus()
        cable_path = None
        n = 0
        while self.decisions < DECISIONS:
            c = w.controller
            if c.cable is not None and c.cable.path != cable_path:
                cable_path = c.cable.path
                self.paths.append(cable_path)
                if c.header_to_release():
                    self.answer(
                        "header question",
                        lambda x: isinstance(x, QMessageBox),
                        lambda box: box.button(QMessageBox.StandardButton.Yes).click(),
                    )
                    t0 = time.perf_counter()
                    self.decided(
                        "Ctrl+Shift+H, Yes",
                        t0,
                        self.key(K.Key_H, M.ControlModifier | M.ShiftModifier),
                    )
                    self.expect("header question")
                w.table.setFocus()
            before = c.cable.path if c.cable else None
            ms = self.key(K.Key_N)
            if w.controller.cable is not None and w.controller.cable.path != before:
                self.opens.append(ms)
                continue  # a new cable: its header lines first
            region = c.current
            if (
                region is None
                or c.review is None
                or c.review.effective(region).action != Action.PENDING
            ):
                if (
                    c.review is not None
                    and c.review.is_complete
                    and w.batch.next_unreviewed(c.cable.path) is None
                ):
                    break  # the folder is done
                continue
            n += 1
            t0 = time.perf_counter()
            if region.kind == "paragraph" and n % 7 == 0 and self._select_a_word(region):
                self.answer(
                    "picker",
                    lambda x: isinstance(x, CodePicker),
                    lambda p: self._accept(p),
                )
                self.decided("Ctrl+R, Enter", t0, self.key(K.Key_R, M.ControlModifier))
                self.expect("picker")
                w.table.setFocus()
                t0 = time.perf_counter()
                self.decided("A", t0, self.key(K.Key_A))
            elif region.kind == "paragraph" and n % 5 == 0:
                self.decided("R", t0, self.key(K.Key_R))
            else:
                self.decided("A", t0, self.key(K.Key_A))
            if n % 11 == 0:  # a change of mind: back, undecide, release
                self.key(K.Key_K)
                t0 = time.perf_counter()
                self.decided("Backspace", t0, self.key(K.Key_Backspace))
                t0 = time.perf_counter()
                self.decided("A", t0, self.key(K.Key_A))
            if n % 13 == 0:  # undo and redo the last decision
                t0 = time.perf_counter()
                self.decided("Ctrl+Z", t0, self.key(K.Key_Z, M.ControlModifier))
                t0 = time.perf_counter()
                self.decided(
                    "Ctrl+Shift+Z", t0, self.key(K.Key_Z, M.ControlModifier | M.ShiftModifier)
                )

    def _select_a_word(self, region) -> bool:  # type: ignore[no-untyped-def]
        """Select the region's first capitalised word of 4+ letters (a name, usually)."""
        import re

        text = self.w.controller.cable.text
        m = re.search(r"\b[A-Z][a-z]{3,}\b", text[region.body_start : region.end])
        if m is None:
            return False
        s = region.body_start + m.start()
        self.w.view.select_span(s, s + len(m.group()))
        return True

    def _accept(self, picker) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(picker.search, Qt.Key.Key_Return)  # accept the last codes as ticked


def check_store(store_path: Path, window, paths: list[str]) -> int:  # type: ignore[no-untyped-def]
    """Every cable the session opened, read back from a fresh connection: the number whose
    saved review differs from the window's own."""
    from workbench.cable import read_cable
    from workbench.review.model import review_id
    from workbench.review.stores import open_store

    store = open_store(str(store_path))
    wrong = 0
    for path in paths:
        cable = read_cable(Path(path))
        held = window.controller.session_by_id(review_id(cable))
        wrong += held is None or store.load(cable) != held.review
    store.close()
    return wrong


def report(part: str, s: Session, elapsed: float) -> None:
    print(
        f"{part}: {s.decisions} decisions over {len(s.paths)} cables in {elapsed:.0f} s "
        f"(pickers seen {s.seen['picker']}, header questions seen {s.seen['header question']})"
    )
    single = [ms for k, v in s.painted.items() if "," not in k for ms in v]
    print(
        f"  one key to painted ({len(single)}): median {statistics.median(single):.1f} ms, "
        f"p95 {pct(single, 95):.1f}, worst {max(single):.0f} ms (aim < 100)"
    )
    for k, v in sorted(s.painted.items()):
        print(
            f"    {k:<18} {len(v):4}: median {statistics.median(v):6.1f} ms, p95 "
            f"{pct(v, 95):6.1f}, worst {max(v):4.0f} ms"
        )
    print(
        f"  key to saved:   median {statistics.median(s.saved):.1f} ms, p95 "
        f"{pct(s.saved, 95):.1f}, worst {max(s.saved):.0f} ms"
    )
    if s.opens:
        print(
            f"  N opening the next cable: median {statistics.median(s.opens):.0f} ms, "
            f"worst {max(s.opens):.0f} ms"
        )
    first, last = s.memory[0], s.memory[-1]
    per100 = (last[1] - first[1]) / max(1, (last[0] - first[0]) / 100)
    print(
        f"  memory: RSS {first[1]:.0f} MB after decision {first[0]}, {last[1]:.0f} MB after "
        f"{last[0]} ({per100:+.2f} MB per 100 decisions); Python memory blocks {first[2]} -> {last[2]}"
    )
    print("  RSS by decisions: " + ", ".join(f"{d}: {m:.0f}" for d, m, _ in s.memory))


def main() -> int:
    if not corpus.available():
        print("needs ../shared/corpus", file=sys.stderr)
        return 2
    home = Path(tempfile.mkdtemp(prefix="wb-session-"))
    os.environ["WORKBENCH_HOME"] = str(home)
    (home / "config").mkdir()
    (home / "config" / "settings.json").write_text('{"reviewer": "Session Benchmark"}')
    from PySide6.QtTest import QTest

    from workbench.gui.app import application
    from workbench.gui.main_window import MainWindow

    app = application()
    print(f"machine: {os.cpu_count()} cores, {cpu()}; Qt platform {app.platformName()}")
    failed = 0
    for part in ("dev", "held-out"):
        cables = pick(part)
        folder = home / part
        folder.mkdir()
        for p in cables:
            os.link(p, folder / p.name) if p.stat().st_dev == home.stat().st_dev else shutil.copy(
                p, folder / p.name
            )
        store_path = home / f"{part}.sqlite3"
        window = MainWindow(store_path=store_path)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.activateWindow()
        session = Session(app, window)
        t0 = time.perf_counter()
        session.run(folder, folder / cables[0].name)
        report(part, session, time.perf_counter() - t0)
        wrong = check_store(store_path, window, session.paths)
        print(f"  store read back: {wrong} review(s) differ from the window's")
        failed += wrong
        window.close()
        app.processEvents()
    shutil.rmtree(home, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
