"""the signals' new entry fields: the first phase's length, a planned dose raise, the lift's days

The plan and the entries are JSON (validated by kvet.store.courses), so no column changes: this
revision writes the new fields into every stored plan and session, so each row says what it
holds. A plan's first-phase length and review session are read from the clinic's own words
where they name them plainly (kvet.rating.plantext), as a new plan is prefilled; otherwise left
empty.

Revision ID: 0004_b22signals
Revises: 0003
Create Date: 2026-12-06 11:40:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from kvet.rating import plantext

revision = "0004_b22signals"
down_revision = "0003"
branch_labels = None
depends_on = None

_course = sa.table("course", sa.column("id", sa.String), sa.column("plan", sa.JSON))
_entry = sa.table(
    "course_entry",
    sa.column("id", sa.String),
    sa.column("kind", sa.String),
    sa.column("data", sa.JSON),
)
SESSION_FIELDS: dict[str, Any] = {"dose_raise_planned": False, "lift_days": None}


def _plan_upgraded(plan: dict[str, Any]) -> dict[str, Any]:
    new = dict(plan)
    if new.get("first_phase_sessions") is None:
        new["first_phase_sessions"] = plantext.first_phase_sessions(str(new.get("induction", "")))
    if new.get("review_at_session") is None:
        new["review_at_session"] = plantext.review_session(str(new.get("without_response", "")))
    return new


def upgrade() -> None:
    bind = op.get_bind()
    for row_id, plan in bind.execute(sa.select(_course.c.id, _course.c.plan)).all():
        new = _plan_upgraded(dict(plan or {}))
        if new != plan:
            bind.execute(_course.update().where(_course.c.id == row_id).values(plan=new))
    sessions = sa.select(_entry.c.id, _entry.c.data).where(_entry.c.kind == "session")
    for row_id, data in bind.execute(sessions).all():
        new = {**SESSION_FIELDS, **dict(data or {})}
        if new != data:
            bind.execute(_entry.update().where(_entry.c.id == row_id).values(data=new))


def downgrade() -> None:
    bind = op.get_bind()
    for row_id, plan in bind.execute(sa.select(_course.c.id, _course.c.plan)).all():
        old = {k: v for k, v in dict(plan or {}).items() if k != "first_phase_sessions"}
        bind.execute(_course.update().where(_course.c.id == row_id).values(plan=old))
    sessions = sa.select(_entry.c.id, _entry.c.data).where(_entry.c.kind == "session")
    for row_id, data in bind.execute(sessions).all():
        old = {k: v for k, v in dict(data or {}).items() if k not in SESSION_FIELDS}
        bind.execute(_entry.update().where(_entry.c.id == row_id).values(data=old))
