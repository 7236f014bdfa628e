"""The people whose answers are kept apart: "Me", made on first start, and anyone added."""

from __future__ import annotations

from sqlalchemy import select

from kvet.store.changes import Change, ChangeKind
from kvet.store.context import StoreContext
from kvet.store.errors import OPENING, NotFoundError
from kvet.store.models import Rater, rater_table
from kvet.store.records import RaterInfo
from kvet.store.validation import MAX_PERSON_NAME, clean_name

DEFAULT_RATER = "Me"


class PeopleStore:
    """List, add and rename people; kvet never deletes a person (their answers stay theirs)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def list(self) -> list[RaterInfo]:
        # plain table statements here: read at every start (see ``ensure_default``)
        table = rater_table
        with self._ctx.db.transaction() as s:
            rows = s.execute(
                select(table.c.id, table.c.name, table.c.is_default).order_by(
                    table.c.created_at, table.c.name
                )
            ).all()
            return [RaterInfo(r.id, r.name, bool(r.is_default)) for r in rows]

    def find_default(self) -> str:
        """The default person's id without writing (a read-only database), or ""."""
        with self._ctx.db.transaction(OPENING) as s:
            row = s.scalars(
                select(Rater).where(Rater.is_default.is_(True)).order_by(Rater.created_at)
            ).first()
            return "" if row is None else row.id

    def ensure_default(self, name: str = DEFAULT_RATER) -> str:
        """The default person's id, made on first start.

        Read with a plain table statement: every start calls this, and an ORM statement would
        have SQLAlchemy set up every mapped class (15 ms) before the clinics show."""
        table = rater_table
        with self._ctx.db.transaction(OPENING) as s:
            found = s.execute(
                select(table.c.id)
                .where(table.c.is_default.is_(True))
                .order_by(table.c.created_at)
                .limit(1)
            ).scalar()
            if found is not None:
                return str(found)
            row = Rater(name=clean_name(name, "person", MAX_PERSON_NAME), is_default=True)
            s.add(row)
            s.flush()
            return row.id

    def default(self) -> RaterInfo:
        """The person answering when no one else is chosen ("Me"), made on first start."""
        table = rater_table
        with self._ctx.db.transaction() as s:
            row = s.execute(
                select(table.c.id, table.c.name, table.c.is_default).where(
                    table.c.id == self._ctx.default_rater_id
                )
            ).first()
            if row is None:  # pragma: no cover - kvet never deletes people
                raise NotFoundError("gone.default-person")
            return RaterInfo(row.id, row.name, bool(row.is_default))

    def add(self, name: str) -> RaterInfo:
        name = clean_name(name, "person", MAX_PERSON_NAME)
        with self._ctx.db.transaction() as s:
            row = Rater(name=name, is_default=False)
            s.add(row)
            s.flush()
            info = RaterInfo(row.id, row.name, False)
        self._ctx.notify(Change(ChangeKind.RATER))
        return info

    def rename(self, rater_id: str, name: str) -> None:
        self._ctx.edit_fields(
            Rater,
            rater_id,
            {"name": clean_name(name, "person", MAX_PERSON_NAME)},
            "Rename person",
            Change(ChangeKind.RATER),
        )
