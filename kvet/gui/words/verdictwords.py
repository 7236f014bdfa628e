"""The core's sentences about a score, a verdict, costs and dates, in the window's language.

kvet.rating.scoring, kvet.rating.verdict, kvet.rating.costs, kvet.rating.combine and
kvet.text.datewords (core, no Qt) keep their templates in English and take ``say``; ``say`` here
answers it from the catalogue the printouts read too (kvet.content.catalogue), so one function
serves every sentence that mixes them (a reason names a month, a disagreement names answers)
and a sentence reads the same on screen and on paper.
"""

from __future__ import annotations

from kvet.content.catalogue import sentence

# Currency codes read the same in Spanish; the checklist's other units are in the catalogue.
UNCHANGED_UNITS = ("", "USD", "CAD", "GBP", "EUR", "AUD", "NZD")


def unit_words(unit: str) -> str:
    """A checklist unit ("minutes") in the window's language."""
    return sentence(unit) if unit not in UNCHANGED_UNITS else unit


def say(english: str) -> str:
    """An English template or word of the core, in the window's language (unknown: as it is)."""
    return sentence(english)
