"""The name of the person kvet makes on first start, in the window's language ("Me", "Yo")."""

from __future__ import annotations

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.store.people import DEFAULT_RATER

CONTEXT = "People"
FIRST_PERSON = QT_TRANSLATE_NOOP("People", "Me")


def first_person_name() -> str:
    """Once made, it is a name like any other: kept as it is until the user renames it."""
    return translate(CONTEXT, DEFAULT_RATER)
