"""The note under the clinic list: how the clinics are ordered, and whether the first place
could still change. The order is the core's sentence (``kvet.rating.ranking``), in the
catalogue; the rest is the window's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvet.content.catalogue import sentence
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.ranking import ORDER_SENTENCE

if TYPE_CHECKING:
    from kvet.rating.ranking import Ranking

FIRST_OPEN = QT_TRANSLATE_NOOP(
    "MainWindow", "The first place could still change. See Compare for what to ask next."
)


def ranking_note(ranking: Ranking) -> str:
    """The order, then who is first (when that is settled) or that it could still change."""
    from kvet.gui.words.rankingwords import place_words

    if not ranking.places:
        return translate("MainWindow", "No clinics yet. Add the first one you are considering.")
    order = sentence(ORDER_SENTENCE)
    if len(ranking.places) < 2:
        return order
    if ranking.top_settled:
        return order + " " + place_words(ranking.places[0], ranking)
    return order + " " + translate("MainWindow", FIRST_OPEN)
