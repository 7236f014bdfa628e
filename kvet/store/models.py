"""The ORM classes, mapped onto the plain tables of ``kvet.store.tables``.

Writes that build rows as objects (an import, a new clinic, a course) use these; preferences
are written as plain rows only, so they have no class. Nothing a
start reads needs them, so this module, and ``sqlalchemy.orm`` with it, loads only after the
clinics show (issue 26); the annotations only type the columns the tables define.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from kvet.store import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Comparison(Base):
    __table__ = tables.comparison_table

    id: Mapped[str]
    name: Mapped[str]
    created_at: Mapped[datetime]
    settings: Mapped[dict[str, object]]
    deleted_at: Mapped[datetime | None]
    combine_rule: Mapped[str]

    clinics: Mapped[list[Clinic]] = relationship(
        back_populates="comparison", cascade="all, delete-orphan", order_by="Clinic.position"
    )


class Clinic(Base):
    __table__ = tables.clinic_table

    id: Mapped[str]
    comparison_id: Mapped[str]
    position: Mapped[int]
    name: Mapped[str]
    address: Mapped[str]
    phone: Mapped[str]
    website: Mapped[str]
    formats: Mapped[list[str]]
    notes: Mapped[str]
    currency: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]

    comparison: Mapped[Comparison] = relationship(back_populates="clinics")
    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="clinic", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="clinic", cascade="all, delete-orphan"
    )


class Rater(Base):
    __table__ = tables.rater_table

    id: Mapped[str]
    name: Mapped[str]
    is_default: Mapped[bool]
    created_at: Mapped[datetime]


class Assessment(Base):
    __table__ = tables.assessment_table

    id: Mapped[str]
    clinic_id: Mapped[str]
    rater_id: Mapped[str]
    checklist_version: Mapped[str]
    last_item_id: Mapped[str | None]

    clinic: Mapped[Clinic] = relationship(back_populates="assessments")
    answers: Mapped[list[Answer]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class Answer(Base):
    __table__ = tables.answer_table

    id: Mapped[int]
    assessment_id: Mapped[str]
    item_id: Mapped[str]
    choice: Mapped[str | None]
    number: Mapped[float | None]
    note: Mapped[str]
    origin: Mapped[str]
    answered_at: Mapped[datetime]

    assessment: Mapped[Assessment] = relationship(back_populates="answers")


class Decision(Base):
    __table__ = tables.decision_table

    id: Mapped[int]
    clinic_id: Mapped[str]
    item_id: Mapped[str]
    choice: Mapped[str | None]
    number: Mapped[float | None]
    decided_by: Mapped[str]
    decided_at: Mapped[datetime]
    note: Mapped[str]

    clinic: Mapped[Clinic] = relationship(back_populates="decisions")


class PersonalTopic(Base):
    __table__ = tables.personal_topic_table

    id: Mapped[int]
    rater_id: Mapped[str]
    topic_id: Mapped[str]
    applies: Mapped[bool]
    note: Mapped[str]


class Course(Base):
    __table__ = tables.course_table

    id: Mapped[str]
    clinic_id: Mapped[str | None]
    clinic_name: Mapped[str]
    plan: Mapped[dict[str, object]]
    created_at: Mapped[datetime]

    entries: Mapped[list[CourseEntry]] = relationship(
        back_populates="course", cascade="all, delete-orphan", passive_deletes=True
    )


class CourseEntry(Base):
    __table__ = tables.course_entry_table

    id: Mapped[str]
    course_id: Mapped[str]
    kind: Mapped[str]
    day: Mapped[date]
    data: Mapped[dict[str, object]]
    created_at: Mapped[datetime]

    course: Mapped[Course] = relationship(back_populates="entries")
