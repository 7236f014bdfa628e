"""My treatment's safety steps: help is one click (or F1) away, above the window that asked for
it; question 9 follows the core's one rule; and its answers reach the clinician."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kvet.gui.dialogs.crisis import CrisisDialog
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.treatment.treatment import TreatmentWindow
from kvet.gui.treatment.weekly import MoodNoteDialog
from kvet.treatment import phq9
from kvet.treatment.course import CheckIn
from tests.gui.helpers import Session, find_button
from tests.test_exports import pdf_text

CHECK_IN_TAB = 3
WEEKLY_TAB = 4


def treatment(session: Session, qtbot: QtBot) -> tuple[MainWindow, TreatmentWindow]:
    window = session.start()
    window.open_sample()
    tracker = window.open_treatment()
    assert isinstance(tracker, TreatmentWindow)
    qtbot.waitExposed(tracker)
    tracker.activateWindow()
    qtbot.waitUntil(tracker.isActiveWindow)
    return window, tracker


def open_panels() -> list[CrisisDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrisisDialog) and w.isVisible()
    ]


def the_panel(qtbot: QtBot) -> CrisisDialog:
    qtbot.waitUntil(lambda: len(open_panels()) == 1)
    [panel] = open_panels()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


def close_with_escape(qtbot: QtBot, panel: CrisisDialog, focus_back_to: QWidget) -> None:
    qtbot.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not open_panels())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is focus_back_to)
    assert QApplication.activeWindow() is focus_back_to.window()


def test_my_treatment_has_its_own_need_help_now_button_above_which_the_panel_opens(
    session: Session, qtbot: QtBot
) -> None:
    window, tracker = treatment(session, qtbot)
    assert tracker.help_button.text() == "Need help now?"
    qtbot.mouseClick(tracker.help_button, Qt.MouseButton.LeftButton)
    panel = the_panel(qtbot)
    assert panel.parentWidget() is tracker  # above My treatment, not the main window
    assert panel.parentWidget() is not window
    close_with_escape(qtbot, panel, tracker.help_button)


def test_f1_in_a_half_filled_check_in_opens_help_and_esc_returns_to_the_same_answer(
    session: Session, qtbot: QtBot
) -> None:
    _window, tracker = treatment(session, qtbot)
    tracker.tabs.setCurrentIndex(CHECK_IN_TAB)
    form = tracker.checkin
    for group in form.groups[:4]:
        qtbot.mouseClick(group.button(2), Qt.MouseButton.LeftButton)
    where = form.groups[3].button(2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is where)
    qtbot.keyClick(where, Qt.Key.Key_F1)
    panel = the_panel(qtbot)
    assert panel.parentWidget() is tracker
    close_with_escape(qtbot, panel, where)
    assert form.answers()[:4] == [2, 2, 2, 2]  # nothing the person answered was lost
    assert tracker.tabs.currentIndex() == CHECK_IN_TAB


def test_question_nine_opens_help_above_the_check_in_and_gives_focus_back_to_it(
    session: Session, qtbot: QtBot
) -> None:
    window, tracker = treatment(session, qtbot)
    tracker.tabs.setCurrentIndex(CHECK_IN_TAB)
    form = tracker.checkin
    qtbot.mouseClick(form.groups[0].button(1), Qt.MouseButton.LeftButton)
    nine = form.groups[8].button(1)
    qtbot.mouseClick(nine, Qt.MouseButton.LeftButton)  # half filled: help opens on the click
    panel = the_panel(qtbot)
    assert panel.parentWidget() is tracker
    assert QApplication.activeWindow() is not window
    close_with_escape(qtbot, panel, nine)
    assert form.safety.isVisible()
    # Answering the next questions does not open the panel again; a new answer to 9 does.
    qtbot.mouseClick(form.groups[1].button(1), Qt.MouseButton.LeftButton)
    assert not open_panels()
    qtbot.mouseClick(form.groups[8].button(3), Qt.MouseButton.LeftButton)
    close_with_escape(qtbot, the_panel(qtbot), form.groups[8].button(3))


def test_the_check_in_follows_the_cores_one_rule_for_when_help_opens(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, tracker = treatment(session, qtbot)
    tracker.tabs.setCurrentIndex(CHECK_IN_TAB)
    form = tracker.checkin
    asked: list[object] = []

    def rule(answers: phq9.Answers) -> bool:
        asked.append(list(answers))
        return False

    monkeypatch.setattr(phq9, "needs_help_now", rule)
    qtbot.mouseClick(form.groups[8].button(3), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    # The window asked the core, with the half-filled answers, and did what it said.
    assert asked
    assert asked[-1] == [-1] * 8 + [3]
    assert not open_panels()
    assert not form.safety.isVisible()


def test_a_question_nine_answer_stays_in_how_it_is_going_and_on_the_appointment_page(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    _window, tracker = treatment(session, qtbot)
    assert (
        not tracker.progress.safety_trace.isVisible()
    )  # the sample's answers to 9 are all "Not at all"
    day = date(2026, 3, 12)
    tracker.store.courses.add(tracker.course_id, CheckIn(day, (2, 2, 1, 1, 1, 1, 1, 1, 1)))
    line = (
        "On 12 Mar 2026, question 9 was answered “Several days”. "
        "Please talk about this with your clinician."
    )
    assert tracker.progress.safety_trace.text() == line
    tracker.tabs.setCurrentIndex(0)
    qtbot.waitUntil(tracker.progress.safety_trace.isVisible)
    text = pdf_text(tracker.save_pdf(tmp_path / "appointment.pdf") or tmp_path)
    assert "PHQ-9 question 9" in text
    assert "On 12 Mar 2026, I answered “Several days”." in text
    assert text.index("PHQ-9 question 9") < text.index("How it is going")
    saved = tracker.save_csv(tmp_path / "log.csv")
    assert saved is not None
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    column = rows[0].index("PHQ-9 question 9")
    assert [r[column] for r in rows if r[0] == day.isoformat()] == ["Several days"]


def test_saving_a_mood_check_with_a_sign_says_at_once_to_contact_the_clinic(
    session: Session, qtbot: QtBot
) -> None:
    _window, tracker = treatment(session, qtbot)
    tracker.tabs.setCurrentIndex(WEEKLY_TAB)
    weekly = tracker.weekly
    count = len(tracker.course().mood_checks)  # type: ignore[union-attr]
    qtbot.mouseClick(find_button(weekly, "Save mood check"), Qt.MouseButton.LeftButton)
    assert not notes()  # nothing ticked: saved quietly
    weekly.agitated.setChecked(True)
    weekly.less_sleep.setChecked(True)
    qtbot.mouseClick(find_button(weekly, "Save mood check"), Qt.MouseButton.LeftButton)
    assert len(tracker.course().mood_checks) == count + 2  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: len(notes()) == 1)
    [note] = notes()
    assert note.parentWidget() is tracker
    said = note.accessibleDescription()
    assert note.saved_label.text() == (
        "Your mood check is saved. You noted:\n"
        "• Agitated or on edge much of the time\n"
        "• Sleeping much less, without feeling tired"
    )
    assert "before your next session" in said
    assert "contact the clinic today if you can" in said
    assert "crisis line" in said
    assert not re.search(r"\b(stop|stopping|pause|quit)\b", said, re.I)  # never advice to stop
    qtbot.mouseClick(note.crisis_button, Qt.MouseButton.LeftButton)
    panel = the_panel(qtbot)
    assert panel.parentWidget() is tracker
    assert not notes()
    panel.close()


def test_each_mood_sign_alone_brings_the_note(session: Session, qtbot: QtBot) -> None:
    _window, tracker = treatment(session, qtbot)
    weekly = tracker.weekly
    for name, box in weekly.mood_boxes.items():
        box.setChecked(True)
        qtbot.mouseClick(find_button(weekly, "Save mood check"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(notes()) == 1)
        [note] = notes()
        assert box.text() in note.saved_label.text(), name
        qtbot.mouseClick(note.close_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not notes())
    # F1 works on the note too, as in every window of kvet.
    weekly.high.setChecked(True)
    qtbot.mouseClick(find_button(weekly, "Save mood check"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(notes()) == 1)
    [note] = notes()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is note)
    qtbot.keyClick(QApplication.focusWidget() or note, Qt.Key.Key_F1)
    panel = the_panel(qtbot)
    assert panel.parentWidget() is tracker
    panel.close()


def notes() -> list[MoodNoteDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MoodNoteDialog) and w.isVisible()
    ]
