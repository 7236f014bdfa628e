"""Cost estimates from a clinic's prices and the user's own plan.

Prices differ by clinic and country, so nothing here is a typical figure: every number comes from
what the user recorded for the clinic, and the plan (how many sessions, how often) is editable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PRICE_PER_SESSION = "price_per_session"
CONSULT_FEE = "consult_fee"
INDUCTION_SESSIONS = "induction_sessions"


@dataclass(frozen=True)
class CostPlan:
    """The user's assumptions; defaults follow a common IV schedule and can be changed.

    ``induction_sessions`` is used when the clinic did not say how many sessions its induction has.
    After the induction (``induction_months`` long), ``maintenance_sessions_per_month`` sessions
    follow for the rest of the first year.
    """

    induction_sessions: int = 6
    induction_months: float = 1.0
    maintenance_sessions_per_month: float = 1.0

    def __post_init__(self) -> None:
        if not 0 <= self.induction_sessions <= 100:
            raise ValueError("induction sessions must be between 0 and 100")
        if not 0 <= self.induction_months <= 12:
            raise ValueError("the induction phase must last between 0 and 12 months")
        if not 0 <= self.maintenance_sessions_per_month <= 31:
            raise ValueError("maintenance sessions per month must be between 0 and 31")


@dataclass(frozen=True)
class CostEstimate:
    price_per_session: float
    consult_fee: float
    induction_sessions: int
    induction_cost: float
    maintenance_sessions: float
    first_year_cost: float

    def sentence(self, currency: str = "$") -> str:
        return (
            f"About {currency}{self.induction_cost:,.0f} for the first {self.induction_sessions} "
            f"sessions, and about {currency}{self.first_year_cost:,.0f} for the first year."
        )


def estimate_cost(facts: Mapping[str, float], plan: CostPlan | None = None) -> CostEstimate | None:
    """Estimate induction and first-year cost, or None while the price per session is unknown."""
    plan = plan or CostPlan()
    price = facts.get(PRICE_PER_SESSION)
    if price is None:
        return None
    consult = facts.get(CONSULT_FEE, 0.0)
    sessions_fact = facts.get(INDUCTION_SESSIONS)
    sessions = round(sessions_fact) if sessions_fact is not None else plan.induction_sessions
    induction = consult + sessions * price
    maintenance = plan.maintenance_sessions_per_month * max(0.0, 12 - plan.induction_months)
    return CostEstimate(
        price_per_session=price,
        consult_fee=consult,
        induction_sessions=sessions,
        induction_cost=induction,
        maintenance_sessions=maintenance,
        first_year_cost=induction + maintenance * price,
    )
