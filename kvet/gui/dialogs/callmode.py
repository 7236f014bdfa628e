"""Call mode: one clinic's questions as a phone script: large, one at a time, keyboard only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvet.content.checklist import Item, Kind
from kvet.gui.common.flowlayout import keep_lines, scrolling_body, whole_height
from kvet.gui.common.itemform import NOTE_PAUSE_MS
from kvet.gui.common.state import AppState
from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.answerwords import answer_word
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import translate
from kvet.rating.answers import OPTIONS, Choice, Option
from kvet.store.errors import StorageError

INTRO_PAGE = -1


def things_to_tell(state: AppState) -> list[str]:
    """The user's private "things to tell the clinic", in their own order."""
    chosen = state.store.answers.personal_topics(state.rater_id)
    lines = []
    for topic in state.checklist.personal_topics:
        info = chosen.get(topic.id)
        if info and info.applies:
            lines.append(topic.tell_clinic + (f" ({info.note})" if info.note else ""))
    return lines


class CallModeDialog(QDialog):
    """The clinic's open questions one page at a time, answered by number keys as they talk."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        clinic = state.clinic()
        assert clinic is not None
        self.clinic = clinic
        self.setWindowTitle(
            translate("CallMode", "Call mode — {clinic}").format(clinic=clinic.name)
        )
        self.resize(760, 460)
        self.all_items = [
            i
            for i in state.checklist.items
            if i.applies_to(clinic.formats) and i.kind is not Kind.FACT
        ]
        self.items: list[Item] = []
        self.page = INTRO_PAGE
        self._note_owner: tuple[str, str, str] | None = None  # item, person, text as shown
        self._build_question()
        self._build_note()
        who_row = self._build_who_row()
        nav = self._build_nav()
        self._lay_out(who_row, nav)
        self._rebuild()

    def _build_question(self) -> None:
        """Where the call is, the question to say, what it checks, and the row of answers."""
        self.header = plain_label()
        self.header.setAccessibleDescription(translate("CallMode", "Where you are"))
        self.big = heading("", scale=1.7)
        self.big.setAccessibleDescription(translate("CallMode", "Say this"))
        self.small = plain_label()
        self.small.setAccessibleDescription(translate("CallMode", "What you are checking"))
        self.only_open = QCheckBox(translate("CallMode", "Only questions not answered yet"))
        self.only_open.setChecked(True)
        self.only_open.toggled.connect(self._rebuild)
        self.buttons_row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)

    def _build_note(self) -> None:
        """What the clinic said, saved to the question as it is typed."""
        self.note = QLineEdit()
        self.note.setPlaceholderText(translate("CallMode", "What the clinic said (optional)"))
        self.note.setAccessibleName(paper("table", "clinic_said"))
        self.note.editingFinished.connect(self._save_note)
        # Typed words reach the disk within a second, even if the call is cut short by a crash.
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_PAUSE_MS)
        self._note_timer.timeout.connect(self._save_note)
        self.note.textEdited.connect(lambda _text: self._note_timer.start())

    def _build_who_row(self) -> QHBoxLayout:
        """Whose answers the call records: another person may take the phone."""
        who_row = QHBoxLayout()
        who_caption = QLabel(translate("CallMode", "Answers are recorded for:"))
        self.who = QComboBox()
        self.who.setAccessibleName(translate("CallMode", "Answers are recorded for"))
        self.who.setAccessibleDescription(
            translate("CallMode", "The person whose answers this call records.")
        )
        who_caption.setBuddy(self.who)
        for rater in self.state.store.people.list():
            self.who.addItem(rater.name, rater.id)
        self.who.setCurrentIndex(max(0, self.who.findData(self.state.rater_id)))
        self.who.activated.connect(self._switch_person)
        who_row.addWidget(who_caption)
        who_row.addWidget(self.who)
        who_row.addStretch(1)
        return who_row

    def _build_nav(self) -> QHBoxLayout:
        nav = QHBoxLayout()
        self.back = QPushButton(translate("CallMode", "◀ Back"))
        self.back.setAccessibleName(translate("CallMode", "Previous question"))
        self.forward = QPushButton(translate("CallMode", "Next ▶"))
        self.forward.setAccessibleName(translate("CallMode", "Next question"))
        close = QPushButton(translate("CallMode", "Close"))
        self.back.clicked.connect(lambda: self.go(self.page - 1))
        self.forward.clicked.connect(lambda: self.go(self.page + 1))
        close.clicked.connect(self.accept)
        nav.addWidget(self.back)
        nav.addWidget(self.forward)
        nav.addStretch(1)
        nav.addWidget(close)
        return nav

    def _lay_out(self, who_row: QHBoxLayout, nav: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(who_row)
        layout.addWidget(self.header)
        layout.addWidget(self.big)
        layout.addWidget(self.small)
        layout.addSpacing(12)  # the answers right under the question, not at the far bottom
        layout.addLayout(self.buttons_row)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.only_open)
        layout.addWidget(
            plain_label(
                translate("CallMode", "Keys: 1–4 answer, Enter or → next, ← back, Esc closes.")
            )
        )
        layout.addLayout(nav)
        # The question can be long and the text large: all but the buttons at the bottom
        # scroll, rather than squeezing the question's lines over each other.
        self.body = scrolling_body(layout)
        for label in (self.header, self.big, self.small):
            whole_height(label)  # each keeps all its lines as the scroll bar comes and goes

    def _switch_person(self, index: int) -> None:
        """Another person takes the phone: save what was typed, then record as them."""
        self._save_note()
        self.state.switch_rater(str(self.who.itemData(index)))
        self.go(self.page)

    def _rebuild(self) -> None:
        self._save_note()
        answers = self.state.store.answers.by_item(self.clinic.id, self.state.rater_id)
        if self.only_open.isChecked():
            self.items = [
                i
                for i in self.all_items
                if answers.get(i.id) is None or answers[i.id].choice is None
            ]
        else:
            self.items = list(self.all_items)
        self.go(INTRO_PAGE)

    def go(self, page: int) -> None:
        self._show(page)
        for label in (self.header, self.big, self.small):
            keep_lines(label)  # the new words' lines, at the label's width

    def _show(self, page: int) -> None:
        self._save_note()
        self._note_owner = None
        self.page = max(INTRO_PAGE, min(page, len(self.items)))
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        self.back.setEnabled(self.page > INTRO_PAGE)
        self.forward.setEnabled(self.page < len(self.items))
        self.note.setVisible(0 <= self.page < len(self.items))
        if self.page == INTRO_PAGE:
            self._show_intro()
        elif self.page >= len(self.items):
            self._show_end()
        else:
            self._show_question(self.items[self.page])

    def _show_intro(self) -> None:
        """Before the questions: who is called, and what to tell them first."""
        tell = things_to_tell(self.state)
        self.header.setText(
            translate("CallMode", "Calling {clinic} · {phone}").format(
                clinic=self.clinic.name, phone=self.clinic.phone
            )
            if self.clinic.phone
            else translate("CallMode", "Calling {clinic}").format(clinic=self.clinic.name)
        )
        self.big.setText(
            translate("CallMode", "Before the questions, tell the clinic:")
            if tell
            else translate("CallMode", "{count} questions to ask. Press Enter to start.").format(
                count=len(self.items)
            )
        )
        self.small.setText(
            "\n".join(f"• {line}" for line in tell)
            if tell
            else translate(
                "CallMode",
                "Tip: add things to tell the clinic under Clinic → Things to "
                "tell the clinic (private).",
            )
        )
        self.forward.setFocus()

    def _show_end(self) -> None:
        self.header.setText(translate("CallMode", "Done"))
        self.big.setText(
            translate(
                "CallMode",
                "That was the last question. Thank the clinic and hang up when you are ready.",
            )
        )
        self.small.setText(translate("CallMode", "Your answers are saved."))

    def _show_question(self, item: Item) -> None:
        section = self.state.checklist.sections_by_id[item.section].title
        self.header.setText(
            translate("CallMode", "Question {number} of {count} · {section}").format(
                number=self.page + 1, count=len(self.items), section=section
            )
        )
        self.big.setText(item.how_to_ask)
        self.small.setText(
            translate("CallMode", "You are checking: {statement}").format(statement=item.statement)
        )
        answer = self.state.store.answers.by_item(self.clinic.id, self.state.rater_id).get(item.id)
        self.note.setText(answer.note if answer else "")
        self._note_owner = (item.id, self.state.rater_id, self.note.text())
        for number, option in enumerate(OPTIONS[item.kind], start=1):
            button = self._answer_button(item, number, option)
            button.setChecked(answer is not None and answer.choice is option.choice)
            self.group.addButton(button)
            self.buttons_row.addWidget(button)
            button.show()  # now, not on the next turn of the event loop: it takes the focus
        # The keyboard on the first answer (the chosen one, if any), not on the dialog itself.
        buttons = self.group.buttons()
        chosen = self.group.checkedButton()
        (chosen or buttons[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer_button(self, item: Item, number: int, option: Option) -> QPushButton:
        """Answer ``number`` (its key) to ``item``: large, and said with its question."""
        button = QPushButton(f"{number}  {answer_word(option.label)}")
        button.setCheckable(True)
        button.setMinimumHeight(48)
        button.setAccessibleName(answer_word(option.label))
        # The question with each answer: a screen reader says both when it gets the focus.
        button.setAccessibleDescription(
            translate("ItemForm", "Key {number}.").format(number=number) + " " + item.how_to_ask
        )
        button.setAutoDefault(False)  # Enter goes on to the next question, as the keys say
        button.installEventFilter(self)
        button.clicked.connect(lambda _=False, c=option.choice: self._answer(c))
        return button

    def _answer(self, choice: Choice) -> None:
        item = self.items[self.page]
        self._save_note()
        try:
            self.state.store.answers.set(
                self.clinic.id, item.id, choice, rater_id=self.state.rater_id
            )
        except StorageError as exc:
            self.small.setText(error_words(exc))
            return
        self.go(self.page + 1)

    def _save_note(self) -> None:
        """Save the note to the question and person it was typed for, if it changed."""
        self._note_timer.stop()
        if self._note_owner is None:
            return
        item_id, rater_id, shown = self._note_owner
        text = self.note.text()
        if text == shown:
            return
        try:
            self.state.store.answers.set_note(self.clinic.id, item_id, text, rater_id=rater_id)
        except StorageError as exc:
            self.small.setText(error_words(exc))
            return
        self._note_owner = (item_id, rater_id, text)

    def done(self, result: int) -> None:
        self._save_note()
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On an answer, ← → and Enter still move between questions (a button in a group
        would take the arrows to move among the answers)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key()
            in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in self.group.buttons()
        ):
            self.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.note.hasFocus() and key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and 0 <= self.page < len(self.items):
            options = OPTIONS[self.items[self.page].kind]
            number = key - Qt.Key.Key_1
            if number < len(options):
                self._answer(options[number].choice)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right):
            self._save_note()
            self.go(self.page + 1)
            return
        if key == Qt.Key.Key_Left:
            self.go(self.page - 1)
            return
        super().keyPressEvent(event)
