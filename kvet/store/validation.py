"""What the store accepts: limits, and turning user input into stored values.

Helpers of ``kvet.store.api``; every check raises ``InvalidValueError`` with a message fit to
show the user, before anything is written.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, TypeGuard

from kvet.content.checklist import Format, Item
from kvet.rating import money
from kvet.rating.answers import OPTIONS, Choice, Origin
from kvet.rating.budget import Budget
from kvet.rating.costs import CostPlan
from kvet.rating.scoring import Weights
from kvet.store.errors import InvalidValueError
from kvet.text.errors import Words

MAX_NAME = 200


MAX_PERSON_NAME = 100


# Clinic fields with a shorter limit than free text (the database columns, and the file format).
FIELD_LIMITS = {"phone": 100, "website": 500}


MAX_TEXT = 20_000


MAX_KEY = 64


MAX_NUMBER = 1_000_000_000


# Upper bounds for facts, by unit: anything above is a typing mistake, not a price.
FACT_LIMITS: dict[str, float] = {"USD": 1_000_000, "sessions": 1_000, "minutes": 10_000}


MAX_WEIGHT = 10.0


# The cost plan's own limits (see ``kvet.rating.costs.CostPlan``), for files and typed values alike.
PLAN_LIMITS = {
    "induction_sessions": 100,
    "induction_months": 12,
    "maintenance_sessions_per_month": 31,
}


# NUL ends a text in many programs, and half of a surrogate pair is not a character at all:
# SQLite and every file format kvet writes would fail on it later, far from where it came in.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable(value: str) -> bool:
    return _UNSTORABLE.search(value) is not None


def _visible(value: str) -> bool:
    """A name of only control or formatting characters would show as nothing at all."""
    return any(unicodedata.category(ch)[0] not in "CZ" for ch in value)


def thing(what: str) -> Words:
    """What a typed value is for ("clinic", "dose note"), as words: the code ``what.<name>``."""
    return Words("what." + what.replace(" ", "-"))


def clean_name(value: object, what: str, limit: int = MAX_NAME) -> str:
    if not isinstance(value, str):
        raise InvalidValueError("value.name-not-text", what=thing(what))
    if unstorable(value):
        raise InvalidValueError("value.name-unstorable", what=thing(what))
    value = " ".join(value.split())
    if not value or not _visible(value):
        raise InvalidValueError("value.name-missing", what=thing(what))
    if len(value) > limit:
        raise InvalidValueError("value.name-too-long", what=thing(what), limit=limit)
    return value


def clean_text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidValueError("value.not-text", what=thing(what))
    if len(value) > MAX_TEXT:
        raise InvalidValueError("value.too-long", what=thing(what), limit=f"{MAX_TEXT:,}")
    if unstorable(value):
        raise InvalidValueError("value.unstorable", what=thing(what))
    return value


def _finite(value: object) -> float | None:
    """The value as a float, or None when it is not a number kvet can use (10**400 included)."""
    if not _is_number(value):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _clean_weight(value: object, what: str) -> float:
    number = _finite(value)
    if number is None:
        raise InvalidValueError("value.weight", what=what)
    if not 0 <= number <= MAX_WEIGHT:
        raise InvalidValueError("value.weight", what=what)
    return number


def clean_formats(value: object) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidValueError("value.formats-not-list")
    try:
        return sorted({Format(f).value for f in value})
    except ValueError:
        known = ", ".join(f.value for f in Format)
        raise InvalidValueError("value.unknown-format", known=known) from None


def stored_choice(value: str | None) -> Choice | None:
    known = Choice._value2member_map_.get(value) if value else None
    return known if isinstance(known, Choice) else None


def stored_origin(value: str) -> Origin:
    known = Origin._value2member_map_.get(value)
    return known if isinstance(known, Origin) else Origin.PHONE


def clean_origin(origin: object) -> Origin:
    try:
        return Origin(str(origin))
    except ValueError:
        known = ", ".join(o.value for o in Origin)
        raise InvalidValueError("value.unknown-origin", known=known) from None


def fitting_choice(item: Item, choice: object) -> Choice:
    allowed = [o.choice for o in OPTIONS[item.kind]]
    try:
        value = Choice(choice) if isinstance(choice, str) else None
    except ValueError:
        value = None
    if value is None or value not in allowed:
        shown = repr(choice.value if isinstance(choice, Choice) else choice)
        if not allowed:
            raise InvalidValueError("value.takes-number", item=item.statement, choice=shown)
        takes = ", ".join(c.value for c in allowed)
        raise InvalidValueError(
            "value.takes-choice", item=item.statement, takes=takes, choice=shown
        )
    return value


def clean_fact(item: Item, number: object) -> float:
    limit = FACT_LIMITS.get(item.unit, MAX_NUMBER)
    refused = InvalidValueError(
        "value.fact-range", item=item.statement, limit=f"{limit:,.0f}", unit=item.unit
    )
    try:
        value = float(number) if _is_number(number) else float(str(number).strip())
    except OverflowError:
        raise refused from None
    except ValueError:  # not a number, or an integer too long to even turn into text
        raise InvalidValueError(
            "value.fact-not-number", item=item.statement, limit=f"{limit:,.0f}"
        ) from None
    if not math.isfinite(value) or not 0 <= value <= limit:
        raise InvalidValueError(
            "value.fact-out-of-range",
            item=item.statement,
            limit=f"{limit:,.0f}",
            unit=item.unit,
            value=f"{value:g}",
        )
    return value


def check_weights(weights: Weights) -> Weights:
    """Refuse weights that make no sense, before they are stored."""
    for key, value in weights.sections.items():
        _clean_weight(value, f"section {key!r}")
    for key, value in weights.items.items():
        _clean_weight(value, f"item {key!r}")
    for key, value in weights.dealbreakers.items():
        if not isinstance(value, bool):
            raise InvalidValueError("value.dealbreaker-yes-no", key=key)
    budget = weights.budget
    if budget is not None:
        first_year = _finite(budget.first_year)
        if first_year is None or not 0 <= first_year <= MAX_NUMBER:
            raise InvalidValueError("value.budget-range", limit=f"{MAX_NUMBER:,}")
        _clean_weight(budget.weight, "the budget")
        if budget.currency not in money.CODES:
            raise InvalidValueError("value.budget-currency")
    _check_plan(weights.cost_plan)
    return weights


def _check_plan(plan: CostPlan) -> None:
    """The plan checks its own ranges; a value that is not a number at all is refused here."""
    for name, limit in PLAN_LIMITS.items():
        value = _finite(getattr(plan, name))
        if value is None or not 0 <= value <= limit:
            raise InvalidValueError("value.cost-plan", what=name.replace("_", " "), limit=limit)


def weights_to_dict(weights: Weights) -> dict[str, Any]:
    plan = weights.cost_plan
    return {
        "sections": {str(k): float(v) for k, v in weights.sections.items()},
        "items": {str(k): float(v) for k, v in weights.items.items()},
        "dealbreakers": {str(k): bool(v) for k, v in weights.dealbreakers.items()},
        "budget": None
        if weights.budget is None
        else {
            "first_year": weights.budget.first_year,
            "weight": weights.budget.weight,
            "scored": weights.budget.scored,
            "currency": weights.budget.currency,
        },
        "cost_plan": {
            "induction_sessions": plan.induction_sessions,
            "induction_months": plan.induction_months,
            "maintenance_sessions_per_month": plan.maintenance_sessions_per_month,
        },
    }


def weights_from_dict(data: Mapping[str, Any]) -> Weights:
    """Lenient on read: a value that does not make sense falls back to the default."""

    def numbers(key: str) -> dict[str, float]:
        raw = data.get(key)
        if not isinstance(raw, Mapping):
            return {}
        return {
            str(k): float(v)
            for k, v in raw.items()
            if _is_number(v) and 0 <= v <= MAX_WEIGHT  # NaN fails the comparison too
        }

    raw_dealbreakers = data.get("dealbreakers")
    dealbreakers = (
        {str(k): v for k, v in raw_dealbreakers.items() if isinstance(v, bool)}
        if isinstance(raw_dealbreakers, Mapping)
        else {}
    )
    budget = None
    raw_budget = data.get("budget")
    if isinstance(raw_budget, Mapping):
        first_year = raw_budget.get("first_year")
        weight = raw_budget.get("weight", 2.0)
        if _is_number(first_year) and 0 <= first_year <= MAX_NUMBER:
            budget = Budget(
                float(first_year),
                float(weight) if _is_number(weight) and 0 <= weight <= MAX_WEIGHT else 2.0,
                bool(raw_budget.get("scored", True)),
                # a budget saved before currencies were kept was in US dollars
                currency=str(raw_budget.get("currency", money.DEFAULT)),
            )
            if budget.currency not in money.CODES:
                budget = replace(budget, currency=money.DEFAULT)
    plan = CostPlan()
    raw_plan = data.get("cost_plan")
    if isinstance(raw_plan, Mapping):
        try:
            plan = replace(
                plan,
                **{
                    k: v
                    for k, v in raw_plan.items()
                    if k
                    in {"induction_sessions", "induction_months", "maintenance_sessions_per_month"}
                },
            )
        except (TypeError, ValueError):
            plan = CostPlan()
    return Weights(numbers("sections"), numbers("items"), dealbreakers, budget, plan)
