"""The store's API: everything a user can do with their data, as plain calls.

Every call is one transaction, committed before it returns (autosave: there is no Save button).
Edits are recorded for undo. Callers get immutable records, never ORM rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kvet.answers import Choice, option
from kvet.checklist import Checklist, Format, Kind
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
    utcnow,
)
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
MAX_TEXT = 20_000
MAX_NUMBER = 1_000_000_000
DEFAULT_RATER = "Me"
CLINIC_FIELDS = ("name", "address", "phone", "website", "formats", "notes")


@dataclass(frozen=True)
class Change:
    """What changed, so views can refresh just that."""

    what: str  # "comparison", "clinic", "answer", "rater", "settings", "topic", "all"
    comparison_id: str | None = None
    clinic_id: str | None = None
    item_id: str | None = None


Listener = Callable[[Change], None]


def _clean_name(value: str, what: str) -> str:
    value = " ".join(str(value).split())
    if not value:
        raise InvalidValueError(f"The {what} needs a name.")
    if len(value) > MAX_NAME:
        raise InvalidValueError(f"The {what} name is too long (at most {MAX_NAME} characters).")
    return value


def _clean_text(value: str, what: str) -> str:
    value = str(value)
    if len(value) > MAX_TEXT:
        raise InvalidValueError(f"The {what} is too long (at most {MAX_TEXT:,} characters).")
    return value


class Store:
    """A user's kvet data: comparisons, clinics, people, answers, weights and undo history."""

    def __init__(self, database: Database, checklist: Checklist) -> None:
        self.db = database
        self.checklist = checklist
        self.history = UndoHistory()
        self._listeners: list[Listener] = []
        self._changes: dict[int, Change] = {}
        self._purge_deleted()
        self.default_rater()

    @classmethod
    def open(
        cls,
        checklist: Checklist,
        db_path: Path | None = None,
        *,
        url: str | None = None,
        daily_backup: bool = True,
    ) -> Store:
        return cls(open_database(db_path, url=url, daily_backup=daily_backup), checklist)

    def close(self) -> None:
        self.db.close()

    @property
    def path(self) -> Path | None:
        return self.db.path

    # --- notifications ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # --- undo ---------------------------------------------------------------------------------

    def _record(self, edit: Edit, change: Change) -> None:
        self.history.push(edit)
        self._changes[id(edit)] = change

    def undo(self) -> bool:
        return self._replay(self.history.take_undo(), undo=True)

    def redo(self) -> bool:
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
        self._notify(self._changes.get(id(edit), Change("all")))
        return True

    @property
    def can_undo(self) -> bool:
        return self.history.undo_text is not None

    @property
    def can_redo(self) -> bool:
        return self.history.redo_text is not None

    def seal_undo(self) -> None:
        self.history.seal()

    # --- comparisons --------------------------------------------------------------------------

    def list_comparisons(self) -> list[ComparisonInfo]:
        with self.db.transaction() as s:
            counts = dict(
                s.execute(
                    select(Clinic.comparison_id, func.count())
                    .where(Clinic.deleted_at.is_(None))
                    .group_by(Clinic.comparison_id)
                ).tuples()
            )
            rows = s.scalars(
                select(Comparison)
                .where(Comparison.deleted_at.is_(None))
                .order_by(Comparison.created_at, Comparison.name)
            ).all()
            return [ComparisonInfo(c.id, c.name, counts.get(c.id, 0), c.created_at) for c in rows]

    def comparison(self, comparison_id: str) -> ComparisonInfo:
        for info in self.list_comparisons():
            if info.id == comparison_id:
                return info
        raise NotFoundError("That comparison no longer exists.")

    def create_comparison(self, name: str) -> ComparisonInfo:
        name = _clean_name(name, "comparison")
        with self.db.transaction() as s:
            row = Comparison(name=name, settings={})
            s.add(row)
            s.flush()
            info = ComparisonInfo(row.id, row.name, 0, row.created_at)
        self._record(
            Edit(
                f"Create comparison “{name}”",
                _fields_writer(Comparison, info.id),
                {"deleted_at": utcnow()},
                {"deleted_at": None},
            ),
            Change("comparison", info.id),
        )
        self._notify(Change("comparison", info.id))
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
        self._edit_fields(
            Comparison,
            comparison_id,
            {"deleted_at": utcnow()},
            "Delete comparison",
            Change("comparison", comparison_id),
        )

    # --- clinics ------------------------------------------------------------------------------

    def list_clinics(self, comparison_id: str) -> list[ClinicInfo]:
        with self.db.transaction() as s:
            rows = s.scalars(
                select(Clinic)
                .where(Clinic.comparison_id == comparison_id, Clinic.deleted_at.is_(None))
                .order_by(Clinic.position, Clinic.created_at)
            ).all()
            return [_clinic_info(c) for c in rows]

    def clinic(self, clinic_id: str) -> ClinicInfo:
        with self.db.transaction() as s:
            row = s.get(Clinic, clinic_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("That clinic no longer exists.")
            return _clinic_info(row)

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
        self._record(
            Edit(
                f"Add clinic “{info.name}”",
                _fields_writer(Clinic, info.id),
                {"deleted_at": utcnow()},
                {"deleted_at": None},
            ),
            Change("clinic", comparison_id, info.id),
        )
        self._notify(Change("clinic", comparison_id, info.id))
        return info

    def update_clinic(self, clinic_id: str, **fields: Any) -> ClinicInfo:
        values = self._clean_clinic_fields(fields)
        info = self.clinic(clinic_id)
        merge = (
            ("clinic", clinic_id, tuple(sorted(values)))
            if set(values) <= {"notes", "address", "phone", "website", "name"}
            else None
        )
        self._edit_fields(
            Clinic,
            clinic_id,
            values | {"updated_at": utcnow()},
            f"Edit clinic “{info.name}”",
            Change("clinic", info.comparison_id, clinic_id),
            merge_key=merge,
        )
        return self.clinic(clinic_id)

    def delete_clinic(self, clinic_id: str) -> None:
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
                try:
                    values[key] = sorted(Format(f).value for f in value)
                except ValueError as exc:
                    raise InvalidValueError(f"Unknown treatment format: {exc}") from None
            else:
                values[key] = _clean_text(value, key)
        return values

    def _edit_fields(
        self,
        model: Any,
        pk: str,
        values: dict[str, Any],
        text: str,
        change: Change,
        merge_key: Any = None,
    ) -> None:
        with self.db.transaction() as s:
            row = s.get(model, pk)
            if row is None:
                raise NotFoundError("That no longer exists.")
            before = {key: getattr(row, key) for key in values}
            for key, value in values.items():
                setattr(row, key, value)
        self._record(Edit(text, _fields_writer(model, pk), before, values, merge_key), change)
        self._notify(change)

    # --- people -------------------------------------------------------------------------------

    def list_raters(self) -> list[RaterInfo]:
        with self.db.transaction() as s:
            rows = s.scalars(select(Rater).order_by(Rater.created_at, Rater.name)).all()
            return [RaterInfo(r.id, r.name, r.is_default) for r in rows]

    def default_rater(self) -> RaterInfo:
        with self.db.transaction() as s:
            row = s.scalars(select(Rater).where(Rater.is_default.is_(True))).first()
            if row is None:
                row = Rater(name=DEFAULT_RATER, is_default=True)
                s.add(row)
                s.flush()
            return RaterInfo(row.id, row.name, row.is_default)

    def add_rater(self, name: str) -> RaterInfo:
        name = _clean_name(name, "person")
        with self.db.transaction() as s:
            row = Rater(name=name, is_default=False)
            s.add(row)
            s.flush()
            info = RaterInfo(row.id, row.name, False)
        self._notify(Change("rater"))
        return info

    def rename_rater(self, rater_id: str, name: str) -> None:
        self._edit_fields(
            Rater, rater_id, {"name": _clean_name(name, "person")}, "Rename person", Change("rater")
        )

    # --- answers ------------------------------------------------------------------------------

    def answers(self, clinic_id: str, rater_id: str | None = None) -> dict[str, AnswerInfo]:
        rater_id = rater_id or self.default_rater().id
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
            choice=Choice(row.choice) if row.choice else None,
            number=row.number,
            note=row.note,
            origin=Origin(row.origin),
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
        if choice is not None:
            option(item.kind, Choice(choice))  # raises for an answer that does not fit the item
        values: dict[str, Any] = {
            "choice": Choice(choice).value if choice else None,
            "answered_at": utcnow(),
        }
        if origin is not None:
            values["origin"] = Origin(origin).value
        self._edit_answer(clinic_id, item_id, values, rater_id, f"Answer “{item.statement}”")

    def set_fact(
        self, clinic_id: str, item_id: str, number: float | None, *, rater_id: str | None = None
    ) -> None:
        item = self._item(item_id)
        if item.kind is not Kind.FACT:
            raise InvalidValueError("Only facts such as prices take a number.")
        if number is not None:
            try:
                number = float(number)
            except (TypeError, ValueError):
                raise InvalidValueError("Please enter a number, such as 450.") from None
            if not (0 <= number <= MAX_NUMBER) or number != number:
                raise InvalidValueError(
                    f"“{item.statement}” must be a number from 0 to {MAX_NUMBER:,}."
                )
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
        note = _clean_text(note, "note")
        rater_id = rater_id or self.default_rater().id
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
        self._edit_answer(
            clinic_id,
            item_id,
            {"origin": Origin(origin).value},
            rater_id,
            "Change where an answer came from",
        )

    def _item(self, item_id: str) -> Any:
        try:
            return self.checklist.item(item_id)
        except KeyError:
            raise InvalidValueError(f"Unknown checklist item {item_id!r}.") from None

    def _edit_answer(
        self,
        clinic_id: str,
        item_id: str,
        values: dict[str, Any],
        rater_id: str | None,
        text: str,
        merge_key: Any = None,
    ) -> None:
        rater_id = rater_id or self.default_rater().id
        with self.db.transaction() as s:
            clinic = s.get(Clinic, clinic_id)
            if clinic is None or clinic.deleted_at is not None:
                raise NotFoundError("That clinic no longer exists.")
            comparison_id = clinic.comparison_id
            assessment = _get_assessment(s, clinic_id, rater_id, self.checklist.version)
            row = s.scalars(
                select(Answer).where(
                    Answer.assessment_id == assessment.id, Answer.item_id == item_id
                )
            ).first()
            before = _answer_snapshot(row)
            after = {**(before or {}), **values}
            _write_answer_row(s, assessment, item_id, after)
            assessment.checklist_version = self.checklist.version
        writer = _answer_writer(clinic_id, rater_id, item_id, self.checklist.version)
        change = Change("answer", comparison_id, clinic_id, item_id)
        self._record(Edit(text, writer, before, after, merge_key), change)
        self._notify(change)

    # --- walkthrough position -----------------------------------------------------------------

    def set_position(self, clinic_id: str, item_id: str, rater_id: str | None = None) -> None:
        """Remember where the walkthrough is, so it resumes there. Not an undoable edit."""
        rater_id = rater_id or self.default_rater().id
        with self.db.transaction() as s:
            _get_assessment(s, clinic_id, rater_id, self.checklist.version).last_item_id = item_id

    def position(self, clinic_id: str, rater_id: str | None = None) -> str | None:
        rater_id = rater_id or self.default_rater().id
        with self.db.transaction() as s:
            return s.scalar(
                select(Assessment.last_item_id).where(
                    Assessment.clinic_id == clinic_id, Assessment.rater_id == rater_id
                )
            )

    # --- weights and settings -----------------------------------------------------------------

    def weights(self, comparison_id: str) -> Weights:
        with self.db.transaction() as s:
            row = s.get(Comparison, comparison_id)
            if row is None:
                raise NotFoundError("That comparison no longer exists.")
            return weights_from_dict(row.settings or {})

    def set_weights(self, comparison_id: str, weights: Weights, *, merge: bool = True) -> None:
        """Save weights; a run of slider moves undoes as one step."""
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
        rater_id = rater_id or self.default_rater().id
        with self.db.transaction() as s:
            rows = s.scalars(select(PersonalTopic).where(PersonalTopic.rater_id == rater_id)).all()
            return {r.topic_id: TopicInfo(r.topic_id, r.applies, r.note) for r in rows}

    def set_personal_topic(
        self, topic_id: str, applies: bool, note: str = "", *, rater_id: str | None = None
    ) -> None:
        if topic_id not in {t.id for t in self.checklist.personal_topics}:
            raise InvalidValueError(f"Unknown personal topic {topic_id!r}.")
        note = _clean_text(note, "note")
        rater_id = rater_id or self.default_rater().id
        with self.db.transaction() as s:
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
        with self.db.transaction() as s:
            row = s.get(Preference, key)
            if row is None:
                s.add(Preference(key=key, value=value))
            else:
                row.value = value

    # --- scoring ------------------------------------------------------------------------------

    def clinic_answers(
        self, comparison_id: str, rater_id: str | None = None
    ) -> list[ClinicAnswers]:
        """Every clinic of a comparison as plain scoring input, read in two queries."""
        rater_id = rater_id or self.default_rater().id
        clinics = self.list_clinics(comparison_id)
        with self.db.transaction() as s:
            rows = (
                s.execute(
                    select(Assessment.clinic_id, Answer.item_id, Answer.choice, Answer.number)
                    .join(Answer, Answer.assessment_id == Assessment.id)
                    .join(Clinic, Clinic.id == Assessment.clinic_id)
                    .where(Clinic.comparison_id == comparison_id, Assessment.rater_id == rater_id)
                )
                .tuples()
                .all()
            )
        choices: dict[str, dict[str, Choice]] = {c.id: {} for c in clinics}
        facts: dict[str, dict[str, float]] = {c.id: {} for c in clinics}
        for clinic_id, item_id, choice, number in rows:
            if clinic_id not in choices:
                continue
            if choice:
                choices[clinic_id][item_id] = Choice(choice)
            if number is not None:
                facts[clinic_id][item_id] = number
        return [ClinicAnswers(c.id, c.name, c.formats, choices[c.id], facts[c.id]) for c in clinics]

    def results(
        self, comparison_id: str, rater_id: str | None = None, weights: Weights | None = None
    ) -> tuple[list[ClinicResult], Ranking]:
        weights = weights or self.weights(comparison_id)
        results = Scorer(self.checklist, weights).score_all(
            self.clinic_answers(comparison_id, rater_id)
        )
        return results, rank(results)

    # --- backups ------------------------------------------------------------------------------

    def list_backups(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.db.path) if self.db.path else []

    # --- housekeeping -------------------------------------------------------------------------

    def _purge_deleted(self) -> None:
        """Rows deleted in an earlier session can no longer be undone: remove them for good."""
        with self.db.transaction() as s:
            for model in (Clinic, Comparison):
                for row in s.scalars(select(model).where(model.deleted_at.is_not(None))).all():
                    s.delete(row)


def _clinic_info(row: Clinic) -> ClinicInfo:
    return ClinicInfo(
        id=row.id,
        comparison_id=row.comparison_id,
        name=row.name,
        address=row.address,
        phone=row.phone,
        website=row.website,
        formats=frozenset(Format(f) for f in row.formats or () if f in Format.__members__.values()),
        notes=row.notes,
        position=row.position,
    )


def _fields_writer(model: Any, pk: str) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any]) -> None:
        row = s.get(model, pk)
        if row is None:
            raise NotFoundError("That no longer exists, so the change cannot be undone.")
        for key, value in values.items():
            setattr(row, key, value)

    return write


def _get_assessment(
    s: Session, clinic_id: str, rater_id: str, version: str | None = None
) -> Assessment:
    row = s.scalars(
        select(Assessment).where(Assessment.clinic_id == clinic_id, Assessment.rater_id == rater_id)
    ).first()
    if row is None:
        row = Assessment(clinic_id=clinic_id, rater_id=rater_id, checklist_version=version or "")
        s.add(row)
        s.flush()
    return row


ANSWER_FIELDS = ("choice", "number", "note", "origin", "answered_at")


def _answer_snapshot(row: Answer | None) -> dict[str, Any] | None:
    return None if row is None else {key: getattr(row, key) for key in ANSWER_FIELDS}


def _write_answer_row(
    s: Session, assessment: Assessment, item_id: str, values: dict[str, Any] | None
) -> None:
    row = s.scalars(
        select(Answer).where(Answer.assessment_id == assessment.id, Answer.item_id == item_id)
    ).first()
    if values is None:
        if row is not None:
            s.delete(row)
        return
    if row is None:
        row = Answer(assessment_id=assessment.id, item_id=item_id)
        s.add(row)
    for key, value in values.items():
        setattr(row, key, value)


def _answer_writer(
    clinic_id: str, rater_id: str, item_id: str, version: str
) -> Callable[[Session, Any], None]:
    def write(s: Session, values: dict[str, Any] | None) -> None:
        _write_answer_row(s, _get_assessment(s, clinic_id, rater_id, version), item_id, values)

    return write


# --- weights as stored JSON ---------------------------------------------------------------------


def weights_to_dict(weights: Weights) -> dict[str, Any]:
    plan = weights.cost_plan
    return {
        "sections": dict(weights.sections),
        "items": dict(weights.items),
        "dealbreakers": dict(weights.dealbreakers),
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
        raw = data.get(key) or {}
        return {
            str(k): float(v)
            for k, v in raw.items()
            if isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 10
        }

    dealbreakers = {
        str(k): bool(v) for k, v in (data.get("dealbreakers") or {}).items() if isinstance(v, bool)
    }
    budget = None
    raw_budget = data.get("budget")
    if isinstance(raw_budget, dict) and isinstance(raw_budget.get("first_year"), int | float):
        budget = Budget(
            float(raw_budget["first_year"]),
            float(raw_budget.get("weight", 2.0)),
            bool(raw_budget.get("scored", True)),
        )
    plan = CostPlan()
    raw_plan = data.get("cost_plan")
    if isinstance(raw_plan, dict):
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
