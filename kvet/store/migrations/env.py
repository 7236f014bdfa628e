"""Alembic environment: the engine comes from kvet (no alembic.ini, no logging set-up)."""

from __future__ import annotations

from alembic import context

from kvet.store.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
