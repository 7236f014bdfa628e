"""The store's API: everything a user can do with their data, as plain calls.

Every call is one transaction, committed before it returns (autosave: there is no Save button).
A call that fails changes nothing: bad input raises ``InvalidValueError`` before any write, and a
database failure (a full disk, say) rolls the whole call back and raises ``StorageError``.
Edits are recorded for undo. Callers get immutable records, never ORM rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, TypeGuard

from sqlalchemy import String, delete, func, literal_column, select, type_coerce, union_all
from sqlalchemy.orm import Session

from kvet.answers import OPTIONS, Choice
from kvet.checklist import Checklist, Format, Item, Kind
from kvet.combine import Decision, Disagreement, Opinion, Rule, caution, combine, disagreeing
from kvet.costs import CostPlan
from kvet.ranking import Ranking, rank
from kvet.scoring import Budget, ClinicAnswers, ClinicResult, Scorer, Weights
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
    Origin,
    RaterInfo,
    TopicInfo,
)
from kvet.store.undo import Edit, UndoHistory

MAX_NAME = 200
MAX_PERSON_NAME = 100
# Clinic fields with a shorter limit than free text (the database columns, and the file format).
FIELD_LIMITS = {"phone": 100, "website": 500}
MAX_TEXT = 20_000
MAX_KEY = 64
MAX_NUMBER = 1_000_000_000
# Upper bounds for facts, by unit: anything above is a typing mistake, not a price.
FACT_LIMITS: dict[str, float] = {"USD": 1_000_000, "sessions": 1_000, "minutes": 10_000}
MAX_WEIGHT = 10.0
DEFAULT_RATER = "Me"
PARTITION_ROWS = 2000  # rows fetched at a time when merging everyone's answers
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


def _clean_name(value: object, what: str, limit: int = MAX_NAME) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(f"The {what} name must be text.")
    value = " ".join(value.split())
    if not value:
        raise InvalidValueError(f"The {what} needs a name.")
    if len(value) > limit:
        raise InvalidValueError(f"The {what} name is too long (at most {limit} characters).")
    return value


def _clean_text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(f"The {what} must be text.")
    if len(value) > MAX_TEXT:
        raise InvalidValueError(f"The {what} is too long (at most {MAX_TEXT:,} characters).")
    if "\x00" in value:
        raise InvalidValueError(f"The {what} contains a character kvet cannot store.")
    return value


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _clean_weight(value: object, what: str) -> float:
    if not _is_number(value) or not math.isfinite(value):
        raise InvalidValueError(f"The weight of {what} must be a number from 0 to 10.")
    number = float(value)
    if not 0 <= number <= MAX_WEIGHT:
        raise InvalidValueError(f"The weight of {what} must be from 0 to 10, not {number:g}.")
    return number


class Store:
    """A user's kvet data: comparisons, clinics, people, answers, weights and undo history."""

    def __init__(self, database: Database, checklist: Checklist) -> None:
        self.db = database
        self.checklist = checklist
        self.history = UndoHistory()
        self._listeners: list[Listener] = []
        self._default_rater_id = ""
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
    ) -> Store:
        """Open the user's database (see ``kvet.store.connection.open_database``)."""
        database = open_database(db_path, url=url, daily_backup=daily_backup)
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
                    raise InvalidValueError(
                        f"The {key} is too long (at most {limit} characters)."
                    )
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
        if topic_id not in {t.id for t in self.checklist.personal_topics}:
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

    def preference(self, key: str, default: str = "") -> str:
        with self.db.transaction() as s:
            row = s.get(Preference, key)
            return row.value if row else default

    def set_preference(self, key: str, value: str) -> None:
        if not isinstance(key, str) or not key or len(key) > MAX_KEY:
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
        Items retired from the checklist are left out: they no longer count.
        """
        items = self.checklist.items_by_id
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
        results = Scorer(self.checklist, weights).score_all(clinics)
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


# --- helpers: rows and validation ---------------------------------------------------------------


def _list_clinics(s: Session, comparison_id: str) -> list[ClinicInfo]:
    rows = s.scalars(
        select(Clinic)
        .where(Clinic.comparison_id == comparison_id, Clinic.deleted_at.is_(None))
        .order_by(Clinic.position, Clinic.created_at)
    ).all()
    return [_clinic_info(c) for c in rows]


def _live_clinic(s: Session, clinic_id: str) -> Clinic:
    row = s.get(Clinic, clinic_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("That clinic no longer exists.")
    return row


def _check_rater(s: Session, rater_id: str) -> None:
    if s.get(Rater, rater_id) is None:
        raise NotFoundError("That person no longer exists.")


def _live_clinic_ids(comparison_id: str) -> Any:
    return select(Clinic.id).where(
        Clinic.comparison_id == comparison_id, Clinic.deleted_at.is_(None)
    )


def _item_groups(result: Any) -> Iterator[list[Any]]:
    """Rows sorted by (clinic, item), handed out one item at a time as they are fetched.

    Holding every row of a big comparison at once would make Python's garbage collector scan
    them again and again; this keeps only one item's rows alive.
    """
    group: list[Any] = []
    for rows in result.partitions(PARTITION_ROWS):
        for row in rows:
            if group and (row[1] != group[0][1] or row[0] != group[0][0]):
                yield group
                group = []
            group.append(row)
    if group:
        yield group


def _opinion_rows(where: Any) -> Any:
    """Everyone's answers, each item's together, people in the order they were added.

    Dates stay text until needed: most answers are never compared with anyone else's.
    """
    return (
        select(
            Assessment.clinic_id,
            Answer.item_id,
            Assessment.rater_id,
            Rater.name,
            Answer.choice,
            Answer.number,
            Answer.note,
            Answer.origin,
            type_coerce(Answer.answered_at, String),
        )
        .join(Answer, Answer.assessment_id == Assessment.id)
        .join(Rater, Rater.id == Assessment.rater_id)
        .where(where)
        .where((Answer.choice.is_not(None)) | (Answer.number.is_not(None)) | (Answer.note != ""))
        .order_by(Assessment.clinic_id, Answer.item_id, Rater.created_at, Rater.name, Rater.id)
    )


def _opinions(s: Session, where: Any) -> dict[str, dict[str, list[Opinion]]]:
    """Opinions by clinic, then item. An answer that was cleared (nothing said) is left out."""
    found: dict[str, dict[str, list[Opinion]]] = {}
    for clinic_id, item_id, rater_id, name, choice, number, note, origin, when in s.execute(
        _opinion_rows(where)
    ):
        found.setdefault(clinic_id, {}).setdefault(item_id, []).append(
            Opinion(rater_id, name, _choice(choice), number, note, _origin(origin), as_utc(when))
        )
    return found


def _decisions(s: Session, where: Any) -> dict[str, dict[str, Decision]]:
    rows = s.execute(
        select(DecisionRow, Rater.name).join(Rater, Rater.id == DecisionRow.decided_by).where(where)
    )
    found: dict[str, dict[str, Decision]] = {}
    for row, name in rows:
        found.setdefault(row.clinic_id, {})[row.item_id] = _decision(row, name)
    return found


def _decision(row: DecisionRow, name: str) -> Decision:
    return Decision(
        clinic_id=row.clinic_id,
        item_id=row.item_id,
        choice=_choice(row.choice),
        number=row.number,
        decided_by=row.decided_by,
        decided_by_name=name,
        decided_at=row.decided_at,
        note=row.note,
    )


class _Said(NamedTuple):
    choice: Choice | None
    number: float | None
    answered_at: datetime


def _merge(kind: Kind | None, rows: list[Any], rule: Rule) -> tuple[Any, float | None]:
    """Combine the rows read for one item: (clinic, item, choice, number, when, decided?, who).

    The same result as ``kvet.combine.combine`` (tests/test_store_together.py checks it), with
    shortcuts that skip parsing dates when they cannot matter.
    """
    first = rows[0]
    decided = differs = False
    for row in rows:
        decided = decided or bool(row[5])
        differs = differs or row[2] != first[2] or row[3] != first[3]
    if not differs and not decided:
        return _choice(first[2]), first[3]  # everyone said the same, and nothing was decided
    if kind is None:  # retired from the checklist, so never scored: keep what was said last
        last = max(rows, key=lambda r: as_utc(r[4]))
        return _choice(last[2]), last[3]
    if rule is Rule.CAUTIOUS and not decided:
        # dates only break ties, and tied answers are the same answer
        best: Any = None
        lowest = 0.0
        for row in rows:
            level = caution(kind, _choice(row[2]), row[3])
            if level is not None and (best is None or level < lowest):
                best, lowest = row, level
        if best is not None:
            return (None, best[3]) if kind is Kind.FACT else (_choice(best[2]), None)
    said = [_Said(_choice(r[2]), r[3], as_utc(r[4])) for r in rows if not r[5]]
    decision = next(
        (Decision(r[0], r[1], _choice(r[2]), r[3], r[6], "", as_utc(r[4])) for r in rows if r[5]),
        None,
    )
    return combine(kind, said, rule, decision)


def _rule(value: str | None) -> Rule:
    known = Rule._value2member_map_.get(value) if value else None
    return known if isinstance(known, Rule) else Rule.CAUTIOUS


def _clinic_info(row: Clinic) -> ClinicInfo:
    known = Format._value2member_map_
    return ClinicInfo(
        id=row.id,
        comparison_id=row.comparison_id,
        name=row.name,
        address=row.address,
        phone=row.phone,
        website=row.website,
        formats=frozenset(Format(f) for f in row.formats or () if f in known),
        notes=row.notes,
        position=row.position,
    )


def _clean_formats(value: object) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidValueError("Formats must be a list such as [Format.IV].")
    try:
        return sorted({Format(f).value for f in value})
    except ValueError:
        known = ", ".join(f.value for f in Format)
        raise InvalidValueError(f"Unknown treatment format (known: {known}).") from None


def _choice(value: str | None) -> Choice | None:
    known = Choice._value2member_map_.get(value) if value else None
    return known if isinstance(known, Choice) else None


def _origin(value: str) -> Origin:
    known = Origin._value2member_map_.get(value)
    return known if isinstance(known, Origin) else Origin.PHONE


def _clean_origin(origin: object) -> Origin:
    try:
        return Origin(str(origin))
    except ValueError:
        known = ", ".join(o.value for o in Origin)
        raise InvalidValueError(f"Unknown answer source {origin!r} (known: {known}).") from None


def _fitting_choice(item: Item, choice: object) -> Choice:
    allowed = [o.choice for o in OPTIONS[item.kind]]
    try:
        value = Choice(choice) if isinstance(choice, str) else None
    except ValueError:
        value = None
    if value is None or value not in allowed:
        takes = ", ".join(c.value for c in allowed) if allowed else "a number"
        raise InvalidValueError(f"“{item.statement}” takes {takes}, not {choice!r}.")
    return value


def _clean_fact(item: Item, number: object) -> float:
    limit = FACT_LIMITS.get(item.unit, MAX_NUMBER)
    message = f"“{item.statement}” must be a number from 0 to {limit:,.0f}"
    if _is_number(number):
        value = float(number)
    else:
        try:
            value = float(str(number).strip())
        except ValueError:
            raise InvalidValueError(f"{message}, such as 450.") from None
    if not math.isfinite(value) or not 0 <= value <= limit:
        raise InvalidValueError(f"{message} ({item.unit}), not {value:g}.")
    return value


def check_weights(weights: Weights) -> Weights:
    """Refuse weights that make no sense, before they are stored."""
    for key, value in weights.sections.items():
        _clean_weight(value, f"section {key!r}")
    for key, value in weights.items.items():
        _clean_weight(value, f"item {key!r}")
    for key, value in weights.dealbreakers.items():
        if not isinstance(value, bool):
            raise InvalidValueError(f"The dealbreaker choice for {key!r} must be yes or no.")
    budget = weights.budget
    if budget is not None:
        first_year = budget.first_year
        if (
            not _is_number(first_year)
            or not math.isfinite(first_year)
            or not 0 <= first_year <= MAX_NUMBER
        ):
            raise InvalidValueError(
                f"The yearly budget must be an amount from 0 to {MAX_NUMBER:,}."
            )
        _clean_weight(budget.weight, "the budget")
    return weights


def _fields_writer(model: Any, pk: str) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any]) -> None:
        row = s.get(model, pk)
        if row is None:
            raise NotFoundError("That no longer exists, so the change cannot be undone.")
        for key, value in values.items():
            setattr(row, key, value)

    return write


def _get_assessment(s: Session, clinic_id: str, rater_id: str, version: str) -> Assessment:
    row = s.scalars(
        select(Assessment).where(Assessment.clinic_id == clinic_id, Assessment.rater_id == rater_id)
    ).first()
    if row is None:
        row = Assessment(clinic_id=clinic_id, rater_id=rater_id, checklist_version=version)
        s.add(row)
        s.flush()
    return row


ANSWER_FIELDS = ("choice", "number", "note", "origin", "answered_at")


def _answer_row(s: Session, assessment_id: str, item_id: str) -> Answer | None:
    return s.scalars(
        select(Answer).where(Answer.assessment_id == assessment_id, Answer.item_id == item_id)
    ).first()


def _changes_nothing(before: dict[str, Any] | None, values: dict[str, Any]) -> bool:
    if before is None:  # no answer yet: only something worth keeping makes one
        return "origin" not in values and all(
            values.get(key) in (None, "") for key in ("choice", "number", "note")
        )
    return all(before[key] == value for key, value in values.items())


def _answer_snapshot(row: Answer | None) -> dict[str, Any] | None:
    return None if row is None else {key: getattr(row, key) for key in ANSWER_FIELDS}


def _write_answer_row(
    s: Session, assessment: Assessment, item_id: str, values: dict[str, Any] | None
) -> Answer | None:
    row = _answer_row(s, assessment.id, item_id)
    if values is None:
        if row is not None:
            s.delete(row)
        return None
    if row is None:
        row = Answer(assessment_id=assessment.id, item_id=item_id)
        s.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    return row


def _answer_writer(
    clinic_id: str, rater_id: str, item_id: str, version: str
) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any] | None) -> None:
        _write_answer_row(s, _get_assessment(s, clinic_id, rater_id, version), item_id, values)

    return write


DECISION_FIELDS = ("choice", "number", "note", "decided_by", "decided_at")


def _decision_row(s: Session, clinic_id: str, item_id: str) -> DecisionRow | None:
    return s.scalars(
        select(DecisionRow).where(
            DecisionRow.clinic_id == clinic_id, DecisionRow.item_id == item_id
        )
    ).first()


def _decision_snapshot(row: DecisionRow | None) -> dict[str, Any] | None:
    return None if row is None else {key: getattr(row, key) for key in DECISION_FIELDS}


def _write_decision_row(
    s: Session, clinic_id: str, item_id: str, values: dict[str, Any] | None
) -> None:
    row = _decision_row(s, clinic_id, item_id)
    if values is None:
        if row is not None:
            s.delete(row)
        return
    if row is None:
        row = DecisionRow(clinic_id=clinic_id, item_id=item_id)
        s.add(row)
    for key, value in values.items():
        setattr(row, key, value)


def _decision_writer(clinic_id: str, item_id: str) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any] | None) -> None:
        _write_decision_row(s, clinic_id, item_id, values)

    return write


# --- weights as stored JSON ---------------------------------------------------------------------


def weights_to_dict(weights: Weights) -> dict[str, Any]:
    plan = weights.cost_plan
    return {
        "sections": {str(k): float(v) for k, v in weights.sections.items()},
        "items": {str(k): float(v) for k, v in weights.items.items()},
        "dealbreakers": {str(k): bool(v) for k, v in weights.dealbreakers.items()},
        "budget": None
        if weights.budget is None
        else {
            "first_year": weights.budget.first_year,
            "weight": weights.budget.weight,
            "scored": weights.budget.scored,
        },
        "cost_plan": {
            "induction_sessions": plan.induction_sessions,
            "induction_months": plan.induction_months,
            "maintenance_sessions_per_month": plan.maintenance_sessions_per_month,
        },
    }


def weights_from_dict(data: Mapping[str, Any]) -> Weights:
    """Lenient on read: a value that does not make sense falls back to the default."""

    def numbers(key: str) -> dict[str, float]:
        raw = data.get(key)
        if not isinstance(raw, Mapping):
            return {}
        return {
            str(k): float(v)
            for k, v in raw.items()
            if _is_number(v) and 0 <= v <= MAX_WEIGHT  # NaN fails the comparison too
        }

    raw_dealbreakers = data.get("dealbreakers")
    dealbreakers = (
        {str(k): v for k, v in raw_dealbreakers.items() if isinstance(v, bool)}
        if isinstance(raw_dealbreakers, Mapping)
        else {}
    )
    budget = None
    raw_budget = data.get("budget")
    if isinstance(raw_budget, Mapping):
        first_year = raw_budget.get("first_year")
        weight = raw_budget.get("weight", 2.0)
        if _is_number(first_year) and 0 <= first_year <= MAX_NUMBER:
            budget = Budget(
                float(first_year),
                float(weight) if _is_number(weight) and 0 <= weight <= MAX_WEIGHT else 2.0,
                bool(raw_budget.get("scored", True)),
            )
    plan = CostPlan()
    raw_plan = data.get("cost_plan")
    if isinstance(raw_plan, Mapping):
        try:
            plan = replace(
                plan,
                **{
                    k: v
                    for k, v in raw_plan.items()
                    if k
                    in {"induction_sessions", "induction_months", "maintenance_sessions_per_month"}
                },
            )
        except (TypeError, ValueError):
            plan = CostPlan()
    return Weights(numbers("sections"), numbers("items"), dealbreakers, budget, plan)
