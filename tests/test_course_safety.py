"""What the person recorded reaches their clinician, in plain, correct words.

- Every check-in where question 9 was above "Not at all" is listed once in the core and shown in
  the window's summary, the CSV and the page for the next appointment.
- Response is only named for a baseline of 10 or more.
- Before the first session, the summary keeps the trend and never says "0 sessions".
- Counted words and articles are right: "1 session", "an 80% fall".
"""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from kvet.exchange import coursereport
from kvet.exchange.words import printout_words
from kvet.text.wording import counted, takes_an
from kvet.treatment import coursetrend, phq9
from kvet.treatment.course import CheckIn, Course, DoseSession

START = date(2026, 3, 2)


def check(day: date, total: int, nine: int = 0) -> CheckIn:
    """A check-in with ``total`` spread over questions 1-8 and ``nine`` for question 9."""
    rest = total - nine
    answers = [min(3, max(0, rest - 3 * i)) for i in range(8)]
    assert sum(answers) == rest
    return CheckIn(day, (*answers, nine))


def course_with(*checks: CheckIn, sessions: int = 0) -> Course:
    first = START + timedelta(days=1)
    return Course(
        "Clinic A",
        sessions=tuple(DoseSession(first + timedelta(days=3 * i)) for i in range(sessions)),
        check_ins=checks,
    )


# --- question 9 leaves a trace -----------------------------------------------------------------


def nine_course() -> Course:
    return course_with(
        check(date(2026, 3, 1), 18, nine=0),
        check(date(2026, 3, 12), 14, nine=1),
        check(date(2026, 3, 20), 12, nine=0),
        check(date(2026, 3, 27), 13, nine=3),
        sessions=6,
    )


def test_every_check_in_with_question_nine_above_not_at_all_is_listed_with_its_date() -> None:
    found = coursetrend.safety_answers(nine_course())
    assert [(a.day, a.number, a.value) for a in found] == [
        (date(2026, 3, 12), 9, 1),
        (date(2026, 3, 27), 9, 3),
    ]
    assert [a.answer("en") for a in found] == ["Several days", "Nearly every day"]
    assert [a.answer("es") for a in found] == ["Varios días", "Casi todos los días"]
    assert coursetrend.safety_lines(nine_course()) == [
        "On 12 Mar 2026, question 9 was answered “Several days”. "
        "Please talk about this with your clinician.",
        "On 27 Mar 2026, question 9 was answered “Nearly every day”. "
        "Please talk about this with your clinician.",
    ]
    assert coursetrend.safety_answers(course_with(check(START, 10))) == ()


def test_the_csv_has_a_question_nine_column_with_every_answer() -> None:
    for lang, heading, answer in (
        ("en", "PHQ-9 question 9", "Several days"),
        ("es", "Pregunta 9 del PHQ-9", "Varios días"),
    ):
        rows = list(csv.reader(coursereport.course_csv(nine_course(), lang).splitlines()))
        column = rows[0].index(heading)
        assert rows[0][column - 1] == ("PHQ-9 total" if lang == "en" else "Total del PHQ-9")
        checks = [r for r in rows[1:] if r[1] == "PHQ-9"]
        by_day = {r[0]: r[column] for r in checks}
        assert by_day["2026-03-12"] == answer
        nothing = phq9.load_phq9(lang).options[0].label
        assert by_day["2026-03-01"] == nothing  # "Not at all" is kept too: the whole record
        assert all(len(r) == len(rows[0]) for r in rows)
        assert rows[0][-1] in ("Note", "Nota")  # the note stays last


def test_the_appointment_page_shows_question_nine_first_in_both_languages() -> None:
    for lang, line, heading in (
        ("en", "On 12 Mar 2026, I answered “Several days”.", "PHQ-9 question 9"),
        ("es", "El 12 mar 2026 respondí “Varios días”.", "Pregunta 9 del PHQ-9"),
    ):
        page = coursereport.course_html(nine_course(), date(2026, 3, 28), lang)
        assert heading in page
        question = phq9.load_phq9(lang).items[8].text
        assert question in page  # the question in the questionnaire's own words
        assert line in page
        # near the top: before how it is going, the signals and the tables
        assert page.index(line) < page.index("<h2>", page.index(heading) + 1)
        assert page.index(heading) < page.index(printout_words(lang)("course", "how_it_is_going"))
    calm = coursereport.course_html(course_with(check(START, 10), sessions=2), START, "en")
    assert "question 9" not in calm


# --- response needs a baseline of 10 ------------------------------------------------------------


def test_a_fall_from_a_low_baseline_is_not_called_a_response() -> None:
    low = coursetrend.describe(
        course_with(check(START, 6), check(START + timedelta(20), 3), sessions=4)
    )
    assert "meets the usual definition of a response" not in low
    assert "only for a baseline of 10 or more, and this baseline was 6" in low
    # From 10, the usual definition applies: 10 to 5 is a response.
    ten = coursetrend.describe(
        course_with(check(START, 10), check(START + timedelta(20), 5), sessions=4)
    )
    assert "That meets the usual definition of a response" in ten
    nine = coursetrend.describe(
        course_with(check(START, 9), check(START + timedelta(20), 4), sessions=4)
    )
    assert "this baseline was 9" in nine
    assert [phq9.response_applies(b) for b in (0, 9, 10, 27)] == [False, False, True, True]


# --- check-ins before the first session ----------------------------------------------------------


def test_before_the_first_session_the_trend_stays_and_no_zero_sessions_is_said() -> None:
    text = coursetrend.describe(
        course_with(
            check(START, 14), check(START + timedelta(7), 10), check(START + timedelta(14), 4)
        )
    )
    assert "0 session" not in text
    assert text.startswith("First PHQ-9 14 (moderate) on 2 Mar 2026.")
    assert "Latest 4 (minimal) on 16 Mar 2026: a 71% fall." in text
    assert "Recorded so far: 3 check-ins." in text
    assert "No sessions recorded yet." in text
    one = coursetrend.describe(course_with(check(START, 4)))
    assert one == (
        "Baseline PHQ-9 4 (minimal) on 2 Mar 2026. No sessions recorded yet. "
        "The last check-in before the first session is the baseline."
    )


# --- plural and article -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "article"),
    [
        (0, "a"), (1, "a"), (2, "a"), (8, "an"), (10, "a"), (11, "an"), (18, "an"), (19, "a"),
        (80, "an"), (81, "an"), (100, "a"), (110, "a"), (180, "a"), (800, "an"), (1100, "a"),
        (1800, "a"), (8000, "an"), (11000, "an"), (18500, "an"), (2600, "a"),
    ],
)  # fmt: skip
def test_english_says_an_before_numbers_read_with_a_vowel(number: int, article: str) -> None:
    assert ("an" if takes_an(number) else "a") == article


@pytest.mark.parametrize("count", [0, 1, 2, 8, 11, 18, 80, 800])
def test_counted_words_are_singular_only_for_one(count: int) -> None:
    words = counted(coursetrend.SESSIONS, count)
    assert words == (f"{count} session" if count == 1 else f"{count} sessions")
    text = coursetrend.describe(course_with(check(START, 12), sessions=count)) if count else ""
    if count:
        assert text.endswith(f"Recorded so far: {words}.")


@pytest.mark.parametrize(
    ("baseline", "latest", "moved"),
    [
        (20, 4, "an 80% fall"),
        (24, 22, "an 8% fall"),
        (9, 8, "an 11% fall"),
        (11, 9, "an 18% fall"),
        (10, 9, "a 10% fall"),
        (10, 5, "a 50% fall"),
        (1, 9, "an 800% rise"),
        (5, 6, "a 20% rise"),
        (12, 12, "a 0% fall"),
    ],
)
def test_the_fall_or_rise_takes_the_right_article(baseline: int, latest: int, moved: str) -> None:
    course = course_with(check(START, baseline), check(START + timedelta(20), latest), sessions=2)
    assert f": {moved}." in coursetrend.describe(course)


def test_one_check_in_and_one_session_are_counted_in_the_singular() -> None:
    course = course_with(check(START, 12), check(START + timedelta(20), 10), sessions=1)
    assert "Recorded so far: 2 check-ins and 1 session." in coursetrend.describe(course)
    before = course_with(check(START, 12), check(START + timedelta(1), 10))
    assert "Recorded so far: 2 check-ins." in coursetrend.describe(before)


def test_the_appointment_page_before_the_first_session_keeps_the_trend() -> None:
    course = course_with(check(START, 14), check(START + timedelta(7), 10))
    page = coursereport.course_html(course, START + timedelta(8), "en")
    assert "0 sessions" not in page
    assert "First PHQ-9 14 (moderate) on 2 Mar 2026." in page
    assert "Latest 10 (moderate) on 9 Mar 2026: a 29% fall." in page


# --- what the clinic needs to judge the dose reaches the paper ----------------------------------


def dosing_course() -> Course:
    return Course(
        "Clinic A",
        sessions=(
            DoseSession(START, dose_raised=True, dose_raise_planned=True),
            DoseSession(START + timedelta(days=3), dose_raised=True, lift_days=2),
            DoseSession(START + timedelta(days=6), lift_days=0),
        ),
    )


def test_a_planned_raise_and_the_days_a_lift_lasted_reach_the_log_and_the_page() -> None:
    """A clinic reading the log tells a planned raise (titration) from an unplanned one, and
    sees how long each lift lasted (0, no lift at all, is kept, not left blank)."""
    for lang, planned, lasted in (
        ("en", "Raise planned by the clinic", "Days the lift from the session before lasted"),
        ("es", "Aumento planeado por la clínica", "Días que duró la mejoría de la sesión anterior"),
    ):
        rows = list(csv.reader(coursereport.course_csv(dosing_course(), lang).splitlines()))
        assert all(len(r) == len(rows[0]) for r in rows)
        yes, no = ("yes", "no") if lang == "en" else ("sí", "no")
        assert [r[rows[0].index(planned)] for r in rows[1:]] == [yes, no, ""]
        assert [r[rows[0].index(lasted)] for r in rows[1:]] == ["", "2", "0"]
    page = coursereport.course_html(dosing_course(), START + timedelta(days=7), "en")
    assert page.count("(raised, as the clinic planned)") == 1
    assert page.count("(raised)") == 1
    assert "Days the lift from the session before lasted: 2" in page
    assert "Days the lift from the session before lasted: 0" in page
