"""The store's API: everything a user can do with their data, as plain calls.

Every call is one transaction, committed before it returns (autosave: there is no Save button).
A call that fails changes nothing: bad input raises ``InvalidValueError`` before any write, and a
database failure (a full disk, say) rolls the whole call back and raises ``StorageError``.
Edits are recorded for undo. Callers get immutable records, never ORM rows.

``Store`` is a small façade: it opens and closes the database, sends change notices and keeps
the undo history; each area of the data is an attribute with its own module (``store.clinics``,
``store.answers``...), all sharing one ``StoreContext``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import delete

from kvet.content.checklist import Checklist
from kvet.store import backups
from kvet.store.answering import AnswerStore
from kvet.store.changes import Change as Change
from kvet.store.changes import ChangeKind as ChangeKind
from kvet.store.clinics import ClinicStore
from kvet.store.comparisons import ComparisonStore
from kvet.store.connection import Database, open_database
from kvet.store.context import Listener as Listener
from kvet.store.context import StoreContext
from kvet.store.deciding import DecisionStore
from kvet.store.errors import OPENING, StorageError
from kvet.store.people import DEFAULT_RATER, PeopleStore
from kvet.store.scores import ScoreStore
from kvet.store.settings import SettingsStore
from kvet.store.tables import clinic_table, comparison_table
from kvet.store.undo import Edit, UndoHistory
from kvet.text.errors import Words

# What happened, never what it was about (see kvet.system.crashlog).
log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from kvet.store.courses import CourseStore
    from kvet.store.transfer import Transfer


class Store:
    """A user's kvet data: comparisons, clinics, people, answers, weights and undo history."""

    def __init__(
        self, database: Database, checklist: Checklist, default_person: str = DEFAULT_RATER
    ) -> None:
        self._ctx = ctx = StoreContext(database, checklist)
        self.comparisons = ComparisonStore(ctx)
        self.clinics = ClinicStore(ctx)
        self.people = PeopleStore(ctx)
        self.answers = AnswerStore(ctx)
        self.settings = SettingsStore(ctx)
        self.decisions = DecisionStore(ctx, self.settings)
        self.scores = ScoreStore(ctx, self.settings)
        self._courses: CourseStore | None = None
        if database.read_only:  # beside the window: find "Me", change nothing
            ctx.default_rater_id = self.people.find_default()
            return
        changed = database.changed
        self._purge_deleted()
        # rows removed for good were hidden already: the merge of the clinics shown, which the
        # last close kept (kvet.store.keptanswers), is the same without them
        database.changed = changed
        ctx.default_rater_id = self.people.ensure_default(default_person)

    @classmethod
    def open(
        cls,
        checklist: Checklist,
        db_path: Path | None = None,
        *,
        url: str | None = None,
        daily_backup: bool = True,
        holder: str = "window",
        read_only_if_busy: bool = False,
        default_person: str = DEFAULT_RATER,
    ) -> Store:
        """Open the user's database (see ``kvet.store.connection.open_database``).

        ``default_person`` names the person made on first start, in the window's language ("Me",
        "Yo"); once made, it is a name like any other, kept until the user renames it.
        """
        database = open_database(
            db_path,
            url=url,
            daily_backup=daily_backup,
            holder=holder,
            read_only_if_busy=read_only_if_busy,
        )
        try:
            return cls(database, checklist, default_person)
        except BaseException:
            database.close()
            raise

    def close(self) -> None:
        """Close the data, keeping everyone's merged answers in it for the next start first. A
        file that cannot take them is closed all the same: the next start merges again."""
        try:
            self.scores.keep_merged()
        except StorageError:
            log.info("merged answers not kept")
        finally:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def db(self) -> Database:
        return self._ctx.db

    @property
    def checklist(self) -> Checklist:
        return self._ctx.checklist

    @property
    def history(self) -> UndoHistory:
        return self._ctx.history

    @property
    def path(self) -> Path | None:
        return self.db.path

    @property
    def backup_problem(self) -> Words | None:
        """Why today's backup could not be made, to show as a warning; None when all is well."""
        return self.db.backup_problem

    # --- notifications ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._ctx.listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._ctx.listeners:
            self._ctx.listeners.remove(listener)

    # --- undo ---------------------------------------------------------------------------------

    def undo(self) -> bool:
        """Undo the last edit; False when there is nothing to undo."""
        return self._replay(self.history.take_undo(), undo=True)

    def redo(self) -> bool:
        """Redo the last undone edit; False when there is nothing to redo."""
        return self._replay(self.history.take_redo(), undo=False)

    def _replay(self, edit: Edit | None, *, undo: bool) -> bool:
        if edit is None:
            return False
        try:
            with self.db.transaction() as session:
                edit.writer(session, edit.before if undo else edit.after)
        except Exception:
            # put the edit back where it was, so history matches the database
            if undo:
                self.history.take_redo()
            else:
                self.history.take_undo()
            raise
        self._ctx.notify(edit.change if isinstance(edit.change, Change) else Change(ChangeKind.ALL))
        return True

    @property
    def can_undo(self) -> bool:
        return self.history.undo_text is not None

    @property
    def can_redo(self) -> bool:
        return self.history.redo_text is not None

    @property
    def courses(self) -> CourseStore:
        """Courses of treatment after a clinic is chosen (the "My treatment" tracker)."""
        from kvet.store.courses import CourseStore  # only when used: it costs start-up time

        if self._courses is None:
            self._courses = CourseStore(self._ctx, self.answers)
        return self._courses

    @property
    def transfer(self) -> Transfer:
        """Whole comparisons in and out, for shared files (see ``kvet.store.transfer``)."""
        from kvet.store.transfer import Transfer

        return Transfer(self._ctx)

    def seal_undo(self) -> None:
        """The next edit starts a new undo step (e.g. when focus leaves a note being typed)."""
        self.history.seal()

    # --- backups and housekeeping -------------------------------------------------------------

    def list_backups(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.db.path) if self.db.path else []

    def _purge_deleted(self) -> None:
        """Rows deleted in an earlier session can no longer be undone: remove them for good.

        Their assessments and answers go with them (``ON DELETE CASCADE``).
        """
        # Always a write, even with nothing to purge: a database that cannot be written is
        # found here, at open, with a clear message, not at the user's first answer. Plain
        # table statements (the database cascades): an ORM statement would have SQLAlchemy
        # set up every mapped class first, 15 ms the start otherwise never needs (issue 26).
        with self.db.statements(OPENING) as s:
            for table in (clinic_table, comparison_table):
                s.execute(delete(table).where(table.c.deleted_at.is_not(None)))
