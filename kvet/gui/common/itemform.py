"""The one form for a checklist item, shared by the walkthrough and call mode.

It only shows and collects: every edit leaves as a signal, and the caller decides what to store.
Keeping storage and scoring out of it means the same form can serve any page, and a test can drive
it without a database. What explains the item (kvet.gui.common.itemexplanation), the answer buttons
(kvet.gui.common.answergrid) and the fields' set-up (kvet.gui.common.itemparts) live beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kvet.content.checklist import Item, Kind, Source
from kvet.gui.common import itemparts
from kvet.gui.common.answergrid import AnswerGrid
from kvet.gui.common.flowlayout import lay_out_scrolled, scroll_from_top
from kvet.gui.common.itemexplanation import ItemExplanation
from kvet.gui.common.itemparts import COUNTING, DEFAULT_ORIGIN, caption, described, show_text
from kvet.gui.common.text import plain_label
from kvet.gui.common.typednumbers import NumberError, format_number, parse_number
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import translate
from kvet.gui.words.verdictwords import unit_words
from kvet.rating.answers import OPTIONS, Choice, Option
from kvet.rating.money import unit_for

NOTE_PAUSE_MS = 500


@dataclass(frozen=True)
class AnswerView:
    """What the form needs to show an existing answer; the caller converts store records to it."""

    choice: Choice | None
    number: float | None
    note: str
    origin: str
    age_text: str


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
        self.explanation = ItemExplanation()
        self._build_answer()
        self._build_note()
        self.body = self._lay_out_body()
        self.empty_label = plain_label(translate("ItemForm", "No question to show yet."))
        self.scroller = self._build_scroller()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        chain: list[QWidget] = [
            self.explanation.why_button,
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

    def _build_answer(self) -> None:
        """The answer buttons, or a number for a fact, and how old the answer is."""
        self.answer_caption = caption(translate("ItemForm", "Your answer"))
        self.answer_grid = AnswerGrid()
        self.option_buttons = self.answer_grid.buttons
        self.answer_grid.optionClicked.connect(self._option_clicked)

        self.fact_edit = itemparts.fact_edit()
        self.unit_label = plain_label(wrap=False)
        self.fact_error = itemparts.fact_error()
        self.fact_edit.editingFinished.connect(self._commit_fact)
        self.fact_edit.textEdited.connect(lambda _text: self._show_fact_error(""))
        # A number typed is saved after a short pause too, not only when the field is left.
        self._fact_timer = self._pause_timer()
        self._fact_timer.timeout.connect(lambda: self._commit_fact(quiet=True))
        self.fact_edit.textEdited.connect(lambda _text: self._fact_timer.start())
        self.fact_row = itemparts.side_by_side(self.fact_edit, self.unit_label)
        self.age_label = described(translate("ItemForm", "How old this answer is"))
        self.counting_label = described(
            translate("ItemForm", "How “Not sure” and “would not say” count")
        )

    def _build_note(self) -> None:
        """What the clinic said, saved after a pause in typing, and where the answer came from."""
        self.note_caption = caption(paper("table", "clinic_said"))
        self.note_edit = itemparts.note_edit()
        self.note_caption.setBuddy(self.note_edit)
        self._note_timer = self._pause_timer()
        self._note_timer.timeout.connect(self.flush_note)
        self.note_edit.textChanged.connect(self._note_typed)
        self.note_edit.installEventFilter(self)

        self.origin_caption = plain_label(translate("ItemForm", "Where this answer came from:"))
        self.origin_combo = itemparts.origin_combo()
        self.origin_caption.setBuddy(self.origin_combo)
        self.origin_combo.activated.connect(self._origin_activated)

    def _pause_timer(self, ms: int = NOTE_PAUSE_MS) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        return timer

    def _lay_out_body(self) -> QWidget:
        """The item from its title down to the note, in reading order."""
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.explanation.lay_out(layout)
        layout.addSpacing(6)
        layout.addWidget(itemparts.rule())
        layout.addWidget(self.answer_caption)
        # in a widget of their own, whose least width is one answer (see _arrange_options)
        layout.addWidget(self.answer_grid)
        layout.addWidget(self.counting_label)
        layout.addWidget(self.fact_row)
        layout.addWidget(self.fact_error)
        layout.addWidget(self.age_label)
        layout.addWidget(self.explanation.sources_label)
        layout.addSpacing(6)
        layout.addWidget(self.note_caption)
        layout.addWidget(self.note_edit)
        layout.addLayout(itemparts.row(self.origin_caption, self.origin_combo))
        return body

    def _build_scroller(self) -> QScrollArea:
        """The item scrolls as a whole; the answers re-flow when its width changes."""
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.empty_label)
        content_layout.addWidget(self.body)
        content_layout.addStretch(1)
        self._arrange_timer = self._pause_timer(0)
        self._arrange_timer.timeout.connect(self._arrange_options)
        self._top_later = self._pause_timer(0)
        self._top_later.timeout.connect(self._to_top)
        scroll = itemparts.up_and_down(content)
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
            self.explanation.show_item(item, sources)
            self._show_answer(item, answer)
            self._show_note(answer)
        finally:
            self._loading = False
        # the answers on their lines first: how many lines they take is part of the layout
        widest = self.answer_grid.arrange(len(self._options), self.scroller.viewport().width())
        lay_out_scrolled(self.scroller, self.body)
        self._fit_least_width(widest, self.answer_grid.grid.spacing())
        first = self._first_answer_control()
        if first is not None and answering:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_to_top()

    def _show_answer(self, item: Item, answer: AnswerView | None) -> None:
        """The answer buttons (or the number), how the unsure answers count, and its age."""
        self._options = OPTIONS[item.kind]
        counting = COUNTING.get(item.kind)
        show_text(self.counting_label, translate("ItemForm", counting) if counting else "")
        self._choice = answer.choice if answer is not None else None
        self._set_option_buttons()
        self._set_fact(item, answer.number if answer is not None else None)
        age = answer.age_text if answer is not None else ""
        said = translate("ItemForm", "Answer {age}.").format(age=age) if age else ""
        show_text(self.age_label, said)

    def _show_note(self, answer: AnswerView | None) -> None:
        """The note and where the answer came from, with nothing left to send for them."""
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

    def scroll_to_top(self) -> None:
        """A new question starts at its title, wherever the last one was scrolled to; the
        answer that has the keyboard still shows (on a small screen, below the title)."""
        self._to_top()
        self._top_later.start()  # again when settled: a field just shown may have no place yet

    def _to_top(self) -> None:
        focus = QApplication.focusWidget()
        content = self.scroller.widget()
        inside = focus is not None and content is not None and content.isAncestorOf(focus)
        scroll_from_top(self.scroller, focus if inside else None, 8)

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
        # The question with each answer: a screen reader says both when it gets the focus.
        statement = self._item.statement + " " if self._item is not None else ""
        self.answer_grid.show_options(self._options, self._choice, statement)

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
            and not itemparts.typing_in_a_field()
        ):
            index = key - Qt.Key.Key_1
            if index < len(self._options):
                self.option_buttons[index].click()
                event.accept()
                return
        super().keyPressEvent(event)

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
        itemparts.name_fact_edit(self.fact_edit, item, unit)
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
        """As many answers on a line as fit the width shown; the rest wrap below.

        The form never gets narrower than one answer: a splitter stops there instead of
        cutting the answers off. Measured for each question, so a wide one (a price and its
        currency) does not keep the form wide for the next ones. A number (a price) has no
        answers: the form's least width is its own."""
        width = self.scroller.viewport().width()
        widest = self.answer_grid.arrange(len(self._options), width)
        self._fit_least_width(widest, self.answer_grid.grid.spacing())

    def _fit_least_width(self, widest: int, spacing: int) -> None:
        bar = self.scroller.verticalScrollBar().sizeHint().width()
        inside = self.scroller.widget()
        least_inside = inside.minimumSizeHint().width() if inside is not None else 0
        self.scroller.setMinimumWidth(max(widest + 2 * spacing, least_inside) + bar)
