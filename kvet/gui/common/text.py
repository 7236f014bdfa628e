"""Small helpers so that text users typed is always shown as plain text."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget


class PlainLabel(QLabel):
    """A label that remembers how tall its words are at each width, until its words, their
    wrapping, indent or margin, or its font change. Qt lays a wrapped label's words out again
    each time a layout asks: showing the next question asked each of the walkthrough's labels 7
    or 8 times at two widths (92 layouts of words per answer, issue 26)."""

    def heightForWidth(self, width: int) -> int:
        words = (self.text(), self.wordWrap(), self.indent(), self.margin())
        kept = self.__dict__.get("_heights")
        if kept is None or kept[0] != words:
            kept = self.__dict__["_heights"] = (words, {})
        heights: dict[int, int] = kept[1]
        height = heights.get(width)
        if height is None:
            height = heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.__dict__.pop("_heights", None)  # larger text: measured again
        super().changeEvent(event)


def plain_label(
    text: str = "", parent: QWidget | None = None, *, wrap: bool = True, selectable: bool = False
) -> QLabel:
    label = PlainLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label


def heading(text: str = "", parent: QWidget | None = None, scale: float = 1.3) -> QLabel:
    label = plain_label(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label  # no accessible name: a label's text is its name, kept when the text changes


def score_text(score: float | None) -> str:
    return "no score yet" if score is None else f"{score:.0f}"


def plain_tooltip(text: str) -> str | None:
    """A tooltip that shows ``text`` literally: Qt would read "<b>" in a tooltip as markup."""
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class _ClickableLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


def wrapping_check_box(text: str) -> tuple[QWidget, QCheckBox]:
    """A check box whose long text wraps on a narrow window (a QCheckBox's own text cannot).

    The box carries the text as its accessible name, so screen readers say it; a click on the
    text ticks the box, as it would on the box's own text.
    """
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    box = QCheckBox()
    box.setAccessibleName(text)
    label = _ClickableLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    label.clicked.connect(box.toggle)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return row, box
