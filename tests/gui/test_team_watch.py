"""The window's watcher hears of another reviewer's change without blocking the event loop."""

from __future__ import annotations

from pathlib import Path

from workbench.cable import read_cable
from workbench.review import SqliteStore, commands


def test_watch_reports_a_change_made_by_another_program(
    qtbot, store_path: Path, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from workbench.gui.team_watch import TeamWatch

    cable = read_cable(sample_path)
    SqliteStore(store_path).close()
    watch = TeamWatch(str(store_path))
    with qtbot.waitSignal(watch.ready, timeout=10000):
        watch.start()
    try:
        other = SqliteStore(store_path)
        with qtbot.waitSignal(watch.changed, timeout=10000) as blocker:
            other.apply(other.load(cable), commands.release(cable.paragraphs[0]), "bob")
        assert blocker.args == [[cable.id]]
        other.close()
    finally:
        watch.stop()
    assert watch.isFinished()
