"""The sample comparison in the window's language: a Spanish reader's sample is in Spanish.

kvet.start.sample (core, no Qt) keeps its texts in English; their Spanish is in the catalogue
(kvet.content.catalogue).
"""

from __future__ import annotations

from kvet.content.catalogue import sentence


def sample_say(english: str) -> str:
    return sentence(english)
