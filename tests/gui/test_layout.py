"""The window fits the screen: from 1024×700 to 4K, and at 200% scaling, nothing is cut.

Each story looks at every tab the way a person would (tests/gui/layoutprobe.py): every visible
label, button and drop-down must show its whole text, and no scroll area may scroll sideways.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvet.gui.common.screenfit import FRAME
from kvet.gui.main.clinicmodel import COLUMNS, SCORE_COLUMN
from kvet.gui.main.language import install_translations
from kvet.gui.main.mainwindow import MainWindow
from tests.gui.helpers import Session, add_clinics_at_once, find_button
from tests.gui.layoutprobe import cut_cells, cut_texts

LONG_NAME = "The Riverside and Lakeshore Ketamine Wellness Centre of Nort"  # 60 characters
SIZES = ((1024, 700), (1280, 800), (1920, 1080), (3840, 2160))
TABS = ("Overview", "Walk through", "Compare", "What matters to you", "Together")


def sample_with_a_long_name(qtbot: QtBot, session: Session) -> tuple[MainWindow, str]:
    window = session.start()
    qtbot.mouseClick(find_button(window, "Open the sample comparison"), Qt.MouseButton.LeftButton)
    assert session.store is not None
    long = session.store.clinics.add(window.state.comparison_id, LONG_NAME)
    assert len(long.name) == 60
    return window, long.id


def settle(window: MainWindow) -> None:
    """Let Qt finish the layout a resize or a tab change asked for (no waiting on a clock)."""
    for _ in range(4):
        QCoreApplication.sendPostedEvents()
        QApplication.processEvents()
    layout = window.layout()
    assert layout is not None
    layout.activate()


def problems_on_every_tab(window: MainWindow, size: tuple[int, int]) -> list[str]:
    window.resize(*size)
    found: list[str] = []
    for index, title in enumerate(TABS):
        window.ui.tabs.setCurrentIndex(index)
        settle(window)
        problems = cut_texts(window) + cut_cells(window)
        found += [f"{size[0]}×{size[1]}, {title}: {p}" for p in problems]
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_text_is_cut_on_any_tab(session: Session, qtbot: QtBot, size: tuple[int, int]) -> None:
    window, long_id = sample_with_a_long_name(qtbot, session)
    first = window.state.ranking.places[0].result.clinic_id
    window.state.select_clinic(first)
    assert problems_on_every_tab(window, size) == []
    window.state.select_clinic(long_id)  # the 60-character name in every heading and list
    assert problems_on_every_tab(window, size) == []


def test_in_spanish_nothing_is_cut_on_the_smallest_screen(
    qapp: QApplication, session: Session, qtbot: QtBot
) -> None:
    """Spanish words run about a quarter longer than English ones; they must fit at 1024×700."""
    assert "kvet_es" in install_translations(qapp, "es")
    try:
        window = session.start()
        assert window.ui.tabs.tabText(0) != "&Overview"  # the window really is in Spanish
        assert problems_on_every_tab(window, (1024, 700)) == []  # the first start
        window.open_sample()  # as the welcome's button does
        assert session.store is not None
        long = session.store.clinics.add(window.state.comparison_id, LONG_NAME)
        window.state.select_clinic(long.id)
        assert problems_on_every_tab(window, (1024, 700)) == []
    finally:
        install_translations(qapp, "en")


def test_the_first_start_fits_the_smallest_screen(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    assert window.welcome.isVisible()
    assert problems_on_every_tab(window, (1024, 700)) == []
    window.resize(1024, 700)
    settle(window)
    # the welcome takes the room its words need, and the clinic list keeps the rest
    assert window.welcome.height() <= window.welcome.sizeHint().height() + 2


def test_the_walkthrough_fits_wherever_the_divider_is_left(session: Session, qtbot: QtBot) -> None:
    window, _long = sample_with_a_long_name(qtbot, session)
    window.resize(1024, 700)
    window.ui.tabs.setCurrentWidget(window.ui.walkthroughTab)
    for left in (200, 400, 600, 900):  # the person drags the divider far to the right
        window.ui.splitter.setSizes([left, 1024 - left])
        settle(window)
        assert cut_texts(window) + cut_cells(window) == [], left


def test_the_clinic_list_keeps_name_score_and_status(session: Session, qtbot: QtBot) -> None:
    window, long_id = sample_with_a_long_name(qtbot, session)
    view = window.ui.clinicsView
    needed = {COLUMNS.index("Clinic"), SCORE_COLUMN, COLUMNS.index("Status")}
    for size in ((1024, 700), (1366, 768), (1920, 1080)):
        window.resize(*size)
        for left in (250, 460, 700):
            window.ui.splitter.setSizes([left, size[0] - left])
            settle(window)
            shown = {c for c in range(len(COLUMNS)) if not view.isColumnHidden(c)}
            assert needed <= shown, (size, left)
            assert not view.horizontalScrollBar().isVisible(), (size, left)
            assert view.horizontalHeader().length() <= view.viewport().width(), (size, left)
    # at full width the other columns come back
    window.resize(1920, 1080)
    window.ui.splitter.setSizes([900, 1020])
    settle(window)
    assert all(not view.isColumnHidden(c) for c in range(len(COLUMNS)))
    # the long name is elided on screen, whole on hover and for screen readers
    row = window.clinic_model.row_of(long_id)
    name = window.clinic_model.index(row, COLUMNS.index("Clinic"))
    window.resize(1024, 700)
    window.ui.splitter.setSizes([300, 724])
    settle(window)
    assert view.columnWidth(1) < view.fontMetrics().horizontalAdvance(LONG_NAME)
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    assert LONG_NAME in str(name.data(Qt.ItemDataRole.ToolTipRole))
    assert name.data(Qt.ItemDataRole.AccessibleTextRole) == LONG_NAME
    # the comparison's own name, in the drop-down above, is whole on hover too
    assert window.ui.comparisonCombo.currentText() in window.ui.comparisonCombo.toolTip()


def test_compare_gives_the_chart_its_height_and_the_table_a_window(
    session: Session, qtbot: QtBot
) -> None:
    window, _long = sample_with_a_long_name(qtbot, session)
    window.resize(1280, 800)
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)
    settle(window)
    page = window.compare
    assert page.chart.height() == page.chart.sizeHint().height()  # every place, no empty band
    qtbot.mouseClick(find_button(page, "Open in its own window"), Qt.MouseButton.LeftButton)
    from kvet.gui.pages.answermatrix import MatrixWindow

    table = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MatrixWindow) and w.isVisible()
    )
    qtbot.waitExposed(table)
    room = window.screen().availableGeometry().size()
    assert table.size() == room - FRAME  # the whole screen, its title bar and frame included
    for _ in range(4):
        QApplication.processEvents()
    assert cut_cells(table) == []  # every clinic's name and answers whole (long names wrap)
    table.close()


def test_the_first_window_fits_the_screen(session: Session, qtbot: QtBot) -> None:
    """The window opens inside the screen's free area, with room for the window manager's
    title bar and frame, however small the screen (the form asks for 1180×760)."""
    window = session.start()
    room = window.screen().availableGeometry()
    assert window.width() + FRAME.width() <= room.width()
    assert window.height() + FRAME.height() <= room.height()
    assert room.contains(window.frameGeometry())


def test_a_size_remembered_from_a_larger_screen_is_brought_inside(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    window.resize(3000, 2000)  # as it was on a large monitor
    window.move(900, 900)
    window.close()  # the size and place are remembered
    session.stop()
    again = session.start()
    room = again.screen().availableGeometry()
    assert again.width() <= room.width() - FRAME.width()
    assert again.height() <= room.height() - FRAME.height()
    assert room.contains(again.frameGeometry())


def test_compare_keeps_the_window_small_enough_with_many_clinics(
    session: Session, qtbot: QtBot
) -> None:
    """The chart shows every clinic and scrolls inside its part of the page; the window's
    least size is the same with 4 clinics as with 44."""
    window, _long = sample_with_a_long_name(qtbot, session)
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)
    window.resize(1024, 700)
    settle(window)
    few = window.minimumSizeHint()
    assert session.store is not None
    session.store.clinics.add(window.state.comparison_id, "Clinic 1")  # added in the window
    more = [f"Clinic {number + 1}" for number in range(1, 40)]
    add_clinics_at_once(session.store, window.state.comparison_id, more)  # as an import brings
    settle(window)
    assert len(window.state.ranking.places) == 44
    assert window.minimumSizeHint() == few
    chart = window.compare.chart
    assert chart.height() == chart.sizeHint().height()  # no "… and 40 more"
    assert window.compare.top_area.verticalScrollBar().maximum() > 0  # it scrolls instead


def test_the_clinic_list_keeps_its_columns_as_rows_are_clicked(
    session: Session, qtbot: QtBot
) -> None:
    """A column folded for room stays folded: it used to come back and go again each time."""
    window, _long = sample_with_a_long_name(qtbot, session)
    view = window.ui.clinicsView
    for size, left in (((1024, 700), 300), ((1366, 768), 420), ((1280, 800), 520)):
        window.resize(*size)
        window.ui.splitter.setSizes([left, size[0] - left])
        settle(window)
        shown = [view.isColumnHidden(c) for c in range(len(COLUMNS))]
        for row in range(window.clinic_model.rowCount()):
            view.selectRow(row)
            window.column_fitter.fit()
            settle(window)
            assert [view.isColumnHidden(c) for c in range(len(COLUMNS))] == shown, (size, row)
        assert view.horizontalHeader().length() <= view.viewport().width(), size


def test_the_share_dialog_shows_its_strength_line_and_refusal_whole(qtbot: QtBot) -> None:
    from kvet.gui.sharing.shareoptions import ShareOptionsDialog

    dialog = ShareOptionsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.protect.setChecked(True)
    dialog.password.setText("ketamine")  # too short: the strength line says why
    assert dialog.strength.text()
    assert cut_texts(dialog) == []
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # refused
    assert dialog.isVisible()
    assert dialog.problem.text()
    QApplication.processEvents()
    assert cut_texts(dialog) == []
