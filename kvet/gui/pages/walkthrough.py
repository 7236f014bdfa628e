"""The guided walkthrough of one clinic: one item at a time, saved the moment it is answered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvet.content.checklist import Item
from kvet.gui.common.flowlayout import FlowLayout, whole_height
from kvet.gui.common.focus import announce
from kvet.gui.common.itemform import AnswerView, ItemForm
from kvet.gui.common.state import AppState
from kvet.gui.common.steadysize import SteadyPage
from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.progresswords import progress_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.answers import Choice, Origin
from kvet.rating.progress import progress
from kvet.store.api import Change
from kvet.store.errors import StorageError
from kvet.store.records import AnswerInfo

# kvet.store.records.AGE_WORDS (English), marked for the translators; a test checks they agree.
AGE_WORDS = (
    QT_TRANSLATE_NOOP("Walkthrough", "checked today"),
    QT_TRANSLATE_NOOP("Walkthrough", "checked yesterday"),
    QT_TRANSLATE_NOOP("Walkthrough", "checked {count} days ago"),
    QT_TRANSLATE_NOOP("Walkthrough", "checked {count} months ago"),
    QT_TRANSLATE_NOOP("Walkthrough", "checked {count} years ago"),
)


def answer_view(info: AnswerInfo | None) -> AnswerView | None:
    if info is None:
        return None
    age = info.age_text(say=lambda english: translate("Walkthrough", english))
    return AnswerView(info.choice, info.number, info.note, info.origin.value, age)


class WalkthroughPage(SteadyPage):
    """Thin view: every edit goes straight to the store; the store says what changed.

    A steady page: the next question's words re-lay out this page, not the whole window."""

    callModeRequested = Signal()
    problem = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.items: list[Item] = []
        self.index = 0
        self._editing = False
        self._loaded_for: tuple[str, str] = ("", "")
        self._widest_words: dict[str, int] = {}  # a section row's text: its widest word
        self._words_font = ""

        self.title = whole_height(heading(""))
        self.who = whole_height(plain_label())
        self.who.setAccessibleDescription(translate("Walkthrough", "Whose answers"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("Walkthrough", "Progress"))
        # Counts every step given an answer, "not sure" too, and the prices and times; the text
        # adds the scored questions answered, counted as the clinic list counts them.
        self.progress.setFormat(translate("Walkthrough", "%v of %m steps done"))
        self.position_label = whole_height(plain_label())
        self.hint = whole_height(plain_label())
        self.form = ItemForm()
        self._build_sections()
        self._build_buttons()
        self._build_shortcuts()
        self._lay_out()
        self.form.answerChosen.connect(self._answer)
        self.form.factEntered.connect(self._fact)
        self.form.noteEdited.connect(self._note)
        self.form.originChanged.connect(self._origin)
        state.clinicSelected.connect(lambda _id: self.load())
        state.raterSwitched.connect(lambda _id: self.load())
        state.countryChanged.connect(lambda _code: self.load())  # other rules, other items
        state.storeChanged.connect(self._store_changed)
        self.load()

    def _build_sections(self) -> None:
        """The checklist's sections beside the question, each with how much of it is done."""
        self.sections_model = QStandardItemModel(self)
        self.sections_view = QListView()
        self.sections_view.setModel(self.sections_model)
        self.sections_view.setAccessibleName(translate("Walkthrough", "Sections"))
        self.sections_view.setAccessibleDescription(
            translate("Walkthrough", "Jump to a section of the checklist.")
        )
        self.sections_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.sections_view.setWordWrap(True)  # narrow, so the question itself gets the room
        self.sections_view.setMaximumWidth(self.fontMetrics().averageCharWidth() * 26)
        # never scrolls sideways: never squeezed below its longest word (set as it is filled)
        self.sections_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections_view.activated.connect(self._jump_to_section)
        self.sections_view.clicked.connect(self._jump_to_section)

    def _build_buttons(self) -> None:
        self.previous_button = QPushButton(translate("Walkthrough", "◀ Previous"))
        self.previous_button.setAccessibleName(translate("Walkthrough", "Previous question"))
        self.previous_button.setToolTip(translate("Walkthrough", "Previous question (Page Up)"))
        self.next_button = QPushButton(translate("Walkthrough", "Next ▶"))
        self.next_button.setAccessibleName(translate("Walkthrough", "Next question"))
        self.next_button.setToolTip(translate("Walkthrough", "Next question (Page Down)"))
        self.call_button = QPushButton(translate("Walkthrough", "Call mode…"))
        self.call_button.setAccessibleDescription(
            translate("Walkthrough", "The questions as a script for a phone call.")
        )
        self.previous_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.call_button.clicked.connect(self.callModeRequested)

    def _build_shortcuts(self) -> None:
        """Page Up and Down move between questions; the number keys answer."""
        for key, step in (
            (QKeySequence.StandardKey.MoveToPreviousPage, -1),
            (QKeySequence.StandardKey.MoveToNextPage, 1),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.go(self.index + step))
        # The number keys answer whatever was clicked last (the clinic list, a button): they are
        # the window's while this page shows. A text field still takes them as typing.
        for number in range(1, 10):
            for modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                answer = QShortcut(QKeySequence(modifiers | Qt.Key(Qt.Key.Key_0 + number)), self)
                answer.setContext(Qt.ShortcutContext.WindowShortcut)
                answer.activated.connect(lambda n=number: self.form.choose(n - 1))

    def _lay_out(self) -> None:
        top = QVBoxLayout(self.inside)
        top.addWidget(self.title)
        top.addWidget(self.who)
        top.addWidget(self.progress)
        top.addWidget(self.hint)
        middle = QHBoxLayout()
        middle.addWidget(self.sections_view)
        column = QVBoxLayout()
        column.addWidget(self.position_label)
        column.addWidget(self.form, 1)
        nav = FlowLayout(spacing=6)  # the buttons go onto two lines with larger text
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.call_button)
        column.addLayout(nav)
        middle.addLayout(column, 1)
        top.addLayout(middle, 1)

    # --- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        # A note still waiting for its typing pause belongs to the item on screen, not the next.
        self.form.flush_note()
        state = self.state
        clinic = state.clinic()
        enabled = clinic is not None
        for widget in (
            self.form,
            self.previous_button,
            self.next_button,
            self.call_button,
            self.sections_view,
            self.progress,
        ):
            widget.setEnabled(enabled)
        if clinic is None:
            self.title.setText(
                translate("Walkthrough", "Choose or add a clinic to walk through its checklist.")
            )
            self.items = []
            self.who.setText("")
            self.hint.setText("")
            self.position_label.setText("")
            self._loaded_for = ("", "")
            return
        self.items = [i for i in state.checklist.items if i.applies_to(clinic.formats)]
        self.title.setText(
            translate("Walkthrough", "Walking through: {clinic}").format(clinic=clinic.name)
        )
        self.title.setAccessibleName(self.title.text())
        self._show_who()
        self.hint.setText(
            ""
            if clinic.formats
            else translate(
                "Walkthrough",
                "Tip: edit the clinic and tick the treatments it offers to see the questions "
                "that apply only to them.",
            )
        )
        self.hint.setVisible(not clinic.formats)
        resume = state.store.answers.position(clinic.id, state.rater_id)
        ids = [i.id for i in self.items]
        self.index = ids.index(resume) if resume in ids else 0
        self._loaded_for = (clinic.id, state.rater_id)
        self._show()

    def _answers(self) -> dict[str, AnswerInfo]:
        # the shared state's copy: read once per change, whichever view asks first
        return self.state.answers(self.state.clinic_id, self.state.rater_id)

    def _show(self) -> None:
        if not self.items:
            return
        answers = self._answers()
        item = self.items[self.index]
        sources = [
            self.state.checklist.sources_by_key[k]
            for k in item.sources
            if k in self.state.checklist.sources_by_key
        ]
        clinic = self.state.clinic()
        currency = clinic.currency if clinic is not None else "USD"
        self.form.set_item(item, answer_view(answers.get(item.id)), sources, currency)
        section = self.state.checklist.sections_by_id[item.section]
        self.position_label.setText(
            translate("Walkthrough", "{section} · step {step} of {steps}").format(
                section=section.title, step=self.index + 1, steps=len(self.items)
            )
        )
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.items) - 1)
        self._update_progress(answers)

    def _update_progress(self, answers: dict[str, AnswerInfo]) -> None:
        done = {i for i, a in answers.items() if a.choice is not None or a.number is not None}
        # A progress bar paints itself at once when its value changes, and with it everything
        # else waiting to be painted, before the form below has its new place: painted as
        # the rest is, at the end of this turn of the event loop.
        self.progress.setUpdatesEnabled(False)
        self.progress.setMaximum(len(self.items))
        self.progress.setValue(sum(1 for i in self.items if i.id in done))
        self.progress.setUpdatesEnabled(True)
        clinic = self.state.clinic()
        whole, counts = progress(
            self.state.scorer(),  # prepared once per weights, not once per answer
            clinic.formats if clinic else frozenset(),
            {k: a.choice for k, a in answers.items() if not a.retired},
            {k: a.number for k, a in answers.items() if not a.retired},
        )
        steps = translate("Walkthrough", "%v of %m steps done")
        self.progress.setFormat(f"{steps} · {progress_words(whole)}")
        by_section = {c.section_id: c for c in counts}
        current = self.items[self.index].section if self.items else ""
        shown = {i.section for i in self.items}
        sections = [s for s in self.state.checklist.sections if s.id in shown]
        model = self.sections_model
        held = [model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
        if held != [s.id for s in sections]:  # another clinic's sections: built again
            model.clear()
            for section in sections:
                row = QStandardItem(section.title)
                row.setData(section.id, Qt.ItemDataRole.UserRole)
                row.setEditable(False)
                model.appendRow(row)
        # After an answer only the words change: each row is told, not the list rebuilt.
        for n, section in enumerate(sections):
            row = model.item(n)
            text = f"{section.title} — {progress_words(by_section[section.id])}"
            if row.text() != text:
                row.setText(text)
            if section.id == current and self.sections_view.currentIndex().row() != n:
                self.sections_view.setCurrentIndex(row.index())
        self._fit_sections()

    def _fit_sections(self) -> None:
        """The sections' list as wide as its longest word; a row's words measured once."""
        view = self.sections_view
        metrics = view.fontMetrics()
        if self._words_font != view.font().key():  # larger text: measured again
            self._words_font, self._widest_words = view.font().key(), {}
        texts = [self.sections_model.item(n).text() for n in range(self.sections_model.rowCount())]
        for text in texts:
            if text not in self._widest_words:
                words = text.split()
                self._widest_words[text] = max(map(metrics.horizontalAdvance, words), default=0)
        longest = max((self._widest_words[text] for text in texts), default=0)
        scroll_bar = view.verticalScrollBar().sizeHint().width()
        view.setMinimumWidth(longest + 2 * view.frameWidth() + scroll_bar + 12)

    # --- navigation ---------------------------------------------------------------------------

    def go(self, index: int, *, remembered: bool = False) -> None:
        """Show question ``index``; ``remembered``: the store already has it as the place to
        resume (written with the answer that moved here)."""
        if not self.items:
            return
        index = max(0, min(index, len(self.items) - 1))
        if index == self.index:
            return
        self.form.flush_note()
        self.index = index
        if not remembered:
            self.state.store.answers.set_position(
                self.state.clinic_id, self.items[index].id, self.state.rater_id
            )
        self.state.store.seal_undo()
        self._show()
        self.form.focus_answers()
        # The focus often stays on the same button (the first answer), so nothing would be
        # said: the new question is announced.
        announce(self.form, f"{self.position_label.text()}. {self.items[index].statement}")

    def flush(self) -> None:
        """Save a note still waiting for its typing pause (e.g. when the window closes)."""
        self.form.flush_note()

    def current_item(self) -> Item | None:
        return self.items[self.index] if self.items else None

    def _jump_to_section(self, index: QModelIndex) -> None:
        section_id = index.data(Qt.ItemDataRole.UserRole)
        for n, item in enumerate(self.items):
            if item.section == section_id:
                self.go(n)
                self.form.setFocus()
                return

    # --- edits --------------------------------------------------------------------------------

    def _edit(self, write: Callable[[str, str, str | None], None]) -> bool:
        """Run one write (clinic id, item id, person) on the item shown; False if it failed."""
        item = self.current_item()
        clinic_id, rater_id = self._loaded_for
        if item is None or not clinic_id:
            return False
        self._editing = True
        try:
            write(clinic_id, item.id, rater_id)
        except StorageError as exc:
            self.problem.emit(error_words(exc))
            return False
        finally:
            self._editing = False
        return True

    def _answer(self, choice: Choice | None) -> None:
        answers = self.state.store.answers
        following = (
            self.index + 1 if choice is not None and self.index < len(self.items) - 1 else -1
        )
        then_at = self.items[following].id if following >= 0 else None
        if self._edit(lambda c, i, r: answers.set(c, i, choice, rater_id=r, then_at=then_at)):
            if following >= 0:
                self.go(following, remembered=True)  # one write: the answer and where to resume
            elif choice is not None:
                self._update_progress(self._answers())

    def _fact(self, number: float | None) -> None:
        answers = self.state.store.answers
        if self._edit(lambda c, i, r: answers.set_fact(c, i, number, rater_id=r)):
            self._update_progress(self._answers())

    def _note(self, text: str) -> None:
        answers = self.state.store.answers
        self._edit(lambda c, i, r: answers.set_note(c, i, text, rater_id=r))

    def _origin(self, origin: str) -> None:
        answers = self.state.store.answers
        self._edit(lambda c, i, r: answers.set_origin(c, i, Origin(origin), rater_id=r))

    def _show_who(self) -> None:
        state = self.state
        rater = next((r for r in state.people() if r.id == state.rater_id), None)
        name = rater.name if rater else translate("Walkthrough", "Me")
        self.who.setText(
            translate("Walkthrough", "Answers are recorded for: {person}").format(person=name)
        )

    def _store_changed(self, change: Change) -> None:
        """Reload for edits made elsewhere (undo, another view); our own typing is left alone."""
        if self._editing:
            return
        if change.what == "rater" and self.items:
            self._show_who()  # a person renamed, perhaps the one answering
        if change.what == "clinic" and change.clinic_id == self.state.clinic_id:
            self.load()
        elif change.what == "settings" and self.items:
            # weights: which questions are scored, so the count of them; the question stays
            self._update_progress(self._answers())
        elif change.clinic_id in (None, self.state.clinic_id) and self.items:
            self._show()
