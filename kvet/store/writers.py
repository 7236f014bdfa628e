"""Undoable writes for the store's areas: each returns a function that puts a snapshot back,
so one edit can be replayed either way by the undo history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kvet.store.errors import NotFoundError
from kvet.store.models import Answer, Assessment, utcnow
from kvet.store.models import Decision as DecisionRow
from kvet.store.undo import Edit

Row = TypeVar("Row")


def fields_writer(model: Any, pk: str) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any]) -> None:
        row = s.get(model, pk)
        if row is None:
            raise NotFoundError("gone.undo")
        for key, value in values.items():
            setattr(row, key, value)

    return write


def get_assessment(s: Session, clinic_id: str, rater_id: str, version: str) -> Assessment:
    row = s.scalars(
        select(Assessment).where(Assessment.clinic_id == clinic_id, Assessment.rater_id == rater_id)
    ).first()
    if row is None:
        row = Assessment(clinic_id=clinic_id, rater_id=rater_id, checklist_version=version)
        s.add(row)
        s.flush()
    return row


ANSWER_FIELDS = ("choice", "number", "note", "origin", "answered_at")


def answer_row(s: Session, assessment_id: str, item_id: str) -> Answer | None:
    return s.scalars(
        select(Answer).where(Answer.assessment_id == assessment_id, Answer.item_id == item_id)
    ).first()


def changes_nothing(before: dict[str, Any] | None, values: dict[str, Any]) -> bool:
    if before is None:  # no answer yet: only something worth keeping makes one
        return "origin" not in values and all(
            values.get(key) in (None, "") for key in ("choice", "number", "note")
        )
    return all(before[key] == value for key, value in values.items())


def answer_snapshot(row: Answer | None) -> dict[str, Any] | None:
    return None if row is None else {key: getattr(row, key) for key in ANSWER_FIELDS}


def put_row(
    s: Session, row: Row | None, values: Mapping[str, Any] | None, make: Callable[[], Row]
) -> Row | None:
    """Put a snapshot in place: None deletes the row (if there is one); values are set on the
    row, made by ``make`` and added when there is none yet."""
    if values is None:
        if row is not None:
            s.delete(row)
        return None
    if row is None:
        row = make()
        s.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    return row


def creation_edit(text: str, model: Any, pk: str) -> Edit:
    """The undo step of something new: undone, the row is marked deleted; redone, it is back."""
    return Edit(text, fields_writer(model, pk), {"deleted_at": utcnow()}, {"deleted_at": None})


def write_answer_row(
    s: Session, assessment: Assessment, item_id: str, values: dict[str, Any] | None
) -> Answer | None:
    return put_row(
        s,
        answer_row(s, assessment.id, item_id),
        values,
        lambda: Answer(assessment_id=assessment.id, item_id=item_id),
    )


def answer_writer(
    clinic_id: str, rater_id: str, item_id: str, version: str
) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any] | None) -> None:
        write_answer_row(s, get_assessment(s, clinic_id, rater_id, version), item_id, values)

    return write


DECISION_FIELDS = ("choice", "number", "note", "decided_by", "decided_at")


def decision_row(s: Session, clinic_id: str, item_id: str) -> DecisionRow | None:
    return s.scalars(
        select(DecisionRow).where(
            DecisionRow.clinic_id == clinic_id, DecisionRow.item_id == item_id
        )
    ).first()


def decision_snapshot(row: DecisionRow | None) -> dict[str, Any] | None:
    return None if row is None else {key: getattr(row, key) for key in DECISION_FIELDS}


def write_decision_row(
    s: Session, clinic_id: str, item_id: str, values: dict[str, Any] | None
) -> None:
    put_row(
        s,
        decision_row(s, clinic_id, item_id),
        values,
        lambda: DecisionRow(clinic_id=clinic_id, item_id=item_id),
    )


def decision_writer(clinic_id: str, item_id: str) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any] | None) -> None:
        write_decision_row(s, clinic_id, item_id, values)

    return write
