"""Writing a checked import (``Transfer.import_comparison``), inside the one transaction it holds.

Rows are read and written in batches: one query per clinic or per person's answers made a large
file take most of a minute. What is already here is kept unless the plan says the file's value
wins (``overwrite``); each kind of row has its own writer below, called in the order rows refer
to each other (comparison, people, clinics, answers, decisions, topics, treatment records).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from kvet.store.coursetransfer import write_imported_course
from kvet.store.errors import NotFoundError
from kvet.store.importholdings import answers_by_owner
from kvet.store.models import (
    Answer,
    Assessment,
    Clinic,
    Comparison,
    Decision,
    PersonalTopic,
    Rater,
)
from kvet.store.tables import new_id, utcnow
from kvet.store.transferrecords import (
    ImportBatch,
    ImportedAssessment,
    ImportedClinic,
    ImportedDecision,
    StoredTopic,
)
from kvet.store.validation import MAX_PERSON_NAME, weights_to_dict

IMPORTED = " (imported)"  # added to a person's name that is already someone else's


def write_batch(s: Session, batch: ImportBatch) -> None:
    """Write a checked import (``kvet.store.importchecks``) into the caller's transaction."""
    _write_comparison(s, batch)
    _add_people(s, batch.people)
    _write_clinics(s, batch.comparison_id, batch.clinics)
    targets = [c.id for c in batch.clinics]
    _write_answers(s, targets, batch.assessments)
    _write_decisions(s, targets, batch.decisions)
    if batch.topics:
        _add_topics(s, batch.topics)
    for course in batch.courses:
        write_imported_course(
            s, course.id, course.clinic_id, course.clinic_name, course.plan, list(course.entries)
        )


def _write_comparison(s: Session, batch: ImportBatch) -> None:
    """The new comparison, or a check that the one imported into is still here."""
    new = batch.new_comparison
    if new is None:
        into = s.get(Comparison, batch.comparison_id)
        if into is None or into.deleted_at is not None:
            raise NotFoundError("gone.import-target")
        return
    s.add(
        Comparison(
            id=batch.comparison_id,
            name=new.name,
            settings=weights_to_dict(new.weights),
            combine_rule=new.combine_rule.value,
        )
    )


def _add_people(s: Session, people: Sequence[tuple[str, str]]) -> None:
    """People not here yet; a name someone here already has gets `` (imported)``."""
    taken = {name for (name,) in s.execute(select(Rater.name))}
    known = set(s.scalars(select(Rater.id)))
    for person_id, given in people:
        if person_id not in known:
            name = given if given not in taken else f"{given}{IMPORTED}"
            s.add(Rater(id=person_id, name=name[:MAX_PERSON_NAME], is_default=False))
            taken.add(name)
            known.add(person_id)
    s.flush()


def _write_clinics(s: Session, comparison_id: str, clinics: Sequence[ImportedClinic]) -> None:
    """Clinics new to this comparison are added; one here keeps its values but ``overwrite``."""
    rows = {
        row.id: row
        for row in s.scalars(select(Clinic).where(Clinic.id.in_([c.id for c in clinics])))
    }
    new_clinics: list[dict[str, object]] = []
    for clinic in clinics:
        row = rows.get(clinic.id)
        fields = {
            "name": clinic.name,
            "address": clinic.address,
            "phone": clinic.phone,
            "website": clinic.website,
            "notes": clinic.notes,
            "formats": list(clinic.formats),
            "currency": clinic.currency,
        }
        if row is None or row.comparison_id != comparison_id:
            new_clinics.append(
                {"id": clinic.id, "comparison_id": comparison_id, "position": clinic.position}
                | fields
            )
        else:
            for name in clinic.overwrite:
                setattr(row, name, fields[name])
                row.updated_at = utcnow()
    s.flush()
    _insert(s, Clinic, new_clinics)


def _write_answers(
    s: Session, targets: list[str], assessments: Sequence[ImportedAssessment]
) -> None:
    """Answers not here yet are added; one here is kept unless its item is in ``overwrite``."""
    held_assessments = {
        (a.clinic_id, a.rater_id): a.id
        for a in s.execute(
            select(Assessment.id, Assessment.clinic_id, Assessment.rater_id).where(
                Assessment.clinic_id.in_(targets)
            )
        )
    }
    held = answers_by_owner(s, targets, {a.rater_id for a in assessments}, _answer_row, Answer)
    new_assessments: list[dict[str, object]] = []
    new_rows: list[dict[str, object]] = []
    for assessment in assessments:
        owner = (assessment.clinic_id, assessment.rater_id)
        assessment_id = held_assessments.get(owner)
        if assessment_id is None:
            assessment_id = new_id()
            new_assessments.append(
                {
                    "id": assessment_id,
                    "clinic_id": assessment.clinic_id,
                    "rater_id": assessment.rater_id,
                    "checklist_version": assessment.checklist_version,
                }
            )
        existing = held.get(owner, {})
        for answer in assessment.answers:
            values: dict[str, object] = {
                "choice": answer.choice.value if answer.choice else None,
                "number": answer.number,
                "note": answer.note,
                "origin": answer.origin.value,
                "answered_at": answer.answered_at,
            }
            mine = existing.get(answer.item_id)
            if mine is None:
                new_rows.append(
                    {"assessment_id": assessment_id, "item_id": answer.item_id} | values
                )
            elif answer.item_id in assessment.overwrite:
                _set(mine, values)
    s.flush()
    _insert(s, Assessment, new_assessments)
    _insert(s, Answer, new_rows)


def _answer_row(row: Any) -> Answer:
    """From (item id, ``Answer``): the row itself, for ``answers_by_owner``."""
    answer: Answer = row[1]
    return answer


def _write_decisions(s: Session, targets: list[str], decisions: Sequence[ImportedDecision]) -> None:
    """Decisions not here yet are added; one here is changed only when the file's wins."""
    settled = {
        (d.clinic_id, d.item_id): d
        for d in s.scalars(select(Decision).where(Decision.clinic_id.in_(targets)))
    }
    for decision in decisions:
        values = {
            "choice": decision.choice.value if decision.choice else None,
            "number": decision.number,
            "note": decision.note,
            "decided_by": decision.decided_by,
            "decided_at": decision.decided_at,
        }
        held_decision = settled.get((decision.clinic_id, decision.item_id))
        if held_decision is None:
            s.add(Decision(clinic_id=decision.clinic_id, item_id=decision.item_id, **values))
        elif decision.overwrite:
            _set(held_decision, values)


def _add_topics(s: Session, topics: Collection[StoredTopic]) -> None:
    """Private pre-screen topics from a file; a person's own are kept."""
    have = {(r, t) for r, t in s.execute(select(PersonalTopic.rater_id, PersonalTopic.topic_id))}
    for topic in topics:
        if (topic.rater_id, topic.topic_id) not in have:
            s.add(
                PersonalTopic(
                    rater_id=topic.rater_id,
                    topic_id=topic.topic_id,
                    applies=topic.applies,
                    note=topic.note,
                )
            )
            have.add((topic.rater_id, topic.topic_id))


def _set(row: object, values: Mapping[str, object]) -> None:
    for key, value in values.items():
        setattr(row, key, value)


def _insert(s: Session, model: type[Any], rows: list[dict[str, object]]) -> None:
    """Many new rows in one statement (none: no statement)."""
    if rows:
        s.execute(insert(cast(Table, model.__table__)), rows)
