"""The budget rule (docs/scoring.md, "The budget"): how a clinic's first-year cost counts.

Kept apart from the scorer because it is a rule of its own: with cost weighted "As usual" the
budget is a tenth of a clinic's total weight (a ninth of the rest), more or less as the cost
slider moves; its credit falls in a straight line from 1 at the budget to 0 at half as much again.
The scorer (kvet.rating.scoring) adds it as one more item, ``BUDGET_ITEM``, in ``BUDGET_SECTION``.
"""

from __future__ import annotations

from dataclasses import dataclass

BUDGET_ITEM = "within_budget"
BUDGET_SECTION = "logistics_cost"
BUDGET_SHARE = 1 / 9
DEFAULT_BUDGET_WEIGHT = 2.0
BUDGET_ZERO_AT = 0.5  # the share over budget at which the budget gives no credit


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
