"""Stories of a patient and a relative deciding together, through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist
from kvet.gui.dialogs.callmode import CallModeDialog
from kvet.gui.main.controller import EVERYONE
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.records import RaterInfo
from tests.gui.helpers import Session, add_clinic, find_button
from tests.gui.test_sharing import choose_person

QUESTION = "q_response_measure"  # how response is defined and measured
RED_FLAG = "rf_cure_promise"  # a dealbreaker by default


def add_mum(window: MainWindow) -> str:
    window.add_person("Mum")
    rater = next(r for r in window.store.people.list() if r.name == "Mum")
    return rater.id


def harbor_with_me_and_mum(session: Session, qtbot: QtBot) -> tuple[MainWindow, str, str, str]:
    """The window with Harbor Clinic added and two people, me and Mum: gives the window,
    Harbor's id, mine and Mum's."""
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    clinic_id = window.state.clinics[0].id
    me = window.state.rater_id
    return window, clinic_id, me, add_mum(window)


def choose_view(window: MainWindow, text: str) -> None:
    combo = window.ui.viewCombo
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def status_of(window: MainWindow, name: str) -> str:
    model = window.clinic_model
    for row in range(model.rowCount()):
        if model.index(row, 1).data() == name:
            return str(model.index(row, 5).data())
    raise AssertionError(f"{name} is not in the table")


def test_two_people_disagree_and_settle_it_with_one_click(session: Session, qtbot: QtBot) -> None:
    window, clinic_id, me, mum = harbor_with_me_and_mum(session, qtbot)
    store = window.store
    store.answers.set(clinic_id, QUESTION, Choice.CLEAR, rater_id=me)
    store.answers.set_note(clinic_id, QUESTION, "They use the PHQ-9 every visit", rater_id=me)
    store.answers.set(clinic_id, QUESTION, Choice.VAGUE, rater_id=mum)
    store.answers.set_note(clinic_id, QUESTION, "Receptionist was unsure", rater_id=mum)

    overview = window.overview.differ.text()  # the clinic's own page says so too
    assert "differ on 1 question" in overview
    assert "Mum: vague answer" in overview
    window.ui.tabs.setCurrentWidget(window.ui.togetherTab)
    page = window.together
    assert page.model.rowCount() == 1
    listed = page.model.item(0).text()
    assert "Harbor Clinic" in listed
    assert "Mum" in listed
    detail = page.detail_text.text()
    assert "PHQ-9" in detail
    assert "Receptionist was unsure" in detail
    assert "decided by Mum" in page.decider.text()  # Mum is the one answering now

    # Under the cautious rule the vague answer counts until it is settled
    assert window.state.combined
    vague_score = window.state.results[clinic_id].score

    qtbot.mouseClick(find_button(page, "Clear answer"), Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert "No answers differ" in page.count.text()
    decision = store.decisions.by_item(clinic_id)[QUESTION]
    assert decision.decided_by == mum
    assert page.settled.isVisibleTo(page)
    assert "Harbor Clinic" in page.settled.text()
    assert "settled as clear answer, by Mum on" in page.settled.text()
    assert decision.choice is Choice.CLEAR
    settled_score = window.state.results[clinic_id].score
    assert settled_score is not None
    assert vague_score is not None
    assert settled_score > vague_score

    window.undo()
    assert page.model.rowCount() == 1  # undoing the decision brings the difference back
    assert not page.settled.isVisibleTo(page)


def test_a_red_flag_seen_by_one_person_counts_for_everyone(session: Session, qtbot: QtBot) -> None:
    window, clinic_id, me, mum = harbor_with_me_and_mum(session, qtbot)
    window.store.answers.set(clinic_id, RED_FLAG, Choice.NOT_SEEN, rater_id=me)
    window.store.answers.set(clinic_id, RED_FLAG, Choice.SEEN, rater_id=mum)

    choose_view(window, EVERYONE)
    assert status_of(window, "Harbor Clinic").startswith("Not recommended — red flag seen")
    # the clinic's page leads with why: which red flag, who saw it and when, whose rule it is
    window.state.select_clinic(clinic_id)
    why = window.overview.status.text()
    assert why.startswith("Not recommended.")
    when = next(
        o.answered_at
        for o in window.store.decisions.opinions(clinic_id)[RED_FLAG]
        if o.rater_id == mum
    )
    assert f"seen by Mum on {when:%d %b %Y}" in why
    assert "Me on" not in why
    assert (
        "A red flag kvet counts as a dealbreaker; you can change this in What matters to you" in why
    )
    assert "not recommended" not in window.overview.summary.text().lower()  # said once only
    choose_view(window, "Me only")
    assert not status_of(window, "Harbor Clinic").startswith("Not recommended")
    choose_view(window, "Mum only")
    assert status_of(window, "Harbor Clinic").startswith("Not recommended")
    assert "seen by Mum on" in window.overview.status.text()


def test_the_combining_rule_can_be_seen_and_changed(session: Session, qtbot: QtBot) -> None:
    window, clinic_id, me, mum = harbor_with_me_and_mum(session, qtbot)
    window.store.answers.set(clinic_id, RED_FLAG, Choice.SEEN, rater_id=me)
    window.store.answers.set(clinic_id, RED_FLAG, Choice.NOT_SEEN, rater_id=mum)  # said later
    page = window.together
    assert "cautious" in page.rule_combo.currentText().lower()
    assert page.rule_text.text()
    assert status_of(window, "Harbor Clinic").startswith("Not recommended")

    index = page.rule_combo.findText("The most recent answer counts")
    page.rule_combo.setCurrentIndex(index)
    page.rule_combo.activated.emit(index)
    assert not status_of(window, "Harbor Clinic").startswith("Not recommended")
    window.undo()
    assert status_of(window, "Harbor Clinic").startswith("Not recommended")


def test_a_relatives_file_from_another_computer_lists_what_differs(
    session: Session, qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    clinic_id = window.state.clinics[0].id
    window.store.answers.set(clinic_id, QUESTION, Choice.CLEAR)
    mine = tmp_path / "mine.kvet"
    window.sharing.export_file(mine, ask=False)

    # Alex imports it on their own computer, answers as themselves and sends it back.
    from kvet.exchange import files, importer

    alex_store = Store.open(checklist, tmp_path / "alex" / "kvet.sqlite")
    try:
        plan = importer.plan_import(alex_store, files.read_document(mine))
        comparison_id = importer.apply_import(alex_store, plan)
        alex = alex_store.people.add("Alex")
        alex_store.answers.set(clinic_id, QUESTION, Choice.REFUSED, rater_id=alex.id)
        back = tmp_path / "from-alex.kvet"
        files.export_comparison(alex_store, comparison_id, back)
    finally:
        alex_store.close()

    dialog = window.sharing.import_file(back)
    assert dialog is not None
    assert dialog.into_current.isChecked()
    me = window.store.people.default().id
    choose_person(dialog, me, me)  # the file's "Me (imported)" is me: I say so
    dialog.apply()
    assert window.ui.tabs.currentWidget() is window.ui.togetherTab
    messages = [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert any("Alex" in text and "Harbor Clinic" in text for text in messages)
    assert window.together.model.rowCount() == 1
    assert [window.ui.raterCombo.itemText(i) for i in range(window.ui.raterCombo.count())][:2] == [
        "Me",
        "Alex",
    ]


def test_call_mode_says_whose_answers_and_switches_person(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    clinic_id = window.state.clinics[0].id
    mum = add_mum(window)
    window.state.switch_rater(window.store.people.default().id)
    dialog = window.open_call_mode()
    assert isinstance(dialog, CallModeDialog)
    assert dialog.who.currentText() == "Me"
    dialog.go(0)
    item_id = dialog.items[0].id
    qtbot.keyClicks(dialog.note, "my words")
    index = dialog.who.findText("Mum")
    dialog.who.setCurrentIndex(index)
    dialog.who.activated.emit(index)
    assert window.state.rater_id == mum
    assert dialog.note.text() == ""  # Mum's (empty) note, not mine
    dialog.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_2)
    dialog.close()
    me = window.store.people.default().id
    assert window.store.answers.by_item(clinic_id, me)[item_id].note == "my words"
    assert item_id not in window.store.answers.by_item(clinic_id, me) or (
        window.store.answers.by_item(clinic_id, me)[item_id].choice is None
    )
    assert window.store.answers.by_item(clinic_id, mum)[item_id].choice is not None
    assert window.store.answers.by_item(clinic_id, mum)[item_id].note == ""


def test_a_misspelt_name_can_be_corrected_and_undone(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    window.add_person("Mun")
    window.rename_person("Mum")
    assert window.walkthrough.who.text() == "Answers are recorded for: Mum"
    names = [window.ui.raterCombo.itemText(i) for i in range(window.ui.raterCombo.count())]
    assert "Mum" in names
    assert "Mun" not in names
    assert "Mum only" in [
        window.ui.viewCombo.itemText(i) for i in range(window.ui.viewCombo.count())
    ]
    window.rename_person("   ")  # refused with a message; nothing changes
    assert "Mum" in [r.name for r in window.store.people.list()]
    window.undo()
    assert "Mun" in [r.name for r in window.store.people.list()]


def test_the_list_of_differences_stays_right_as_answers_come_in(
    session: Session, qtbot: QtBot
) -> None:
    """Only the clinic just answered is read again; the list must still match the store's
    (the Together tab open: a hidden page fills as it is shown)."""
    window = session.start()
    add_clinic(qtbot, window, "Alpha Clinic")
    add_clinic(qtbot, window, "Beta Clinic")
    window.ui.tabs.setCurrentWidget(window.ui.togetherTab)
    store = window.store
    alpha, beta = (c.id for c in window.state.clinics)
    me = window.state.rater_id
    mum = add_mum(window)
    store.answers.set(beta, QUESTION, Choice.CLEAR, rater_id=me)
    store.answers.set(beta, QUESTION, Choice.VAGUE, rater_id=mum)
    assert [d.clinic_name for d in window.state.disagreements()] == ["Beta Clinic"]
    store.answers.set(alpha, RED_FLAG, Choice.SEEN, rater_id=me)
    store.answers.set(alpha, RED_FLAG, Choice.NOT_SEEN, rater_id=mum)
    store.answers.set(alpha, QUESTION, Choice.CLEAR, rater_id=mum)
    store.answers.set(alpha, QUESTION, Choice.REFUSED, rater_id=me)
    expected = store.decisions.disagreements(window.state.comparison_id)
    assert window.state.disagreements() == expected
    assert [d.clinic_name for d in expected] == ["Alpha Clinic", "Alpha Clinic", "Beta Clinic"]
    assert window.together.model.rowCount() == 3
    store.answers.set(beta, QUESTION, Choice.CLEAR, rater_id=mum)  # now they agree
    assert window.state.disagreements() == store.decisions.disagreements(window.state.comparison_id)
    assert window.together.model.rowCount() == 2
    window.undo()
    assert window.together.model.rowCount() == 3
    # the matrix shows the fresh answer for the clinic that changed and keeps the other
    assert window.state.answers(alpha, me)[QUESTION].choice is Choice.REFUSED


def test_a_long_list_of_differences_is_refilled_without_rereading_it_row_by_row(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving a slider refills this list; each removed row used to rebuild the detail with a
    database read (a slider move took 0.8 s with 50 clinics). Now the detail is built once."""
    window = session.start()
    mum = add_mum(window)
    for n in range(3):
        add_clinic(qtbot, window, f"Clinic {n}")
    window.ui.tabs.setCurrentWidget(window.ui.togetherTab)  # a hidden page fills when shown
    store = window.store
    items = [i.id for i in store.checklist.items if i.kind.value == "practice"][:8]
    for clinic in window.state.clinics:
        for item_id in items:
            store.answers.set(clinic.id, item_id, Choice.YES)
            store.answers.set(clinic.id, item_id, Choice.NO, rater_id=mum)
    assert window.together.model.rowCount() >= 20
    reads: list[int] = []
    original = store.people.list

    def counted() -> list[RaterInfo]:
        reads.append(1)
        return original()

    monkeypatch.setattr(store.people, "list", counted)
    window.together.refresh()
    assert len(reads) <= 1  # at most once (none when the detail shown is still the same)
    assert window.together.detail.isVisibleTo(window.together)
