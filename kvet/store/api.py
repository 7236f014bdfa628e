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

from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Unpack

from sqlalchemy import delete

from kvet.answers import Choice, Origin
from kvet.checklist import Checklist
from kvet.combine import Disagreement, Opinion, Rule
from kvet.ranking import Ranking
from kvet.scoring import ClinicAnswers, ClinicResult, Weights
from kvet.store import backups
from kvet.store.answering import AnswerStore
from kvet.store.changes import Change as Change
from kvet.store.changes import ChangeKind as ChangeKind
from kvet.store.clinics import ClinicDetails, ClinicFields, ClinicStore
from kvet.store.comparisons import ComparisonStore
from kvet.store.connection import Database, open_database
from kvet.store.context import Listener as Listener
from kvet.store.context import StoreContext
from kvet.store.deciding import DecisionStore
from kvet.store.errors import OPENING
from kvet.store.models import Clinic, Comparison
from kvet.store.people import PeopleStore
from kvet.store.records import (
    ClinicInfo,
    ComparisonInfo,
    RaterInfo,
    TopicInfo,
)
from kvet.store.scores import ScoreStore
from kvet.store.settings import SettingsStore
from kvet.store.undo import Edit, UndoHistory

if TYPE_CHECKING:
    from kvet.store.courses import CourseStore
    from kvet.store.transfer import Transfer


class Store:
    """A user's kvet data: comparisons, clinics, people, answers, weights and undo history."""

    def __init__(self, database: Database, checklist: Checklist) -> None:
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
        self._purge_deleted()
        ctx.default_rater_id = self.people.ensure_default()

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
    ) -> Store:
        """Open the user's database (see ``kvet.store.connection.open_database``)."""
        database = open_database(
            db_path,
            url=url,
            daily_backup=daily_backup,
            holder=holder,
            read_only_if_busy=read_only_if_busy,
        )
        try:
            return cls(database, checklist)
        except BaseException:
            database.close()
            raise

    def close(self) -> None:
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
    def backup_problem(self) -> str | None:
        """Why today's backup could not be made, to show as a warning; None when all is well."""
        return self.db.backup_problem

    # --- notifications ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._ctx.listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._ctx.listeners:
            self._ctx.listeners.remove(listener)

    def notify_all(self) -> None:
        """Tell every listener that anything may have changed (after a bulk write: an import)."""
        self._ctx.notify(Change(ChangeKind.ALL))

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

        return Transfer(self)

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
        with self.db.transaction(OPENING) as s:
            s.execute(delete(Clinic).where(Clinic.deleted_at.is_not(None)))
            s.execute(delete(Comparison).where(Comparison.deleted_at.is_not(None)))

    # Old names, removed by the codemod after the merge
    def list_comparisons(self) -> list[ComparisonInfo]:
        return self.comparisons.list()

    def comparison(self, comparison_id: str) -> ComparisonInfo:
        return self.comparisons.get(comparison_id)

    def create_comparison(self, name: str) -> ComparisonInfo:
        return self.comparisons.create(name)

    def rename_comparison(self, comparison_id: str, name: str) -> None:
        self.comparisons.rename(comparison_id, name)

    def delete_comparison(self, comparison_id: str) -> None:
        self.comparisons.delete(comparison_id)

    def list_clinics(self, comparison_id: str) -> list[ClinicInfo]:
        return self.clinics.list(comparison_id)

    def clinic(self, clinic_id: str) -> ClinicInfo:
        return self.clinics.get(clinic_id)

    def add_clinic(
        self, comparison_id: str, name: str, **fields: Unpack[ClinicDetails]
    ) -> ClinicInfo:
        return self.clinics.add(comparison_id, name, **fields)

    def update_clinic(self, clinic_id: str, **fields: Unpack[ClinicFields]) -> ClinicInfo:
        return self.clinics.update(clinic_id, **fields)

    def delete_clinic(self, clinic_id: str) -> None:
        self.clinics.delete(clinic_id)

    def list_raters(self) -> list[RaterInfo]:
        return self.people.list()

    def default_rater(self) -> RaterInfo:
        return self.people.default()

    def add_rater(self, name: str) -> RaterInfo:
        return self.people.add(name)

    def rename_rater(self, rater_id: str, name: str) -> None:
        self.people.rename(rater_id, name)

    def set_answer(
        self,
        clinic_id: str,
        item_id: str,
        choice: Choice | None,
        *,
        rater_id: str | None = None,
        origin: Origin | None = None,
    ) -> None:
        self.answers.set(clinic_id, item_id, choice, rater_id=rater_id, origin=origin)

    def set_fact(
        self, clinic_id: str, item_id: str, number: float | None, *, rater_id: str | None = None
    ) -> None:
        self.answers.set_fact(clinic_id, item_id, number, rater_id=rater_id)

    def set_note(
        self, clinic_id: str, item_id: str, note: str, *, rater_id: str | None = None
    ) -> None:
        self.answers.set_note(clinic_id, item_id, note, rater_id=rater_id)

    def set_origin(
        self, clinic_id: str, item_id: str, origin: Origin, *, rater_id: str | None = None
    ) -> None:
        self.answers.set_origin(clinic_id, item_id, origin, rater_id=rater_id)

    def set_position(self, clinic_id: str, item_id: str, rater_id: str | None = None) -> None:
        self.answers.set_position(clinic_id, item_id, rater_id)

    def position(self, clinic_id: str, rater_id: str | None = None) -> str | None:
        return self.answers.position(clinic_id, rater_id)

    def personal_topics(self, rater_id: str | None = None) -> dict[str, TopicInfo]:
        return self.answers.personal_topics(rater_id)

    def set_personal_topic(
        self, topic_id: str, applies: bool, note: str = "", *, rater_id: str | None = None
    ) -> None:
        self.answers.set_personal_topic(topic_id, applies, note, rater_id=rater_id)

    @property
    def country_checklist(self) -> Checklist:
        return self.settings.country_checklist

    def preference(self, key: str, default: str = "") -> str:
        return self.settings.preference(key, default)

    def set_preference(self, key: str, value: str) -> None:
        self.settings.set_preference(key, value)

    def weights(self, comparison_id: str) -> Weights:
        return self.settings.weights(comparison_id)

    def set_weights(self, comparison_id: str, weights: Weights, *, merge: bool = True) -> None:
        self.settings.set_weights(comparison_id, weights, merge=merge)

    def combine_rule(self, comparison_id: str) -> Rule:
        return self.decisions.rule(comparison_id)

    def set_combine_rule(self, comparison_id: str, rule: Rule) -> None:
        self.decisions.set_rule(comparison_id, rule)

    def opinions(self, clinic_id: str) -> dict[str, list[Opinion]]:
        return self.decisions.opinions(clinic_id)

    def settle(
        self,
        clinic_id: str,
        item_id: str,
        choice: Choice | None,
        decided_by: str,
        *,
        number: float | None = None,
        note: str = "",
    ) -> None:
        self.decisions.settle(clinic_id, item_id, choice, decided_by, number=number, note=note)

    def disagreements(self, comparison_id: str, clinic_id: str | None = None) -> list[Disagreement]:
        return self.decisions.disagreements(comparison_id, clinic_id)

    def clinic_answers(
        self, comparison_id: str, rater_id: str | None = None, *, combined: bool = False
    ) -> list[ClinicAnswers]:
        return self.scores.clinic_answers(comparison_id, rater_id, combined=combined)

    def results(
        self,
        comparison_id: str,
        rater_id: str | None = None,
        weights: Weights | None = None,
        *,
        combined: bool = False,
    ) -> tuple[list[ClinicResult], Ranking]:
        return self.scores.results(comparison_id, rater_id, weights, combined=combined)
