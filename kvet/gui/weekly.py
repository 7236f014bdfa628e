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
    QLineEdit,
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
MAX_MARKER = 200  # the store's limit for a marker's words
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
        self.markers_layout = QVBoxLayout(markers)
        self.markers: dict[str, QCheckBox] = {}
        for text in SUGGESTED_MARKERS:
            self._add_marker_box(text)
        own = QHBoxLayout()
        self.own_marker = QLineEdit()
        self.own_marker.setPlaceholderText("A sign of your own, e.g. “Walked the dog”")
        self.own_marker.setAccessibleName("A sign of your own")
        self.own_marker.setMaxLength(MAX_MARKER)
        self.own_marker.returnPressed.connect(self._add_own_marker)
        add_own = QPushButton("Add")
        add_own.setAccessibleName("Add this sign")
        add_own.clicked.connect(self._add_own_marker)
        own.addWidget(self.own_marker, 1)
        own.addWidget(add_own)
        self.markers_layout.addLayout(own)
        save_markers = QPushButton("Save this week's signs")
        save_markers.clicked.connect(self._save_markers)
        self.markers_layout.addWidget(save_markers)
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

    def _add_marker_box(self, text: str) -> QCheckBox:
        box = QCheckBox(text)  # the person's own words: shown as typed (QCheckBox has no markup)
        # Before the "own sign" row and the save button, after the signs already listed.
        self.markers_layout.insertWidget(len(self.markers), box)
        self.markers[text] = box
        return box

    def know_markers(self, texts: list[str]) -> None:
        """Signs of the person's own from earlier weeks, offered again."""
        for text in texts:
            if text not in self.markers:
                self._add_marker_box(text)

    def _add_own_marker(self) -> None:
        text = " ".join(self.own_marker.text().split())
        if not text:
            return
        box = self.markers.get(text) or self._add_marker_box(text)
        box.setChecked(True)
        self.own_marker.clear()

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
