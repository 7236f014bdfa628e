"""Whole courses, as a clinician would recognise them: textbook courses raise nothing, and each
shape worth talking about raises its own signal. The table in docs/signals.md is recomputed here
from the code, so the page and the program cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kvet.treatment import reconsider
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
from tests.reconsider_courses import MARKERS, SHAPES, START

DOC = Path(__file__).resolve().parent.parent / "docs" / "signals.md"
NOTHING = "nothing"
ASKS = "asks once about other support"


def raised_words(course: Course, today: date) -> str:
    signals = reconsider.all_signals(course, today)
    titles = [s.title for s in signals if s.raised]
    words = "; ".join(titles) or NOTHING
    if any(s.question for s in signals):
        words += f" ({ASKS})"
    return words


def table_in_doc() -> list[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- shapes:start -->")[1].split("<!-- shapes:end -->")[0]
    rows = []
    for line in block.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and not set(cells[0]) <= set("-: ") and cells[0] != "Course shape":
            rows.append((cells[0], cells[1]))
    return rows


def test_the_table_in_docs_signals_md_is_what_the_code_raises() -> None:
    computed = [(name, raised_words(*make())) for name, make, _textbook in SHAPES]
    assert table_in_doc() == computed
    assert len(computed) >= 9


def test_every_textbook_shape_raises_nothing_and_every_other_raises_one_signal() -> None:
    for name, make, textbook in SHAPES:
        course, today = make()
        keys = [s.key for s in reconsider.all_signals(course, today) if s.raised]
        assert (keys == []) is textbook, name
        assert len(keys) <= 1, name


def test_docs_signals_md_names_a_source_or_kvets_own_choice_for_every_threshold() -> None:
    text = DOC.read_text(encoding="utf-8")
    names = re.findall(r"^([A-Z][A-Z_]+) = ", Path(reconsider.__file__).read_text(), re.M)
    thresholds = [n for n in names if isinstance(getattr(reconsider, n), int | float)]
    assert len(thresholds) >= 18
    for name in thresholds:
        row = next((line for line in text.splitlines() if f"`{name}`" in line), "")
        assert str(getattr(reconsider, name)) in row, name
        assert "kvet's own choice" in row or "Source:" in row or "source:" in row, name


# --- property tests: generated textbook courses ----------------------------------------------


@st.composite
def textbook(draw: st.DrawFn) -> tuple[Course, date]:
    """An IV or esketamine course as the schedules describe it, with ordinary variation: a
    first phase of 4-8 sessions 2-4 days apart; maintenance gaps that stay or lengthen;
    dose steps only in the first phase or planned; steady side effects; a response by the
    review session with rises of at most 4 points; weekly or two-weekly therapy, or none."""
    first = draw(st.integers(4, 8))
    gaps = draw(st.lists(st.integers(2, 4), min_size=first - 1, max_size=first - 1))
    later = sorted(draw(st.lists(st.integers(7, 28), max_size=8)))
    days = [0]
    for gap in [*gaps, *later]:
        days.append(days[-1] + gap)
    effects = frozenset(draw(st.sets(st.sampled_from(list(SideEffect)[:5]))))
    lifts = sorted(draw(st.lists(st.integers(1, 30), min_size=len(later), max_size=len(later))))
    steady = sorted(
        draw(st.lists(st.integers(10, 60), min_size=len(days), max_size=len(days))), reverse=True
    )
    raises = draw(st.sets(st.integers(0, len(days) - 1)))
    sessions = []
    for n, offset in enumerate(days):
        in_first = n < first
        sessions.append(
            DoseSession(
                START + timedelta(days=offset),
                dose_raised=n in raises,
                dose_raise_planned=n in raises and (not in_first or draw(st.booleans())),
                side_effects=effects,
                minutes_to_steady=steady[n],
                lift_days=None if in_first else lifts[n - first],
            )
        )
    today_offset = days[-1] + draw(st.integers(1, 10))
    baseline = draw(st.integers(10, 24))
    best = draw(st.integers(0, baseline // 2))
    checks = [(-2, baseline), (days[first - 1], best)]
    for offset in range(days[first - 1] + 14, today_offset + 1, 14):
        total = min(24, max(0, best + draw(st.integers(-3, 4))))
        checks.append((offset, total))
        best = min(best, total)
    check_ins = tuple(CheckIn(START + timedelta(days=d), tuple(_answers(t))) for d, t in checks)
    rhythm = draw(st.sampled_from([0, 7, 14]))
    care: list[CareSession] = []
    offset = -14
    while rhythm and offset <= today_offset:
        care.append(CareSession(START + timedelta(days=offset)))
        offset += rhythm + draw(st.integers(-1, 0))
    ticked = draw(st.integers(0, len(MARKERS)))
    markers = tuple(
        MarkerWeek(START + timedelta(days=d), frozenset(MARKERS[:ticked]))
        for d in range(0, today_offset, 7)
    )
    moods = tuple(MoodCheck(START + timedelta(days=d)) for d in range(0, today_offset, 7))
    plan = Plan(
        first_phase_sessions=draw(st.sampled_from([first, None])) if first * 4 <= 28 else first,
        review_at_session=draw(st.sampled_from([first, None])),
    )
    course = Course(
        "Textbook",
        plan=plan,
        sessions=tuple(sessions),
        check_ins=check_ins,
        mood_checks=moods,
        care=tuple(care),
        markers=markers,
    )
    return course, START + timedelta(days=today_offset)


def _answers(total: int) -> list[int]:
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1
    return answers


@settings(max_examples=150)
@given(textbook())
def test_no_signal_is_raised_by_a_textbook_course(shape: tuple[Course, date]) -> None:
    course, today = shape
    assert [s.key for s in reconsider.all_signals(course, today) if s.raised] == []


def _raised(course: Course, today: date) -> set[str]:
    return {s.key for s in reconsider.all_signals(course, today) if s.raised}


@settings(max_examples=60)
@given(textbook(), st.integers(28, 40))
def test_sessions_closer_and_closer_raise_the_first_signal(
    shape: tuple[Course, date], start: int
) -> None:
    course, _today = shape
    day = course.sessions[-1].day
    extra = []
    for gap in (start, start * 3 // 4, start // 2):
        day += timedelta(days=gap)
        extra.append(DoseSession(day))
    course = replace(course, sessions=(*course.sessions, *extra))
    assert "escalating" in _raised(course, day + timedelta(days=1))


@settings(max_examples=60)
@given(textbook())
def test_bladder_symptoms_at_the_last_two_sessions_raise_the_side_effect_signal(
    shape: tuple[Course, date],
) -> None:
    course, today = shape
    sessions = list(course.sessions)
    for n in (-1, -2):
        sessions[n] = replace(sessions[n], side_effects=frozenset({SideEffect.BLADDER}))
    assert "side_effects" in _raised(replace(course, sessions=tuple(sessions)), today)


@settings(max_examples=60)
@given(textbook(), st.integers(0, 14))
def test_a_recent_mood_sign_raises_the_mood_signal(shape: tuple[Course, date], back: int) -> None:
    course, today = shape
    sign = MoodCheck(today - timedelta(days=back), agitated=True)
    assert "mood" in _raised(replace(course, mood_checks=(*course.mood_checks, sign)), today)


@settings(max_examples=60)
@given(textbook(), st.integers(5, 10))
def test_a_phq9_well_above_the_best_raises_the_rise(
    shape: tuple[Course, date], points: int
) -> None:
    course, today = shape
    best = min(c.total for c in course.check_ins)
    late = CheckIn(today, tuple(_answers(min(24, best + points))))
    assert "rising" in _raised(replace(course, check_ins=(*course.check_ins, late)), today)


@settings(max_examples=60)
@given(textbook(), st.integers(29, 60))
def test_therapy_that_stops_while_sessions_go_on_raises_the_support_signal(
    shape: tuple[Course, date], quiet: int
) -> None:
    course, today = shape
    if not course.care:
        return
    later = today + timedelta(days=quiet)
    stopped = replace(
        course,
        care=tuple(c for c in course.care if c.day <= today),
        sessions=(*course.sessions, DoseSession(later)),
    )
    assert "care" in _raised(stopped, later)


@settings(max_examples=60)
@given(textbook())
def test_no_response_by_the_review_session_raises_the_review_point(
    shape: tuple[Course, date],
) -> None:
    course, today = shape
    first = reconsider.first_phase(course)
    at = len(first)
    baseline = course.check_ins[0]
    same = CheckIn(first[-1].day, baseline.answers)
    checks = (baseline, same)
    course = replace(course, plan=replace(course.plan, review_at_session=at), check_ins=checks)
    assert "checkpoint" in _raised(course, today)
