"""The machinery every area of the store shares: one database, the checklist, undo and notices.

The areas (comparisons, clinics, people, answers...) are handed one ``StoreContext`` by the
``Store`` façade, so each edit is recorded for undo and announced the same way whichever area
made it, and no area reaches into another's insides.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from kvet.content.checklist import Checklist, Item
from kvet.store.changes import Change
from kvet.store.connection import Database
from kvet.store.errors import InvalidValueError
from kvet.store.undo import Edit, UndoHistory
from kvet.store.writers import fields_writer, read_fields, write_fields

if TYPE_CHECKING:
    from sqlalchemy import Table

Listener = Callable[[Change], None]


class StoreContext:
    """One open database with its checklist, undo history, listeners and default person."""

    def __init__(self, database: Database, checklist: Checklist) -> None:
        self.db = database
        self.checklist = checklist
        self.history = UndoHistory()
        self.listeners: list[Listener] = []
        # set by the people area once "Me" is found or made; every "no one chosen" means them
        self.default_rater_id = ""

    def notify(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(change)

    def record(self, edit: Edit, change: Change) -> None:
        """Keep an edit for undo, with the notice to send when it is undone or redone."""
        edit.change = change
        self.history.push(edit)

    def rater(self, rater_id: str | None) -> str:
        """The person meant: the one given, or the default person when none is."""
        return rater_id or self.default_rater_id

    def item(self, item_id: str) -> Item:
        try:
            return self.checklist.item(item_id)
        except (KeyError, TypeError):
            raise InvalidValueError("value.unknown-item", item=item_id) from None

    def edit_fields(
        self,
        table: Table,
        pk: str,
        values: dict[str, Any],
        text: str,
        change: Change,
        merge_key: Hashable | None = None,
        same: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """Change some columns of one live row as one undoable edit; no change, no undo step.

        ``same``: whether the stored columns already mean ``values`` though they are written
        differently (weights saved by an older kvet, say), checked in the same transaction.
        Plain table statements: a weight change, a rename or a removal needs no ORM."""
        with self.db.statements() as s:
            before = read_fields(s, table, pk, values)
            if before == values or (same is not None and same(before)):
                return  # nothing changes: no write, no undo step
            write_fields(s, table, pk, values)
        self.record(Edit(text, fields_writer(table, pk), before, values, merge_key), change)
        self.notify(change)
