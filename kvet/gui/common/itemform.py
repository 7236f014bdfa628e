"""The one form for a checklist item, shared by the walkthrough and call mode.

It only shows and collects: every edit leaves as a signal, and the caller decides what to store.
Keeping storage and scoring out of it means the same form can serve any page, and a test can drive
it without a database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kvet.content.checklist import Item, Kind, Source
from kvet.gui.common.flowlayout import whole_height
from kvet.gui.common.glossary import explain_on
from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.answerwords import answer_word
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.gui.words.verdictwords import unit_words
from kvet.rating.answers import OPTIONS, Choice, Option
from kvet.rating.money import CURRENCIES, unit_for

NOTE_PAUSE_MS = 500
DEFAULT_ORIGIN = "phone"
ORIGINS: tuple[tuple[str, str], ...] = (
    ("phone", QT_TRANSLATE_NOOP("ItemForm", "Phone call")),
    ("website", QT_TRANSLATE_NOOP("ItemForm", "Website")),
    ("visit", QT_TRANSLATE_NOOP("ItemForm", "Visit")),
    ("written", QT_TRANSLATE_NOOP("ItemForm", "Written material")),
)
MAX_OPTIONS = max(len(options) for options in OPTIONS.values())
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
CHECK_MARK = "  ✓"

_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_CURRENCY = "$£€"
_SIGNS = sorted((c.symbol for c in CURRENCIES), key=len, reverse=True)


@dataclass(frozen=True)
class AnswerView:
    """What the form needs to show an existing answer; the caller converts store records to it."""

    choice: Choice | None
    number: float | None
    note: str
    origin: str
    age_text: str


class NumberError(ValueError):
    """Text that is not a usable number; the message is shown to the person as it is."""


def parse_number(text: str, unit: str = "") -> float | None:
    """Read a typed number kindly: "$1,200", "450 USD" and "12.5" work; empty means not known.

    Anything doubtful is refused rather than guessed: "450,50" could mean two different prices.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    for written in dict.fromkeys((unit, unit_words(unit))):  # "12 sessions", "12 sesiones"
        if written and cleaned.casefold().endswith(written.casefold()):
            cleaned = cleaned[: -len(written)].strip()
            break
    for sign in _SIGNS:  # "CA$1,200", "£1,200": the sign of any currency kvet knows
        if cleaned.upper().startswith(sign.upper()):
            cleaned = cleaned[len(sign) :]
            break
    cleaned = cleaned.lstrip(_CURRENCY).strip()
    if cleaned.startswith("-"):
        raise NumberError(translate("ItemForm", "Please type a number of 0 or more."))
    cleaned = cleaned.lstrip("+")
    if not _NUMBER.match(cleaned):
        raise NumberError(
            translate(
                "ItemForm", "“{text}” is not a number. Type digits, like 450 or 12.5."
            ).format(text=text.strip())
        )
    return float(cleaned.replace(",", ""))


def format_number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _caption(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _scale_font(widget: QWidget, factor: float) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


def _why_toggle() -> QToolButton:
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


def _option_button() -> QPushButton:
    """A large answer button, easy to hit; its words are set for each item."""
    button = QPushButton()
    button.setCheckable(True)
    button.setAutoDefault(False)
    button.setMinimumHeight(48)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    _scale_font(button, 1.15)
    button.hide()
    return button


def _fact_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(40)
    edit.setAccessibleName(translate("ItemForm", "Number"))
    edit.setPlaceholderText(translate("ItemForm", "Leave empty if not known yet"))
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 24)
    return edit


def _note_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(translate("ItemForm", "Their words, in short (optional)"))
    edit.setAccessibleName(translate("ItemForm", "What the clinic said"))
    edit.setAccessibleDescription(
        translate(
            "ItemForm", "Your note of the clinic's answer. It is saved when you pause typing."
        )
    )
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 16)
    return edit


def _origin_combo() -> QComboBox:
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


def _rule() -> QFrame:
    rule = QFrame()
    rule.setFrameShape(QFrame.Shape.HLine)
    rule.setFrameShadow(QFrame.Shadow.Sunken)
    return rule


def _row(*widgets: QWidget) -> QHBoxLayout:
    """Widgets side by side at their natural width, the room left over at the end."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class ItemForm(QWidget):
    """One checklist item: what to check, how to ask, and the answer, note and origin."""

    answerChosen = Signal(object)  # Choice, or None when the answer is cleared
    factEntered = Signal(object)  # float, or None when the number is removed
    noteEdited = Signal(str)
    originChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: Item | None = None
        self._options: tuple[Option, ...] = ()
        self._choice: Choice | None = None
        self._number: float | None = None
        self._currency = "USD"  # what the clinic's prices are in (kvet.rating.money)
        self._note_sent = ""
        self._origin = DEFAULT_ORIGIN
        self._loading = False
        self._build_explanation()
        self._build_answer()
        self._build_note()
        self.body = self._lay_out_body()
        self.empty_label = plain_label(translate("ItemForm", "No question to show yet."))
        self.scroller = self._build_scroller()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        chain: list[QWidget] = [
            self.why_button,
            *self.option_buttons,
            self.fact_edit,
            self.note_edit,
            self.origin_combo,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setAccessibleName(translate("ItemForm", "Checklist item"))
        self.body.setVisible(False)

    # --- building -----------------------------------------------------------------------------

    def _build_explanation(self) -> None:
        """What to check, how to ask it, why it matters, a good answer, and the sources."""
        self.statement_label = whole_height(heading("", scale=1.4))
        self.statement_label.setAccessibleDescription(translate("ItemForm", "What to check"))
        self.how_caption = _caption(translate("ItemForm", "How to ask it"))
        self.how_label = plain_label(selectable=True)
        _scale_font(self.how_label, 1.1)
        self.how_label.setAccessibleDescription(translate("ItemForm", "How to ask it"))
        self.why_button = _why_toggle()
        self.why_label = plain_label(selectable=True)
        self.why_label.setIndent(self.why_button.sizeHint().height())
        self.why_label.setAccessibleDescription(translate("ItemForm", "Why it matters"))
        self.why_label.setVisible(False)
        self.why_button.toggled.connect(self._show_why)
        self.good_caption = _caption(translate("ItemForm", "A good answer sounds like"))
        self.good_label = plain_label(selectable=True)
        self.good_label.setAccessibleDescription(translate("ItemForm", "A good answer sounds like"))
        self.sources_label = plain_label()
        self.sources_label.setAccessibleDescription(
            translate("ItemForm", "Where this item comes from")
        )

    def _build_answer(self) -> None:
        """The answer buttons, or a number for a fact, and how old the answer is."""
        self.answer_caption = _caption(translate("ItemForm", "Your answer"))
        self.option_buttons: list[QPushButton] = []
        # A grid, not a row: on a narrow screen the answers wrap onto two lines instead of
        # being cut at the edge.
        self.options_grid = QGridLayout()
        self.options_grid.setSpacing(8)
        self._option_columns = 0
        for index in range(MAX_OPTIONS):
            button = _option_button()
            button.clicked.connect(
                lambda checked=False, index=index: self._option_clicked(index, checked)
            )
            self.option_buttons.append(button)
            self.options_grid.addWidget(button, 0, index)

        self.fact_edit = _fact_edit()
        self.unit_label = plain_label(wrap=False)
        self.fact_error = plain_label()
        self.fact_error.setAccessibleDescription(translate("ItemForm", "Problem with the number"))
        self.fact_error.setVisible(False)
        error_font = self.fact_error.font()
        error_font.setBold(True)
        self.fact_error.setFont(error_font)
        self.fact_edit.editingFinished.connect(self._commit_fact)
        self.fact_edit.textEdited.connect(lambda _text: self._show_fact_error(""))
        # A number typed is saved after a short pause too, not only when the field is left.
        self._fact_timer = self._pause_timer()
        self._fact_timer.timeout.connect(lambda: self._commit_fact(quiet=True))
        self.fact_edit.textEdited.connect(lambda _text: self._fact_timer.start())
        self.fact_row = QWidget()
        fact_layout = _row(self.fact_edit, self.unit_label)
        fact_layout.setContentsMargins(0, 0, 0, 0)
        self.fact_row.setLayout(fact_layout)

        self.age_label = plain_label()
        self.age_label.setAccessibleDescription(translate("ItemForm", "How old this answer is"))
        self.counting_label = plain_label()
        self.counting_label.setAccessibleDescription(
            translate("ItemForm", "How “Not sure” and “would not say” count")
        )

    def _build_note(self) -> None:
        """What the clinic said, saved after a pause in typing, and where the answer came from."""
        self.note_caption = _caption(translate("ItemForm", "What the clinic said"))
        self.note_edit = _note_edit()
        self.note_caption.setBuddy(self.note_edit)
        self._note_timer = self._pause_timer()
        self._note_timer.timeout.connect(self.flush_note)
        self.note_edit.textChanged.connect(self._note_typed)
        self.note_edit.installEventFilter(self)

        self.origin_caption = plain_label(translate("ItemForm", "Where this answer came from:"))
        self.origin_combo = _origin_combo()
        self.origin_caption.setBuddy(self.origin_combo)
        self.origin_combo.activated.connect(self._origin_activated)

    def _pause_timer(self) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(NOTE_PAUSE_MS)
        return timer

    def _lay_out_body(self) -> QWidget:
        """The item from its title down to the note, in reading order."""
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.statement_label)
        layout.addSpacing(6)
        layout.addWidget(self.how_caption)
        layout.addWidget(self.how_label)
        layout.addSpacing(4)
        layout.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.why_label)
        layout.addSpacing(4)
        layout.addWidget(self.good_caption)
        layout.addWidget(self.good_label)
        layout.addWidget(self.sources_label)
        layout.addSpacing(6)
        layout.addWidget(_rule())
        layout.addWidget(self.answer_caption)
        # in a widget of their own, whose least width is one answer (see _arrange_options)
        self.options_box = QWidget()
        self.options_box.setLayout(self.options_grid)
        self.options_grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.options_box)
        layout.addWidget(self.counting_label)
        layout.addWidget(self.fact_row)
        layout.addWidget(self.fact_error)
        layout.addWidget(self.age_label)
        layout.addSpacing(6)
        layout.addWidget(self.note_caption)
        layout.addWidget(self.note_edit)
        layout.addLayout(_row(self.origin_caption, self.origin_combo))
        return body

    def _build_scroller(self) -> QScrollArea:
        """The item scrolls as a whole; the answers re-flow when its width changes."""
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.empty_label)
        content_layout.addWidget(self.body)
        content_layout.addStretch(1)
        self._arrange_timer = QTimer(self)
        self._arrange_timer.setSingleShot(True)
        self._arrange_timer.setInterval(0)
        self._arrange_timer.timeout.connect(self._arrange_options)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        scroll.viewport().installEventFilter(self)
        return scroll

    # --- public API ---------------------------------------------------------------------------

    def set_item(
        self,
        item: Item,
        answer: AnswerView | None,
        sources: list[Source],
        currency: str = "USD",
    ) -> None:
        """Show ``item``; edits still pending for the previous one are emitted first.

        ``currency`` is what the clinic's prices are in: a price is asked in it."""
        self.flush_note()
        self._commit_fact(quiet=True)
        self._currency = currency
        focus = QApplication.focusWidget()
        answering = focus is self.fact_edit or focus in self.option_buttons
        self._loading = True
        try:
            self._item = item
            self.empty_label.setVisible(False)
            self.body.setVisible(True)
            self.statement_label.setText(item.statement)
            self.statement_label.setAccessibleName(item.statement)
            self.how_label.setText(item.how_to_ask)
            self.how_label.setAccessibleName(item.how_to_ask)
            self.why_label.setText(item.why_it_matters)
            self.why_label.setAccessibleName(item.why_it_matters)
            self.good_label.setText(item.good_answer)
            self.good_label.setAccessibleName(item.good_answer)
            # jargon explained where it is read: on hover and for screen readers
            explain_on(self.statement_label, translate("ItemForm", "What to check"), item.statement)
            explain_on(self.how_label, translate("ItemForm", "How to ask it"), item.how_to_ask)
            explain_on(self.why_label, translate("ItemForm", "Why it matters"), item.why_it_matters)
            explain_on(
                self.good_label,
                translate("ItemForm", "A good answer sounds like"),
                item.good_answer,
            )
            self.good_caption.setVisible(bool(item.good_answer))
            self.good_label.setVisible(bool(item.good_answer))
            titles = [source.title for source in sources]
            self.sources_label.setText(
                (
                    translate("ItemForm", "Source: {titles}")
                    if len(titles) == 1
                    else translate("ItemForm", "Sources: {titles}")
                ).format(titles="; ".join(titles))
                if titles
                else ""
            )
            self.sources_label.setAccessibleName(self.sources_label.text())
            self.sources_label.setVisible(bool(titles))

            self._options = OPTIONS[item.kind]
            counting = COUNTING.get(item.kind)
            self.counting_label.setText(translate("ItemForm", counting) if counting else "")
            self.counting_label.setAccessibleName(self.counting_label.text())
            self.counting_label.setVisible(counting is not None)
            self._choice = answer.choice if answer is not None else None
            self._set_option_buttons()
            self._set_fact(item, answer.number if answer is not None else None)

            age = answer.age_text if answer is not None else ""
            self.age_label.setText(
                translate("ItemForm", "Answer {age}.").format(age=age) if age else ""
            )
            self.age_label.setAccessibleName(self.age_label.text())
            self.age_label.setVisible(bool(age))

            note = answer.note if answer is not None else ""
            if self.note_edit.toPlainText() != note:
                self.note_edit.setPlainText(note)
            self._note_sent = note
            self._note_timer.stop()

            origin = answer.origin if answer is not None else DEFAULT_ORIGIN
            index = self.origin_combo.findData(origin)
            if index < 0:
                index = self.origin_combo.findData(DEFAULT_ORIGIN)
            self.origin_combo.setCurrentIndex(index)
            self._origin = str(self.origin_combo.itemData(index))
        finally:
            self._loading = False
        self._arrange_options()
        # once more when the new words are laid out: the least width is measured from them
        # (a price's number and currency)
        QTimer.singleShot(0, self, self._arrange_options)
        first = self._first_answer_control()
        if first is not None and answering:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_to_top()

    def scroll_to_top(self) -> None:
        """A new question starts at its title, wherever the last one was scrolled to; the
        answer that has the keyboard still shows (on a small screen, below the title)."""

        def top() -> None:
            self.scroller.verticalScrollBar().setValue(0)
            focus = QApplication.focusWidget()
            content = self.scroller.widget()
            if focus is not None and content is not None and content.isAncestorOf(focus):
                self.scroller.ensureWidgetVisible(focus, 8, 8)

        top()
        QTimer.singleShot(0, self, top)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Focus given to the form goes to its answers (not a focus proxy: in Qt 6 a proxy
        jumps ahead of "Why it matters" in the Tab order)."""
        first = self._first_answer_control()
        if first is not None and first.isEnabled():
            first.setFocus(event.reason())
            return
        super().focusInEvent(event)

    def focus_answers(self) -> None:
        first = self._first_answer_control()
        if first is not None and first.isEnabled():
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_to_top()

    def choose(self, index: int) -> bool:
        """Choose answer ``index`` (the number key index + 1); False when there is none."""
        if self._item is None or not self.isEnabled() or index >= len(self._options):
            return False
        self.option_buttons[index].click()
        return True

    def current_item(self) -> Item | None:
        return self._item

    def choice(self) -> Choice | None:
        return self._choice

    def flush_note(self) -> None:
        """Emit a note still waiting for its typing pause, e.g. before the item or page changes."""
        self._note_timer.stop()
        if self._item is None:
            return
        text = self.note_edit.toPlainText()
        if text != self._note_sent:
            self._note_sent = text
            self.noteEdited.emit(text)

    # --- answers ------------------------------------------------------------------------------

    def _set_option_buttons(self) -> None:
        for index, button in enumerate(self.option_buttons):
            if index >= len(self._options):
                button.hide()
                button.setChecked(False)
                continue
            option = self._options[index]
            checked = option.choice is self._choice
            button.setChecked(checked)
            button.setText(
                f"{index + 1}  {answer_word(option.label)}" + (CHECK_MARK if checked else "")
            )
            button.setAccessibleName(answer_word(option.label))
            # The question with each answer: a screen reader says both when it gets the focus.
            statement = self._item.statement + " " if self._item is not None else ""
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

    def _option_clicked(self, index: int, checked: bool) -> None:
        if index >= len(self._options) or self._item is None:
            return
        self.flush_note()
        self._choice = self._options[index].choice if checked else None
        self._set_option_buttons()
        self.answerChosen.emit(self._choice)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Number keys 1..n choose an answer, unless the person is typing somewhere."""
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            Qt.Key.Key_1 <= key <= Qt.Key.Key_9
            and modifiers == Qt.KeyboardModifier.NoModifier
            and not self._typing()
        ):
            index = key - Qt.Key.Key_1
            if index < len(self._options):
                self.option_buttons[index].click()
                event.accept()
                return
        super().keyPressEvent(event)

    def _typing(self) -> bool:
        focus = QApplication.focusWidget()
        return isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox) or (
            isinstance(focus, QComboBox) and focus.isEditable()
        )

    def _first_answer_control(self) -> QWidget | None:
        if self._item is None:
            return None
        if self._item.kind is Kind.FACT:
            return self.fact_edit
        return self.option_buttons[0] if self._options else None

    # --- facts --------------------------------------------------------------------------------

    def _set_fact(self, item: Item, number: float | None) -> None:
        is_fact = item.kind is Kind.FACT
        self.fact_row.setVisible(is_fact)
        self._number = number if is_fact else None
        self.fact_edit.setText("" if self._number is None else format_number(self._number))
        unit = unit_words(unit_for(item.unit, self._currency))
        self.unit_label.setText(unit)
        self.fact_edit.setAccessibleName(
            translate("ItemForm", "Number, in {unit}").format(unit=unit)
            if item.unit
            else translate("ItemForm", "Number")
        )
        self.fact_edit.setAccessibleDescription(
            item.statement
            + " "
            + translate(
                "ItemForm", "Type a number in {unit}, or leave it empty if not known yet."
            ).format(unit=unit)
        )
        self._show_fact_error("")

    def _commit_fact(self, quiet: bool = False) -> None:
        self._fact_timer.stop()
        item = self._item
        if item is None or item.kind is not Kind.FACT or self._loading:
            return
        try:
            value = parse_number(self.fact_edit.text(), unit_for(item.unit, self._currency))
        except NumberError as exc:
            if not quiet:
                self._show_fact_error(error_words(exc))
            return
        self._show_fact_error("")
        if value != self._number:
            self._number = value
            self.flush_note()
            self.factEntered.emit(value)

    def _show_fact_error(self, message: str) -> None:
        self.fact_error.setText(message)
        self.fact_error.setVisible(bool(message))

    # --- note and origin ----------------------------------------------------------------------

    def _note_typed(self) -> None:
        if not self._loading and self._item is not None:
            self._note_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_edit and event.type() == QEvent.Type.FocusOut:
            self.flush_note()
        scroller = getattr(self, "scroller", None)  # events come while the form is built
        resized = event.type() == QEvent.Type.Resize
        if resized and scroller is not None and watched is scroller.viewport():
            # Later, not here: Qt also sends resizes while the window is being destroyed.
            self._arrange_timer.start()
        return super().eventFilter(watched, event)

    def _origin_activated(self, index: int) -> None:
        value = str(self.origin_combo.itemData(index))
        if value == self._origin or self._item is None:
            return
        self._origin = value
        self.flush_note()
        self.originChanged.emit(value)

    # --- layout -------------------------------------------------------------------------------

    def _arrange_options(self) -> None:
        """As many answers on a line as fit the width shown; the rest wrap below."""
        shown = self.option_buttons[: len(self._options)]
        spacing = self.options_grid.spacing()
        if not shown:  # a number (a price): the form's least width is its own
            self._fit_least_width(0, spacing)
            return
        widest = max(b.sizeHint().width() for b in shown)
        available = self.scroller.viewport().width() - 2 * spacing
        columns = max(1, min(len(shown), (available + spacing) // (widest + spacing)))
        if columns != self._option_columns or not all(
            self.options_grid.indexOf(b) >= 0 for b in shown
        ):
            self._option_columns = columns
            for button in self.option_buttons:
                self.options_grid.removeWidget(button)
            for n, button in enumerate(shown):
                self.options_grid.addWidget(button, n // columns, n % columns)
            for column in range(MAX_OPTIONS):
                self.options_grid.setColumnStretch(column, 1 if column < columns else 0)
        # The form never gets narrower than one answer: a splitter stops there instead of
        # cutting the answers off. Measured for each question, so a wide one (a price and its
        # currency) does not keep the form wide for the next ones.
        # The answers' own least is one answer a line (they go onto more lines when narrow),
        # not the row they make now: that row would keep the form as wide as it is.
        self.options_box.setMinimumWidth(widest)
        self._fit_least_width(widest, spacing)

    def _fit_least_width(self, widest: int, spacing: int) -> None:
        bar = self.scroller.verticalScrollBar().sizeHint().width()
        inside = self.scroller.widget()
        least_inside = inside.minimumSizeHint().width() if inside is not None else 0
        self.scroller.setMinimumWidth(max(widest + 2 * spacing, least_inside) + bar)

    def _show_why(self, shown: bool) -> None:
        self.why_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.why_label.setVisible(shown)
