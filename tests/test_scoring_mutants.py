"""The score's rules at their edges, each recomputed another way (scripts/mutate.py checks that a
wrong rule fails here: see "Mutation testing" in docs/scoring.md).

Small checklists keep every number checkable by hand: the score counts each open question as
half, its range runs from every open question answered badly to every one answered well.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from kvet.answers import OPTIONS, Choice
from kvet.checklist import Checklist, Kind
from kvet.scoring import (
    Budget,
    ClinicAnswers,
    Scorer,
    Weights,
    budget_credit,
    budget_weight,
    score_bounds,
)
from tests.small_checklists import checklist_of

KINDS = [Kind.RED_FLAG, Kind.PRACTICE, Kind.QUESTION]


def credit(kind: Kind, choice: Choice | None) -> float | None:
    if choice is None:
        return None
    return next(o.credit for o in OPTIONS[kind] if o.choice is choice)


@st.composite
def small_cases(draw: st.DrawFn) -> tuple[Checklist, ClinicAnswers]:
    count = draw(st.integers(1, 4))
    kinds = [draw(st.sampled_from(KINDS)) for _ in range(count)]
    weights = [draw(st.sampled_from([0.0, 1.0, 2.0, 3.0])) for _ in range(count)]
    dealbreakers = set(draw(st.lists(st.integers(0, count - 1), max_size=count)))
    checklist = checklist_of(kinds, weights, dealbreakers)
    answers = {}
    for item in checklist.items:
        choice = draw(st.sampled_from([None, *(o.choice for o in OPTIONS[item.kind])]))
        if choice is not None:
            answers[item.id] = choice
    return checklist, ClinicAnswers("c", "Clinic", answers=answers)


@settings(max_examples=300)
@given(small_cases())
def test_the_score_and_its_range_match_a_count_by_hand_of_every_way_the_answers_could_end(
    case: tuple[Checklist, ClinicAnswers],
) -> None:
    checklist, answers = case
    result = Scorer(checklist, Weights()).score(answers)
    # what counts: every item with weight, and every dealbreaker (whatever its weight)
    counted = [i for i in checklist.items if i.weight > 0 or i.dealbreaker]
    total = sum(i.weight for i in counted)
    known = {i.id: credit(i.kind, answers.answers.get(i.id)) for i in counted}
    open_ids = [i.id for i in counted if known[i.id] is None]
    seen = [i.id for i in checklist.items if answers.answers.get(i.id) is Choice.SEEN]
    assert result.red_flags_seen == tuple(seen)
    assert result.not_recommended == any(i.dealbreaker for i in checklist.items if i.id in seen)
    assert result.applicable == len(counted)
    assert result.answered == len(counted) - len(open_ids)
    assert set(result.still_to_ask) == set(open_ids)
    if total <= 0:
        assert result.score is None
        assert (result.low, result.high) == (0.0, 100.0)
        return
    weight = {i.id: i.weight for i in counted}
    answered = sum(weight[k] for k, v in known.items() if v is not None)
    gained = sum(weight[k] * v for k, v in known.items() if v is not None)
    half = 100 * (gained + 0.5 * (total - answered)) / total
    assert result.score is not None
    assert abs(result.score - half) < 1e-9
    assert abs(result.coverage - answered / total) < 1e-12
    finals = [
        100 * (gained + sum(weight[k] * c for k, c in zip(open_ids, picked, strict=True))) / total
        for picked in itertools.product([0.0, 1.0], repeat=len(open_ids))
    ]
    assert abs(result.low - min(finals)) < 1e-9
    assert abs(result.high - max(finals)) < 1e-9
    if answered > 0:
        assert result.known_share is not None
        assert abs(result.known_share - 100 * gained / answered) < 1e-9
    else:
        assert result.known_share is None


def test_no_weight_at_all_gives_no_score_and_the_full_range() -> None:
    assert score_bounds(0.0, 0.0, 0.0) == (None, 0.0, 100.0, None)
    assert score_bounds(1.0, 0.0, 0.0) == (50.0, 0.0, 100.0, None)
    assert score_bounds(2.0, 1.0, 1.0) == (75.0, 50.0, 100.0, 100.0)


def test_the_budget_gives_full_credit_up_to_it_and_none_from_half_as_much_again() -> None:
    assert budget_credit(1000, 1000) == 1.0
    assert budget_credit(999, 1000) == 1.0
    assert budget_credit(1250, 1000) == 0.5
    assert budget_credit(1500, 1000) == 0.0
    assert budget_credit(1400, 1000) == 1.0 - 0.4 / 0.5
    assert budget_credit(1, 0) == 0.0
    assert budget_credit(0, 0) == 1.0


def test_the_budget_weighs_a_ninth_of_the_rest_as_usual() -> None:
    assert budget_weight(9.0, 1.0, Budget(1000)) == 1.0
    assert budget_weight(9.0, 2.0, Budget(1000, weight=1.0)) == 1.0
    assert budget_weight(18.0, 1.0, Budget(1000, weight=4.0)) == 4.0
