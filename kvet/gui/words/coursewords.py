"""The words of a treatment record (dates, side effects, signals, the PHQ-9 trend) in the
window's language.

The core (kvet.treatment.course, kvet.treatment.coursetrend, kvet.treatment.reconsider) keeps its
templates in English and
takes a ``say`` function; they are marked here for pyside6-lupdate, and
tests/gui/test_spanish_treatment.py checks that these lists and the core's agree.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.gui.words.verdictwords import say as month_word  # months are in the "Dates" context
from kvet.text import language
from kvet.text.datewords import MONTHS
from kvet.treatment.course import day_words

CONTEXT = "CourseWords"
SIDE_EFFECTS = (
    QT_TRANSLATE_NOOP("CourseWords", "Feeling detached or unreal"),
    QT_TRANSLATE_NOOP("CourseWords", "Dizzy or unsteady"),
    QT_TRANSLATE_NOOP("CourseWords", "Sick or vomiting"),
    QT_TRANSLATE_NOOP("CourseWords", "Headache or very tired"),
    QT_TRANSLATE_NOOP("CourseWords", "Anxious or frightened"),
    QT_TRANSLATE_NOOP("CourseWords", "Memory or attention problems"),
    QT_TRANSLATE_NOOP("CourseWords", "Bladder pain, urgency or going often"),
    QT_TRANSLATE_NOOP("CourseWords", "Needing more for the same effect"),
)
MARKERS = (
    QT_TRANSLATE_NOOP("CourseWords", "Getting out of bed more easily"),
    QT_TRANSLATE_NOOP("CourseWords", "Returning texts and calls"),
    QT_TRANSLATE_NOOP("CourseWords", "Cooking a meal"),
    QT_TRANSLATE_NOOP("CourseWords", "Showing up for work or study"),
    QT_TRANSLATE_NOOP("CourseWords", "Less frightened by my own thoughts"),
)
COURSE = (
    QT_TRANSLATE_NOOP("CourseWords", "Write a blood pressure as two numbers, such as 128/84."),
)
TREND = (
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "No PHQ-9 check-ins yet. Fill one in before the first session, as a baseline.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "Baseline PHQ-9 {score} ({band}) on {day}."),
    QT_TRANSLATE_NOOP("CourseWords", "First PHQ-9 {score} ({band}) on {day}."),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "No sessions recorded yet. The last check-in before the first session is the baseline.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "no change to measure"),
    QT_TRANSLATE_NOOP("CourseWords", "a {share} fall"),
    QT_TRANSLATE_NOOP("CourseWords", "an {share} fall"),
    QT_TRANSLATE_NOOP("CourseWords", "a {share} rise"),
    QT_TRANSLATE_NOOP("CourseWords", "an {share} rise"),
    QT_TRANSLATE_NOOP("CourseWords", "Latest {score} ({band}) on {day}: {moved}."),
    QT_TRANSLATE_NOOP("CourseWords", "Recorded so far: {what}."),
    QT_TRANSLATE_NOOP("CourseWords", "{first} and {second}"),
    QT_TRANSLATE_NOOP("CourseWords", "{count} check-in"),
    QT_TRANSLATE_NOOP("CourseWords", "{count} check-ins"),
    QT_TRANSLATE_NOOP("CourseWords", "{count} session"),
    QT_TRANSLATE_NOOP("CourseWords", "{count} sessions"),
    QT_TRANSLATE_NOOP(
        "CourseWords", "That meets the usual definition of a response (a fall of half or more)."
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "The score fell by half or more. The usual definition of a response is only for a"
        " baseline of {least} or more, and this baseline was {score}, so it does not "
        "apply here.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "A score below 5 is what trials usually call remission."),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "On {day}, question {number} was answered “{answer}”. Please talk about this with"
        " your clinician.",
    ),
)
SIGNALS = (
    QT_TRANSLATE_NOOP("CourseWords", "Talk with your treating clinician about this."),
    QT_TRANSLATE_NOOP("CourseWords", "Benefits brief, sessions or doses increasing"),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Looked at only after the first phase, that is after session {first}. "
        "Raised when the gaps between sessions get shorter {run} times in a row, the last "
        "at most {share} of the first; when the days the lift lasted get "
        "shorter {run} times in a row, the last at most {lift} of the first; or"
        " when the clinic raised the dose, outside its plan, at {raises} or "
        "more of the last {recent} sessions.",
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Looked at only after the first phase (the first {days} days of "
        "sessions, as the plan does not say how many sessions it has). Raised "
        "when the gaps between sessions get shorter {run} times in a row, the "
        "last at most {share} of the first; when the days the lift lasted get "
        "shorter {run} times in a row, the last at most {lift} of the first; or"
        " when the clinic raised the dose, outside its plan, at {raises} or "
        "more of the last {recent} sessions.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "Days between sessions, up to {day}: {gaps}."),
    QT_TRANSLATE_NOOP("CourseWords", "Days the lift lasted, up to {day}: {lifts}."),
    QT_TRANSLATE_NOOP("CourseWords", "The clinic raised the dose, not as planned, on {days}."),
    QT_TRANSLATE_NOOP("CourseWords", "Side effects adding up, or recovery taking longer"),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Raised when a longer-term side effect (memory or attention, bladder, "
        "needing more) is noted at {sessions} or more of the last {window} "
        "sessions; when the last {late} sessions average at least {more} more "
        "side effect than the first {early}; or when getting steady takes "
        "{times} times as long as at the start.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "{effect}: noted on {days}."),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Side effects per session rose from {first} at the start to {last} lately.",
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Minutes until steady, on average: {first} at the start, {last} lately.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "Mood unstable"),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Raised when a weekly mood check in the last {days} days notes "
        "agitation, sleeping much less, racing thoughts or other signs of a "
        "high mood. The check is not a test: only a clinician can say what "
        "these signs mean.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "Mood check on {day} noted: {signs}."),
    QT_TRANSLATE_NOOP("CourseWords", "agitation"),
    QT_TRANSLATE_NOOP("CourseWords", "sleeping much less"),
    QT_TRANSLATE_NOOP("CourseWords", "racing thoughts"),
    QT_TRANSLATE_NOOP("CourseWords", "other signs of a high mood"),
    QT_TRANSLATE_NOOP("CourseWords", "Therapy and other support alongside ketamine"),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Looked at only after the first phase, and only where therapy or other "
        "care is logged. Raised while ketamine sessions go on when, in the last"
        " {days} days, care came less than half as often as its own earlier "
        "rhythm; or came less often than that rhythm while the signs of coping "
        "you tick each week fell by {drop} or more.",
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Sessions of therapy or other care in {days} days: about {expected} "
        "before, {recent} in the last {days} days, while ketamine sessions went"
        " on.",
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Signs of coping ticked each week: {early} on average, then {late} lately.",
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "A question, not a signal: is other support in place alongside "
        "ketamine, such as therapy, a doctor or a group? If so, you can note it"
        " under Each week.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "PHQ-9 higher than your best score"),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Raised when the latest PHQ-9 is {points} or more points above your "
        "best (lowest) score before it. A change of {points} points is the "
        "usual size of a change that matters on the PHQ-9, and each PHQ-9 "
        "already covers two weeks.",
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Best score {best} on {best_day}; latest {latest} on {day}, {rise} points higher.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "The plan's review point"),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "The clinic said it would review the plan if there is no response by "
        "session {session}. Response is the usual convention of a PHQ-9 fall of"
        " at least half from the baseline. The PHQ-9 looks back over two weeks,"
        " so kvet compares with the check-in closest to that session, within "
        "{days} days of it.",
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Session {session} was on {day}. No PHQ-9 after the baseline falls "
        "within {days} days of it, so there is nothing recent to compare.",
    ),
    QT_TRANSLATE_NOOP(
        "CourseWords",
        "Session {session} was on {day}. PHQ-9 {baseline} on {baseline_day}, "
        "then {latest} on {latest_day}: {said}.",
    ),
    QT_TRANSLATE_NOOP("CourseWords", "no change to measure (the baseline was 0)"),
)


def say(english: str) -> str:
    """One of the core's English templates (or labels), in the window's language."""
    return month_word(english) if english in MONTHS else translate(CONTEXT, english)


def day_text(day: date) -> str:
    """ "5 Mar 2026" in the window's language, as the signals and the summary write dates."""
    return day_words(day, month_word)


def date_locale() -> QLocale:
    """The locale for date fields, so "d MMM yyyy" names the month in the window's language."""
    return QLocale(language.active())
