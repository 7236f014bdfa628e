"""Courses of treatment in the database: the plan and the dated log, undoable and autosaved.

This is the "My treatment" area of the store (``Store.courses``). What a plan and an entry may
hold, and the JSON they are kept as, is in ``kvet.store.courseentries``; courses in shared files
are in ``kvet.store.coursetransfer``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kvet.store.answering import AnswerStore
from kvet.store.changes import Change, ChangeKind
from kvet.store.connection import Database
from kvet.store.context import StoreContext
from kvet.store.courseentries import (
    KIND_OF,
    PLAN,
    Entry,
    check_entry,
    check_plan,
    day_of,
    entry_data,
    entry_from_row,
    plan_from_answers,
)

# kvet.exchange imports these three from here (not the store's to edit); new code imports them
# from kvet.store.courseentries.
from kvet.store.errors import DatabaseCorruptError, NotFoundError
from kvet.store.models import Course as CourseRow
from kvet.store.models import CourseEntry
from kvet.store.undo import Edit
from kvet.store.validation import clean_name
from kvet.store.writers import put_row
from kvet.treatment import treatmentcheck
from kvet.treatment.course import (
    CareSession,
    CheckIn,
    Course,
    DoseSession,
    MarkerWeek,
    MoodCheck,
    Plan,
)

# The clinic's answers to the four questions before starting become the plan's first draft.
PLAN_ITEMS = {
    "induction": "q_induction_schedule",
    "response_measure": "q_response_measure",
    "tapering": "q_taper_plan",
    "without_response": "q_no_response",
}

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
                clinic_name=name, clinic_id=clinic_id, plan=PLAN.dump_python(plan, mode="json")
            )
            s.add(row)
            s.flush()
            info = CourseInfo(row.id, row.clinic_name, row.clinic_id, row.created_at)
        self._ctx.notify(Change(ChangeKind.COURSE))
        return info

    def plan(self, course_id: str) -> Plan:
        with self._db.transaction() as s:
            return PLAN.validate_python(self._row(s, course_id).plan)

    def set_plan(self, course_id: str, plan: Plan) -> None:
        check_plan(plan)
        before = self.plan(course_id)

        def write(s: Session, value: Plan) -> None:
            self._row(s, course_id).plan = PLAN.dump_python(value, mode="json")

        self._commit("Change the treatment plan", write, before, plan, course_id)

    def load(self, course_id: str) -> Course:
        """The whole course as plain values, ready for kvet.treatment.reconsider and the views."""
        with self._db.transaction() as s:
            row = self._row(s, course_id)
            if not treatmentcheck.plan_fits(row.plan):
                raise DatabaseCorruptError("course.damaged")
            plan = PLAN.validate_python(row.plan)
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
            return [EntryInfo(r.id, r.kind, entry_from_row(r)) for r in rows]

    def _entry_writer(self, course_id: str, entry_id: str) -> Callable[[Session, Any], None]:
        def write(s: Session, value: Entry | None) -> None:
            values = None
            if value is not None:
                values = {
                    "kind": KIND_OF[type(value)],
                    "day": day_of(value),
                    "data": entry_data(value),
                }
            put_row(
                s,
                s.get(CourseEntry, entry_id),
                values,
                lambda: CourseEntry(id=entry_id, course_id=course_id),
            )

        return write

    def add(self, course_id: str, entry: Entry) -> str:
        check_entry(entry)
        from kvet.store.tables import new_id

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
        earlier = [e for e in self.entries(course_id, "session") if day_of(e.entry) < before]
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
            return entry_from_row(row)
