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


# One line per action, so the table reads like the key list in the user guide. Undo and Redo
# are made by the undo stack (they name what they undo); they are listed here for their keys.
# fmt: off
SPECS: tuple[Spec, ...] = (
    Spec("open", "&Open Cable…", (Key.Open,), "Open a cable file", "&File"),
    Spec("open_folder", "Open &Folder…", ("Ctrl+Shift+O",), "Check every cable in a folder", "&File"),
    Spec("show_folder", "Back to Folder &Table", ("Ctrl+B",), "Show the folder's table again", "&File"),
    Spec("export", "&Export…", ("Ctrl+E",), "Export a release copy, review copy or Vaughn index", "&File"),
    Spec("settings", "&Settings…", ("Ctrl+,",), "Your name (printed on releases and in the audit log) and code set", "&File"),
    Spec("quit", "&Quit", (Key.Quit, "Ctrl+Q"), "Quit the workbench", "&File"),
    Spec("undo", "&Undo", (Key.Undo,), "Undo the last decision", "&Edit"),
    Spec("redo", "&Redo", ("Ctrl+Shift+Z", Key.Redo), "Redo the decision undone", "&Edit"),
    Spec("find_redact", "&Find in Cable…", (Key.Find,), "Find every hit of a term in this cable (the selection is filled in); Ctrl+R in the list redacts the hits chosen", "&Edit"),
    Spec("find_folder", "Find in F&older…", ("Ctrl+Shift+F",), "Find every hit of a term in every cable of the open folder, off the window's thread", "&Edit"),
    Spec("comment", "&Comment…", ("C",), "Type the current region's justification (Enter saves)", "&Edit"),
    Spec("next", "&Next Region", ("Down", "J"), "Go to the next region", "&Review"),
    Spec("previous", "&Previous Region", ("Up", "K"), "Go to the previous region", "&Review"),
    Spec("first", "&First Region", ("Home",), "Go to the first region", "&Review"),
    Spec("last", "&Last Region", ("End",), "Go to the last region", "&Review"),
    Spec("next_undecided", "Next &Undecided", ("N",), "Go to the next region not yet decided, then the next cable of the folder", "&Review"),
    Spec("release", "&Release", ("A",), "Release the region in full", "&Review", "Release  A"),
    Spec("withhold", "&Withhold", ("R",), "Withhold the region with the last codes used", "&Review", "Withhold  R"),
    Spec("choose_codes", "Withhold with &Codes…", ("Shift+R",), "Choose codes and withhold the region", "&Review", "Codes…  ⇧R"),
    Spec("redact_selection", "Redact &Selection…", ("Ctrl+R",), "Withhold the selected text: choose its codes (the last ones are ticked), Enter accepts", "&Review", "Redact selection  Ctrl+R"),
    Spec("unredact_selection", "Release Selection", ("Ctrl+Shift+R",), "Release the selected text again", "&Review"),
    Spec("release_header", "Release Header &Lines…", ("Ctrl+Shift+H",), "Release every undecided region outside the paragraphs (header fields, passing lines, signature), after listing them", "&Review"),
    Spec("set_pending", "Un&decide", ("Backspace", "Delete"), "Set the region back to not decided", "&Review", "Undecide  ⌫"),
    Spec("start_over", "Start Review &Over…", (), "Discard this cable's decisions (the audit log keeps them) and review it again", "&Review"),
    Spec("next_suggestion", "&Next Suggestion", ("S",), "Go to the next suggested redaction (a dotted outline) and select its text", "Su&ggestions"),
    Spec("previous_suggestion", "&Previous Suggestion", ("Shift+S",), "Go to the previous suggested redaction", "Su&ggestions"),
    Spec("accept_suggestion", "&Accept Suggestion", ("X",), "Withhold the suggestion's text with its proposed codes (one undoable step); Ctrl+R chooses other codes", "Su&ggestions"),
    Spec("accept_all_suggestion", "Accept Every &Occurrence", ("Shift+X",), "Withhold every occurrence of the suggestion's text in the cable, in one undoable step", "Su&ggestions"),
    Spec("reject_suggestion", "&Reject Suggestion", ("D",), "Do not propose this text again on this cable (kept in the review store; Ctrl+Z takes it back)", "Su&ggestions"),
    Spec("show_suggestions", "&Show Suggestions", ("Ctrl+Shift+S",), "Show or hide the dotted outlines of suggested redactions", "Su&ggestions"),
    Spec("focus_table", "Go to &Paragraph List", ("Ctrl+1",), "Put the keyboard in the paragraph list", "&View"),
    Spec("focus_text", "Go to the &Text", ("Ctrl+2",), "Put the keyboard in the cable text (Shift+arrows select)", "&View"),
    Spec("focus_redactions", "Go to the &Redactions", ("Ctrl+3",), "The list of this cable's redactions: F2 changes codes, Delete releases", "&View"),
    Spec("keys", "&Keys", ("F1",), "Show the keys", "&Help"),
)
# fmt: on


def _sequence(key: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    if isinstance(key, str):
        return [QKeySequence(key)]
    return list(QKeySequence.keyBindings(key))


def key_sequences(spec: Spec) -> list[QKeySequence]:
    """The spec's keys, each once (a standard key often repeats one given by name)."""
    keys: list[QKeySequence] = []
    for k in spec.keys:
        for seq in _sequence(k):
            if seq not in keys and not seq.isEmpty():
                keys.append(seq)
    return keys


def make_actions(
    window: QMainWindow, made: dict[str, QAction] | None = None
) -> tuple[dict[str, QAction], QMenu]:
    """Create the actions and the menus that show them (menus show the first key).

    ``made`` holds actions made elsewhere (the undo stack's Undo and Redo, whose text says
    what they undo): they get the spec's keys and place instead of a new action.
    Returns the actions by name and the Open Recent menu.
    """
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in SPECS:
        action = (made or {}).get(spec.name) or QAction(spec.text, window)
        action.setObjectName(f"action_{spec.name}")
        keys = key_sequences(spec)
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
    return actions, recent


# Keys that are not menu actions: they belong to a list or a dialog.
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", "Move between the paragraph list, the text, the redactions, the comment"),
    ("Shift+arrows", "Select text in the cable text (then Ctrl+R)"),
    ("F2 / Enter", "In the redactions list: change the codes"),
    ("Delete", "In the redactions list: release that redaction"),
    ("b6, 14d ⏎", "In the code picker: tick or untick that code"),
    ("Backspace", "In the code picker, nothing typed: untick every code"),
    ("⏎", "In the code picker, nothing typed: accept the codes as ticked"),
    ("Enter", "In the folder table: open the cable"),
    ("↑↓ ⏎", "In the find list: show each hit; Enter goes to it (opening its cable)"),
    ("Ctrl+A, Ctrl+R", "In the find list: select every hit, redact the hits selected"),
    ("Esc", "In the find pane: back to the review"),
)


def key_summary() -> str:
    """Every key, one per line, for the Keys dialog (F1)."""
    lines = []
    for spec in SPECS:
        keys = " / ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in key_sequences(spec)
        )
        if keys:
            lines.append(f"{keys:<22} {spec.text.replace('&', '').rstrip('…')}")
    lines.append("")
    lines.extend(f"{keys:<22} {what}" for keys, what in OTHER_KEYS)
    return "\n".join(lines)
