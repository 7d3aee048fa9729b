"""The inspector: the cable's header fields, its DECL status, findings, the current paragraph
(its marking and decision panel) and the list of the cable's redactions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.cable.model import Cable
from workbench.gui import styles
from workbench.review.regions import Region

HEADER_ROWS: tuple[tuple[str, str], ...] = (
    ("id", "Reference"),
    ("sent", "Date"),
    ("origin", "From"),
    ("classification", "Classification"),
    ("decl", "DECL"),
    ("due", "Due"),
    ("classified_by", "Classified by"),
    ("tags", "TAGS"),
    ("subject", "Subject"),
)


def _label(text: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class Inspector(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setWidgetResizable(True)
        self.setMinimumWidth(styles.INSPECTOR_MIN_WIDTH)
        # Never sideways: everything in it wraps to the width it is given (a test holds it at
        # 1024x768); it scrolls down only.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(8, 8, 8, 8)

        # What the reviewer decides first; the cable's own details below.
        self.paragraph_box = QGroupBox("Paragraph")
        self.paragraph_layout = QVBoxLayout(self.paragraph_box)
        self.paragraph_info = _label()
        self.paragraph_layout.addWidget(self.paragraph_info)
        self.decided_by = _label()  # who decided it, from the store (gui/deciders.py)
        self.decided_by.setObjectName("decidedBy")
        self.paragraph_layout.addWidget(self.decided_by)
        self._layout.addWidget(self.paragraph_box)

        self.redaction_box = QGroupBox("Redactions")
        self.redaction_layout = QVBoxLayout(self.redaction_box)
        self._layout.addWidget(self.redaction_box)
        self.findings_box = QGroupBox("Findings")
        fl = QVBoxLayout(self.findings_box)
        self.findings = QListWidget()
        self.findings.setObjectName("findingsList")
        self.findings.setWordWrap(True)
        self.findings.setMaximumHeight(120)
        self.no_findings = QLabel("No cable is open.")  # not "consistent" before any cable
        self.no_findings.setWordWrap(True)
        fl.addWidget(self.findings)
        fl.addWidget(self.no_findings)
        self._layout.addWidget(self.findings_box)

        header = QGroupBox("Cable")
        form = QFormLayout(header)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QLabel] = {}
        for key, title in HEADER_ROWS:
            lab = _label()
            lab.setObjectName(f"field_{key}")
            self.fields[key] = lab
            form.addRow(title, lab)
        self._layout.addWidget(header)

        self._layout.addStretch(1)

    def add_to_paragraph_box(self, widget: QWidget) -> None:
        self.paragraph_layout.addWidget(widget)

    def add_redaction_list(self, widget: QWidget) -> None:
        widget.setMinimumHeight(140)
        self.redaction_layout.addWidget(widget)

    def show_redaction_count(self, n: int) -> None:
        # Short: a group box title never wraps, and a long one would widen the inspector.
        self.redaction_box.setTitle(f"Redactions ({n})")
        self.redaction_box.setToolTip("F2 or Enter changes the codes, Delete releases")

    def show_cable(self, cable: Cable) -> None:
        f = self.fields
        f["id"].setText(cable.id or "(no reference ID)")
        f["sent"].setText(cable.sent.strftime("%d %b %Y %H:%MZ") if cable.sent else "unknown")
        f["origin"].setText(cable.origin.name if cable.origin else "")
        c = cable.classification
        if c is not None:
            colour = styles.readable(
                styles.LEVEL_COLOURS.get(c.level, styles.UNKNOWN_COLOUR), self._background()
            ).name()
            text = c.level + ("//" + "/".join(c.controls) if c.controls else "")
            f["classification"].setText(f'<b style="color:{colour}">{text}</b>')
        else:
            f["classification"].setText("none found")
        d = cable.decl
        f["decl"].setText(f"{d.text} ({d.kind})" if d else "none")
        cb = cable.classified_by
        f["classified_by"].setText(f"{cb.name}; reasons {', '.join(cb.reasons)}" if cb else "")
        f["tags"].setText(" ".join(cable.tags))
        f["subject"].setText(cable.subject.text if cable.subject else "")
        f["due"].setText("")

    def _background(self) -> QColor:
        return self.palette().window().color()

    def show_due(self, text: str, colour: str) -> None:
        colour = styles.readable(colour, self._background()).name()
        self.fields["due"].setText(f'<span style="color:{colour}"><b>{text}</b></span>')

    def show_findings(self, messages: list[str]) -> None:
        self.findings.clear()
        for m in messages:
            QListWidgetItem(m, self.findings)
        self.findings_box.setTitle(f"Findings ({len(messages)})")
        self.findings.setVisible(bool(messages))
        self.no_findings.setText("None: the markings and instructions look consistent.")
        self.no_findings.setVisible(not messages)

    def show_region(self, r: Region, cable: Cable, place: int, count: int) -> None:
        """The current region: which it is, where it stands, and a paragraph's marking."""
        self.paragraph_box.setTitle(f"{r.label} ({place} of {count})")
        m = None
        if r.paragraph is not None and 1 <= r.paragraph <= len(cable.paragraphs):
            m = cable.paragraphs[r.paragraph - 1].marking
        if r.kind != "paragraph":
            self.paragraph_info.setText(r.name)
            return
        if m is None:
            self.paragraph_info.setText("No portion marking")
            return
        controls = " // " + "/".join(m.controls) if m.controls else ""
        self.paragraph_info.setText(f"Marked {m.text} ({m.level or 'unknown level'}{controls})")
