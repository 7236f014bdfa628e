"""The walkthrough's progress words ("3 of 12 questions answered") in the window's language.

kvet.rating.progress (core, no Qt) keeps the templates in English; they are marked here for
pyside6-lupdate, and tests/test_translations.py checks that this list and the core's agree.
"""

from __future__ import annotations

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.progress import Count

CONTEXT = "Progress"
TEMPLATES = (
    QT_TRANSLATE_NOOP("Progress", "{answered} of {questions} question answered"),
    QT_TRANSLATE_NOOP("Progress", "{answered} of {questions} questions answered"),
    QT_TRANSLATE_NOOP("Progress", ", {given} of {facts} fact"),
    QT_TRANSLATE_NOOP("Progress", ", {given} of {facts} facts"),
)


def progress_words(count: Count) -> str:
    """``Count.words``, in the window's language."""
    return count.words(lambda english: translate(CONTEXT, english))
