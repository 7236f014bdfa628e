"""The budget bites in proportion: how far over, and how much cost matters to the user.

The rule is in docs/scoring.md ("The budget"); these tests recompute it from the checklist's own
weights, apart from kvet.rating.scoring, and check what a user sees: the points a clinic loses.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kvet.content.checklist import Checklist, Format, Kind
from kvet.rating.answers import Choice, ClinicAnswers
from kvet.rating.budget import Budget
from kvet.rating.scoring import Weights, score_clinic

COST = "logistics_cost"
A_LOT = 2.0  # the cost slider's factor for "A lot"
SESSIONS_IN_FIRST_YEAR = 6 + 11  # the usual plan: 6 sessions in the first month, then 1 a month


def mixed_answers(checklist: Checklist) -> dict[str, Choice]:
    """Every item answered, every other one well, so the score is neither 0 nor 100."""
    good = {Kind.RED_FLAG: Choice.NOT_SEEN, Kind.PRACTICE: Choice.YES, Kind.QUESTION: Choice.CLEAR}
    bad = {Kind.RED_FLAG: Choice.SEEN, Kind.PRACTICE: Choice.NO, Kind.QUESTION: Choice.REFUSED}
    items = [i for i in checklist.items if i.kind is not Kind.FACT and not i.dealbreaker]
    return {i.id: (good if n % 2 else bad)[i.kind] for n, i in enumerate(items)}


def clinic(checklist: Checklist, price: float, currency: str = "USD") -> ClinicAnswers:
    return ClinicAnswers(
        "c",
        "Harbour Clinic",
        frozenset({Format.IV}),
        mixed_answers(checklist),
        {"price_per_session": price},
        currency,
    )


def weights(checklist: Checklist, budget: float, factor: float, currency: str = "USD") -> Weights:
    usual = checklist.sections_by_id[COST].weight
    return Weights(sections={COST: usual * factor}, budget=Budget(budget, currency=currency))


def items_weight(checklist: Checklist, factor: float) -> float:
    """W0: what the clinic's checklist items weigh in all, summed here from the data."""
    sections = {s.id: s.weight * (factor if s.id == COST else 1) for s in checklist.sections}
    return sum(
        sections[i.section] * i.weight
        for i in checklist.items
        if i.kind is not Kind.FACT and i.applies_to(frozenset({Format.IV}))
    )


@pytest.mark.parametrize(
    ("factor", "over", "credit"),
    [(A_LOT, 0.74, 0.0), (A_LOT, 0.25, 0.5), (1.0, 0.10, 0.8), (1.0, 0.25, 0.5), (0.5, 0.4, 0.2)],
)
def test_points_lost_over_budget_follow_the_documented_rule(
    checklist: Checklist, factor: float, over: float, credit: float
) -> None:
    budget = 10_000.0
    price = budget * (1 + over) / SESSIONS_IN_FIRST_YEAR
    within = score_clinic(checklist, clinic(checklist, 100.0), weights(checklist, budget, factor))
    beyond = score_clinic(checklist, clinic(checklist, price), weights(checklist, budget, factor))
    assert beyond.cost is not None
    assert beyond.cost.first_year_cost == pytest.approx(budget * (1 + over))
    # recomputed another way: the budget's share of the total, times the credit it missed
    w0 = items_weight(checklist, factor)
    budget_weight = w0 * factor / 9
    share = budget_weight / (w0 + budget_weight)
    assert within.score is not None
    assert beyond.score is not None
    assert within.score - beyond.score == pytest.approx(100 * share * (1 - credit))


def test_a_clinic_74_percent_over_budget_with_cost_weighted_a_lot_loses_many_points(
    checklist: Checklist,
) -> None:
    """The issue's case: it used to lose 1 point; it now falls well behind (over 15 points)."""
    budget = 10_000.0
    over_price = budget * 1.74 / SESSIONS_IN_FIRST_YEAR
    fits = score_clinic(checklist, clinic(checklist, 500.0), weights(checklist, budget, A_LOT))
    over = score_clinic(checklist, clinic(checklist, over_price), weights(checklist, budget, A_LOT))
    assert fits.score is not None
    assert over.score is not None
    assert fits.score - over.score > 15
    (mover,) = [m for m in over.movers_down if m.item_id == "within_budget"]
    assert mover.shown <= -8  # "lowered the score by 9 points", not 1


def test_prices_in_another_currency_are_not_held_against_the_budget(
    checklist: Checklist,
) -> None:
    """A clinic priced in pounds is not compared with a budget in dollars, and says so."""
    budget = weights(checklist, 1_000.0, A_LOT, currency="USD")
    in_pounds = score_clinic(checklist, clinic(checklist, 900.0, "GBP"), budget)
    no_budget = score_clinic(
        checklist, clinic(checklist, 900.0, "GBP"), replace(budget, budget=None)
    )
    in_dollars = score_clinic(checklist, clinic(checklist, 900.0, "USD"), budget)
    assert in_pounds.budget_left_out
    assert not in_dollars.budget_left_out
    assert "within_budget" not in {m.item_id for m in in_pounds.movers_down}
    assert in_pounds.score == pytest.approx(no_budget.score)
    assert in_dollars.score is not None
    assert in_pounds.score is not None
    assert in_dollars.score < in_pounds.score
