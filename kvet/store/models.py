"""The database schema. Ids are UUID strings so they survive export and import unchanged."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC. SQLite keeps no time zone, so kvet stores UTC and hands out aware values.

    The column type in the schema stays ``DateTime(timezone=True)``, so this needs
    no migration.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


def as_utc(value: datetime | str) -> datetime:
    """A stored moment (a datetime, or SQLite's text for one) as an aware UTC datetime."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Comparison(Base):
    """A named set of clinics being compared, e.g. "Spring search"."""

    __tablename__ = "comparison"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Weights, dealbreakers, budget and cost plan, as the user set them (see kvet.store.api).
    settings: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # How the combined view merges people's answers (a ``kvet.rating.combine.Rule`` value).
    combine_rule: Mapped[str] = mapped_column(
        String(20), default="cautious", server_default="cautious"
    )

    clinics: Mapped[list[Clinic]] = relationship(
        back_populates="comparison", cascade="all, delete-orphan", order_by="Clinic.position"
    )


class Clinic(Base):
    __tablename__ = "clinic"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    comparison_id: Mapped[str] = mapped_column(
        ForeignKey("comparison.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    formats: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The currency of the clinic's prices (kvet.rating.money); prices saved before it was kept are
    # USD.
    currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    comparison: Mapped[Comparison] = relationship(back_populates="clinics")
    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="clinic", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="clinic", cascade="all, delete-orphan"
    )


class Rater(Base):
    """A person who answers: the patient, a family member."""

    __tablename__ = "rater"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Assessment(Base):
    """One rater's answers on one clinic, under the checklist version they were given."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("clinic_id", "rater_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    clinic_id: Mapped[str] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"), index=True)
    rater_id: Mapped[str] = mapped_column(ForeignKey("rater.id", ondelete="CASCADE"), index=True)
    checklist_version: Mapped[str] = mapped_column(String(20))
    # Where the walkthrough was left, so closing mid-way resumes at the same item.
    last_item_id: Mapped[str | None] = mapped_column(String(64), default=None)

    clinic: Mapped[Clinic] = relationship(back_populates="assessments")
    answers: Mapped[list[Answer]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class Answer(Base):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(64))
    choice: Mapped[str | None] = mapped_column(String(20), default=None)
    number: Mapped[float | None] = mapped_column(Float, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(20), default="phone")
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    assessment: Mapped[Assessment] = relationship(back_populates="answers")


class Decision(Base):
    """How a disagreement between people on one item was settled, by whom and when.

    Kept apart from anyone's own answers: settling does not rewrite what each person heard.
    """

    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("clinic_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    clinic_id: Mapped[str] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(64))
    choice: Mapped[str | None] = mapped_column(String(20), default=None)
    number: Mapped[float | None] = mapped_column(Float, default=None)
    decided_by: Mapped[str] = mapped_column(ForeignKey("rater.id", ondelete="CASCADE"), index=True)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")

    clinic: Mapped[Clinic] = relationship(back_populates="decisions")


class PersonalTopic(Base):
    """A private pre-screen topic a person ticked ("things to tell the clinic"). Never scored."""

    __tablename__ = "personal_topic"
    __table_args__ = (UniqueConstraint("rater_id", "topic_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rater_id: Mapped[str] = mapped_column(ForeignKey("rater.id", ondelete="CASCADE"), index=True)
    topic_id: Mapped[str] = mapped_column(String(64))
    applies: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class Preference(Base):
    """Small app-wide values kept with the data (e.g. the last comparison opened)."""

    __tablename__ = "preference"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Course(Base):
    """One course of treatment at a clinic the person chose (or typed in): the "My treatment" part.

    The clinic's name is kept here too, so the record survives the clinic leaving a comparison.
    """

    __tablename__ = "course"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    clinic_id: Mapped[str | None] = mapped_column(
        ForeignKey("clinic.id", ondelete="SET NULL"), default=None, index=True
    )
    clinic_name: Mapped[str] = mapped_column(String(200))
    # The clinic's answers to the four questions before starting (see kvet.treatment.course.Plan).
    plan: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    entries: Mapped[list[CourseEntry]] = relationship(
        back_populates="course", cascade="all, delete-orphan", passive_deletes=True
    )


class CourseEntry(Base):
    """One dated entry of a course: a session, a PHQ-9, a mood check, therapy, weekly markers.

    The entry's fields are kept as JSON validated by kvet.store.courses, so a new kind of entry
    needs no schema change.
    """

    __tablename__ = "course_entry"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("course.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date)
    data: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    course: Mapped[Course] = relationship(back_populates="entries")


# The tables themselves, for the plain statements of every start and every answer. A statement
# that names a mapped class's attributes (``Clinic.id``) has SQLAlchemy set up every mapped
# class and relationship the first time one runs: 15 ms before the clinics show (issue 26).
comparison_table = cast(Table, Comparison.__table__)
clinic_table = cast(Table, Clinic.__table__)
rater_table = cast(Table, Rater.__table__)
assessment_table = cast(Table, Assessment.__table__)
answer_table = cast(Table, Answer.__table__)
decision_table = cast(Table, Decision.__table__)
preference_table = cast(Table, Preference.__table__)
