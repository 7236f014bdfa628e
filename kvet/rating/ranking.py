"""Ranking clinics, telling which places are settled, and what to ask next.

Clinics are ordered by their score so far, open questions counted as half (see kvet.rating.scoring
and
docs/scoring.md). A clinic with less than half of its weight answered is *not yet vetted*: it is
listed after the vetted clinics, whatever its score, so a barely-asked clinic never heads the
list. A place is
*settled* ("place can't change" on screen, never "good") when no answers still to come could swap
it with another clinic. The decisive questions turn "22 open questions" into "ask clinic B how it
handles emergencies": each is one answer away from changing who is first or ruling a contender
out.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from kvet.rating.answers import OPTIONS, Choice
from kvet.rating.decisive import DecisiveQuestion  # kvet.exchange.report takes it from here
from kvet.rating.scorebounds import PRIOR_CREDIT, score_bounds
from kvet.rating.scoreresult import ClinicResult

DECISIVE_LIMIT = 25
VETTED_SHARE = 0.5  # of the clinic's weight answered, to be vetted
ORDER_SENTENCE = (
    "In order of the score so far, counting each open question as half good, half bad until it "
    "is answered. Clinics with less than half of their weight answered come after the vetted "
    "ones, as not yet vetted, and a clinic with a dealbreaker seen comes after all the others."
)


@dataclass(frozen=True)
class Place:
    rank: int
    result: ClinicResult
    settled: bool


class Ranking:
    """The places in order, and the decisive questions, worked out when first asked: only the
    Compare page and the report show them, and an answer in the walkthrough re-ranks every
    clinic (with 200 clinics they were a twentieth of an answer's time, issue 26)."""

    __slots__ = ("_decisive", "_ordered", "places")

    def __init__(
        self,
        places: tuple[Place, ...],
        decisive: tuple[DecisiveQuestion, ...] | None = None,
        *,
        ordered: list[ClinicResult] | None = None,
    ) -> None:
        self.places = places
        self._decisive = decisive
        self._ordered = ordered  # what the decisive questions are found from

    @property
    def decisive(self) -> tuple[DecisiveQuestion, ...]:
        found = self._decisive
        if found is None:  # the same answer whoever asks first (a report's thread, say)
            found = self._decisive = _decisive_questions(self._ordered or [])
        return found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ranking):
            return NotImplemented
        return self.places == other.places and self.decisive == other.decisive

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Ranking(places={self.places!r}, decisive={self.decisive!r})"

    @property
    def top_settled(self) -> bool:
        return bool(self.places) and self.places[0].settled


_Key = tuple[bool, bool, bool, float, float, str, str]
NEAR = 1e-6  # points: a margin for float rounding in the quick check of decisive questions
# the most one answer can lift a score (False) or lower it (True), per unit of weight share
_REACH = {
    False: max(o.credit for opts in OPTIONS.values() for o in opts if o.credit is not None)
    - PRIOR_CREDIT,
    True: PRIOR_CREDIT
    - min(o.credit for opts in OPTIONS.values() for o in opts if o.credit is not None),
}
DIGITS = 9  # scores are compared to this many decimals, so float noise never reorders a tie


def is_vetted(result: ClinicResult) -> bool:
    """At least half of the clinic's weight has an answer ("not yet vetted" below that)."""
    return result.coverage >= VETTED_SHARE


def _key(result: ClinicResult, out: bool, score: float | None, high: float, vetted: bool) -> _Key:
    return (
        out,
        score is None,
        not vetted,
        -round(score or 0.0, DIGITS),
        -round(high, DIGITS),
        result.name.casefold(),
        result.clinic_id,
    )


def _sort_key(result: ClinicResult) -> _Key:
    """Not recommended last, not yet vetted before them; then by the score so far; ties by the
    higher possible score, then the name."""
    key: _Key = result.kept("sort_key", _make_sort_key)
    return key


def _make_sort_key(result: ClinicResult) -> _Key:
    return _key(result, result.not_recommended, result.score, result.high, is_vetted(result))


def could_overtake(lower: ClinicResult, upper: ClinicResult) -> bool:
    """Whether answers still to come could put ``lower`` above ``upper``.

    Deliberately cautious: when in doubt the place is shown as "could still change".
    """
    lower_can_be_ok = not lower.not_recommended
    upper_can_be_ruled_out = upper.not_recommended or upper.dealbreaker_open
    if lower_can_be_ok and upper_can_be_ruled_out:
        return True
    lower_can_be_ruled_out = lower.not_recommended or lower.dealbreaker_open
    same_status_possible = (lower_can_be_ok and not upper.not_recommended) or (
        lower_can_be_ruled_out and upper_can_be_ruled_out
    )
    if same_status_possible and not is_vetted(upper):
        # answers may stop with ``upper`` still not yet vetted while ``lower`` gets vetted: then
        # ``lower`` comes first whatever the scores (answers only add to what is covered)
        return True
    # ">=": at equal scores the order falls to the tie-breaks, which answers can also change;
    # compared at DIGITS, as the ranking compares them, so float noise never hides a tie
    return same_status_possible and round(lower.high, DIGITS) >= round(upper.low, DIGITS)


def rank(results: Iterable[ClinicResult]) -> Ranking:
    ordered = sorted(results, key=_sort_key)
    settled = _settled(ordered)
    places = tuple(map(Place, range(1, len(ordered) + 1), ordered, settled))
    return Ranking(places, ordered=ordered)


def _settled(ordered: list[ClinicResult]) -> list[bool]:
    """``could_overtake`` against every other place, in linear time with running extremes."""
    count = len(ordered)
    ok = [not r.not_recommended for r in ordered]
    maybe_out = [r.not_recommended or r.dealbreaker_open for r in ordered]
    unvetted = [not is_vetted(r) for r in ordered]
    inf = float("inf")
    # below[i]: among places after i — any that can be ok; any that can be out; max high of those
    # ok; of those maybe out
    any_ok_below = [False] * (count + 1)
    any_out_below = [False] * (count + 1)
    high_ok_below = [-inf] * (count + 1)
    high_out_below = [-inf] * (count + 1)
    high = [round(r.high, DIGITS) for r in ordered]  # compared as the ranking compares scores
    low = [round(r.low, DIGITS) for r in ordered]
    for i in range(count - 1, -1, -1):
        any_ok_below[i] = any_ok_below[i + 1] or ok[i]
        any_out_below[i] = any_out_below[i + 1] or maybe_out[i]
        high_ok_below[i] = max(high_ok_below[i + 1], high[i] if ok[i] else -inf)
        high_out_below[i] = max(high_out_below[i + 1], high[i] if maybe_out[i] else -inf)
    any_out_above = False
    unvetted_ok_above = unvetted_out_above = False  # a place above not yet vetted, can be ok / out
    low_ok_above = inf
    low_out_above = inf
    result = []
    for i in range(count):
        overtaken = (maybe_out[i] and any_ok_below[i + 1]) or (
            (ok[i] and high_ok_below[i + 1] >= low[i])
            or (maybe_out[i] and high_out_below[i + 1] >= low[i])
        )
        overtakes = (ok[i] and any_out_above) or (
            (ok[i] and high[i] >= low_ok_above) or (maybe_out[i] and high[i] >= low_out_above)
        )
        # not yet vetted: a place of a status it can share may get vetted first and pass it
        passed_unvetted = unvetted[i] and (
            (ok[i] and any_ok_below[i + 1]) or (maybe_out[i] and any_out_below[i + 1])
        )
        passes_unvetted = (ok[i] and unvetted_ok_above) or (maybe_out[i] and unvetted_out_above)
        result.append(not (overtaken or overtakes or passed_unvetted or passes_unvetted))
        any_out_above = any_out_above or maybe_out[i]
        unvetted_ok_above = unvetted_ok_above or (unvetted[i] and ok[i])
        unvetted_out_above = unvetted_out_above or (unvetted[i] and maybe_out[i])
        if ok[i]:
            low_ok_above = min(low_ok_above, low[i])
        if maybe_out[i]:
            low_out_above = min(low_out_above, low[i])
    return result


def _try_answers(
    result: ClinicResult,
    dealbreaker: bool,
    weight: float,
    options: tuple[tuple[Choice, float], ...],
    top_key: _Key | None,
    runner_key: _Key | None,
) -> tuple[float, bool]:
    """Each answer in turn, everything else held: the largest change of the score, and whether
    any answer changes who is first. ``top_key`` is None when ``result`` is first itself."""
    total, answered, gained = result.sums
    largest = 0.0
    changes_first = False
    for choice, value in options:
        score, _low, high, _share = score_bounds(total, answered + weight, gained + weight * value)
        if result.score is not None and score is not None:
            largest = max(largest, abs(score - result.score))
        out = result.not_recommended or (dealbreaker and choice is Choice.SEEN)
        vetted = total > 0 and (answered + weight) / total >= VETTED_SHARE
        key = _key(result, out, score, high, vetted)
        if top_key is None:
            changes_first = changes_first or (runner_key is not None and key > runner_key)
        else:
            changes_first = changes_first or key < top_key
    return largest, changes_first


_Found = tuple[float, bool, int, int, tuple[ClinicResult, str, float, bool, bool]]


def _decisive_questions(
    ordered: list[ClinicResult], limit: int = DECISIVE_LIMIT
) -> tuple[DecisiveQuestion, ...]:
    """Unanswered items one answer to which, all else held, changes which clinic is first or rules
    a contender out; largest possible change of the score first.

    Each answer is tried exactly (the score it would give, compared with the clinic it would have
    to pass), but only for the first clinic and those that could still overtake it: no answer to
    any other clinic can change who is first. So the search is exact, not approximate, and costs
    one comparison per possible answer of a contender's open questions.

    While the first has a dealbreaker open every clinic is a contender, but only ``limit``
    questions are listed: contenders are looked at from the largest change an answer could
    make down (``_swing_bound``), passing over those whose every question would come later.
    """
    if not ordered:
        return ()
    top = ordered[0]
    keys = (_sort_key(top), _sort_key(ordered[1]) if len(ordered) > 1 else None)
    contenders = [top, *(r for r in ordered[1:] if could_overtake(r, top))]
    # a contender ruled out lists nothing while the first is not (it cannot become first)
    bounds = sorted(
        (-round(_swing_bound(result, position, top), DIGITS), position)
        for position, result in enumerate(contenders)
        if top.not_recommended or not result.not_recommended
    )
    found: list[_Found] = []
    worst: tuple[float, bool, int, int] | None = None  # the ``limit``-th key found so far
    for least, position in bounds:
        # every question of this contender sorts at or after (least, False, position, 0)
        if worst is not None and (least, False, position, -1) > worst:
            if least > worst[0]:
                break  # and so does every contender after it: their bounds are smaller
            continue
        found.extend(_questions_of(contenders[position], position, ordered, keys))
        if len(found) >= limit and (worst is None or len(found) >= 2 * limit):
            found = heapq.nsmallest(limit, found, key=lambda k: k[:4])
            worst = found[-1][:4]
    return tuple(
        DecisiveQuestion(r.clinic_id, r.name, item_id, largest, rules_out, changes_first)
        for *_key, (r, item_id, largest, rules_out, changes_first) in heapq.nsmallest(
            limit, found, key=lambda k: k[:4]
        )
    )


_SWING = max(_REACH.values())  # the most one answer moves a score, per unit of weight share
# more than the float error of a score's change (scores are at most 100, made in a few steps:
# about 1e-13), and small enough that clinics alike still tie at DIGITS
FLOAT_NOISE = 1e-12


def _swing_bound(result: ClinicResult, position: int, top: ClinicResult) -> float:
    """At least the largest change of the score one answer to a question of ``result`` that
    ``_questions_of`` lists could make: that of its heaviest open question, with a margin for
    float noise, or, when no answer could make it first (see ``_questions_of``), exactly
    that of its heaviest open dealbreaker (clinics alike often tie there)."""
    total = result.sums[0]
    if result.score is None or total <= 0:
        return 0.0
    scale = 100 / total
    heaviest = result.heaviest_open()
    if position > 0 and (is_vetted(result) or is_vetted(top)):
        need = (top.score or 0.0) - result.score - NEAR
        if scale * heaviest * _REACH[False] < need:
            # only its open dealbreakers are listed, their change made exactly as here
            return scale * result.heaviest_open(dealbreakers=True) * _SWING
    return scale * heaviest * _SWING + FLOAT_NOISE


def _questions_of(
    result: ClinicResult,
    position: int,
    ordered: list[ClinicResult],
    keys: tuple[_Key, _Key | None],
) -> list[_Found]:
    """The decisive questions of one contender (``position`` 0: the first clinic itself);
    ``keys``: the sort keys of the first clinic and the second."""
    top, (top_key, runner_key) = ordered[0], keys
    total = result.sums[0]
    ruling_out = set(result.dealbreakers_unknown)
    # Points one answer would need to change who is first; answers that cannot reach it are
    # skipped before the exact check (with a margin, so rounding never skips a real one).
    if position == 0:
        runner = ordered[1].score if len(ordered) > 1 else None
        need = -1.0 if runner is None else (result.score or 0.0) - runner - NEAR
    else:
        need = (top.score or 0.0) - (result.score or 0.0) - NEAR
    scale = 100 / total if total > 0 else 0.0
    # while the first is not yet vetted either, a contender that becomes vetted passes it,
    # whatever the answer (vetted clinics come first)
    joins_vetted = position > 0 and not is_vetted(result) and not is_vetted(top)
    found: list[_Found] = []
    for order, (item_id, weight, options) in enumerate(result.unknowns()):
        reachable = not (
            runner_key is None
            or result.score is None
            or top.score is None
            or (
                scale * weight * _REACH[position == 0] < need
                and not (joins_vetted and result.sums[1] + weight >= VETTED_SHARE * total)
            )
        )
        if item_id not in ruling_out and not reachable:
            break  # this and every lighter question left: no answer changes who is first
        if not reachable and position > 0:
            if result.not_recommended:
                continue  # already ruled out, and it cannot reach first place
            # an open dealbreaker of a clinic that cannot reach first: listed because it could
            # rule the clinic out; "Seen" only lowers it, so it cannot become first either
            largest = (
                0.0
                if result.score is None
                else max(scale * weight * abs(value - PRIOR_CREDIT) for _choice, value in options)
            )
            changes_first = False
        else:
            largest, changes_first = _try_answers(
                result,
                item_id in ruling_out,
                weight,
                options,
                top_key if position else None,
                runner_key,
            )
        rules_out = item_id in ruling_out and not result.not_recommended
        if changes_first or rules_out:
            question = (result, item_id, largest, rules_out, changes_first)
            found.append((-round(largest, DIGITS), not rules_out, position, order, question))
    return found


STATUS_NOT_RECOMMENDED = "Not recommended"
STATUS_FIXED = "Place can't change"
STATUS_OPEN = "Place could change"
STATUS_NO_SCORE = "No score"
STATUS_NOT_VETTED = "Not yet vetted"


def status_words(place: Place) -> str:
    """The status column: about the order only, never read as "good"."""
    if place.result.not_recommended:
        return STATUS_NOT_RECOMMENDED
    if place.result.score is None:
        return STATUS_NO_SCORE
    if not is_vetted(place.result):
        return STATUS_NOT_VETTED
    return STATUS_FIXED if place.settled else STATUS_OPEN
