"""Every threshold of the signals pinned at its edge: one side raises, the other does not.

Moving any number in kvet/treatment/reconsider.py by one unit (one day, one session, one point, one
percentage point) makes one of these fail; scripts/mutate.py checks that it does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from kvet.treatment import reconsider
from kvet.treatment.course import (
    CareSession,
    Course,
    DoseSession,
    MarkerWeek,
    MoodCheck,
    Plan,
    SideEffect,
)
from tests.reconsider_courses import (
    IV_DAYS,
    MARKERS,
    day,
    maintenance,
    no_therapy_logged,
    phq,
    sessions_on,
    then_every,
)

PHASE = Plan(first_phase_sessions=6)


def gaps_raise(gaps: tuple[int, ...]) -> bool:
    """Sessions after a first phase of six, the first of them ``gaps[0]`` days after it."""
    course = Course("A", plan=PHASE, sessions=sessions_on(then_every(IV_DAYS, gaps)))
    return reconsider.escalating(course).raised


def lifts_raise(lifts: tuple[int, ...]) -> bool:
    days = then_every(IV_DAYS, (14,) * len(lifts))
    sessions = list(sessions_on(days))
    for n, lift in enumerate(lifts, start=6):
        sessions[n] = replace(sessions[n], lift_days=lift)
    return reconsider.escalating(Course("A", plan=PHASE, sessions=tuple(sessions))).raised


# --- the first phase --------------------------------------------------------------------------


def test_the_first_phase_ends_the_day_after_its_last_session() -> None:
    course = Course("A", plan=PHASE, sessions=sessions_on(IV_DAYS))
    assert not reconsider.first_phase_over(course, day(16))
    assert reconsider.first_phase_over(course, day(17))
    assert not reconsider.first_phase_over(replace(course, sessions=course.sessions[:5]), day(90))
    assert not reconsider.first_phase_over(Course("A", plan=PHASE), day(90))


def test_without_a_length_the_first_phase_is_the_first_28_days() -> None:
    course = Course("A", sessions=sessions_on((0, 27, 28)))
    assert [s.day for s in reconsider.first_phase(course)] == [day(0), day(27)]
    assert [s.day for s in reconsider.after_first_phase(course)] == [day(28)]
    assert not reconsider.first_phase_over(course, day(27))
    assert reconsider.first_phase_over(course, day(28))
    assert reconsider.first_phase(Course("A")) == ()


# --- 1. benefits brief, sessions or doses increasing ------------------------------------------


def test_gaps_must_shorten_twice_in_a_row() -> None:
    assert gaps_raise((21, 14, 10))
    assert not gaps_raise((14, 14, 10))  # one shorter gap after an equal one
    assert not gaps_raise((14, 10))  # one shorter gap only
    assert gaps_raise((20, 21, 14, 10))  # a run of two is enough; the gap before it is free


def test_the_last_gap_of_the_run_is_at_most_three_quarters_of_its_first() -> None:
    assert gaps_raise((100, 90, 75))
    assert not gaps_raise((100, 90, 76))


def test_the_gap_from_the_first_phase_to_maintenance_counts() -> None:
    """The first later session 28 days after the last infusion, then 21 and 14."""
    assert gaps_raise((28, 21, 14))
    assert not gaps_raise((21, 14))


def test_the_lift_must_shorten_twice_in_a_row_to_at_most_half() -> None:
    assert lifts_raise((100, 60, 50))
    assert not lifts_raise((100, 60, 51))
    assert not lifts_raise((10, 10, 5))
    assert lifts_raise((9, 10, 8, 5))


def test_two_unplanned_raises_among_the_last_four_later_sessions() -> None:
    def raises(at: tuple[int, ...], count: int = 6) -> bool:
        sessions = list(sessions_on(then_every(IV_DAYS, (14,) * count)))
        for n in at:
            sessions[n] = replace(sessions[n], dose_raised=True)
        return reconsider.escalating(Course("A", plan=PHASE, sessions=tuple(sessions))).raised

    assert raises((8, 11))  # the 4th last and the last
    assert not raises((7, 11))  # the 5th last is outside the four
    assert not raises((11,))  # one raise
    assert raises((6, 7), count=2)  # only two later sessions so far


def test_the_lift_and_gaps_are_read_only_after_the_first_phase() -> None:
    sessions = list(sessions_on((0, 10, 17, 21)))
    for n, lift in enumerate((10, 6, 3, 1)):
        sessions[n] = replace(sessions[n], lift_days=lift)
    inside = Course("A", plan=Plan(first_phase_sessions=4), sessions=tuple(sessions))
    assert not reconsider.escalating(inside).raised
    assert reconsider.escalating(replace(inside, plan=Plan(first_phase_sessions=1))).raised


# --- 2. side effects ----------------------------------------------------------------------------


def with_effects(effects: list[set[SideEffect]]) -> Course:
    sessions = sessions_on(range(0, 7 * len(effects), 7))
    return Course(
        "A",
        sessions=tuple(
            replace(s, side_effects=frozenset(e)) for s, e in zip(sessions, effects, strict=True)
        ),
    )


def test_a_longer_term_effect_at_two_of_the_last_four_sessions() -> None:
    bladder = {SideEffect.BLADDER}
    assert reconsider.side_effects(with_effects([bladder, set(), set(), bladder])).raised
    assert not reconsider.side_effects(with_effects([bladder, set(), set(), set(), bladder])).raised
    assert not reconsider.side_effects(with_effects([set(), set(), set(), bladder])).raised


def test_one_more_side_effect_per_session_than_the_first_three() -> None:
    one, two = {SideEffect.NAUSEA}, {SideEffect.NAUSEA, SideEffect.ANXIETY}
    assert reconsider.side_effects(with_effects([set(), set(), set(), one, one, one])).raised
    assert not reconsider.side_effects(with_effects([set(), set(), set(), one, one, set()])).raised
    # The first three and the last three: not the first two and the last two, nor four each.
    assert not reconsider.side_effects(with_effects([set(), set(), two, two, one, one])).raised
    assert reconsider.side_effects(with_effects([set(), one, set(), set(), two, two])).raised
    assert not reconsider.side_effects(with_effects([set(), set(), set(), two, two])).raised


def test_recovery_half_as_long_again_as_at_the_start() -> None:
    def slower(minutes: list[int]) -> bool:
        sessions = sessions_on(range(0, 7 * len(minutes), 7))
        timed = tuple(
            replace(s, minutes_to_steady=m) for s, m in zip(sessions, minutes, strict=True)
        )
        return reconsider.side_effects(Course("A", sessions=timed)).raised

    assert slower([100, 100, 100, 150, 150, 150])
    assert not slower([100, 100, 100, 149, 150, 149])  # 149.3: just under 1.5 times
    assert not slower([100, 100, 100, 150, 150])  # five timed sessions are too few
    assert not slower([0, 0, 0, 20, 20, 20])  # steady at once at the start: nothing to scale
    assert slower([90, 90, 90, 90, 140, 140, 140])  # the first three against the last three
    assert not slower([90, 90, 140, 90, 140, 140, 90])


# --- 3. mood ------------------------------------------------------------------------------------


def test_a_mood_sign_counts_for_14_days() -> None:
    today = date(2026, 11, 1)
    for back, counts in ((14, True), (15, False), (0, True), (-1, False)):
        check = MoodCheck(today - timedelta(days=back), agitated=True)
        assert reconsider.mood(Course("A", mood_checks=(check,)), today).raised is counts


# --- 4. therapy and other support ---------------------------------------------------------------


def with_care(care_days: list[int], today: int, markers: list[int] | None = None) -> bool:
    course, _ = maintenance()
    weeks = tuple(
        MarkerWeek(day(7 * n), frozenset(MARKERS[:ticked]))
        for n, ticked in enumerate(markers or [])
    )
    course = replace(
        course,
        sessions=sessions_on(range(0, today + 1, 14)),
        plan=Plan(first_phase_sessions=1),
        care=tuple(CareSession(day(d)) for d in care_days),
        markers=weeks,
    )
    return reconsider.supporting_care(course, day(today)).raised


def test_care_that_stops_counts_once_fewer_than_half_of_four_weeks_remain() -> None:
    weekly = list(range(0, 71, 7))  # the last on day 70
    assert not with_care(weekly, 90)  # days 63 and 70 are in the last 28 days
    assert with_care(weekly, 91)  # only day 70 is


def test_care_less_than_half_as_often_as_its_own_rhythm() -> None:
    # A rhythm of 13.75 days gives 2.04 sessions in four weeks: one is less than half of it.
    earlier = [0, 14, 28, 41, 55]
    assert with_care([*earlier, 90], 112)
    # Every 14 days gives exactly 2: one is half, not less.
    assert not with_care([0, 14, 28, 42, 56, 90], 112)


def test_care_rarer_than_every_two_weeks_cannot_be_read_in_four_weeks() -> None:
    assert with_care([0, 14, 28], 100)  # every 14 days, then none: raised
    assert not with_care([0, 15, 30], 100)  # every 15 days: under 2 in four weeks


def test_care_needs_a_rhythm_of_two_sessions_and_ketamine_going_on() -> None:
    assert not with_care([0], 100)
    course, today = maintenance()
    stopped = replace(course, care=tuple(c for c in course.care if c.day <= day(60)))
    assert reconsider.supporting_care(stopped, today).raised
    no_ketamine = replace(stopped, sessions=stopped.sessions[:-1])  # the last on day 79
    assert reconsider.supporting_care(no_ketamine, day(79 + 27)).raised
    assert not reconsider.supporting_care(no_ketamine, day(79 + 28)).raised
    same_day = replace(stopped, care=(CareSession(day(5)), CareSession(day(5))))
    assert reconsider.supporting_care(same_day, today).raised  # a rhythm of a day at most


def test_coping_signs_falling_by_two_a_week_count_with_a_smaller_fall_in_care() -> None:
    weekly = list(range(0, 71, 7))
    thinner = [*weekly, 78, 88, 98]  # every 10 days lately: 3 of 4 in the last four weeks
    assert not with_care(thinner, 100)
    assert with_care(thinner, 100, [3, 3, 1, 1])
    assert not with_care(thinner, 100, [3, 3, 2, 1])  # 1.5 fewer
    assert not with_care(thinner, 100, [3, 1, 1])  # three weeks: too few to compare two with two
    assert not with_care(thinner, 100, [3, 3, 3, 3, 1])  # two weeks (3, 1) against (3, 3)
    assert not with_care([*weekly, 77, 84, 91, 98], 100, [3, 3, 1, 1])  # care kept its rhythm


def test_the_question_about_support_is_asked_for_28_days_after_the_first_phase() -> None:
    course, today = no_therapy_logged()
    end = course.sessions[5].day
    assert reconsider.supporting_care(course, end + timedelta(days=28)).question
    assert not reconsider.supporting_care(course, end + timedelta(days=29)).question
    assert not reconsider.supporting_care(replace(course, sessions=()), today).question


# --- 5. a rise in the PHQ-9 ---------------------------------------------------------------------


def test_five_points_above_the_best_score_is_a_rise_worth_naming() -> None:
    def rise(*totals: int) -> bool:
        checks = tuple(phq(14 * n, t) for n, t in enumerate(totals))
        return reconsider.rising(Course("A", check_ins=checks)).raised

    assert rise(20, 9, 14)
    assert not rise(20, 9, 13)
    assert not rise(14)
    assert rise(9, 20, 14)  # the best may be the baseline
    assert not rise(20, 9, 15, 9)  # back down: the latest counts


# --- 8. the review point ------------------------------------------------------------------------


def test_a_check_in_within_14_days_either_side_of_the_review_session_is_near() -> None:
    def compared(offset: int) -> str:
        course = Course(
            "A",
            plan=Plan(review_at_session=6),
            sessions=sessions_on(range(0, 60, 10)),  # session 6 on day 50
            check_ins=(phq(-2, 20), phq(50 + offset, 8)),
        )
        point = reconsider.checkpoint(course)
        assert point is not None
        return point.because[0]

    for offset in (-14, 14, 0):
        assert "then 8 on" in compared(offset)
    for offset in (-15, 15):
        assert "nothing recent to compare" in compared(offset)


def test_the_closest_check_in_wins_and_the_later_one_on_a_tie() -> None:
    course = Course(
        "A",
        plan=Plan(review_at_session=6),
        sessions=sessions_on(range(0, 60, 10)),
        check_ins=(phq(-2, 20), phq(46, 11), phq(47, 12), phq(53, 9), phq(55, 10)),
    )
    point = reconsider.checkpoint(course)
    assert point is not None
    assert "then 9 on" in point.because[0]
    course = replace(course, check_ins=(phq(-2, 20), phq(46, 11), phq(48, 12), phq(53, 9)))
    point = reconsider.checkpoint(course)
    assert point is not None
    assert "then 12 on" in point.because[0]


def test_the_review_point_arrives_with_its_session_and_needs_a_baseline() -> None:
    course = Course("A", plan=Plan(review_at_session=3), sessions=sessions_on((0, 3)))
    assert reconsider.checkpoint(course) is None
    course = replace(course, sessions=sessions_on((0, 3, 5)))
    point = reconsider.checkpoint(course)
    assert point is not None
    assert point.raised
    assert "Session 3 was on 6 Sep 2026" in point.because[0]
    half = replace(course, check_ins=(phq(-1, 20), phq(5, 10)))
    assert not reconsider.checkpoint(half).raised  # type: ignore[union-attr]
    less = replace(course, check_ins=(phq(-1, 20), phq(5, 11)))
    assert reconsider.checkpoint(less).raised  # type: ignore[union-attr]
    zero = replace(course, check_ins=(phq(-1, 0), phq(5, 0)))
    point = reconsider.checkpoint(zero)
    assert point is not None
    assert "no change to measure (the baseline was 0)" in point.because[0]


def test_only_a_plain_dose_session_is_needed_for_a_course() -> None:
    assert reconsider.escalating(Course("A", sessions=(DoseSession(day(0)),))).because == ()


# --- edges found by the mutation run (scripts/mutate.py) ----------------------------------------


def test_the_first_phases_own_gaps_never_make_a_run() -> None:
    """Gaps of 20 and 14 days inside the first phase, then 10 and 6: only 10, 6 are after it."""
    course = Course(
        "A", plan=Plan(first_phase_sessions=3), sessions=sessions_on((0, 20, 34, 44, 50))
    )
    assert not reconsider.escalating(course).raised
    one_later = replace(course, sessions=sessions_on((0, 10, 17, 21)))
    assert not reconsider.escalating(one_later).raised


def test_the_gaps_shown_are_the_run_itself() -> None:
    signal = reconsider.escalating(
        Course("A", plan=PHASE, sessions=sessions_on(then_every(IV_DAYS, (28, 28, 21, 14))))
    )
    assert signal.because[0].endswith(": 28, 21, 14.")


def test_recovery_times_need_six_timed_sessions_and_a_start_above_zero() -> None:
    def slower(minutes: list[int]) -> bool:
        sessions = sessions_on(range(0, 7 * len(minutes), 7))
        timed = tuple(
            replace(s, minutes_to_steady=m) for s, m in zip(sessions, minutes, strict=True)
        )
        return reconsider.side_effects(Course("A", sessions=timed)).raised

    assert not slower([10, 10, 10, 60, 60])
    assert slower([0, 0, 1, 1, 1, 1])  # a third of a minute at the start, a minute lately
    assert not slower([0, 0, 3, 1, 1, 1])


def test_care_on_the_first_day_of_the_window_belongs_to_the_rhythm_before_it() -> None:
    assert with_care([56, 70], 98)  # 70 is 28 days back: the rhythm is 14 days, then none


def test_care_today_counts_in_the_last_four_weeks() -> None:
    weekly = list(range(0, 71, 7))
    assert not with_care([*weekly, 91, 98], 98)  # two in the last 28 days: half, not less
    assert with_care([*weekly, 91], 98)


def test_two_care_sessions_on_one_day_make_a_daily_rhythm() -> None:
    assert not with_care([10, 10, *range(72, 99, 2)], 98)  # 14 lately against 28: half
    assert with_care([10, 10, *range(74, 99, 2)], 98)  # 13


def test_the_coping_signs_compare_the_two_weeks_just_before_the_last_two() -> None:
    thinner = [*range(0, 71, 7), 78, 88, 98]
    assert with_care(thinner, 100, [1, 1, 3, 3, 1, 1])


def test_two_check_ins_are_enough_to_see_a_rise() -> None:
    course = Course("A", check_ins=(phq(0, 9), phq(14, 14)))
    assert reconsider.rising(course).raised


def test_a_second_check_in_on_the_baseline_day_is_not_the_review_points_comparison() -> None:
    course = Course(
        "A",
        plan=Plan(review_at_session=1),
        sessions=sessions_on((0,)),
        check_ins=(phq(0, 20), phq(0, 20)),
    )
    point = reconsider.checkpoint(course)
    assert point is not None
    assert "nothing recent to compare" in point.because[0]
