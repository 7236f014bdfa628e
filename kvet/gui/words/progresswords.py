"""The walkthrough's progress words ("3 of 12 questions answered") in the window's language.

kvet.rating.progress (core, no Qt) keeps the templates in English; their Spanish is in the
catalogue (kvet.content.catalogue).
"""

from __future__ import annotations

from kvet.content.catalogue import core_say
from kvet.rating.progress import Count


def progress_words(count: Count) -> str:
    """``Count.words``, in the window's language."""
    return count.words(core_say())
