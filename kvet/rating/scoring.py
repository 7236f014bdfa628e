"""Honest, explainable scores: pure functions, no I/O.

A clinic's score is its *score so far, counting open questions as half*: every answer given counts
at its credit, and every question still unanswered counts at a stated prior credit
(``PRIOR_CREDIT``, half), the score it would get if good and bad answers were equally likely. It
is not a prediction: the half is a rule, not a finding (docs/scoring.md). So a clinic with two good
answers out of 39 scores about 53, not 100: a barely-vetted clinic cannot look best. The range is
where the score could end once every unknown is answered (all bad to all good); the score always
lies inside it.
The share of good answers among those given so far is kept as ``known_share``, for explanation
only. A dealbreaker red flag marks a clinic "not recommended", whatever its weight, which ranks it
below every clinic without one. A dealbreaker the clinic would not say about is *not cleared*: it
scores as a bad answer, and it stays among ``dealbreakers_unknown`` (the clinic could still be
ruled out, so its place is never shown as settled). See docs/scoring.md.

This module holds the weighing: the user's weights and how the scorer sums a clinic's answers
under them. Its neighbours hold the rest, one job each: the score and its range from the sums
(kvet.rating.scorebounds), the budget rule (kvet.rating.budget), the answers read once per clinic
(kvet.rating.scorebasis), the result and its explanation (kvet.rating.scoreresult) and the
explanation's sentences (kvet.rating.scorewords).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from operator import add, itemgetter, mul

from kvet.content.checklist import Checklist, Item, Kind
from kvet.rating.answers import Choice, ClinicAnswers

# Named here as well for the callers that take them with the scorer (kvet.gui, kvet.store,
# kvet.exchange): the clinic's answers, the budget, the result and the summary's sentences.
from kvet.rating.budget import BUDGET_ITEM, BUDGET_SECTION, Budget, budget_credit, budget_weight
from kvet.rating.costs import CostEstimate, CostPlan, estimate_cost
from kvet.rating.scorebasis import (
    OPTIONS_OF,
    Basis,
    Entry,
    Reader,
    Term,
    small_dyadic,
    weighed_answers,
)
from kvet.rating.scorebounds import score_bounds
from kvet.rating.scoreresult import Answered, ClinicResult, Opened, made
from kvet.rating.scorewords import (
    FITS_BUDGET,
)

# Per section: total weight, answered weight, credit gained, count, answered count; and the
# clinic's: total weight, answered weight, credit gained, answered count.
_Sections = list[list[float]]
_Sums = tuple[float, float, float, int]
# The budget as counted: its weight, and its credit (None while the price is not known)
_Budgeted = tuple[float, float | None]


@dataclass(frozen=True)
class Weights:
    """User choices over the checklist's defaults: section and item weights, dealbreakers."""

    sections: Mapping[str, float] = field(default_factory=dict)
    items: Mapping[str, float] = field(default_factory=dict)
    dealbreakers: Mapping[str, bool] = field(default_factory=dict)
    budget: Budget | None = None
    cost_plan: CostPlan = field(default_factory=CostPlan)

    def item_weight(self, checklist: Checklist, item: Item) -> float:
        if item.kind is Kind.FACT:
            return 0.0
        section = checklist.sections_by_id[item.section]
        return max(0.0, self.sections.get(item.section, section.weight)) * max(
            0.0, self.items.get(item.id, item.weight)
        )

    def is_dealbreaker(self, item: Item) -> bool:
        return item.kind is Kind.RED_FLAG and self.dealbreakers.get(item.id, item.dealbreaker)


class Scorer:
    """The checklist and the user's weights, prepared once so scoring many clinics is cheap.

    Scoring runs on every slider move. Each clinic's answers are read against the checklist once
    (kvet.rating.scorebasis, kept while the clinic's answers, the item weights and the
    dealbreakers stay the same); a section weight, the budget or the cost plan then only weighs
    the kept terms again. The score is always made from them, so a slider move and a full scoring
    give the same numbers (see bench/bench_scoring.py for the budget).
    """

    def __init__(
        self, checklist: Checklist, weights: Weights | None = None, reuse: Scorer | None = None
    ) -> None:
        """``reuse``: a scorer for other section weights, budget or cost plan only; its sums per
        clinic are shared, so only the weighing is done again."""
        self.checklist = checklist
        self.weights = weights or Weights()
        self._section_meta = [(s.id, s.title) for s in checklist.sections]
        self._factors = [
            max(0.0, self.weights.sections.get(s.id, s.weight)) for s in checklist.sections
        ]
        cost_section = checklist.sections_by_id.get(BUDGET_SECTION)
        usual = cost_section.weight if cost_section is not None else 0.0
        chosen = self.weights.sections.get(BUDGET_SECTION, usual)
        self._cost_factor = max(0.0, chosen) / usual if usual > 0 else 1.0
        section_index = {s.id: n for n, s in enumerate(checklist.sections)}
        self._budget_index = section_index.get(BUDGET_SECTION, len(checklist.sections) - 1)
        self._reader: Reader
        if (
            reuse is not None
            and reuse.checklist is checklist
            and reuse.weights.items == self.weights.items
            and reuse.weights.dealbreakers == self.weights.dealbreakers
        ):
            self._reader = reuse._reader
        else:
            self._reader = Reader(checklist, self._entries())
        # sums of weights are exact in any order (see scorebasis.Basis), so the sections' sums serve
        self._exact = all(
            small_dyadic(w) for w in (*self._factors, *(e.weight for e in self._reader.entries))
        )

    def _entries(self) -> list[Entry]:
        """The items that can count, each with its own weight and whether it is a dealbreaker."""
        return [
            Entry(
                item.id,
                item.section,
                item.statement,
                item.kind,
                max(0.0, self.weights.items.get(item.id, item.weight)),
                self.weights.is_dealbreaker(item),
            )
            for item in self.checklist.items
            if item.kind is not Kind.FACT
        ]

    def basis(self, clinic: ClinicAnswers) -> Basis:
        """The clinic's answers read against the checklist, once while they stay the same."""
        return self._reader.basis(clinic)

    def terms(self, clinic: ClinicAnswers) -> Iterable[Term]:
        """Each item that counts, in checklist order (kvet.rating.scorebasis.Reader.terms)."""
        return self._reader.terms(clinic)

    def _weighed_answers(
        self, clinic: ClinicAnswers, budget: Answered | None
    ) -> tuple[Answered, ...]:
        """The clinic's answers, each at its weight here (asked only to explain a score)."""
        return weighed_answers(self.terms(clinic), self._factors, budget)

    def _weigh(self, basis: Basis, clinic: ClinicAnswers) -> tuple[_Sections, _Sums]:
        """The sums per section under these section weights (total, answered, gained, count,
        answered count), and the clinic's (total, answered, gained, answered count): from the
        sums kept per section when every weight is exact (see scorebasis.Basis, and ``_sums``),
        else answer by answer."""
        factors = self._factors
        # total, answered, gained, count, answered count
        sections: list[list[float]]
        total_w = answered_w = gained = 0.0
        answered_count = 0
        if self._exact:
            sections = []
            for (own, own_answered, count, done, free, free_done, dbs, dbs_done), factor in zip(
                basis.sections, factors, strict=True
            ):
                if factor > 0:
                    acc = [factor * own, factor * own_answered, 0.0, count + free, done + free_done]
                else:  # a section weighed at nothing keeps only its dealbreakers, at no weight
                    acc = [0.0, 0.0, 0.0, dbs, dbs_done]
                sections.append(acc)
            for index, own, value in basis.gains:
                sections[index][2] += factors[index] * own * value
            total_w, answered_w, gained, answered_count, _count = self._sums(basis)
        else:
            sections = [[0.0, 0.0, 0.0, 0, 0] for _ in factors]
        for index, own, credit, dealbreaker, *_ in () if self._exact else self.terms(clinic):
            weight = factors[index] * own
            if weight <= 0 and not dealbreaker:
                continue  # a section weighed at nothing keeps only its dealbreakers
            acc = sections[index]
            acc[0] += weight
            acc[3] += 1
            total_w += weight
            if credit is not None:
                acc[1] += weight
                acc[2] += weight * credit
                acc[4] += 1
                answered_w += weight
                gained += weight * credit
                answered_count += 1
        return sections, (total_w, answered_w, gained, answered_count)

    def _sums(self, basis: Basis) -> tuple[float, float, float, int, int]:
        """When every weight is exact (see scorebasis.Basis), the clinic's sums straight from
        the sums kept per section: total, answered, gained, answered count, and the count of
        the questions that count. The credit gained is added answer by answer in checklist
        order as always, so each is the same to the last digit; the sections' own sums are
        left to ``_weigh``, asked only when someone looks at them."""
        factors = self._factors
        # sums of exact weights: exact in any order (sum() may add them in its own way)
        total_w = sum(map(mul, factors, basis.owns))
        answered_w = sum(map(mul, factors, basis.owns_answered))
        weights = map(mul, map(factors.__getitem__, basis.gain_sections), basis.gain_owns)
        gained = reduce(add, map(mul, weights, basis.gain_values), 0.0)  # one by one, in order
        count, answered_count = basis.counted
        for index, factor in enumerate(factors):
            if not factor > 0:  # a section weighed at nothing keeps only its dealbreakers
                _own, _answered, n, done, free, free_done, dbs, dbs_done = basis.sections[index]
                count += dbs - n - free
                answered_count += dbs_done - done - free_done
        return total_w, answered_w, gained, answered_count, count

    def score(self, clinic: ClinicAnswers) -> ClinicResult:
        basis = self.basis(clinic)
        if self._exact:
            sums = self._sums(basis)
        else:
            sections, (total_w, answered_w, gained, answered_count) = self._weigh(basis, clinic)
            count = sum(int(acc[3]) for acc in sections)
            sums = (total_w, answered_w, gained, answered_count, count)
        plan = self.weights.cost_plan
        if plan in basis.costs:
            cost = basis.costs[plan]
        else:
            cost = basis.costs[plan] = estimate_cost(clinic.facts, plan)
        left_out, budget_answer, budget = False, None, None
        if self.weights.budget is not None:
            sums, left_out, budget_answer, budget = self._add_budget(clinic, cost, sums)
        total_w, answered_w, gained, answered_count, count = sums
        score, low, high, share = score_bounds(total_w, answered_w, gained)
        withheld = basis.withheld
        return made(
            clinic_id=clinic.id,
            name=clinic.name,
            score=score,
            low=low,
            high=high,
            coverage=answered_w / total_w if total_w else 0.0,
            answered=answered_count,
            applicable=count,
            red_flags_seen=basis.seen,
            dealbreakers_seen=basis.dealbreakers_seen,
            cost=cost,
            known_share=share,
            dealbreakers_withheld=withheld,
            currency=clinic.currency,
            budget_left_out=left_out,
            _section_meta=self._section_meta,
            _later=_Later(self, basis, clinic, budget, budget_answer),
            not_recommended=bool(basis.dealbreakers_seen),
            dealbreaker_open=basis.dealbreaker_open,
            _sums=(total_w, answered_w, gained),
        )

    def _sections(
        self, basis: Basis, clinic: ClinicAnswers, budget: _Budgeted | None
    ) -> tuple[tuple[float, ...], ...]:
        """The sums per section (total, answered, gained, count, answered count), the budget's
        in the cost section: made only when a view explains the score by section."""
        sections = self._weigh(basis, clinic)[0]
        if budget is not None:
            weight, value = budget
            acc = sections[self._budget_index]
            acc[0] += weight
            acc[3] += 1
            if value is not None:
                acc[1] += weight
                acc[2] += weight * value
                acc[4] += 1
        return tuple(map(tuple, sections))

    def _open(self, basis: Basis, clinic: ClinicAnswers, budget: _Budgeted | None) -> Opened:
        """The questions still open, dealbreakers first, then the heaviest, then in checklist
        order: their ids, the open dealbreakers (and those the clinic would not say about),
        their weights and the answers they could get. Made only when someone asks (a slider
        move asks it of the few clinics that could become first, kvet.rating.ranking)."""
        factors = self._factors
        # sorted as (not a dealbreaker, lighter, later): dealbreakers first, then the heaviest
        unknown = [
            (not dealbreaker, -weight, order, item_id, OPTIONS_OF[definite])
            for dealbreaker, own, order, item_id, index, definite in basis.unknown
            if (weight := factors[index] * own) > 0 or dealbreaker
        ]
        if budget is not None and budget[1] is None:
            # after every question of the same weight: the checklist order, then the price
            last = len(self._reader.prepare(clinic.formats))
            unknown.append((True, -budget[0], last, BUDGET_ITEM, _BUDGET_OPTIONS))
        unknown.sort(key=_UNKNOWN_ORDER)
        return (
            tuple([u[3] for u in unknown]),
            (*[u[3] for u in unknown if not u[0]], *basis.withheld),
            tuple([-u[1] for u in unknown]),
            tuple([u[4] for u in unknown]),
        )

    def _add_budget(
        self,
        clinic: ClinicAnswers,
        cost: CostEstimate | None,
        sums: tuple[float, float, float, int, int],
    ) -> tuple[tuple[float, float, float, int, int], bool, Answered | None, _Budgeted | None]:
        """The budget as one more item of the cost section, when it is on and the clinic's prices
        are in its currency: answered once the price is known, else an open question after every
        other of its weight. The clinic's sums with it, whether it was left out for the currency,
        its answer, and its weight and credit (None while the price is not known)."""
        total_w, answered_w, gained, answered_count, count = sums
        budget = self.weights.budget
        on = budget is not None and budget.scored and budget.weight > 0
        left_out = on and budget is not None and clinic.currency != budget.currency
        weight = budget_weight(total_w, self._cost_factor, budget) if on and budget else 0.0
        budget_answer: Answered | None = None
        counted: _Budgeted | None = None
        if budget is not None and weight > 0 and not left_out:
            total_w += weight
            count += 1
            counted = (weight, None)
            if cost is not None:
                value = budget_credit(cost.first_year_cost, budget.first_year)
                answered_w += weight
                gained += weight * value
                answered_count += 1
                choice = Choice.YES if value == 1.0 else Choice.NO
                budget_answer = (BUDGET_ITEM, weight, value, choice, FITS_BUDGET)
                counted = (weight, value)
        sums = (total_w, answered_w, gained, answered_count, count)
        return sums, left_out, budget_answer, counted

    def score_all(self, clinics: Iterable[ClinicAnswers]) -> list[ClinicResult]:
        """Every clinic; the sums kept are those of these clinics only, so none pile up."""
        clinics = list(clinics)
        results = [self.score(clinic) for clinic in clinics]
        self._reader.keep_only(clinics)
        return results


class _Later:
    """What a result makes only when someone asks (``kvet.rating.scoreresult.Later``): the
    sums per section, the answers with their weights, the open questions and the heaviest of
    them. One small object per clinic instead of three partials and the heaviest weights made
    for every clinic at every slider move (most are never asked)."""

    __slots__ = ("basis", "budget", "budget_answer", "clinic", "scorer")

    def __init__(
        self,
        scorer: Scorer,
        basis: Basis,
        clinic: ClinicAnswers,
        budget: _Budgeted | None,
        budget_answer: Answered | None,
    ) -> None:
        self.scorer, self.basis, self.clinic = scorer, basis, clinic
        self.budget, self.budget_answer = budget, budget_answer

    def sections(self) -> tuple[tuple[float, ...], ...]:
        return self.scorer._sections(self.basis, self.clinic, self.budget)

    def answered(self) -> tuple[Answered, ...]:
        return self.scorer._weighed_answers(self.clinic, self.budget_answer)

    def opened(self) -> Opened:
        return self.scorer._open(self.basis, self.clinic, self.budget)

    def heaviest(self) -> tuple[float, float]:
        return _heaviest(self.scorer._factors, self.basis, self.budget)


def _heaviest(
    factors: list[float], basis: Basis, budget: tuple[float, float | None] | None
) -> tuple[float, float]:
    """The heaviest weight of an open question, and of an open dealbreaker, under these section
    weights: what bounds the change one answer could make (kvet.rating.ranking)."""
    heaviest = max(map(mul, factors, basis.open_heaviest), default=0.0)
    if budget is not None and budget[1] is None:  # the price, not known yet
        heaviest = max(heaviest, budget[0])
    return heaviest, max(map(mul, factors, basis.open_heaviest_dealbreaker), default=0.0)


_UNKNOWN_ORDER = itemgetter(0, 1, 2)  # dealbreakers first, then the heaviest, then checklist order
_BUDGET_OPTIONS = ((Choice.YES, 1.0), (Choice.NO, 0.0))


def score_clinic(
    checklist: Checklist, clinic: ClinicAnswers, weights: Weights | None = None
) -> ClinicResult:
    return Scorer(checklist, weights).score(clinic)
