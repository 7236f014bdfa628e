"""Why a clinic's place is or is not fixed, in the window's language.

kvet.rating.ranking (core, no Qt) keeps the sentences in English; their Spanish is in the
catalogue the printouts read too (kvet.content.catalogue).
"""

from __future__ import annotations

from kvet.content.catalogue import core_say
from kvet.rating.placesentence import place_sentence
from kvet.rating.ranking import Place, Ranking


def place_words(place: Place, ranking: Ranking) -> str:
    """``kvet.rating.placesentence.place_sentence``, in the window's language."""
    return place_sentence(place, ranking, core_say())
