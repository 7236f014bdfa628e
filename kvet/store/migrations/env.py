"""Alembic environment: kvet hands over an open connection (no alembic.ini, no logging set-up).

``kvet.store.migrate.run_migrations`` has already begun a transaction on that connection, so every
migration (batch mode for SQLite) and the version stamp commit together, or not at all.
"""

from __future__ import annotations

from alembic import context

from kvet.store.tables import metadata

connection = context.config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
