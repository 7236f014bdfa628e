"""The article's signals that a course may need a second look, read from the person's log.

Each rule is written out in plain words (kvet.treatment.signalwords) and shown with the entries
that raised it. None of them is a diagnosis and none says "stop": every signal ends by sending
the person to their treating clinician. The plan's own checkpoint ("we review if there is no
response by session N") is read the same way.

A signal raised by a textbook course is a false alarm that teaches people to ignore signals, so
every rule leaves the plan's first phase (induction) alone, where many sessions close together
and planned dose steps are expected, and asks for a run rather than one odd entry. Each number
below, its reason and its source (or "kvet's own choice") is in docs/signals.md, whose table of
course shapes tests/test_reconsider_shapes.py recomputes from this code.

The words are English templates (kvet.treatment.signalwords); ``say`` turns each into the
window's language (the GUI passes its translator, see kvet.gui.words.coursewords) before the
entries' numbers and dates are filled in.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from kvet.treatment import phq9
from kvet.treatment.course import (
    LONGER_TERM,
    SIDE_EFFECT_LABELS,
    CheckIn,
    Course,
    DoseSession,
    MoodCheck,
    day_words,
)
from kvet.treatment.coursetrend import moved
from kvet.treatment.signalwords import (
    ADVICE,
    BASELINE_ZERO,
    CARE,
    CARE_FELL,
    CARE_QUESTION,
    CARE_RULE,
    CHECKPOINT,
    CHECKPOINT_RULE,
    CHECKPOINT_SCORES,
    CLOSER,
    DOSE_RAISED,
    ESCALATING,
    ESCALATING_RULE,
    ESCALATING_RULE_DAYS,
    LIFT_SHORTER,
    MARKERS_FELL,
    MOOD,
    MOOD_NOTED,
    MOOD_RULE,
    MOOD_SIGNS,
    MORE_PER_SESSION,
    NOTED_ON,
    NOTHING_NEAR,
    RISING,
    RISING_RULE,
    ROSE,
    SIDE_EFFECTS,
    SIDE_EFFECTS_RULE,
    SLOWER,
)

Say = Callable[[str], str]

# The thresholds, named so the page that explains them (docs/signals.md) and the tests use the
# same numbers.
FIRST_PHASE_DAYS = 28  # with no first-phase length in the plan: the first 4 weeks of sessions
SHRINK_RUN = 2  # gaps (or lifts) shorter than the one before, this many times in a row...
GAP_SHRINK = 0.75  # ...the last gap at most 75% of the one the run began with
LIFT_SHRINK = 0.5  # ...the last lift at most half of the one the run began with
DOSE_RAISES = 2  # unplanned dose raises at 2 or more...
RECENT_SESSIONS = 4  # ...of the last 4 sessions after the first phase
LONGER_TERM_SESSIONS = 2  # a longer-term side effect noted at 2 or more...
LONGER_TERM_WINDOW = 4  # ...of the last 4 sessions
MORE_EFFECTS = 1  # one more side effect per session, on average, than at the start
SLOWER_RECOVERY = 1.5  # recovery takes half as long again as at the start
EARLY_LATE = 3  # "at the start" and "lately" are the first and last three sessions
MOOD_DAYS = 14
CARE_DAYS = 28  # therapy and other care: the last four weeks against the rate before them
CARE_FALL = 0.5  # fewer than half the care sessions its own earlier rhythm gives
CARE_LEAST = 2  # a rhythm that gives 2 or more in four weeks (monthly care cannot be read)
MARKER_WEEKS = 2  # the last two weeks of coping signs against the two before
MARKER_DROP = 2  # ...at least two fewer signs ticked each week
QUESTION_DAYS = 28  # the gentle question about support is asked in the 4 weeks after phase one
RISE_POINTS = 5  # PHQ-9 points above the best score (Löwe et al., Med Care 2004)
NEAR_DAYS = 14  # a check-in "near" the review session: within the PHQ-9's two-week look-back


@dataclass(frozen=True)
class Signal:
    key: str
    title: str
    rule: str  # the rule in plain words, always shown
    raised: bool
    because: tuple[str, ...] = ()  # the entries that raised it
    advice: str = ADVICE  # always: talk with the treating clinician
    question: str = ""  # a gentle question shown once where nothing is raised (care only)


def _day(d: date, say: Say = str) -> str:
    return day_words(d, say)


def _gaps(sessions: Sequence[DoseSession]) -> list[int]:
    return [(b.day - a.day).days for a, b in itertools.pairwise(sessions)]


def _signal(
    key: str, title: str, rule: str, raised: bool, because: tuple[str, ...], say: Say
) -> Signal:
    return Signal(key, say(title), rule, raised, because, say(ADVICE))


# --- the first phase ------------------------------------------------------------------------


def first_phase(course: Course) -> tuple[DoseSession, ...]:
    """The sessions of the plan's first phase: as many as the plan says, or, where it does not
    say, those in the first FIRST_PHASE_DAYS days (kvet's own choice, covering both the IV
    2-3 weeks and esketamine's 4 weeks)."""
    sessions = course.sessions
    count = course.plan.first_phase_sessions
    if count is not None:
        return sessions[:count]
    if not sessions:
        return ()
    end = sessions[0].day + timedelta(days=FIRST_PHASE_DAYS)
    return tuple(s for s in sessions if s.day < end)


def first_phase_over(course: Course, today: date) -> bool:
    """True once the first phase's last session is behind the person (the day after it), or,
    where the plan gives no length, once FIRST_PHASE_DAYS have passed since the first session."""
    sessions = course.sessions
    if not sessions:
        return False
    count = course.plan.first_phase_sessions
    if count is not None:
        return len(sessions) >= count and today > sessions[count - 1].day
    return today >= sessions[0].day + timedelta(days=FIRST_PHASE_DAYS)


def after_first_phase(course: Course) -> tuple[DoseSession, ...]:
    """The sessions after the first phase (none while it lasts)."""
    return course.sessions[len(first_phase(course)) :]


def _shrinking(values: Sequence[float], share: float) -> bool:
    """The last SHRINK_RUN values each smaller than the one before, the last at most ``share``
    of the value the run began with: a run, so one rescheduled session is not enough."""
    run = values[-(SHRINK_RUN + 1) :]
    if len(run) < SHRINK_RUN + 1:
        return False
    falling = all(b < a for a, b in itertools.pairwise(run))
    return falling and run[-1] <= share * run[0]


# --- 1. benefits brief, sessions or doses increasing -----------------------------------------


def escalating(course: Course, say: Say = str) -> Signal:
    count = course.plan.first_phase_sessions
    values = {
        "run": SHRINK_RUN,
        "share": f"{GAP_SHRINK:.0%}",
        "lift": f"{LIFT_SHRINK:.0%}",
        "raises": DOSE_RAISES,
        "recent": RECENT_SESSIONS,
    }
    if count is None:
        rule = say(ESCALATING_RULE_DAYS).format(days=FIRST_PHASE_DAYS, **values)
    else:
        rule = say(ESCALATING_RULE).format(first=count, **values)
    because: list[str] = []
    phase = first_phase(course)
    later = after_first_phase(course)
    if later:
        # The gap from the first phase's last session counts: sessions closer again after it.
        spaced = (*phase[-1:], *later)
        gaps = _gaps(spaced)
        if _shrinking(gaps, GAP_SHRINK):
            because.append(
                say(CLOSER).format(
                    day=_day(later[-1].day, say),
                    gaps=", ".join(str(g) for g in gaps[-(SHRINK_RUN + 1) :]),
                )
            )
        lifted = [s for s in later if s.lift_days is not None]
        lifts = [s.lift_days for s in lifted if s.lift_days is not None]
        if _shrinking(lifts, LIFT_SHRINK):
            because.append(
                say(LIFT_SHORTER).format(
                    day=_day(lifted[-1].day, say),
                    lifts=", ".join(str(n) for n in lifts[-(SHRINK_RUN + 1) :]),
                )
            )
    raised = [s for s in later[-RECENT_SESSIONS:] if s.dose_raised and not s.dose_raise_planned]
    if len(raised) >= DOSE_RAISES:
        days = ", ".join(_day(s.day, say) for s in raised)
        because.append(say(DOSE_RAISED).format(days=days))
    return _signal("escalating", ESCALATING, rule, bool(because), tuple(because), say)


# --- 2. side effects adding up, or recovery taking longer ------------------------------------


def side_effects(course: Course, say: Say = str) -> Signal:
    rule = say(SIDE_EFFECTS_RULE).format(
        sessions=LONGER_TERM_SESSIONS,
        window=LONGER_TERM_WINDOW,
        late=EARLY_LATE,
        more=MORE_EFFECTS,
        early=EARLY_LATE,
        times=f"{SLOWER_RECOVERY:g}",
    )
    because: list[str] = []
    recent = course.sessions[-LONGER_TERM_WINDOW:]
    for effect in sorted(LONGER_TERM):
        at = [s for s in recent if effect in s.side_effects]
        if len(at) >= LONGER_TERM_SESSIONS:
            days = ", ".join(_day(s.day, say) for s in at)
            because.append(say(NOTED_ON).format(effect=say(SIDE_EFFECT_LABELS[effect]), days=days))
    sessions = course.sessions
    if len(sessions) >= 2 * EARLY_LATE:
        first = fmean(len(s.side_effects) for s in sessions[:EARLY_LATE])
        last = fmean(len(s.side_effects) for s in sessions[-EARLY_LATE:])
        if last >= first + MORE_EFFECTS:
            because.append(say(MORE_PER_SESSION).format(first=f"{first:.1f}", last=f"{last:.1f}"))
    timed = [s.minutes_to_steady for s in sessions if s.minutes_to_steady is not None]
    if len(timed) >= 2 * EARLY_LATE:
        first, last = fmean(timed[:EARLY_LATE]), fmean(timed[-EARLY_LATE:])
        if first > 0 and last >= SLOWER_RECOVERY * first:
            because.append(say(SLOWER).format(first=f"{first:.0f}", last=f"{last:.0f}"))
    return _signal("side_effects", SIDE_EFFECTS, rule, bool(because), tuple(because), say)


# --- 3. mood unstable ------------------------------------------------------------------------


def mood(course: Course, today: date, say: Say = str) -> Signal:
    rule = say(MOOD_RULE).format(days=MOOD_DAYS)
    since = today - timedelta(days=MOOD_DAYS)
    because = tuple(
        say(MOOD_NOTED).format(day=_day(m.day, say), signs=mood_signs(m, say))
        for m in course.mood_checks
        if since <= m.day <= today and m.any_sign
    )
    return _signal("mood", MOOD, rule, bool(because), because, say)


def mood_signs(check: MoodCheck | object, say: Say = str) -> str:
    return ", ".join(say(words) for attr, words in MOOD_SIGNS if getattr(check, attr))


# --- 4. therapy and other support alongside ketamine ----------------------------------------


def _care_rhythm(course: Course, since: date) -> float | None:
    """How many care sessions the earlier rhythm gives in CARE_DAYS days: from the mean gap
    between care sessions up to ``since``; None with fewer than two of them."""
    earlier = [c.day for c in course.care if c.day <= since]
    if len(earlier) < 2:
        return None
    gap = (earlier[-1] - earlier[0]).days / (len(earlier) - 1)
    return CARE_DAYS / max(gap, 1)  # two on one day: a rhythm of a day


def _markers_fell(course: Course) -> tuple[float, float] | None:
    """(before, lately): signs of coping ticked per week, when the last MARKER_WEEKS weeks
    average at least MARKER_DROP fewer than the MARKER_WEEKS before; else None."""
    weeks = course.markers
    if len(weeks) < 2 * MARKER_WEEKS:
        return None
    late = fmean(len(w.ticked) for w in weeks[-MARKER_WEEKS:])
    early = fmean(len(w.ticked) for w in weeks[-2 * MARKER_WEEKS : -MARKER_WEEKS])
    return (early, late) if late <= early - MARKER_DROP else None


def supporting_care(course: Course, today: date, say: Say = str) -> Signal:
    rule = say(CARE_RULE).format(days=CARE_DAYS, drop=MARKER_DROP)
    quiet = _signal("care", CARE, rule, False, (), say)
    if not first_phase_over(course, today):
        return quiet
    if not course.care:
        # Nothing was ever logged: no signal, only a gentle question, in the weeks after the
        # first phase (it may simply not be logged in kvet).
        phase = first_phase(course)
        if phase and today <= phase[-1].day + timedelta(days=QUESTION_DAYS):
            return Signal(quiet.key, quiet.title, rule, False, (), quiet.advice, say(CARE_QUESTION))
        return quiet
    since = today - timedelta(days=CARE_DAYS)
    going_on = any(since < s.day <= today for s in course.sessions)
    recent = sum(1 for c in course.care if since < c.day <= today)
    expected = _care_rhythm(course, since)
    if not going_on or expected is None or expected < CARE_LEAST:
        return quiet
    because: list[str] = []
    markers = _markers_fell(course)
    if recent < CARE_FALL * expected or (recent < expected and markers is not None):
        because.append(
            say(CARE_FELL).format(expected=f"{expected:.0f}", days=CARE_DAYS, recent=recent)
        )
        if markers is not None:
            early, late = markers
            because.append(say(MARKERS_FELL).format(early=f"{early:.1f}", late=f"{late:.1f}"))
    return _signal("care", CARE, rule, bool(because), tuple(because), say)


# --- 5. a rise in the PHQ-9 ------------------------------------------------------------------


def rising(course: Course, say: Say = str) -> Signal:
    """The latest PHQ-9 well above the best score before it (20, 9, 16 is a 7-point rise)."""
    rule = say(RISING_RULE).format(points=RISE_POINTS)
    checks = course.check_ins
    if len(checks) < 2:
        return _signal("rising", RISING, rule, False, (), say)
    latest = checks[-1]
    best = min(checks[:-1], key=lambda c: (c.total, -c.day.toordinal()))
    rise = latest.total - best.total
    raised = rise >= RISE_POINTS
    because = (
        (
            say(ROSE).format(
                best=best.total,
                best_day=_day(best.day, say),
                latest=latest.total,
                day=_day(latest.day, say),
                rise=rise,
            ),
        )
        if raised
        else ()
    )
    return _signal("rising", RISING, rule, raised, because, say)


# --- the plan's review point -------------------------------------------------------------------


def near_review(course: Course, review_day: date) -> CheckIn | None:
    """The check-in after the baseline closest to the review session (the later one on a tie),
    within NEAR_DAYS days of it; None when there is none that near."""
    baseline = course.baseline()
    near = [
        c
        for c in course.check_ins
        if baseline is not None
        and c.day > baseline.day
        and abs((c.day - review_day).days) <= NEAR_DAYS
    ]
    if not near:
        return None
    return min(near, key=lambda c: (abs((c.day - review_day).days), -c.day.toordinal()))


def checkpoint(course: Course, say: Say = str) -> Signal | None:
    """The plan's own review point, once the course has reached it; None before that."""
    at = course.plan.review_at_session
    if at is None or len(course.sessions) < at:
        return None
    rule = say(CHECKPOINT_RULE).format(session=at, days=NEAR_DAYS)
    review_day = course.sessions[at - 1].day
    baseline, near = course.baseline(), near_review(course, review_day)
    if baseline is None or near is None:
        because = say(NOTHING_NEAR).format(session=at, day=_day(review_day, say), days=NEAR_DAYS)
        return _signal("checkpoint", CHECKPOINT, rule, True, (because,), say)
    fall = phq9.change_from_baseline(baseline.total, near.total)
    said = moved(fall, say, BASELINE_ZERO)
    responded = phq9.is_response(baseline.total, near.total)
    because = say(CHECKPOINT_SCORES).format(
        session=at,
        day=_day(review_day, say),
        baseline=baseline.total,
        baseline_day=_day(baseline.day, say),
        latest=near.total,
        latest_day=_day(near.day, say),
        said=said,
    )
    return _signal("checkpoint", CHECKPOINT, rule, not responded, (because,), say)


def all_signals(course: Course, today: date, say: Say = str) -> list[Signal]:
    found = [
        escalating(course, say),
        side_effects(course, say),
        mood(course, today, say),
        supporting_care(course, today, say),
        rising(course, say),
    ]
    point = checkpoint(course, say)
    return [*found, point] if point is not None else found
