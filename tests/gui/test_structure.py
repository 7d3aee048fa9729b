"""The shape the window's code keeps: no import cycles, nothing imports the window, no
widget method shadowed (issue 10)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import import_cycles  # noqa: E402


def test_no_import_cycle_involves_the_window() -> None:
    # The whole package's cycles are reported by benchmarks/import_cycles.py; the window's
    # own (the ReviewOps mixin, session/undo) are held here.
    found = import_cycles.cycles(import_cycles.graph())
    assert [c for c in found if any(m.startswith("workbench.gui") for m in c)] == []


def test_only_the_app_and_the_self_test_import_the_window() -> None:
    g = import_cycles.graph()
    importers = sorted(m for m, edges in g.items() if "workbench.gui.main_window" in edges)
    assert importers == ["workbench.gui.app", "workbench.gui.selftest"]


def test_the_window_shadows_no_qt_method() -> None:
    from PySide6.QtWidgets import QMainWindow

    from workbench.gui.main_window import MainWindow

    qt = set(dir(QMainWindow))
    own = {n for n, v in vars(MainWindow).items() if not n.startswith("_")}
    overridden_on_purpose = {"dragEnterEvent", "dropEvent", "closeEvent", "staticMetaObject"}
    assert (own & qt) - overridden_on_purpose == set()
