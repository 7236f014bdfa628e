"""The session log: one short form (under a minute from the keyboard) and the list of sessions.

kvet records what the clinic said about the dose in the person's own words and never suggests one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.flowlayout import FlowLayout, wrapping_title
from kvet.gui.common.text import plain_label, wrapping_check_box
from kvet.gui.treatment.dayedit import day_edit, day_of
from kvet.gui.words import coursewords
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.store.courses import EntryInfo
from kvet.treatment.course import (
    SIDE_EFFECT_LABELS,
    DoseSession,
    SideEffect,
    format_blood_pressure,
    parse_blood_pressure,
)

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "SessionLog"
# Offered in an editable list: what the person picks or types is kept as they see it.
TREATMENTS = (
    QT_TRANSLATE_NOOP("SessionLog", "IV infusion"),
    QT_TRANSLATE_NOOP("SessionLog", "Nasal esketamine"),
    QT_TRANSLATE_NOOP("SessionLog", "IM injection"),
    QT_TRANSLATE_NOOP("SessionLog", "Oral or lozenge"),
    QT_TRANSLATE_NOOP("SessionLog", "Other"),
)
# Each column's title: the printout's session table says the same, so it is the printouts' words
# ((table, id) in words.toml); "Lift (days)" is the window's own (SessionLog, English).
COLUMNS = (
    ("course", "date"),
    ("course", "treatment"),
    ("course", "dose"),
    ("course", "blood_pressure"),
    ("course", "steady"),
    (CONTEXT, QT_TRANSLATE_NOOP("SessionLog", "Lift (days)")),
    ("course", "side_effects"),
    ("course_table", "note"),
)
NOT_NOTED = -1  # the lift field's "not noted" (0 days is an answer: no lift at all)


def side_effect_words(effects: frozenset[SideEffect]) -> str:
    """The side effects noted at a session, in the window's language, in a fixed order."""
    return ", ".join(coursewords.say(SIDE_EFFECT_LABELS[e]) for e in SideEffect if e in effects)


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
            table, key = COLUMNS[section]
            return translate(CONTEXT, key) if table == CONTEXT else paper(table, key)
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
            return coursewords.day_text(session.day)
        if column == 1:
            return session.treatment
        if column == 2:
            if not session.dose_raised:
                return session.dose_note
            if session.dose_raise_planned:
                return translate("SessionLog", "{dose} (raised, as the clinic planned)").format(
                    dose=session.dose_note
                )
            return translate("SessionLog", "{dose} (raised)").format(dose=session.dose_note)
        if column == 3:
            before, after = (
                format_blood_pressure(r) for r in (session.bp_before, session.bp_after)
            )
            return f"{before} → {after}" if before or after else ""
        if column == 4:
            minutes = session.minutes_to_steady
            if minutes is None:
                return ""
            return paper("course", "minutes").format(minutes=minutes)
        if column == 5:
            return "" if session.lift_days is None else str(session.lift_days)
        if column == 6:
            return side_effect_words(session.side_effects)
        return session.note


class SessionForm(QWidget):
    """Enter on any field adds the session; the date starts at today."""

    added = Signal(object)  # DoseSession
    liftNoted = Signal(object, int)  # the new session's day; days the last session's lift lasted
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # fields under long labels
        self.day = day_edit()
        form.addRow(translate("SessionLog", "&Date:"), self.day)
        self._build_dose(form)
        self._build_pressure(form)
        self._build_times(form)
        layout.addLayout(form)
        effects = QGroupBox(translate("SessionLog", "Side effects you noticed"))
        grid = FlowLayout(effects, spacing=12)  # as many on a line as fit
        self.effects: dict[SideEffect, QCheckBox] = {}
        for effect in SideEffect:
            box = QCheckBox(coursewords.say(SIDE_EFFECT_LABELS[effect]))
            grid.addWidget(box)
            self.effects[effect] = box
        layout.addWidget(effects)
        wrapping_title(effects)
        self.note = QLineEdit()
        self.note.setPlaceholderText(translate("SessionLog", "A short note (optional)"))
        self.note.setAccessibleName(paper("course_table", "note"))
        layout.addWidget(self.note)
        self.add_button = QPushButton(translate("SessionLog", "&Add session"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.submit)
        for line in (self.dose, self.bp_before, self.bp_after, self.note):
            line.returnPressed.connect(self.submit)
        layout.addWidget(self.add_button)

    def _build_dose(self, form: QFormLayout) -> None:
        """The treatment, what the clinic said about the dose, and whether it was raised."""
        self.treatment = QComboBox()
        self.treatment.setEditable(True)
        self.treatment.addItems([translate(CONTEXT, t) for t in TREATMENTS])
        form.addRow(translate("SessionLog", "&Treatment:"), self.treatment)
        self.dose = QLineEdit()
        self.dose.setPlaceholderText(
            translate("SessionLog", "In your words, what the clinic said (optional)")
        )
        form.addRow(translate("SessionLog", "What the clinic said about the d&ose:"), self.dose)
        # Both wrap with larger text (a check box's own text cannot).
        raised_row, self.raised = wrapping_check_box(
            translate("SessionLog", "The clinic said the dose was raised this time")
        )
        form.addRow("", raised_row)
        self._planned_row, self.planned = wrapping_check_box(
            translate("SessionLog", "The clinic planned this raise (part of its schedule)")
        )
        self._planned_row.setEnabled(False)  # its words greyed out too, not only the box
        self.raised.toggled.connect(self._raised_toggled)
        form.addRow("", self._planned_row)

    def _build_pressure(self, form: QFormLayout) -> None:
        """Blood pressure before and after, side by side, if the clinic shared it."""
        pressure_row = QWidget()
        pressure = QHBoxLayout(pressure_row)
        pressure.setContentsMargins(0, 0, 0, 0)
        self.bp_before = QLineEdit()
        self.bp_before.setPlaceholderText(translate("SessionLog", "e.g. 128/84"))
        self.bp_before.setAccessibleName(paper("course_table", "pressure_before"))
        self.bp_after = QLineEdit()
        self.bp_after.setPlaceholderText(translate("SessionLog", "e.g. 140/90"))
        self.bp_after.setAccessibleName(paper("course_table", "pressure_after"))
        pressure.addWidget(self.bp_before)
        pressure.addWidget(plain_label(translate("SessionLog", "after:"), wrap=False))
        pressure.addWidget(self.bp_after)
        form.addRow(translate("SessionLog", "&Blood pressure before (if shared):"), pressure_row)
        label = form.labelForField(pressure_row)
        if isinstance(label, QLabel):
            label.setBuddy(self.bp_before)

    def _build_times(self, form: QFormLayout) -> None:
        """Minutes until steady after the session, and days the last session's lift lasted."""
        self.steady = QSpinBox()
        self.steady.setRange(0, 24 * 60)
        self.steady.setSpecialValueText(paper("course", "not_noted"))
        self.steady.setSuffix(translate("SessionLog", " min"))
        form.addRow(translate("SessionLog", "Time &until steady:"), self.steady)
        self.lift = QSpinBox()
        self.lift.setRange(NOT_NOTED, 366)
        self.lift.setValue(NOT_NOTED)
        self.lift.setSpecialValueText(paper("course", "not_noted"))
        self.lift.setToolTip(
            translate(
                "SessionLog",
                "Asked at each session, because only then is it known. 0 means no lift at all.",
            )
        )
        form.addRow(
            translate("SessionLog", "How &many days did the lift from your last session last?"),
            self.lift,
        )

    def submit(self) -> None:
        try:
            before = parse_blood_pressure(self.bp_before.text(), coursewords.say)
            after = parse_blood_pressure(self.bp_after.text(), coursewords.say)
        except ValueError as exc:
            self.problem.emit(error_words(exc))
            return
        day = day_of(self.day)
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
            dose_raise_planned=self.raised.isChecked() and self.planned.isChecked(),
        )
        if self.lift.value() != NOT_NOTED:
            self.liftNoted.emit(day, self.lift.value())
        self.added.emit(session)

    def _raised_toggled(self, raised: bool) -> None:
        self._planned_row.setEnabled(raised)
        if not raised:
            self.planned.setChecked(False)

    def clear(self) -> None:
        for line in (self.dose, self.bp_before, self.bp_after, self.note):
            line.clear()
        self.raised.setChecked(False)
        self.steady.setValue(0)
        self.lift.setValue(NOT_NOTED)
        for box in self.effects.values():
            box.setChecked(False)
        self.day.setFocus()
