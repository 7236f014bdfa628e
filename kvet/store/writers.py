"""Undoable writes for the store's areas: each returns a function that puts a snapshot back,
so one edit can be replayed either way by the undo history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Connection, CursorResult, and_, bindparam, insert, select, update

from kvet.store.errors import NotFoundError
from kvet.store.tables import (
    answer_table,
    assessment_table,
    clinic_table,
    new_id,
    rater_table,
    utcnow,
)
from kvet.store.undo import Edit

if TYPE_CHECKING:  # the ORM classes load with the first write that needs them (tables.py)
    from sqlalchemy import Table
    from sqlalchemy.orm import Session

    from kvet.store.connection import Unit
    from kvet.store.models import Answer, Assessment
    from kvet.store.models import Decision as DecisionRow

Row = TypeVar("Row")


def read_fields(s: Unit, table: Table, pk: str, keys: Iterable[str]) -> dict[str, Any]:
    """Some columns of one live row (not marked deleted); ``NotFoundError`` when there is none."""
    names = list(keys)
    live = (table.c.deleted_at.is_(None),) if "deleted_at" in table.c else ()
    found = s.execute(
        select(*(table.c[name] for name in names)).where(table.c.id == pk, *live)
    ).first()
    if found is None:
        raise NotFoundError("gone.thing")
    return dict(zip(names, found, strict=True))


def write_fields(s: Unit, table: Table, pk: str, values: dict[str, Any]) -> int:
    """Set some columns of one row; how many rows there were to set (0 or 1)."""
    done = s.execute(update(table).where(table.c.id == pk).values(**values))
    return int(cast(CursorResult[Any], done).rowcount)


def fields_writer(table: Table, pk: str) -> Callable[[Unit, Any], None]:
    def write(s: Unit, values: dict[str, Any]) -> None:
        if not write_fields(s, table, pk, values):
            raise NotFoundError("gone.undo")

    return write


def get_assessment(s: Session, clinic_id: str, rater_id: str, version: str) -> Assessment:
    from kvet.store.models import Assessment

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
    from kvet.store.models import Answer

    return s.scalars(
        select(Answer).where(Answer.assessment_id == assessment_id, Answer.item_id == item_id)
    ).first()


def changes_nothing(before: dict[str, Any] | None, values: dict[str, Any]) -> bool:
    if before is None:  # no answer yet: only something worth keeping makes one
        return "origin" not in values and all(
            values.get(key) in (None, "") for key in ("choice", "number", "note")
        )
    return all(before[key] == value for key, value in values.items())


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


def creation_edit(text: str, table: Table, pk: str) -> Edit:
    """The undo step of something new: undone, the row is marked deleted; redone, it is back."""
    return Edit(text, fields_writer(table, pk), {"deleted_at": utcnow()}, {"deleted_at": None})


def write_answer_row(
    s: Session, assessment: Assessment, item_id: str, values: dict[str, Any] | None
) -> Answer | None:
    from kvet.store.models import Answer

    return put_row(
        s,
        answer_row(s, assessment.id, item_id),
        values,
        lambda: Answer(assessment_id=assessment.id, item_id=item_id),
    )


# --- one answer written without the ORM --------------------------------------------------------
# An answer is the window's hot path (issue 26): the ORM's per-row work (identity map, unit of
# work, a SELECT for each row it touches) cost several times the SQL itself. These statements are
# built once; one SELECT finds the clinic, the person, their assessment and the answer together.

_clinic, _rater = clinic_table.c, rater_table.c
_assessment, _answer = assessment_table.c, answer_table.c
_PLACE = (
    select(
        _clinic.comparison_id,
        _clinic.deleted_at,
        _rater.id,
        _assessment.id,
        _assessment.checklist_version,
        _assessment.last_item_id,
        _answer.id,
        *(_answer[key] for key in ANSWER_FIELDS),
    )
    .select_from(clinic_table)
    .outerjoin(rater_table, _rater.id == bindparam("rater_id"))
    .outerjoin(
        assessment_table,
        and_(_assessment.clinic_id == _clinic.id, _assessment.rater_id == bindparam("rater_id")),
    )
    .outerjoin(
        answer_table,
        and_(_answer.assessment_id == _assessment.id, _answer.item_id == bindparam("item_id")),
    )
    .where(_clinic.id == bindparam("clinic_id"))
)
_NEW_ASSESSMENT = insert(assessment_table)
_UPDATE_ASSESSMENT = update(assessment_table).where(_assessment.id == bindparam("assessment_id"))
_NEW_ANSWER = insert(answer_table)
_UPDATE_ANSWER = update(answer_table).where(_answer.id == bindparam("answer_id"))
# what a new row holds where nothing was given: the table's own defaults (``answered_at``, a
# function, is set by ``answer_values``)
_DEFAULTS = {
    key: getattr(_answer[key].default, "arg", None) for key in ANSWER_FIELDS if key != "answered_at"
}


@dataclass(frozen=True)
class AnswerPlace:
    """Where one person's answer on one item of a live clinic is, or would go."""

    clinic_id: str
    rater_id: str
    item_id: str
    comparison_id: str
    assessment_id: str | None
    checklist_version: str | None
    last_item_id: str | None
    answer_id: int | None
    before: dict[str, Any] | None  # the answer as stored (its ``ANSWER_FIELDS``), None if none


def find_answer(conn: Connection, clinic_id: str, rater_id: str, item_id: str) -> AnswerPlace:
    """``NotFoundError`` for a removed clinic or person, as ``live_clinic``/``check_rater``."""
    found = conn.execute(
        _PLACE, {"clinic_id": clinic_id, "rater_id": rater_id, "item_id": item_id}
    ).first()
    if found is None or found[1] is not None:
        raise NotFoundError("gone.clinic")
    if found[2] is None:
        raise NotFoundError("gone.person")
    answer_id = found[6]
    return AnswerPlace(
        clinic_id,
        rater_id,
        item_id,
        comparison_id=found[0],
        assessment_id=found[3],
        checklist_version=found[4],
        last_item_id=found[5],
        answer_id=answer_id,
        before=None if answer_id is None else dict(zip(ANSWER_FIELDS, found[7:], strict=True)),
    )


def answer_values(place: AnswerPlace, values: dict[str, Any]) -> dict[str, Any]:
    """The whole answer after ``values`` are written (its ``ANSWER_FIELDS``)."""
    if place.before is not None:
        return {**place.before, **values}
    return {**_DEFAULTS, "answered_at": utcnow(), **values}


def write_place(
    conn: Connection,
    place: AnswerPlace,
    version: str,
    after: dict[str, Any] | None,
    position: str | None = None,
) -> None:
    """Write ``after`` (None: the answer is unchanged) and the walkthrough's ``position``; the
    person's assessment of the clinic is made when there is none yet, as ``get_assessment``."""
    assessment_id = place.assessment_id
    if assessment_id is None:
        assessment_id = new_id()
        conn.execute(
            _NEW_ASSESSMENT,
            {
                "id": assessment_id,
                "clinic_id": place.clinic_id,
                "rater_id": place.rater_id,
                "checklist_version": version,
                "last_item_id": position,
            },
        )
    else:
        changed: dict[str, Any] = {}
        if position is not None and position != place.last_item_id:
            changed["last_item_id"] = position
        if after is not None and version != place.checklist_version:
            changed["checklist_version"] = version
        if changed:
            conn.execute(_UPDATE_ASSESSMENT.values(**changed), {"assessment_id": assessment_id})
    if after is None:
        return
    if place.answer_id is None:
        conn.execute(
            _NEW_ANSWER, {"assessment_id": assessment_id, "item_id": place.item_id, **after}
        )
    else:
        before = place.before or {}
        changed = {key: value for key, value in after.items() if before.get(key) != value}
        if changed:
            conn.execute(_UPDATE_ANSWER.values(**changed), {"answer_id": place.answer_id})


def answer_writer(
    clinic_id: str, rater_id: str, item_id: str, version: str
) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any] | None) -> None:
        write_answer_row(s, get_assessment(s, clinic_id, rater_id, version), item_id, values)

    return write


DECISION_FIELDS = ("choice", "number", "note", "decided_by", "decided_at")


def decision_row(s: Session, clinic_id: str, item_id: str) -> DecisionRow | None:
    from kvet.store.models import Decision as DecisionRow

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
    from kvet.store.models import Decision as DecisionRow

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
