"""What an import of a shared file would meet here (``Transfer.holdings``), read without writing.

The exchange plans an import and lists its conflicts from these: people, clinics with the file's
ids, the answers and decisions already stored on them, private topics and treatment records.
The answers an import meets are read by one query, ``answers_by_owner``, whether as plain
records for planning or as rows the import's writing may change (``kvet.store.importwriting``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kvet.store.errors import NotFoundError
from kvet.store.models import Answer, Assessment, Clinic, Comparison, Decision, PersonalTopic, Rater
from kvet.store.models import Course as CourseRow
from kvet.store.readcomparison import ANSWER_COLUMNS, DECISION_COLUMNS, stored_clinic
from kvet.store.transferrecords import Holdings, StoredAnswer, StoredDecision

Held = TypeVar("Held")


def read_holdings(
    s: Session,
    into: str | None,
    comparison_id: str,
    clinic_ids: Collection[str],
    people: Collection[str],
    course_ids: Collection[str],
) -> Holdings:
    """See ``Transfer.holdings``; inside a transaction the caller holds."""
    if into is not None:
        target = s.get(Comparison, into)
        if target is None or target.deleted_at is not None:
            raise NotFoundError("gone.import-target")
    taken = into is None and s.get(Comparison, comparison_id) is not None
    everyone = {r.id: r.name for r in s.execute(select(Rater.id, Rater.name))}
    clinics = {
        row.id: stored_clinic(row)
        for row in s.scalars(select(Clinic).where(Clinic.id.in_(list(clinic_ids))))
    }
    matched = [c.id for c in clinics.values() if c.live and c.comparison_id == into]
    return Holdings(
        taken,
        everyone,
        clinics,
        answers_by_owner(s, matched, people, StoredAnswer._make, *ANSWER_COLUMNS[1:]),
        _held_decisions(s, matched),
        _held_topics(s, people),
        _held_courses(s, course_ids),
    )


def answers_by_owner(
    s: Session,
    clinic_ids: Collection[str],
    rater_ids: Collection[str],
    make: Callable[[Any], Held],
    *columns: Any,
) -> dict[tuple[str, str], dict[str, Held]]:
    """These people's answers on these clinics, in one query: (clinic, person) -> item id ->
    what ``make`` builds from the row (the item id, then ``columns``)."""
    held: dict[tuple[str, str], dict[str, Held]] = {}
    if not clinic_ids or not rater_ids:
        return held
    rows = s.execute(
        select(Assessment.clinic_id, Assessment.rater_id, Answer.item_id, *columns)
        .join(Answer, Answer.assessment_id == Assessment.id)
        .where(Assessment.clinic_id.in_(list(clinic_ids)), Assessment.rater_id.in_(list(rater_ids)))
    )
    for row in rows:
        held.setdefault((row[0], row[1]), {})[row[2]] = make(row[2:])
    return held


def _held_decisions(
    s: Session, clinic_ids: Collection[str]
) -> dict[tuple[str, str], StoredDecision]:
    if not clinic_ids:
        return {}
    rows = s.execute(select(*DECISION_COLUMNS).where(Decision.clinic_id.in_(list(clinic_ids))))
    return {(row[0], row[1]): StoredDecision._make(row) for row in rows}


def _held_topics(s: Session, people: Collection[str]) -> frozenset[tuple[str, str]]:
    """(person, topic) already kept for the chosen people."""
    if not people:
        return frozenset()
    return frozenset(
        (r, t)
        for r, t in s.execute(
            select(PersonalTopic.rater_id, PersonalTopic.topic_id).where(
                PersonalTopic.rater_id.in_(list(people))
            )
        )
    )


def _held_courses(s: Session, course_ids: Collection[str]) -> frozenset[str]:
    """Ids of the file's treatment records already here."""
    if not course_ids:
        return frozenset()
    return frozenset(s.scalars(select(CourseRow.id).where(CourseRow.id.in_(list(course_ids)))))
