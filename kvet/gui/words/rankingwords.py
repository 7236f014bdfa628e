"""Why a clinic's place is or is not fixed, in the window's language.

kvet.rating.ranking (core, no Qt) keeps the sentences in English; they are marked here for
pyside6-lupdate, and tests/test_translations.py checks that this list and the core's agree.
"""

from __future__ import annotations

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.ranking import Place, Ranking, place_sentence

CONTEXT = "Ranking"
PLACE_SENTENCES = (
    QT_TRANSLATE_NOOP(
        "Ranking",
        "Place {rank}: a clinic with a dealbreaker seen comes after every clinic without one, "
        "whatever its score.",
    ),
    QT_TRANSLATE_NOOP("Ranking", "Place {rank} for now: answers still to come could change it."),
    QT_TRANSLATE_NOOP(
        "Ranking",
        "Place {rank} for now: once more answers are in, {clinic} could still come above it.",
    ),
    QT_TRANSLATE_NOOP(
        "Ranking",
        "Place {rank} for now: once more answers are in, it could still come above {clinic}.",
    ),
    QT_TRANSLATE_NOOP(
        "Ranking",
        "Place {rank} for now, not yet vetted: less than half of what matters has an answer, "
        "so it comes after any vetted clinic; {could_end}.",
    ),
    QT_TRANSLATE_NOOP("Ranking", "its score could still end anywhere from {low} to {high}"),
    QT_TRANSLATE_NOOP("Ranking", "its score is settled at {score}"),
    QT_TRANSLATE_NOOP("Ranking", "The only clinic so far; {could_end}."),
    QT_TRANSLATE_NOOP(
        "Ranking",
        "Place {rank} whatever the answers still to come, because the other clinics are ruled "
        "out. That says nothing about how good this clinic is: {could_end}.",
    ),
    QT_TRANSLATE_NOOP(
        "Ranking",
        "Place {rank} whatever the answers still to come: every question is answered.",
    ),
    QT_TRANSLATE_NOOP(
        "Ranking",
        "Place {rank} whatever the answers still to come: no other clinic's score can cross "
        "this one's. That is about the order only: {could_end}.",
    ),
)

# A question that could change the decision (kvet.rating.ranking.DecisiveQuestion.sentence).
QUESTION_SENTENCES = (
    QT_TRANSLATE_NOOP("Ranking", "What does each session cost?"),
    QT_TRANSLATE_NOOP("Ranking", "rule the clinic out"),
    QT_TRANSLATE_NOOP("Ranking", "change which clinic is first"),
    QT_TRANSLATE_NOOP("Ranking", "{first} and {second}"),
    QT_TRANSLATE_NOOP("Ranking", ", and move its score by up to {points} point"),
    QT_TRANSLATE_NOOP("Ranking", ", and move its score by up to {points} points"),
    QT_TRANSLATE_NOOP("Ranking", "Ask {clinic}: “{ask}” One answer could {effects}{moves}."),
)


def place_words(place: Place, ranking: Ranking) -> str:
    """``kvet.rating.ranking.place_sentence``, in the window's language."""
    return place_sentence(place, ranking, lambda english: translate(CONTEXT, english))
