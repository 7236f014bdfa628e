"""The four reconsider signals, and the plan's review point, raised by the entries that call for
them and by nothing else. None of them ever tells the person to stop."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kvet import reconsider
from kvet.course import (
    CareSession,
    CheckIn,
    Course,
    DoseSession,
    MoodCheck,
    Plan,
    SideEffect,
)

START = date(2026, 9, 1)
TODAY = date(2026, 11, 1)


def sessions_every(gaps: list[int], **fields: object) -> tuple[DoseSession, ...]:
    day, out = START, [DoseSession(START, **fields)]  # type: ignore[arg-type]
    for gap in gaps:
        day += timedelta(days=gap)
        out.append(DoseSession(day, **fields))  # type: ignore[arg-type]
    return tuple(out)


def phq(day: date, total: int) -> CheckIn:
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1  # question 9 stays at 0
    return CheckIn(day, tuple(answers))


def test_a_steady_course_raises_nothing() -> None:
    course = Course(
        "A",
        sessions=sessions_every([3, 3, 4, 4, 3, 7, 14, 14]),
        care=tuple(CareSession(TODAY - timedelta(days=d)) for d in (2, 9, 16, 23)),
    )
    assert [s.key for s in reconsider.all_signals(course, TODAY) if s.raised] == []


def test_sessions_coming_closer_again_raise_the_first_signal_naming_the_gaps() -> None:
    signal = reconsider.escalating(Course("A", sessions=sessions_every([3, 3, 14, 14, 7, 7])))
    assert signal.raised
    assert "14 days apart on average, then 7 days" in signal.because[0]


def test_two_dose_raises_among_the_last_four_sessions_raise_the_first_signal() -> None:
    base = list(sessions_every([7, 7, 7, 7, 7]))
    base[-1] = replace(base[-1], dose_raised=True)
    assert not reconsider.escalating(Course("A", sessions=tuple(base))).raised
    base[-3] = replace(base[-3], dose_raised=True)
    signal = reconsider.escalating(Course("A", sessions=tuple(base)))
    assert signal.raised
    assert "raised the dose" in signal.because[-1]


def test_a_bladder_symptom_at_two_sessions_raises_the_side_effect_signal() -> None:
    sessions = list(sessions_every([7, 7, 7]))
    sessions[1] = replace(sessions[1], side_effects=frozenset({SideEffect.BLADDER}))
    assert not reconsider.side_effects(Course("A", sessions=tuple(sessions))).raised
    sessions[3] = replace(sessions[3], side_effects=frozenset({SideEffect.BLADDER}))
    signal = reconsider.side_effects(Course("A", sessions=tuple(sessions)))
    assert signal.raised
    assert signal.because[0].startswith("Bladder")


def test_recovery_taking_longer_raises_the_side_effect_signal() -> None:
    minutes = [30, 30, 30, 40, 45, 50]
    sessions = tuple(
        replace(s, minutes_to_steady=m)
        for s, m in zip(sessions_every([7] * 5), minutes, strict=True)
    )
    signal = reconsider.side_effects(Course("A", sessions=sessions))
    assert signal.raised
    assert "30 minutes on average at the start, 45 minutes lately" in signal.because[0]


def test_a_recent_mood_sign_raises_the_mood_signal_and_an_old_one_does_not() -> None:
    old = MoodCheck(TODAY - timedelta(days=30), racing_thoughts=True)
    assert not reconsider.mood(Course("A", mood_checks=(old,)), TODAY).raised
    new = MoodCheck(TODAY - timedelta(days=3), sleeping_much_less=True)
    signal = reconsider.mood(Course("A", mood_checks=(old, new)), TODAY)
    assert signal.raised
    assert "sleeping much less" in signal.because[0]
    assert "not a test" in signal.rule


def test_more_ketamine_than_therapy_in_four_weeks_raises_the_care_signal() -> None:
    doses = tuple(DoseSession(TODAY - timedelta(days=d)) for d in (1, 8, 15))
    care = tuple(CareSession(TODAY - timedelta(days=d)) for d in (2, 9))
    signal = reconsider.replacing_care(Course("A", sessions=doses, care=care), TODAY)
    assert signal.raised
    assert "3 ketamine sessions and 2 therapy" in signal.because[0]
    more_care = (*care, CareSession(TODAY - timedelta(days=16)))
    assert not reconsider.replacing_care(Course("A", sessions=doses, care=more_care), TODAY).raised


def test_the_plans_review_point_says_where_the_course_stands() -> None:
    course = Course(
        "A",
        plan=Plan(review_at_session=6),
        sessions=sessions_every([2, 2, 3, 2, 2]),
        check_ins=(phq(START - timedelta(days=1), 21), phq(START + timedelta(days=12), 17)),
    )
    point = reconsider.checkpoint(course)
    assert point is not None
    assert point.raised
    assert point.because == ("You are at session 6, PHQ-9 from 21 to 17, a 19% fall.",)
    assert reconsider.checkpoint(replace(course, sessions=course.sessions[:5])) is None
    better = replace(course, check_ins=(*course.check_ins, phq(START + timedelta(days=13), 10)))
    assert not reconsider.checkpoint(better).raised  # type: ignore[union-attr]


def test_no_signal_ever_says_stop_and_each_sends_the_person_to_their_clinician() -> None:
    course = Course("A", plan=Plan(review_at_session=1), sessions=sessions_every([7]))
    for signal in reconsider.all_signals(course, TODAY):
        words = (signal.title + signal.rule + " ".join(signal.because)).lower()
        assert "stop" not in words
        assert signal.advice == "Talk with your treating clinician about this."


gaps = st.lists(st.integers(1, 30), min_size=1, max_size=10)


@settings(max_examples=60)
@given(gaps=gaps, raised=st.sets(st.integers(0, 10)), more=st.integers(0, 10))
def test_another_dose_raise_never_clears_the_first_signal(
    gaps: list[int], raised: set[int], more: int
) -> None:
    sessions = [replace(s, dose_raised=i in raised) for i, s in enumerate(sessions_every(gaps))]
    before = reconsider.escalating(Course("A", sessions=tuple(sessions))).raised
    index = more % len(sessions)
    sessions[index] = replace(sessions[index], dose_raised=True)
    assert reconsider.escalating(Course("A", sessions=tuple(sessions))).raised >= before


@settings(max_examples=60)
@given(
    dose_days=st.lists(st.integers(0, 60), max_size=8),
    care_days=st.lists(st.integers(0, 60), max_size=8),
    extra=st.integers(0, 60),
)
def test_more_care_never_raises_and_more_ketamine_never_clears_the_care_signal(
    dose_days: list[int], care_days: list[int], extra: int
) -> None:
    doses = tuple(DoseSession(TODAY - timedelta(days=d)) for d in dose_days)
    care = tuple(CareSession(TODAY - timedelta(days=d)) for d in care_days)
    base = reconsider.replacing_care(Course("A", sessions=doses, care=care), TODAY).raised
    more_care = (*care, CareSession(TODAY - timedelta(days=extra)))
    more_doses = (*doses, DoseSession(TODAY - timedelta(days=extra)))
    with_care = Course("A", sessions=doses, care=more_care)
    with_doses = Course("A", sessions=more_doses, care=care)
    assert reconsider.replacing_care(with_care, TODAY).raised <= base
    assert reconsider.replacing_care(with_doses, TODAY).raised >= base


@settings(max_examples=60)
@given(
    checks=st.lists(st.tuples(st.integers(0, 40), st.booleans(), st.booleans()), max_size=6),
    day=st.integers(0, 40),
)
def test_noting_another_mood_sign_never_clears_the_mood_signal(
    checks: list[tuple[int, bool, bool]], day: int
) -> None:
    entries = tuple(
        MoodCheck(TODAY - timedelta(days=d), agitated=a, racing_thoughts=r) for d, a, r in checks
    )
    base = reconsider.mood(Course("A", mood_checks=entries), TODAY).raised
    more = (*entries, MoodCheck(TODAY - timedelta(days=day), agitated=True))
    assert reconsider.mood(Course("A", mood_checks=more), TODAY).raised >= base
