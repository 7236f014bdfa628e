"""The side-by-side table with many clinics: shown at once, and every row still fits its words.

At 200 clinics Qt measured each of the table's 16,800 cells, ten questions each, every time
the Compare page was shown (about a second, on each visit). Rows are now measured by their
different answers, which all clinics' columns share (issue 26).
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist, Kind
from kvet.gui.pages.answermatrix import Cell, ComparisonMatrixModel, matrix_view
from kvet.rating.answers import OPTIONS
from kvet.store.records import ClinicInfo
from tests.gui.helpers import Session, add_clinics_at_once


def varied_cells(checklist: Checklist, clinics: int, seed: int) -> list[dict[str, Cell]]:
    """Answers of every kind, some with people who differ (the longest words a cell holds)."""
    chance = random.Random(seed)
    cells: list[dict[str, Cell]] = []
    for _ in range(clinics):
        answers: dict[str, Cell] = {}
        for item in checklist.items:
            roll = chance.random()
            if roll < 0.2:
                continue  # not answered
            if item.kind is Kind.FACT:
                answers[item.id] = Cell(number=chance.choice([0, 45, 1200, 98_000]))
                continue
            option = chance.choice(OPTIONS[item.kind])
            differs = "Ann said yes; Ben said no, after the second call" if roll > 0.85 else ""
            answers[item.id] = Cell(choice=option.choice, differs=differs)
        cells.append(answers)
    return cells


@pytest.mark.parametrize("text_scale", [1.0, 2.0])
def test_each_row_is_as_tall_as_measuring_every_cell_would_make_it(
    qtbot: QtBot, checklist: Checklist, text_scale: float
) -> None:
    """The second formula is Qt's own: every cell of the row asked for its height."""
    clinics = [
        ClinicInfo(str(n), "c", f"Clinic {n}", currency=("USD", "GBP")[n % 2]) for n in range(9)
    ]
    model = ComparisonMatrixModel(checklist)
    model.set_data(clinics, varied_cells(checklist, len(clinics), seed=7))
    view = matrix_view(model)
    qtbot.addWidget(view)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * text_scale)
    view.setFont(font)
    for width in (1024, 640):  # wide columns, and columns narrow enough to wrap answers
        view.resize(width, 500)
        view.show()
        qtbot.waitExposed(view)
        for row in range(model.rowCount()):
            assert view.sizeHintForRow(row) == QTableView.sizeHintForRow(view, row), row


def test_showing_compare_with_many_clinics_does_not_ask_every_cell(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Back on Compare after another page, the table looks at far fewer cells than it has."""
    window = session.start()
    add_clinics_at_once(window.store, window.state.comparison_id, [f"C{n:02d}" for n in range(40)])
    tabs = window.ui.tabs
    tabs.setCurrentWidget(window.ui.compareTab)
    matrix = window.compare.matrix_model
    qtbot.waitUntil(lambda: window.compare.matrix.isVisible())
    tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not window.compare.matrix.isVisible())
    asked = [0]
    data = matrix.data

    def counted(*args: Any) -> Any:
        asked[0] += 1
        return data(*args)

    monkeypatch.setattr(matrix, "data", counted)
    tabs.setCurrentWidget(window.ui.compareTab)
    qtbot.waitUntil(lambda: window.compare.matrix.isVisible())
    qtbot.wait(50)
    assert asked[0] < matrix.rowCount() * matrix.columnCount()
    view = window.compare.matrix
    vertical = Qt.Orientation.Vertical
    for row in range(matrix.rowCount()):  # and every row still fits its words
        assert view.rowHeight(row) >= QTableView.sizeHintForRow(view, row), matrix.headerData(
            row, vertical
        )


def test_the_ranking_of_50_clinics_opens_at_its_first_place(session: Session, qtbot: QtBot) -> None:
    """Tab onto the ranking, taller than its area: it stays at the first place (Qt would centre
    it, showing the 25th clinic first); a list below it, out of sight, still scrolls into view."""
    window = session.start()
    add_clinics_at_once(window.store, window.state.comparison_id, [f"C{n:02d}" for n in range(47)])
    window.resize(1024, 700)
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)
    page = window.compare
    qtbot.waitUntil(lambda: page.chart.isVisible())
    area = page.top_area
    assert page.chart.height() > area.viewport().height()  # taller than its area
    page.chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.chart.hasFocus)
    qtbot.wait(20)  # the second try, once the layouts settle
    assert area.verticalScrollBar().value() == 0
    page.decisive_view.setVisible(True)
    page.decisive_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.decisive_view.hasFocus)
    qtbot.wait(20)
    assert area.verticalScrollBar().value() > 0
    assert not page.decisive_view.visibleRegion().isEmpty()
