"""Whether a saved treatment entry or plan can be read back, without pydantic (start-up cost).

It runs on every opening of a database that holds treatment records, before the window shows them.

kvet writes entries as JSON (``kvet.store.courses`` through pydantic, mode "json"): dates as
"YYYY-MM-DD", sets and tuples as lists, enums as their values. A value of another shape was
damaged after it was written, and "My treatment" could not show it. The fields and their types
come from the dataclasses of ``kvet.treatment.course`` themselves, so there is no second list to
keep.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import MISSING, fields
from datetime import date
from enum import Enum
from typing import Any

from kvet.treatment import course

# kvet.treatment.phq9's own numbers (a test holds them equal): importing it would load pydantic at
# start-up
PHQ9_ITEMS = 9
PHQ9_TOP = 3
KINDS: dict[str, type[Any]] = {
    "session": course.DoseSession,
    "phq9": course.CheckIn,
    "mood": course.MoodCheck,
    "care": course.CareSession,
    "markers": course.MarkerWeek,
}


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def fits(value: object, hint: Any) -> bool:
    """Whether a JSON value is what kvet writes for a field of type ``hint``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(fits(value, option) for option in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is date:
        return _is_date(value)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return any(value == member.value for member in hint)
    if origin in (tuple, frozenset, set, list):
        if not isinstance(value, list):
            return False
        args = typing.get_args(hint)
        if origin is tuple and args and args[-1] is not Ellipsis:
            return len(value) == len(args) and all(map(fits, value, args))
        return all(fits(item, args[0]) for item in value)
    return False


def _fields(cls: Any) -> tuple[tuple[str, Any, bool], ...]:
    """(name, type, required) of each field of a dataclass."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, hints[f.name], f.default is MISSING and f.default_factory is MISSING)
        for f in fields(cls)
    )


FIELDS = {cls: _fields(cls) for cls in (*KINDS.values(), course.Plan)}


def _record(data: object) -> dict[str, Any] | None:
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError:
            return None
    return data if isinstance(data, dict) else None


def _record_fits(cls: type[Any], record: dict[str, Any] | None) -> bool:
    if record is None:
        return False
    for name, hint, required in FIELDS[cls]:
        if name not in record:
            if required:
                return False
        elif not fits(record[name], hint):
            return False
    return True


def plan_fits(data: object) -> bool:
    return _record_fits(course.Plan, _record(data))


def entry_fits(kind: object, day: object, data: object) -> bool:
    """Whether a saved entry (its kind, day column and JSON) can be shown as kvet wrote it."""
    cls = KINDS.get(str(kind))
    record = _record(data)
    if cls is None or not _is_date(day) or not _record_fits(cls, record):
        return False
    if cls is course.CheckIn and record is not None:  # the page scores every check-in
        answers = record["answers"]
        return len(answers) == PHQ9_ITEMS and all(0 <= a <= PHQ9_TOP for a in answers)
    return True
