"""The answer buttons' words ("Seen", "Not sure", ...) in the window's language.

The core (kvet.rating.answers) keeps them in English, because it never imports Qt; their Spanish
is in the catalogue the printouts read too (kvet.content.catalogue), so a button and a printed
answer say the same.
"""

from __future__ import annotations

from kvet.content.catalogue import sentence
from kvet.content.checklist import Kind
from kvet.rating.answers import Choice, label


def answer_word(english: str) -> str:
    return sentence(english)


def answer_label(kind: Kind, choice: Choice | None) -> str:
    """``kvet.rating.answers.label``, in the window's language."""
    return answer_word(label(kind, choice))
