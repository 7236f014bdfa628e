"""The core's sentences about a score, a verdict, costs and dates, in the window's language.

kvet.rating.scoring, kvet.rating.verdict, kvet.rating.costs, kvet.rating.combine and
kvet.text.datewords (core, no Qt) keep their
templates in English and take ``say``; the same templates are marked here for pyside6-lupdate, and
tests/gui/test_spanish_pages.py checks that these lists and the core's agree. ``say`` translates
an English template in the context it is listed under, so one function serves every sentence
that mixes them (a reason names a month, a disagreement names answers).
"""

from __future__ import annotations

from kvet.gui.words.answerwords import WORDS as ANSWER_WORDS
from kvet.gui.words.rankingwords import QUESTION_SENTENCES
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

SCORE_SENTENCES = (
    QT_TRANSLATE_NOOP("Verdict", "Fits your budget"),
    QT_TRANSLATE_NOOP("Verdict", "For reference only, as the clinic is ruled out:"),
    QT_TRANSLATE_NOOP(
        "Verdict",
        "No checklist item carries weight for this clinic, so there is no score.",
    ),
    QT_TRANSLATE_NOOP(
        "Verdict",
        "No answers yet, so all {applicable} questions count as half good, half bad: "
        "score so far {score}. Once they are answered, the score could fall anywhere "
        "from 0 to 100.",
    ),
    QT_TRANSLATE_NOOP("Verdict", "Score {score} out of 100, with every question answered."),
    QT_TRANSLATE_NOOP("Verdict", " So far {share}% of the answered weight is good."),
    QT_TRANSLATE_NOOP(
        "Verdict",
        "Score so far {score} out of 100, with {answered} of {applicable} questions answered "
        "and the other {unknown} counted as half good, half bad. It could end between {low} "
        "and {high}.{share}",
    ),
    QT_TRANSLATE_NOOP(
        "Verdict",
        "Score {score} out of 100, with {answered} of {applicable} questions answered. The "
        "answers still to come cannot change it: the score is settled.{share}",
    ),
    QT_TRANSLATE_NOOP(
        "Verdict",
        "Many answers are still missing, so this score could change a lot.",
    ),
    QT_TRANSLATE_NOOP(
        "Verdict",
        "A dealbreaker is not cleared: the clinic would not say. That counts as a bad answer, "
        "and the clinic could still be ruled out.",
    ),
    QT_TRANSLATE_NOOP("Verdict", "“{label}”: {said}, raised the score by {points} point."),
    QT_TRANSLATE_NOOP("Verdict", "“{label}”: {said}, raised the score by {points} points."),
    QT_TRANSLATE_NOOP("Verdict", "“{label}”: {said}, lowered the score by {points} point."),
    QT_TRANSLATE_NOOP("Verdict", "“{label}”: {said}, lowered the score by {points} points."),
)

VERDICT_SENTENCES = (
    QT_TRANSLATE_NOOP("Verdict", "A red flag you chose as a dealbreaker."),
    QT_TRANSLATE_NOOP(
        "Verdict",
        "A red flag kvet counts as a dealbreaker; you can change this in What matters to you.",
    ),
    QT_TRANSLATE_NOOP("Verdict", "{who} on {day}"),
    QT_TRANSLATE_NOOP("Verdict", "seen by {who}"),
    QT_TRANSLATE_NOOP("Verdict", "recorded as seen"),
    QT_TRANSLATE_NOOP("Verdict", "red flag seen: “{statement}”"),
    QT_TRANSLATE_NOOP("Verdict", "your choice"),
    QT_TRANSLATE_NOOP("Verdict", "you chose not to count it"),
    QT_TRANSLATE_NOOP("Verdict", "kvet's suggestion"),
)

COST_SENTENCES = (
    QT_TRANSLATE_NOOP(
        "Verdict",
        "About {induction} for the first {sessions} sessions. About {year} for the first year, "
        "if {later} more sessions follow, {per_month} a month (your cost plan in What matters "
        "to you).",
    ),
    QT_TRANSLATE_NOOP("Verdict", "the clinic's number"),
    QT_TRANSLATE_NOOP("Verdict", "the usual number"),
    QT_TRANSLATE_NOOP(
        "Verdict", "{title}: about {first} for the first {sessions} sessions ({whose}), {later}."
    ),
    QT_TRANSLATE_NOOP(
        "Verdict",
        "Travel: about {hours} hours there and back for the first {sessions} sessions ({title}).",
    ),
    QT_TRANSLATE_NOOP("Verdict", "IV ketamine"),
    QT_TRANSLATE_NOOP("Verdict", "then one every 2 to 6 weeks"),
    QT_TRANSLATE_NOOP("Verdict", "Esketamine"),
    QT_TRANSLATE_NOOP("Verdict", "then weekly for 4 weeks, then every 1 to 2 weeks"),
)

MONTHS = (
    QT_TRANSLATE_NOOP("Dates", "Jan"),
    QT_TRANSLATE_NOOP("Dates", "Feb"),
    QT_TRANSLATE_NOOP("Dates", "Mar"),
    QT_TRANSLATE_NOOP("Dates", "Apr"),
    QT_TRANSLATE_NOOP("Dates", "May"),
    QT_TRANSLATE_NOOP("Dates", "Jun"),
    QT_TRANSLATE_NOOP("Dates", "Jul"),
    QT_TRANSLATE_NOOP("Dates", "Aug"),
    QT_TRANSLATE_NOOP("Dates", "Sep"),
    QT_TRANSLATE_NOOP("Dates", "Oct"),
    QT_TRANSLATE_NOOP("Dates", "Nov"),
    QT_TRANSLATE_NOOP("Dates", "Dec"),
)

TOGETHER_SENTENCES = (
    QT_TRANSLATE_NOOP(
        "Together",
        "When people's answers differ, the more cautious one counts: if anyone saw a red "
        "flag, it counts as seen, and a good practice counts only if nobody found it "
        "missing. “Not sure” never overrides an answer someone actually got.",
    ),
    QT_TRANSLATE_NOOP(
        "Together",
        "When people's answers differ, the most recent one counts, whoever gave it. “Not "
        "sure” never overrides an answer someone actually got.",
    ),
    QT_TRANSLATE_NOOP(
        "Together",
        "{clinic}: “{statement}” settled as {agreed}, by {who} on {day}.",
    ),
    QT_TRANSLATE_NOOP("Together", "{said} — on “{statement}”"),
    QT_TRANSLATE_NOOP("Together", "no answer"),
)

# The checklist's units (data, kept in English by the overlays); currency codes read the same in
# Spanish.
UNIT_WORDS = (
    QT_TRANSLATE_NOOP("Units", "minutes"),
    QT_TRANSLATE_NOOP("Units", "sessions"),
)
UNCHANGED_UNITS = ("", "USD", "CAD", "GBP", "EUR", "AUD", "NZD")

_CONTEXTS: dict[str, str] = {
    **dict.fromkeys(UNIT_WORDS, "Units"),
    **dict.fromkeys(ANSWER_WORDS, "Answers"),
    **dict.fromkeys(MONTHS, "Dates"),
    **dict.fromkeys(TOGETHER_SENTENCES, "Together"),
    **dict.fromkeys(QUESTION_SENTENCES, "Ranking"),
    **dict.fromkeys((*SCORE_SENTENCES, *VERDICT_SENTENCES, *COST_SENTENCES), "Verdict"),
}


def unit_words(unit: str) -> str:
    """A checklist unit ("minutes") in the window's language."""
    return translate("Units", unit) if unit in UNIT_WORDS else unit


def say(english: str) -> str:
    """An English template or word of the core, in the window's language (unknown: as it is)."""
    context = _CONTEXTS.get(english)
    return english if context is None else translate(context, english)
