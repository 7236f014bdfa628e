"""The sentences that explain a score (kvet.rating.scoreresult fills them), in English.

Apart from the rules so they read alone. A view in another language passes ``say``, which
translates each template before it is filled; kvet/gui/words/verdictwords.py marks the same
templates for the translators, and the printouts take them from resources/report/words.toml.
"""

from __future__ import annotations

# The sentences that explain a score, in English; a view in another language passes ``say``,
# which translates each template before it is filled (kvet/gui/words/verdictwords.py lists them).
FITS_BUDGET = "Fits your budget"
RULED_OUT_FIRST = "For reference only, as the clinic is ruled out:"
NO_SCORE = "No checklist item carries weight for this clinic, so there is no score."
NO_ANSWERS_YET = (
    "No answers yet, so all {applicable} questions count as half good, half bad: score so far "
    "{score}. Once they are answered, the score could fall anywhere from 0 to 100."
)
ALL_ANSWERED = "Score {score} out of 100, with every question answered."
SHARE_SO_FAR = " So far {share}% of the answered weight is good."
EXPECTED = (
    "Score so far {score} out of 100, with {answered} of {applicable} questions answered and the "
    "other {unknown} counted as half good, half bad. It could end between {low} and {high}.{share}"
)
# The range closed (it rounds to one number) while questions are still open: no "between 84 and 84".
SETTLED = (
    "Score {score} out of 100, with {answered} of {applicable} questions answered. The answers "
    "still to come cannot change it: the score is settled.{share}"
)
MAY_CHANGE_A_LOT = "Many answers are still missing, so this score could change a lot."
NOT_CLEARED = (
    "A dealbreaker is not cleared: the clinic would not say. That counts as a bad answer, and "
    "the clinic could still be ruled out."
)
RAISED_ONE = "“{label}”: {said}, raised the score by {points} point."
RAISED = "“{label}”: {said}, raised the score by {points} points."
LOWERED_ONE = "“{label}”: {said}, lowered the score by {points} point."
LOWERED = "“{label}”: {said}, lowered the score by {points} points."
SENTENCES = (
    FITS_BUDGET,
    RULED_OUT_FIRST,
    NO_SCORE,
    NO_ANSWERS_YET,
    ALL_ANSWERED,
    SHARE_SO_FAR,
    EXPECTED,
    SETTLED,
    MAY_CHANGE_A_LOT,
    NOT_CLEARED,
    RAISED_ONE,
    RAISED,
    LOWERED_ONE,
    LOWERED,
)


def points_text(points: float) -> str:
    """ "1 point", "12 points": a rounded number of points, in words that read right."""
    shown = f"{abs(points):.0f}"
    return f"{shown} point" if shown == "1" else f"{shown} points"
