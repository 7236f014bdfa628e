"""Where a family's file went last time, so that the next import of it can offer the same.

A brother's file imported twice must not make "Maria (imported)" beside Maria, nor a second
comparison of the same name; and a treatment record that came in someone's file must not look
like your own. The import remembers, by the file's own ids, where its people and comparison went
and which records it brought (as preferences: ids, a date and the file's names, nothing else);
the next import offers the same again. Only offers: the user still sees and confirms them, so a
file that borrows another file's ids gains nothing the user's own choice would not give it.

Kept apart from ``kvet.exchange.importer`` (which needs pydantic) so that My treatment can say
where a record came from without loading the file format.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kvet.exchange.fileformat import ComparisonFile
    from kvet.exchange.importer import ImportPlan
    from kvet.store.api import Store

_PERSON_KEY = "import.person."
_COMPARISON_KEY = "import.comparison."
_COURSE_KEY = "import.course."  # a treatment record from a file: when, and whose file


def _key(prefix: str, file_id: str) -> str:
    """A preference name for one of a file's ids (ids may be longer than a name may be)."""
    return prefix + hashlib.sha256(file_id.encode("utf-8")).hexdigest()[:40]


@dataclass(frozen=True)
class Remembered:
    """Where the last import of this file's people and comparison went, as far as they still
    exist: ``people`` maps a person of the file (their id in it) to one of yours."""

    people: dict[str, str]
    comparison_id: str | None


def remembered(store: Store, document: ComparisonFile) -> Remembered:
    """What to offer for ``document``: the same people as last time, and the comparison it was
    imported into (or came from: one here with the file's own comparison id)."""
    settings = store.settings
    listed = store.people.list()
    mine = {person.id for person in listed}
    # A file made from this comparison (sent back with answers added) names its people by
    # their ids here; one that is not you, with the same name, is offered as the same person.
    # You are never offered by id alone: a file must not be able to speak as you unasked.
    same = {p.id for p in listed if not p.is_default}
    names = {p.id: p.name for p in listed}
    people = {}
    for rater in document.raters:
        was = settings.preference(_key(_PERSON_KEY, rater.id))
        if was in mine:
            people[rater.id] = was
        elif rater.id in same and names[rater.id] == rater.name:
            people[rater.id] = rater.id
    live = {comparison.id for comparison in store.comparisons.list()}
    origin = settings.preference(_key(_COMPARISON_KEY, document.comparison.id))
    if origin not in live:
        origin = document.comparison.id if document.comparison.id in live else ""
    return Remembered(people, origin or None)


def remember(store: Store, plan: ImportPlan, comparison_id: str) -> None:
    """Note where this import put the file's people and comparison (see ``remembered``)."""
    settings = store.settings
    settings.set_preference(_key(_COMPARISON_KEY, plan.document.comparison.id), comparison_id)
    for file_id, stored_id in plan.rater_ids.items():
        settings.set_preference(_key(_PERSON_KEY, file_id), stored_id)
    if plan.new_courses:
        you = store.people.find_default()
        whose = ", ".join(r.name for r in plan.document.raters if plan.rater_ids.get(r.id) != you)
        for course_id in plan.new_courses:
            settings.set_preference(
                _key(_COURSE_KEY, course_id), f"{date.today().isoformat()} {whose}"
            )


@dataclass(frozen=True)
class ImportedFrom:
    """A treatment record that came in a family member's file: it is theirs, not yours."""

    day: date
    names: str  # the people of the file, as it named them ("" when it named nobody)


def imported_from(store: Store, course_id: str) -> ImportedFrom | None:
    """Whether a treatment record was imported, when, and from whose file; None if it is yours."""
    value = store.settings.preference(_key(_COURSE_KEY, course_id))
    day, _space, names = value.partition(" ")
    try:
        return ImportedFrom(date.fromisoformat(day), names) if day else None
    except ValueError:
        return None
