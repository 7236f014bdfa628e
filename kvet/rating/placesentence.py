"""Why a clinic's place is or is not fixed, in one sentence (the words in kvet.rating.placewords).

Apart from the ranking itself: the list's tooltips, the overview and the report ask for it one
place at a time, after the ranking is made."""

from __future__ import annotations

from collections.abc import Callable

from kvet.rating.placewords import (
    COULD_END,
    COULD_END_SETTLED,
    PLACE_ALL_ANSWERED,
    PLACE_FOR_NOW,
    PLACE_FOR_NOW_ABOVE,
    PLACE_FOR_NOW_BELOW,
    PLACE_NO_CROSS,
    PLACE_NOT_VETTED,
    PLACE_ONLY,
    PLACE_OTHERS_OUT,
    PLACE_RULED_OUT,
)
from kvet.rating.ranking import Place, Ranking, could_overtake, is_vetted
from kvet.rating.scoreresult import ClinicResult


def place_sentence(place: Place, ranking: Ranking, say: Callable[[str], str] = str) -> str:
    """Why a place is or is not fixed, in words that say nothing about the clinic being good.

    ``say`` turns an English template into the window's language; the numbers go in afterwards.
    """
    result = place.result
    rank = place.rank
    if result.not_recommended:
        return say(PLACE_RULED_OUT).format(rank=rank)
    could_end = _could_end(result, say)
    if not place.settled and result.score is not None and not is_vetted(result):
        return say(PLACE_NOT_VETTED).format(rank=rank, could_end=could_end)
    if not place.settled:
        return _for_now(place, ranking, say)
    others = [p.result for p in ranking.places if p is not place]
    if not others:
        return say(PLACE_ONLY).format(could_end=could_end)
    if not result.not_recommended and others and all(r.not_recommended for r in others):
        return say(PLACE_OTHERS_OUT).format(rank=rank, could_end=could_end)
    if result.low == result.high:
        return say(PLACE_ALL_ANSWERED).format(rank=rank)
    return say(PLACE_NO_CROSS).format(rank=rank, could_end=could_end)


def _could_end(result: ClinicResult, say: Callable[[str], str]) -> str:
    low, high = f"{result.low:.0f}", f"{result.high:.0f}"
    if low == high:  # never "anywhere from 84 to 84"
        return say(COULD_END_SETTLED).format(score=low)
    return say(COULD_END).format(low=low, high=high)


def _for_now(place: Place, ranking: Ranking, say: Callable[[str], str]) -> str:
    """An open place names the nearest clinic that could swap with it (below first)."""
    below = (p for p in ranking.places[place.rank :] if could_overtake(p.result, place.result))
    if (lower := next(below, None)) is not None:
        return say(PLACE_FOR_NOW_BELOW).format(rank=place.rank, clinic=lower.result.name)
    above = ranking.places[: place.rank - 1][::-1]
    if upper := next((p for p in above if could_overtake(place.result, p.result)), None):
        return say(PLACE_FOR_NOW_ABOVE).format(rank=place.rank, clinic=upper.result.name)
    return say(PLACE_FOR_NOW).format(rank=place.rank)
