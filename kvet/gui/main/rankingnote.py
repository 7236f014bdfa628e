"""The note under the clinic list: how the clinics are ordered, and whether the first place
could still change. Its sentences are the core's (``kvet.rating.ranking``), marked here for
the translators; tests/test_translations.py checks that the two agree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from kvet.rating.ranking import Ranking

# kvet.rating.ranking.ORDER_SENTENCE (core, English), marked here.
ORDER_WORDS = QT_TRANSLATE_NOOP(
    "MainWindow",
    "In order of the score so far, counting each open question as half good, half bad until it "
    "is answered. Clinics with less than half of their weight answered come after the vetted "
    "ones, as not yet vetted, and a clinic with a dealbreaker seen comes after all the others.",
)
FIRST_OPEN = QT_TRANSLATE_NOOP(
    "MainWindow", "The first place could still change. See Compare for what to ask next."
)


def ranking_note(ranking: Ranking) -> str:
    """The order, then who is first (when that is settled) or that it could still change."""
    from kvet.gui.words.rankingwords import place_words

    if not ranking.places:
        return translate("MainWindow", "No clinics yet. Add the first one you are considering.")
    order = translate("MainWindow", ORDER_WORDS)
    if len(ranking.places) < 2:
        return order
    if ranking.top_settled:
        return order + " " + place_words(ranking.places[0], ranking)
    return order + " " + translate("MainWindow", FIRST_OPEN)
