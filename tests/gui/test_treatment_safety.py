"""My treatment's safety steps: help is one click (or F1) away, above the window that asked for
it; question 9 follows the core's one rule; and its answers reach the clinician."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kvet import phq9
from kvet.gui.crisis import CrisisDialog
from kvet.gui.mainwindow import MainWindow
from kvet.gui.treatment import TreatmentWindow
from tests.gui.helpers import Session

CHECK_IN_TAB = 3


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
