"""Issue 26: after an answer the window shows the next question and nothing else is drawn again.

Counted, not timed: how often the window around the walkthrough is laid out again, and how
often the next question's words are painted, whatever the number of clinics."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.words.verdictwords import say
from kvet.rating.ranking import Place
from tests.gui.helpers import Session, add_clinics_at_once

ANSWERS = 4
WARM_UP = 2


class Seen(QObject):
    """The events of the watched kinds each widget receives, counted."""

    def __init__(self, *kinds: QEvent.Type) -> None:
        super().__init__()
        self.kinds = kinds
        self.count: Counter[int] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.kinds:
            self.count[id(watched)] += 1
        return False

    def of(self, widget: QWidget | None) -> int:
        return self.count[id(widget)]


def walking_through(session: Session, qtbot: QtBot, clinics: int) -> MainWindow:
    """The walkthrough of a clinic in the middle of ``clinics``, at its first question."""
    window = session.start()
    store = window.store
    add_clinics_at_once(store, window.state.comparison_id, [f"Clinic {n}" for n in range(clinics)])
    pages = (window.compare, window.weights_panel, window.together)  # every page built
    assert all(pages)
    window.state.select_clinic(window.state.clinics[clinics // 2].id)
    window.show_walkthrough()
    page = window.walkthrough
    qtbot.waitUntil(lambda: page.current_item() is not None)
    page.go(0)
    page.form.focus_answers()
    for _ in range(WARM_UP):  # the first answers: the lists beside learn their new words
        qtbot.keyClick(page.form, Qt.Key.Key_1)
        qtbot.wait(50)
    qtbot.wait(200)  # the window has settled: laid out and painted
    return window


def answer_one_by_one(qtbot: QtBot, window: MainWindow, seen: Seen) -> None:
    page = window.walkthrough
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(seen)
    try:
        for _ in range(ANSWERS):
            before = page.index
            qtbot.keyClick(page.form, Qt.Key.Key_1)  # the first answer; the next question shows
            qtbot.wait(30)  # every deferred re-layout and repaint done
            assert page.index == before + 1
    finally:
        app.removeEventFilter(seen)


@pytest.mark.parametrize("clinics", [2, 30])
def test_an_answer_lays_out_the_walkthrough_not_the_whole_window(
    session: Session, qtbot: QtBot, clinics: int
) -> None:
    """The next question's words used to re-lay out the tabs, the divider and the window, and
    the tabs then painted their whole area again (the clinic list and all) at every answer."""
    window = walking_through(session, qtbot, clinics)
    seen = Seen(QEvent.Type.LayoutRequest)

    answer_one_by_one(qtbot, window, seen)

    # The tab holding the page hears of nothing, nor the tabs' pages: the page's size needs
    # stayed the same. (The clinic list beside it has its own reasons, e.g. a wider score.)
    tab = window.ui.walkthroughTab
    around = {"the walkthrough's tab": tab, "the tabs' pages": tab.parentWidget()}
    assert {name: seen.of(widget) for name, widget in around.items()} == dict.fromkeys(around, 0)


def test_the_next_question_is_painted_once(session: Session, qtbot: QtBot) -> None:
    """Its words are laid out before they are painted: not painted at the old places first,
    then again one turn of the event loop later when the scrolled part around them follows."""
    window = walking_through(session, qtbot, 3)
    form = window.walkthrough.form
    seen = Seen(QEvent.Type.Paint)

    answer_one_by_one(qtbot, window, seen)

    question = {
        "the question and its answers": form.scroller.widget(),
        "the first answer": form.option_buttons[0],
        "the step it is": window.walkthrough.position_label,
    }
    assert {name: seen.of(widget) for name, widget in question.items()} == dict.fromkeys(
        question, ANSWERS
    )


def test_on_a_low_window_the_next_question_is_scrolled_once(session: Session, qtbot: QtBot) -> None:
    """Where the answers sit below the first screenful, the question used to be scrolled to
    its top and back down to the answer four times an answer, each time repainting it and its
    scroll bar; now once, straight to where the answer that has the keyboard shows."""
    window = walking_through(session, qtbot, 3)
    window.resize(1024, 480)
    form = window.walkthrough.form
    qtbot.keyClick(form, Qt.Key.Key_1)
    qtbot.wait(100)
    bar = form.scroller.verticalScrollBar()
    assert bar.value() > 0  # the answer is below the first screenful
    seen = Seen(QEvent.Type.Move)

    answer_one_by_one(qtbot, window, seen)

    assert seen.of(form.scroller.widget()) <= ANSWERS
    answer = form.option_buttons[0]
    inside = form.scroller.widget()
    assert inside is not None
    bottom = answer.mapTo(inside, answer.rect().bottomLeft()).y() + 1 + 8
    assert bar.value() == max(0, bottom - form.scroller.viewport().height())


def test_an_answer_measures_only_the_words_of_the_section_it_changed(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list of sections is kept as wide as its longest word: after an answer only its own
    section's row has new words ("3 of 10 done"), so only they are measured, not every word
    of every section again."""
    window = walking_through(session, qtbot, 3)
    page = window.walkthrough
    view = page.sections_view
    measured: list[str] = []
    advance = QFontMetrics.horizontalAdvance

    def counted(self: QFontMetrics, text: str, *args: object) -> int:
        if sys._getframe(1).f_code.co_filename.endswith("walkthrough.py"):  # by the page
            measured.append(text)
        return advance(self, text, *args)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(QFontMetrics, "horizontalAdvance", counted)
    least = view.minimumWidth()

    answer_one_by_one(qtbot, window, Seen())

    row = view.currentIndex().data()
    assert len(measured) <= ANSWERS * len(row.split())  # was every word of every section
    assert view.minimumWidth() == least


def test_the_overview_behind_the_walkthrough_is_filled_when_it_is_opened(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answers change the score the overview shows; while the walkthrough is in front, the
    overview is not filled again at each answer, and it shows the new score as it is opened."""
    window = walking_through(session, qtbot, 3)
    overview, state, page = window.overview, window.state, window.walkthrough
    filled: list[Place] = []
    fill = overview._show_status

    def counted(place: Place) -> None:
        filled.append(place)
        fill(place)

    monkeypatch.setattr(overview, "_show_status", counted)
    before = state.results[state.clinic_id].summary(say)
    for key in (Qt.Key.Key_2, Qt.Key.Key_2):  # the first question, then the next
        qtbot.keyClick(page.form, key)
        qtbot.wait(20)
    after = state.results[state.clinic_id].summary(say)
    assert after != before  # the score moved
    assert filled == []
    window.show_tab(window.ui.tabs.indexOf(window.ui.overviewTab))
    qtbot.waitUntil(overview.isVisible)
    assert len(filled) == 1
    assert overview.summary.text() == after
