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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from kvet.answers import OPTIONS, Choice
from kvet.checklist import Checklist, Format, Item, Kind
from kvet.costs import CostEstimate, CostPlan, estimate_cost

BUDGET_ITEM = "within_budget"
BUDGET_SECTION = "logistics_cost"
MOVERS_SHOWN = 3
WIDE_RANGE = 30.0
PRIOR_CREDIT = 0.5  # what an unanswered question counts for until it is answered
# The budget rule (docs/scoring.md, "The budget"): with cost weighted "As usual" the budget is a
# tenth of a clinic's total weight (a ninth of the rest), more or less as the cost slider moves;
# its credit falls in a straight line from 1 at the budget to 0 at half as much again.
BUDGET_SHARE = 1 / 9
DEFAULT_BUDGET_WEIGHT = 2.0
BUDGET_ZERO_AT = 0.5  # the share over budget at which the budget gives no credit

# The sentences that explain a score, in English; a view in another language passes ``say``,
# which translates each template before it is filled (kvet/gui/verdictwords.py lists them).
FITS_BUDGET = "Fits your budget"
RULED_OUT_FIRST = "For reference only, as the clinic is ruled out:"
NO_SCORE = "No checklist item carries weight for this clinic, so there is no score."
NO_ANSWERS_YET = (
    "No answers yet, so all {applicable} questions count as half good, half bad: score so far "
    "{score}. Once they are answered, the score could fall anywhere from 0 to 100."
)
ALL_ANSWERED = "Score {score} out of 100, with every question answered."
SHARE_SO_FAR = " So far {share}% of the answered weight is good."
EXPECTED = (
    "Score so far {score} out of 100, with {answered} of {applicable} questions answered and the "
    "other {unknown} counted as half good, half bad. It could end between {low} and {high}.{share}"
)
MAY_CHANGE_A_LOT = "Many answers are still missing, so this score could change a lot."
NOT_CLEARED = (
    "A dealbreaker is not cleared: the clinic would not say. That counts as a bad answer, and "
    "the clinic could still be ruled out."
)
RAISED_ONE = "“{label}”: {said}, raised the score by {points} point."
RAISED = "“{label}”: {said}, raised the score by {points} points."
LOWERED_ONE = "“{label}”: {said}, lowered the score by {points} point."
LOWERED = "“{label}”: {said}, lowered the score by {points} points."
SENTENCES = (
    FITS_BUDGET,
    RULED_OUT_FIRST,
    NO_SCORE,
    NO_ANSWERS_YET,
    ALL_ANSWERED,
    SHARE_SO_FAR,
    EXPECTED,
    MAY_CHANGE_A_LOT,
    NOT_CLEARED,
    RAISED_ONE,
    RAISED,
    LOWERED_ONE,
    LOWERED,
)


def points_text(points: float) -> str:
    """ "1 point", "12 points": a rounded number of points, in words that read right."""
    shown = f"{abs(points):.0f}"
    return f"{shown} point" if shown == "1" else f"{shown} points"


@dataclass(frozen=True)
class Budget:
    """The user's yearly budget, scored as an item only when they choose to."""

    first_year: float
    weight: float = DEFAULT_BUDGET_WEIGHT  # 2 is the usual; it scales the share (0 turns it off)
    scored: bool = True
    currency: str = "USD"  # only prices in the same currency are held against it


def budget_credit(first_year_cost: float, budget: float) -> float:
    """1 within the budget, then less in proportion to how far over: 0 from 50% over."""
    if first_year_cost <= budget:
        return 1.0
    if budget <= 0:
        return 0.0
    over = (first_year_cost - budget) / budget
    return max(0.0, 1.0 - over / BUDGET_ZERO_AT)


def budget_weight(other_weight: float, cost_factor: float, budget: Budget) -> float:
    """The budget's weight for a clinic whose checklist items weigh ``other_weight`` in all."""
    return other_weight * BUDGET_SHARE * cost_factor * budget.weight / DEFAULT_BUDGET_WEIGHT


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
    currency: str = "USD"  # what the prices in ``facts`` are in (kvet.money)


@dataclass(frozen=True)
class Mover:
    """One answer and how far it moved the score (leave-one-out, in points)."""

    item_id: str
    label: str
    choice: Choice
    points: float
    # the change a person can check on screen: the score shown, minus the score that would be
    # shown without this answer (both rounded as displayed)
    shown: int = 0

    def sentence(self, say: Callable[[str], str] = str) -> str:
        shown = f"{abs(self.shown):.0f}"
        if self.points > 0:
            template = RAISED_ONE if shown == "1" else RAISED
        else:
            template = LOWERED_ONE if shown == "1" else LOWERED
        said = say(_CHOICE_WORDS.get(self.choice, self.choice.value)).lower()
        label = say(self.label) if self.item_id == BUDGET_ITEM else self.label
        return say(template).format(label=label, said=said, points=shown)


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
    # not answered, "not sure", or the clinic would not say: any of them could still rule it out
    dealbreakers_unknown: tuple[str, ...]
    still_to_ask: tuple[str, ...]
    cost: CostEstimate | None
    known_share: float | None = None  # good answers among those given so far, 0..100
    dealbreakers_withheld: tuple[str, ...] = ()  # the clinic would not say: not cleared
    currency: str = "USD"  # what ``cost`` is in
    # the budget is on, but this clinic's prices are in another currency: not held against it
    budget_left_out: bool = False
    # Raw sums; the explanations below are derived from them only when someone looks.
    _sections: tuple[tuple[str, str, float, float, float, int, int], ...] = field(
        default=(), repr=False, compare=False
    )
    _answered: tuple[tuple[str, float, float, Choice, str], ...] = field(
        default=(), repr=False, compare=False
    )
    _unknown_weights: tuple[float, ...] = field(default=(), repr=False, compare=False)
    # for each unknown item, the answers it could get and their credit
    _unknown_options: tuple[tuple[tuple[Choice, float], ...], ...] = field(
        default=(), repr=False, compare=False
    )
    _sums: tuple[float, float, float] = field(default=(0.0, 0.0, 0.0), repr=False, compare=False)

    @cached_property
    def sections(self) -> tuple[SectionResult, ...]:
        results = []
        for section_id, title, total, answered, gained, count, done in self._sections:
            score, low, high, _share = score_bounds(total, answered, gained)
            if done == 0:
                score = None  # a section with nothing answered has no score of its own yet
            results.append(SectionResult(section_id, title, score, low, high, done, count))
        return tuple(results)

    @cached_property
    def _movers(self) -> list[Mover]:
        total, answered_w, gained = self._sums
        movers: list[Mover] = []
        if self.score is None:
            return movers
        displayed = int(f"{self.score:.0f}")
        for item_id, weight, value, choice, label in self._answered:
            # leave-one-out: without this answer the item would count at the prior credit
            points = 100 * weight * (value - PRIOR_CREDIT) / total
            without = score_bounds(total, answered_w - weight, gained - weight * value)[0]
            shown = displayed - int(f"{without or 0.0:.0f}")
            if shown != 0 and (shown > 0) == (points > 0):
                movers.append(Mover(item_id, label, choice, points, shown))
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
        """For each unknown item, the most one answer to it could move the score, in points."""
        total = self._sums[0]
        if total <= 0:
            return dict.fromkeys(self.still_to_ask, 0.0)
        return {
            item_id: 100 * weight * _FARTHEST / total
            for item_id, weight in zip(self.still_to_ask, self._unknown_weights, strict=True)
        }

    def unknowns(self) -> Iterator[tuple[str, float, tuple[tuple[Choice, float], ...]]]:
        """Each unanswered item: its id, weight (0 for a weightless dealbreaker), and the
        answers it could get with their credit; in the order of ``still_to_ask``: dealbreakers
        first, then the heaviest first."""
        return zip(self.still_to_ask, self._unknown_weights, self._unknown_options, strict=True)

    @property
    def sums(self) -> tuple[float, float, float]:
        """Total weight, answered weight, and credit gained: what the score is made of."""
        return self._sums

    @property
    def not_recommended(self) -> bool:
        return bool(self.dealbreakers_seen)

    @property
    def wide_range(self) -> bool:
        return round(self.high) - round(self.low) >= WIDE_RANGE  # the range as shown

    def summary(self, say: Callable[[str], str] = str) -> str:
        """One plain sentence or three that explain the number."""
        parts: list[str] = []
        if self.not_recommended:  # the views lead with why (kvet.verdict); the number is secondary
            parts.append(say(RULED_OUT_FIRST))
        elif self.dealbreakers_withheld:
            parts.append(say(NOT_CLEARED))
        if self.score is None:
            parts.append(say(NO_SCORE))
        elif self.answered == 0:
            parts.append(
                say(NO_ANSWERS_YET).format(applicable=self.applicable, score=f"{self.score:.0f}")
            )
        elif self.answered == self.applicable:
            parts.append(say(ALL_ANSWERED).format(score=f"{self.score:.0f}"))
        else:
            share = (
                ""
                if self.known_share is None
                else say(SHARE_SO_FAR).format(share=f"{self.known_share:.0f}")
            )
            parts.append(
                say(EXPECTED).format(
                    score=f"{self.score:.0f}",
                    answered=self.answered,
                    applicable=self.applicable,
                    unknown=self.applicable - self.answered,
                    low=f"{self.low:.0f}",
                    high=f"{self.high:.0f}",
                    share=share,
                )
            )
            if self.wide_range:
                parts.append(say(MAY_CHANGE_A_LOT))
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
        cost_section = checklist.sections_by_id.get(BUDGET_SECTION)
        usual = cost_section.weight if cost_section is not None else 0.0
        chosen = self.weights.sections.get(BUDGET_SECTION, usual)
        self._cost_factor = max(0.0, chosen) / usual if usual > 0 else 1.0

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
                    _DEFINITE[e.kind],
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
        withheld: list[str] = []
        unknown: list[tuple[bool, float, int, str, tuple[tuple[Choice, float], ...]]] = []
        answered: list[tuple[str, float, float, Choice, str]] = []
        prepared = self._prepare(clinic.formats)
        for order, (
            item_id,
            index,
            weight,
            table,
            dealbreaker,
            red_flag,
            label,
            definite,
        ) in enumerate(prepared):
            choice = answers.get(item_id)
            if red_flag and choice is Choice.SEEN:
                seen.append(item_id)
                if dealbreaker:
                    dealbreakers_seen.append(item_id)
            elif dealbreaker and choice is Choice.REFUSED:
                withheld.append(item_id)
            if weight <= 0 and not dealbreaker:
                continue  # a dealbreaker is about safety: it counts whatever its weight
            value = table.get(choice) if choice is not None else None
            acc = sections[index]
            acc[0] += weight
            acc[3] += 1
            total_w += weight
            if value is None:
                unknown.append((dealbreaker, weight, order, item_id, definite))
            else:
                acc[1] += weight
                acc[2] += weight * value
                acc[4] += 1
                answered_w += weight
                gained += weight * value
                answered.append((item_id, weight, value, choice, label))  # type: ignore[arg-type]

        cost = estimate_cost(clinic.facts, self.weights.cost_plan)
        budget = self.weights.budget
        on = budget is not None and budget.scored and budget.weight > 0
        left_out = on and budget is not None and clinic.currency != budget.currency
        weight = budget_weight(total_w, self._cost_factor, budget) if on and budget else 0.0
        if budget is not None and weight > 0 and not left_out:
            acc = sections[self._section_index.get(BUDGET_SECTION, len(sections) - 1)]
            acc[0] += weight
            acc[3] += 1
            total_w += weight
            if cost is None:
                unknown.append((False, weight, len(prepared), BUDGET_ITEM, _BUDGET_OPTIONS))
            else:
                value = budget_credit(cost.first_year_cost, budget.first_year)
                acc[1] += weight
                acc[2] += weight * value
                acc[4] += 1
                answered_w += weight
                gained += weight * value
                choice = Choice.YES if value == 1.0 else Choice.NO
                answered.append((BUDGET_ITEM, weight, value, choice, FITS_BUDGET))

        score, low, high, share = score_bounds(total_w, answered_w, gained)
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
            dealbreakers_unknown=(*(u[3] for u in unknown if u[0]), *withheld),
            still_to_ask=tuple(u[3] for u in unknown),
            cost=cost,
            known_share=share,
            dealbreakers_withheld=tuple(withheld),
            currency=clinic.currency,
            budget_left_out=left_out,
            _sections=tuple(
                (meta[0], meta[1], acc[0], acc[1], acc[2], int(acc[3]), int(acc[4]))
                for meta, acc in zip(self._section_meta, sections, strict=True)
            ),
            _answered=tuple(answered),
            _unknown_weights=tuple(u[1] for u in unknown),
            _unknown_options=tuple(u[4] for u in unknown),
            _sums=(total_w, answered_w, gained),
        )

    def score_all(self, clinics: Iterable[ClinicAnswers]) -> list[ClinicResult]:
        return [self.score(clinic) for clinic in clinics]


_Definite = tuple[tuple[Choice, float], ...]
_Prepared = tuple[str, int, float, dict[Choice, float | None], bool, bool, str, _Definite]
_CREDITS: dict[Kind, dict[Choice, float | None]] = {
    kind: {o.choice: o.credit for o in options} for kind, options in OPTIONS.items()
}
_DEFINITE: dict[Kind, _Definite] = {
    kind: tuple((o.choice, o.credit) for o in options if o.credit is not None)
    for kind, options in OPTIONS.items()
}


_CHOICE_WORDS = {o.choice: o.label for options in OPTIONS.values() for o in options}
_BUDGET_OPTIONS = ((Choice.YES, 1.0), (Choice.NO, 0.0))


_FARTHEST = max(
    abs(o.credit - PRIOR_CREDIT)
    for options in OPTIONS.values()
    for o in options
    if o.credit is not None
)


def score_bounds(
    total: float, answered: float, gained: float
) -> tuple[float | None, float, float, float | None]:
    """Score so far (open questions as half), the range it could reach once unknowns are
    answered, and the share of
    good answers so far."""
    if total <= 0:
        return None, 0.0, 100.0, None
    low = 100 * gained / total
    high = max(low, min(100.0, 100 * (gained + total - answered) / total))
    expected = 100 * (gained + PRIOR_CREDIT * (total - answered)) / total
    score = min(high, max(low, expected))  # the score lies in its range; clamp float rounding
    share = min(100.0, 100 * gained / answered) if answered > 0 else None
    return score, low, high, share


def score_clinic(
    checklist: Checklist, clinic: ClinicAnswers, weights: Weights | None = None
) -> ClinicResult:
    return Scorer(checklist, weights).score(clinic)
