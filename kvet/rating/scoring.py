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

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from operator import itemgetter

from kvet.content.checklist import Checklist, Format, Item, Kind
from kvet.rating.answers import OPTIONS, Choice
from kvet.rating.costs import CostEstimate, CostPlan, estimate_cost

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
# which translates each template before it is filled (kvet/gui/words/verdictwords.py lists them).
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
# The range closed (it rounds to one number) while questions are still open: no "between 84 and 84".
SETTLED = (
    "Score {score} out of 100, with {answered} of {applicable} questions answered. The answers "
    "still to come cannot change it: the score is settled.{share}"
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
    SETTLED,
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
    currency: str = "USD"  # what the prices in ``facts`` are in (kvet.rating.money)


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
    # per section: total weight, answered weight, gained, count, answered count
    _section_sums: Sequence[Sequence[float]] = field(default=(), repr=False, compare=False)
    _section_meta: Sequence[tuple[str, str]] = field(default=(), repr=False, compare=False)
    # the answers given, with their weights, made only when an explanation needs them (movers)
    _answered_given: Callable[[], tuple[_Answered, ...]] | None = field(
        default=None, repr=False, compare=False
    )
    _unknown_weights: tuple[float, ...] = field(default=(), repr=False, compare=False)
    # for each unknown item, the answers it could get and their credit
    _unknown_options: tuple[tuple[tuple[Choice, float], ...], ...] = field(
        default=(), repr=False, compare=False
    )
    _sums: tuple[float, float, float] = field(default=(0.0, 0.0, 0.0), repr=False, compare=False)

    @cached_property
    def _answered(self) -> tuple[_Answered, ...]:
        return () if self._answered_given is None else self._answered_given()

    @cached_property
    def sections(self) -> tuple[SectionResult, ...]:
        results = []
        for (section_id, title), (total, answered, gained, count, done) in zip(
            self._section_meta, self._section_sums, strict=True
        ):
            count, done = int(count), int(done)
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
        if (
            self.not_recommended
        ):  # the views lead with why (kvet.rating.verdict); the number is secondary
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
            low, high = f"{self.low:.0f}", f"{self.high:.0f}"
            parts.append(
                say(SETTLED if low == high else EXPECTED).format(
                    score=f"{self.score:.0f}",
                    answered=self.answered,
                    applicable=self.applicable,
                    unknown=self.applicable - self.answered,
                    low=low,
                    high=high,
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
    weight: float  # the item's own weight (0 and up), before its section's
    dealbreaker: bool


@dataclass(frozen=True)
class _Basis:
    """One clinic's answers, read once against the checklist: what a weight slider leaves alone.

    When every weight is a whole number of 256ths (the checklist's and the sliders' all are),
    sums of weights are exact in any order, so ``sections`` (per section: own weight, answered
    weight, count and answered count of the items of positive weight; then of the dealbreakers
    without weight; then of every dealbreaker) give the totals with a few multiplications, and
    only the credit gained is summed answer by answer (``gains``: section, own weight, credit),
    in checklist order as always, because a credit of 0.4 is not exact. So every score is the
    same to the last digit as a full scoring (``Scorer.terms``, used whenever a weight is not
    such a number), and a slider move reads no answer again.
    """

    sections: tuple[tuple[float, float, int, int, int, int, int, int], ...]
    gains: tuple[tuple[int, float, float], ...]
    seen: tuple[str, ...]
    dealbreakers_seen: tuple[str, ...]
    withheld: tuple[str, ...]
    # (dealbreaker, own weight, order, item id, section, answers it could get)
    unknown: tuple[tuple[bool, float, int, str, int, int], ...]
    costs: dict[CostPlan, CostEstimate | None] = field(default_factory=dict)  # per cost plan


class Scorer:
    """The checklist and the user's weights, prepared once so scoring many clinics is cheap.

    Scoring runs on every slider move. Each clinic's answers are read against the checklist once
    (``_Basis``, kept while the clinic's answers, the item weights and the dealbreakers stay the
    same); a section weight, the budget or the cost plan then only weighs the kept terms again.
    The score is always made from them, so a slider move and a full scoring give the same
    numbers (see bench/bench_scoring.py for the budget).
    """

    def __init__(
        self, checklist: Checklist, weights: Weights | None = None, reuse: Scorer | None = None
    ) -> None:
        """``reuse``: a scorer for other section weights, budget or cost plan only; its sums per
        clinic are shared, so only the weighing is done again."""
        self.checklist = checklist
        self.weights = weights or Weights()
        self._section_index = {s.id: n for n, s in enumerate(checklist.sections)}
        self._section_meta = [(s.id, s.title) for s in checklist.sections]
        self._factors = [
            max(0.0, self.weights.sections.get(s.id, s.weight)) for s in checklist.sections
        ]
        cost_section = checklist.sections_by_id.get(BUDGET_SECTION)
        usual = cost_section.weight if cost_section is not None else 0.0
        chosen = self.weights.sections.get(BUDGET_SECTION, usual)
        self._cost_factor = max(0.0, chosen) / usual if usual > 0 else 1.0
        self._budget_index = self._section_index.get(BUDGET_SECTION, len(checklist.sections) - 1)
        self._entries: list[_Entry]
        self._prepared: dict[frozenset[Format], list[_Prepared]]
        # per clinic (by identity, the clinic kept so the identity stays its own)
        self._bases: dict[int, tuple[ClinicAnswers, _Basis]]
        if (
            reuse is not None
            and reuse.checklist is checklist
            and reuse.weights.items == self.weights.items
            and reuse.weights.dealbreakers == self.weights.dealbreakers
        ):
            self._entries = reuse._entries
            self._prepared = reuse._prepared
            self._bases = reuse._bases
        else:
            self._entries = [
                _Entry(
                    item.id,
                    item.section,
                    item.statement,
                    item.kind,
                    max(0.0, self.weights.items.get(item.id, item.weight)),
                    self.weights.is_dealbreaker(item),
                )
                for item in checklist.items
                if item.kind is not Kind.FACT
            ]
            self._prepared = {}
            self._bases = {}
        # sums of weights are exact in any order (see _Basis), so the sections' sums serve
        self._exact = all(
            _small_dyadic(w) for w in (*self._factors, *(e.weight for e in self._entries))
        )

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
                    _OPTION_SETS[_DEFINITE[e.kind]],
                )
                for e in self._entries
                if items[e.item_id].applies_to(formats)
            ]
            self._prepared[formats] = prepared
        return prepared

    def basis(self, clinic: ClinicAnswers) -> _Basis:
        """The clinic's answers read against the checklist, once while they stay the same."""
        held = self._bases.get(id(clinic))
        if held is not None and held[0] is clinic:
            return held[1]
        answers = clinic.answers
        sections = [[0.0, 0.0, 0, 0, 0, 0, 0, 0] for _ in self.checklist.sections]
        gains: list[tuple[int, float, float]] = []
        seen: list[str] = []
        dealbreakers_seen: list[str] = []
        withheld: list[str] = []
        unknown: list[tuple[bool, float, int, str, int, int]] = []
        for order, (
            item_id,
            index,
            weight,
            table,
            dealbreaker,
            red_flag,
            _label,
            definite,
        ) in enumerate(self._prepare(clinic.formats)):
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
            done = value is not None
            if weight > 0:
                acc[0] += weight
                acc[2] += 1
                if done:
                    acc[1] += weight
                    acc[3] += 1
                    if value:
                        gains.append((index, weight, value))
            else:
                acc[4] += 1
                acc[5] += done
            if dealbreaker:
                acc[6] += 1
                acc[7] += done
            if value is None:
                unknown.append((dealbreaker, weight, order, item_id, index, definite))
        basis = _Basis(
            tuple(map(tuple, sections)),  # type: ignore[arg-type]
            tuple(gains),
            tuple(seen),
            tuple(dealbreakers_seen),
            tuple(withheld),
            tuple(unknown),
        )
        self._bases[id(clinic)] = (clinic, basis)
        return basis

    def terms(
        self, clinic: ClinicAnswers
    ) -> Iterator[tuple[int, float, float | None, bool, str, Choice | None, str]]:
        """Each item that counts (a weight of its own, or a dealbreaker), in checklist order:
        its section, own weight, the credit of its answer (None while open), whether it is a
        dealbreaker, its id, the answer and its label."""
        answers = clinic.answers
        for item_id, index, weight, table, dealbreaker, _red, label, _definite in self._prepare(
            clinic.formats
        ):
            if weight <= 0 and not dealbreaker:
                continue
            choice = answers.get(item_id)
            value = table.get(choice) if choice is not None else None
            yield index, weight, value, dealbreaker, item_id, choice, label

    def _weighed_answers(
        self, clinic: ClinicAnswers, budget: _Answered | None
    ) -> tuple[_Answered, ...]:
        """The clinic's answers, each at its weight here (asked only to explain a score)."""
        return _weighed_answers(self.terms(clinic), self._factors, budget)

    def score(self, clinic: ClinicAnswers) -> ClinicResult:
        basis = self.basis(clinic)
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
                total_w += acc[0]
                answered_w += acc[1]
                answered_count += acc[4]  # type: ignore[assignment]
            for index, own, value in basis.gains:
                part = factors[index] * own * value
                sections[index][2] += part
                gained += part
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
        # sorted as (not a dealbreaker, lighter, later): dealbreakers first, then the heaviest
        unknown = [
            (not dealbreaker, -weight, order, item_id, _OPTIONS_OF[definite])
            for dealbreaker, own, order, item_id, index, definite in basis.unknown
            if (weight := factors[index] * own) > 0 or dealbreaker
        ]

        plan = self.weights.cost_plan
        if plan in basis.costs:
            cost = basis.costs[plan]
        else:
            cost = basis.costs[plan] = estimate_cost(clinic.facts, plan)
        budget = self.weights.budget
        on = budget is not None and budget.scored and budget.weight > 0
        left_out = on and budget is not None and clinic.currency != budget.currency
        weight = budget_weight(total_w, self._cost_factor, budget) if on and budget else 0.0
        budget_answer: tuple[str, float, float, Choice, str] | None = None
        if budget is not None and weight > 0 and not left_out:
            acc = sections[self._budget_index]
            acc[0] += weight
            acc[3] += 1
            total_w += weight
            if cost is None:
                # after every question of the same weight: the checklist order, then the price
                last = len(self._prepare(clinic.formats))
                unknown.append((True, -weight, last, BUDGET_ITEM, _BUDGET_OPTIONS))
            else:
                value = budget_credit(cost.first_year_cost, budget.first_year)
                acc[1] += weight
                acc[2] += weight * value
                acc[4] += 1
                answered_w += weight
                gained += weight * value
                answered_count += 1
                choice = Choice.YES if value == 1.0 else Choice.NO
                budget_answer = (BUDGET_ITEM, weight, value, choice, FITS_BUDGET)

        score, low, high, share = score_bounds(total_w, answered_w, gained)
        unknown.sort(key=_UNKNOWN_ORDER)
        withheld = basis.withheld
        return _made(
            clinic_id=clinic.id,
            name=clinic.name,
            score=score,
            low=low,
            high=high,
            coverage=answered_w / total_w if total_w else 0.0,
            answered=answered_count,
            applicable=answered_count + len(unknown),
            red_flags_seen=basis.seen,
            dealbreakers_seen=basis.dealbreakers_seen,
            dealbreakers_unknown=(*[u[3] for u in unknown if not u[0]], *withheld),
            still_to_ask=tuple([u[3] for u in unknown]),
            cost=cost,
            known_share=share,
            dealbreakers_withheld=withheld,
            currency=clinic.currency,
            budget_left_out=left_out,
            _section_sums=tuple(map(tuple, sections)),
            _section_meta=self._section_meta,
            _answered_given=partial(self._weighed_answers, clinic, budget_answer),
            _unknown_weights=tuple([-u[1] for u in unknown]),
            _unknown_options=tuple([u[4] for u in unknown]),
            _sums=(total_w, answered_w, gained),
        )

    def score_all(self, clinics: Iterable[ClinicAnswers]) -> list[ClinicResult]:
        """Every clinic; the sums kept are those of these clinics only, so none pile up."""
        clinics = list(clinics)
        results = [self.score(clinic) for clinic in clinics]
        if len(self._bases) > len(clinics):
            kept = {id(clinic) for clinic in clinics}
            for key in [k for k in self._bases if k not in kept]:
                del self._bases[key]
        return results


def _made(**values: object) -> ClinicResult:
    """A ClinicResult from every one of its fields, without the frozen class's checks on each
    (a third of the time of scoring a clinic again after a slider move)."""
    result = object.__new__(ClinicResult)
    result.__dict__.update(values)
    return result


def _small_dyadic(weight: float) -> bool:
    """A whole number of 256ths below 256: products and sums of such weights are exact."""
    return 0 <= weight < 256 and weight * 256 % 1 == 0


def _weighed_answers(
    terms: Iterable[tuple[int, float, float | None, bool, str, Choice | None, str]],
    factors: list[float],
    budget: _Answered | None,
) -> tuple[_Answered, ...]:
    """The answers counted, each at its weight under these section weights; the budget last."""
    found: list[_Answered] = [
        (item_id, weight, value, choice, label)
        for index, own, value, dealbreaker, item_id, choice, label in terms
        if value is not None
        and choice is not None
        and ((weight := factors[index] * own) > 0 or dealbreaker)
    ]
    if budget is not None:
        found.append(budget)
    return tuple(found)


_Definite = tuple[tuple[Choice, float], ...]
_Answered = tuple[str, float, float, Choice, str]  # item id, weight, credit, choice, label
_Prepared = tuple[str, int, float, dict[Choice, float | None], bool, bool, str, int]
_CREDITS: dict[Kind, dict[Choice, float | None]] = {
    kind: {o.choice: o.credit for o in options} for kind, options in OPTIONS.items()
}
_DEFINITE: dict[Kind, _Definite] = {
    kind: tuple((o.choice, o.credit) for o in options if o.credit is not None)
    for kind, options in OPTIONS.items()
}


# The answers an open question could get, by number: a clinic's open questions then hold only
# numbers and text, which Python's cycle collector stops walking after one look.
_OPTIONS_OF = list(dict.fromkeys(_DEFINITE.values()))
_OPTION_SETS = {options: n for n, options in enumerate(_OPTIONS_OF)}
_UNKNOWN_ORDER = itemgetter(0, 1, 2)  # dealbreakers first, then the heaviest, then checklist order
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
