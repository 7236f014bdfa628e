"""Issue 26: a weight slider re-weighs what each clinic's answers were read as, instead of reading
every answer again; what the user sees must not change by a digit.

Each example moves the weights several times in a row (sections, single questions, dealbreakers,
the budget and the cost plan), keeping the scorer's reading of the answers from move to move as the
window does, and compares every number and ranking with a scoring from nothing.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kvet.content.checklist import Checklist, Format, Kind, load_checklist
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers, credit
from kvet.rating.budget import BUDGET_SECTION, Budget, budget_credit, budget_weight
from kvet.rating.costs import CostPlan, estimate_cost
from kvet.rating.ranking import DECISIVE_LIMIT, Ranking, rank
from kvet.rating.scorebasis import OPTIONS_OF
from kvet.rating.scorebounds import score_bounds
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Scorer, Weights

CHECKLIST = load_checklist()
ASKED = [i for i in CHECKLIST.items if i.kind is not Kind.FACT]
# the sliders' factors, and weights typed for one question, some not a whole number of 256ths
SECTION_FACTORS = (0.0, 0.5, 1.0, 1.5, 2.0)
ITEM_WEIGHTS = (0.0, 0.3, 1.0, 2.5, 4.0, 7.1)


@st.composite
def clinics(draw: st.DrawFn) -> list[ClinicAnswers]:
    found = []
    for n in range(draw(st.integers(1, 6))):
        answers = {
            item.id: draw(st.sampled_from([o.choice for o in OPTIONS[item.kind]]))
            for item in draw(st.lists(st.sampled_from(ASKED), unique=True, max_size=len(ASKED)))
        }
        facts = draw(
            st.sampled_from([{}, {"price_per_session": 400.0}, {"price_per_session": 950.0}])
        )
        formats = frozenset(draw(st.lists(st.sampled_from(list(Format)), max_size=2)))
        currency = draw(st.sampled_from(["USD", "USD", "EUR"]))
        found.append(ClinicAnswers(f"c{n}", f"Clinic {n}", formats, answers, facts, currency))
    return found


@st.composite
def weights(draw: st.DrawFn) -> Weights:
    sections = {
        s.id: draw(st.sampled_from(SECTION_FACTORS)) * s.weight
        for s in CHECKLIST.sections
        if draw(st.booleans())
    }
    some = st.lists(st.sampled_from(ASKED), max_size=4, unique=True)
    items = {i.id: draw(st.sampled_from(ITEM_WEIGHTS)) for i in draw(some)}
    flags = [i for i in ASKED if i.kind is Kind.RED_FLAG]
    dealbreakers = {
        i.id: draw(st.booleans()) for i in draw(st.lists(st.sampled_from(flags), max_size=3))
    }
    budget = draw(
        st.one_of(
            st.none(),
            st.builds(
                Budget,
                st.sampled_from([3000.0, 6000.0, 12000.0]),
                st.sampled_from([0.0, 1.0, 2.0, 4.0]),
                st.booleans(),
            ),
        )
    )
    plan = draw(st.sampled_from([CostPlan(), CostPlan(induction_sessions=8)]))
    return Weights(sections, items, dealbreakers, budget, plan)


def everything_shown(result: ClinicResult) -> dict[str, Any]:
    """Every field and explanation a view can show or a ranking can use."""
    shown = {f.name: getattr(result, f.name) for f in dataclasses.fields(result) if f.compare}
    shown.update(
        sums=result.sums,
        sections=result.sections,
        movers=(result.movers_up, result.movers_down),
        swings=result.swings,
        unknowns=list(result.unknowns()),
        summary=result.summary(),
    )
    return shown


def placed(ranking: Ranking) -> list[Any]:
    return [(p.rank, p.settled, everything_shown(p.result)) for p in ranking.places] + [
        ranking.decisive
    ]


def added_up_answer_by_answer(
    weights: Weights, clinic: ClinicAnswers
) -> tuple[tuple[float, float, float], dict[str, tuple[float, float, float]]]:
    """The sums a score is made of, item by item in checklist order, as docs/scoring.md
    describes them: total weight, answered weight and credit gained, overall and per section."""
    total = answered = gained = 0.0
    sections = {s.id: [0.0, 0.0, 0.0] for s in CHECKLIST.sections}
    for item in ASKED:
        weight = weights.item_weight(CHECKLIST, item)
        if not item.applies_to(clinic.formats):
            continue
        if weight <= 0 and not weights.is_dealbreaker(item):
            continue
        value = credit(item.kind, clinic.answers.get(item.id))
        acc = sections[item.section]
        acc[0] += weight
        total += weight
        if value is not None:
            acc[1] += weight
            acc[2] += weight * value
            answered += weight
            gained += weight * value
    budget = weights.budget
    usual = CHECKLIST.sections_by_id[BUDGET_SECTION].weight
    factor = max(0.0, weights.sections.get(BUDGET_SECTION, usual)) / usual
    cost = estimate_cost(clinic.facts, weights.cost_plan)
    if budget and budget.scored and budget.weight > 0 and clinic.currency == budget.currency:
        extra = budget_weight(total, factor, budget)
        if extra > 0:
            sections[BUDGET_SECTION][0] += extra
            total += extra
            if cost is not None:
                value = budget_credit(cost.first_year_cost, budget.first_year)
                sections[BUDGET_SECTION][1] += extra
                sections[BUDGET_SECTION][2] += extra * value
                answered += extra
                gained += extra * value
    return (total, answered, gained), {k: (a, b, c) for k, (a, b, c) in sections.items()}


def counted_answer_by_answer(weights: Weights, clinic: ClinicAnswers) -> dict[str, tuple[int, int]]:
    """Per section, the questions that count (a weight, or a dealbreaker) and those answered,
    as "12 of 14 answered" shows them; the price counts in its section when the budget does."""
    counts = {s.id: [0, 0] for s in CHECKLIST.sections}
    for item in ASKED:
        weight = weights.item_weight(CHECKLIST, item)
        if not item.applies_to(clinic.formats) or (
            weight <= 0 and not weights.is_dealbreaker(item)
        ):
            continue
        counts[item.section][0] += 1
        counts[item.section][1] += credit(item.kind, clinic.answers.get(item.id)) is not None
    sums, _sections = added_up_answer_by_answer(weights, clinic)
    plain, _ = added_up_answer_by_answer(replace(weights, budget=None), clinic)
    if sums[0] != plain[0]:  # the budget added a weight: the price is one more question
        counts[BUDGET_SECTION][0] += 1
        counts[BUDGET_SECTION][1] += sums[1] != plain[1]
    return {k: (a, b) for k, (a, b) in counts.items()}


@settings(max_examples=120)
@given(clinics(), st.lists(weights(), min_size=1, max_size=5))
def test_moving_weights_again_and_again_shows_what_a_fresh_scoring_shows(
    compared: list[ClinicAnswers], moves: list[Weights]
) -> None:
    kept = Scorer(CHECKLIST, Weights())
    kept.score_all(compared)
    for moved in moves:
        kept = Scorer(CHECKLIST, moved, reuse=kept)
        again = kept.score_all(compared)
        fresh = Scorer(CHECKLIST, moved).score_all(compared)
        assert [everything_shown(r) for r in again] == [everything_shown(r) for r in fresh]
        assert placed(rank(again)) == placed(rank(fresh))
        for clinic, result in zip(compared, again, strict=True):
            counted = counted_answer_by_answer(moved, clinic)
            assert {s.section_id: (s.applicable, s.answered) for s in result.sections} == counted
            assert (result.applicable, result.answered) == tuple(
                map(sum, zip(*counted.values(), strict=True))
            )
            sums, per_section = added_up_answer_by_answer(moved, clinic)
            assert result.sums == sums  # to the last digit
            assert (result.score, result.low, result.high) == score_bounds(*sums)[:3]
            for section in result.sections:
                low, high = score_bounds(*per_section[section.section_id])[1:3]
                assert (section.low, section.high) == (low, high)


class CountedAnswers(Mapping[str, Choice]):
    """A clinic's answers that count how often one is looked up."""

    looked_up = 0

    def __init__(self, answers: dict[str, Choice]) -> None:
        self._answers = answers

    def __getitem__(self, key: str) -> Choice:
        CountedAnswers.looked_up += 1
        return self._answers[key]

    def get(self, key: str, default: Any = None) -> Any:
        CountedAnswers.looked_up += 1
        return self._answers.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._answers)

    def __len__(self) -> int:
        return len(self._answers)


@pytest.fixture
def checklist() -> Checklist:
    return CHECKLIST


def test_a_weight_move_reads_no_answer_again(checklist: Checklist) -> None:
    """Moving a slider re-weighs; the answers of 50 clinics are not looked up again."""
    compared = [
        ClinicAnswers(
            f"c{n}",
            f"Clinic {n}",
            answers=CountedAnswers(
                {i.id: OPTIONS[i.kind][n % len(OPTIONS[i.kind])].choice for i in ASKED[:30]}
            ),
        )
        for n in range(50)
    ]
    first = Scorer(checklist, Weights())
    before = first.score_all(compared)
    assert CountedAnswers.looked_up > 0
    CountedAnswers.looked_up = 0

    moved = Scorer(checklist, Weights(sections={"logistics_cost": 0.0}), reuse=first)
    after = moved.score_all(compared)

    assert CountedAnswers.looked_up == 0
    assert [r.score for r in after] != [r.score for r in before]  # the move did change scores
    # and a question's own weight changes what an answer is worth: read again
    Scorer(checklist, Weights(items={ASKED[0].id: 2.0}), reuse=moved).score_all(compared)
    assert CountedAnswers.looked_up > 0


class LookedUp(list[Any]):
    """The answers an open question could get, by number, counting each look-up: one for
    every open question put on a clinic's list of questions still to ask."""

    looked = 0

    def __getitem__(self, index: Any) -> Any:
        LookedUp.looked += 1
        return super().__getitem__(index)


def test_a_weight_move_sorts_out_the_open_questions_of_only_a_few_of_200_clinics(
    checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 26: after a slider move every clinic is weighed again, but its list of questions
    still to ask (which needs sorting by the new weights) is made only when someone reads it:
    the decisive questions read it of the few clinics whose questions could make their short
    list, though with the first clinic's dealbreaker still open every clinic could pass it."""
    rng = random.Random(26)
    compared = [
        ClinicAnswers(
            f"c{n}",
            f"Clinic {n}",
            frozenset(rng.sample(list(Format), rng.randint(1, 3))),
            {i.id: rng.choice(OPTIONS[i.kind]).choice for i in ASKED if rng.random() < 0.9},
            {"price_per_session": rng.uniform(300, 900)},
        )
        for n in range(200)
    ]
    first = Scorer(checklist)
    rank(first.score_all(compared))
    looked = LookedUp(OPTIONS_OF)
    monkeypatch.setattr("kvet.rating.scoring.OPTIONS_OF", looked)
    LookedUp.looked = 0

    moved = Scorer(checklist, Weights(sections={"logistics_cost": 0.5}), reuse=first)
    ranking = rank(moved.score_all(compared))
    sorted_out = LookedUp.looked

    assert ranking.places[0].result.dealbreakers_unknown  # every clinic is a contender
    assert len(ranking.decisive) == DECISIVE_LIMIT
    still_open = sum(len(p.result.still_to_ask) for p in ranking.places)
    assert still_open > 2000
    assert sorted_out <= still_open / 5  # was every one of them, at every move


def test_a_section_weighed_at_nothing_has_no_score_of_its_own(checklist: Checklist) -> None:
    """A section the user weighs at "Not at all" still counts its dealbreakers (for safety),
    but at no weight: its line in the overview says it is not scored, even once those
    dealbreakers are answered, whichever way the sums were kept."""
    flags = [i for i in ASKED if i.kind is Kind.RED_FLAG and i.dealbreaker and not i.formats]
    clinic = ClinicAnswers("c", "Clinic", answers={i.id: Choice.NOT_SEEN for i in flags})
    section = flags[0].section
    for weights in (Weights(sections={section: 0.0}), Weights({section: 0.0}, {ASKED[0].id: 0.3})):
        result = Scorer(checklist, weights).score(clinic)
        (shown,) = [s for s in result.sections if s.section_id == section]
        assert shown.answered == len([i for i in flags if i.section == section]) > 0
        assert shown.score is None
        assert (shown.low, shown.high) == (0.0, 100.0)
