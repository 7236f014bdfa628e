"""The article's four signals that a course may need a second look, read from the person's log.

Each rule is written out below in plain words and shown with the entries that raised it. None of
them is a diagnosis and none says "stop": every signal ends by sending the person to their
treating clinician. The plan's own checkpoint ("we review if there is no response by session N")
is read the same way.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from kvet import phq9
from kvet.course import LONGER_TERM, SIDE_EFFECT_LABELS, Course, DoseSession

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


@dataclass(frozen=True)
class Signal:
    key: str
    title: str
    rule: str  # the rule in plain words, always shown
    raised: bool
    because: tuple[str, ...] = ()  # the entries that raised it

    @property
    def advice(self) -> str:
        return ADVICE


def _day(d: date) -> str:
    return f"{d:%d %b %Y}".lstrip("0")


def _gaps(sessions: tuple[DoseSession, ...]) -> list[int]:
    return [(b.day - a.day).days for a, b in itertools.pairwise(sessions)]


def escalating(course: Course) -> Signal:
    rule = (
        "Raised when sessions come closer together again (the last two gaps average "
        f"{GAP_SHRINK:.0%} or less of the two before), or when the clinic raised the dose at "
        f"{DOSE_RAISES} or more of the last {RECENT_SESSIONS} sessions."
    )
    because: list[str] = []
    gaps = _gaps(course.sessions)
    if len(gaps) >= 4:
        before, last = fmean(gaps[-4:-2]), fmean(gaps[-2:])
        if before > 0 and last <= GAP_SHRINK * before:
            because.append(
                f"Sessions were {before:g} days apart on average, then {last:g} days "
                f"(up to {_day(course.sessions[-1].day)})."
            )
    recent = course.sessions[-RECENT_SESSIONS:]
    raised = [s for s in recent if s.dose_raised]
    if len(raised) >= DOSE_RAISES:
        days = ", ".join(_day(s.day) for s in raised)
        because.append(f"The clinic raised the dose on {days}.")
    return Signal(
        "escalating",
        "Benefits brief, sessions or doses increasing",
        rule,
        bool(because),
        tuple(because),
    )


def side_effects(course: Course) -> Signal:
    rule = (
        "Raised when a longer-term side effect (memory or attention, bladder, needing more) is "
        f"noted at {LONGER_TERM_SESSIONS} or more sessions; when the last {EARLY_LATE} sessions "
        f"average at least {MORE_EFFECTS:g} more side effect than the first {EARLY_LATE}; or "
        f"when getting steady takes {SLOWER_RECOVERY:g} times as long as at the start."
    )
    because: list[str] = []
    for effect in sorted(LONGER_TERM):
        at = [s for s in course.sessions if effect in s.side_effects]
        if len(at) >= LONGER_TERM_SESSIONS:
            days = ", ".join(_day(s.day) for s in at)
            because.append(f"{SIDE_EFFECT_LABELS[effect]}: noted on {days}.")
    sessions = course.sessions
    if len(sessions) >= 2 * EARLY_LATE:
        first = fmean(len(s.side_effects) for s in sessions[:EARLY_LATE])
        last = fmean(len(s.side_effects) for s in sessions[-EARLY_LATE:])
        if last >= first + MORE_EFFECTS:
            because.append(
                f"Side effects per session rose from {first:.1f} at the start to {last:.1f} lately."
            )
    timed = [s for s in sessions if s.minutes_to_steady is not None]
    if len(timed) >= 2 * EARLY_LATE:
        first = fmean(s.minutes_to_steady or 0 for s in timed[:EARLY_LATE])
        last = fmean(s.minutes_to_steady or 0 for s in timed[-EARLY_LATE:])
        if first > 0 and last >= SLOWER_RECOVERY * first:
            because.append(
                f"Getting steady took {first:.0f} minutes on average at the start, "
                f"{last:.0f} minutes lately."
            )
    return Signal(
        "side_effects",
        "Side effects adding up, or recovery taking longer",
        rule,
        bool(because),
        tuple(because),
    )


def mood(course: Course, today: date) -> Signal:
    rule = (
        f"Raised when a weekly mood check in the last {MOOD_DAYS} days notes agitation, sleeping "
        "much less, racing thoughts or other signs of a high mood. The check is not a test: "
        "only a clinician can say what these signs mean."
    )
    since = today - timedelta(days=MOOD_DAYS)
    because = tuple(
        f"Mood check on {_day(m.day)} noted: {mood_signs(m)}."
        for m in course.mood_checks
        if since <= m.day <= today and m.any_sign
    )
    return Signal("mood", "Mood unstable", rule, bool(because), because)


def mood_signs(check: object) -> str:
    names = (
        ("agitated", "agitation"),
        ("sleeping_much_less", "sleeping much less"),
        ("racing_thoughts", "racing thoughts"),
        ("other_high_mood_signs", "other signs of a high mood"),
    )
    return ", ".join(words for attr, words in names if getattr(check, attr))


def replacing_care(course: Course, today: date) -> Signal:
    rule = (
        f"Raised when, over the last {CARE_DAYS} days, ketamine sessions outnumber therapy and "
        f"other care sessions (with at least {MIN_SESSIONS_FOR_CARE} ketamine sessions)."
    )
    since = today - timedelta(days=CARE_DAYS)
    doses = [s for s in course.sessions if since <= s.day <= today]
    care = [c for c in course.care if since <= c.day <= today]
    raised = len(doses) >= MIN_SESSIONS_FOR_CARE and len(doses) > len(care)
    because = (
        (
            f"In the last {CARE_DAYS} days: {len(doses)} ketamine sessions and "
            f"{len(care)} therapy or care sessions.",
        )
        if raised
        else ()
    )
    return Signal("care", "Ketamine replacing therapy and coping", rule, raised, because)


def checkpoint(course: Course) -> Signal | None:
    """The plan's own review point, once the course has reached it; None before that."""
    at = course.plan.review_at_session
    if at is None or len(course.sessions) < at:
        return None
    rule = (
        f"The clinic said it would review the plan if there is no response by session {at}. "
        "Response is the usual convention of a PHQ-9 fall of at least half from the baseline."
    )
    baseline, latest = course.baseline(), course.latest()
    where = f"You are at session {len(course.sessions)}"
    if baseline is None or latest is None or latest is baseline:
        return Signal(
            "checkpoint",
            "The plan's review point",
            rule,
            True,
            (f"{where}, with no PHQ-9 since the baseline to compare.",),
        )
    fall = phq9.change_from_baseline(baseline.total, latest.total)
    said = (
        "no change to measure (the baseline was 0)"
        if fall is None
        else (f"a {fall:.0%} fall" if fall >= 0 else f"a {-fall:.0%} rise")
    )
    responded = phq9.is_response(baseline.total, latest.total)
    because = f"{where}, PHQ-9 from {baseline.total} to {latest.total}, {said}."
    return Signal("checkpoint", "The plan's review point", rule, not responded, (because,))


def all_signals(course: Course, today: date) -> list[Signal]:
    found = [
        escalating(course),
        side_effects(course),
        mood(course, today),
        replacing_care(course, today),
    ]
    point = checkpoint(course)
    return [*found, point] if point is not None else found
