"""How the PHQ-9 has moved over a course, in words: for screen readers, the chart and the report.

Response and remission are named as the conventions they are, never as a verdict on the person.
The sentences are English templates; ``say`` turns each into the window's language (the GUI
passes its translator, see kvet.gui.coursewords) before the numbers are filled in.
"""

from __future__ import annotations

from collections.abc import Callable

from kvet import phq9
from kvet.course import CheckIn, Course, day_words

NO_CHECK_INS = "No PHQ-9 check-ins yet. Fill one in before the first session, as a baseline."
BASELINE = "Baseline PHQ-9 {score} ({band}) on {day}."
ONLY_BASELINE = "{sessions} sessions recorded."
NO_CHANGE = "no change to measure"
FALL = "a {share} fall"
RISE = "a {share} rise"
LATEST = "Latest {score} ({band}) on {day}: {moved}."
COUNTS = "{checks} check-ins and {sessions} sessions recorded."
RESPONSE = "That meets the usual definition of a response (a fall of half or more)."
REMISSION = "A score below 5 is what trials usually call remission."
TEMPLATES = (
    NO_CHECK_INS,
    BASELINE,
    ONLY_BASELINE,
    NO_CHANGE,
    FALL,
    RISE,
    LATEST,
    COUNTS,
    RESPONSE,
    REMISSION,
)


def _day(check: CheckIn, say: Callable[[str], str]) -> str:
    return day_words(check.day, say)


def moved(fall: float | None, say: Callable[[str], str] = str, nothing: str = NO_CHANGE) -> str:
    """ "a 40% fall", "a 10% rise", or ``nothing`` (in words) when the baseline was 0."""
    if fall is None:
        return say(nothing)
    if fall >= 0:
        return say(FALL).format(share=f"{fall:.0%}")
    return say(RISE).format(share=f"{-fall:.0%}")


def describe(course: Course, say: Callable[[str], str] = str) -> str:
    data = phq9.load_phq9()
    checks = course.check_ins
    if not checks:
        return say(NO_CHECK_INS)
    baseline, latest = course.baseline(), course.latest()
    assert baseline is not None
    assert latest is not None
    first = say(BASELINE).format(
        score=baseline.total, band=data.band(baseline.total), day=_day(baseline, say)
    )
    if latest is baseline:
        return first + " " + say(ONLY_BASELINE).format(sessions=len(course.sessions))
    fall = phq9.change_from_baseline(baseline.total, latest.total)
    parts = [
        first,
        say(LATEST).format(
            score=latest.total,
            band=data.band(latest.total),
            day=_day(latest, say),
            moved=moved(fall, say),
        ),
        say(COUNTS).format(checks=len(checks), sessions=len(course.sessions)),
    ]
    if phq9.is_response(baseline.total, latest.total):
        parts.append(say(RESPONSE))
    if phq9.is_remission(latest.total):
        parts.append(say(REMISSION))
    return " ".join(parts)
