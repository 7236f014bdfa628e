"""Course shapes for the signal tests: textbook courses, and one shape for each thing worth
talking about. docs/signals.md shows what kvet raises for each; tests/test_reconsider_shapes.py
recomputes that table from these shapes and the code.

Schedules: IV ketamine about 6 infusions over 2-3 weeks, then maintenance every 2-4 weeks;
esketamine twice a week for 4 weeks, weekly for weeks 5-8, then every 1-2 weeks (the US label).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta

from kvet.treatment.course import (
    CareSession,
    CheckIn,
    Course,
    DoseSession,
    MarkerWeek,
    MoodCheck,
    Plan,
    SideEffect,
)

START = date(2026, 9, 1)
IV_DAYS = (0, 3, 5, 8, 12, 16)  # six infusions over two and a half weeks
ESKETAMINE_DAYS = (0, 3, 7, 10, 14, 17, 21, 24)  # twice a week for four weeks
MARKERS = ("Getting out of bed more easily", "Cooking a meal", "Returning texts and calls")


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def phq(offset: int, total: int) -> CheckIn:
    """A PHQ-9 with this total (question 9 left at 'not at all')."""
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1
    return CheckIn(day(offset), tuple(answers))


def sessions_on(offsets: Iterable[int], **fields: object) -> tuple[DoseSession, ...]:
    return tuple(
        DoseSession(day(d), side_effects=frozenset({SideEffect.DISSOCIATION}), **fields)  # type: ignore[arg-type]
        for d in offsets
    )


def care_every(every: int, first: int, last: int) -> tuple[CareSession, ...]:
    return tuple(CareSession(day(d)) for d in range(first, last + 1, every))


def weeks_of_markers(first: int, last: int, ticked: int = 2) -> tuple[MarkerWeek, ...]:
    return tuple(MarkerWeek(day(d), frozenset(MARKERS[:ticked])) for d in range(first, last + 1, 7))


def then_every(after: tuple[int, ...], gaps: Iterable[int]) -> tuple[int, ...]:
    days = list(after)
    for gap in gaps:
        days.append(days[-1] + gap)
    return tuple(days)


Shape = tuple[Course, date]


def kept_to_plan(
    name: str,
    first_phase: int,
    sessions: Iterable[DoseSession],
    check_ins: tuple[CheckIn, ...],
    today: int,
    therapy_every: int = 7,
) -> Shape:
    """A course kept as planned up to day `today`: the review at the last session of the first
    phase, therapy every `therapy_every` days from one gap before the start, markers weekly."""
    return (
        Course(
            name,
            plan=Plan(first_phase_sessions=first_phase, review_at_session=first_phase),
            sessions=tuple(sessions),
            check_ins=check_ins,
            care=care_every(therapy_every, -therapy_every, today),
            markers=weeks_of_markers(0, today),
        ),
        day(today),
    )


def iv_first_phase() -> Shape:
    checks = (phq(-2, 20), phq(16, 9))
    return kept_to_plan("IV", 6, sessions_on(IV_DAYS), checks, IV_DAYS[-1] + 1)


def esketamine_first_phase() -> Shape:
    sessions = list(sessions_on(ESKETAMINE_DAYS))
    sessions[1] = replace(sessions[1], dose_raised=True, dose_raise_planned=True)  # 56 to 84 mg
    checks = (phq(-1, 22), phq(24, 10))
    return kept_to_plan("Esketamine", 8, sessions, checks, ESKETAMINE_DAYS[-1] + 1)


MAINTENANCE_DAYS = then_every(IV_DAYS, (14, 21, 28, 28))


def maintenance(lifts: tuple[int, ...] = (10, 14, 21, 25)) -> Shape:
    """IV first phase, then every 2 to 4 weeks, the lift lasting longer each time (the days
    each maintenance session's lift lasted: `lifts`)."""
    sessions = list(sessions_on(MAINTENANCE_DAYS))
    for n, lift in zip(range(6, 10), lifts, strict=True):
        sessions[n] = replace(sessions[n], lift_days=lift)
    checks = (phq(-2, 20), phq(16, 9), phq(44, 7), phq(79, 8), phq(107, 6))
    return kept_to_plan("Maintenance", 6, sessions, checks, MAINTENANCE_DAYS[-1] + 3)


def maintenance_changed(at: Iterable[int], change: Callable[[DoseSession], DoseSession]) -> Shape:
    """The maintenance course with `change` made to the sessions `at` (counted from 0)."""
    course, today = maintenance()
    sessions = list(course.sessions)
    for n in at:
        sessions[n] = change(sessions[n])
    return replace(course, sessions=tuple(sessions)), today


ESKETAMINE_LABEL_DAYS = then_every(ESKETAMINE_DAYS, (7, 7, 7, 7, 14, 14, 14))


def esketamine_label_schedule() -> Shape:
    """Twice a week for 4 weeks, weekly for 4, then every 2 weeks; therapy every 2 weeks."""
    sessions = list(sessions_on(ESKETAMINE_LABEL_DAYS))
    sessions[1] = replace(sessions[1], dose_raised=True, dose_raise_planned=True)
    checks = (phq(-1, 22), phq(24, 10), phq(52, 8), phq(80, 7))
    today = ESKETAMINE_LABEL_DAYS[-1] + 1
    return kept_to_plan("Esketamine", 8, sessions, checks, today, therapy_every=14)


def rescheduled_session() -> Shape:
    """One session moved earlier in the first phase, and one in maintenance."""
    days = then_every((0, 3, 4, 8, 12, 16), (21, 21, 21, 10))
    today = days[-1] + 1
    course, _ = maintenance()
    return replace(course, sessions=sessions_on(days), care=care_every(7, -7, today)), day(today)


def planned_titration() -> Shape:
    """Dose steps the clinic planned: two in the first phase, two in maintenance."""
    return maintenance_changed(
        (1, 2, 7, 9), lambda s: replace(s, dose_raised=True, dose_raise_planned=True)
    )


def no_therapy_logged() -> Shape:
    days = then_every(IV_DAYS, (14,))
    return (
        Course(
            "IV",
            plan=Plan(first_phase_sessions=6),
            sessions=sessions_on(days),
            check_ins=(phq(-2, 20), phq(16, 9)),
        ),
        day(days[-1] + 1),
    )


def benefit_shortening() -> Shape:
    return maintenance(lifts=(14, 14, 9, 6))


def sessions_closer() -> Shape:
    days = then_every(IV_DAYS, (28, 28, 21, 14))
    course, _ = maintenance()
    today = days[-1] + 1
    return replace(course, sessions=sessions_on(days), care=care_every(7, -7, today)), day(today)


def unplanned_dose_raises() -> Shape:
    return maintenance_changed((8, 9), lambda s: replace(s, dose_raised=True))


def side_effects_rising() -> Shape:
    return maintenance_changed(
        (8, 9), lambda s: replace(s, side_effects=s.side_effects | {SideEffect.BLADDER})
    )


def old_side_effect() -> Shape:
    """Bladder symptoms at two sessions of the first phase, none at the six since."""
    return maintenance_changed(
        (2, 3), lambda s: replace(s, side_effects=frozenset({SideEffect.BLADDER}))
    )


def relapse() -> Shape:
    """20, then 9 and 7, then 14: a rise of 7 points from the best score."""
    course, today = maintenance()
    checks = (phq(-2, 20), phq(16, 9), phq(44, 7), phq(107, 14))
    return replace(course, check_ins=checks), today


def therapy_stopped() -> Shape:
    course, today = maintenance()
    return replace(course, care=care_every(7, -7, 60)), today


def mood_unstable() -> Shape:
    course, today = iv_first_phase()
    check = MoodCheck(today - timedelta(days=3), racing_thoughts=True)
    return replace(course, mood_checks=(check,)), today


def no_response_at_review() -> Shape:
    course, today = iv_first_phase()
    return replace(course, check_ins=(phq(-2, 20), phq(16, 17))), today


def no_check_in_near_review() -> Shape:
    """The only PHQ-9 after the baseline is from day 2; the review session is on day 17."""
    days = (0, 3, 5, 8, 12, 17)
    course, _ = iv_first_phase()
    return (
        replace(course, sessions=sessions_on(days), check_ins=(phq(-2, 20), phq(2, 9))),
        day(18),
    )


# (name in docs/signals.md, shape, textbook: a course that should raise nothing)
SHAPES: tuple[tuple[str, Callable[[], Shape], bool], ...] = (
    ("IV first phase (6 infusions in 2.5 weeks, weekly therapy)", iv_first_phase, True),
    (
        "Esketamine first phase (twice a week, planned 56 to 84 mg step)",
        esketamine_first_phase,
        True,
    ),
    ("Maintenance every 2 to 4 weeks", maintenance, True),
    ("Esketamine on the label's schedule, therapy every 2 weeks", esketamine_label_schedule, True),
    ("A rescheduled session (first phase and maintenance)", rescheduled_session, True),
    ("Planned titration (four planned dose steps)", planned_titration, True),
    ("No therapy logged", no_therapy_logged, True),
    ("Bladder symptoms early on, none since", old_side_effect, True),
    ("Benefit shortening (lift 14, 14, 9, 6 days)", benefit_shortening, False),
    ("Sessions closer together (28, 28, 21, 14 days)", sessions_closer, False),
    ("Dose raised twice outside the plan", unplanned_dose_raises, False),
    ("Side effects rising (bladder at the last two sessions)", side_effects_rising, False),
    ("A relapse (PHQ-9 20, 9, 7, then 14)", relapse, False),
    ("Therapy stopped while sessions go on", therapy_stopped, False),
    ("Mood check with racing thoughts", mood_unstable, False),
    ("No response by the review session", no_response_at_review, False),
    ("No PHQ-9 near the review session", no_check_in_near_review, False),
)
