"""The navigator's model: one row per region the reviewer decides (the routing lines, each
header field, each paragraph, passing lines, unparsed text...), with its decision.

A thin adapter over the controller's list of regions and the review (napari's ``_qt/containers``
idiom): it owns no data, and the window tells it which regions changed after each command.
A decision a rule made (``routing lines are released with the header``) shows with "(rule)".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from workbench.cable.model import Cable, Marking
from workbench.gui import styles
from workbench.review.model import Action, Decision, Effective, Review
from workbench.review.regions import Region

Index = QModelIndex | QPersistentModelIndex

# The first words last: they stretch into what the others leave (and are cut off first on a
# narrow screen), so the decision and its codes never need a sideways scroll.
COLUMNS: tuple[str, ...] = ("Region", "Mark", "Decision", "Codes", "Text")
COL_LABEL, COL_MARKING, COL_DECISION, COL_CODES, COL_TEXT = range(len(COLUMNS))

# The region's key, for views and tests that need it behind a row.
RegionKeyRole = Qt.ItemDataRole.UserRole + 1

# A sign before each word: the state is told apart without its colour.
DECISION_LABELS = {
    a: f"{styles.DECISION_SIGNS[a.value]} {word}"
    for a, word in (
        (Action.PENDING, "Undecided"),
        (Action.RELEASE, "Release"),
        (Action.WITHHOLD, "Withhold"),
        (Action.PARTIAL, "Partial"),
    )
}


def first_words(region: Region, cable: Cable, words: int = 9) -> str:
    parts = cable.text[region.body_start : region.end].split()
    text = " ".join(parts[:words])
    return text + (" …" if len(parts) > words else "")


def decision_codes(decision: Decision) -> tuple[str, ...]:
    if decision.action == Action.WITHHOLD:
        return decision.codes
    return tuple(dict.fromkeys(c for s in decision.spans for c in s.codes))


def marking_of(region: Region, cable: Cable) -> Marking | None:
    if region.paragraph is None or not 1 <= region.paragraph <= len(cable.paragraphs):
        return None
    return cable.paragraphs[region.paragraph - 1].marking


def decision_words(e: Effective) -> str:
    label = DECISION_LABELS[e.action]
    if e.action == Action.PARTIAL:
        label += f" ({len(e.decision.spans)})"
    if e.by.startswith("rule:"):
        label += " (rule)"
    return label


class RegionModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.background = QColor("#ffffff")  # the view's base colour: text colours adapt to it
        self._cable: Cable | None = None
        self._review: Review | None = None
        self.regions: list[Region] = []
        self._words: list[str] = []
        self._row: dict[str, int] = {}

    def set_review(self, cable: Cable | None, review: Review | None, regions: list[Region]) -> None:
        self.beginResetModel()
        self._cable, self._review, self.regions = cable, review, list(regions)
        self._words = [first_words(r, cable) for r in regions] if cable else []
        self._row = {r.key: i for i, r in enumerate(self.regions)}
        self.endResetModel()

    def row_of(self, key: str) -> int:
        return self._row.get(key, -1)

    def regions_changed(self, keys: list[str] | None = None) -> None:
        """Decisions changed for these regions (all when None). A rule may carry a change to
        other regions (a repeated header follows its original), so every row is refreshed
        when a change touches a region that others follow."""
        n = self.rowCount()
        if not n:
            return
        rows = sorted({self._row[k] for k in keys if k in self._row}) if keys else []
        if not keys or any(r.follows for r in self.regions):
            rows = list(range(n))
        for r in rows:
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    def effective(self, region: Region) -> Effective:
        return self._review.effective(region) if self._review else Effective(Decision())

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.regions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    "Paragraph number or header line",
                    "Portion marking",
                    "Review decision (a rule's marked '(rule)')",
                    "Exemption codes",
                    "First words",
                )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._cable is None or not 0 <= index.row() < len(self.regions):
            return None
        r = self.regions[index.row()]
        col = index.column()
        marking = marking_of(r, self._cable)
        if role == Qt.ItemDataRole.DisplayRole:
            e = self.effective(r)
            return (
                r.label,
                marking.text if marking else "",
                decision_words(e),
                " ".join(decision_codes(e.decision)),
                self._words[index.row()],
            )[col]
        if role == RegionKeyRole:
            return r.key
        if role == Qt.ItemDataRole.ToolTipRole:
            e = self.effective(r)
            if col == COL_TEXT:
                return first_words(r, self._cable, 60)
            if col == COL_MARKING and marking is not None:
                return f"{marking.level or 'unknown level'} {' '.join(marking.controls)}"
            if col == COL_DECISION and e.by == "rule:recurrences":
                return (
                    "Text withheld elsewhere in the cable is withheld here too (the rule "
                    "'recurrences'); it gives way only when switched off for the cable"
                )
            if col == COL_DECISION and e.by.startswith("rule:"):
                return f"Decided by the rule '{e.by[5:]}' (Review menu); a decision of yours overrides it"
            if col == COL_DECISION and e.decision.comment:
                return e.decision.comment
            if col == COL_CODES:
                return " ".join(decision_codes(e.decision)) or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_MARKING and marking is not None:
                return styles.readable(styles.level_colour(marking.level), self.background)
            if col == COL_DECISION:
                colour = styles.DECISION_COLOURS[self.effective(r).action.value]
                return styles.readable(colour, self.background)
            return None
        if role == Qt.ItemDataRole.FontRole and col in (COL_MARKING, COL_DECISION):
            font = QFont()
            font.setBold(col == COL_DECISION or bool(marking and marking.controls))
            return font
        return None
