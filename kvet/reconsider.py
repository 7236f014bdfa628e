"""The article's four signals that a course may need a second look, read from the person's log.

Each rule is written out below in plain words and shown with the entries that raised it. None of
them is a diagnosis and none says "stop": every signal ends by sending the person to their
treating clinician. The plan's own checkpoint ("we review if there is no response by session N")
is read the same way.

The words are English templates; ``say`` turns each into the window's language (the GUI passes
its translator, see kvet.gui.coursewords) before the entries' numbers and dates are filled in.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from kvet import phq9
from kvet.course import LONGER_TERM, SIDE_EFFECT_LABELS, Course, DoseSession, day_words
from kvet.coursetrend import moved

Say = Callable[[str], str]
ADVICE = "Talk with your treating clinician about this."

# The thresholds, named so the page that explains them and the tests use the same numbers.
GAP_SHRINK = 0.75  # the last two gaps between sessions average 75% or less of the two before
DOSE_RAISES = 2  # the dose was raised at 2 or more of the last 4 sessions
RECENT_SESSIONS = 4
LONGER_TERM_SESSIONS = 2  # a longer-term side effect noted at 2 or more sessions
MORE_EFFECTS = 1.0  # one more side effect per session, on average, than at the start
SLOWER_RECOVERY = 1.5  # recovery takes half as long again as at the start
EARLY_LATE = 3  # "at the start" and "lately" are the first and last three sessions
MOOD_DAYS = 14
CARE_DAYS = 28
MIN_SESSIONS_FOR_CARE = 2

# Every sentence a signal can say, as an English template with named places.
ESCALATING = "Benefits brief, sessions or doses increasing"
ESCALATING_RULE = (
    "Raised when sessions come closer together again (the last two gaps average "
    "{share} or less of the two before), or when the clinic raised the dose at "
    "{raises} or more of the last {recent} sessions."
)
CLOSER = "Sessions were {before} days apart on average, then {last} days (up to {day})."
DOSE_RAISED = "The clinic raised the dose on {days}."
SIDE_EFFECTS = "Side effects adding up, or recovery taking longer"
SIDE_EFFECTS_RULE = (
    "Raised when a longer-term side effect (memory or attention, bladder, needing more) is "
    "noted at {sessions} or more sessions; when the last {late} sessions "
    "average at least {more} more side effect than the first {early}; or "
    "when getting steady takes {times} times as long as at the start."
)
NOTED_ON = "{effect}: noted on {days}."
MORE_PER_SESSION = "Side effects per session rose from {first} at the start to {last} lately."
SLOWER = "Getting steady took {first} minutes on average at the start, {last} minutes lately."
MOOD = "Mood unstable"
MOOD_RULE = (
    "Raised when a weekly mood check in the last {days} days notes agitation, sleeping "
    "much less, racing thoughts or other signs of a high mood. The check is not a test: "
    "only a clinician can say what these signs mean."
)
MOOD_NOTED = "Mood check on {day} noted: {signs}."
MOOD_SIGNS = (
    ("agitated", "agitation"),
    ("sleeping_much_less", "sleeping much less"),
    ("racing_thoughts", "racing thoughts"),
    ("other_high_mood_signs", "other signs of a high mood"),
)
CARE = "Ketamine replacing therapy and coping"
CARE_RULE = (
    "Raised when, over the last {days} days, ketamine sessions outnumber therapy and "
    "other care sessions (with at least {least} ketamine sessions)."
)
CARE_COUNTS = (
    "In the last {days} days: {doses} ketamine sessions and {care} therapy or care sessions."
)
CHECKPOINT = "The plan's review point"
CHECKPOINT_RULE = (
    "The clinic said it would review the plan if there is no response by session {session}. "
    "Response is the usual convention of a PHQ-9 fall of at least half from the baseline."
)
NOTHING_TO_COMPARE = "You are at session {session}, with no PHQ-9 since the baseline to compare."
CHECKPOINT_SCORES = "You are at session {session}, PHQ-9 from {baseline} to {latest}, {said}."
BASELINE_ZERO = "no change to measure (the baseline was 0)"
TEMPLATES = (
    ADVICE,
    ESCALATING,
    ESCALATING_RULE,
    CLOSER,
    DOSE_RAISED,
    SIDE_EFFECTS,
    SIDE_EFFECTS_RULE,
    NOTED_ON,
    MORE_PER_SESSION,
    SLOWER,
    MOOD,
    MOOD_RULE,
    MOOD_NOTED,
    *(words for _, words in MOOD_SIGNS),
    CARE,
    CARE_RULE,
    CARE_COUNTS,
    CHECKPOINT,
    CHECKPOINT_RULE,
    NOTHING_TO_COMPARE,
    CHECKPOINT_SCORES,
    BASELINE_ZERO,
)


@dataclass(frozen=True)
class Signal:
    key: str
    title: str
    rule: str  # the rule in plain words, always shown
    raised: bool
    because: tuple[str, ...] = ()  # the entries that raised it
    advice: str = ADVICE  # always: talk with the treating clinician


def _day(d: date, say: Say = str) -> str:
    return day_words(d, say)


def _gaps(sessions: tuple[DoseSession, ...]) -> list[int]:
    return [(b.day - a.day).days for a, b in itertools.pairwise(sessions)]


def _signal(
    key: str, title: str, rule: str, raised: bool, because: tuple[str, ...], say: Say
) -> Signal:
    return Signal(key, say(title), rule, raised, because, say(ADVICE))


def escalating(course: Course, say: Say = str) -> Signal:
    rule = say(ESCALATING_RULE).format(
        share=f"{GAP_SHRINK:.0%}", raises=DOSE_RAISES, recent=RECENT_SESSIONS
    )
    because: list[str] = []
    gaps = _gaps(course.sessions)
    if len(gaps) >= 4:
        before, last = fmean(gaps[-4:-2]), fmean(gaps[-2:])
        if before > 0 and last <= GAP_SHRINK * before:
            because.append(
                say(CLOSER).format(
                    before=f"{before:g}",
                    last=f"{last:g}",
                    day=_day(course.sessions[-1].day, say),
                )
            )
    recent = course.sessions[-RECENT_SESSIONS:]
    raised = [s for s in recent if s.dose_raised]
    if len(raised) >= DOSE_RAISES:
        days = ", ".join(_day(s.day, say) for s in raised)
        because.append(say(DOSE_RAISED).format(days=days))
    return _signal("escalating", ESCALATING, rule, bool(because), tuple(because), say)


def side_effects(course: Course, say: Say = str) -> Signal:
    rule = say(SIDE_EFFECTS_RULE).format(
        sessions=LONGER_TERM_SESSIONS,
        late=EARLY_LATE,
        more=f"{MORE_EFFECTS:g}",
        early=EARLY_LATE,
        times=f"{SLOWER_RECOVERY:g}",
    )
    because: list[str] = []
    for effect in sorted(LONGER_TERM):
        at = [s for s in course.sessions if effect in s.side_effects]
        if len(at) >= LONGER_TERM_SESSIONS:
            days = ", ".join(_day(s.day, say) for s in at)
            because.append(say(NOTED_ON).format(effect=say(SIDE_EFFECT_LABELS[effect]), days=days))
    sessions = course.sessions
    if len(sessions) >= 2 * EARLY_LATE:
        first = fmean(len(s.side_effects) for s in sessions[:EARLY_LATE])
        last = fmean(len(s.side_effects) for s in sessions[-EARLY_LATE:])
        if last >= first + MORE_EFFECTS:
            because.append(say(MORE_PER_SESSION).format(first=f"{first:.1f}", last=f"{last:.1f}"))
    timed = [s for s in sessions if s.minutes_to_steady is not None]
    if len(timed) >= 2 * EARLY_LATE:
        first = fmean(s.minutes_to_steady or 0 for s in timed[:EARLY_LATE])
        last = fmean(s.minutes_to_steady or 0 for s in timed[-EARLY_LATE:])
        if first > 0 and last >= SLOWER_RECOVERY * first:
            because.append(say(SLOWER).format(first=f"{first:.0f}", last=f"{last:.0f}"))
    return _signal("side_effects", SIDE_EFFECTS, rule, bool(because), tuple(because), say)


def mood(course: Course, today: date, say: Say = str) -> Signal:
    rule = say(MOOD_RULE).format(days=MOOD_DAYS)
    since = today - timedelta(days=MOOD_DAYS)
    because = tuple(
        say(MOOD_NOTED).format(day=_day(m.day, say), signs=mood_signs(m, say))
        for m in course.mood_checks
        if since <= m.day <= today and m.any_sign
    )
    return _signal("mood", MOOD, rule, bool(because), because, say)


def mood_signs(check: object, say: Say = str) -> str:
    return ", ".join(say(words) for attr, words in MOOD_SIGNS if getattr(check, attr))


def replacing_care(course: Course, today: date, say: Say = str) -> Signal:
    rule = say(CARE_RULE).format(days=CARE_DAYS, least=MIN_SESSIONS_FOR_CARE)
    since = today - timedelta(days=CARE_DAYS)
    doses = [s for s in course.sessions if since <= s.day <= today]
    care = [c for c in course.care if since <= c.day <= today]
    raised = len(doses) >= MIN_SESSIONS_FOR_CARE and len(doses) > len(care)
    because = (
        (say(CARE_COUNTS).format(days=CARE_DAYS, doses=len(doses), care=len(care)),)
        if raised
        else ()
    )
    return _signal("care", CARE, rule, raised, because, say)


def checkpoint(course: Course, say: Say = str) -> Signal | None:
    """The plan's own review point, once the course has reached it; None before that."""
    at = course.plan.review_at_session
    if at is None or len(course.sessions) < at:
        return None
    rule = say(CHECKPOINT_RULE).format(session=at)
    baseline, latest = course.baseline(), course.latest()
    session = len(course.sessions)
    if baseline is None or latest is None or latest is baseline:
        because = say(NOTHING_TO_COMPARE).format(session=session)
        return _signal("checkpoint", CHECKPOINT, rule, True, (because,), say)
    fall = phq9.change_from_baseline(baseline.total, latest.total)
    said = moved(fall, say, BASELINE_ZERO)
    responded = phq9.is_response(baseline.total, latest.total)
    because = say(CHECKPOINT_SCORES).format(
        session=session, baseline=baseline.total, latest=latest.total, said=said
    )
    return _signal("checkpoint", CHECKPOINT, rule, not responded, (because,), say)


def all_signals(course: Course, today: date, say: Say = str) -> list[Signal]:
    found = [
        escalating(course, say),
        side_effects(course, say),
        mood(course, today, say),
        replacing_care(course, today, say),
    ]
    point = checkpoint(course, say)
    return [*found, point] if point is not None else found
