"""Each week: the person's own signs of progress, a short mood check, and therapy or care.

The mood check says it is not a diagnostic test; the markers are the person's, not a score. A
check that notes any of its signs is answered at once, calmly: contact the clinic before the next
session, and here are the crisis lines. It never says to stop treatment.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.flowlayout import FlowLayout, wrapping_title
from kvet.gui.common.text import heading, plain_label
from kvet.gui.treatment.dayedit import day_edit, day_of
from kvet.gui.words import coursewords
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.treatment.course import SUGGESTED_MARKERS, CareSession, MarkerWeek, MoodCheck

CONTEXT = "Weekly"
MOOD_NOTE = QT_TRANSLATE_NOOP(
    "Weekly",
    "This is not a test and it diagnoses nothing. It helps you notice changes worth telling "
    "your clinician about.",
)
MOOD_SAVED = QT_TRANSLATE_NOOP("Weekly", "Your mood check is saved. You noted:")
MOOD_CONTACT = QT_TRANSLATE_NOOP(
    "Weekly",
    "Changes like these are worth telling your clinic about before your next session. Please "
    "contact the clinic today if you can, and tell them what you noticed. Only they can say "
    "what these signs mean.",
)
MOOD_CRISIS = QT_TRANSLATE_NOOP(
    "Weekly",
    "If you feel unsafe, or things feel like too much, you can call or text a crisis line now. "
    "The crisis lines are under “Need help now?” in this window, or press F1 at any time.",
)
MAX_MARKER = 200  # the store's limit for a marker's words
# Offered in an editable list: what the person picks or types is kept as they see it.
CARE_KINDS = (
    QT_TRANSLATE_NOOP("Weekly", "Therapy"),
    QT_TRANSLATE_NOOP("Weekly", "Psychiatrist"),
    QT_TRANSLATE_NOOP("Weekly", "GP or family doctor"),
    QT_TRANSLATE_NOOP("Weekly", "Support group"),
    QT_TRANSLATE_NOOP("Weekly", "Other care"),
)


class WeeklyPage(QWidget):
    markersSaved = Signal(object)  # MarkerWeek
    moodSaved = Signal(object)  # MoodCheck
    careAdded = Signal(object)  # CareSession

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.day = day_edit()
        top.addRow(translate("Weekly", "&Week of:"), self.day)
        layout.addLayout(top)
        groups = (self._build_markers(), self._build_mood(), self._build_care())
        for group in groups:
            layout.addWidget(group)
        layout.addStretch(1)
        for group in groups:
            wrapping_title(group)

    def _build_markers(self) -> QGroupBox:
        """The person's own signs of progress: suggested ones, earlier ones and a new one."""
        markers = QGroupBox(translate("Weekly", "This week I noticed"))
        self.markers_layout = QVBoxLayout(markers)
        self.markers: dict[str, QCheckBox] = {}
        for text in SUGGESTED_MARKERS:  # kept in English, shown in the window's language
            self._add_marker_box(text, coursewords.say(text))
        own = QHBoxLayout()
        self.own_marker = QLineEdit()
        self.own_marker.setPlaceholderText(
            translate("Weekly", "A sign of your own, e.g. “Walked the dog”")
        )
        self.own_marker.setAccessibleName(translate("Weekly", "A sign of your own"))
        self.own_marker.setMaxLength(MAX_MARKER)
        self.own_marker.returnPressed.connect(self._add_own_marker)
        add_own = QPushButton(translate("Weekly", "Add"))
        add_own.setAccessibleName(translate("Weekly", "Add this sign"))
        add_own.clicked.connect(self._add_own_marker)
        own.addWidget(self.own_marker, 1)
        own.addWidget(add_own)
        self.markers_layout.addLayout(own)
        save_markers = QPushButton(translate("Weekly", "Save this week's signs"))
        save_markers.clicked.connect(self._save_markers)
        self.markers_layout.addWidget(save_markers)
        return markers

    def _build_mood(self) -> QGroupBox:
        """A short mood check: four signs worth telling the clinic about."""
        mood = QGroupBox(translate("Weekly", "Mood check"))
        mood_layout = QVBoxLayout(mood)
        mood_layout.addWidget(plain_label(translate(CONTEXT, MOOD_NOTE)))
        self.agitated = QCheckBox(translate("Weekly", "Agitated or on edge much of the time"))
        self.less_sleep = QCheckBox(
            translate("Weekly", "Sleeping much less, without feeling tired")
        )
        self.racing = QCheckBox(
            translate("Weekly", "Racing thoughts, or talking much faster than usual")
        )
        self.high = QCheckBox(translate("Weekly", "Other signs of an unusually high mood"))
        # What each box records in a MoodCheck, so a saved check can be said in the box's words.
        self.mood_boxes = {
            "agitated": self.agitated,
            "sleeping_much_less": self.less_sleep,
            "racing_thoughts": self.racing,
            "other_high_mood_signs": self.high,
        }
        for box in self.mood_boxes.values():
            mood_layout.addWidget(box)
        save_mood = QPushButton(translate("Weekly", "Save mood check"))
        save_mood.clicked.connect(self._save_mood)
        mood_layout.addWidget(save_mood)
        return mood

    def _build_care(self) -> QGroupBox:
        """Therapy or other care on the chosen date."""
        care = QGroupBox(translate("Weekly", "Therapy and other care"))
        care_layout = FlowLayout(care, spacing=6)  # the button goes below with larger text
        self.care_kind = QComboBox()
        self.care_kind.setEditable(True)
        self.care_kind.addItems([translate(CONTEXT, kind) for kind in CARE_KINDS])
        # Named by its label (Qt on Linux ignores a combo box's own name); the label stays
        # beside the box, the button goes below with larger text.
        care_label = plain_label(translate("Weekly", "Kind of care:"), wrap=False)
        care_label.setBuddy(self.care_kind)
        care_layout.addWidget(care_label)
        care_layout.addWidget(self.care_kind)
        add_care = QPushButton(translate("Weekly", "Add a care session on this date"))
        add_care.clicked.connect(self._add_care)
        care_layout.addWidget(add_care)
        return care

    def _add_marker_box(self, text: str, shown: str | None = None) -> QCheckBox:
        """``text`` is what is saved; ``shown`` the words on the box when they differ (a
        suggested sign, saved in English and shown in the window's language)."""
        # The person's own words: shown as typed (QCheckBox has no markup).
        box = QCheckBox(text if shown is None else shown)
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
        shown = next((b for b in self.markers.values() if b.text() == text), None)
        box = self.markers.get(text) or shown or self._add_marker_box(text)
        box.setChecked(True)
        self.own_marker.clear()

    def _day(self) -> date:
        return day_of(self.day)

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

    def signs_noted(self, check: MoodCheck) -> list[str]:
        """The ticked signs of ``check``, in the words of their boxes."""
        return [box.text() for attr, box in self.mood_boxes.items() if getattr(check, attr)]

    def _add_care(self) -> None:
        kind = self.care_kind.currentText().strip() or translate(CONTEXT, CARE_KINDS[-1])
        self.careAdded.emit(CareSession(self._day(), kind))


class MoodNoteDialog(QDialog):
    """Shown as soon as a mood check with any of its signs is saved: calm words, what to do
    (contact the clinic before the next session, today if possible) and the way to the crisis
    lines. Not advice about the treatment itself."""

    crisisRequested = Signal()

    def __init__(self, signs: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = translate("Weekly", "About your mood check")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        # One sign a line: the boxes' words have commas of their own.
        noted = [translate(CONTEXT, MOOD_SAVED), *(f"• {sign}" for sign in signs)]
        self.saved_label = plain_label("\n".join(noted))
        self.contact_label = plain_label(translate(CONTEXT, MOOD_CONTACT))
        self.crisis_label = plain_label(translate(CONTEXT, MOOD_CRISIS))
        for label in (self.saved_label, self.contact_label, self.crisis_label):
            layout.addWidget(label)
        self.setAccessibleDescription(
            " ".join(x.text() for x in (self.saved_label, self.contact_label, self.crisis_label))
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.crisis_button = self.buttons.addButton(
            translate("Weekly", "Show the crisis lines"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.crisis_button.clicked.connect(self._crisis)
        QShortcut(QKeySequence("F1"), self).activated.connect(self._crisis)  # as everywhere
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(translate("Weekly", "Close"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _crisis(self) -> None:
        self.accept()
        self.crisisRequested.emit()
