"""Stories of a person who uses a screen reader or only the keyboard.

What a screen reader says comes from Qt's accessible interface of each widget: its name
(a label's name hides its text), its description, and the label that names a combo box.
tests/atspi/reader.py reads the same over a real AT-SPI bus; these are the quick checks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kvet.content.checklistkinds import Kind
from kvet.gui.main.mainwindow import MainWindow
from tests.gui.helpers import Session, find_button, started_with_sample


def said(widget: QWidget) -> str:
    """What a screen reader says for ``widget``: its accessible name and description."""
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name) + " " + face.text(QAccessible.Text.Description)


def clean(text: str) -> str:
    """Text as read aloud: no mnemonic marks (the & of Alt+N), spaces as one."""
    return " ".join(text.replace("&", "").split())


def hidden_texts(window: QWidget) -> list[str]:
    """Texts on screen in ``window`` that a screen reader cannot read."""
    return [
        label.text()[:40]
        for label in window.findChildren(QLabel)
        if label.isVisible()
        and label.text().strip()
        and clean(label.text()) not in clean(said(label))
    ]


def unlabelled_combos(window: QWidget) -> list[str]:
    buddies = {label.buddy() for label in window.findChildren(QLabel)}
    return [
        combo.currentText()
        for combo in window.findChildren(QComboBox)
        if combo.isVisible() and combo not in buddies
    ]


def silent_stops(window: QWidget) -> list[str]:
    """Tab stops a screen reader names with nothing (not the parts inside a combo box)."""
    return [
        type(widget).__name__
        for widget in window.findChildren(QWidget)
        if widget.isVisible()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(widget.parentWidget(), QComboBox)
        and widget.focusProxy() is None
        and not said(widget).strip()
    ]


def every_tab(window: MainWindow) -> list[int]:
    return list(range(window.ui.tabs.count()))


def test_the_score_status_and_cost_are_read_not_only_their_captions(
    session: Session, qtbot: QtBot
) -> None:
    window = started_with_sample(session, qtbot)
    overview = window.overview
    for label in (overview.summary, overview.status, overview.red_flags, overview.cost):
        assert label.text()
        assert label.text() in said(label)
    assert said(overview.summary).strip().endswith("Score summary")  # the caption, after
    for index in every_tab(window):
        window.ui.tabs.setCurrentIndex(index)
        assert hidden_texts(window) == [], window.ui.tabs.tabText(index)


def test_call_mode_reads_the_question_and_tells_which_it_is(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    call = window.open_call_mode()
    assert call is not None
    qtbot.waitExposed(call)
    assert hidden_texts(call) == []
    call.only_open.setChecked(False)  # type: ignore[attr-defined]
    call.go(0)  # type: ignore[attr-defined]
    assert hidden_texts(call) == []
    question = call.big.text()  # type: ignore[attr-defined]
    # the keyboard is on the first answer, which says the question, not on the dialog itself
    answer = call.focusWidget()
    assert isinstance(answer, QPushButton)
    assert question in said(answer)
    call.close()


def test_my_treatment_reads_its_summary_and_signals(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    tracker = window.open_treatment()
    qtbot.waitExposed(tracker)
    for index in range(tracker.tabs.count()):  # type: ignore[attr-defined]
        tracker.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
        assert hidden_texts(tracker) == []
        assert unlabelled_combos(tracker) == []
        assert silent_stops(tracker) == []
    tracker.close()


def test_every_combo_box_has_a_label_and_every_stop_a_name(session: Session, qtbot: QtBot) -> None:
    window = session.start()  # first start: the country question shows
    bar = window.country_bar
    assert bar is not None
    assert bar.isVisible()
    assert unlabelled_combos(window) == []
    window.open_sample()
    for index in every_tab(window):
        window.ui.tabs.setCurrentIndex(index)
        assert unlabelled_combos(window) == [], window.ui.tabs.tabText(index)
        assert silent_stops(window) == [], window.ui.tabs.tabText(index)
    for dialog in (window.choose_language(), window.choose_country()):
        qtbot.waitExposed(dialog)
        assert unlabelled_combos(dialog) == []
        dialog.close()


def test_the_import_names_who_each_person_is(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = started_with_sample(session, qtbot)
    shared = tmp_path / "shared.kvet"
    window.sharing.export_file(shared, ask=False)
    dialog = window.sharing.import_file(shared)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert unlabelled_combos(dialog) == []
    assert hidden_texts(dialog) == []
    dialog.close()


def test_the_charts_take_the_keyboard_and_show_it(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)
    chart = window.compare.chart
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    assert chart.hasFocus()
    assert "1." in said(chart)  # its description reads the ranking
    tracker = window.open_treatment()
    qtbot.waitExposed(tracker)
    assert tracker.progress.chart.focusPolicy() == Qt.FocusPolicy.StrongFocus  # type: ignore[attr-defined]
    tracker.close()


def test_a_slider_is_read_as_its_words(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    panel = window.weights_panel
    for section_id, slider in panel.sliders.items():
        slider.setValue(slider.maximum())
        words = panel.slider_words[section_id].text()
        assert words
        assert not words.isdigit()
        assert slider.accessibleDescription().startswith(words)


def test_answering_moves_the_keyboard_to_the_next_question_and_says_it(
    session: Session, qtbot: QtBot
) -> None:
    window = started_with_sample(session, qtbot)
    window.show_walkthrough()
    page = window.walkthrough
    answered = page._answers()
    start = next(
        n
        for n, item in enumerate(page.items[:-1])
        if item.id not in answered
        and item.kind is not Kind.FACT
        and page.items[n + 1].kind is not Kind.FACT
    )
    page.go(start)
    page.form.focus_answers()
    first = QApplication.focusWidget()
    assert isinstance(first, QAbstractButton)
    assert page.items[start].statement in said(first)  # each answer names its question
    qtbot.keyClick(first, Qt.Key.Key_1)
    assert page.index == start + 1
    now = QApplication.focusWidget()
    assert now is page.form.option_buttons[0]
    assert page.items[start + 1].statement in said(now)


def tab_chain(start: QWidget, window: QWidget) -> list[QWidget]:
    """The widgets Tab goes through from ``start`` until it comes back round to the window."""
    chain: list[QWidget] = []
    widget: QWidget | None = start.nextInFocusChain()
    while widget is not None and widget is not window and len(chain) < 3000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_tab_follows_the_screen_from_the_welcome_box(session: Session, qtbot: QtBot) -> None:
    window = session.start()  # first start: the welcome box and the country question show
    stops = [
        widget
        for widget in tab_chain(window, window)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()
    ]
    sample = find_button(window, "Open the sample comparison")
    assert stops[0] is sample
    bar = window.country_bar
    assert bar is not None  # the first start asks the country
    assert stops.index(bar.combo) < stops.index(window.ui.comparisonCombo)
    assert stops.index(window.ui.comparisonCombo) < stops.index(window.ui.tabs.tabBar())


def test_the_budget_and_reset_come_after_the_sliders(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    window.ui.tabs.setCurrentWidget(window.ui.weightsTab)
    panel = window.weights_panel
    after = tab_chain(panel, window)  # Tab from the top of the page down
    budget = after.index(panel.ui.budgetCheck)
    assert all(after.index(slider) < budget for slider in panel.sliders.values())
    assert all(after.index(box) < budget for box in panel._here().values())
    assert budget < after.index(panel.ui.resetButton)


def test_enter_presses_a_button_in_my_treatment(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    tracker = window.open_treatment()
    qtbot.waitExposed(tracker)
    tracker.activateWindow()
    qtbot.waitUntil(tracker.isActiveWindow)
    button = tracker.progress.rules_button  # type: ignore[attr-defined]
    button.setFocus()
    assert not button.isChecked()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert button.isChecked()  # pressed: the reading rules show
    tracker.close()


def shows(widget: QWidget) -> bool:
    """The whole of ``widget`` is inside the scroll area that holds it."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    viewport = parent.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return top_left.y() >= 0 and top_left.y() + widget.height() <= viewport.height()


def test_the_focused_control_scrolls_into_view(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    tracker = window.open_treatment()
    tracker.resize(700, 420)  # a small screen: the sessions page scrolls
    qtbot.waitExposed(tracker)
    tracker.activateWindow()
    qtbot.waitUntil(tracker.isActiveWindow)
    tracker.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
    form = tracker.sessions.session_form  # type: ignore[attr-defined]
    form.add_button.setFocus()
    qtbot.waitUntil(lambda: shows(form.add_button))
    qtbot.keyClick(form.add_button, Qt.Key.Key_Return)  # Add session: the date field is next
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.day)
    qtbot.waitUntil(lambda: shows(form.day))
    tracker.close()


def test_the_crisis_lines_scroll_from_the_keyboard(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    dialog = window.show_crisis_panel()
    dialog.resize(480, 320)
    qtbot.waitExposed(dialog)
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    assert scroll.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert said(scroll).startswith("Crisis lines")
    scroll.setFocus()
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(scroll, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    dialog.close()


def test_the_answers_show_when_the_keyboard_is_on_them_on_a_small_screen(
    session: Session, qtbot: QtBot
) -> None:
    window = started_with_sample(session, qtbot)
    window.show_walkthrough()
    page = window.walkthrough
    # a low window (a small screen with larger text) and a question with long explanations;
    # not the least height the window takes (it scrolls as a whole there, the question's area
    # lower than one answer)
    window.resize(1024, 480)
    longest = max(
        range(len(page.items)),
        key=lambda n: len(page.items[n].how_to_ask + page.items[n].good_answer),
    )
    page.go(longest - 1)
    page.go(longest)  # the keyboard on the question's first answer
    answer = page.form.option_buttons[0]
    assert QApplication.focusWidget() is answer
    qtbot.wait(50)
    assert page.form.scroller.verticalScrollBar().maximum() > 0  # the question scrolls
    qtbot.waitUntil(lambda: shows(answer))


def test_the_chart_shows_when_it_has_the_keyboard(session: Session, qtbot: QtBot) -> None:
    window = started_with_sample(session, qtbot)
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)
    chart = window.compare.chart
    before = chart.grab().toImage()
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus)
    assert chart.grab().toImage() != before  # a focus frame is drawn
