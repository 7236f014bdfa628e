"""The ranking chart in words: what each row says, and the whole chart for a screen reader.

The chart paints its rows; these sentences are what a row's second line says and what the
chart's accessible description reads out, so they live with the window's other words, apart
from the painting.
"""

from __future__ import annotations

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.ranking import (
    STATUS_FIXED,
    STATUS_NOT_VETTED,
    STATUS_OPEN,
    Place,
    Ranking,
    is_vetted,
)

# Kept in English here (tests compare against them); shown through ``tr``.
EMPTY_MESSAGE = QT_TRANSLATE_NOOP(
    "RankingChart", "No clinics to rank yet. Add a clinic to see it here."
)
NO_ANSWERS = QT_TRANSLATE_NOOP("RankingChart", "no answers yet")
NOTHING_TO_SCORE = QT_TRANSLATE_NOOP("RankingChart", "nothing to score")
# kvet.rating.ranking's status words, lower case inside a row's words
ROW_STATUS = {
    STATUS_FIXED: QT_TRANSLATE_NOOP("RankingChart", "place can't change"),
    STATUS_OPEN: QT_TRANSLATE_NOOP("RankingChart", "place could change"),
    STATUS_NOT_VETTED: QT_TRANSLATE_NOOP("RankingChart", "not yet vetted"),
}


def one_line(text: str) -> str:
    """Names are user text: newlines and runs of spaces would break the row layout."""
    return " ".join(text.split())


def tr(text: str) -> str:
    return translate("RankingChart", text)


def status_words(place: Place) -> list[str]:
    """What a row says about its place, in the order a person needs it."""
    result = place.result
    words = []
    if result.not_recommended:
        words.append(translate("RankingChart", "not recommended"))
    if result.score is None:
        words.append(tr(NOTHING_TO_SCORE))
    elif result.answered == 0:
        words.append(tr(NO_ANSWERS))
    if not result.not_recommended:
        if result.score is not None and not is_vetted(result):
            words.append(tr(ROW_STATUS[STATUS_NOT_VETTED]))
        words.append(tr(ROW_STATUS[STATUS_FIXED if place.settled else STATUS_OPEN]))
    return words


def range_words(place: Place) -> str:
    result = place.result
    if f"{result.low:.0f}" == f"{result.high:.0f}":
        if result.answered < result.applicable:  # open questions that cannot move the number
            return translate("RankingChart", "settled: answers still to come cannot change it")
        return translate("RankingChart", "no open questions")
    return translate("RankingChart", "could end between {low} and {high}").format(
        low=f"{result.low:.0f}", high=f"{result.high:.0f}"
    )


def describe_place(place: Place) -> str:
    result = place.result
    words = [w for w in status_words(place) if w != tr(NOTHING_TO_SCORE)]
    name = one_line(result.name)
    if result.score is None:
        return translate(
            "RankingChart", "{rank}. {name}: no score, nothing to score; {words}."
        ).format(rank=place.rank, name=name, words=", ".join(words))
    score = translate("RankingChart", "score so far {score} out of 100, {range}").format(
        score=f"{result.score:.0f}", range=range_words(place)
    )
    if result.not_recommended:  # the verdict first; the number only for reference
        return translate(
            "RankingChart", "{rank}. {name}: not recommended; for reference, {score}."
        ).format(rank=place.rank, name=name, score=score)
    return f"{place.rank}. {name}: {score}; {', '.join(words)}."


def describe_ranking(ranking: Ranking) -> str:
    """The whole chart in words, for screen readers and for anyone who prefers text."""
    if not ranking.places:
        return tr(EMPTY_MESSAGE)
    count = len(ranking.places)
    head = (
        translate("RankingChart", "Ranking of {count} clinic.")
        if count == 1
        else translate("RankingChart", "Ranking of {count} clinics.")
    ).format(count=count)
    return " ".join([head, *(describe_place(place) for place in ranking.places)])
