"""The blood pressure readings of a course, read for the page the person takes to their clinician.

A session records a reading before the dose and one after. This module finds the highest of each
and names, in neutral words, the readings before a dose that the esketamine label treats with
caution. It never says what a reading means for the person or their treatment: that is the
clinician's call, so the line only says the reading is worth mentioning.

Source of the numbers: SPRAVATO (esketamine) nasal spray, US Prescribing Information (Janssen
Pharmaceuticals), section 5 Warnings and Precautions, "Increase in Blood Pressure" (5.6 in the
2019 label): esketamine raises systolic and/or diastolic blood pressure at all recommended doses,
peaking about 40 minutes after the dose and lasting about 4 hours; blood pressure is assessed
before dosing, and where it is elevated before a dose (the label's example: >140 mmHg systolic,
>90 mmHg diastolic) the prescriber weighs the short-term rise against the benefit; it is checked
again about 40 minutes after the dose and until stable. The label's numbers are "greater than",
so 140/90 itself is not above them.

The sentences are English templates; ``say`` turns each into the reader's language (the printout
passes its words file's, see kvet.exchange.coursereport) before the numbers and dates are filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kvet.treatment.course import Course, day_words, format_blood_pressure

Say = Callable[[str], str]
Reading = tuple[int, int]

# The esketamine label's example of a raised reading before a dose (section 5, 5.6): above these.
SYSTOLIC_CAUTION = 140
DIASTOLIC_CAUTION = 90

NO_READINGS = "No blood pressure readings recorded yet."
HIGHEST_BEFORE = "Highest before a session: {reading} on {day}."
HIGHEST_AFTER = "Highest after a session: {reading} on {day}."
WORTH_MENTIONING = (
    "Worth mentioning to your clinician: readings before a session above {systolic}/{diastolic}, "
    "the numbers the esketamine label gives as an example of a raised reading before a dose: "
    "{readings}."
)
READING_ON = "{reading} on {day}"
ONE_EARLIER = "and 1 earlier"
MORE_EARLIER = "and {more} earlier"
TEMPLATES = (
    NO_READINGS,
    HIGHEST_BEFORE,
    HIGHEST_AFTER,
    WORTH_MENTIONING,
    READING_ON,
    ONE_EARLIER,
    MORE_EARLIER,
)
RAISED_SHOWN = 3  # the latest raised readings named on the page; earlier ones are counted


def above_caution(reading: Reading) -> bool:
    """Above the label's example of a raised reading: over 140 systolic or over 90 diastolic."""
    systolic, diastolic = reading
    return systolic > SYSTOLIC_CAUTION or diastolic > DIASTOLIC_CAUTION


@dataclass(frozen=True)
class Dated:
    reading: Reading
    day: date


def _highest(found: list[Dated]) -> Dated | None:
    """The highest top number; of equal ones, the highest bottom number, then the latest."""
    if not found:
        return None
    return max(found, key=lambda d: (d.reading[0], d.reading[1], d.day))


def highest_before(course: Course) -> Dated | None:
    return _highest([Dated(s.bp_before, s.day) for s in course.sessions if s.bp_before])


def highest_after(course: Course) -> Dated | None:
    return _highest([Dated(s.bp_after, s.day) for s in course.sessions if s.bp_after])


def raised_before(course: Course) -> list[Dated]:
    """The readings before a dose that are above the label's example, in date order."""
    return [
        Dated(s.bp_before, s.day)
        for s in course.sessions
        if s.bp_before is not None and above_caution(s.bp_before)
    ]


def _said(dated: Dated, template: str, say: Say) -> str:
    return say(template).format(
        reading=format_blood_pressure(dated.reading), day=day_words(dated.day, say)
    )


def lines(course: Course, say: Say = str) -> list[str]:
    """What the page says about blood pressure: the highest readings, then the worth-mentioning
    line when a reading before a dose was above the label's example."""
    before, after = highest_before(course), highest_after(course)
    if before is None and after is None:
        return [say(NO_READINGS)]
    found = []
    if before is not None:
        found.append(_said(before, HIGHEST_BEFORE, say))
    if after is not None:
        found.append(_said(after, HIGHEST_AFTER, say))
    if raised := raised_before(course):
        named = [_said(d, READING_ON, say) for d in raised[-RAISED_SHOWN:]]
        earlier = len(raised) - len(named)
        if earlier == 1:
            named.append(say(ONE_EARLIER))
        elif earlier > 1:
            named.append(say(MORE_EARLIER).format(more=earlier))
        readings = ", ".join(named)
        found.append(
            say(WORTH_MENTIONING).format(
                readings=readings, systolic=SYSTOLIC_CAUTION, diastolic=DIASTOLIC_CAUTION
            )
        )
    return found
