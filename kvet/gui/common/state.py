"""The GUI's shared state: the open store, what is selected, and the current scores.

Views never talk to each other: they call the store through here and listen to these signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QLocale, QObject, Signal

from kvet.content.checklist import Checklist
from kvet.content.country import confirm_country, start_country
from kvet.gui.common.heldreads import HeldReads
from kvet.rating import money
from kvet.rating.answers import ClinicAnswers
from kvet.rating.combine import Decision, Disagreement, Opinion, Rule
from kvet.rating.ranking import Ranking, rank
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Scorer, Weights
from kvet.rating.verdict import Reason, reasons, sightings
from kvet.store.api import Change, ChangeKind, Store
from kvet.store.records import AnswerInfo, ClinicInfo, RaterInfo

if TYPE_CHECKING:
    from kvet.store.clinicreads import ClinicReads

COMBINED = ""  # the view that merges every person's answers with the comparison's rule

# Edits that change what is known (not only how it is weighed): what was read is read again.
DATA_CHANGES = frozenset(
    {
        ChangeKind.CLINIC,
        ChangeKind.ANSWER,
        ChangeKind.DECISION,
        ChangeKind.RATER,
        ChangeKind.COMPARISON,
        ChangeKind.ALL,
    }
)
RESCORE_CHANGES = frozenset(
    {ChangeKind.CLINIC, ChangeKind.ANSWER, ChangeKind.SETTINGS, ChangeKind.DECISION, ChangeKind.ALL}
)
# Edits of one clinic's answers (or how its disagreements were settled): only it is read again
# and rescored, so the work of an answer does not grow with the number of clinics.
ONE_CLINIC_CHANGES = frozenset({ChangeKind.ANSWER, ChangeKind.DECISION})


class AppState(QObject):
    storeChanged = Signal(object)  # kvet.store.api.Change, after every committed edit
    comparisonSwitched = Signal(str)
    raterSwitched = Signal(str)
    viewSwitched = Signal(str)  # COMBINED or a rater id: whose answers the scores come from
    clinicSelected = Signal(str)  # "" when none
    resultsChanged = Signal()
    countryChanged = Signal(str)  # a code from kvet.content.country

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        system = QLocale.territoryToCode(QLocale.system().territory())
        self.country, self.ask_country = start_country(store.settings, system)
        # The checklist as this country sees it: views ask and score only what applies here.
        self.checklist: Checklist = store.checklist.for_country(self.country)
        self.comparison_id = ""
        self.rater_id = store.people.default().id
        self.view_id = COMBINED
        self.clinic_id = ""
        self.clinics: list[ClinicInfo] = []
        self.results: dict[str, ClinicResult] = {}
        self.ranking = Ranking((), ())
        self.weights = Weights()
        # Answers read from the store are kept until something is answered, settled or edited,
        # so moving a weight slider only re-scores (a few ms) instead of reading everything.
        self.generation = 0
        self._inputs_key: tuple[Any, ...] | None = None
        self._inputs: list[ClinicAnswers] = []
        self._positions: tuple[object, dict[str, int]] = (None, {})  # see _position
        self._scorer: Scorer | None = None  # for the current checklist and weights
        # The clinics whose answers changed with the latest ``resultsChanged``: none for a
        # weight change, one for an answer, None when any may have (another comparison, say).
        self.changed_clinics: frozenset[str] | None = None
        self.previous_data_key: tuple[Any, ...] | None = None  # ``data_key`` before that change
        self._memo = HeldReads()
        store.subscribe(self._on_store_change)

    # --- selection ----------------------------------------------------------------------------

    def switch_comparison(self, comparison_id: str) -> None:
        if comparison_id == self.comparison_id:
            return
        self.comparison_id = comparison_id
        self.store.settings.set_preference("last_comparison", comparison_id)
        self.clinic_id = ""
        self.refresh(first=True)  # the views hear of the scores with its first clinic chosen
        self.comparisonSwitched.emit(comparison_id)
        if self.clinic_id:
            self.clinicSelected.emit(self.clinic_id)

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

    @property
    def currency(self) -> str:
        """What new prices are entered in: the country's currency, or the user's pick (read
        once: only ``set_country`` changes it, or a whole new set of data)."""
        found: str = self._memo.remember(
            ("currency",), lambda: money.current_currency(self.store.settings, self.country)
        )
        return found

    def set_country(self, code: str, currency: str | None = None) -> None:
        """The user chose a country: other countries' rules leave the checklist and scores."""
        self.country = confirm_country(self.store.settings, code)
        if currency is not None:  # for another country, the one the user picked
            money.set_currency(self.store.settings, currency)
        self.ask_country = False
        self.checklist = self.store.checklist.for_country(self.country)
        self._forget(Change(ChangeKind.ALL))
        self.refresh()
        self.countryChanged.emit(self.country)

    # --- scores -------------------------------------------------------------------------------

    @property
    def data_key(self) -> tuple[Any, ...] | None:
        """Changes exactly when the answers on screen may have changed (not for weights)."""
        return self._inputs_key

    def refresh(self, weights: Weights | None = None, first: bool = False) -> None:
        """Re-score; answers are read again only when they may have changed. ``first``: a
        comparison opened, its first clinic is chosen before the views are told (the list
        chose the best-ranked, then the overview filled twice: for it, then for the first)."""
        self.previous_data_key = self._inputs_key
        if not self.comparison_id:
            self.clinics, self.results, self.ranking = [], {}, Ranking((), ())
            self._inputs_key, self._inputs = None, []
            self.changed_clinics = None
        else:
            cid = self.comparison_id
            rule = self.rule() if self.combined else None
            key = (cid, self.view_id, rule, self.generation)
            self.changed_clinics = frozenset()
            if key != self._inputs_key:
                self.clinics, self._inputs = self.store.scores.listed_and_answers(
                    cid, None if self.combined else self.view_id, combined=self.combined
                )
                self._inputs_key = key
                self.changed_clinics = None
            self.weights = weights or self.store.settings.weights(cid)
            results = self.scorer().score_all(self._inputs)
            self.ranking = rank(results)
            self.results = {r.clinic_id: r for r in results}
        if first:
            self.clinic_id = self.clinics[0].id if self.clinics else ""
        elif self.clinic_id and self.clinic_id not in self.results:
            self.clinic_id = ""
            self.clinicSelected.emit("")
        self.resultsChanged.emit()

    def scorer(self) -> Scorer:
        """The checklist and weights prepared for scoring, kept until either changes."""
        scorer = self._scorer
        if (
            scorer is None
            or scorer.checklist is not self.checklist
            or scorer.weights != self.weights
        ):
            # a weight change keeps each clinic's answers as read (see kvet.rating.scoring.Scorer)
            scorer = self._scorer = Scorer(self.checklist, self.weights, reuse=scorer)
        return scorer

    def _rescore_one(self, change: Change) -> bool:
        """Read and rescore one clinic whose answers changed, then re-rank; False when the
        whole comparison must be read again instead (the clinic is not among those held), and
        nothing was done."""
        clinic_id = change.clinic_id or ""
        key = self._inputs_key
        position = self._position(clinic_id)
        if key is None or key[0] != self.comparison_id or position < 0:
            return False
        read = self.store.scores.clinic_reads(
            clinic_id,
            self.rater_id,
            None if self.combined else self.view_id,
            combined=self.combined,
        )
        if read is None:
            return False
        self._forget(change, read)
        self._memo.keep_clinic(clinic_id, self.rater_id, read)
        self._inputs[position] = fresh = read.scoring
        self.results[clinic_id] = self.scorer().score(fresh)
        self.ranking = rank(self.results.values())
        self.previous_data_key = key
        self._inputs_key = (*key[:-1], self.generation)
        self.changed_clinics = frozenset({clinic_id})
        self.resultsChanged.emit()
        return True

    def _position(self, clinic_id: str) -> int:
        """A clinic's place in the scored inputs (-1: none), from an index made once per read."""
        inputs = self._inputs
        if self._positions[0] is not inputs:
            self._positions = (inputs, {c.id: n for n, c in enumerate(inputs)})
        n = self._positions[1].get(clinic_id, -1)
        if n >= 0 and (n >= len(inputs) or inputs[n].id != clinic_id):  # changed in place
            n = next((n for n, c in enumerate(inputs) if c.id == clinic_id), -1)
        return n

    def scored_answers(self) -> list[ClinicAnswers]:
        """What the current scores were computed from (one person's or everyone's answers)."""
        return self._inputs

    def people(self) -> list[RaterInfo]:
        """Everyone who answers, read once until a person is added, renamed or removed."""
        found: list[RaterInfo] = self._memo.remember(("people",), self.store.people.list)
        return found

    def rule(self) -> Rule:
        """How the combined view merges people's answers here; read once per settings change."""
        found: Rule = self._memo.remember(
            ("rule", self.comparison_id), lambda: self.store.decisions.rule(self.comparison_id)
        )
        return found

    def disagreements(self) -> list[Disagreement]:
        """Where people's answers differ in this comparison, in the store's order (clinics in
        their order, each clinic's items in checklist order); read once, then kept clinic by
        clinic: an answer replaces its clinic's part alone (see ``_forget``)."""
        cid = self.comparison_id
        if not cid:
            return []
        found: list[Disagreement] = self._memo.disagreements(
            cid, self.clinics, lambda: self.store.decisions.disagreements(cid)
        )
        return found

    def clinic_disagreements(self, clinic_id: str) -> list[Disagreement]:
        """Where people's answers differ on one clinic: taken from the comparison's list when it
        was read, else that clinic's alone, so the first clinic's overview does not wait for
        every clinic's answers to be compared (issue 26: 200 clinics)."""
        if not self.comparison_id:
            return []
        cid = self.comparison_id
        held = self._memo.disagreements_by_clinic(cid)
        if held is not None:
            return list(held.get(clinic_id, ()))
        found: list[Disagreement] = self._memo.remember(
            ("clinic disagreements", clinic_id),
            lambda: self.store.decisions.disagreements(cid, clinic_id),
        )
        return found

    def answers(self, clinic_id: str, rater_id: str) -> dict[str, AnswerInfo]:
        found: dict[str, AnswerInfo] = self._memo.remember(
            ("answers", clinic_id, rater_id),
            lambda: self.store.answers.by_item(clinic_id, rater_id),
        )
        return found

    def retired_answers(self, clinic_id: str, rater_id: str) -> dict[str, AnswerInfo]:
        """One person's answers to items no longer in the checklist: kept while answers to the
        checklist's own items come and go (each walkthrough answer), as they cannot change them."""
        found: dict[str, AnswerInfo] = self._memo.remember(
            ("retired", clinic_id, rater_id),
            lambda: {
                item_id: answer
                for item_id, answer in self.store.answers.by_item(clinic_id, rater_id).items()
                if answer.retired
            },
        )
        return found

    def decisions(self, clinic_id: str) -> dict[str, Decision]:
        """How disagreements on one clinic were settled (read once per change of answers)."""
        decisions = self.store.decisions
        found: dict[str, Decision] = self._memo.per_clinic(
            "decisions",
            clinic_id,
            self.comparison_id,
            self.clinics,
            lambda: decisions.by_item(clinic_id),
            decisions.by_item_in,
        )
        return found

    def opinions(self, clinic_id: str) -> dict[str, list[Opinion]]:
        """Every person's answer on each item of one clinic (read once per change of answers)."""
        decisions = self.store.decisions
        found: dict[str, list[Opinion]] = self._memo.per_clinic(
            "opinions",
            clinic_id,
            self.comparison_id,
            self.clinics,
            lambda: decisions.opinions(clinic_id),
            decisions.opinions_in,
        )
        return found

    def reasons(self, clinic_id: str) -> list[Reason]:
        """Why a clinic is not recommended: each dealbreaker seen, who saw it and when."""
        result = self.results.get(clinic_id)
        if result is None or not result.not_recommended:
            return []
        # Asked for each ruled-out row's tooltip: kept until the clinic's answers, the red
        # flags seen or the dealbreakers chosen change (a slider move changes none of them).
        view = None if self.combined else self.view_id
        chosen = frozenset(self.weights.dealbreakers.items())
        key = ("reasons", clinic_id, view, result.dealbreakers_seen, chosen)
        if key in self._memo:
            return cast(list[Reason], self._memo[key])
        decisions, cid = self.store.decisions, self.comparison_id
        seen: dict[str, list[Opinion]] = self._memo.per_clinic(
            "seen",
            clinic_id,
            cid,
            self.clinics,
            lambda: decisions.seen(cid, clinic_id).get(clinic_id, {}),
            decisions.seen,
            first_alone=True,  # the overview's, as the data opens; the list's status needs none
        )
        found: list[Reason] = reasons(result, self.checklist, self.weights, sightings(seen, view))
        self._memo[key] = found
        return found

    def _forget(self, change: Change, read: ClinicReads | None = None) -> None:
        """Drop what an edit may have changed. One clinic's answer only touches that clinic, so
        a large comparison is not read again in full after every key press. ``read``: that
        clinic as read after the edit, when it was (its disagreements are taken from it)."""
        self.generation += 1
        clinic_id = change.clinic_id
        if change.what not in (ChangeKind.ANSWER, ChangeKind.DECISION) or not clinic_id:
            self._memo.clear()
            return
        asked = self.store.checklist.items_by_id
        # an answer to an item no longer asked, perhaps: the retired answers are read again
        self._memo.forget_clinic(clinic_id, change.item_id is None or change.item_id not in asked)
        cid = change.comparison_id
        if cid:
            self._memo.replace_disagreements(
                cid,
                clinic_id,
                cid == self.comparison_id,
                lambda: (
                    read.disagreements
                    if read is not None
                    else self.store.decisions.disagreements(cid, clinic_id)
                ),
            )

    def _on_store_change(self, change: Change) -> None:
        one_clinic = (
            change.what in ONE_CLINIC_CHANGES
            and bool(change.clinic_id)
            and change.comparison_id == self.comparison_id
        )
        if one_clinic and self._rescore_one(change):
            # that clinic alone was read (in one transaction), forgotten and rescored
            self.storeChanged.emit(change)
            return
        if change.what in DATA_CHANGES:
            self._forget(change)
        elif change.what is ChangeKind.SETTINGS:
            self._memo.pop(("rule", change.comparison_id), None)
            if change.comparison_id == self.comparison_id and self.comparison_id:
                # the weights and the rule in one read (a slider move reads nothing else)
                weights, rule = self.store.scores.scoring_settings(self.comparison_id)
                self._memo[("rule", self.comparison_id)] = rule
                self.refresh(weights)
                self.storeChanged.emit(change)
                return
        if change.what in RESCORE_CHANGES and change.comparison_id in (None, self.comparison_id):
            self.refresh()
        self.storeChanged.emit(change)
