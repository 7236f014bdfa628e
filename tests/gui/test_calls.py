"""Stories of answering during a phone call: notes land on the right question, keys do it all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Kind
from kvet.gui.common.itemform import NOTE_PAUSE_MS
from kvet.gui.dialogs.callmode import CallModeDialog
from kvet.gui.dialogs.clinicdialog import DRAFT_PAUSE_MS
from kvet.gui.dialogs.prescreen import PrescreenDialog
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from tests.gui.helpers import Session, add_clinic

# Saving waits for a pause in typing of NOTE_PAUSE_MS; a test waits longer only so a slow,
# busy machine does not fail it. The promise itself is checked here:
SLACK_MS = 3000


def test_typing_is_saved_well_within_a_second_of_the_last_key() -> None:
    assert NOTE_PAUSE_MS <= 600
    assert DRAFT_PAUSE_MS <= 600


def walking(session: Session, qtbot: QtBot) -> MainWindow:
    """kvet started, one clinic added, its walkthrough open at the first question."""
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    window.show_walkthrough()
    return window


def test_a_note_typed_just_before_moving_on_stays_with_its_question(
    session: Session, qtbot: QtBot
) -> None:
    window = walking(session, qtbot)
    page = window.walkthrough
    first = page.current_item()
    assert first is not None
    qtbot.keyClicks(page.form.note_edit, "They said a nurse checks")
    page.go(page.index + 1)  # straight on, before the typing pause is over
    answers = window.store.answers.by_item(window.state.clinic_id)
    assert answers[first.id].note == "They said a nurse checks"
    second = page.current_item()
    assert second is not None
    assert second.id not in answers or answers[second.id].note == ""


def test_a_note_is_saved_within_a_second_without_leaving_the_field(
    session: Session, qtbot: QtBot
) -> None:
    window = walking(session, qtbot)
    page = window.walkthrough
    item = page.current_item()
    assert item is not None
    qtbot.keyClicks(page.form.note_edit, "PHQ-9 at every visit")
    clinic_id = window.state.clinic_id
    qtbot.waitUntil(
        lambda: (
            window.store.answers.by_item(clinic_id).get(item.id) is not None
            and window.store.answers.by_item(clinic_id)[item.id].note == "PHQ-9 at every visit"
        ),
        timeout=SLACK_MS,
    )


def test_a_whole_call_can_be_made_from_the_keyboard(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic", ("IV ketamine infusion",))
    dialog = window.open_call_mode()
    assert isinstance(dialog, CallModeDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # from the introduction to the first question
    first = dialog.items[0]
    qtbot.keyClick(dialog, Qt.Key.Key_1)  # answered, and on to the next
    assert dialog.page == 1
    second = dialog.items[1]
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "Only on Tuesdays")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter leaves the note and moves on
    assert dialog.page == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Left)
    assert dialog.page == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    answers = window.store.answers.by_item(window.state.clinic_id)
    assert answers[first.id].choice is not None
    assert answers[second.id].note == "Only on Tuesdays"
    assert all(item.kind is not Kind.FACT for item in dialog.items)


def test_things_to_tell_the_clinic_come_first_in_call_mode(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    prescreen = window.open_prescreen()
    assert isinstance(prescreen, PrescreenDialog)
    text = " ".join(label.text() for label in prescreen.findChildren(type(window.ui.rankingNote)))
    assert "not give medical advice" in text
    assert "not a verdict" in text
    topic = window.store.checklist.personal_topics[0]
    prescreen.boxes[topic.id].click()
    qtbot.keyClicks(prescreen.notes[topic.id], "since 2019")
    prescreen.accept()
    call = window.open_call_mode()
    assert isinstance(call, CallModeDialog)
    assert "tell the clinic" in call.big.text()
    assert "since 2019" in call.small.text()
    # never part of any score
    assert window.store.answers.personal_topics()[topic.id].applies
    result = window.state.results[window.state.clinic_id]
    assert result.answered == 0
    call.close()


def test_the_same_answer_by_key_twice_does_not_change_it(session: Session, qtbot: QtBot) -> None:
    window = walking(session, qtbot)
    page = window.walkthrough
    item = page.current_item()
    assert item is not None
    assert item.kind is Kind.RED_FLAG
    page.form.setFocus()
    qtbot.keyClick(page.form, Qt.Key.Key_2)
    assert window.store.answers.by_item(window.state.clinic_id)[item.id].choice is Choice.SEEN


def test_a_price_typed_is_saved_within_a_second_and_undoes_in_one_step(
    session: Session, qtbot: QtBot
) -> None:
    window = walking(session, qtbot)
    page = window.walkthrough
    index = next(n for n, item in enumerate(page.items) if item.id == "price_per_session")
    page.go(index)
    clinic_id = window.state.clinic_id

    def saved_price() -> float | None:
        answer = window.store.answers.by_item(clinic_id).get("price_per_session")
        return None if answer is None else answer.number

    qtbot.keyClicks(page.form.fact_edit, "4")
    # A pause mid-number: what is there so far is already safe.
    qtbot.waitUntil(lambda: saved_price() == 4, timeout=SLACK_MS)
    qtbot.keyClicks(page.form.fact_edit, "50")
    qtbot.waitUntil(
        lambda: (
            window.store.answers.by_item(clinic_id).get("price_per_session") is not None
            and window.store.answers.by_item(clinic_id)["price_per_session"].number == 450
        ),
        timeout=SLACK_MS,
    )
    window.undo()
    assert "price_per_session" not in window.store.answers.by_item(clinic_id) or (
        window.store.answers.by_item(clinic_id)["price_per_session"].number is None
    )
