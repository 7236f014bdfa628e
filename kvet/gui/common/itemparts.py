"""The small widgets the item form is made of, each set up once the way the form needs it.

Kept apart from the form so that the form reads as what it does (show an item, collect its
answer) while the details of each field (its size, names for screen readers, words) live here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QWidget,
)

from kvet.content.checklist import Item, Kind
from kvet.gui.common.text import plain_label
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

DEFAULT_ORIGIN = "phone"
ORIGINS: tuple[tuple[str, str], ...] = (
    ("phone", QT_TRANSLATE_NOOP("ItemForm", "Phone call")),
    ("website", QT_TRANSLATE_NOOP("ItemForm", "Website")),
    ("visit", QT_TRANSLATE_NOOP("ItemForm", "Visit")),
    ("written", QT_TRANSLATE_NOOP("ItemForm", "Written material")),
)
# How the uncertain and evasive answers count, said under the answers (kvet.rating.answers,
# scoring).
COUNTING: dict[Kind, str] = {
    Kind.RED_FLAG: QT_TRANSLATE_NOOP(
        "ItemForm",
        "“Not sure” counts as half good, half bad until you find out. “The clinic would not "
        "say” counts as a bad answer. If this red flag is a dealbreaker, it is then not "
        "cleared: the clinic could still be ruled out.",
    ),
    Kind.PRACTICE: QT_TRANSLATE_NOOP(
        "ItemForm",
        "“Not sure” counts as half good, half bad until you find out. “The clinic would not "
        "say” counts as a bad answer, the same as “No”.",
    ),
    Kind.QUESTION: QT_TRANSLATE_NOOP(
        "ItemForm",
        "“Not asked yet” counts as half good, half bad until you ask. “Would not answer” "
        "counts as a bad answer.",
    ),
}


def caption(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def scale_font(widget: QWidget, factor: float) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


def described(description: str, *, selectable: bool = False) -> QLabel:
    """An empty label for words set later; ``description`` tells a screen reader what it is."""
    label = plain_label(selectable=selectable)
    label.setAccessibleDescription(description)
    return label


def show_text(label: QLabel, text: str, *, hide_empty: bool = True) -> None:
    """``text`` on ``label``, said by screen readers too; an empty label is hidden."""
    label.setText(text)
    label.setAccessibleName(text)
    if hide_empty:
        label.setVisible(bool(text))


def why_toggle() -> QToolButton:
    """A disclosure arrow: the reason is there for whoever wants it, out of the way otherwise."""
    button = QToolButton()
    button.setText(translate("ItemForm", "Why it matters"))
    button.setCheckable(True)
    button.setChecked(False)
    button.setArrowType(Qt.ArrowType.RightArrow)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAccessibleName(translate("ItemForm", "Why it matters"))
    button.setAccessibleDescription(translate("ItemForm", "Show or hide why this item matters."))
    return button


def option_button() -> QPushButton:
    """A large answer button, easy to hit; its words are set for each item."""
    button = QPushButton()
    button.setCheckable(True)
    button.setAutoDefault(False)
    button.setMinimumHeight(48)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    scale_font(button, 1.15)
    button.hide()
    return button


def fact_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(40)
    edit.setAccessibleName(translate("ItemForm", "Number"))
    edit.setPlaceholderText(translate("ItemForm", "Leave empty if not known yet"))
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 24)
    return edit


def fact_error() -> QLabel:
    """A problem with the typed number, in bold under it; hidden while there is none."""
    label = described(translate("ItemForm", "Problem with the number"))
    label.setVisible(False)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def note_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(translate("ItemForm", "Their words, in short (optional)"))
    edit.setAccessibleName(paper("table", "clinic_said"))
    edit.setAccessibleDescription(
        translate(
            "ItemForm", "Your note of the clinic's answer. It is saved when you pause typing."
        )
    )
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 16)
    return edit


def origin_combo() -> QComboBox:
    combo = QComboBox()
    for value, text in ORIGINS:
        combo.addItem(translate("ItemForm", text), value)
    combo.setAccessibleName(translate("ItemForm", "Where this answer came from"))
    combo.setAccessibleDescription(
        translate(
            "ItemForm", "A phone call, the website, a visit, or written material from the clinic."
        )
    )
    return combo


def name_fact_edit(edit: QLineEdit, item: Item, unit: str) -> None:
    """The number field's name and description for a screen reader: the question, the unit."""
    edit.setAccessibleName(
        translate("ItemForm", "Number, in {unit}").format(unit=unit)
        if item.unit
        else translate("ItemForm", "Number")
    )
    edit.setAccessibleDescription(
        item.statement
        + " "
        + translate(
            "ItemForm", "Type a number in {unit}, or leave it empty if not known yet."
        ).format(unit=unit)
    )


def typing_in_a_field() -> bool:
    """Whether the keyboard is in a field that takes text (where number keys are typed)."""
    focus = QApplication.focusWidget()
    return isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox) or (
        isinstance(focus, QComboBox) and focus.isEditable()
    )


def up_and_down(content: QWidget) -> QScrollArea:
    """A frameless scroll area around ``content``, up and down only, that the focus passes by."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(content)
    return scroll


def rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def side_by_side(*widgets: QWidget) -> QWidget:
    """``row`` in a widget of its own, without margins, to be shown or hidden as one."""
    holder = QWidget()
    layout = row(*widgets)
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder


def row(*widgets: QWidget) -> QHBoxLayout:
    """Widgets side by side at their natural width, the room left over at the end."""
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout
