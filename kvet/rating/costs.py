"""Cost estimates from a clinic's prices and the user's own plan.

Prices differ by clinic and country, so nothing here is a typical figure: every number comes from
what the user recorded for the clinic, and the plan (how many sessions, how often) is editable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from kvet.rating.money import money

PRICE_PER_SESSION = "price_per_session"
CONSULT_FEE = "consult_fee"
INDUCTION_SESSIONS = "induction_sessions"

# The cost sentences in English; kvet/gui/words/verdictwords.py marks the same templates and passes
# ``say`` to show them in the window's language.
# One first-year figure, with the plan it assumes (the Cost part of What matters to you).
ABOUT = (
    "About {induction} for the first {sessions} sessions. About {year} for the first year, "
    "if {later} more sessions follow, {per_month} a month (your cost plan in What matters to you)."
)
CLINICS_NUMBER = "the clinic's number"
USUAL_NUMBER = "the usual number"
# The first phase only: the one first-year figure is the plan's (ABOUT), so two figures from
# different assumptions never stand side by side.
BY_SCHEDULE = "{title}: about {first} for the first {sessions} sessions ({whose}), {later}."
TRAVEL = "Travel: about {hours} hours there and back for the first {sessions} sessions ({title})."


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
    maintenance_per_month: float = 1.0

    def sentence(self, currency: str = "USD", say: Callable[[str], str] = str) -> str:
        return say(ABOUT).format(
            induction=money(self.induction_cost, currency),
            sessions=self.induction_sessions,
            year=money(self.first_year_cost, currency),
            later=f"{self.maintenance_sessions:g}",
            per_month=f"{self.maintenance_per_month:g}",
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
        maintenance_per_month=plan.maintenance_sessions_per_month,
    )


# --- cost by treatment schedule -----------------------------------------------------------------
#
# The usual schedules, from the checklist's sources: IV ketamine commonly starts with about six
# infusions over two to three weeks, then one every two to six weeks (COST-IV-d). Esketamine
# starts with two sessions a week for four weeks, then weekly for four weeks, then every one to
# two weeks (the US label, DOSE). Later sessions vary, so the first year is given as a range. The
# clinic's own number of first-phase sessions replaces the usual one when the user recorded it.

WEEKS_PER_YEAR = 52.0
TRAVEL_MINUTES = "travel_minutes"


@dataclass(frozen=True)
class Schedule:
    title: str
    first_phase_sessions: int
    first_phase_weeks: float
    later_per_year_low: int  # sessions in the rest of the first year, least frequent
    later_per_year_high: int  # most frequent
    later_words: str
    sources: tuple[str, ...]


IV_SCHEDULE = Schedule(
    "IV ketamine",
    6,
    2.5,
    later_per_year_low=round((WEEKS_PER_YEAR - 2.5) / 6),
    later_per_year_high=round((WEEKS_PER_YEAR - 2.5) / 2),
    later_words="then one every 2 to 6 weeks",
    sources=("COST-IV-d",),
)
ESKETAMINE_SCHEDULE = Schedule(
    "Esketamine",
    8,
    4.0,
    # weeks 5-8 weekly (4), then every 2 weeks or weekly for the rest of the year
    later_per_year_low=4 + round((WEEKS_PER_YEAR - 8) / 2),
    later_per_year_high=4 + round(WEEKS_PER_YEAR - 8),
    later_words="then weekly for 4 weeks, then every 1 to 2 weeks",
    sources=("DOSE",),
)
SCHEDULES = {"iv": IV_SCHEDULE, "esketamine": ESKETAMINE_SCHEDULE}
SENTENCES = (
    ABOUT,
    CLINICS_NUMBER,
    USUAL_NUMBER,
    BY_SCHEDULE,
    TRAVEL,
    *(words for s in SCHEDULES.values() for words in (s.title, s.later_words)),
)


@dataclass(frozen=True)
class ScheduleCost:
    schedule: Schedule
    first_phase_sessions: int
    from_clinic: bool  # the clinic's own number of first-phase sessions was used
    first_phase_cost: float
    first_year_low: float
    first_year_high: float

    def sentence(self, currency: str = "USD", say: Callable[[str], str] = str) -> str:
        whose = say(CLINICS_NUMBER if self.from_clinic else USUAL_NUMBER)
        return say(BY_SCHEDULE).format(
            title=say(self.schedule.title),
            first=money(self.first_phase_cost, currency),
            sessions=self.first_phase_sessions,
            whose=whose,
            later=say(self.schedule.later_words),
        )


def cost_by_schedule(facts: Mapping[str, float], formats: Iterable[str]) -> list[ScheduleCost]:
    """One estimate per offered format with a known schedule; none while the price is unknown.

    Formats without a standard schedule (IM, oral) are left out: kvet does not guess one.
    """
    price = facts.get(PRICE_PER_SESSION)
    if price is None:
        return []
    consult = facts.get(CONSULT_FEE, 0.0)
    own = facts.get(INDUCTION_SESSIONS)
    found = []
    for fmt in sorted({str(getattr(f, "value", f)) for f in formats}):
        schedule = SCHEDULES.get(fmt)
        if schedule is None:
            continue
        sessions = round(own) if own is not None else schedule.first_phase_sessions
        first = consult + sessions * price
        found.append(
            ScheduleCost(
                schedule,
                sessions,
                own is not None,
                first,
                first + schedule.later_per_year_low * price,
                first + schedule.later_per_year_high * price,
            )
        )
    return found


def travel_hours(facts: Mapping[str, float], sessions: int) -> float | None:
    """Hours spent travelling, there and back, for ``sessions`` visits; None if not recorded.

    The one-way time is recorded per clinic; at first visits can be twice a week, so the total
    is often the surprise, not the single trip.
    """
    minutes = facts.get(TRAVEL_MINUTES)
    if minutes is None:
        return None
    return 2 * minutes * sessions / 60


def schedule_summary(
    facts: Mapping[str, float],
    formats: Iterable[str],
    say: Callable[[str], str] = str,
    currency: str = "USD",
) -> list[str]:
    """Plain sentences for the overview and the report: cost by schedule, then travel time."""
    costs = cost_by_schedule(facts, formats)
    lines = [c.sentence(currency, say) for c in costs]
    for c in costs:
        hours = travel_hours(facts, c.first_phase_sessions)
        if hours is not None:
            lines.append(
                say(TRAVEL).format(
                    hours=f"{hours:,.1f}",
                    sessions=c.first_phase_sessions,
                    title=say(c.schedule.title),
                )
            )
    return lines
