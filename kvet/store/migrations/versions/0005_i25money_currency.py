"""each clinic's currency; prices saved before it was kept are US dollars

Revision ID: 0005_i25money
Revises: 0004_b22signals
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_i25money"
down_revision = "0004_b22signals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Until now every price was entered and shown as USD, so that is what existing ones are in.
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("currency", sa.String(length=3), server_default="USD", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.drop_column("currency")
