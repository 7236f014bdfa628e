"""Stories of a person who works from the keyboard: numbers answer, Enter presses, Tab moves on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kvet.gui.common.itemform import ItemForm
from kvet.gui.main.mainwindow import MainWindow
from tests.gui.helpers import Session, add_clinic, started_with_sample


def focus() -> QWidget | None:
    return QApplication.focusWidget()


def scroll_bar(form: QWidget) -> QScrollBar:
    """The vertical scroll bar of the question's scroll area."""
    area = form.findChild(QScrollArea)
    assert area is not None
    return area.verticalScrollBar()


def below_the_top(form: ItemForm, answer: QWidget) -> int:
    """How far a question must scroll for its focused answer to show whole (8 px around it):
    0 where it fits below the title; on a low or narrow window the answer comes first."""
    area = form.scroller
    inside = area.widget()
    assert inside is not None
    bottom = answer.mapTo(inside, answer.rect().bottomLeft()).y() + 1 + 8
    return max(0, bottom - area.viewport().height())


def test_number_keys_answer_whatever_was_clicked_last(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Lakeside Clinic")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_walkthrough()
    page = window.walkthrough
    first = page.current_item()
    assert first is not None
    view = window.ui.clinicsView
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(0, 1)).center(),
    )
    assert focus() is view
    qtbot.keyClick(view, Qt.Key.Key_2)  # the clinic list has the focus, not the question
    assert session.store is not None
    answers = session.store.answers.by_item(window.state.clinic_id, window.state.rater_id)
    assert first.id in answers
    assert answers[first.id].choice is not None
    assert page.current_item() is not first  # answered, and on to the next question


def test_enter_presses_the_focused_button(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    window.show_walkthrough()
    page = window.walkthrough
    page.go(0)
    page.next_button.setFocus()
    qtbot.keyClick(page.next_button, Qt.Key.Key_Return)
    assert page.index == 1
    # and a new question opens at its top (once the page just shown is laid out), or as near
    # it as shows the answer that has the keyboard
    answer = page.form.option_buttons[0]
    assert focus() is answer
    qtbot.waitUntil(lambda: scroll_bar(page.form).value() == below_the_top(page.form, answer))
    # Enter in a note still makes a new line
    page.form.note_edit.setFocus()
    qtbot.keyClicks(page.form.note_edit, "one")
    qtbot.keyClick(page.form.note_edit, Qt.Key.Key_Return)
    assert page.index == 1
    assert page.form.note_edit.toPlainText() == "one\n"


def test_a_new_question_opens_at_its_top(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    window.resize(1024, 700)
    window.show_walkthrough()
    page = window.walkthrough
    bar = scroll_bar(page.form)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the person scrolled down to the answers
    qtbot.mouseClick(page.form.option_buttons[0], Qt.MouseButton.LeftButton)
    answer = page.form.option_buttons[0]
    assert focus() is answer
    qtbot.waitUntil(lambda: bar.value() == below_the_top(page.form, answer))
    if below_the_top(page.form, answer) == 0:
        assert page.form.explanation.statement_label.visibleRegion().boundingRect().height() == (
            page.form.explanation.statement_label.height()
        )


def test_ctrl_and_a_number_open_a_tab_where_its_work_starts(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    # Compare starts at the questions that could change the decision when there are any (the
    # sample has some), else at the side-by-side table: looked up once the tab is shown.
    expected: dict[str, Callable[[], QWidget]] = {
        "1": lambda: window.overview.walk_button,
        "2": lambda: window.walkthrough.form.option_buttons[0],
        "3": lambda: (
            window.compare.decisive_view
            if window.compare.decisive_view.isVisibleTo(window)
            else window.compare.matrix
        ),
        "4": lambda: next(iter(window.weights_panel.sliders.values())),
        "5": lambda: window.together.rule_combo,
    }
    for number, widget in expected.items():
        window.ui.clinicsView.setFocus()
        qtbot.keyClick(
            window.ui.clinicsView, Qt.Key(ord(number)), Qt.KeyboardModifier.ControlModifier
        )
        assert window.ui.tabs.currentIndex() == int(number) - 1
        assert focus() is widget(), number


def _controls(window: MainWindow) -> set[QWidget]:
    """Every control a person could want to reach on the tab shown."""
    found = set()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled() or widget.window() is not window:
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None or isinstance(widget.parentWidget(), QTabBar):
            continue
        parent = widget.parentWidget()
        if parent is not None and parent.focusProxy() is widget:
            continue  # reached as its parent (the editor inside a combo or spin box)
        found.add(widget)
    return found


def _walk(window: MainWindow, qtbot: QtBot, key: Qt.Key) -> set[QWidget]:
    start = window.ui.comparisonCombo
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: set[QWidget] = set()
    for _ in range(400):
        current = focus()
        assert current is not None
        seen.add(current)
        qtbot.keyClick(current, key)
        if focus() is start:
            return seen
    raise AssertionError("Tab never came back to where it started")


def test_tab_reaches_every_control_of_every_tab(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    window.resize(1280, 800)
    for index in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(index)
        wanted = _controls(window)
        forward = _walk(window, qtbot, Qt.Key.Key_Tab)
        backward = _walk(window, qtbot, Qt.Key.Key_Backtab)
        title = window.ui.tabs.tabText(index)
        missed = {
            f"{type(w).__name__} {w.accessibleName() or w.objectName()}" for w in wanted - forward
        }
        assert not missed, (title, missed)
        assert wanted - backward == set(), title
        assert window.ui.clinicsView in forward  # and Tab leaves it again: the walk came back
        buttons = {w for w in forward if isinstance(w, QAbstractButton)}
        assert buttons, title
