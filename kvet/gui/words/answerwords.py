"""The answer buttons' words ("Seen", "Not sure", ...) in the window's language.

The core (kvet.rating.answers) keeps them in English, because it never imports Qt; they are marked
here
for pyside6-lupdate, and tests/test_translations.py checks that this list and the core's agree.
"""

from __future__ import annotations

from kvet.content.checklist import Kind
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.answers import Choice, label

CONTEXT = "Answers"
WORDS = (
    QT_TRANSLATE_NOOP("Answers", "Not seen"),
    QT_TRANSLATE_NOOP("Answers", "Seen"),
    QT_TRANSLATE_NOOP("Answers", "Not sure"),
    QT_TRANSLATE_NOOP("Answers", "The clinic would not say"),
    QT_TRANSLATE_NOOP("Answers", "Yes"),
    QT_TRANSLATE_NOOP("Answers", "No"),
    QT_TRANSLATE_NOOP("Answers", "Clear answer"),
    QT_TRANSLATE_NOOP("Answers", "Vague answer"),
    QT_TRANSLATE_NOOP("Answers", "Would not answer"),
    QT_TRANSLATE_NOOP("Answers", "Not asked yet"),
    QT_TRANSLATE_NOOP("Answers", "Not answered"),
)


def answer_word(english: str) -> str:
    return translate(CONTEXT, english)


def answer_label(kind: Kind, choice: Choice | None) -> str:
    """``kvet.rating.answers.label``, in the window's language."""
    return answer_word(label(kind, choice))
