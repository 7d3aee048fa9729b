"""The window's actions: one QAction per thing a reviewer does, with its keys, its object
name (tests and users find it by either) and its key in the tooltip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class Spec:
    name: str
    text: str
    keys: tuple[str | QKeySequence.StandardKey, ...]
    tip: str
    menu: str
    button: str = ""  # label on the decision panel's button, with its key


# One line per action, so the table reads like the key list in the user guide.
# fmt: off
SPECS: tuple[Spec, ...] = (
    Spec("open", "&Open Cable…", (Key.Open,), "Open a cable file", "&File"),
    Spec("open_folder", "Open &Folder…", ("Ctrl+Shift+O",), "Check every cable in a folder", "&File"),
    Spec("show_folder", "Back to Folder &Table", ("Ctrl+B",), "Show the folder's table again", "&File"),
    Spec("export", "&Export…", ("Ctrl+E",), "Export a release copy, review copy or Vaughn index", "&File"),
    Spec("quit", "&Quit", (Key.Quit, "Ctrl+Q"), "Quit the workbench", "&File"),
    Spec("undo", "&Undo", (Key.Undo,), "Undo the last decision", "&Edit"),
    Spec("redo", "&Redo", ("Ctrl+Shift+Z", Key.Redo), "Redo the decision undone", "&Edit"),
    Spec("find_redact", "&Find and Redact…", (Key.Find,), "Find text and redact every match", "&Edit"),
    Spec("next", "&Next Paragraph", ("Down", "J"), "Go to the next paragraph", "&Review"),
    Spec("previous", "&Previous Paragraph", ("Up", "K"), "Go to the previous paragraph", "&Review"),
    Spec("release", "&Release", ("A",), "Release the paragraph in full", "&Review", "Release  A"),
    Spec("withhold", "&Withhold", ("R",), "Withhold the paragraph with the last codes used", "&Review", "Withhold  R"),
    Spec("choose_codes", "Withhold with &Codes…", ("Shift+R",), "Choose codes and withhold the paragraph", "&Review", "Codes…  ⇧R"),
    Spec("redact_selection", "Redact &Selection", ("Ctrl+R",), "Withhold the selected text (release the rest of the paragraph)", "&Review", "Redact selection  Ctrl+R"),
    Spec("unredact_selection", "Release Selection", ("Ctrl+Shift+R",), "Release the selected text again", "&Review"),
    Spec("release_header", "Release Header &Lines…", ("Ctrl+Shift+H",), "Release every undecided region outside the paragraphs (header fields, passing lines, signature), after listing them", "&Review"),
    Spec("set_pending", "&Undecide", ("Backspace", "Delete"), "Set the paragraph back to not decided", "&Review", "Undecide  ⌫"),
    Spec("start_over", "Start Review &Over…", (), "Discard this cable's decisions (the audit log keeps them) and review it again", "&Review"),
    Spec("keys", "&Keys", ("F1",), "Show the keys", "&Help"),
)
# fmt: on


def _sequence(key: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    if isinstance(key, str):
        return [QKeySequence(key)]
    return list(QKeySequence.keyBindings(key))


def make_actions(window: QMainWindow) -> dict[str, QAction]:
    """Create the actions and the menus that show them (menus show the first key)."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.name}")
        keys: list[QKeySequence] = []
        for k in spec.keys:
            for seq in _sequence(k):
                if seq not in keys and not seq.isEmpty():
                    keys.append(seq)
        action.setShortcuts(keys)
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        action.setToolTip(f"{spec.tip} ({shown})" if shown else spec.tip)
        action.setStatusTip(spec.tip)
        if spec.button:
            action.setIconText(spec.button)
        window.addAction(action)  # keys work even when the menu bar is hidden
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
            menus[spec.menu].setObjectName(f"menu_{spec.menu.strip('&').lower()}")
            menus[spec.menu].setToolTipsVisible(True)
        menus[spec.menu].addAction(action)
        actions[spec.name] = action
    file_menu = menus["&File"]
    recent = QMenu("Open &Recent", window)
    recent.setObjectName("menu_recent")
    file_menu.insertMenu(actions["export"], recent)
    file_menu.insertSeparator(actions["export"])
    file_menu.insertSeparator(actions["quit"])
    menus["&Review"].insertSeparator(actions["release"])
    menus["&Review"].insertSeparator(actions["redact_selection"])
    window.recent_menu = recent  # type: ignore[attr-defined]
    return actions


def key_summary() -> str:
    """The keys, one per line, for the on-screen hint and the Keys dialog."""
    lines = []
    for spec in SPECS:
        if spec.menu in ("&Review", "&Edit") or spec.name in ("open", "export"):
            keys = " / ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in spec.keys
            )
            lines.append(f"{keys:<22} {spec.text.replace('&', '').rstrip('…')}")
    return "\n".join(lines)
