"""Treatment records in and out of shared files, inside the transaction of a whole comparison.

A file carries a course with its own ids, so it round-trips exactly: ``stored_courses``
reads the courses at a comparison's clinics for ``kvet.store.readcomparison``, and
``write_imported_course`` writes one from a file for ``kvet.store.importwriting``.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kvet.store.courseentries import (
    KIND_OF,
    PLAN,
    Entry,
    day_of,
    entry_data,
    entry_from_row,
)
from kvet.store.models import Course as CourseRow
from kvet.store.models import CourseEntry
from kvet.store.tables import course_entry_table, new_id, utcnow
from kvet.store.transferrecords import StoredCourse, StoredEntry
from kvet.treatment.course import Plan

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
    if s.get(CourseRow, course_id) is not None:
        return False
    s.add(
        CourseRow(
            id=course_id,
            clinic_id=clinic_id,
            clinic_name=clinic_name,
            plan=PLAN.dump_python(plan, mode="json"),
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
            "day": day_of(entry),
            "data": entry_data(entry),
            "created_at": now,
        }
        for entry_id, entry in entries
    ]
    table = course_entry_table
    for start in range(0, len(rows), IMPORT_BATCH):
        s.execute(insert(table), rows[start : start + IMPORT_BATCH])
    return True


def stored_courses(s: Session, clinic_ids: list[str]) -> tuple[StoredCourse, ...]:
    """For a shared file: the courses at these clinics, with their entries as files keep them."""
    rows = s.scalars(
        select(CourseRow).where(CourseRow.clinic_id.in_(clinic_ids)).order_by(CourseRow.created_at)
    ).all()
    return tuple(
        StoredCourse(
            row.id, row.clinic_id, row.clinic_name, dict(row.plan), _stored_entries(s, row)
        )
        for row in rows
    )


def _stored_entries(s: Session, course: CourseRow) -> tuple[StoredEntry, ...]:
    entries = s.scalars(
        select(CourseEntry)
        .where(CourseEntry.course_id == course.id)
        .order_by(CourseEntry.day, CourseEntry.created_at)
    ).all()
    return tuple(StoredEntry(e.id, e.kind, entry_data(entry_from_row(e))) for e in entries)
