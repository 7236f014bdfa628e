"""The people whose answers are kept apart: "Me", made on first start, and anyone added."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from kvet.store.changes import Change, ChangeKind
from kvet.store.context import StoreContext
from kvet.store.errors import OPENING, NotFoundError
from kvet.store.records import RaterInfo
from kvet.store.tables import new_id, rater_table
from kvet.store.validation import MAX_PERSON_NAME, clean_name

DEFAULT_RATER = "Me"


class PeopleStore:
    """List, add and rename people; kvet never deletes a person (their answers stay theirs)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def list(self) -> list[RaterInfo]:
        with self._ctx.db.statements() as s:
            return _people(s, order_by=(rater_table.c.created_at, rater_table.c.name))

    def find_default(self) -> str:
        """The default person's id without writing (a read-only database), or ""."""
        with self._ctx.db.statements(OPENING) as s:
            return _default_id(s)

    def ensure_default(self, name: str = DEFAULT_RATER) -> str:
        """The default person's id, made on first start."""
        with self._ctx.db.statements(OPENING) as s:
            found = _default_id(s)
            if found:
                return found
            made = new_id()
            name = clean_name(name, "person", MAX_PERSON_NAME)
            s.execute(insert(rater_table).values(id=made, name=name, is_default=True))
            return made

    def default(self) -> RaterInfo:
        """The person answering when no one else is chosen ("Me"), made on first start."""
        with self._ctx.db.statements() as s:
            found = _people(s, where=rater_table.c.id == self._ctx.default_rater_id)
            if not found:  # pragma: no cover - kvet never deletes people
                raise NotFoundError("gone.default-person")
            return found[0]

    def add(self, name: str) -> RaterInfo:
        from kvet.store.models import Rater  # the ORM, after the start (kvet.store.tables)

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
            rater_table,
            rater_id,
            {"name": clean_name(name, "person", MAX_PERSON_NAME)},
            "Rename person",
            Change(ChangeKind.RATER),
        )


# Every start reads people: from the table itself, with no ORM (see ``kvet.store.tables``).


def _people(s: Connection, *, where: Any = True, order_by: tuple[Any, ...] = ()) -> list[RaterInfo]:
    table = rater_table
    rows = s.execute(
        select(table.c.id, table.c.name, table.c.is_default).where(where).order_by(*order_by)
    )
    return [RaterInfo(r.id, r.name, bool(r.is_default)) for r in rows]


def _default_id(s: Connection) -> str:
    """The default person's id, or "" when there is none yet (before the first start's)."""
    table = rater_table
    found = s.execute(
        select(table.c.id).where(table.c.is_default.is_(True)).order_by(table.c.created_at).limit(1)
    ).scalar()
    return "" if found is None else str(found)
