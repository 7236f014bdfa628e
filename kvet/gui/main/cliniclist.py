"""The clinic list beside the views: the ranked clinics, the score bars, the selection kept in
step with the clinic chosen anywhere else (Compare, the overview), and the note under the list
that says how the clinics are ordered. Built with the data."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QWidget

from kvet.gui.main.clinicmodel import SCORE_COLUMN, ClinicTableModel, ScoreBarDelegate
from kvet.gui.main.clinictable import ColumnFitter
from kvet.gui.main.rankingnote import ranking_note
from kvet.rating.verdict import Reason, reasons

if TYPE_CHECKING:
    from kvet.gui.common.state import AppState
    from kvet.gui.forms.ui_mainwindow import Ui_MainWindow


class ClinicList:
    """The list over ``ui.clinicsView``; ``changed`` is called when the selection or the
    ranking moved (the window then updates the commands that need a clinic)."""

    def __init__(
        self,
        state: AppState,
        ui: Ui_MainWindow,
        window: QWidget,
        edit: Callable[[], object],
        changed: Callable[[], None],
    ) -> None:
        self.state = state
        self.ui = ui
        self.changed = changed
        self.model = ClinicTableModel(window)
        view = ui.clinicsView
        view.setModel(self.model)
        view.setItemDelegateForColumn(SCORE_COLUMN, ScoreBarDelegate(view))
        view.verticalHeader().hide()
        self.column_fitter = ColumnFitter(view)
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        view.doubleClicked.connect(lambda _index: edit())

    def follow(self) -> None:
        """From now on, follow the ranking and the clinic selected elsewhere."""
        self.state.resultsChanged.connect(self.results_changed)
        self.state.clinicSelected.connect(self.select_row)

    def _selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.ui.clinicsView.selectionModel().selectedRows()
        if rows:
            self.state.select_clinic(self.model.place(rows[0].row()).result.clinic_id)

    def select_row(self, clinic_id: str) -> None:
        row = self.model.row_of(clinic_id)
        view = self.ui.clinicsView
        current = view.selectionModel().selectedRows()
        if row >= 0 and (not current or current[0].row() != row):
            self.column_fitter.rows.around(row)  # measured before it is scrolled into view
            view.selectRow(row)
        self.changed()

    def flags(self, clinic_id: str) -> list[Reason]:
        """Why a clinic is ruled out, without who saw each red flag (``AppState.reasons``
        reads that): its status names the first flag and counts the rest, for every ruled-out
        row as the list fills, so nothing is read for it."""
        state = self.state
        result = state.results.get(clinic_id)
        if result is None or not result.not_recommended:
            return []
        return reasons(result, state.checklist, state.weights)

    def results_changed(self) -> None:
        state = self.state
        ranking = state.ranking
        self.model.set_ranking(ranking, state.reasons, state.changed_clinics, self.flags)
        if state.clinic_id:
            self.select_row(state.clinic_id)
        elif ranking.places:
            state.select_clinic(ranking.places[0].result.clinic_id)
        self.ui.rankingNote.setText(ranking_note(ranking))
        self.changed()
