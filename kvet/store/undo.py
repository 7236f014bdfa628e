"""Undo and redo of the user's edits, kept in the core so every front end gets them.

Each edit is recorded as a pair of snapshots (before, after) and a writer that puts a snapshot into
the database. Undo writes "before", redo writes "after". Typing in a note merges into one step.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


Writer = Callable[["Session", Any], None]
UNDO_LIMIT = 200


@dataclass
class Edit:
    text: str
    writer: Writer
    before: Any
    after: Any
    merge_key: Hashable | None = None
    change: Any = None  # what to tell listeners when this edit is undone or redone


class UndoHistory:
    def __init__(self) -> None:
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []

    def push(self, edit: Edit) -> None:
        top = self._undo[-1] if self._undo else None
        if top is not None and edit.merge_key is not None and top.merge_key == edit.merge_key:
            top.after = edit.after  # "before" stays that of the first edit of the run
        else:
            self._undo.append(edit)
            del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    def take_undo(self) -> Edit | None:
        return _move_last(self._undo, self._redo)

    def take_redo(self) -> Edit | None:
        return _move_last(self._redo, self._undo)

    def seal(self) -> None:
        """Stop the next edit from merging into the last one (e.g. when focus leaves a note)."""
        if self._undo:
            self._undo[-1].merge_key = None

    @property
    def undo_text(self) -> str | None:
        return self._undo[-1].text if self._undo else None

    @property
    def redo_text(self) -> str | None:
        return self._redo[-1].text if self._redo else None

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()


def _move_last(source: list[Edit], target: list[Edit]) -> Edit | None:
    """The last edit of one list moved onto the other (undo to redo, or back), or None."""
    if not source:
        return None
    edit = source.pop()
    target.append(edit)
    return edit
