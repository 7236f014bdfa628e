"""The name of the person kvet makes on first start, in the window's language ("Me", "Yo")."""

from __future__ import annotations

from kvet.content.catalogue import sentence
from kvet.store.people import DEFAULT_RATER


def first_person_name() -> str:
    """Once made, it is a name like any other: kept as it is until the user renames it."""
    return sentence(DEFAULT_RATER)
