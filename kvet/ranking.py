"""Ranking clinics, telling which places are settled, and what to ask next.

A place is *settled* when no answer still to come could swap it with another clinic. The list of
decisive questions turns "22 open questions" into "ask clinic B about its emergency plan first".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kvet.checklist import Checklist
from kvet.scoring import ClinicResult


@dataclass(frozen=True)
class Place:
    rank: int
    result: ClinicResult
    settled: bool


@dataclass(frozen=True)
class DecisiveQuestion:
    clinic_id: str
    clinic_name: str
    item_id: str
    swing: float  # how many points this one answer could move the clinic's final score
    could_rule_out: bool  # an unanswered dealbreaker red flag

    def sentence(self, checklist: Checklist) -> str:
        item = checklist.items_by_id.get(self.item_id)
        what = item.statement if item else self.item_id
        if self.could_rule_out:
            return f"Ask {self.clinic_name}: “{what}” This could rule the clinic out."
        return (
            f"Ask {self.clinic_name}: “{what}” "
            f"This could move its score by {self.swing:.0f} points."
        )


@dataclass(frozen=True)
class Ranking:
    places: tuple[Place, ...]
    decisive: tuple[DecisiveQuestion, ...]

    @property
    def top_settled(self) -> bool:
        return bool(self.places) and self.places[0].settled


def _sort_key(result: ClinicResult) -> tuple[bool, bool, float, float, str, str]:
    return (
        result.not_recommended,
        result.score is None,
        -(result.score or 0.0),
        -result.high,
        result.name.casefold(),
        result.clinic_id,
    )


def could_overtake(lower: ClinicResult, upper: ClinicResult) -> bool:
    """Whether answers still to come could put ``lower`` above ``upper``.

    Deliberately cautious: when in doubt the place is shown as "could still change".
    """
    lower_can_be_ok = not lower.not_recommended
    upper_can_be_ruled_out = upper.not_recommended or bool(upper.dealbreakers_unknown)
    if lower_can_be_ok and upper_can_be_ruled_out:
        return True
    lower_can_be_ruled_out = lower.not_recommended or bool(lower.dealbreakers_unknown)
    same_status_possible = (lower_can_be_ok and not upper.not_recommended) or (
        lower_can_be_ruled_out and upper_can_be_ruled_out
    )
    return same_status_possible and lower.high > upper.low


def rank(results: Iterable[ClinicResult]) -> Ranking:
    ordered = sorted(results, key=_sort_key)
    places = []
    for index, result in enumerate(ordered):
        settled = not any(
            could_overtake(other, result) for other in ordered[index + 1 :]
        ) and not any(could_overtake(result, other) for other in ordered[:index])
        places.append(Place(index + 1, result, settled))
    return Ranking(tuple(places), _decisive_questions(ordered))


def _decisive_questions(ordered: list[ClinicResult]) -> tuple[DecisiveQuestion, ...]:
    """Unanswered items of the clinics still in the running for first place, most decisive first."""
    if len(ordered) < 2:
        contenders = ordered
    else:
        top = ordered[0]
        contenders = [top, *(r for r in ordered[1:] if could_overtake(r, top))]
        if len(contenders) == 1:
            return ()
    questions: list[tuple[tuple[bool, float, int, str], DecisiveQuestion]] = []
    for position, result in enumerate(contenders):
        for item_id in result.still_to_ask:
            rules_out = item_id in result.dealbreakers_unknown
            swing = result.swings.get(item_id, 0.0)
            question = DecisiveQuestion(result.clinic_id, result.name, item_id, swing, rules_out)
            questions.append(((not rules_out, -swing, position, item_id), question))
    questions.sort(key=lambda pair: pair[0])
    return tuple(q for _, q in questions)
