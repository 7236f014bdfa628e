"""Honest, explainable scores: pure functions, no I/O.

A clinic's score is the weighted share of good answers among the questions answered so far. Its
range is where the score could end once every unknown is answered (all bad to all good), so a
half-vetted clinic shows a wide range instead of a falsely precise number. A dealbreaker red flag
marks a clinic "not recommended", which ranks it below every clinic without one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kvet.answers import Choice, credit
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
    sections: tuple[SectionResult, ...]
    red_flags_seen: tuple[str, ...]
    dealbreakers_seen: tuple[str, ...]
    dealbreakers_unknown: tuple[str, ...]
    movers_up: tuple[Mover, ...]
    movers_down: tuple[Mover, ...]
    still_to_ask: tuple[str, ...]
    swings: Mapping[str, float]  # unknown item -> points its answer could move the final score
    cost: CostEstimate | None

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
    """The checklist and the user's weights, prepared once so scoring many clinics is cheap."""

    def __init__(self, checklist: Checklist, weights: Weights | None = None) -> None:
        self.checklist = checklist
        self.weights = weights or Weights()
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
        ]
        self._items = checklist.items_by_id

    def _applicable(self, clinic: ClinicAnswers) -> list[_Entry]:
        return [
            e
            for e in self._entries
            if e.kind is not Kind.FACT and self._items[e.item_id].applies_to(clinic.formats)
        ]

    def score(self, clinic: ClinicAnswers) -> ClinicResult:
        entries = self._applicable(clinic)
        credits: dict[str, float | None] = {
            e.item_id: credit(e.kind, clinic.answers.get(e.item_id)) for e in entries
        }
        cost = estimate_cost(clinic.facts, self.weights.cost_plan)
        budget = self.weights.budget
        if budget is not None and budget.scored and budget.weight > 0:
            entries.append(
                _Entry(
                    BUDGET_ITEM,
                    BUDGET_SECTION,
                    "Fits your budget",
                    Kind.PRACTICE,
                    budget.weight,
                    False,
                )
            )
            credits[BUDGET_ITEM] = (
                None
                if cost is None
                else (1.0 if cost.first_year_cost <= budget.first_year else 0.0)
            )
        weighted = [e for e in entries if e.weight > 0]
        score, low, high, answered_w, total_w = _summarise(weighted, credits)

        movers: list[Mover] = []
        if score is not None:
            for e in weighted:
                c = credits[e.item_id]
                if c is None or answered_w - e.weight <= 0:
                    continue
                without = (score / 100 * answered_w - e.weight * c) / (answered_w - e.weight)
                points = score - without * 100
                if abs(points) >= 0.5:
                    movers.append(
                        Mover(
                            e.item_id,
                            e.label,
                            clinic.answers.get(e.item_id, Choice.YES if c else Choice.NO),
                            points,
                        )
                    )
        up = sorted((m for m in movers if m.points > 0), key=lambda m: (-m.points, m.item_id))
        down = sorted((m for m in movers if m.points < 0), key=lambda m: (m.points, m.item_id))

        sections = []
        for section in self.checklist.sections:
            in_section = [e for e in weighted if e.section == section.id]
            s_score, s_low, s_high, _, _ = _summarise(in_section, credits)
            sections.append(
                SectionResult(
                    section.id,
                    section.title,
                    s_score,
                    s_low,
                    s_high,
                    sum(credits[e.item_id] is not None for e in in_section),
                    len(in_section),
                )
            )

        seen = tuple(
            e.item_id
            for e in entries
            if e.kind is Kind.RED_FLAG and clinic.answers.get(e.item_id) is Choice.SEEN
        )
        unknown = [e for e in weighted if credits[e.item_id] is None]
        unknown.sort(key=lambda e: (-e.dealbreaker, -e.weight))
        return ClinicResult(
            clinic_id=clinic.id,
            name=clinic.name,
            score=score,
            low=low,
            high=high,
            coverage=answered_w / total_w if total_w else 0.0,
            answered=sum(credits[e.item_id] is not None for e in weighted),
            applicable=len(weighted),
            sections=tuple(sections),
            red_flags_seen=seen,
            dealbreakers_seen=tuple(
                e.item_id for e in entries if e.dealbreaker and e.item_id in seen
            ),
            dealbreakers_unknown=tuple(e.item_id for e in unknown if e.dealbreaker),
            movers_up=tuple(up[:MOVERS_SHOWN]),
            movers_down=tuple(down[:MOVERS_SHOWN]),
            still_to_ask=tuple(e.item_id for e in unknown),
            swings={e.item_id: 100 * e.weight / total_w for e in unknown},
            cost=cost,
        )

    def score_all(self, clinics: Iterable[ClinicAnswers]) -> list[ClinicResult]:
        return [self.score(clinic) for clinic in clinics]


def _summarise(
    entries: list[_Entry], credits: Mapping[str, float | None]
) -> tuple[float | None, float, float, float, float]:
    """Score on answered weight, and the range it could reach once unknowns are answered."""
    total = answered = gained = 0.0
    for e in entries:
        total += e.weight
        c = credits[e.item_id]
        if c is not None:
            answered += e.weight
            gained += e.weight * c
    if total <= 0:
        return None, 0.0, 100.0, 0.0, 0.0
    low = 100 * gained / total
    high = max(low, min(100.0, 100 * (gained + total - answered) / total))
    score = None
    if answered > 0:  # the score lies in its range; clamp away float rounding
        score = min(high, max(low, 100 * gained / answered))
    return score, low, high, answered, total


def score_clinic(
    checklist: Checklist, clinic: ClinicAnswers, weights: Weights | None = None
) -> ClinicResult:
    return Scorer(checklist, weights).score(clinic)
