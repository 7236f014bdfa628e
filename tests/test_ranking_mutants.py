"""The ranking's rules at their edges, each recomputed another way (scripts/mutate.py checks that
a wrong rule fails here: see "Mutation testing" in docs/scoring.md).

The ranking reads only a clinic's score, range, coverage and dealbreakers, so these tests build
those directly: small, exact numbers put each rule right on its boundary.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from kvet.content.checklist import Kind
from kvet.rating.answers import Choice, ClinicAnswers
from kvet.rating.ranking import (
    STATUS_FIXED,
    STATUS_NOT_VETTED,
    STATUS_OPEN,
    could_overtake,
    is_vetted,
    rank,
    status_words,
)
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Scorer, Weights
from tests.small_checklists import checklist_of


def clinic(
    name: str,
    low: float,
    high: float,
    *,
    coverage: float = 1.0,
    out: bool = False,
    maybe_out: bool = False,
    score: float | None = None,
) -> ClinicResult:
    """A clinic as the ranking sees it: its range, how much is answered, its dealbreakers."""
    return ClinicResult(
        clinic_id=name.lower(),
        name=name,
        score=(low + high) / 2 if score is None else score,
        low=low,
        high=high,
        coverage=coverage,
        answered=1,
        applicable=2,
        red_flags_seen=("f",) if out else (),
        dealbreakers_seen=("f",) if out else (),
        dealbreakers_unknown=("g",) if maybe_out else (),
        still_to_ask=(),
        cost=None,
    )


def statuses(result: ClinicResult) -> set[bool]:
    """Whether the clinic could end ruled out (True), without a dealbreaker (False), or both."""
    if result.not_recommended:
        return {True}
    return {False, True} if result.dealbreakers_unknown else {False}


def could_pass(lower: ClinicResult, upper: ClinicResult) -> bool:
    """Another way to say ``could_overtake``: try every way both clinics could end. A clinic
    without a dealbreaker seen passes one with; between equals, the lower passes when its best
    score reaches the upper's worst (a tie falls to tie-breaks that answers can change)."""
    for lower_out, upper_out in itertools.product(statuses(lower), statuses(upper)):
        if not lower_out and upper_out:
            return True
        if lower_out == upper_out and lower.high >= upper.low:
            return True
    return False


EDGES = [0.0, 20.0, 40.0, 40.0, 60.0, 100.0]


@st.composite
def clinics(draw: st.DrawFn) -> list[ClinicResult]:
    """Two to five clinics whose ranges often touch exactly, some ruled out or maybe."""
    found = []
    for n in range(draw(st.integers(2, 5))):
        low, high = sorted(draw(st.lists(st.sampled_from(EDGES), min_size=2, max_size=2)))
        out = draw(st.booleans()) and draw(st.booleans())
        found.append(
            clinic(
                f"C{n}",
                low,
                high,
                out=out,
                maybe_out=not out and draw(st.booleans()) and draw(st.booleans()),
            )
        )
    return found


@settings(max_examples=300)
@given(clinics())
def test_a_place_is_settled_exactly_when_no_other_clinic_could_pass_or_be_passed(
    results: list[ClinicResult],
) -> None:
    ranking = rank(results)
    for place in ranking.places:
        others = [p.result for p in ranking.places if p is not place]
        below = [p.result for p in ranking.places if p.rank > place.rank]
        above = [p.result for p in ranking.places if p.rank < place.rank]
        expected = not any(could_pass(o, place.result) for o in below) and not any(
            could_pass(place.result, o) for o in above
        )
        assert place.settled == expected, (place, others)
        for other in others:
            assert could_overtake(other, place.result) == could_pass(other, place.result)


def test_ranges_that_only_touch_leave_both_places_open() -> None:
    """60 to 100 above 20 to 60: an equal end score falls to the tie-break, so neither place is
    fixed; 61 to 100 above 20 to 60 is fixed."""
    touching = rank([clinic("A", 60, 100), clinic("B", 20, 60)])
    assert [status_words(p) for p in touching.places] == [STATUS_OPEN, STATUS_OPEN]
    apart = rank([clinic("A", 61, 100), clinic("B", 20, 60)])
    assert [status_words(p) for p in apart.places] == [STATUS_FIXED, STATUS_FIXED]


def test_a_clinic_that_may_still_be_ruled_out_never_has_a_fixed_place() -> None:
    ranking = rank([clinic("A", 90, 100, maybe_out=True), clinic("B", 0, 10)])
    assert [p.settled for p in ranking.places] == [False, False]
    below = rank([clinic("A", 90, 100), clinic("B", 0, 10, maybe_out=True)])
    assert [p.settled for p in below.places] == [True, True]


def test_half_the_weight_answered_is_vetted_and_just_under_half_is_not() -> None:
    assert is_vetted(clinic("A", 0, 100, coverage=0.5))
    assert not is_vetted(clinic("A", 0, 100, coverage=0.495))
    half = rank([clinic("A", 0, 100, coverage=0.495), clinic("B", 10, 20, coverage=0.5)])
    assert [p.result.name for p in half.places] == ["B", "A"]
    assert status_words(half.places[1]) == STATUS_NOT_VETTED


def test_at_most_25_questions_are_suggested_however_many_could_rule_a_clinic_out() -> None:
    checklist = checklist_of([Kind.RED_FLAG] * 30, [1.0] * 30, set(range(30)))
    scorer = Scorer(checklist, Weights())
    done = {i.id: Choice.NOT_SEEN for i in checklist.items}
    few = {k: v for k, v in done.items() if k >= "i04"}
    ranking = rank(scorer.score_all([ClinicAnswers("a", "A", answers=few)] * 1))
    assert len(ranking.decisive) == 4  # fewer than the limit: every one is listed
    ranking = rank(
        scorer.score_all([ClinicAnswers("a", "A"), ClinicAnswers("b", "B", answers=done)])
    )
    assert len(ranking.decisive) == 25


def test_a_clinic_with_no_score_comes_after_one_with_a_score_when_neither_is_vetted() -> None:
    """No item carries weight for "A" (no score); "B" has a score but is not yet vetted either."""
    no_score = replace(clinic("A", 0, 100, coverage=0.0), score=None)
    ranking = rank([no_score, clinic("B", 10, 90, coverage=0.2)])
    assert [p.result.name for p in ranking.places] == ["B", "A"]


def test_a_wide_range_two_places_down_can_still_pass_a_clinic_that_may_be_ruled_out() -> None:
    """A may still be ruled out (a dealbreaker not answered yet); B and C are ruled out. If A is
    ruled out too, C's wide range (0 to 80) could end above A's worst (70), even though B's
    (45 to 55) cannot: A's place could still change. Without C's reach, it is fixed."""
    a = clinic("A", 70, 90, maybe_out=True)
    b = clinic("B", 45, 55, out=True)
    wide = rank([a, b, clinic("C", 0, 80, out=True, score=40)])
    assert [p.result.name for p in wide.places] == ["A", "B", "C"]
    assert status_words(wide.places[0]) == STATUS_OPEN
    assert not wide.top_settled
    narrow = rank([a, b, clinic("C", 0, 69, out=True, score=40)])
    assert status_words(narrow.places[0]) == STATUS_FIXED
