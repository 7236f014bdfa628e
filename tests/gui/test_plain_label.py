"""A wrapped label keeps how tall its words are at each width (issue 26: showing the next
question laid each label's words out 7 or 8 times), and is never the wrong height for it:
new words, a larger font or no wrapping are measured again, as Qt's own label measures them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kvet.gui.common.text import plain_label

WORDS = (
    "",
    "Yes",
    "Do they check your blood pressure before, during and after each session?",
    "A clinic that cannot say who watches you while the medicine works, or what happens "
    "if your blood pressure rises, has no plan for an emergency. Ask before you book.",
)
WIDTHS = (40, 90, 209, 361, 800)


def test_a_label_is_as_tall_as_qt_measures_its_words_after_every_change(qtbot: QtBot) -> None:
    """Beside it, Qt's own label given the same words and fonts: the heights always agree."""
    label = plain_label()
    twin = QLabel()
    twin.setTextFormat(Qt.TextFormat.PlainText)
    twin.setWordWrap(True)
    for widget in (label, twin):
        qtbot.addWidget(widget)
    size = label.font().pointSizeF()
    for scale in (1.0, 1.5, 2.0):  # larger text, as a person sets it
        for widget in (label, twin):
            font = widget.font()
            font.setPointSizeF(size * scale)
            widget.setFont(font)
        for text in (*WORDS, *reversed(WORDS)):
            label.setText(text)
            twin.setText(text)
            for width in (*WIDTHS, *reversed(WIDTHS)):
                assert label.heightForWidth(width) == twin.heightForWidth(width), (text, width)
    label.setText(WORDS[-1])
    twin.setText(WORDS[-1])
    assert label.heightForWidth(90) > 2 * label.fontMetrics().height()  # on many lines
    label.setWordWrap(False)
    twin.setWordWrap(False)
    assert label.heightForWidth(90) == twin.heightForWidth(90)
    for widget in (label, twin):
        widget.setWordWrap(True)
    assert label.heightForWidth(90) == twin.heightForWidth(90)
    for widget in (label, twin):  # beside an arrow, as the "Why it matters" text is
        widget.setIndent(60)
    assert label.heightForWidth(90) == twin.heightForWidth(90)
    for widget in (label, twin):
        widget.setMargin(20)
    assert label.heightForWidth(90) == twin.heightForWidth(90)


def test_words_are_laid_out_once_per_width(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    label = plain_label(WORDS[2])
    qtbot.addWidget(label)
    laid_out: list[int] = []
    measure = QLabel.heightForWidth

    def counted(self: QLabel, width: int) -> int:
        laid_out.append(width)
        return measure(self, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counted)
    for _ in range(3):
        for width in (209, 361):
            label.heightForWidth(width)
    assert laid_out == [209, 361]
    label.setText(WORDS[3])
    label.heightForWidth(209)
    assert laid_out == [209, 361, 209]
