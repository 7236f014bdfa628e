"""The answer buttons of one checklist item, as many on a line as the width allows.

Its own widget because the buttons' words (with the key that chooses each) and their re-flow
on a narrow screen are one job, apart from the rest of the item form.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kvet.gui.common.itemparts import option_button
from kvet.gui.words.answerwords import answer_word
from kvet.gui.words.tr import translate
from kvet.rating.answers import OPTIONS, Choice, Option

MAX_OPTIONS = max(len(options) for options in OPTIONS.values())
CHECK_MARK = "  ✓"


class AnswerGrid(QWidget):
    """Large answer buttons; the one chosen is checked and marked, in words as well."""

    optionClicked = Signal(int, bool)  # the button's index, and whether it is now checked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        # A grid, not a row: on a narrow screen the answers wrap onto two lines instead of
        # being cut at the edge.
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        self._columns = 0
        for index in range(MAX_OPTIONS):
            button = option_button()
            button.clicked.connect(
                lambda checked=False, index=index: self.optionClicked.emit(index, checked)
            )
            self.buttons.append(button)
            self.grid.addWidget(button, 0, index)
        self.setLayout(self.grid)
        self.grid.setContentsMargins(0, 0, 0, 0)

    def show_options(
        self, options: tuple[Option, ...], choice: Choice | None, statement: str
    ) -> None:
        """The words of ``options`` on the first buttons, ``choice`` checked; the rest hidden.

        ``statement`` (the question) goes before each answer's description, so a screen reader
        says both when the answer gets the focus."""
        for index, button in enumerate(self.buttons):
            if index >= len(options):
                button.hide()
                button.setChecked(False)
                continue
            option = options[index]
            checked = option.choice is choice
            button.setChecked(checked)
            button.setText(
                f"{index + 1}  {answer_word(option.label)}" + (CHECK_MARK if checked else "")
            )
            button.setAccessibleName(answer_word(option.label))
            button.setAccessibleDescription(
                statement
                + translate("ItemForm", "Key {number}.").format(number=index + 1)
                + " "
                + (
                    translate("ItemForm", "Chosen. Press again to clear the answer.")
                    if checked
                    else translate("ItemForm", "Choose this answer.")
                )
            )
            button.show()

    def arrange(self, count: int, width: int) -> int:
        """As many of the first ``count`` answers on a line as fit ``width``; the rest wrap
        below. Returns the widest answer's width (0 when there are none)."""
        shown = self.buttons[:count]
        if not shown:
            return 0
        spacing = self.grid.spacing()
        widest = max(b.sizeHint().width() for b in shown)
        available = width - 2 * spacing
        columns = max(1, min(len(shown), (available + spacing) // (widest + spacing)))
        if columns != self._columns or not all(self.grid.indexOf(b) >= 0 for b in shown):
            self._columns = columns
            for button in self.buttons:
                self.grid.removeWidget(button)
            for n, button in enumerate(shown):
                self.grid.addWidget(button, n // columns, n % columns)
            for column in range(MAX_OPTIONS):
                self.grid.setColumnStretch(column, 1 if column < columns else 0)
        # The answers' own least is one answer a line (they go onto more lines when narrow),
        # not the row they make now: that row would keep the form as wide as it is.
        self.setMinimumWidth(widest)
        return widest
