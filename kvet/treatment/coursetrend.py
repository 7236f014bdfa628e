"""How the PHQ-9 has moved over a course, in words: for screen readers, the chart and the report.

Response and remission are named as the conventions they are, never as a verdict on the person.
The sentences are English templates; ``say`` turns each into the window's language (the GUI
passes its translator, see kvet.gui.words.coursewords) before the numbers are filled in.

Every check-in where question 9 was answered above "Not at all" is listed here once
(``safety_answers``), so the window, the CSV and the page for the next appointment all show the
same answers: the app asks the person to tell their clinician, and these lines make sure the
clinician sees them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kvet.text.wording import counted, with_article
from kvet.treatment import phq9
from kvet.treatment.course import CheckIn, Course, day_words

NO_CHECK_INS = "No PHQ-9 check-ins yet. Fill one in before the first session, as a baseline."
BASELINE = "Baseline PHQ-9 {score} ({band}) on {day}."
FIRST = "First PHQ-9 {score} ({band}) on {day}."
NO_SESSIONS = (
    "No sessions recorded yet. The last check-in before the first session is the baseline."
)
NO_CHANGE = "no change to measure"
FALL = ("a {share} fall", "an {share} fall")
RISE = ("a {share} rise", "an {share} rise")
LATEST = "Latest {score} ({band}) on {day}: {moved}."
RECORDED = "Recorded so far: {what}."
BOTH = "{first} and {second}"
CHECK_INS = ("{count} check-in", "{count} check-ins")
SESSIONS = ("{count} session", "{count} sessions")
RESPONSE = "That meets the usual definition of a response (a fall of half or more)."
RESPONSE_LOW_BASELINE = (
    "The score fell by half or more. The usual definition of a response is only for a baseline "
    "of {least} or more, and this baseline was {score}, so it does not apply here."
)
REMISSION = "A score below 5 is what trials usually call remission."
SAFETY = (
    "On {day}, question {number} was answered “{answer}”. "
    "Please talk about this with your clinician."
)
TEMPLATES = (
    NO_CHECK_INS,
    BASELINE,
    FIRST,
    NO_SESSIONS,
    NO_CHANGE,
    *FALL,
    *RISE,
    LATEST,
    RECORDED,
    BOTH,
    *CHECK_INS,
    *SESSIONS,
    RESPONSE,
    RESPONSE_LOW_BASELINE,
    REMISSION,
    SAFETY,
)


@dataclass(frozen=True)
class SafetyAnswer:
    """A check-in whose answer to question 9 was above "Not at all"."""

    day: date
    number: int  # the question's number (9)
    value: int  # 1-3

    def answer(self, lang: str | None = None) -> str:
        """The answer in the questionnaire's own words ("Several days"), in ``lang``."""
        return phq9.load_phq9(lang).options[self.value].label


def safety_answers(course: Course) -> tuple[SafetyAnswer, ...]:
    """Every check-in where question 9 was above "Not at all", oldest first."""
    number = phq9.load_phq9().safety_item
    found = []
    for check in course.check_ins:
        value = phq9.safety_answer(check.answers)
        if value is not None and phq9.needs_help_now(check.answers):
            found.append(SafetyAnswer(check.day, number, value))
    return tuple(found)


def safety_lines(
    course: Course, say: Callable[[str], str] = str, lang: str | None = None
) -> list[str]:
    """One neutral sentence per such check-in, in ``say``'s language (answers in ``lang``'s
    official PHQ-9 wording, the run's language when None)."""
    return [
        say(SAFETY).format(day=day_words(a.day, say), number=a.number, answer=a.answer(lang))
        for a in safety_answers(course)
    ]


def _day(check: CheckIn, say: Callable[[str], str]) -> str:
    return day_words(check.day, say)


def moved(fall: float | None, say: Callable[[str], str] = str, nothing: str = NO_CHANGE) -> str:
    """ "a 40% fall", "an 80% fall", "a 10% rise", or ``nothing`` (in words) when the baseline
    was 0."""
    if fall is None:
        return say(nothing)
    forms = FALL if fall >= 0 else RISE
    share = f"{abs(fall):.0%}"
    return with_article(forms, int(share.rstrip("%")), say).format(share=share)


def recorded(checks: int, sessions: int, say: Callable[[str], str] = str) -> str:
    """ "Recorded so far: 1 check-in and 8 sessions." (either count left out when 0)."""
    parts = [counted(CHECK_INS, checks, say)] if checks else []
    if sessions:
        parts.append(counted(SESSIONS, sessions, say))
    what = say(BOTH).format(first=parts[0], second=parts[1]) if len(parts) == 2 else parts[0]
    return say(RECORDED).format(what=what)


def _score(template: str, check: CheckIn, say: Callable[[str], str], **more: str) -> str:
    band = phq9.load_phq9().band(check.total)
    return say(template).format(score=check.total, band=band, day=_day(check, say), **more)


def describe(course: Course, say: Callable[[str], str] = str) -> str:
    checks = course.check_ins
    if not checks:
        return say(NO_CHECK_INS)
    if not course.sessions:
        # Before the first session: the trend so far, never "0 sessions".
        first, newest = checks[0], checks[-1]
        if first is newest:
            return " ".join((_score(BASELINE, first, say), say(NO_SESSIONS)))
        fall = phq9.change_from_baseline(first.total, newest.total)
        return " ".join(
            (
                _score(FIRST, first, say),
                _score(LATEST, newest, say, moved=moved(fall, say)),
                recorded(len(checks), 0, say),
                say(NO_SESSIONS),
            )
        )
    baseline, latest = course.baseline(), course.latest()
    assert baseline is not None
    assert latest is not None
    first_line = _score(BASELINE, baseline, say)
    if latest is baseline:
        return first_line + " " + recorded(0, len(course.sessions), say)
    fall = phq9.change_from_baseline(baseline.total, latest.total)
    parts = [
        first_line,
        _score(LATEST, latest, say, moved=moved(fall, say)),
        recorded(len(checks), len(course.sessions), say),
    ]
    if phq9.is_response(baseline.total, latest.total):
        if phq9.response_applies(baseline.total):
            parts.append(say(RESPONSE))
        else:
            parts.append(
                say(RESPONSE_LOW_BASELINE).format(least=phq9.RESPONSE_FROM, score=baseline.total)
            )
    if phq9.is_remission(latest.total):
        parts.append(say(REMISSION))
    return " ".join(parts)
