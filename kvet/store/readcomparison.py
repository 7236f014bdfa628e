"""Reading one comparison whole, for a shared file (``Transfer.read_comparison``).

Everything a file holds about a comparison is read inside one transaction the caller holds, so
the file is consistent: clinics, everyone's answers, decisions, the people who gave them and,
when asked for, private pre-screen topics and treatment records. Each part has its own small
reader here; ``read_dump`` puts them together in the order a file lists them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from kvet.store.coursetransfer import stored_courses
from kvet.store.errors import NotFoundError
from kvet.store.models import Answer, Assessment, Clinic, Comparison, Decision, PersonalTopic, Rater
from kvet.store.rows import stored_rule
from kvet.store.transferrecords import (
    ComparisonDump,
    StoredAnswer,
    StoredAssessment,
    StoredClinic,
    StoredDecision,
    StoredTopic,
)
from kvet.store.validation import weights_from_dict

# A decision as ``StoredDecision`` holds it, column for column (read for export and import).
DECISION_COLUMNS = (
    Decision.clinic_id,
    Decision.item_id,
    Decision.choice,
    Decision.number,
    Decision.decided_by,
    Decision.decided_at,
    Decision.note,
)
# An answer as ``StoredAnswer`` holds it, column for column.
ANSWER_COLUMNS = (
    Answer.item_id,
    Answer.choice,
    Answer.number,
    Answer.note,
    Answer.origin,
    Answer.answered_at,
)


def read_dump(
    s: Session, comparison_id: str, *, include_personal: bool, include_courses: bool
) -> ComparisonDump:
    """The comparison whole; topics and treatment records only when asked for (else None)."""
    comparison = s.get(Comparison, comparison_id)
    if comparison is None or comparison.deleted_at is not None:
        raise NotFoundError("gone.comparison")
    clinics = _live_clinics(s, comparison_id)
    clinic_ids = [c.id for c in clinics]
    assessments = _assessments(s, clinic_ids)
    decisions = _decisions(s, clinic_ids)
    topics = _topics(s) if include_personal else None
    rater_ids = {a.rater_id for a in assessments} | {d.decided_by for d in decisions}
    rater_ids |= {t.rater_id for t in topics or ()}
    return ComparisonDump(
        comparison.id,
        comparison.name,
        weights_from_dict(comparison.settings if isinstance(comparison.settings, Mapping) else {}),
        stored_rule(comparison.combine_rule),
        _people(s, rater_ids),
        tuple(stored_clinic(c) for c in clinics),
        assessments,
        decisions,
        topics,
        stored_courses(s, clinic_ids) if include_courses else None,
    )


def stored_clinic(row: Clinic) -> StoredClinic:
    return StoredClinic(
        row.id,
        row.comparison_id,
        row.deleted_at is None,
        row.name,
        row.address,
        row.phone,
        row.website,
        tuple(row.formats or ()),
        row.notes,
        row.position,
        row.currency or "USD",
    )


def _live_clinics(s: Session, comparison_id: str) -> Sequence[Clinic]:
    return s.scalars(
        select(Clinic)
        .where(Clinic.comparison_id == comparison_id, Clinic.deleted_at.is_(None))
        .order_by(Clinic.position, Clinic.created_at)
    ).all()


def _assessments(s: Session, clinic_ids: list[str]) -> tuple[StoredAssessment, ...]:
    """Everyone's answers on these clinics, by clinic then person, answers by item."""
    assessments = s.execute(
        select(
            Assessment.id, Assessment.clinic_id, Assessment.rater_id, Assessment.checklist_version
        )
        .where(Assessment.clinic_id.in_(clinic_ids))
        .order_by(Assessment.clinic_id, Assessment.rater_id)
    ).all()
    said: dict[str, list[StoredAnswer]] = {a.id: [] for a in assessments}
    for row in s.execute(
        select(Answer.assessment_id, *ANSWER_COLUMNS)
        .where(Answer.assessment_id.in_(list(said)))
        .order_by(Answer.item_id)
    ):
        said[row[0]].append(StoredAnswer._make(row[1:]))
    return tuple(
        StoredAssessment(a.clinic_id, a.rater_id, a.checklist_version, tuple(said[a.id]))
        for a in assessments
    )


def _decisions(s: Session, clinic_ids: list[str]) -> tuple[StoredDecision, ...]:
    return tuple(
        StoredDecision._make(row)
        for row in s.execute(
            select(*DECISION_COLUMNS)
            .where(Decision.clinic_id.in_(clinic_ids))
            .order_by(Decision.clinic_id, Decision.item_id)
        )
    )


def _topics(s: Session) -> tuple[StoredTopic, ...]:
    return tuple(
        StoredTopic(t.rater_id, t.topic_id, t.applies, t.note)
        for t in s.scalars(select(PersonalTopic).order_by(PersonalTopic.topic_id))
    )


def _people(s: Session, rater_ids: set[str]) -> tuple[tuple[str, str], ...]:
    """(id, name) of these people, in the order they were added."""
    rows = s.execute(
        select(Rater.id, Rater.name).where(Rater.id.in_(rater_ids)).order_by(Rater.created_at)
    )
    return tuple((p.id, p.name) for p in rows)
