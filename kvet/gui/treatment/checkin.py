"""A PHQ-9 check-in, in the questionnaire's own words, with its attribution.

An answer above "not at all" to question 9 asks for the crisis panel at once, kindly; the form
never interprets the answers beyond the standard score and bands.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.flowlayout import FlowLayout, wrapping_title
from kvet.gui.common.text import plain_label
from kvet.gui.treatment.dayedit import day_edit, day_of
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.treatment import phq9
from kvet.treatment.course import CheckIn

CONTEXT = "CheckIn"
SAFETY_WORDS = QT_TRANSLATE_NOOP(
    "CheckIn",
    "Thank you for answering question 9 honestly. Thoughts like these deserve help now, not only "
    "at your next appointment. The crisis lines have opened in their own window. Please also tell "
    "your treating clinician. This check-in is not a diagnosis.",
)


class CheckInForm(QWidget):
    saved = Signal(object)  # CheckIn
    needsHelp = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        data = phq9.load_phq9()
        layout = QVBoxLayout(self)
        when = QFormLayout()
        self.day = day_edit()
        self.day.setAccessibleName(translate("CheckIn", "Date of this check-in"))
        when.addRow(translate("CheckIn", "Date:"), self.day)
        layout.addLayout(when)
        layout.addWidget(plain_label(data.stem))
        layout.addLayout(self._build_questions(data))
        layout.addWidget(self._build_difficulty(data))
        self.safety = plain_label(translate(CONTEXT, SAFETY_WORDS))
        self.safety.setAccessibleDescription(translate("CheckIn", "About question 9"))
        self.safety.hide()
        layout.addWidget(self.safety)
        self.result = plain_label()
        self.result.setAccessibleDescription(translate("CheckIn", "Check-in result"))
        layout.addWidget(self.result)
        self.save_button = QPushButton(translate("CheckIn", "Save check-in"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        layout.addWidget(self.save_button)
        layout.addWidget(plain_label(data.attribution))
        self._asked: int | None = None  # the answer to question 9 that last opened help

    def _build_questions(self, data: phq9.Phq9) -> QGridLayout:
        """The nine questions, each with its answers under it."""
        grid = QGridLayout()
        self.groups: list[QButtonGroup] = []
        for row, question in enumerate(data.items):
            # The questionnaire's own words, in its official translation (kvet.treatment.phq9).
            label = plain_label(f"{question.number}. {question.text}")
            grid.addWidget(label, 2 * row, 0)
            group = QButtonGroup(self)
            # the answers under their question, onto more lines when the text is large
            choices = FlowLayout(spacing=12)
            for option in data.options:
                button = QRadioButton(option.label)
                button.setAccessibleName(
                    translate("CheckIn", "Question {number}: {answer}").format(
                        number=question.number, answer=option.label
                    )
                )
                group.addButton(button, option.value)
                choices.addWidget(button)
            holder = QWidget()
            holder.setLayout(choices)
            grid.addWidget(holder, 2 * row + 1, 0)
            self.groups.append(group)
            group.idClicked.connect(self._answered)
        grid.setColumnStretch(0, 1)
        return grid

    def _build_difficulty(self, data: phq9.Phq9) -> QGroupBox:
        """The last question, how difficult the problems made things: not part of the score."""
        difficulty = QGroupBox(translate("CheckIn", "Last question (not part of the score)"))
        difficulty_layout = QVBoxLayout(difficulty)
        wrapping_title(difficulty)  # a long title wraps with larger text
        difficulty_layout.addWidget(plain_label(data.difficulty.text))
        self.difficulty = QButtonGroup(self)
        row_layout = FlowLayout(spacing=12)
        for value, text in enumerate(data.difficulty.options):
            button = QRadioButton(text)
            self.difficulty.addButton(button, value)
            row_layout.addWidget(button)
        difficulty_layout.addLayout(row_layout)
        return difficulty

    def answers(self) -> list[int]:
        return [g.checkedId() for g in self.groups]

    def _answered(self, _value: int) -> None:
        answers = self.answers()
        complete = all(a >= 0 for a in answers)
        self.save_button.setEnabled(complete)
        if complete:
            total = phq9.score(answers)
            self.result.setText(
                translate("CheckIn", "Total {total} of {most}: {band}.").format(
                    total=total, most=phq9.MAX_TOTAL, band=phq9.load_phq9().band(total)
                )
            )
        # The core's rule decides (kvet.treatment.phq9.needs_help_now); help opens again only when
        # the
        # answer to question 9 itself changes, not at every later click.
        asked = phq9.safety_answer(answers)
        if phq9.needs_help_now(answers) and asked != self._asked:
            self.safety.show()
            self.needsHelp.emit()
        self._asked = asked

    def _save(self) -> None:
        answers = self.answers()
        if any(a < 0 for a in answers):
            return
        day = day_of(self.day)
        difficulty = self.difficulty.checkedId()
        self.saved.emit(CheckIn(day, tuple(answers), difficulty if difficulty >= 0 else None))
        self.clear()

    def clear(self) -> None:
        for group in (*self.groups, self.difficulty):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.save_button.setEnabled(False)
        self.result.setText("")
        self.safety.hide()
        self._asked = None
