"""Ranking clinics, telling which places are settled, and what to ask next.

A place is *settled* when no answer still to come could swap it with another clinic. The list of
decisive questions turns "22 open questions" into "ask clinic B about its emergency plan first".
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from kvet.checklist import Checklist
from kvet.scoring import ClinicResult

DECISIVE_LIMIT = 25


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
    settled = _settled(ordered)
    places = tuple(
        Place(n + 1, r, ok) for n, (r, ok) in enumerate(zip(ordered, settled, strict=True))
    )
    return Ranking(places, _decisive_questions(ordered))


def _settled(ordered: list[ClinicResult]) -> list[bool]:
    """``could_overtake`` against every other place, in linear time with running extremes."""
    count = len(ordered)
    ok = [not r.not_recommended for r in ordered]
    maybe_out = [r.not_recommended or bool(r.dealbreakers_unknown) for r in ordered]
    inf = float("inf")
    # below[i]: among places after i — any that can be ok; max high of those ok; of those maybe out
    any_ok_below = [False] * (count + 1)
    high_ok_below = [-inf] * (count + 1)
    high_out_below = [-inf] * (count + 1)
    for i in range(count - 1, -1, -1):
        r = ordered[i]
        any_ok_below[i] = any_ok_below[i + 1] or ok[i]
        high_ok_below[i] = max(high_ok_below[i + 1], r.high if ok[i] else -inf)
        high_out_below[i] = max(high_out_below[i + 1], r.high if maybe_out[i] else -inf)
    any_out_above = False
    low_ok_above = inf
    low_out_above = inf
    result = []
    for i, r in enumerate(ordered):
        overtaken = (maybe_out[i] and any_ok_below[i + 1]) or (
            (ok[i] and high_ok_below[i + 1] > r.low)
            or (maybe_out[i] and high_out_below[i + 1] > r.low)
        )
        overtakes = (ok[i] and any_out_above) or (
            (ok[i] and r.high > low_ok_above) or (maybe_out[i] and r.high > low_out_above)
        )
        result.append(not (overtaken or overtakes))
        any_out_above = any_out_above or maybe_out[i]
        if ok[i]:
            low_ok_above = min(low_ok_above, r.low)
        if maybe_out[i]:
            low_out_above = min(low_out_above, r.low)
    return result


def _decisive_questions(
    ordered: list[ClinicResult], limit: int = DECISIVE_LIMIT
) -> tuple[DecisiveQuestion, ...]:
    """Unanswered items of the clinics still in the running for first place, most decisive first."""
    if len(ordered) < 2:
        contenders = ordered
    else:
        top = ordered[0]
        contenders = [top, *(r for r in ordered[1:] if could_overtake(r, top))]
        if len(contenders) == 1:
            return ()
    keys: list[tuple[bool, float, int, str]] = []
    for position, result in enumerate(contenders):
        ruling_out = set(result.dealbreakers_unknown)
        keys.extend(
            (item_id not in ruling_out, -swing, position, item_id)
            for item_id, swing in result.swings.items()
        )
    return tuple(
        DecisiveQuestion(
            contenders[position].clinic_id,
            contenders[position].name,
            item_id,
            -negative_swing,
            not not_ruling_out,
        )
        for not_ruling_out, negative_swing, position, item_id in heapq.nsmallest(limit, keys)
    )
