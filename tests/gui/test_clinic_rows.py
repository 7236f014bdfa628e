"""Every row of the clinic list is tall enough for its words and its score, with larger text and
many clinics, after answers re-rank the list and after the text size changes.

Seen at 150% text with 50 clinics: a row whose name and status fit one line ("Clinic B
(fictional)", "Added clinic 0") was shorter than its wrapped neighbours, and its score
"67  (33–100)" was cut in half: the number is drawn inside the bar's padding.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Kind
from kvet.gui.common.colours import paints
from kvet.gui.main.clinicmodel import BAR_PADDING, SCORE_COLUMN
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from tests.gui.helpers import Session, find_button
from tests.gui.layoutprobe import cut_cells


@pytest.fixture
def text_size(qapp: QApplication) -> Iterator[QFont]:
    """The application's text, put back after the test."""
    font = QFont(qapp.font())
    yield font
    qapp.setFont(font)


def larger_text(percent: int, base: QFont) -> None:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * percent / 100)
    QApplication.setFont(font)


def settle(qtbot: QtBot) -> None:
    for _ in range(4):
        QApplication.processEvents()
    qtbot.wait(10)


def short_rows(window: MainWindow) -> list[str]:
    """Rows shorter than their words need, or whose score number would be cut."""
    view = window.ui.clinicsView
    model = view.model()
    number = view.fontMetrics().height()  # the score's line, drawn inside the bar's padding
    problems = []
    for row in range(model.rowCount()):
        name = model.index(row, 1).data()
        height = view.rowHeight(row)
        if height < view.sizeHintForRow(row):
            problems.append(f"{name}: {height} px, its words need {view.sizeHintForRow(row)}")
        room = height - 2 * BAR_PADDING
        if room < number:
            score = model.index(row, SCORE_COLUMN).data()
            problems.append(f"{name}: score “{score}” has {room} px of {number}")
    return problems


def test_every_clinic_row_shows_its_score_whole_with_larger_text_and_many_clinics(
    session: Session, qtbot: QtBot, text_size: QFont
) -> None:
    window = session.start()
    window.resize(1024, 700)
    larger_text(150, text_size)
    window.open_sample()
    store = window.state.store
    comparison = window.state.comparison_id
    added = [store.clinics.add(comparison, f"Added clinic {n}") for n in range(47)]
    settle(qtbot)
    assert window.ui.clinicsView.model().rowCount() == 50
    assert short_rows(window) == []
    assert cut_cells(window) == []

    # answers move a clinic up the list (a row move and changed rows), then rule one out
    # (its status wraps onto more lines)
    items = [i for i in store.checklist.items if i.kind is not Kind.FACT]
    for item in items[:6]:
        if item.kind is Kind.RED_FLAG:
            store.answers.set(added[10].id, item.id, Choice.NOT_SEEN)
        else:
            store.answers.set(added[10].id, item.id, Choice.YES)
    red_flag = next(i for i in items if i.kind is Kind.RED_FLAG)
    store.answers.set(added[20].id, red_flag.id, Choice.SEEN)
    settle(qtbot)
    places = [p.result.name for p in window.state.ranking.places]
    assert places.index("Added clinic 10") < places.index("Added clinic 0")  # it moved up
    status = window.ui.clinicsView.model().index(places.index("Added clinic 20"), 5).data()
    assert status.startswith("Not recommended")
    assert short_rows(window) == []

    # the text size changes back while the window is open
    larger_text(100, text_size)
    settle(qtbot)
    assert short_rows(window) == []
    larger_text(200, text_size)
    settle(qtbot)
    assert short_rows(window) == []


def test_the_note_under_the_clinic_list_never_covers_its_rows_on_any_tab(
    session: Session, qtbot: QtBot, text_size: QFont
) -> None:
    """At 150% text on a 1024×700 screen the header's drop-downs wrap onto two rows; the
    window counted them as one, so the list's panel was squeezed and its note ("In order of
    the score so far…") was drawn over the fourth row. The window scrolls instead."""
    larger_text(150, text_size)
    window = session.start()
    window.resize(1024, 700)
    window.open_sample()
    store = window.state.store
    for n in range(47):
        store.clinics.add(window.state.comparison_id, f"Added clinic {n}")
    settle(qtbot)
    ui = window.ui
    for tab in range(ui.tabs.count()):
        ui.tabs.setCurrentIndex(tab)
        settle(qtbot)
        where = ui.tabs.tabText(tab)
        list_bottom = ui.clinicsView.geometry().bottom()
        assert ui.rankingNote.geometry().top() > list_bottom, where
        assert ui.addClinicButton.geometry().top() > ui.rankingNote.geometry().bottom(), where
        panel = ui.clinicsPanel
        assert panel.height() >= panel.minimumSizeHint().height(), where


def test_on_a_tall_screen_the_clinic_list_starts_right_under_the_drop_downs(
    session: Session, qtbot: QtBot
) -> None:
    """At 1920×1080 with the sample's three clinics, the height to spare went to the row of
    drop-downs: an empty band a quarter of the screen tall sat above the list."""
    window = session.start()
    window.resize(1920, 1020)
    window.open_sample()
    settle(qtbot)
    ui = window.ui
    central = ui.centralwidget
    drop_downs = max(
        w.mapTo(central, w.rect().bottomLeft()).y()
        for w in (ui.comparisonCombo, ui.raterCombo, ui.viewCombo, ui.helpNowButton)
    )
    gap = ui.splitter.geometry().top() - drop_downs
    assert gap < 2 * window.fontMetrics().lineSpacing(), f"{gap} px of empty room"
    assert ui.clinicsView.height() > central.height() // 2  # the room went to the list


def score_box_height(window: MainWindow, row: int) -> int:
    """How tall the score's box is drawn in ``row``: the rows of its picture that hold the box's
    edge colour."""
    view = window.ui.clinicsView
    cell = view.visualRect(view.model().index(row, SCORE_COLUMN))
    image = view.viewport().grab(cell).toImage()
    edge = paints(view.palette(), QPalette.ColorRole.Base).outline.rgb()
    ys = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).rgb() == edge for x in range(image.width() // 3))
    ]
    return max(ys) - min(ys) + 1 if ys else 0


def test_a_tall_row_draws_its_score_as_a_bar_not_a_tall_box(qtbot: QtBot, session: Session) -> None:
    """Seen on the sample at 1024x700: Clinic C's status wraps to eight lines, and its score was
    drawn as a box eight lines tall with a whisker down its middle."""
    window = session.start()
    window.resize(1024, 700)
    qtbot.mouseClick(find_button(window, "Open the sample comparison"), Qt.MouseButton.LeftButton)
    settle(qtbot)
    view = window.ui.clinicsView
    line = view.fontMetrics().height()
    tall = max(range(view.model().rowCount()), key=view.rowHeight)
    assert view.rowHeight(tall) > 3 * line  # the wrapped status makes this row tall
    for row in range(view.model().rowCount()):
        assert 0 < score_box_height(window, row) <= line + 2 * BAR_PADDING


def test_a_clinic_that_moves_many_places_takes_its_own_row_height_with_it(
    session: Session, qtbot: QtBot
) -> None:
    """Answers move a clinic with a long name (its row two or three lines high) past short
    rows and back: every row stays exactly as tall as its own words, and the clinic being
    answered stays the one selected."""
    window = session.start()
    window.resize(1024, 700)
    window.open_sample()
    store = window.state.store
    comparison = window.state.comparison_id
    long_name = "A clinic whose long name takes more than one line in a narrow list"
    clinics = [
        store.clinics.add(comparison, long_name if n % 3 == 0 else f"Short {n}") for n in range(24)
    ]
    settle(qtbot)
    view = window.ui.clinicsView
    heights = {view.rowHeight(r) for r in range(view.model().rowCount())}
    assert len(heights) > 1  # tall rows and short ones
    moving = clinics[12]  # a long name, in the middle
    window.state.select_clinic(moving.id)
    items = [i for i in store.checklist.items if i.kind is Kind.PRACTICE and not i.formats]
    places = []
    for good in (True, False, True):
        for item in items[:8]:
            store.answers.set(moving.id, item.id, Choice.YES if good else Choice.NO)
            settle(qtbot)
            rows = range(view.model().rowCount())
            assert [r for r in rows if view.rowHeight(r) != view.sizeHintForRow(r)] == []
            selected = view.selectionModel().selectedRows()
            assert [view.model().index(r.row(), 1).data() for r in selected] == [long_name]
            place = window.clinic_model.row_of(moving.id)
            assert [r.row() for r in selected] == [place]
            places.append(place)
    assert max(places) - min(places) >= 5  # it passed many rows, up and down
