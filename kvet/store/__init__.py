"""Local storage: SQLAlchemy 2 over SQLite, Alembic migrations, backups, undo.

The GUI never sees ORM rows or sessions: ``kvet.store.api.Store`` hands out plain dataclasses.
"""
