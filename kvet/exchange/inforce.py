"""The weights, dealbreakers, budget and cost plan a report's scores were made with.

A printed ranking is only as good as the weights behind it, and a reader (a doctor, a relative)
cannot see the user's sliders: so the report names them, and says whether they are still kvet's
suggestions or the user's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kvet.content.checklist import Checklist, Kind
from kvet.rating.money import money
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Weights

# The cost slider's positions and their words, as on the What matters to you page.
LEVELS = ((0.0, "not_at_all"), (0.5, "a_little"), (1.0, "as_usual"), (1.5, "more"), (2.0, "a_lot"))


def weights_changed(checklist: Checklist, weights: Weights) -> bool:
    """True once any section, question or dealbreaker differs from the checklist's own."""
    sections = any(
        abs(weights.sections.get(s.id, s.weight) - s.weight) > 1e-9 for s in checklist.sections
    )
    items = checklist.items_by_id
    questions = any(
        i in items and abs(w - items[i].weight) > 1e-9 for i, w in weights.items.items()
    )
    dealbreakers = any(
        i in items and items[i].kind is Kind.RED_FLAG and chosen != items[i].dealbreaker
        for i, chosen in weights.dealbreakers.items()
    )
    return sections or questions or dealbreakers


def level_key(usual: float, chosen: float) -> str:
    """The slider word nearest the chosen section weight ("as_usual" for the default)."""
    factor = chosen / usual if usual else 1.0
    return min(LEVELS, key=lambda level: abs(level[0] - factor))[1]


def in_force_section(
    checklist: Checklist,
    weights: Weights,
    results: Iterable[ClinicResult],
    say: Callable[[str], str],
    _e: Callable[[str], str],
) -> list[str]:
    """The report's "The weights and budget used" part, as HTML; ``say`` gives the printout's
    words of the part, ``_e`` escapes text for HTML."""
    out = [f"<h2>{_e(say('title'))}</h2>"]
    changed = weights_changed(checklist, weights)
    out.append(f"<p>{_e(say('changed' if changed else 'suggested'))}</p><ul>")
    for s in checklist.sections:
        level = say(level_key(s.weight, weights.sections.get(s.id, s.weight)))
        out.append(f"<li>{_e(say('section').format(section=s.title, level=level))}</li>")
    out.append("</ul>")
    items = checklist.items_by_id
    questions = [
        i for i, w in weights.items.items() if i in items and abs(w - items[i].weight) > 1e-9
    ]
    if questions:
        out.append(f"<p>{_e(say('items_changed').format(count=len(questions)))}</p>")
    for item_id, chosen in weights.dealbreakers.items():
        item = items.get(item_id)
        if item is None or item.kind is not Kind.RED_FLAG or chosen == item.dealbreaker:
            continue
        key = "dealbreaker_added" if chosen else "dealbreaker_removed"
        out.append(f"<p>{_e(say(key).format(statement=item.statement))}</p>")
    budget = weights.budget
    if budget is not None and budget.scored and budget.weight > 0:
        amount = money(budget.first_year, budget.currency)
        out.append(f"<p>{_e(say('budget').format(amount=amount))}</p>")
        left_out = [r.name for r in results if r.budget_left_out]
        if left_out:
            out.append(f"<p>{_e(say('left_out').format(clinics=', '.join(left_out)))}</p>")
    else:
        out.append(f"<p>{_e(say('no_budget'))}</p>")
    plan = weights.cost_plan
    sentence = say("cost_plan").format(
        sessions=plan.induction_sessions, per_month=f"{plan.maintenance_sessions_per_month:g}"
    )
    out.append(f"<p>{_e(sentence)}</p>")
    return out
