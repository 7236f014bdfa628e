"""The private pre-screen: topics to raise with a clinic. Never scored, never a verdict."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kvet.content.checklist import TopicGroup
from kvet.gui.common.flowlayout import WrappingButton, wrapping_title
from kvet.gui.common.itemform import NOTE_PAUSE_MS
from kvet.gui.common.state import AppState
from kvet.gui.common.text import heading, plain_label, wrapping_check_box
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.store.errors import StorageError
from kvet.store.records import TopicInfo

CONTEXT = "Prescreen"
EXPLANATION = QT_TRANSLATE_NOOP(
    "Prescreen",
    "These are topics to raise with a clinic, not a verdict. kvet does not give medical advice. "
    "What you tick stays on this computer and is only used for your call notes. It is not part "
    "of any score, and it is never shared unless you choose to include it.",
)
GROUP_TITLES = {
    TopicGroup.CAUTION: QT_TRANSLATE_NOOP(
        "Prescreen", "Health history a careful clinic will ask about"
    ),
    TopicGroup.MEDICINE: QT_TRANSLATE_NOOP("Prescreen", "Medicines and substances to discuss"),
}


class PrescreenDialog(QDialog):
    crisisRequested = Signal()  # the person said they need help now

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(translate("Prescreen", "Things to tell the clinic (private)"))
        self.resize(640, 620)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(paper("call_sheet", "tell_clinic")))
        outer.addWidget(plain_label(translate(CONTEXT, EXPLANATION)))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # A Tab stop (arrow keys scroll it), so it has a name.
        scroll.setAccessibleName(paper("call_sheet", "tell_clinic"))
        body = QWidget()
        layout = QVBoxLayout(body)
        self._add_urgent(layout)
        saved = state.store.answers.personal_topics(state.rater_id)
        self.boxes: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        for group in TopicGroup:
            layout.addWidget(self._group_box(group, saved))
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.problem = plain_label()
        self.problem.setAccessibleDescription(translate("Prescreen", "Problem"))
        outer.addWidget(self.problem)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_PAUSE_MS)
        self._timer.timeout.connect(self._flush)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        outer.addWidget(buttons)

    def _add_urgent(self, layout: QVBoxLayout) -> None:
        """Urgent topics first, as a way to help now: nothing about them is saved."""
        for topic in self.state.checklist.personal_topics:
            if topic.urgent:
                urgent = WrappingButton(topic.title)  # whole, however large the text
                urgent.setAccessibleDescription(topic.why)
                urgent.setToolTip(topic.why)
                urgent.clicked.connect(self.crisisRequested)
                layout.addWidget(urgent)
                layout.addWidget(plain_label(topic.why))

    def _group_box(self, group: TopicGroup, saved: Mapping[str, TopicInfo]) -> QGroupBox:
        """One group's topics: a tick, why it matters, and details for the clinic."""
        box = QGroupBox(translate(CONTEXT, GROUP_TITLES[group]))
        group_layout = QVBoxLayout(box)
        wrapping_title(box)  # a long title wraps with larger text
        for topic in self.state.checklist.personal_topics:
            if topic.group is not group or topic.urgent:
                continue
            row, check = wrapping_check_box(topic.title)  # its words wrap
            check.setAccessibleDescription(topic.why)
            check.setToolTip(topic.why)
            note = QLineEdit()
            note.setPlaceholderText(translate("Prescreen", "Details for the clinic (optional)"))
            note.setAccessibleName(
                translate("Prescreen", "Details: {topic}").format(topic=topic.title)
            )
            info = saved.get(topic.id)
            check.setChecked(bool(info and info.applies))
            note.setText(info.note if info else "")
            check.toggled.connect(lambda _=False, t=topic.id: self._save(t))
            note.editingFinished.connect(lambda t=topic.id: self._save(t))
            note.textEdited.connect(lambda _text, t=topic.id: self._typed(t))
            group_layout.addWidget(row)
            group_layout.addWidget(plain_label(topic.why))
            group_layout.addWidget(note)
            self.boxes[topic.id] = check
            self.notes[topic.id] = note
        return box

    def _typed(self, topic_id: str) -> None:
        """Details reach the disk within a second of the last keystroke."""
        self._pending.add(topic_id)
        self._timer.start()

    def _flush(self) -> None:
        for topic_id in sorted(self._pending):
            self._save(topic_id)

    def _save(self, topic_id: str) -> None:
        self._pending.discard(topic_id)
        try:
            self.state.store.answers.set_personal_topic(
                topic_id,
                self.boxes[topic_id].isChecked(),
                self.notes[topic_id].text(),
                rater_id=self.state.rater_id,
            )
        except StorageError as exc:
            self.problem.setText(error_words(exc))

    def done(self, result: int) -> None:
        for topic_id in self.boxes:  # a note typed but not yet confirmed is kept too
            self._save(topic_id)
        super().done(result)
