"""The item form, driven with the keyboard and mouse the way a person would."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist, Item, Kind, Source
from kvet.gui.common.itemform import NOTE_PAUSE_MS, AnswerView, ItemForm
from kvet.gui.common.typednumbers import NumberError, parse_number
from kvet.rating.answers import Choice
from tests.gui.helpers import find_button, find_by_description, find_by_name

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)


def first(checklist: Checklist, kind: Kind) -> Item:
    return next(i for i in checklist.items if i.kind is kind)


def sources(checklist: Checklist, item: Item) -> list[Source]:
    return [checklist.sources_by_key[key] for key in item.sources]


def answer(**fields: Any) -> AnswerView:
    values: dict[str, Any] = {
        "choice": None,
        "number": None,
        "note": "",
        "origin": "phone",
        "age_text": "checked today",
    }
    values.update(fields)
    return AnswerView(**values)


class Recorder:
    """Collects every emission of the form's four signals, in order."""

    def __init__(self, form: ItemForm) -> None:
        self.events: list[tuple[str, object]] = []
        form.answerChosen.connect(lambda v: self.events.append(("answer", v)))
        form.factEntered.connect(lambda v: self.events.append(("fact", v)))
        form.noteEdited.connect(lambda v: self.events.append(("note", v)))
        form.originChanged.connect(lambda v: self.events.append(("origin", v)))


@pytest.fixture
def form(qtbot: QtBot) -> ItemForm:
    widget = ItemForm()
    qtbot.addWidget(widget)
    widget.resize(760, 640)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def show(form: ItemForm, checklist: Checklist, item: Item, view: AnswerView | None = None) -> None:
    form.set_item(item, view, sources(checklist, item))


def type_note(form: ItemForm, qtbot: QtBot, text: str) -> QPlainTextEdit:
    """Click into the note and type `text`, as a person would."""
    note = find_by_name(form, "What the clinic said", QPlainTextEdit)
    note.setFocus()
    qtbot.keyClicks(note, text)
    return note


def visible_labels(root: QWidget) -> str:
    return "\n".join(label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root))


# --- answers ------------------------------------------------------------------------------------


def test_pressing_2_on_a_red_flag_records_seen(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.RED_FLAG))
    with qtbot.waitSignal(form.answerChosen) as signal:
        qtbot.keyClick(form, Qt.Key.Key_2)
    assert signal.args == [Choice.SEEN]
    seen = find_by_name(form, "Seen", QPushButton)
    assert seen.isChecked()
    assert "✓" in seen.text()  # chosen is shown by a mark too, not by color alone


def test_buttons_show_their_number_key(form: ItemForm, checklist: Checklist) -> None:
    show(form, checklist, first(checklist, Kind.QUESTION))
    texts = [b.text() for b in form.findChildren(QPushButton) if b.isVisibleTo(form)]
    assert texts == [
        "1  Clear answer",
        "2  Vague answer",
        "3  Would not answer",
        "4  Not asked yet",
    ]


@pytest.mark.parametrize(
    ("kind", "counts"),
    [
        (Kind.RED_FLAG, "If this red flag is a dealbreaker, it is then not cleared"),
        (Kind.PRACTICE, "“The clinic would not say” counts as a bad answer, the same as “No”."),
    ],
)
def test_a_clinic_that_would_not_say_is_recorded_as_such_and_told_how_it_counts(
    form: ItemForm, checklist: Checklist, qtbot: QtBot, kind: Kind, counts: str
) -> None:
    show(form, checklist, first(checklist, kind))
    with qtbot.waitSignal(form.answerChosen) as signal:
        qtbot.keyClick(form, Qt.Key.Key_4)
    assert signal.args == [Choice.REFUSED]
    assert find_by_name(form, "The clinic would not say", QPushButton).isChecked()
    shown = visible_labels(form)
    assert "“Not sure” counts as half good, half bad until you find out." in shown
    assert counts in shown


def test_clicking_an_answer_emits_it(form: ItemForm, checklist: Checklist, qtbot: QtBot) -> None:
    show(form, checklist, first(checklist, Kind.PRACTICE))
    with qtbot.waitSignal(form.answerChosen) as signal:
        qtbot.mouseClick(find_button(form, "No"), Qt.MouseButton.LeftButton)
    assert signal.args == [Choice.NO]


def test_pressing_the_chosen_answer_again_clears_it(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.RED_FLAG), answer(choice=Choice.NOT_SEEN))
    not_seen = find_by_name(form, "Not seen", QPushButton)
    assert not_seen.isChecked()
    with qtbot.waitSignal(form.answerChosen) as signal:
        qtbot.mouseClick(not_seen, Qt.MouseButton.LeftButton)
    assert signal.args == [None]
    assert not any(b.isChecked() for b in form.option_buttons)


def test_choosing_another_answer_unchecks_the_first(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.RED_FLAG), answer(choice=Choice.NOT_SEEN))
    qtbot.keyClick(form, Qt.Key.Key_3)
    checked = [b.accessibleName() for b in form.option_buttons if b.isChecked()]
    assert checked == ["Not sure"]
    assert form.choice() is Choice.NOT_SURE


def test_a_number_key_beyond_the_options_does_nothing(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.RED_FLAG))  # four answers: 1 to 4
    recorder = Recorder(form)
    qtbot.keyClick(form, Qt.Key.Key_5)
    qtbot.keyClick(form, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert recorder.events == []


def test_digits_typed_in_the_note_stay_in_the_note(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.RED_FLAG))
    recorder = Recorder(form)
    note = type_note(form, qtbot, "2 nurses")
    assert note.toPlainText() == "2 nurses"
    assert ("answer", Choice.SEEN) not in recorder.events


def test_loading_an_answer_emits_nothing(form: ItemForm, checklist: Checklist) -> None:
    recorder = Recorder(form)
    view = answer(choice=Choice.SEEN, note="They said no.", origin="website")
    show(form, checklist, first(checklist, Kind.RED_FLAG), view)
    assert recorder.events == []
    assert find_by_name(form, "What the clinic said", QPlainTextEdit).toPlainText() == (
        "They said no."
    )
    assert find_by_name(form, "Where this answer came from", QComboBox).currentText() == "Website"


# --- the note -----------------------------------------------------------------------------------


def test_typing_a_note_emits_it_once_after_a_pause(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.QUESTION))
    recorder = Recorder(form)
    type_note(form, qtbot, "Six sessions over three weeks")
    assert recorder.events == []  # nothing while typing
    with qtbot.waitSignal(form.noteEdited, timeout=NOTE_PAUSE_MS * 4) as signal:
        pass
    assert signal.args == ["Six sessions over three weeks"]
    with qtbot.assertNotEmitted(form.noteEdited, wait=NOTE_PAUSE_MS * 2):
        pass
    assert recorder.events == [("note", "Six sessions over three weeks")]


def test_a_pending_note_is_emitted_before_switching_items(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    question = first(checklist, Kind.QUESTION)
    red_flag = first(checklist, Kind.RED_FLAG)
    show(form, checklist, question)
    recorder = Recorder(form)
    note = type_note(form, qtbot, "They would not say")
    switched_to: list[Item | None] = []
    form.noteEdited.connect(lambda _text: switched_to.append(form.current_item()))
    show(form, checklist, red_flag, answer(note="Earlier note"))
    assert recorder.events == [("note", "They would not say")]
    assert switched_to == [question]  # emitted while the old item was still current
    assert note.toPlainText() == "Earlier note"
    with qtbot.assertNotEmitted(form.noteEdited, wait=NOTE_PAUSE_MS * 2):
        pass
    assert recorder.events == [("note", "They would not say")]


def test_leaving_the_note_emits_it_at_once(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.QUESTION))
    recorder = Recorder(form)
    note = type_note(form, qtbot, "Call back Monday")
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # Tab moves on instead of typing a tab
    assert recorder.events == [("note", "Call back Monday")]
    assert note.toPlainText() == "Call back Monday"


def test_a_pending_note_goes_out_before_the_answer(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.QUESTION))
    recorder = Recorder(form)
    note = find_by_name(form, "What the clinic said", QPlainTextEdit)
    qtbot.keyClicks(note, "Clear and kind")
    form.option_buttons[0].click()
    assert recorder.events == [("note", "Clear and kind"), ("answer", Choice.CLEAR)]


# --- facts --------------------------------------------------------------------------------------


def fact_field(form: ItemForm) -> QLineEdit:
    return next(e for e in form.findChildren(QLineEdit) if e.accessibleName().startswith("Number"))


def type_number(form: ItemForm, qtbot: QtBot, text: str) -> QLineEdit:
    """Click into the number field and type `text`, as a person would."""
    field = fact_field(form)
    field.setFocus()
    qtbot.keyClicks(field, text)
    return field


def test_a_price_of_abc_shows_an_error_and_emits_nothing(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, checklist.item("price_per_session"))
    recorder = Recorder(form)
    field = fact_field(form)
    assert field.accessibleName() == "Number, in USD"
    assert "USD" in visible_labels(form)
    field.setFocus()
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert recorder.events == []
    problem = find_by_description(form, "Problem with the number", QLabel)
    assert problem.isVisibleTo(form)
    assert "“abc” is not a number" in problem.text()


def test_a_price_with_dollar_sign_and_comma_is_read(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, checklist.item("price_per_session"))
    field = fact_field(form)
    field.setFocus()
    with qtbot.waitSignal(form.factEntered) as signal:
        qtbot.keyClicks(field, "$1,200")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == [1200.0]
    assert not find_by_description(form, "Problem with the number", QLabel).isVisibleTo(form)


def test_fixing_a_bad_number_hides_the_error(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, checklist.item("travel_minutes"))
    field = type_number(form, qtbot, "-5")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    problem = find_by_description(form, "Problem with the number", QLabel)
    assert "0 or more" in problem.text()
    field.clear()
    qtbot.keyClicks(field, "45")
    assert not problem.isVisibleTo(form)
    with qtbot.waitSignal(form.factEntered) as signal:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == [45.0]


def test_emptying_a_number_clears_it_and_an_unchanged_one_is_not_resent(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, checklist.item("consult_fee"), answer(number=250.0))
    recorder = Recorder(form)
    field = fact_field(form)
    assert field.text() == "250"
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # nothing changed: no new "checked today"
    assert recorder.events == []
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert recorder.events == [("fact", None)]


def test_a_typed_number_is_emitted_before_switching_items(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, checklist.item("induction_sessions"))
    recorder = Recorder(form)
    type_number(form, qtbot, "6")
    show(form, checklist, first(checklist, Kind.RED_FLAG))
    assert recorder.events == [("fact", 6.0)]


def test_facts_have_no_answer_buttons(form: ItemForm, checklist: Checklist) -> None:
    show(form, checklist, checklist.item("price_per_session"))
    assert not [b for b in form.option_buttons if b.isVisibleTo(form)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("450", 450.0),
        (" 12.5 ", 12.5),
        ("$1,200", 1200.0),
        ("450 USD", 450.0),
        ("+3", 3.0),
        (".5", 0.5),
    ],
)
def test_numbers_are_read_kindly(text: str, value: float | None) -> None:
    assert parse_number(text, "USD") == value


@pytest.mark.parametrize("text", ["abc", "450,50", "1.2.3", "-4", "inf", "nan", "1e5", "$"])
def test_doubtful_numbers_are_refused(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text, "USD")


# --- origin -------------------------------------------------------------------------------------


def test_choosing_where_the_answer_came_from_emits_its_value(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.RED_FLAG))
    combo = find_by_name(form, "Where this answer came from", QComboBox)
    assert [combo.itemText(n) for n in range(combo.count())] == [
        "Phone call",
        "Website",
        "Visit",
        "Written material",
    ]
    combo.setFocus()
    with qtbot.waitSignal(form.originChanged) as signal:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert signal.args == ["website"]


# --- what is shown ------------------------------------------------------------------------------


def test_it_shows_the_item_its_sources_and_the_answer_age(
    form: ItemForm, checklist: Checklist
) -> None:
    item = first(checklist, Kind.RED_FLAG)
    show(form, checklist, item, answer(choice=Choice.SEEN, age_text="checked 8 months ago"))
    text = visible_labels(form)
    assert item.statement in text
    assert item.how_to_ask in text
    assert item.good_answer in text
    assert "checked 8 months ago" in text
    for key in item.sources:
        assert checklist.sources_by_key[key].title in text


def test_why_it_matters_is_collapsed_until_asked_for(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    item = first(checklist, Kind.RED_FLAG)
    show(form, checklist, item)
    assert item.why_it_matters not in visible_labels(form)
    toggle = find_button(form, "Why it matters")
    assert toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert toggle.isChecked()
    assert item.why_it_matters in visible_labels(form)
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert item.why_it_matters not in visible_labels(form)


def test_tags_in_text_are_shown_literally(form: ItemForm, checklist: Checklist) -> None:
    item = replace(
        first(checklist, Kind.RED_FLAG),
        statement="The clinic is <b>great</b>",
        how_to_ask="Ask <i>nicely</i>",
    )
    show(form, checklist, item, answer(note="<script>x</script>"))
    text = visible_labels(form)
    assert "The clinic is <b>great</b>" in text
    assert "Ask <i>nicely</i>" in text
    for label in form.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    note = find_by_name(form, "What the clinic said", QPlainTextEdit)
    assert note.toPlainText() == "<script>x</script>"


def test_before_any_item_there_is_nothing_to_answer(qtbot: QtBot) -> None:
    form = ItemForm()
    qtbot.addWidget(form)
    recorder = Recorder(form)
    qtbot.keyClick(form, Qt.Key.Key_1)
    form.flush_note()
    assert recorder.events == []
    assert "No question to show yet." in visible_labels(form)


def test_every_control_has_an_accessible_name_and_description(
    form: ItemForm, checklist: Checklist
) -> None:
    for item in (first(checklist, Kind.QUESTION), checklist.item("price_per_session")):
        show(form, checklist, item)
        controls = [
            w
            for w in form.findChildren(QWidget)
            if isinstance(w, QAbstractButton | QLineEdit | QPlainTextEdit | QComboBox)
            and w.isVisibleTo(form)
        ]
        assert controls
        for control in controls:
            assert control.accessibleName(), control
            assert control.accessibleDescription(), control.accessibleName()


def test_tab_goes_through_the_form_in_reading_order(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.RED_FLAG))
    form.explanation.why_button.setFocus()
    names = [form.explanation.why_button.accessibleName()]
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        names.append(focused.accessibleName())
    assert names == [
        "Why it matters",
        "Not seen",
        "Seen",
        "Not sure",
        "The clinic would not say",
        "What the clinic said",
        "Where this answer came from",
    ]


def test_setting_focus_on_the_form_lands_on_the_first_answer(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    show(form, checklist, first(checklist, Kind.PRACTICE))
    form.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.option_buttons[0])
    show(form, checklist, checklist.item("price_per_session"))
    form.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fact_field(form))


def test_answering_by_key_keeps_the_keyboard_in_the_form(
    form: ItemForm, checklist: Checklist, qtbot: QtBot
) -> None:
    """The walkthrough moves on after an answer; the next item's keys must still work."""
    question = first(checklist, Kind.QUESTION)
    red_flag = first(checklist, Kind.RED_FLAG)
    show(form, checklist, question)
    form.option_buttons[3].setFocus()  # "Not asked yet", which a red flag does not have
    qtbot.keyClick(form.option_buttons[3], Qt.Key.Key_4)
    show(form, checklist, red_flag)
    assert QApplication.focusWidget() is form.option_buttons[0]
    with qtbot.waitSignal(form.answerChosen) as signal:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert signal.args == [Choice.SEEN]
