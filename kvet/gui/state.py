"""The GUI's shared state: the open store, what is selected, and the current scores.

Views never talk to each other: they call the store through here and listen to these signals.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kvet.checklist import Checklist
from kvet.ranking import Ranking
from kvet.scoring import ClinicResult, Weights
from kvet.store.api import Change, Store
from kvet.store.records import ClinicInfo

COMBINED = ""  # the view that merges every person's answers with the comparison's rule


class AppState(QObject):
    storeChanged = Signal(object)  # kvet.store.api.Change, after every committed edit
    comparisonSwitched = Signal(str)
    raterSwitched = Signal(str)
    viewSwitched = Signal(str)  # COMBINED or a rater id: whose answers the scores come from
    clinicSelected = Signal(str)  # "" when none
    resultsChanged = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.checklist: Checklist = store.checklist
        self.comparison_id = ""
        self.rater_id = store.default_rater().id
        self.view_id = COMBINED
        self.clinic_id = ""
        self.clinics: list[ClinicInfo] = []
        self.results: dict[str, ClinicResult] = {}
        self.ranking = Ranking((), ())
        self.weights = Weights()
        store.subscribe(self._on_store_change)

    # --- selection ----------------------------------------------------------------------------

    def switch_comparison(self, comparison_id: str) -> None:
        if comparison_id == self.comparison_id:
            return
        self.comparison_id = comparison_id
        self.store.set_preference("last_comparison", comparison_id)
        self.clinic_id = ""
        self.refresh()
        self.comparisonSwitched.emit(comparison_id)
        self.select_clinic(self.clinics[0].id if self.clinics else "")

    def switch_rater(self, rater_id: str) -> None:
        if rater_id != self.rater_id:
            self.rater_id = rater_id
            self.refresh()
            self.raterSwitched.emit(rater_id)

    def switch_view(self, view_id: str) -> None:
        """Score from everyone's answers together (COMBINED) or from one person's."""
        if view_id != self.view_id:
            self.view_id = view_id
            self.refresh()
            self.viewSwitched.emit(view_id)

    @property
    def combined(self) -> bool:
        return self.view_id == COMBINED

    def select_clinic(self, clinic_id: str) -> None:
        if clinic_id != self.clinic_id:
            self.clinic_id = clinic_id
            self.clinicSelected.emit(clinic_id)

    def clinic(self, clinic_id: str | None = None) -> ClinicInfo | None:
        wanted = clinic_id or self.clinic_id
        return next((c for c in self.clinics if c.id == wanted), None)

    # --- scores -------------------------------------------------------------------------------

    def refresh(self, weights: Weights | None = None) -> None:
        """Re-read clinics and re-score. Cheap enough to run on every edit and slider move."""
        if not self.comparison_id:
            self.clinics, self.results, self.ranking = [], {}, Ranking((), ())
        else:
            self.clinics = self.store.list_clinics(self.comparison_id)
            self.weights = weights or self.store.weights(self.comparison_id)
            results, self.ranking = self.store.results(
                self.comparison_id,
                None if self.combined else self.view_id,
                self.weights,
                combined=self.combined,
            )
            self.results = {r.clinic_id: r for r in results}
        if self.clinic_id and self.clinic_id not in self.results:
            self.clinic_id = ""
            self.clinicSelected.emit("")
        self.resultsChanged.emit()

    def _on_store_change(self, change: Change) -> None:
        if change.what in {"clinic", "answer", "settings", "decision", "all"} and (
            change.comparison_id in (None, self.comparison_id)
        ):
            self.refresh()
        self.storeChanged.emit(change)
