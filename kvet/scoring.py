"""Honest, explainable scores: pure functions, no I/O.

A clinic's score is the weighted share of good answers among the questions answered so far. Its
range is where the score could end once every unknown is answered (all bad to all good), so a
half-vetted clinic shows a wide range instead of a falsely precise number. A dealbreaker red flag
marks a clinic "not recommended", which ranks it below every clinic without one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from kvet.answers import OPTIONS, Choice
from kvet.checklist import Checklist, Format, Item, Kind
from kvet.costs import CostEstimate, CostPlan, estimate_cost

BUDGET_ITEM = "within_budget"
BUDGET_SECTION = "logistics_cost"
MOVERS_SHOWN = 3
WIDE_RANGE = 30.0


@dataclass(frozen=True)
class Budget:
    """The user's yearly budget, scored as an item only when they choose to."""

    first_year: float
    weight: float = 2.0
    scored: bool = True


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


@dataclass(frozen=True)
class ClinicAnswers:
    """What is known about one clinic: plain data, independent of storage."""

    id: str
    name: str
    formats: frozenset[Format] = frozenset()
    answers: Mapping[str, Choice] = field(default_factory=dict)
    facts: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Mover:
    """One answer and how far it moved the score (leave-one-out, in points)."""

    item_id: str
    label: str
    choice: Choice
    points: float

    def sentence(self) -> str:
        direction = "raised" if self.points > 0 else "lowered"
        return f"“{self.label}” {direction} the score by {abs(self.points):.0f} points."


@dataclass(frozen=True)
class SectionResult:
    section_id: str
    title: str
    score: float | None
    low: float
    high: float
    answered: int
    applicable: int


@dataclass(frozen=True)
class ClinicResult:
    clinic_id: str
    name: str
    score: float | None
    low: float
    high: float
    coverage: float
    answered: int
    applicable: int
    red_flags_seen: tuple[str, ...]
    dealbreakers_seen: tuple[str, ...]
    dealbreakers_unknown: tuple[str, ...]
    still_to_ask: tuple[str, ...]
    cost: CostEstimate | None
    # Raw sums; the explanations below are derived from them only when someone looks.
    _sections: tuple[tuple[str, str, float, float, float, int, int], ...] = field(
        default=(), repr=False, compare=False
    )
    _answered: tuple[tuple[str, float, float, Choice, str], ...] = field(
        default=(), repr=False, compare=False
    )
    _unknown_weights: tuple[float, ...] = field(default=(), repr=False, compare=False)
    _sums: tuple[float, float, float] = field(default=(0.0, 0.0, 0.0), repr=False, compare=False)

    @cached_property
    def sections(self) -> tuple[SectionResult, ...]:
        results = []
        for section_id, title, total, answered, gained, count, done in self._sections:
            score, low, high = _bounds(total, answered, gained)
            results.append(SectionResult(section_id, title, score, low, high, done, count))
        return tuple(results)

    @cached_property
    def _movers(self) -> list[Mover]:
        _total, answered_w, gained = self._sums
        movers: list[Mover] = []
        if self.score is None:
            return movers
        for item_id, weight, value, choice, label in self._answered:
            rest = answered_w - weight
            if rest <= 0:
                continue
            points = self.score - 100 * (gained - weight * value) / rest
            if abs(points) >= 0.5:
                movers.append(Mover(item_id, label, choice, points))
        movers.sort(key=lambda m: (-m.points, m.item_id))
        return movers

    @property
    def movers_up(self) -> tuple[Mover, ...]:
        """The answers that raised the score most (leave-one-out), largest first."""
        return tuple([m for m in self._movers if m.points > 0][:MOVERS_SHOWN])

    @property
    def movers_down(self) -> tuple[Mover, ...]:
        return tuple([m for m in reversed(self._movers) if m.points < 0][:MOVERS_SHOWN])

    @cached_property
    def swings(self) -> dict[str, float]:
        """For each unknown item, how many points its answer could move the final score."""
        total = self._sums[0]
        return {
            item_id: 100 * weight / total
            for item_id, weight in zip(self.still_to_ask, self._unknown_weights, strict=True)
        }

    @property
    def not_recommended(self) -> bool:
        return bool(self.dealbreakers_seen)

    @property
    def wide_range(self) -> bool:
        return self.high - self.low >= WIDE_RANGE

    def summary(self) -> str:
        """One plain sentence or three that explain the number."""
        parts: list[str] = []
        if self.not_recommended:
            parts.append("Not recommended: a red flag you marked as a dealbreaker was seen.")
        if self.applicable == 0:
            parts.append("No checklist item carries weight for this clinic, so there is no score.")
        elif self.score is None:
            parts.append(
                f"No answers yet. Once the {self.applicable} questions are answered, the score "
                "could fall anywhere from 0 to 100."
            )
        else:
            parts.append(
                f"Score {self.score:.0f} out of 100 from {self.answered} of {self.applicable} "
                f"answers. It could end between {self.low:.0f} and {self.high:.0f}."
            )
            if self.wide_range:
                parts.append("Many answers are still missing, so this score could change a lot.")
        return " ".join(parts)


@dataclass(frozen=True)
class _Entry:
    item_id: str
    section: str
    label: str
    kind: Kind
    weight: float
    dealbreaker: bool


class Scorer:
    """The checklist and the user's weights, prepared once so scoring many clinics is cheap.

    Scoring runs on every slider move, so the per-clinic work is a single pass over prepared
    tuples (see bench/bench_scoring.py for the budget).
    """

    def __init__(self, checklist: Checklist, weights: Weights | None = None) -> None:
        self.checklist = checklist
        self.weights = weights or Weights()
        self._section_index = {s.id: n for n, s in enumerate(checklist.sections)}
        self._section_meta = [(s.id, s.title) for s in checklist.sections]
        self._entries = [
            _Entry(
                item.id,
                item.section,
                item.statement,
                item.kind,
                self.weights.item_weight(checklist, item),
                self.weights.is_dealbreaker(item),
            )
            for item in checklist.items
            if item.kind is not Kind.FACT
        ]
        self._prepared: dict[frozenset[Format], list[_Prepared]] = {}

    def _prepare(self, formats: frozenset[Format]) -> list[_Prepared]:
        prepared = self._prepared.get(formats)
        if prepared is None:
            items = self.checklist.items_by_id
            prepared = [
                (
                    e.item_id,
                    self._section_index[e.section],
                    e.weight,
                    _CREDITS[e.kind],
                    e.dealbreaker,
                    e.kind is Kind.RED_FLAG,
                    e.label,
                )
                for e in self._entries
                if items[e.item_id].applies_to(formats)
            ]
            self._prepared[formats] = prepared
        return prepared

    def score(self, clinic: ClinicAnswers) -> ClinicResult:
        answers = clinic.answers
        sections = [
            [0.0, 0.0, 0.0, 0, 0] for _ in self.checklist.sections
        ]  # total, ans, gain, n, k
        total_w = answered_w = gained = 0.0
        seen: list[str] = []
        dealbreakers_seen: list[str] = []
        unknown: list[tuple[bool, float, int, str]] = []
        answered: list[tuple[str, float, float, Choice, str]] = []
        for order, (item_id, index, weight, table, dealbreaker, red_flag, label) in enumerate(
            self._prepare(clinic.formats)
        ):
            choice = answers.get(item_id)
            if red_flag and choice is Choice.SEEN:
                seen.append(item_id)
                if dealbreaker:
                    dealbreakers_seen.append(item_id)
            if weight <= 0:
                continue
            value = table.get(choice) if choice is not None else None
            acc = sections[index]
            acc[0] += weight
            acc[3] += 1
            total_w += weight
            if value is None:
                unknown.append((dealbreaker, weight, order, item_id))
            else:
                acc[1] += weight
                acc[2] += weight * value
                acc[4] += 1
                answered_w += weight
                gained += weight * value
                answered.append((item_id, weight, value, choice, label))  # type: ignore[arg-type]

        cost = estimate_cost(clinic.facts, self.weights.cost_plan)
        budget = self.weights.budget
        if budget is not None and budget.scored and budget.weight > 0:
            acc = sections[self._section_index.get(BUDGET_SECTION, len(sections) - 1)]
            acc[0] += budget.weight
            acc[3] += 1
            total_w += budget.weight
            if cost is None:
                unknown.append((False, budget.weight, len(answers), BUDGET_ITEM))
            else:
                value = 1.0 if cost.first_year_cost <= budget.first_year else 0.0
                acc[1] += budget.weight
                acc[2] += budget.weight * value
                acc[4] += 1
                answered_w += budget.weight
                gained += budget.weight * value
                answered.append(
                    (
                        BUDGET_ITEM,
                        budget.weight,
                        value,
                        Choice.YES if value else Choice.NO,
                        "Fits your budget",
                    )
                )

        score, low, high = _bounds(total_w, answered_w, gained)
        unknown.sort(key=lambda u: (not u[0], -u[1], u[2]))
        return ClinicResult(
            clinic_id=clinic.id,
            name=clinic.name,
            score=score,
            low=low,
            high=high,
            coverage=answered_w / total_w if total_w else 0.0,
            answered=len(answered),
            applicable=len(answered) + len(unknown),
            red_flags_seen=tuple(seen),
            dealbreakers_seen=tuple(dealbreakers_seen),
            dealbreakers_unknown=tuple(u[3] for u in unknown if u[0]),
            still_to_ask=tuple(u[3] for u in unknown),
            cost=cost,
            _sections=tuple(
                (meta[0], meta[1], acc[0], acc[1], acc[2], int(acc[3]), int(acc[4]))
                for meta, acc in zip(self._section_meta, sections, strict=True)
            ),
            _answered=tuple(answered),
            _unknown_weights=tuple(u[1] for u in unknown),
            _sums=(total_w, answered_w, gained),
        )

    def score_all(self, clinics: Iterable[ClinicAnswers]) -> list[ClinicResult]:
        return [self.score(clinic) for clinic in clinics]


_Prepared = tuple[str, int, float, dict[Choice, float | None], bool, bool, str]
_CREDITS: dict[Kind, dict[Choice, float | None]] = {
    kind: {o.choice: o.credit for o in options} for kind, options in OPTIONS.items()
}


def _bounds(total: float, answered: float, gained: float) -> tuple[float | None, float, float]:
    """Score on answered weight, and the range it could reach once unknowns are answered."""
    if total <= 0:
        return None, 0.0, 100.0
    low = 100 * gained / total
    high = max(low, min(100.0, 100 * (gained + total - answered) / total))
    score = None
    if answered > 0:  # the score lies in its range; clamp away float rounding
        score = min(high, max(low, 100 * gained / answered))
    return score, low, high


def score_clinic(
    checklist: Checklist, clinic: ClinicAnswers, weights: Weights | None = None
) -> ClinicResult:
    return Scorer(checklist, weights).score(clinic)
