"""The session log: one short form (under a minute from the keyboard) and the list of sessions.

kvet records what the clinic said about the dose in the person's own words and never suggests one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kvet.course import (
    SIDE_EFFECT_LABELS,
    DoseSession,
    SideEffect,
    format_blood_pressure,
    parse_blood_pressure,
)
from kvet.gui.text import plain_label
from kvet.store.courses import EntryInfo

Index = QModelIndex | QPersistentModelIndex
DATE_FORMAT = "d MMM yyyy"
TREATMENTS = ("IV infusion", "Nasal esketamine", "IM injection", "Oral or lozenge", "Other")
COLUMNS = (
    "Date",
    "Treatment",
    "Dose (as the clinic said)",
    "Blood pressure",
    "Steady after",
    "Side effects",
    "Note",
)


class SessionsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EntryInfo] = []

    def set_rows(self, rows: list[EntryInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        session = self.rows[index.row()].entry
        assert isinstance(session, DoseSession)
        column = index.column()
        if column == 0:
            return f"{session.day:%d %b %Y}".lstrip("0")
        if column == 1:
            return session.treatment
        if column == 2:
            raised = " (raised)" if session.dose_raised else ""
            return session.dose_note + raised
        if column == 3:
            before, after = (
                format_blood_pressure(r) for r in (session.bp_before, session.bp_after)
            )
            return f"{before} → {after}" if before or after else ""
        if column == 4:
            minutes = session.minutes_to_steady
            return "" if minutes is None else f"{minutes} min"
        if column == 5:
            return ", ".join(SIDE_EFFECT_LABELS[e] for e in SideEffect if e in session.side_effects)
        return session.note


class SessionForm(QWidget):
    """Enter on any field adds the session; the date starts at today."""

    added = Signal(object)  # DoseSession
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        form.addRow("&Date:", self.day)
        self.treatment = QComboBox()
        self.treatment.setEditable(True)
        self.treatment.addItems(TREATMENTS)
        form.addRow("&Treatment:", self.treatment)
        self.dose = QLineEdit()
        self.dose.setPlaceholderText("In your words, what the clinic said (optional)")
        form.addRow("What the clinic said about the d&ose:", self.dose)
        self.raised = QCheckBox("The clinic said the dose was raised this time")
        form.addRow("", self.raised)
        pressure_row = QWidget()
        pressure = QHBoxLayout(pressure_row)
        pressure.setContentsMargins(0, 0, 0, 0)
        self.bp_before = QLineEdit()
        self.bp_before.setPlaceholderText("e.g. 128/84")
        self.bp_before.setAccessibleName("Blood pressure before")
        self.bp_after = QLineEdit()
        self.bp_after.setPlaceholderText("e.g. 140/90")
        self.bp_after.setAccessibleName("Blood pressure after")
        pressure.addWidget(self.bp_before)
        pressure.addWidget(plain_label("after:", wrap=False))
        pressure.addWidget(self.bp_after)
        form.addRow("&Blood pressure before (if shared):", pressure_row)
        label = form.labelForField(pressure_row)
        if isinstance(label, QLabel):
            label.setBuddy(self.bp_before)
        self.steady = QSpinBox()
        self.steady.setRange(0, 24 * 60)
        self.steady.setSpecialValueText("not noted")
        self.steady.setSuffix(" min")
        form.addRow("Time until &steady:", self.steady)
        layout.addLayout(form)
        effects = QGroupBox("Side effects you noticed")
        grid = QGridLayout(effects)
        self.effects: dict[SideEffect, QCheckBox] = {}
        for n, effect in enumerate(SideEffect):
            box = QCheckBox(SIDE_EFFECT_LABELS[effect])
            grid.addWidget(box, n // 2, n % 2)
            self.effects[effect] = box
        layout.addWidget(effects)
        self.note = QLineEdit()
        self.note.setPlaceholderText("A short note (optional)")
        self.note.setAccessibleName("Note")
        layout.addWidget(self.note)
        self.add_button = QPushButton("&Add session")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.submit)
        for line in (self.dose, self.bp_before, self.bp_after, self.note):
            line.returnPressed.connect(self.submit)
        layout.addWidget(self.add_button)

    def submit(self) -> None:
        try:
            before = parse_blood_pressure(self.bp_before.text())
            after = parse_blood_pressure(self.bp_after.text())
        except ValueError as exc:
            self.problem.emit(str(exc))
            return
        day = self.day.date().toPython()
        assert isinstance(day, date)
        session = DoseSession(
            day,
            self.treatment.currentText().strip(),
            self.dose.text().strip(),
            self.raised.isChecked(),
            before,
            after,
            self.steady.value() or None,
            frozenset(e for e, box in self.effects.items() if box.isChecked()),
            self.note.text().strip(),
        )
        self.added.emit(session)

    def clear(self) -> None:
        for line in (self.dose, self.bp_before, self.bp_after, self.note):
            line.clear()
        self.raised.setChecked(False)
        self.steady.setValue(0)
        for box in self.effects.values():
            box.setChecked(False)
        self.day.setFocus()
