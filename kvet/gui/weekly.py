"""Each week: the person's own signs of progress, a short mood check, and therapy or care.

The mood check says it is not a diagnostic test; the markers are the person's, not a score.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvet.course import SUGGESTED_MARKERS, CareSession, MarkerWeek, MoodCheck
from kvet.gui.sessionlog import DATE_FORMAT
from kvet.gui.text import plain_label

MOOD_NOTE = (
    "This is not a test and it diagnoses nothing. It helps you notice changes worth telling "
    "your clinician about."
)
CARE_KINDS = ("Therapy", "Psychiatrist", "GP or family doctor", "Support group", "Other care")


class WeeklyPage(QWidget):
    markersSaved = Signal(object)  # MarkerWeek
    moodSaved = Signal(object)  # MoodCheck
    careAdded = Signal(object)  # CareSession

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        top.addRow("&Week of:", self.day)
        layout.addLayout(top)

        markers = QGroupBox("This week I noticed")
        markers_layout = QVBoxLayout(markers)
        self.markers: dict[str, QCheckBox] = {}
        for text in SUGGESTED_MARKERS:
            box = QCheckBox(text)
            markers_layout.addWidget(box)
            self.markers[text] = box
        save_markers = QPushButton("Save this week's signs")
        save_markers.clicked.connect(self._save_markers)
        markers_layout.addWidget(save_markers)
        layout.addWidget(markers)

        mood = QGroupBox("Mood check")
        mood_layout = QVBoxLayout(mood)
        mood_layout.addWidget(plain_label(MOOD_NOTE))
        self.agitated = QCheckBox("Agitated or on edge much of the time")
        self.less_sleep = QCheckBox("Sleeping much less, without feeling tired")
        self.racing = QCheckBox("Racing thoughts, or talking much faster than usual")
        self.high = QCheckBox("Other signs of an unusually high mood")
        for box in (self.agitated, self.less_sleep, self.racing, self.high):
            mood_layout.addWidget(box)
        save_mood = QPushButton("Save mood check")
        save_mood.clicked.connect(self._save_mood)
        mood_layout.addWidget(save_mood)
        layout.addWidget(mood)

        care = QGroupBox("Therapy and other care")
        care_layout = QHBoxLayout(care)
        self.care_kind = QComboBox()
        self.care_kind.setEditable(True)
        self.care_kind.addItems(CARE_KINDS)
        self.care_kind.setAccessibleName("Kind of care")
        care_layout.addWidget(self.care_kind, 1)
        add_care = QPushButton("Add a care session on this date")
        add_care.clicked.connect(self._add_care)
        care_layout.addWidget(add_care)
        layout.addWidget(care)
        layout.addStretch(1)

    def _day(self) -> date:
        day = self.day.date().toPython()
        assert isinstance(day, date)
        return day

    def _save_markers(self) -> None:
        ticked = frozenset(text for text, box in self.markers.items() if box.isChecked())
        self.markersSaved.emit(MarkerWeek(self._day(), ticked))
        for box in self.markers.values():
            box.setChecked(False)

    def _save_mood(self) -> None:
        check = MoodCheck(
            self._day(),
            self.agitated.isChecked(),
            self.less_sleep.isChecked(),
            self.racing.isChecked(),
            self.high.isChecked(),
        )
        self.moodSaved.emit(check)
        for box in (self.agitated, self.less_sleep, self.racing, self.high):
            box.setChecked(False)

    def _add_care(self) -> None:
        kind = self.care_kind.currentText().strip() or "Other care"
        self.careAdded.emit(CareSession(self._day(), kind))
