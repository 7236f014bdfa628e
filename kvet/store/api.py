"""The store's API: everything a user can do with their data, as plain calls.

Every call is one transaction, committed before it returns (autosave: there is no Save button).
A call that fails changes nothing: bad input raises ``InvalidValueError`` before any write, and a
database failure (a full disk, say) rolls the whole call back and raises ``StorageError``.
Edits are recorded for undo. Callers get immutable records, never ORM rows.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, delete, func, literal_column, select, type_coerce, union_all
from sqlalchemy.orm import Session

from kvet.answers import Choice, Origin
from kvet.checklist import Checklist, Item, Kind
from kvet.combine import Decision, Disagreement, Opinion, Rule, caution, disagreeing
from kvet.country import stored_country
from kvet.ranking import Ranking, rank
from kvet.scoring import ClinicAnswers, ClinicResult, Scorer, Weights
from kvet.store import backups
from kvet.store.connection import Database, open_database
from kvet.store.errors import InvalidValueError, NotFoundError
from kvet.store.models import (
    Answer,
    Assessment,
    Clinic,
    Comparison,
    PersonalTopic,
    Preference,
    Rater,
    as_utc,
    utcnow,
)
from kvet.store.models import Decision as DecisionRow
from kvet.store.records import (
    AnswerInfo,
    ClinicInfo,
    ComparisonInfo,
    RaterInfo,
    TopicInfo,
)
from kvet.store.rows import (
    _check_rater,
    _clinic_info,
    _decisions,
    _item_groups,
    _list_clinics,
    _live_clinic,
    _live_clinic_ids,
    _merge,
    _opinion_rows,
    _opinions,
    _rule,
)
from kvet.store.undo import Edit, UndoHistory
from kvet.store.validation import (
    FIELD_LIMITS,
    MAX_KEY,
    MAX_PERSON_NAME,
    _choice,
    _clean_fact,
    _clean_formats,
    _clean_name,
    _clean_origin,
    _clean_text,
    _fitting_choice,
    _origin,
    _unstorable,
    check_weights,
    weights_from_dict,
    weights_to_dict,
)
from kvet.store.writers import (
    _answer_row,
    _answer_snapshot,
    _answer_writer,
    _changes_nothing,
    _decision_row,
    _decision_snapshot,
    _decision_writer,
    _fields_writer,
    _get_assessment,
    _write_answer_row,
    _write_decision_row,
)

if TYPE_CHECKING:
    from kvet.store.courses import CourseStore
    from kvet.store.transfer import Transfer

DEFAULT_RATER = "Me"
OPENING = "open your data"  # for error messages: what kvet was doing
CLINIC_FIELDS = ("name", "address", "phone", "website", "formats", "notes")
MERGING_CLINIC_FIELDS = frozenset({"notes", "address", "phone", "website", "name"})


@dataclass(frozen=True)
class Change:
    """What changed, so views can refresh just that."""

    # "comparison", "clinic", "answer", "decision", "rater", "settings", "topic", "all"
    what: str
    comparison_id: str | None = None
    clinic_id: str | None = None
    item_id: str | None = None


Listener = Callable[[Change], None]


class Store:
    """A user's kvet data: comparisons, clinics, people, answers, weights and undo history."""

    def __init__(self, database: Database, checklist: Checklist) -> None:
        self.db = database
        self.checklist = checklist
        self.history = UndoHistory()
        self._listeners: list[Listener] = []
        self._courses: CourseStore | None = None
        self._default_rater_id = ""
        if database.read_only:  # beside the window: find "Me", change nothing
            self._default_rater_id = self._find_default_rater()
            return
        self._purge_deleted()
        self._default_rater_id = self._ensure_default_rater()

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
    def path(self) -> Path | None:
        return self.db.path

    @property
    def backup_problem(self) -> str | None:
        """Why today's backup could not be made, to show as a warning; None when all is well."""
        return self.db.backup_problem

    # --- notifications ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify_all(self) -> None:
        """Tell every listener that anything may have changed (after a bulk write: an import)."""
        self._notify(Change("all"))

    def _notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # --- undo ---------------------------------------------------------------------------------

    def _record(self, edit: Edit, change: Change) -> None:
        edit.change = change
        self.history.push(edit)

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
        self._notify(edit.change if isinstance(edit.change, Change) else Change("all"))
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
        from kvet.store.courses import CourseStore

        if self._courses is None:
            self._courses = CourseStore(self)
        return self._courses

    @property
    def transfer(self) -> Transfer:
        """Whole comparisons in and out, for shared files (see ``kvet.store.transfer``)."""
        from kvet.store.transfer import Transfer

        return Transfer(self)

    def seal_undo(self) -> None:
        """The next edit starts a new undo step (e.g. when focus leaves a note being typed)."""
        self.history.seal()

    # --- comparisons --------------------------------------------------------------------------

    def list_comparisons(self) -> list[ComparisonInfo]:
        with self.db.transaction() as s:
            counts: dict[str, int] = dict(
                s.execute(
                    select(Clinic.comparison_id, func.count())
                    .where(Clinic.deleted_at.is_(None))
                    .group_by(Clinic.comparison_id)
                ).all()
            )
            rows = s.scalars(
                select(Comparison)
                .where(Comparison.deleted_at.is_(None))
                .order_by(Comparison.created_at, Comparison.name)
            ).all()
            return [ComparisonInfo(c.id, c.name, counts.get(c.id, 0), c.created_at) for c in rows]

    def comparison(self, comparison_id: str) -> ComparisonInfo:
        with self.db.transaction() as s:
            row = s.get(Comparison, comparison_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("That comparison no longer exists.")
            count = s.scalar(
                select(func.count()).where(
                    Clinic.comparison_id == comparison_id, Clinic.deleted_at.is_(None)
                )
            )
            return ComparisonInfo(row.id, row.name, count or 0, row.created_at)

    def create_comparison(self, name: str) -> ComparisonInfo:
        name = _clean_name(name, "comparison")
        with self.db.transaction() as s:
            row = Comparison(name=name, settings={})
            s.add(row)
            s.flush()
            info = ComparisonInfo(row.id, row.name, 0, row.created_at)
        change = Change("comparison", info.id)
        self._record(
            Edit(
                f"Create comparison “{name}”",
                _fields_writer(Comparison, info.id),
                {"deleted_at": utcnow()},
                {"deleted_at": None},
            ),
            change,
        )
        self._notify(change)
        return info

    def rename_comparison(self, comparison_id: str, name: str) -> None:
        name = _clean_name(name, "comparison")
        self._edit_fields(
            Comparison,
            comparison_id,
            {"name": name},
            "Rename comparison",
            Change("comparison", comparison_id),
        )

    def delete_comparison(self, comparison_id: str) -> None:
        """Delete a comparison and its clinics. Undo brings them back, until kvet is closed."""
        name = self.comparison(comparison_id).name
        self._edit_fields(
            Comparison,
            comparison_id,
            {"deleted_at": utcnow()},
            f"Delete comparison “{name}”",
            Change("comparison", comparison_id),
        )

    # --- clinics ------------------------------------------------------------------------------

    def list_clinics(self, comparison_id: str) -> list[ClinicInfo]:
        with self.db.transaction() as s:
            return _list_clinics(s, comparison_id)

    def clinic(self, clinic_id: str) -> ClinicInfo:
        with self.db.transaction() as s:
            return _clinic_info(_live_clinic(s, clinic_id))

    def add_clinic(self, comparison_id: str, name: str, **fields: Any) -> ClinicInfo:
        values = self._clean_clinic_fields({"name": name, **fields})
        with self.db.transaction() as s:
            parent = s.get(Comparison, comparison_id)
            if parent is None or parent.deleted_at is not None:
                raise NotFoundError("That comparison no longer exists.")
            position = s.scalar(
                select(func.coalesce(func.max(Clinic.position), -1) + 1).where(
                    Clinic.comparison_id == comparison_id
                )
            )
            row = Clinic(comparison_id=comparison_id, position=position or 0, **values)
            s.add(row)
            s.flush()
            info = _clinic_info(row)
        change = Change("clinic", comparison_id, info.id)
        self._record(
            Edit(
                f"Add clinic “{info.name}”",
                _fields_writer(Clinic, info.id),
                {"deleted_at": utcnow()},
                {"deleted_at": None},
            ),
            change,
        )
        self._notify(change)
        return info

    def update_clinic(self, clinic_id: str, **fields: Any) -> ClinicInfo:
        """Change some of a clinic's fields; unchanged values record no undo step."""
        values = self._clean_clinic_fields(fields)
        info = self.clinic(clinic_id)
        current = {
            key: sorted(f.value for f in info.formats) if key == "formats" else getattr(info, key)
            for key in values
        }
        values = {key: value for key, value in values.items() if value != current[key]}
        if not values:
            return info
        # text typed in a run (autosaved as the user types) undoes as one step
        merge = ("clinic", clinic_id, tuple(sorted(values)))
        self._edit_fields(
            Clinic,
            clinic_id,
            values | {"updated_at": utcnow()},
            f"Edit clinic “{info.name}”",
            Change("clinic", info.comparison_id, clinic_id),
            merge_key=merge if set(values) <= MERGING_CLINIC_FIELDS else None,
        )
        return self.clinic(clinic_id)

    def delete_clinic(self, clinic_id: str) -> None:
        """Remove a clinic and its answers. Undo brings them back, until kvet is closed."""
        info = self.clinic(clinic_id)
        self._edit_fields(
            Clinic,
            clinic_id,
            {"deleted_at": utcnow()},
            f"Remove clinic “{info.name}”",
            Change("clinic", info.comparison_id, clinic_id),
        )

    def _clean_clinic_fields(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        unknown = set(fields) - set(CLINIC_FIELDS)
        if unknown:
            raise InvalidValueError(f"Unknown clinic field: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for key, value in fields.items():
            if key == "name":
                values[key] = _clean_name(value, "clinic")
            elif key == "formats":
                values[key] = _clean_formats(value)
            elif key == "notes":
                values[key] = _clean_text(value, "notes")
            else:
                text = _clean_text(value, key).strip()
                limit = FIELD_LIMITS.get(key)
                if limit is not None and len(text) > limit:
                    raise InvalidValueError(f"The {key} is too long (at most {limit} characters).")
                values[key] = text
        return values

    def _edit_fields(
        self,
        model: Any,
        pk: str,
        values: dict[str, Any],
        text: str,
        change: Change,
        merge_key: Hashable | None = None,
    ) -> None:
        with self.db.transaction() as s:
            row = s.get(model, pk)
            if row is None or getattr(row, "deleted_at", None) is not None:
                raise NotFoundError("That no longer exists.")
            before = {key: getattr(row, key) for key in values}
            if before == values:
                return  # nothing changes: no write, no undo step
            for key, value in values.items():
                setattr(row, key, value)
        self._record(Edit(text, _fields_writer(model, pk), before, values, merge_key), change)
        self._notify(change)

    # --- people -------------------------------------------------------------------------------

    def list_raters(self) -> list[RaterInfo]:
        with self.db.transaction() as s:
            rows = s.scalars(select(Rater).order_by(Rater.created_at, Rater.name)).all()
            return [RaterInfo(r.id, r.name, r.is_default) for r in rows]

    def _find_default_rater(self) -> str:
        with self.db.transaction(OPENING) as s:
            row = s.scalars(
                select(Rater).where(Rater.is_default.is_(True)).order_by(Rater.created_at)
            ).first()
            return "" if row is None else row.id

    def _ensure_default_rater(self) -> str:
        with self.db.transaction(OPENING) as s:
            row = s.scalars(
                select(Rater).where(Rater.is_default.is_(True)).order_by(Rater.created_at)
            ).first()
            if row is None:
                row = Rater(name=DEFAULT_RATER, is_default=True)
                s.add(row)
                s.flush()
            return row.id

    def default_rater(self) -> RaterInfo:
        """The person answering when no one else is chosen ("Me"), made on first start."""
        with self.db.transaction() as s:
            row = s.get(Rater, self._default_rater_id)
            if row is None:  # pragma: no cover - kvet never deletes people
                raise NotFoundError("The default person no longer exists.")
            return RaterInfo(row.id, row.name, row.is_default)

    def add_rater(self, name: str) -> RaterInfo:
        name = _clean_name(name, "person", MAX_PERSON_NAME)
        with self.db.transaction() as s:
            row = Rater(name=name, is_default=False)
            s.add(row)
            s.flush()
            info = RaterInfo(row.id, row.name, False)
        self._notify(Change("rater"))
        return info

    def rename_rater(self, rater_id: str, name: str) -> None:
        self._edit_fields(
            Rater,
            rater_id,
            {"name": _clean_name(name, "person", MAX_PERSON_NAME)},
            "Rename person",
            Change("rater"),
        )

    def _rater(self, rater_id: str | None) -> str:
        return rater_id or self._default_rater_id

    # --- answers ------------------------------------------------------------------------------

    def answers(self, clinic_id: str, rater_id: str | None = None) -> dict[str, AnswerInfo]:
        """One person's answers on one clinic, by item id; retired items included and marked."""
        rater_id = self._rater(rater_id)
        with self.db.transaction() as s:
            rows = s.scalars(
                select(Answer)
                .join(Assessment)
                .where(Assessment.clinic_id == clinic_id, Assessment.rater_id == rater_id)
            ).all()
            return {a.item_id: self._answer_info(a) for a in rows}

    def _answer_info(self, row: Answer) -> AnswerInfo:
        return AnswerInfo(
            item_id=row.item_id,
            choice=_choice(row.choice),
            number=row.number,
            note=row.note,
            origin=_origin(row.origin),
            answered_at=row.answered_at,
            retired=row.item_id not in self.checklist.items_by_id,
        )

    def set_answer(
        self,
        clinic_id: str,
        item_id: str,
        choice: Choice | None,
        *,
        rater_id: str | None = None,
        origin: Origin | None = None,
    ) -> None:
        """Record a choice (None clears it). Committed before this returns."""
        item = self._item(item_id)
        values: dict[str, Any] = {
            "choice": None if choice is None else _fitting_choice(item, choice).value,
            "answered_at": utcnow(),
        }
        if origin is not None:
            values["origin"] = _clean_origin(origin).value
        self._edit_answer(clinic_id, item_id, values, rater_id, f"Answer “{item.statement}”")

    def set_fact(
        self, clinic_id: str, item_id: str, number: float | None, *, rater_id: str | None = None
    ) -> None:
        """Record a number such as a price (None clears it). Committed before this returns."""
        item = self._item(item_id)
        if item.kind is not Kind.FACT:
            raise InvalidValueError(f"“{item.statement}” is answered with a choice, not a number.")
        if number is not None:
            number = _clean_fact(item, number)
        self._edit_answer(
            clinic_id,
            item_id,
            {"number": number, "answered_at": utcnow()},
            rater_id,
            f"Set “{item.statement}”",
            # saved as the user types (after a pause): consecutive calls undo as one step
            merge_key=("fact", clinic_id, item_id, rater_id),
        )

    def set_note(
        self, clinic_id: str, item_id: str, note: str, *, rater_id: str | None = None
    ) -> None:
        """The clinic's words. Called as the user types; consecutive calls undo as one step."""
        self._item(item_id)
        note = _clean_text(note, "note")
        rater_id = self._rater(rater_id)
        self._edit_answer(
            clinic_id,
            item_id,
            {"note": note},
            rater_id,
            "Edit note",
            merge_key=("note", clinic_id, item_id, rater_id),
        )

    def set_origin(
        self, clinic_id: str, item_id: str, origin: Origin, *, rater_id: str | None = None
    ) -> None:
        """Where the answer came from: a phone call, the website, a visit, written material."""
        self._item(item_id)
        self._edit_answer(
            clinic_id,
            item_id,
            {"origin": _clean_origin(origin).value},
            rater_id,
            "Change where an answer came from",
        )

    def _item(self, item_id: str) -> Item:
        try:
            return self.checklist.item(item_id)
        except (KeyError, TypeError):
            raise InvalidValueError(f"Unknown checklist item {item_id!r}.") from None

    def _edit_answer(
        self,
        clinic_id: str,
        item_id: str,
        values: dict[str, Any],
        rater_id: str | None,
        text: str,
        merge_key: Hashable | None = None,
    ) -> None:
        rater_id = self._rater(rater_id)
        version = self.checklist.version
        with self.db.transaction() as s:
            comparison_id = _live_clinic(s, clinic_id).comparison_id
            _check_rater(s, rater_id)
            assessment = _get_assessment(s, clinic_id, rater_id, version)
            row = _answer_row(s, assessment.id, item_id)
            before = _answer_snapshot(row)
            if _changes_nothing(before, values):
                return  # e.g. the same note saved twice, or an empty note on no answer
            row = _write_answer_row(s, assessment, item_id, {**(before or {}), **values})
            assessment.checklist_version = version
            s.flush()
            after = _answer_snapshot(row)
        writer = _answer_writer(clinic_id, rater_id, item_id, version)
        change = Change("answer", comparison_id, clinic_id, item_id)
        self._record(Edit(text, writer, before, after, merge_key), change)
        self._notify(change)

    # --- walkthrough position -----------------------------------------------------------------

    def set_position(self, clinic_id: str, item_id: str, rater_id: str | None = None) -> None:
        """Remember where the walkthrough is, so it resumes there. Not an undoable edit."""
        self._item(item_id)
        rater_id = self._rater(rater_id)
        with self.db.transaction() as s:
            _live_clinic(s, clinic_id)
            _check_rater(s, rater_id)
            assessment = _get_assessment(s, clinic_id, rater_id, self.checklist.version)
            assessment.last_item_id = item_id

    def position(self, clinic_id: str, rater_id: str | None = None) -> str | None:
        """Where the walkthrough was left (an item id, possibly retired since), or None."""
        rater_id = self._rater(rater_id)
        with self.db.transaction() as s:
            return s.scalar(
                select(Assessment.last_item_id).where(
                    Assessment.clinic_id == clinic_id, Assessment.rater_id == rater_id
                )
            )

    # --- weights and settings -----------------------------------------------------------------

    def weights(self, comparison_id: str) -> Weights:
        with self.db.transaction() as s:
            return self._weights(s, comparison_id)

    def _weights(self, s: Session, comparison_id: str) -> Weights:
        found = s.execute(select(Comparison.settings).where(Comparison.id == comparison_id)).first()
        if found is None:
            raise NotFoundError("That comparison no longer exists.")
        return weights_from_dict(found[0] if isinstance(found[0], Mapping) else {})

    def set_weights(self, comparison_id: str, weights: Weights, *, merge: bool = True) -> None:
        """Save weights; a run of slider moves undoes as one step."""
        check_weights(weights)
        if self.weights(comparison_id) == weights:
            return  # e.g. "Reset" on weights that are the defaults already: no undo step
        self._edit_fields(
            Comparison,
            comparison_id,
            {"settings": weights_to_dict(weights)},
            "Change weights",
            Change("settings", comparison_id),
            merge_key=("weights", comparison_id) if merge else None,
        )

    # --- personal topics (private) ------------------------------------------------------------

    def personal_topics(self, rater_id: str | None = None) -> dict[str, TopicInfo]:
        rater_id = self._rater(rater_id)
        with self.db.transaction() as s:
            rows = s.scalars(select(PersonalTopic).where(PersonalTopic.rater_id == rater_id)).all()
            return {r.topic_id: TopicInfo(r.topic_id, r.applies, r.note) for r in rows}

    def set_personal_topic(
        self, topic_id: str, applies: bool, note: str = "", *, rater_id: str | None = None
    ) -> None:
        if topic_id not in {t.id for t in self.checklist.personal_topics if not t.urgent}:
            # an urgent topic (thoughts of ending one's life) opens help; it is never stored
            raise InvalidValueError(f"Unknown personal topic {topic_id!r}.")
        note = _clean_text(note, "note")
        rater_id = self._rater(rater_id)
        with self.db.transaction() as s:
            _check_rater(s, rater_id)
            row = s.scalars(
                select(PersonalTopic).where(
                    PersonalTopic.rater_id == rater_id, PersonalTopic.topic_id == topic_id
                )
            ).first()
            if row is None:
                row = PersonalTopic(rater_id=rater_id, topic_id=topic_id)
                s.add(row)
            row.applies = bool(applies)
            row.note = note
        self._notify(Change("topic"))

    # --- preferences --------------------------------------------------------------------------

    @property
    def country_checklist(self) -> Checklist:
        """The checklist as the user's country sees it (see kvet.country); whole until chosen.

        Scores, reports and tables use this view, so another country's rules are never asked
        or scored. Answers to the items it leaves out stay stored, untouched.
        """
        return self.checklist.for_country(stored_country(self))

    def preference(self, key: str, default: str = "") -> str:
        with self.db.transaction() as s:
            row = s.get(Preference, key)
            return row.value if row else default

    def set_preference(self, key: str, value: str) -> None:
        if not isinstance(key, str) or not key or len(key) > MAX_KEY or _unstorable(key):
            raise InvalidValueError(f"A preference needs a name of 1 to {MAX_KEY} characters.")
        value = _clean_text(value, "preference")
        with self.db.transaction() as s:
            row = s.get(Preference, key)
            if row is None:
                s.add(Preference(key=key, value=value))
            else:
                row.value = value

    # --- deciding together --------------------------------------------------------------------

    def combine_rule(self, comparison_id: str) -> Rule:
        """How the combined view merges people's answers in this comparison."""
        with self.db.transaction() as s:
            return self._combine_rule(s, comparison_id)

    def _combine_rule(self, s: Session, comparison_id: str) -> Rule:
        found = s.execute(
            select(Comparison.combine_rule).where(Comparison.id == comparison_id)
        ).first()
        if found is None:
            raise NotFoundError("That comparison no longer exists.")
        return _rule(found[0])

    def set_combine_rule(self, comparison_id: str, rule: Rule) -> None:
        """Choose the rule the combined view uses; an undoable edit like a weight change."""
        try:
            value = Rule(rule)
        except ValueError:
            known = ", ".join(r.value for r in Rule)
            raise InvalidValueError(f"Unknown rule {rule!r} (known: {known}).") from None
        self._edit_fields(
            Comparison,
            comparison_id,
            {"combine_rule": value.value},
            "Change how answers are combined",
            Change("settings", comparison_id),
        )

    def opinions(self, clinic_id: str) -> dict[str, list[Opinion]]:
        """Each person's answer on each item of one clinic, people in the order they were added.

        People who never answered an item are absent from its list.
        """
        with self.db.transaction() as s:
            return _opinions(s, Assessment.clinic_id == clinic_id).get(clinic_id, {})

    def decisions(self, clinic_id: str) -> dict[str, Decision]:
        """The decisions that settled disagreements on one clinic, by item id."""
        with self.db.transaction() as s:
            return _decisions(s, DecisionRow.clinic_id == clinic_id).get(clinic_id, {})

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
        """Record what the family agreed on for one item, who decided, and when. Undoable.

        Each person's own answers stay as they were: the decision only changes the combined
        view, until someone answers the item again (see ``kvet.combine``). A choice for a fact,
        or a number for anything else, is refused. No choice and no number removes the
        decision.
        """
        item = self._item(item_id)
        note = _clean_text(note, "note")
        if item.kind is Kind.FACT:
            if choice is not None:
                raise InvalidValueError(f"“{item.statement}” is settled with a number.")
            values: dict[str, Any] = {
                "choice": None,
                "number": None if number is None else _clean_fact(item, number),
            }
        else:
            if number is not None:
                raise InvalidValueError(
                    f"“{item.statement}” is settled with a choice, not a number."
                )
            values = {
                "choice": None if choice is None else _fitting_choice(item, choice).value,
                "number": None,
            }
        decided_by = self._rater(decided_by)
        with self.db.transaction() as s:
            comparison_id = _live_clinic(s, clinic_id).comparison_id
            _check_rater(s, decided_by)
            row = _decision_row(s, clinic_id, item_id)
            before = _decision_snapshot(row)
            after: dict[str, Any] | None = None
            if values["choice"] is not None or values["number"] is not None:
                after = {**values, "note": note, "decided_by": decided_by, "decided_at": utcnow()}
            if before is None and after is None:
                return  # nothing was decided, and nothing is: no write, no undo step
            _write_decision_row(s, clinic_id, item_id, after)
        change = Change("decision", comparison_id, clinic_id, item_id)
        text = (
            f"Settle “{item.statement}”"
            if after
            else f"Withdraw the decision on “{item.statement}”"
        )
        self._record(Edit(text, _decision_writer(clinic_id, item_id), before, after), change)
        self._notify(change)

    def disagreements(self, comparison_id: str, clinic_id: str | None = None) -> list[Disagreement]:
        """Where people's actual answers differ and no later decision settled it.

        In clinic order, then checklist order; only one clinic's when ``clinic_id`` is given.
        Items retired from the checklist are left out: they no longer count; so are items about
        another country's rules (their answers are kept, but nothing asks to settle them).
        """
        items = self.country_checklist.items_by_id
        found: list[tuple[int, str, str, tuple[Opinion, ...]]] = []
        with self.db.transaction() as s:
            clinics = _list_clinics(s, comparison_id)
            if clinic_id is not None:
                clinics = [c for c in clinics if c.id == clinic_id]
                clinic_filter = Assessment.clinic_id == clinic_id
                decision_filter = DecisionRow.clinic_id == clinic_id
            else:
                clinic_filter = Assessment.clinic_id.in_(_live_clinic_ids(comparison_id))
                decision_filter = DecisionRow.clinic_id.in_(_live_clinic_ids(comparison_id))
            if not clinics:
                return []
            decided = _decisions(s, decision_filter)
            order = {item.id: n for n, item in enumerate(self.checklist.items)}
            for group in _item_groups(s.execute(_opinion_rows(clinic_filter))):
                first = group[0]
                item = items.get(first[1])
                if item is None or len(group) < 2:
                    continue
                kind = item.kind
                actual = {
                    (r[4], r[5]) for r in group if caution(kind, _choice(r[4]), r[5]) is not None
                }
                if len(actual) < 2:
                    continue  # cheap test first: most items have one answer, or answers agree
                opinions = [
                    Opinion(r[2], r[3], _choice(r[4]), r[5], r[6], _origin(r[7]), as_utc(r[8]))
                    for r in group
                ]
                decision = decided.get(first[0], {}).get(item.id)
                differing = disagreeing(kind, opinions, decision)
                if differing:
                    found.append((order[item.id], first[0], item.id, differing))
        names = {c.id: c.name for c in clinics}
        position = {c.id: n for n, c in enumerate(clinics)}
        found.sort(key=lambda f: (position.get(f[1], len(position)), f[0]))
        return [
            Disagreement(
                clinic_id,
                names[clinic_id],
                item_id,
                items[item_id].statement,
                differing,
                items[item_id].unit,
            )
            for _order, clinic_id, item_id, differing in found
            if clinic_id in names
        ]

    # --- scoring ------------------------------------------------------------------------------

    def clinic_answers(
        self, comparison_id: str, rater_id: str | None = None, *, combined: bool = False
    ) -> list[ClinicAnswers]:
        """Every clinic of a comparison as plain scoring input, read in a few queries (never one
        per clinic), in either mode.

        ``combined``: everyone's answers merged with the comparison's rule and decisions
        (``rater_id`` is then ignored), so they score exactly as one person's would.
        """
        with self.db.transaction() as s:
            if combined:
                return self._combined_answers(
                    s, comparison_id, self._combine_rule(s, comparison_id)
                )
            return self._clinic_answers(s, comparison_id, self._rater(rater_id))

    def _clinic_answers(self, s: Session, comparison_id: str, rater_id: str) -> list[ClinicAnswers]:
        clinics = _list_clinics(s, comparison_id)
        rows = s.execute(
            select(Assessment.clinic_id, Answer.item_id, Answer.choice, Answer.number)
            .join(Answer, Answer.assessment_id == Assessment.id)
            .join(Clinic, Clinic.id == Assessment.clinic_id)
            .where(
                Clinic.comparison_id == comparison_id,
                Clinic.deleted_at.is_(None),
                Assessment.rater_id == rater_id,
            )
        )
        choices: dict[str, dict[str, Choice]] = {c.id: {} for c in clinics}
        facts: dict[str, dict[str, float]] = {c.id: {} for c in clinics}
        by_value = Choice._value2member_map_
        for clinic_id, item_id, choice, number in rows:
            if choice is not None:
                known = by_value.get(choice)
                if isinstance(known, Choice):
                    choices[clinic_id][item_id] = known
            if number is not None:
                facts[clinic_id][item_id] = number
        return [ClinicAnswers(c.id, c.name, c.formats, choices[c.id], facts[c.id]) for c in clinics]

    def _combined_answers(self, s: Session, comparison_id: str, rule: Rule) -> list[ClinicAnswers]:
        """Everyone's answers and the decisions, read in one query.

        Scoring runs on every edit, so only items where more than one thing was said go through
        ``kvet.combine``, and only their dates are parsed (most items have a single answer).
        """
        clinics = _list_clinics(s, comparison_id)
        live = (Clinic.comparison_id == comparison_id, Clinic.deleted_at.is_(None))
        said: Any = (
            select(
                Assessment.clinic_id.label("clinic_id"),
                Answer.item_id.label("item_id"),
                Answer.choice,
                Answer.number,
                type_coerce(Answer.answered_at, String),  # parsed later, only when needed
                literal_column("0"),
                Assessment.rater_id,
            )
            .join(Answer, Answer.assessment_id == Assessment.id)
            .join(Clinic, Clinic.id == Assessment.clinic_id)
            .where(*live)
        )
        decided: Any = (
            select(
                DecisionRow.clinic_id,
                DecisionRow.item_id,
                DecisionRow.choice,
                DecisionRow.number,
                type_coerce(DecisionRow.decided_at, String),
                literal_column("1"),
                DecisionRow.decided_by,
            )
            .join(Clinic, Clinic.id == DecisionRow.clinic_id)
            .where(*live)
        )
        # sorted so each item's rows arrive together (see _item_groups)
        query = union_all(said, decided).order_by("clinic_id", "item_id")
        kinds = {item.id: item.kind for item in self.checklist.items}
        by_value = Choice._value2member_map_
        choices: dict[str, dict[str, Choice]] = {c.id: {} for c in clinics}
        facts: dict[str, dict[str, float]] = {c.id: {} for c in clinics}
        for rows in _item_groups(s.execute(query)):
            clinic_id, item_id, choice, number, _when, decided, _by = rows[0]
            if len(rows) > 1 or decided:
                choice, number = _merge(kinds.get(item_id), rows, rule)
            else:  # one person's answer: nothing to merge
                choice = by_value.get(choice) if choice else None
            if isinstance(choice, Choice):
                choices[clinic_id][item_id] = choice
            if number is not None:
                facts[clinic_id][item_id] = number
        return [ClinicAnswers(c.id, c.name, c.formats, choices[c.id], facts[c.id]) for c in clinics]

    def results(
        self,
        comparison_id: str,
        rater_id: str | None = None,
        weights: Weights | None = None,
        *,
        combined: bool = False,
    ) -> tuple[list[ClinicResult], Ranking]:
        """Score every clinic of a comparison with its saved weights (or ``weights``), and rank.

        ``combined``: from everyone's answers together (see ``clinic_answers``).
        """
        with self.db.transaction() as s:
            weights = weights or self._weights(s, comparison_id)
            if combined:
                rule = self._combine_rule(s, comparison_id)
                clinics = self._combined_answers(s, comparison_id, rule)
            else:
                clinics = self._clinic_answers(s, comparison_id, self._rater(rater_id))
        results = Scorer(self.country_checklist, weights).score_all(clinics)
        return results, rank(results)

    # --- backups ------------------------------------------------------------------------------

    def list_backups(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.db.path) if self.db.path else []

    # --- housekeeping -------------------------------------------------------------------------

    def _purge_deleted(self) -> None:
        """Rows deleted in an earlier session can no longer be undone: remove them for good.

        Their assessments and answers go with them (``ON DELETE CASCADE``).
        """
        with self.db.transaction(OPENING) as s:
            s.execute(delete(Clinic).where(Clinic.deleted_at.is_not(None)))
            s.execute(delete(Comparison).where(Comparison.deleted_at.is_not(None)))
