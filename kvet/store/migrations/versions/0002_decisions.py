"""decisions that settle disagreements, and the combining rule per comparison

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("clinic_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("choice", sa.String(length=20), nullable=True),
        sa.Column("number", sa.Float(), nullable=True),
        sa.Column("decided_by", sa.String(length=36), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinic.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["decided_by"], ["rater.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("clinic_id", "item_id"),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_clinic_id"), ["clinic_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_decision_decided_by"), ["decided_by"], unique=False)

    # Every existing comparison starts with the default rule, the cautious one.
    with op.batch_alter_table("comparison", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "combine_rule", sa.String(length=20), nullable=False, server_default="cautious"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("comparison", schema=None) as batch_op:
        batch_op.drop_column("combine_rule")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_decided_by"))
        batch_op.drop_index(batch_op.f("ix_decision_clinic_id"))
    op.drop_table("decision")
