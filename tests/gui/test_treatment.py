"""My treatment: a person records their course after choosing a clinic, and sees how it goes."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist
from kvet.gui.dialogs.crisis import CrisisDialog
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.treatment.treatment import TreatmentWindow
from kvet.treatment.course import DoseSession
from tests.gui.helpers import Session, find_button
from tests.test_exports import pdf_text


def treatment(session: Session, qtbot: QtBot) -> tuple[MainWindow, TreatmentWindow]:
    window = session.start()
    window.open_sample()
    tracker = window.open_treatment()
    assert isinstance(tracker, TreatmentWindow)
    qtbot.waitExposed(tracker)
    return window, tracker


def test_the_sample_course_shows_how_it_is_going_in_words(session: Session, qtbot: QtBot) -> None:
    _window, tracker = treatment(session, qtbot)
    course = tracker.course()
    assert course is not None
    assert course.clinic_name == "Clinic A (fictional)"
    summary = tracker.progress.summary.text()
    first, last = course.check_ins[0].total, course.check_ins[-1].total
    assert f"Baseline PHQ-9 {first}" in summary
    assert f"Latest {last}" in summary
    fall = round(100 * (first - last) / first)
    assert f"a {fall}% fall" in summary
    assert tracker.progress.chart.accessibleDescription() == summary
    # The sample has no response by its review session (20 to 15 at session 6): that is named,
    # with both dates; its therapy alongside ketamine is a textbook course and raises nothing.
    signals = tracker.progress.signals_label.text()
    assert "Worth talking about:" in signals
    assert "The plan's review point" in signals
    assert "then 15 on" in signals
    assert "Not raised:" in signals
    assert "Therapy and other support alongside ketamine" in signals.split("Not raised:")[1]


def test_a_session_is_entered_from_the_keyboard_and_undone_in_one_step(
    session: Session, qtbot: QtBot
) -> None:
    window, tracker = treatment(session, qtbot)
    tracker.tabs.setCurrentIndex(2)
    form = tracker.sessions.session_form
    before = len(tracker.course().sessions)  # type: ignore[union-attr]
    form.dose.setFocus()
    qtbot.keyClicks(form.dose, "They kept it the same")
    form.bp_before.setFocus()
    qtbot.keyClicks(form.bp_before, "130/85")
    qtbot.keyClick(form.bp_before, Qt.Key.Key_Return)
    course = tracker.course()
    assert course is not None
    assert len(course.sessions) == before + 1
    added = [s for s in course.sessions if s.dose_note == "They kept it the same"]
    assert added[0].bp_before == (130, 85)
    assert added[0].day == date.today()
    assert form.dose.text() == ""  # ready for the next one
    assert tracker.sessions.sessions_model.rowCount() == before + 1
    # Ctrl+Z outside a text field undoes the whole entry (in a field it undoes the typing).
    tracker.activateWindow()
    tracker.sessions.sessions_view.setFocus()
    qtbot.waitUntil(tracker.isActiveWindow)
    qtbot.keyClick(
        tracker.sessions.sessions_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    assert len(tracker.course().sessions) == before  # type: ignore[union-attr]
    assert window.isVisible()


def test_an_impossible_blood_pressure_is_explained_and_nothing_is_saved(
    session: Session, qtbot: QtBot
) -> None:
    _window, tracker = treatment(session, qtbot)
    before = len(tracker.course().sessions)  # type: ignore[union-attr]
    tracker.sessions.session_form.bp_before.setText("84/130")
    tracker.sessions.session_form.submit()
    assert "blood pressure" in tracker.problem.text().lower()
    tracker.sessions.session_form.bp_before.setText("abc")
    tracker.sessions.session_form.submit()
    assert "two numbers" in tracker.problem.text()
    assert len(tracker.course().sessions) == before  # type: ignore[union-attr]


def test_any_answer_above_not_at_all_to_question_nine_opens_help_at_once(
    session: Session, qtbot: QtBot
) -> None:
    _window, tracker = treatment(session, qtbot)
    tracker.tabs.setCurrentIndex(3)
    form = tracker.checkin
    for group in form.groups[:8]:
        qtbot.mouseClick(group.button(1), Qt.MouseButton.LeftButton)
    assert not any(
        isinstance(w, CrisisDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    qtbot.mouseClick(form.groups[8].button(1), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, CrisisDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    assert form.safety.isVisible()
    assert "not a diagnosis" in form.safety.text()
    assert form.result.text() == "Total 9 of 27: mild."
    count = len(tracker.course().check_ins)  # type: ignore[union-attr]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert len(tracker.course().check_ins) == count + 1  # type: ignore[union-attr]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, CrisisDialog):
            widget.close()


def test_the_plan_is_saved_after_a_pause_in_typing(session: Session, qtbot: QtBot) -> None:
    _window, tracker = treatment(session, qtbot)
    edit = tracker.plan.plan_edits["tapering"]
    edit.setPlainText("Every three weeks from January")
    qtbot.waitUntil(
        lambda: (
            tracker.store.courses.plan(tracker.course_id).tapering
            == "Every three weeks from January"
        ),
        timeout=5000,
    )


def test_the_page_for_the_appointment_and_the_log_hold_what_was_recorded(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    _window, tracker = treatment(session, qtbot)
    tracker.store.courses.add(
        tracker.course_id, DoseSession(date.today(), "IV infusion", note='=HYPERLINK("http://x")')
    )
    pdf = tracker.save_pdf(tmp_path / "appointment.pdf")
    assert pdf is not None
    text = pdf_text(pdf)
    assert "My treatment at Clinic A (fictional)" in text
    assert "No permission required to reproduce" in text
    assert "The plan's review point" in text
    assert "not give medical advice" in text or "medical advice" in text
    saved = tracker.save_csv(tmp_path / "log.csv")
    assert saved is not None
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    course = tracker.course()
    assert course is not None
    assert len(rows) - 1 == (
        len(course.sessions)
        + len(course.check_ins)
        + len(course.care)
        + len(course.markers)
        + len(course.mood_checks)
    )
    notes = [r[-1] for r in rows if r[1] == "session"]
    assert '\'=HYPERLINK("http://x")' in notes


def test_a_record_travels_to_family_only_when_both_tick_it(
    session: Session, qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    window, _tracker = treatment(session, qtbot)
    shared = tmp_path / "for-mum.kvet"
    assert window.sharing.export_file(shared, include_courses=True, ask=False) == shared
    session.stop()
    family = Session(qtbot, checklist, tmp_path / "family" / "kvet.sqlite")
    try:
        other = family.start()
        dialog = other.sharing.import_file(shared)
        assert dialog is not None
        assert dialog.courses.isVisible()
        assert not dialog.courses.isChecked()
        assert "treatment record(s); they are left out" in dialog.summary.text()
        dialog.courses.setChecked(True)
        assert "1 treatment record(s)" in dialog.summary.text()
        qtbot.mouseClick(find_button(dialog, "Import"), Qt.MouseButton.LeftButton)
        assert family.store is not None
        [record] = family.store.courses.list_courses()
        assert record.clinic_name == "Clinic A (fictional)"
        theirs = other.open_treatment()
        assert isinstance(theirs, TreatmentWindow)
        qtbot.waitExposed(theirs)
        # Mum sees it is not her own record, and whose file it came in
        senders = [p.name for p in dialog.document.raters]
        assert theirs.origin.isVisible()
        assert theirs.origin.text().startswith(f"Imported on {date.today():%-d %b %Y}")
        assert f"from a file shared by {', '.join(senders)}" in theirs.origin.text()
        assert "It is their record, not yours." in theirs.origin.text()
        assert theirs.courses.currentText().startswith("Clinic A (fictional) (from ")
        started = theirs.start_course("Her own clinic")
        assert theirs.course_id == started
        assert not theirs.origin.isVisible()  # her own record says nothing of the kind
        assert theirs.courses.currentText() == "Her own clinic"
    finally:
        family.stop()


def test_no_text_is_cut_in_my_treatment_at_the_smallest_screen(
    session: Session, qtbot: QtBot
) -> None:
    from tests.gui.layoutprobe import cut_texts

    _window, tracker = treatment(session, qtbot)
    problems = []
    for width, height in ((1024, 700), (1920, 1080)):
        tracker.resize(width, height)
        for index in range(tracker.tabs.count()):
            tracker.tabs.setCurrentIndex(index)
            qtbot.waitUntil(lambda: tracker.tabs.currentWidget().isVisible())
            QApplication.processEvents()
            problems += [
                f"{width}x{height}, {tracker.tabs.tabText(index)}: {p}" for p in cut_texts(tracker)
            ]
    assert problems == []


def test_a_sign_of_ones_own_is_added_saved_and_offered_again(
    session: Session, qtbot: QtBot
) -> None:
    _window, tracker = treatment(session, qtbot)
    tracker.tabs.setCurrentIndex(4)
    weekly = tracker.weekly
    qtbot.keyClicks(weekly.own_marker, "Walked the dog <b>twice</b>")
    qtbot.keyClick(weekly.own_marker, Qt.Key.Key_Return)
    assert weekly.markers["Walked the dog <b>twice</b>"].isChecked()
    weekly.markers["Cooking a meal"].setChecked(True)
    qtbot.mouseClick(find_button(weekly, "Save this week's signs"), Qt.MouseButton.LeftButton)
    course = tracker.course()
    assert course is not None
    assert {"Walked the dog <b>twice</b>", "Cooking a meal"} <= set(course.markers[-1].ticked)
    tracker.close()
    again = _window.open_treatment()
    assert isinstance(again, TreatmentWindow)
    assert "Walked the dog <b>twice</b>" in again.weekly.markers  # offered in later weeks
    assert not again.weekly.markers["Walked the dog <b>twice</b>"].isChecked()
