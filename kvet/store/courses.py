"""Courses of treatment in the database: the plan and the dated log, undoable and autosaved.

Entries are kept as JSON and validated here, on the way in and on the way out, against the plain
dataclasses of kvet.treatment.course: so a damaged row is reported, never handed to a view
half-read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from kvet.rating import plantext
from kvet.store.answering import AnswerStore
from kvet.store.changes import Change, ChangeKind
from kvet.store.connection import Database
from kvet.store.context import StoreContext
from kvet.store.errors import DatabaseCorruptError, InvalidValueError, NotFoundError
from kvet.store.models import Course as CourseRow
from kvet.store.models import CourseEntry
from kvet.store.undo import Edit
from kvet.store.validation import clean_name, clean_text, thing
from kvet.treatment import phq9, treatmentcheck
from kvet.treatment.course import (
    CareSession,
    CheckIn,
    Course,
    DoseSession,
    MarkerWeek,
    MoodCheck,
    Plan,
)

Entry = DoseSession | CheckIn | MoodCheck | CareSession | MarkerWeek
KINDS = treatmentcheck.KINDS
KIND_OF = {cls: kind for kind, cls in KINDS.items()}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {kind: TypeAdapter(cls) for kind, cls in KINDS.items()}
_PLAN = TypeAdapter(Plan)
# The clinic's answers to the four questions before starting become the plan's first draft.
PLAN_ITEMS = {
    "induction": "q_induction_schedule",
    "response_measure": "q_response_measure",
    "tapering": "q_taper_plan",
    "without_response": "q_no_response",
}
EARLIEST = date(2000, 1, 1)
MAX_LABEL = 200
MAX_LIFT_DAYS = 366

DAMAGED_ENTRY = "A treatment entry in the database is damaged."


@dataclass(frozen=True)
class CourseInfo:
    id: str
    clinic_name: str
    clinic_id: str | None
    created_at: datetime


@dataclass(frozen=True)
class EntryInfo:
    id: str
    kind: str
    entry: Entry


def _day_of(entry: Entry) -> date:
    return entry.week_of if isinstance(entry, MarkerWeek) else entry.day


def check_entry(entry: Entry) -> Entry:
    """The same limits for typed and imported entries; a bad one changes nothing."""
    day = _day_of(entry)
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
        plan = _PLAN.validate_python(data)
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
    plan = _PLAN.validate_python(notes)
    return replace(
        plan,
        first_phase_sessions=plantext.first_phase_sessions(plan.induction),
        review_at_session=plantext.review_session(plan.without_response),
    )


def entry_json(entry: Entry) -> tuple[str, dict[str, Any]]:
    """(kind, data) as files and the database keep an entry."""
    return KIND_OF[type(entry)], _to_json(entry)


def _to_json(entry: Entry) -> dict[str, Any]:
    kind = KIND_OF[type(entry)]
    data: dict[str, Any] = _ADAPTERS[kind].dump_python(entry, mode="json")
    return data


def _from_row(row: CourseEntry) -> EntryInfo:
    """An entry as saved; one damaged on disk since the database was opened (whose checks
    refuse it, see ``health.damaged_treatment``) is a ``DatabaseCorruptError``, so the window
    says the data is damaged and that the next start offers the newest good backup."""
    adapter = _ADAPTERS.get(row.kind)
    if adapter is None:
        raise DatabaseCorruptError("course.unknown-kind")
    if not treatmentcheck.entry_fits(row.kind, row.day.isoformat(), row.data):
        raise DatabaseCorruptError("course.damaged")
    try:
        entry = adapter.validate_python(row.data)
    except ValidationError:
        raise DatabaseCorruptError("course.damaged") from None
    return EntryInfo(row.id, row.kind, entry)


class CourseStore:
    """The "My treatment" area of the store; every edit goes through the store's undo."""

    def __init__(self, ctx: StoreContext, answers: AnswerStore) -> None:
        self._ctx = ctx
        self._answers = answers  # a plan's first draft comes from the clinic's answers

    @property
    def _db(self) -> Database:
        return self._ctx.db

    def _commit(
        self,
        text: str,
        writer: Callable[[Session, Any], None],
        before: Any,
        after: Any,
        course_id: str,
    ) -> None:
        with self._db.transaction() as s:
            writer(s, after)
        edit = Edit(text, writer, before, after)
        self._ctx.record(edit, Change(ChangeKind.COURSE))
        self._ctx.notify(Change(ChangeKind.COURSE))

    # --- courses ------------------------------------------------------------------------------

    def list_courses(self) -> list[CourseInfo]:
        with self._db.transaction() as s:
            rows = s.scalars(select(CourseRow).order_by(CourseRow.created_at)).all()
            return [CourseInfo(r.id, r.clinic_name, r.clinic_id, r.created_at) for r in rows]

    def start(self, clinic_name: str, clinic_id: str | None = None) -> CourseInfo:
        """A new course; from a clinic in a comparison, the plan starts from its answers."""
        name = clean_name(clinic_name, "clinic")
        plan = Plan()
        if clinic_id is not None:
            answers = self._answers.by_item(clinic_id)
            notes = {f: answers[i].note for f, i in PLAN_ITEMS.items() if i in answers}
            plan = plan_from_answers(notes)
        with self._db.transaction() as s:
            row = CourseRow(
                clinic_name=name, clinic_id=clinic_id, plan=_PLAN.dump_python(plan, mode="json")
            )
            s.add(row)
            s.flush()
            info = CourseInfo(row.id, row.clinic_name, row.clinic_id, row.created_at)
        self._ctx.notify(Change(ChangeKind.COURSE))
        return info

    def plan(self, course_id: str) -> Plan:
        with self._db.transaction() as s:
            return _PLAN.validate_python(self._row(s, course_id).plan)

    def set_plan(self, course_id: str, plan: Plan) -> None:
        check_plan(plan)
        before = self.plan(course_id)

        def write(s: Session, value: Plan) -> None:
            self._row(s, course_id).plan = _PLAN.dump_python(value, mode="json")

        self._commit("Change the treatment plan", write, before, plan, course_id)

    def load(self, course_id: str) -> Course:
        """The whole course as plain values, ready for kvet.treatment.reconsider and the views."""
        with self._db.transaction() as s:
            row = self._row(s, course_id)
            if not treatmentcheck.plan_fits(row.plan):
                raise DatabaseCorruptError("course.damaged")
            plan = _PLAN.validate_python(row.plan)
            name = row.clinic_name
        entries = [e.entry for e in self.entries(course_id)]
        return Course(
            name,
            plan,
            sessions=tuple(e for e in entries if isinstance(e, DoseSession)),
            check_ins=tuple(e for e in entries if isinstance(e, CheckIn)),
            mood_checks=tuple(e for e in entries if isinstance(e, MoodCheck)),
            care=tuple(e for e in entries if isinstance(e, CareSession)),
            markers=tuple(e for e in entries if isinstance(e, MarkerWeek)),
        )

    @staticmethod
    def _row(s: Session, course_id: str) -> CourseRow:
        row = s.get(CourseRow, course_id)
        if row is None:
            raise NotFoundError("gone.course")
        return row

    # --- entries ------------------------------------------------------------------------------

    def entries(self, course_id: str, kind: str | None = None) -> list[EntryInfo]:
        with self._db.transaction() as s:
            query = select(CourseEntry).where(CourseEntry.course_id == course_id)
            if kind is not None:
                query = query.where(CourseEntry.kind == kind)
            try:
                rows = s.scalars(query.order_by(CourseEntry.day, CourseEntry.created_at)).all()
            except ValueError:  # a day that is no date ("2026-02-30"), read by SQLAlchemy
                raise DatabaseCorruptError(DAMAGED_ENTRY) from None
            return [_from_row(r) for r in rows]

    def _entry_writer(self, course_id: str, entry_id: str) -> Callable[[Session, Any], None]:
        def write(s: Session, value: Entry | None) -> None:
            row = s.get(CourseEntry, entry_id)
            if value is None:
                if row is not None:
                    s.delete(row)
                return
            if row is None:
                row = CourseEntry(id=entry_id, course_id=course_id)
                s.add(row)
            row.kind = KIND_OF[type(value)]
            row.day = _day_of(value)
            row.data = _to_json(value)

        return write

    def add(self, course_id: str, entry: Entry) -> str:
        check_entry(entry)
        from kvet.store.models import new_id

        with self._db.transaction() as s:
            self._row(s, course_id)
        entry_id = new_id()
        what = {
            "session": "a session",
            "phq9": "a PHQ-9",
            "mood": "a mood check",
            "care": "a therapy or care session",
            "markers": "a week's markers",
        }
        self._commit(
            f"Add {what[KIND_OF[type(entry)]]}",
            self._entry_writer(course_id, entry_id),
            None,
            entry,
            course_id,
        )
        return entry_id

    def replace(self, course_id: str, entry_id: str, entry: Entry) -> None:
        check_entry(entry)
        before = self._entry(entry_id)
        self._commit(
            "Change an entry", self._entry_writer(course_id, entry_id), before, entry, course_id
        )

    def note_lift(self, course_id: str, before: date, days: int) -> bool:
        """How many days the lift from the last session before ``before`` lasted, asked when
        the next session is logged (only then is it known). False when there is no session
        before that day; one undoable step otherwise."""
        earlier = [e for e in self.entries(course_id, "session") if _day_of(e.entry) < before]
        if not earlier:
            return False
        last = earlier[-1]
        assert isinstance(last.entry, DoseSession)
        self.replace(course_id, last.id, replace(last.entry, lift_days=days))
        return True

    def remove(self, course_id: str, entry_id: str) -> None:
        before = self._entry(entry_id)
        self._commit(
            "Remove an entry", self._entry_writer(course_id, entry_id), before, None, course_id
        )

    def _entry(self, entry_id: str) -> Entry:
        with self._db.transaction() as s:
            row = s.get(CourseEntry, entry_id)
            if row is None:
                raise NotFoundError("gone.entry")
            return _from_row(row).entry


IMPORT_BATCH = 1000  # rows per INSERT: one statement per entry made 300,000 entries take 76 s


def write_imported_course(
    s: Session,
    course_id: str,
    clinic_id: str | None,
    clinic_name: str,
    plan: Plan,
    entries: list[tuple[str, Entry]],
) -> bool:
    """Part of an import's one transaction: a course from a file, with its own ids, so a file
    that carries it round-trips exactly. A course already here is left as it is (False; the
    import plan says so). An entry whose id another record already uses gets a new id rather
    than being dropped. Entries are written a thousand to a statement."""
    from sqlalchemy import Table, insert

    from kvet.store.models import new_id, utcnow

    if s.get(CourseRow, course_id) is not None:
        return False
    s.add(
        CourseRow(
            id=course_id,
            clinic_id=clinic_id,
            clinic_name=clinic_name,
            plan=_PLAN.dump_python(plan, mode="json"),
        )
    )
    s.flush()
    wanted = [entry_id for entry_id, _entry in entries]
    taken: set[str] = set()
    for start in range(0, len(wanted), IMPORT_BATCH):
        chunk = wanted[start : start + IMPORT_BATCH]
        taken.update(s.scalars(select(CourseEntry.id).where(CourseEntry.id.in_(chunk))))
    now = utcnow()
    rows = [
        {
            "id": new_id() if entry_id in taken else entry_id,
            "course_id": course_id,
            "kind": KIND_OF[type(entry)],
            "day": _day_of(entry),
            "data": _to_json(entry),
            "created_at": now,
        }
        for entry_id, entry in entries
    ]
    table = cast(Table, CourseEntry.__table__)
    for start in range(0, len(rows), IMPORT_BATCH):
        s.execute(insert(table), rows[start : start + IMPORT_BATCH])
    return True


def courses_of_clinics(
    s: Session, clinic_ids: list[str]
) -> list[tuple[CourseRow, list[EntryInfo]]]:
    """For a shared file: the courses at these clinics, with their entries, in one transaction."""
    rows = s.scalars(
        select(CourseRow).where(CourseRow.clinic_id.in_(clinic_ids)).order_by(CourseRow.created_at)
    ).all()
    found = []
    for row in rows:
        entries = s.scalars(
            select(CourseEntry)
            .where(CourseEntry.course_id == row.id)
            .order_by(CourseEntry.day, CourseEntry.created_at)
        ).all()
        found.append((row, [_from_row(e) for e in entries]))
    return found
