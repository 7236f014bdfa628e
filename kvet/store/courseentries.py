"""A course's plan and entries as values: the limits they keep, and the JSON they are kept as.

Entries are kept as JSON and validated here, on the way in and on the way out, against the plain
dataclasses of kvet.treatment.course: so a damaged row is reported, never handed to a view
half-read. Typed entries (``kvet.store.courses``) and entries from a shared file
(``kvet.exchange``, ``kvet.store.coursetransfer``) meet the same limits.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from pydantic import TypeAdapter, ValidationError

from kvet.rating import plantext
from kvet.store.errors import DatabaseCorruptError, InvalidValueError
from kvet.store.models import CourseEntry
from kvet.store.validation import clean_text, thing
from kvet.treatment import phq9, treatmentcheck
from kvet.treatment.course import (
    CareSession,
    CheckIn,
    DoseSession,
    MarkerWeek,
    MoodCheck,
    Plan,
)

Entry = DoseSession | CheckIn | MoodCheck | CareSession | MarkerWeek
KINDS = treatmentcheck.KINDS
KIND_OF = {cls: kind for kind, cls in KINDS.items()}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {kind: TypeAdapter(cls) for kind, cls in KINDS.items()}
PLAN = TypeAdapter(Plan)
EARLIEST = date(2000, 1, 1)
MAX_LABEL = 200
MAX_LIFT_DAYS = 366


def day_of(entry: Entry) -> date:
    return entry.week_of if isinstance(entry, MarkerWeek) else entry.day


def check_entry(entry: Entry) -> Entry:
    """The same limits for typed and imported entries; a bad one changes nothing."""
    day = day_of(entry)
    if not EARLIEST <= day <= date.today().replace(year=date.today().year + 1):
        raise InvalidValueError("course.date")
    if isinstance(entry, CheckIn):
        try:
            phq9.score(entry.answers)
        except phq9.Phq9Error as exc:
            raise InvalidValueError("value.as-said", reason=exc.words) from None
        if entry.difficulty is not None and not 0 <= entry.difficulty <= 3:
            raise InvalidValueError("course.difficulty")
    if isinstance(entry, DoseSession):
        for reading in (entry.bp_before, entry.bp_after):
            if reading is not None and not (
                50 <= reading[0] <= 300 and 20 <= reading[1] <= 200 and reading[1] < reading[0]
            ):
                raise InvalidValueError("course.blood-pressure")
        if entry.minutes_to_steady is not None and not 0 <= entry.minutes_to_steady <= 24 * 60:
            raise InvalidValueError("course.steady")
        if entry.lift_days is not None and not 0 <= entry.lift_days <= MAX_LIFT_DAYS:
            raise InvalidValueError("course.lift")
        if entry.dose_raise_planned and not entry.dose_raised:
            raise InvalidValueError("course.planned-raise")
        clean_text(entry.dose_note, "dose note")
        clean_text(entry.note, "note")
        _short(entry.treatment, "treatment")
    if isinstance(entry, CareSession):
        _short(entry.kind, "kind of care")
    if isinstance(entry, MarkerWeek):
        for marker in entry.ticked:
            _short(marker, "marker")
    return entry


def _short(text: str, what: str) -> None:
    clean_text(text, what)
    if len(text) > MAX_LABEL:
        raise InvalidValueError("value.too-long", what=thing(what), limit=MAX_LABEL)


def course_entry(kind: str, data: dict[str, Any]) -> Entry:
    """An entry from a file, through the same checks as a typed one; ValueError if it fails."""
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        raise InvalidValueError("file.unknown-entry-kind")
    if not set(data) <= {f.name for f in fields(KINDS[kind])}:
        raise InvalidValueError("file.unknown-entry-fields")
    try:
        entry: Entry = adapter.validate_python(data)
    except ValidationError:
        raise InvalidValueError("file.entry-misfit") from None
    return check_entry(entry)  # an InvalidValueError is a ValueError too


def course_plan(data: dict[str, Any]) -> Plan:
    """A plan from a file, with the limits of a typed one; ValueError if it fails."""
    if not set(data) <= {f.name for f in fields(Plan)}:
        raise InvalidValueError("file.unknown-plan-fields")
    try:
        plan = PLAN.validate_python(data)
    except ValidationError:
        raise InvalidValueError("file.plan-misfit") from None
    check_plan(plan)  # an InvalidValueError is a ValueError too
    return plan


def check_plan(plan: Plan) -> None:
    for text in (plan.induction, plan.response_measure, plan.tapering, plan.without_response):
        clean_text(text, "plan")
    if plan.review_at_session is not None and not 1 <= plan.review_at_session <= plantext.MOST:
        raise InvalidValueError("course.review-point")
    if plan.first_phase_sessions is not None and not (
        1 <= plan.first_phase_sessions <= plantext.MOST
    ):
        raise InvalidValueError("course.first-phase")


def plan_from_answers(notes: dict[str, str]) -> Plan:
    """The plan's first draft from the clinic's answers (by plan field): the texts as they are,
    and the two numbers read from them where the words name them plainly (kvet.rating.plantext)."""
    plan = PLAN.validate_python(notes)
    return replace(
        plan,
        first_phase_sessions=plantext.first_phase_sessions(plan.induction),
        review_at_session=plantext.review_session(plan.without_response),
    )


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry's data as files and the database keep it (its kind is kept beside it)."""
    kind = KIND_OF[type(entry)]
    data: dict[str, Any] = _ADAPTERS[kind].dump_python(entry, mode="json")
    # A set (side effects, ticked signs) is written in sorted order: its own order changes with
    # Python's hash seed, and the same data must give the same file each time (backups, diffs).
    for each in fields(entry):
        if isinstance(getattr(entry, each.name), frozenset):
            data[each.name] = sorted(data[each.name])
    return data


def entry_from_row(row: CourseEntry) -> Entry:
    """An entry as saved; one damaged on disk since the database was opened (whose checks
    refuse it, see ``health.damaged_treatment``) is a ``DatabaseCorruptError``, so the window
    says the data is damaged and that the next start offers the newest good backup."""
    adapter = _ADAPTERS.get(row.kind)
    if adapter is None:
        raise DatabaseCorruptError("course.unknown-kind")
    if not treatmentcheck.entry_fits(row.kind, row.day.isoformat(), row.data):
        raise DatabaseCorruptError("course.damaged")
    try:
        entry: Entry = adapter.validate_python(row.data)
    except ValidationError:
        raise DatabaseCorruptError("course.damaged") from None
    return entry
