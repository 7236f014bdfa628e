"""The reconsider signals, and the plan's review point, raised by the entries that call for them
and by nothing else: not by a textbook course. None of them ever tells the person to stop."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kvet.treatment import reconsider, signalwords
from kvet.treatment.course import (
    CareSession,
    Course,
    DoseSession,
    MoodCheck,
    Plan,
    SideEffect,
)
from tests.reconsider_courses import (
    IV_DAYS,
    day,
    esketamine_first_phase,
    iv_first_phase,
    maintenance,
    no_therapy_logged,
    phq,
    sessions_on,
    then_every,
)

TODAY = date(2026, 11, 1)


def raised(course: Course, today: date) -> list[str]:
    return [s.key for s in reconsider.all_signals(course, today) if s.raised]


# --- 5. therapy and other support alongside ketamine --------------------------------------------


def test_a_textbook_esketamine_first_phase_with_weekly_therapy_raises_nothing() -> None:
    """Eight sessions against four therapy sessions in four weeks is the plan, not replacement."""
    course, today = esketamine_first_phase()
    assert len([s for s in course.sessions if s.day > today - timedelta(days=28)]) == 8
    assert raised(course, today) == []


def test_six_iv_infusions_in_two_and_a_half_weeks_with_weekly_therapy_raise_nothing() -> None:
    course, today = iv_first_phase()
    assert raised(course, today) == []


def test_nothing_is_raised_about_support_during_the_first_phase_even_with_no_therapy() -> None:
    course = Course("IV", plan=Plan(first_phase_sessions=6), sessions=sessions_on(IV_DAYS[:4]))
    care = reconsider.supporting_care(course, day(9))
    assert not care.raised
    assert care.question == ""


def test_with_no_care_ever_logged_kvet_asks_once_gently_after_the_first_phase() -> None:
    course, today = no_therapy_logged()
    care = reconsider.supporting_care(course, today)
    assert not care.raised
    assert care.question.startswith("A question, not a signal: is other support in place")
    later = reconsider.supporting_care(course, today + timedelta(days=60))
    assert later.question == ""  # asked in the weeks after the first phase, not for ever
    assert care.title == "Therapy and other support alongside ketamine"


def test_therapy_that_stops_while_sessions_go_on_raises_the_support_signal() -> None:
    course, today = maintenance()
    stopped = replace(course, care=tuple(c for c in course.care if c.day <= day(60)))
    care = reconsider.supporting_care(stopped, today)
    assert care.raised
    assert care.because == (
        "Sessions of therapy or other care in 28 days: about 4 before, 0 in the last 28 days, "
        "while ketamine sessions went on.",
    )
    assert not reconsider.supporting_care(course, today).raised


def test_a_gentler_fall_in_therapy_counts_only_with_the_weekly_coping_signs_falling() -> None:
    course, today = maintenance()
    # Weekly therapy, then every 9 days lately: fewer, but not half.
    thinner = tuple(c for c in course.care if c.day <= today - timedelta(days=28))
    thinner += tuple(CareSession(today - timedelta(days=d)) for d in (1, 10, 19))
    course = replace(course, care=thinner)
    assert not reconsider.supporting_care(course, today).raised
    weeks = list(course.markers)
    weeks[-2:] = [replace(w, ticked=frozenset()) for w in weeks[-2:]]
    care = reconsider.supporting_care(replace(course, markers=tuple(weeks)), today)
    assert care.raised
    assert care.because[-1] == "Signs of coping ticked each week: 2.0 on average, then 0.0 lately."


# --- 6. benefits brief, sessions or doses increasing ---------------------------------------------


def test_one_rescheduled_session_in_the_first_phase_raises_nothing() -> None:
    course = Course("IV", plan=Plan(first_phase_sessions=6), sessions=sessions_on(IV_DAYS))
    moved = replace(course, sessions=sessions_on((0, 7, 9, 10, 11, 12)))  # closer and closer
    assert not reconsider.escalating(moved).raised
    assert not reconsider.escalating(course).raised


def test_sessions_coming_closer_twice_in_a_row_after_the_first_phase_raise_the_first_signal() -> (
    None
):
    days = then_every(IV_DAYS, (28, 21, 14))
    course = Course("IV", plan=Plan(first_phase_sessions=6), sessions=sessions_on(days))
    signal = reconsider.escalating(course)
    assert signal.raised
    assert signal.because == ("Days between sessions, up to 19 Nov 2026: 28, 21, 14.",)
    once = Course("IV", plan=Plan(first_phase_sessions=6), sessions=sessions_on(days[:-1]))
    assert not reconsider.escalating(once).raised  # one shorter gap is not a run


def test_a_dose_raise_planned_by_the_clinic_never_raises_the_first_signal() -> None:
    days = then_every(IV_DAYS, (14, 14, 14, 14))
    sessions = list(sessions_on(days))
    for n in (7, 9):
        sessions[n] = replace(sessions[n], dose_raised=True, dose_raise_planned=True)
    course = Course("IV", plan=Plan(first_phase_sessions=6), sessions=tuple(sessions))
    assert not reconsider.escalating(course).raised
    sessions[9] = replace(sessions[9], dose_raise_planned=False)
    sessions[8] = replace(sessions[8], dose_raised=True)
    signal = reconsider.escalating(replace(course, sessions=tuple(sessions)))
    assert signal.raised
    assert signal.because == (
        "The clinic raised the dose, not as planned, on 29 Oct 2026, 12 Nov 2026.",
    )


def test_dose_raises_in_the_first_phase_are_left_to_the_clinics_titration() -> None:
    sessions = [replace(s, dose_raised=True) for s in sessions_on(IV_DAYS)]
    course = Course("IV", plan=Plan(first_phase_sessions=6), sessions=tuple(sessions))
    assert not reconsider.escalating(course).raised


def test_a_lift_that_gets_shorter_each_time_raises_the_first_signal() -> None:
    course, _ = maintenance()
    sessions = list(course.sessions)
    for n, lift in zip((7, 8, 9), (12, 8, 5), strict=True):
        sessions[n] = replace(sessions[n], lift_days=lift)
    signal = reconsider.escalating(replace(course, sessions=tuple(sessions)))
    assert signal.raised
    assert signal.because == ("Days the lift lasted, up to 17 Dec 2026: 12, 8, 5.",)


def test_without_a_first_phase_length_the_first_four_weeks_count_as_the_first_phase() -> None:
    days = (0, 3, 7, 10, 14, 17, 21, 24)
    course = Course("A", sessions=sessions_on(days))
    assert reconsider.first_phase(course) == course.sessions
    assert "first 28 days of sessions" in reconsider.escalating(course).rule


# --- 7. a rise in the PHQ-9 --------------------------------------------------------------------


def test_a_phq9_of_20_then_9_then_16_is_named_as_a_seven_point_rise() -> None:
    course = Course("A", check_ins=(phq(-2, 20), phq(14, 9), phq(28, 16)))
    signal = reconsider.rising(course)
    assert signal.raised
    assert signal.because == (
        "Best score 9 on 15 Sep 2026; latest 16 on 29 Sep 2026, 7 points higher.",
    )
    assert "5 or more points above your best" in signal.rule


# --- 8. the plan's review point -----------------------------------------------------------------


def test_the_review_point_compares_with_the_check_in_near_that_session_and_shows_dates() -> None:
    course = Course(
        "A",
        plan=Plan(review_at_session=6),
        sessions=sessions_on(IV_DAYS),
        check_ins=(phq(-2, 21), phq(2, 8), phq(15, 17), phq(60, 6)),
    )
    point = reconsider.checkpoint(course)
    assert point is not None
    assert point.raised
    assert point.because == (
        "Session 6 was on 17 Sep 2026. PHQ-9 21 on 30 Aug 2026, then 17 on 16 Sep 2026: "
        "a 19% fall.",
    )
    assert "looks back over two weeks" in point.rule
    assert reconsider.checkpoint(replace(course, sessions=course.sessions[:5])) is None


def test_a_check_in_from_day_two_is_not_used_at_session_six() -> None:
    course = Course(
        "A",
        plan=Plan(review_at_session=6),
        sessions=sessions_on((0, 3, 5, 8, 12, 17)),
        check_ins=(phq(-2, 21), phq(2, 8)),
    )
    point = reconsider.checkpoint(course)
    assert point is not None
    assert point.raised
    assert point.because == (
        "Session 6 was on 18 Sep 2026. No PHQ-9 after the baseline falls within 14 days of it, "
        "so there is nothing recent to compare.",
    )


def test_a_response_near_the_review_point_leaves_it_quiet() -> None:
    course, _ = iv_first_phase()
    point = reconsider.checkpoint(course)
    assert point is not None
    assert not point.raised


# --- 11. side effects, with a recency window -----------------------------------------------------


def test_bladder_symptoms_at_two_early_sessions_stop_counting_after_four_without() -> None:
    sessions = list(sessions_on(then_every(IV_DAYS, (14, 14, 14, 14))))
    for n in (2, 3):
        sessions[n] = replace(sessions[n], side_effects=frozenset({SideEffect.BLADDER}))
    course = Course("A", sessions=tuple(sessions))
    assert not reconsider.side_effects(course).raised
    assert reconsider.side_effects(replace(course, sessions=tuple(sessions[:6]))).raised


def test_more_side_effects_per_session_lately_raise_the_side_effect_signal() -> None:
    effects: tuple[set[SideEffect], ...] = (
        set(),
        set(),
        set(),
        {SideEffect.NAUSEA},
        {SideEffect.NAUSEA},
        {SideEffect.ANXIETY},
    )
    sessions = tuple(
        replace(s, side_effects=frozenset(e))
        for s, e in zip(sessions_on(range(0, 42, 7)), effects, strict=True)
    )
    signal = reconsider.side_effects(Course("A", sessions=sessions))
    assert signal.because == ("Side effects per session rose from 0.0 at the start to 1.0 lately.",)


def test_recovery_taking_longer_raises_the_side_effect_signal() -> None:
    minutes = [30, 30, 30, 40, 45, 50]
    sessions = tuple(
        replace(s, minutes_to_steady=m)
        for s, m in zip(sessions_on(range(0, 42, 7)), minutes, strict=False)
    )
    signal = reconsider.side_effects(Course("A", sessions=sessions))
    assert signal.because[-1] == ("Minutes until steady, on average: 30 at the start, 45 lately.")


def test_a_recent_mood_sign_raises_the_mood_signal_and_an_old_one_does_not() -> None:
    old = MoodCheck(TODAY - timedelta(days=30), racing_thoughts=True)
    assert not reconsider.mood(Course("A", mood_checks=(old,)), TODAY).raised
    new = MoodCheck(TODAY - timedelta(days=3), sleeping_much_less=True)
    signal = reconsider.mood(Course("A", mood_checks=(old, new)), TODAY)
    assert signal.raised
    assert "sleeping much less" in signal.because[0]
    assert "not a test" in signal.rule


def test_no_signal_ever_says_stop_and_each_sends_the_person_to_their_clinician() -> None:
    course = Course("A", plan=Plan(review_at_session=1), sessions=sessions_on([0, 7]))
    for signal in reconsider.all_signals(course, TODAY):
        words = (signal.title + signal.rule + " ".join(signal.because)).lower()
        assert "stop" not in words
        assert signal.advice == "Talk with your treating clinician about this."
    for template in signalwords.TEMPLATES:
        assert "stop" not in template.lower()


@settings(max_examples=60)
@given(
    gaps=st.lists(st.integers(1, 30), min_size=1, max_size=10),
    raised_at=st.sets(st.integers(0, 16)),
    more=st.integers(0, 16),
)
def test_another_unplanned_dose_raise_never_clears_the_first_signal(
    gaps: list[int], raised_at: set[int], more: int
) -> None:
    days = then_every(IV_DAYS, gaps)
    sessions = [replace(s, dose_raised=i in raised_at) for i, s in enumerate(sessions_on(days))]
    course = Course("A", plan=Plan(first_phase_sessions=6), sessions=tuple(sessions))
    before = reconsider.escalating(course).raised
    index = more % len(sessions)
    sessions[index] = replace(sessions[index], dose_raised=True)
    assert reconsider.escalating(replace(course, sessions=tuple(sessions))).raised >= before


@settings(max_examples=60)
@given(
    checks=st.lists(st.tuples(st.integers(0, 40), st.booleans(), st.booleans()), max_size=6),
    when=st.integers(0, 40),
)
def test_noting_another_mood_sign_never_clears_the_mood_signal(
    checks: list[tuple[int, bool, bool]], when: int
) -> None:
    entries = tuple(
        MoodCheck(TODAY - timedelta(days=d), agitated=a, racing_thoughts=r) for d, a, r in checks
    )
    base = reconsider.mood(Course("A", mood_checks=entries), TODAY).raised
    more = (*entries, MoodCheck(TODAY - timedelta(days=when), agitated=True))
    assert reconsider.mood(Course("A", mood_checks=more), TODAY).raised >= base


@settings(max_examples=60)
@given(extra=st.lists(st.integers(0, 27), max_size=6), stop=st.integers(40, 110))
def test_logging_more_care_in_the_last_four_weeks_never_raises_the_support_signal(
    extra: list[int], stop: int
) -> None:
    course, today = maintenance()
    course = replace(course, care=tuple(c for c in course.care if c.day <= day(stop)))
    base = reconsider.supporting_care(course, today).raised
    recent = tuple(CareSession(today - timedelta(days=d)) for d in extra)
    more = replace(course, care=(*course.care, *recent))
    assert reconsider.supporting_care(more, today).raised <= base


def test_a_session_with_nothing_unusual_is_a_plain_dose_session() -> None:
    assert DoseSession(TODAY).lift_days is None
    assert not DoseSession(TODAY).dose_raise_planned
