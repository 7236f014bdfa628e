"""Settings: preferences (the country among them) and each comparison's weights."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sqlalchemy import insert, select, update

from kvet.content.checklist import Checklist
from kvet.content.country import stored_country
from kvet.rating.scoring import Weights
from kvet.store.changes import Change, ChangeKind
from kvet.store.context import StoreContext
from kvet.store.errors import InvalidValueError, NotFoundError
from kvet.store.tables import comparison_table, preference_table
from kvet.store.validation import (
    MAX_KEY,
    check_weights,
    clean_text,
    unstorable,
    weights_from_dict,
    weights_to_dict,
)

if TYPE_CHECKING:
    from kvet.store.connection import Unit


def read_weights(s: Unit, comparison_id: str) -> Weights:
    """A comparison's saved weights, inside a transaction the caller holds."""
    table = comparison_table.c  # read at every start (see kvet.store.tables)
    found = s.execute(select(table.settings).where(table.id == comparison_id)).first()
    if found is None:
        raise NotFoundError("gone.comparison")
    return stored_weights(found[0])


def stored_weights(settings: object) -> Weights:
    """Weights from a comparison's stored settings column (anything unreadable: the defaults)."""
    return weights_from_dict(settings if isinstance(settings, Mapping) else {})


class SettingsStore:
    """Preferences are not undoable; weights are, and a run of slider moves is one step."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    @property
    def country_checklist(self) -> Checklist:
        """The checklist as the user's country sees it (see kvet.content.country); whole until
        chosen.

        Scores, reports and tables use this view, so another country's rules are never asked
        or scored. Answers to the items it leaves out stay stored, untouched.
        """
        return self._ctx.checklist.for_country(stored_country(self))

    def preference(self, key: str, default: str = "") -> str:
        # read at every start: from the table itself (see kvet.store.tables)
        table = preference_table
        with self._ctx.db.statements() as s:
            found = s.execute(select(table.c.value).where(table.c.key == key)).scalar()
            return default if found is None else str(found)

    def set_preference(self, key: str, value: str) -> None:
        if not isinstance(key, str) or not key or len(key) > MAX_KEY or unstorable(key):
            raise InvalidValueError("value.preference-key", limit=MAX_KEY)
        value = clean_text(value, "preference")
        table = preference_table
        with self._ctx.db.statements() as s:
            found = s.execute(select(table.c.value).where(table.c.key == key)).first()
            if found is None:
                s.execute(insert(table).values(key=key, value=value))
            elif found.value != value:  # each start sets the comparison shown: mostly the same
                s.execute(update(table).where(table.c.key == key).values(value=value))

    def weights(self, comparison_id: str) -> Weights:
        with self._ctx.db.statements() as s:
            return read_weights(s, comparison_id)

    def set_weights(self, comparison_id: str, weights: Weights, *, merge: bool = True) -> None:
        """Save weights; a run of slider moves undoes as one step."""

        check_weights(weights)
        try:
            self._ctx.edit_fields(
                comparison_table,
                comparison_id,
                {"settings": weights_to_dict(weights)},
                "Change weights",
                Change(ChangeKind.SETTINGS, comparison_id),
                merge_key=("weights", comparison_id) if merge else None,
                # e.g. "Reset" on weights that are the defaults already: no undo step; checked
                # in the write's own transaction, so a slider move reads the settings once
                same=lambda before: stored_weights(before["settings"]) == weights,
            )
        except NotFoundError:
            raise NotFoundError("gone.comparison") from None
