"""The database schema as plain tables. Ids are UUID strings so they survive export and import.

The tables are SQLAlchemy Core, apart from the ORM classes (``kvet.store.models``) mapped onto
them: every start reads through these alone, so ``sqlalchemy.orm`` (about 60 ms to import and
set up) is loaded only after the clinics show (issue 26).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


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


def _id() -> Column[str]:
    return Column("id", String(36), primary_key=True, default=new_id)


def _serial() -> Column[int]:
    return Column("id", Integer, primary_key=True, autoincrement=True)


def _link(
    name: str, target: str, *, nullable: bool = False, on_delete: str = "CASCADE"
) -> Column[Any]:
    return Column(name, ForeignKey(target, ondelete=on_delete), nullable=nullable, index=True)


def _moment(name: str, *, nullable: bool = False) -> Column[datetime]:
    return Column(name, UTCDateTime, nullable=nullable, default=None if nullable else utcnow)


metadata = MetaData()

# A named set of clinics being compared, e.g. "Spring search". ``settings``: weights,
# dealbreakers, budget and cost plan as the user set them; ``combine_rule``: how the combined
# view merges people's answers (a ``kvet.rating.combine.Rule`` value).
comparison_table = Table(
    "comparison",
    metadata,
    _id(),
    Column("name", String(200), nullable=False),
    _moment("created_at"),
    Column("settings", JSON, nullable=False, default=dict),
    _moment("deleted_at", nullable=True),
    Column(
        "combine_rule", String(20), nullable=False, default="cautious", server_default="cautious"
    ),
)

# ``currency``: the currency of the clinic's prices (kvet.rating.money); prices saved before it
# was kept are USD.
clinic_table = Table(
    "clinic",
    metadata,
    _id(),
    _link("comparison_id", "comparison.id"),
    Column("position", Integer, nullable=False, default=0),
    Column("name", String(200), nullable=False),
    Column("address", Text, nullable=False, default=""),
    Column("phone", String(100), nullable=False, default=""),
    Column("website", String(500), nullable=False, default=""),
    Column("formats", JSON, nullable=False, default=list),
    Column("notes", Text, nullable=False, default=""),
    Column("currency", String(3), nullable=False, default="USD", server_default="USD"),
    _moment("created_at"),
    _moment("updated_at"),
    _moment("deleted_at", nullable=True),
)

# A person who answers: the patient, a family member.
rater_table = Table(
    "rater",
    metadata,
    _id(),
    Column("name", String(100), nullable=False),
    Column("is_default", Boolean, nullable=False, default=False),
    _moment("created_at"),
)

# One rater's answers on one clinic, under the checklist version they were given.
# ``last_item_id``: where the walkthrough was left, so closing mid-way resumes at the same item.
assessment_table = Table(
    "assessment",
    metadata,
    _id(),
    _link("clinic_id", "clinic.id"),
    _link("rater_id", "rater.id"),
    Column("checklist_version", String(20), nullable=False),
    Column("last_item_id", String(64), nullable=True, default=None),
    UniqueConstraint("clinic_id", "rater_id"),
)

answer_table = Table(
    "answer",
    metadata,
    _serial(),
    _link("assessment_id", "assessment.id"),
    Column("item_id", String(64), nullable=False),
    Column("choice", String(20), nullable=True, default=None),
    Column("number", Float, nullable=True, default=None),
    Column("note", Text, nullable=False, default=""),
    Column("origin", String(20), nullable=False, default="phone"),
    _moment("answered_at"),
    UniqueConstraint("assessment_id", "item_id"),
)

# How a disagreement between people on one item was settled, by whom and when. Kept apart from
# anyone's own answers: settling does not rewrite what each person heard.
decision_table = Table(
    "decision",
    metadata,
    _serial(),
    _link("clinic_id", "clinic.id"),
    Column("item_id", String(64), nullable=False),
    Column("choice", String(20), nullable=True, default=None),
    Column("number", Float, nullable=True, default=None),
    _link("decided_by", "rater.id"),
    _moment("decided_at"),
    Column("note", Text, nullable=False, default=""),
    UniqueConstraint("clinic_id", "item_id"),
)

# A private pre-screen topic a person ticked ("things to tell the clinic"). Never scored.
personal_topic_table = Table(
    "personal_topic",
    metadata,
    _serial(),
    _link("rater_id", "rater.id"),
    Column("topic_id", String(64), nullable=False),
    Column("applies", Boolean, nullable=False, default=False),
    Column("note", Text, nullable=False, default=""),
    UniqueConstraint("rater_id", "topic_id"),
)

# Small app-wide values kept with the data (e.g. the last comparison opened).
preference_table = Table(
    "preference",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False, default=""),
)

# One course of treatment at a clinic the person chose (or typed in): "My treatment". The
# clinic's name is kept here too, so the record survives the clinic leaving a comparison.
# ``plan``: the clinic's answers to the four questions before starting (kvet.treatment.course).
course_table = Table(
    "course",
    metadata,
    _id(),
    _link("clinic_id", "clinic.id", nullable=True, on_delete="SET NULL"),
    Column("clinic_name", String(200), nullable=False),
    Column("plan", JSON, nullable=False, default=dict),
    _moment("created_at"),
)

# One dated entry of a course: a session, a PHQ-9, a mood check, therapy, weekly markers. Its
# fields are JSON validated by kvet.store.courses, so a new kind of entry needs no schema change.
course_entry_table = Table(
    "course_entry",
    metadata,
    _id(),
    _link("course_id", "course.id"),
    Column("kind", String(20), nullable=False),
    Column("day", Date, nullable=False),
    Column("data", JSON, nullable=False, default=dict),
    _moment("created_at"),
)
