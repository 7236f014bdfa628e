"""The sentences of the signals that a course may need a second look (kvet.treatment.reconsider).

Kept apart from the rules so the rules read as rules: each signal's title, its rule in plain words
and the lines that show the entries that raised it, as English templates with named places.
``TEMPLATES`` lists them all, for kvet.gui.words.coursewords to mark for the translators; the
rules fill the places after ``say`` has translated a template.
"""

from __future__ import annotations

ADVICE = "Talk with your treating clinician about this."

# Every sentence a signal can say, as an English template with named places.
ESCALATING = "Benefits brief, sessions or doses increasing"
ESCALATING_RULE = (
    "Looked at only after the first phase, that is after session {first}. Raised when the gaps "
    "between "
    "sessions get shorter {run} times in a row, the last at most {share} of the first; when "
    "the days the lift lasted get shorter {run} times in a row, the last at most {lift} of the "
    "first; or when the clinic raised the dose, outside its plan, at {raises} or more of the "
    "last {recent} sessions."
)
ESCALATING_RULE_DAYS = (
    "Looked at only after the first phase (the first {days} days of sessions, as the plan "
    "does not say how many sessions it has). Raised when the gaps between sessions get "
    "shorter {run} times in a row, the last at most {share} of the first; when the days the "
    "lift lasted get shorter {run} times in a row, the last at most {lift} of the first; or "
    "when the clinic raised the dose, outside its plan, at {raises} or more of the last "
    "{recent} sessions."
)
CLOSER = "Days between sessions, up to {day}: {gaps}."
LIFT_SHORTER = "Days the lift lasted, up to {day}: {lifts}."
DOSE_RAISED = "The clinic raised the dose, not as planned, on {days}."
SIDE_EFFECTS = "Side effects adding up, or recovery taking longer"
SIDE_EFFECTS_RULE = (
    "Raised when a longer-term side effect (memory or attention, bladder, needing more) is "
    "noted at {sessions} or more of the last {window} sessions; when the last {late} sessions "
    "average at least {more} more side effect than the first {early}; or "
    "when getting steady takes {times} times as long as at the start."
)
NOTED_ON = "{effect}: noted on {days}."
MORE_PER_SESSION = "Side effects per session rose from {first} at the start to {last} lately."
SLOWER = "Minutes until steady, on average: {first} at the start, {last} lately."
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
CARE = "Therapy and other support alongside ketamine"
CARE_RULE = (
    "Looked at only after the first phase, and only where therapy or other care is logged. "
    "Raised while ketamine sessions go on when, in the last {days} days, care came less than "
    "half as often as its own earlier rhythm; or came less often than that rhythm while the "
    "signs of coping you tick each week fell by {drop} or more."
)
CARE_FELL = (
    "Sessions of therapy or other care in {days} days: about {expected} before, {recent} in "
    "the last {days} days, while ketamine sessions went on."
)
MARKERS_FELL = "Signs of coping ticked each week: {early} on average, then {late} lately."
CARE_QUESTION = (
    "A question, not a signal: is other support in place alongside ketamine, such as "
    "therapy, a doctor or a group? If so, you can note it under Each week."
)
RISING = "PHQ-9 higher than your best score"
RISING_RULE = (
    "Raised when the latest PHQ-9 is {points} or more points above your best (lowest) score "
    "before it. A change of {points} points is the usual size of a change that matters on the "
    "PHQ-9, and each PHQ-9 already covers two weeks."
)
ROSE = "Best score {best} on {best_day}; latest {latest} on {day}, {rise} points higher."
CHECKPOINT = "The plan's review point"
CHECKPOINT_RULE = (
    "The clinic said it would review the plan if there is no response by session {session}. "
    "Response is the usual convention of a PHQ-9 fall of at least half from the baseline. "
    "The PHQ-9 looks back over two weeks, so kvet compares with the check-in closest to that "
    "session, within {days} days of it."
)
NOTHING_NEAR = (
    "Session {session} was on {day}. No PHQ-9 after the baseline falls within {days} days of "
    "it, so there is nothing recent to compare."
)
CHECKPOINT_SCORES = (
    "Session {session} was on {day}. PHQ-9 {baseline} on {baseline_day}, then {latest} on "
    "{latest_day}: {said}."
)
BASELINE_ZERO = "no change to measure (the baseline was 0)"
TEMPLATES = (
    ADVICE,
    ESCALATING,
    ESCALATING_RULE,
    ESCALATING_RULE_DAYS,
    CLOSER,
    LIFT_SHORTER,
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
    CARE_FELL,
    MARKERS_FELL,
    CARE_QUESTION,
    RISING,
    RISING_RULE,
    ROSE,
    CHECKPOINT,
    CHECKPOINT_RULE,
    NOTHING_NEAR,
    CHECKPOINT_SCORES,
    BASELINE_ZERO,
)
