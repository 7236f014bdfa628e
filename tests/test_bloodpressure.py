"""Blood pressure is recorded before and after every session; the page for the next appointment
reads it: the highest readings, and a neutral line for readings before a dose that the esketamine
label treats with caution (its example: above 140 systolic or above 90 diastolic)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kvet.treatment import bloodpressure
from kvet.treatment.bloodpressure import above_caution, lines
from kvet.treatment.course import Course, DoseSession

START = date(2026, 3, 2)


def course_with(*readings: tuple[tuple[int, int] | None, tuple[int, int] | None]) -> Course:
    return Course(
        "Clinic",
        sessions=tuple(
            DoseSession(START + timedelta(days=3 * n), bp_before=before, bp_after=after)
            for n, (before, after) in enumerate(readings)
        ),
    )


@pytest.mark.parametrize(
    ("reading", "worth_mentioning"),
    [
        ((139, 80), False),
        ((140, 80), False),  # the label says "greater than 140": 140 itself is not above it
        ((141, 80), True),
        ((120, 89), False),
        ((120, 90), False),
        ((120, 91), True),
        ((140, 90), False),
        ((141, 91), True),
    ],
)
def test_the_labels_numbers_are_read_at_their_boundaries(
    reading: tuple[int, int], worth_mentioning: bool
) -> None:
    assert above_caution(reading) is worth_mentioning
    said = " ".join(lines(course_with((reading, (120, 80)))))
    assert ("Worth mentioning" in said) is worth_mentioning


def test_the_thresholds_are_the_labels_example() -> None:
    assert (bloodpressure.SYSTOLIC_CAUTION, bloodpressure.DIASTOLIC_CAUTION) == (140, 90)


def test_the_highest_readings_before_and_after_are_named_with_their_dates() -> None:
    course = course_with(((128, 84), (150, 95)), ((135, 80), (142, 99)), ((130, 88), (150, 96)))
    said = lines(course)
    # highest top number first; of two equal ones, the higher bottom number
    assert said[0] == "Highest before a session: 135/80 on 5 Mar 2026."
    assert said[1] == "Highest after a session: 150/96 on 8 Mar 2026."
    assert len(said) == 2  # nothing before a dose was above 140/90: no line to mention


def test_a_raised_reading_before_a_dose_is_worth_mentioning_in_neutral_words() -> None:
    course = course_with(((146, 92), (160, 100)), ((132, 84), (150, 90)))
    said = lines(course)
    line = said[-1]
    assert line.startswith("Worth mentioning to your clinician:")
    assert "146/92 on 2 Mar 2026" in line
    assert "132/84" not in line
    assert "140/90" in line
    assert "esketamine label" in line
    for word in ("stop", "danger", "must", "should"):
        assert word not in line.lower()


def test_a_raised_reading_after_a_dose_alone_is_shown_as_highest_but_not_flagged() -> None:
    """The label expects blood pressure to rise after a dose; its example is for before."""
    said = lines(course_with(((128, 82), (170, 100))))
    assert said == [
        "Highest before a session: 128/82 on 2 Mar 2026.",
        "Highest after a session: 170/100 on 2 Mar 2026.",
    ]


def test_many_raised_readings_name_the_latest_three_and_count_the_rest() -> None:
    course = course_with(*[((141 + n, 85), None) for n in range(6)])
    line = lines(course)[-1]
    assert "144/85" in line
    assert "145/85" in line
    assert "146/85" in line
    assert "141/85" not in line
    assert line.endswith("and 3 earlier.")
    one_more = lines(course_with(*[((141 + n, 85), None) for n in range(4)]))[-1]
    assert one_more.endswith("and 1 earlier.")


def test_no_readings_say_so_and_missing_halves_are_skipped() -> None:
    assert lines(course_with((None, None))) == ["No blood pressure readings recorded yet."]
    assert lines(Course("Clinic")) == ["No blood pressure readings recorded yet."]
    assert lines(course_with((None, (130, 80)))) == [
        "Highest after a session: 130/80 on 2 Mar 2026."
    ]
