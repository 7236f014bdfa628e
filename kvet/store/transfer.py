"""Whole comparisons in and out of the store, for shared files (``kvet.exchange``).

Three doors, each one transaction, taking and returning plain records (never ORM rows):

- ``read_comparison``: everything a shared file holds about one comparison, read at once so
  the file is consistent.
- ``holdings``: what an import would meet (people, clinics with the file's ids, answers and
  decisions already stored), so the exchange can plan and list conflicts without writing.
- ``import_comparison``: a planned import, checked value by value with the store's own rules
  (``kvet.store.validation``) before anything is written, then written whole or not at all.

The file format, the planning and the conflicts stay in ``kvet.exchange``; which rows exist and
how they are written stay here.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from kvet.content.checklist import Kind
from kvet.rating import money
from kvet.rating.answers import Choice, Origin
from kvet.rating.combine import Rule
from kvet.rating.scoring import Weights
from kvet.store import backups
from kvet.store.changes import Change, ChangeKind
from kvet.store.courses import Entry, check_entry, check_plan, courses_of_clinics, entry_json
from kvet.store.courses import write_imported_course as _write_course
from kvet.store.errors import InvalidValueError, NotFoundError
from kvet.store.models import (
    Answer,
    Assessment,
    Clinic,
    Comparison,
    Decision,
    PersonalTopic,
    Rater,
    new_id,
    utcnow,
)
from kvet.store.models import Course as CourseRow
from kvet.store.rows import stored_rule
from kvet.store.validation import (
    FIELD_LIMITS,
    MAX_PERSON_NAME,
    check_weights,
    clean_fact,
    clean_formats,
    clean_name,
    clean_origin,
    clean_text,
    fitting_choice,
    thing,
    weights_from_dict,
    weights_to_dict,
)
from kvet.treatment.course import Plan

if TYPE_CHECKING:
    from kvet.store.context import StoreContext

# What happened, never what it was about: no names, notes, answers or paths (see
# kvet.system.crashlog).
log = logging.getLogger(__name__)


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
IMPORTED = " (imported)"  # added to a person's name that is already someone else's


# --- records: what is stored, as stored ---------------------------------------------------------


class StoredAnswer(NamedTuple):
    """One answer as stored (choice and origin are the stored words; the file checks them)."""

    item_id: str
    choice: str | None
    number: float | None
    note: str
    origin: str
    answered_at: datetime


class StoredDecision(NamedTuple):
    clinic_id: str
    item_id: str
    choice: str | None
    number: float | None
    decided_by: str
    decided_at: datetime
    note: str


@dataclass(frozen=True)
class StoredClinic:
    id: str
    comparison_id: str
    live: bool  # False once deleted (it can still be undone in this session)
    name: str
    address: str
    phone: str
    website: str
    formats: tuple[str, ...]
    notes: str
    position: int
    currency: str


@dataclass(frozen=True)
class StoredAssessment:
    clinic_id: str
    rater_id: str
    checklist_version: str
    answers: tuple[StoredAnswer, ...]


@dataclass(frozen=True)
class StoredTopic:
    rater_id: str
    topic_id: str
    applies: bool
    note: str


@dataclass(frozen=True)
class StoredEntry:
    id: str
    kind: str
    data: Mapping[str, Any]  # as files keep it (``kvet.store.courses.entry_json``)


@dataclass(frozen=True)
class StoredCourse:
    id: str
    clinic_id: str | None
    clinic_name: str
    plan: Mapping[str, Any]
    entries: tuple[StoredEntry, ...]


@dataclass(frozen=True)
class ComparisonDump:
    """One comparison, whole, as ``read_comparison`` found it in one transaction."""

    id: str
    name: str
    weights: Weights  # read leniently, as the window reads them, so a file always fits
    combine_rule: Rule  # an unknown stored word reads as the cautious rule
    people: tuple[tuple[str, str], ...]  # (id, name), everyone who answered or decided
    clinics: tuple[StoredClinic, ...]  # live ones, in their order
    assessments: tuple[StoredAssessment, ...]
    decisions: tuple[StoredDecision, ...]
    topics: tuple[StoredTopic, ...] | None  # None unless asked for
    courses: tuple[StoredCourse, ...] | None  # None unless asked for


@dataclass(frozen=True)
class Holdings:
    """What is already stored that an import would meet (see ``Transfer.holdings``)."""

    comparison_id_taken: bool  # importing as new, the file's comparison id is in use here
    people: Mapping[str, str]  # everyone's id -> name
    clinics: Mapping[str, StoredClinic]  # clinics with the file's ids, in any comparison
    answers: Mapping[tuple[str, str], Mapping[str, StoredAnswer]]  # (clinic, person) -> item
    decisions: Mapping[tuple[str, str], StoredDecision]  # (clinic, item)
    topics: frozenset[tuple[str, str]]  # (person, topic) already kept for the chosen people
    courses: frozenset[str]  # ids of the file's treatment records already here


# --- what an import writes: plain values, planned by kvet.exchange.importer ----------------------


@dataclass(frozen=True)
class NewComparison:
    """The comparison an import makes, stored under the batch's ``comparison_id``."""

    name: str
    weights: Weights
    combine_rule: Rule


@dataclass(frozen=True)
class ImportedClinic:
    """Added when no clinic of this comparison has the id; else only ``overwrite`` is changed."""

    id: str
    name: str
    address: str
    phone: str
    website: str
    notes: str
    formats: tuple[str, ...]
    position: int
    currency: str = "USD"
    overwrite: frozenset[str] = frozenset()  # fields where the file's value wins


class AnswerValues(Protocol):
    """One answer of an import: any record with these values (the file's own records are)."""

    @property
    def item_id(self) -> str: ...
    @property
    def choice(self) -> Choice | None: ...
    @property
    def number(self) -> float | None: ...
    @property
    def note(self) -> str: ...
    @property
    def origin(self) -> Origin: ...
    @property
    def answered_at(self) -> datetime: ...


class ImportedAnswer(NamedTuple):
    item_id: str
    choice: Choice | None
    number: float | None
    note: str
    origin: Origin
    answered_at: datetime


@dataclass(frozen=True)
class ImportedAssessment:
    """One person's answers on one clinic; answers already stored are kept unless ``overwrite``
    names their item (the user chose the file's)."""

    clinic_id: str
    rater_id: str
    checklist_version: str
    answers: Sequence[AnswerValues]  # taken as they are: a large file has tens of thousands
    overwrite: frozenset[str] = frozenset()


class ImportedDecision(NamedTuple):
    clinic_id: str
    item_id: str
    choice: Choice | None
    number: float | None
    note: str
    decided_by: str
    decided_at: datetime
    overwrite: bool


@dataclass(frozen=True)
class ImportedCourse:
    """A treatment record with its own ids, so a file that carries it round-trips exactly."""

    id: str
    clinic_id: str | None
    clinic_name: str
    plan: Plan
    entries: tuple[tuple[str, Entry], ...]


@dataclass(frozen=True)
class ImportBatch:
    comparison_id: str
    new_comparison: NewComparison | None  # None: into ``comparison_id``, which exists
    people: tuple[tuple[str, str], ...]  # (id, name): added unless the id is someone's already
    clinics: tuple[ImportedClinic, ...]
    assessments: tuple[ImportedAssessment, ...]
    decisions: tuple[ImportedDecision, ...]
    topics: tuple[StoredTopic, ...] = ()  # added unless the person has the topic already
    courses: tuple[ImportedCourse, ...] = ()  # added unless a record has the id already


class Transfer:
    """The store's door for whole comparisons (``Store.transfer``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._store = ctx  # the store's shared machinery: database, checklist, undo, notices

    # --- reading -------------------------------------------------------------------------------

    def read_comparison(
        self, comparison_id: str, *, include_personal: bool = False, include_courses: bool = False
    ) -> ComparisonDump:
        """Everything a shared file holds about one comparison, read in one transaction.

        Private pre-screen topics and treatment records only when asked for (``None`` when not).
        """
        with self._store.db.transaction() as s:
            comparison = s.get(Comparison, comparison_id)
            if comparison is None or comparison.deleted_at is not None:
                raise NotFoundError("gone.comparison")
            clinics = s.scalars(
                select(Clinic)
                .where(Clinic.comparison_id == comparison_id, Clinic.deleted_at.is_(None))
                .order_by(Clinic.position, Clinic.created_at)
            ).all()
            clinic_ids = [c.id for c in clinics]
            assessments = s.execute(
                select(
                    Assessment.id,
                    Assessment.clinic_id,
                    Assessment.rater_id,
                    Assessment.checklist_version,
                )
                .where(Assessment.clinic_id.in_(clinic_ids))
                .order_by(Assessment.clinic_id, Assessment.rater_id)
            ).all()
            said: dict[str, list[StoredAnswer]] = {a.id: [] for a in assessments}
            for row in s.execute(
                select(
                    Answer.assessment_id,
                    Answer.item_id,
                    Answer.choice,
                    Answer.number,
                    Answer.note,
                    Answer.origin,
                    Answer.answered_at,
                )
                .where(Answer.assessment_id.in_(list(said)))
                .order_by(Answer.item_id)
            ):
                said[row[0]].append(StoredAnswer._make(row[1:]))
            decisions = [
                StoredDecision._make(row)
                for row in s.execute(
                    select(*DECISION_COLUMNS)
                    .where(Decision.clinic_id.in_(clinic_ids))
                    .order_by(Decision.clinic_id, Decision.item_id)
                )
            ]
            rater_ids = {a.rater_id for a in assessments} | {d.decided_by for d in decisions}
            topics: tuple[StoredTopic, ...] | None = None
            if include_personal:
                topics = tuple(
                    StoredTopic(t.rater_id, t.topic_id, t.applies, t.note)
                    for t in s.scalars(select(PersonalTopic).order_by(PersonalTopic.topic_id))
                )
                rater_ids |= {t.rater_id for t in topics}
            people = s.execute(
                select(Rater.id, Rater.name)
                .where(Rater.id.in_(rater_ids))
                .order_by(Rater.created_at)
            ).all()
            courses: tuple[StoredCourse, ...] | None = None
            if include_courses:
                courses = tuple(
                    StoredCourse(
                        row.id,
                        row.clinic_id,
                        row.clinic_name,
                        dict(row.plan),
                        tuple(StoredEntry(e.id, e.kind, entry_json(e.entry)[1]) for e in entries),
                    )
                    for row, entries in courses_of_clinics(s, clinic_ids)
                )
            return ComparisonDump(
                comparison.id,
                comparison.name,
                weights_from_dict(
                    comparison.settings if isinstance(comparison.settings, Mapping) else {}
                ),
                stored_rule(comparison.combine_rule),
                tuple((p.id, p.name) for p in people),
                tuple(_stored_clinic(c) for c in clinics),
                tuple(
                    StoredAssessment(
                        a.clinic_id, a.rater_id, a.checklist_version, tuple(said[a.id])
                    )
                    for a in assessments
                ),
                tuple(decisions),
                topics,
                courses,
            )

    def holdings(
        self,
        into: str | None,
        comparison_id: str,
        clinic_ids: Collection[str],
        people: Collection[str],
        course_ids: Collection[str] = (),
    ) -> Holdings:
        """What an import of a file would meet here, read in one transaction; writes nothing.

        ``into``: the comparison to import into (``NotFoundError`` if it is gone), or None for a
        new one, to be stored under ``comparison_id`` if that is free. ``clinic_ids`` are the
        file's; answers and decisions are those on the ones live in ``into``, and answers and
        private topics only of ``people`` (the user's people the file's are said to be).
        """
        with self._store.db.transaction() as s:
            if into is not None:
                target = s.get(Comparison, into)
                if target is None or target.deleted_at is not None:
                    raise NotFoundError("gone.import-target")
            taken = into is None and s.get(Comparison, comparison_id) is not None
            everyone = {r.id: r.name for r in s.execute(select(Rater.id, Rater.name))}
            clinics = {
                row.id: _stored_clinic(row)
                for row in s.scalars(select(Clinic).where(Clinic.id.in_(list(clinic_ids))))
            }
            matched = [c.id for c in clinics.values() if c.live and c.comparison_id == into]
            topics: frozenset[tuple[str, str]] = frozenset()
            if people:
                topics = frozenset(
                    (r, t)
                    for r, t in s.execute(
                        select(PersonalTopic.rater_id, PersonalTopic.topic_id).where(
                            PersonalTopic.rater_id.in_(list(people))
                        )
                    )
                )
            courses: frozenset[str] = frozenset()
            if course_ids:
                courses = frozenset(
                    s.scalars(select(CourseRow.id).where(CourseRow.id.in_(list(course_ids))))
                )
            return Holdings(
                taken,
                everyone,
                clinics,
                _held_answers(s, matched, people),
                _held_decisions(s, matched),
                topics,
                courses,
            )

    # --- writing -------------------------------------------------------------------------------

    def import_comparison(self, batch: ImportBatch) -> str:
        """Write a planned import in one transaction; returns the comparison's id.

        Every value is checked first, with the rules typed values meet (``InvalidValueError``,
        nothing written). Into an existing comparison, a safety copy of the database is made
        first. Rows are read and written in batches: one query per clinic or per person's
        answers made a large file take most of a minute.

        An import is not an undoable step: undo history is cleared, since earlier steps may
        refer to rows the import changed (undoing them would write over what was imported).
        Listeners are told once that anything may have changed.
        """
        store = self._store
        _check_batch(batch, store)
        if batch.new_comparison is None and store.db.path is not None:
            backups.safety_copy(store.db.path, "before-import")
        with store.db.transaction() as s:
            _write_batch(s, batch)
        store.history.clear()
        log.info(
            "imported a comparison: %d clinics, %d people, %d assessments, %d decisions",
            len(batch.clinics),
            len(batch.people),
            len(batch.assessments),
            len(batch.decisions),
        )
        store.notify(Change(ChangeKind.ALL))
        return batch.comparison_id


# --- helpers --------------------------------------------------------------------------------------


def _stored_clinic(row: Clinic) -> StoredClinic:
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


def _held_answers(
    s: Session, clinic_ids: Collection[str], rater_ids: Collection[str]
) -> dict[tuple[str, str], dict[str, StoredAnswer]]:
    """Answers already stored for these people on these clinics, in one query."""
    held: dict[tuple[str, str], dict[str, StoredAnswer]] = {}
    if not clinic_ids or not rater_ids:
        return held
    rows = s.execute(
        select(
            Assessment.clinic_id,
            Assessment.rater_id,
            Answer.item_id,
            Answer.choice,
            Answer.number,
            Answer.note,
            Answer.origin,
            Answer.answered_at,
        )
        .join(Answer, Answer.assessment_id == Assessment.id)
        .where(Assessment.clinic_id.in_(list(clinic_ids)), Assessment.rater_id.in_(list(rater_ids)))
    )
    for row in rows:
        held.setdefault((row[0], row[1]), {})[row[2]] = StoredAnswer._make(row[2:])
    return held


def _held_decisions(
    s: Session, clinic_ids: Collection[str]
) -> dict[tuple[str, str], StoredDecision]:
    if not clinic_ids:
        return {}
    rows = s.execute(select(*DECISION_COLUMNS).where(Decision.clinic_id.in_(list(clinic_ids))))
    return {(row[0], row[1]): StoredDecision._make(row) for row in rows}


def _check_batch(batch: ImportBatch, store: StoreContext) -> None:
    """Every value of an import through the store's own checks, before anything is written."""
    items = store.checklist.items_by_id
    new = batch.new_comparison
    if new is not None:
        clean_name(new.name, "comparison")
        check_weights(new.weights)
    for _id, name in batch.people:
        clean_name(name, "person", MAX_PERSON_NAME)
    for clinic in batch.clinics:
        clean_name(clinic.name, "clinic")
        clean_formats(clinic.formats)
        if clinic.currency not in money.CODES:
            raise InvalidValueError("value.clinic-currency")
        for key in ("address", "phone", "website", "notes"):
            text = clean_text(getattr(clinic, key), key)
            limit = FIELD_LIMITS.get(key)
            if limit is not None and len(text) > limit:
                raise InvalidValueError("value.too-long", what=thing(key), limit=limit)
    # Tens of thousands of answers repeat a few choices, origins and notes: each distinct value
    # is checked once (in the order given), so checking costs little beside writing.
    answers: list[AnswerValues] = []
    for assessment in batch.assessments:
        answers += assessment.answers
    for origin in dict.fromkeys(a.origin for a in answers):
        clean_origin(origin)
    said: list[AnswerValues | ImportedDecision] = [*answers, *batch.decisions]
    for note in dict.fromkeys(a.note for a in said if a.note):
        clean_text(note, "note")
    for item_id, choice in dict.fromkeys((a.item_id, a.choice) for a in said if a.choice):
        item = items.get(item_id)
        if item is not None:  # else an item retired from the checklist: kept, as answers to it
            fitting_choice(item, choice)
    for item_id, number in dict.fromkeys(
        (a.item_id, a.number) for a in said if a.number is not None
    ):
        item = items.get(item_id)
        if item is None:
            continue
        if item.kind is not Kind.FACT:
            raise InvalidValueError("value.choice-not-number", item=item.statement)
        clean_fact(item, number)
    for topic in batch.topics:
        clean_text(topic.note, "note")
    for course in batch.courses:
        clean_name(course.clinic_name, "clinic")
        check_plan(course.plan)
        for _entry_id, entry in course.entries:
            check_entry(entry)


def _write_batch(s: Session, batch: ImportBatch) -> None:
    comparison_id = batch.comparison_id
    new = batch.new_comparison
    if new is None:
        into = s.get(Comparison, comparison_id)
        if into is None or into.deleted_at is not None:
            raise NotFoundError("gone.import-target")
    else:
        s.add(
            Comparison(
                id=comparison_id,
                name=new.name,
                settings=weights_to_dict(new.weights),
                combine_rule=new.combine_rule.value,
            )
        )
    taken = {name for (name,) in s.execute(select(Rater.name))}
    known = set(s.scalars(select(Rater.id)))
    for person_id, given in batch.people:
        if person_id not in known:
            name = given if given not in taken else f"{given}{IMPORTED}"
            s.add(Rater(id=person_id, name=name[:MAX_PERSON_NAME], is_default=False))
            taken.add(name)
            known.add(person_id)
    s.flush()
    rows = {
        row.id: row
        for row in s.scalars(select(Clinic).where(Clinic.id.in_([c.id for c in batch.clinics])))
    }
    new_clinics: list[dict[str, object]] = []
    for clinic in batch.clinics:
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
                {
                    "id": clinic.id,
                    "comparison_id": comparison_id,
                    "position": clinic.position,
                    **fields,
                }
            )
        else:
            for name in clinic.overwrite:
                setattr(row, name, fields[name])
                row.updated_at = utcnow()
    s.flush()
    if new_clinics:
        s.execute(insert(cast(Table, Clinic.__table__)), new_clinics)
    targets = [c.id for c in batch.clinics]
    held_assessments = {
        (a.clinic_id, a.rater_id): a.id
        for a in s.execute(
            select(Assessment.id, Assessment.clinic_id, Assessment.rater_id).where(
                Assessment.clinic_id.in_(targets)
            )
        )
    }
    held = _answer_rows(s, targets, {a.rater_id for a in batch.assessments})
    new_assessments: list[dict[str, object]] = []
    new_rows: list[dict[str, object]] = []
    for assessment in batch.assessments:
        clinic_id, rater_id = assessment.clinic_id, assessment.rater_id
        assessment_id = held_assessments.get((clinic_id, rater_id))
        if assessment_id is None:
            assessment_id = new_id()
            new_assessments.append(
                {
                    "id": assessment_id,
                    "clinic_id": clinic_id,
                    "rater_id": rater_id,
                    "checklist_version": assessment.checklist_version,
                }
            )
        existing = held.get((clinic_id, rater_id), {})
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
                    {"assessment_id": assessment_id, "item_id": answer.item_id, **values}
                )
            elif answer.item_id in assessment.overwrite:
                for key, value in values.items():
                    setattr(mine, key, value)
    s.flush()
    if new_assessments:
        s.execute(insert(cast(Table, Assessment.__table__)), new_assessments)
    if new_rows:
        s.execute(insert(cast(Table, Answer.__table__)), new_rows)
    settled = {
        (d.clinic_id, d.item_id): d
        for d in s.scalars(select(Decision).where(Decision.clinic_id.in_(targets)))
    }
    for decision in batch.decisions:
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
            for key, value in values.items():
                setattr(held_decision, key, value)
    if batch.topics:
        _add_topics(s, batch.topics)
    for course in batch.courses:
        _write_course(
            s, course.id, course.clinic_id, course.clinic_name, course.plan, list(course.entries)
        )


def _answer_rows(
    s: Session, clinic_ids: Collection[str], rater_ids: Collection[str]
) -> dict[tuple[str, str], dict[str, Answer]]:
    """The answer rows an import may change, in one query."""
    held: dict[tuple[str, str], dict[str, Answer]] = {}
    if not clinic_ids or not rater_ids:
        return held
    rows = s.execute(
        select(Assessment.clinic_id, Assessment.rater_id, Answer)
        .join(Answer, Answer.assessment_id == Assessment.id)
        .where(Assessment.clinic_id.in_(list(clinic_ids)), Assessment.rater_id.in_(list(rater_ids)))
    )
    for clinic_id, rater_id, answer in rows:
        held.setdefault((clinic_id, rater_id), {})[answer.item_id] = answer
    return held


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
