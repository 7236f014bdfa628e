"""Importing a comparison file: plan first (nothing written), then apply in one transaction.

A family member's answers arrive as their own person. Clinics are matched by their stable id.
Nothing already stored is overwritten silently: every difference is a ``Conflict`` the user
settles, and only the ones they choose to take from the file are applied. Their answers are
never a conflict with yours, since they are theirs; where they differ from yours, the import
creates disagreements, which ``disagreements_created`` lists so the family can settle them.
Decisions in the file are added like answers (a different decision already stored is a
``Conflict``); the combining rule comes with a new comparison, and an existing one keeps its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kvet.answers import AnswerError, Choice, label, option
from kvet.checklist import Kind
from kvet.combine import Disagreement
from kvet.exchange.errors import ExchangeError
from kvet.exchange.fileformat import AnswerDoc, ComparisonFile, DecisionDoc
from kvet.store import backups
from kvet.store.api import Store
from kvet.store.errors import NotFoundError
from kvet.store.models import (
    Answer,
    Assessment,
    Clinic,
    Comparison,
    Decision,
    PersonalTopic,
    Rater,
    new_id,
    utcnow,
)

CLINIC_FIELD_NAMES = {
    "name": "name",
    "address": "address",
    "phone": "phone",
    "website": "website",
    "notes": "notes",
    "formats": "treatments offered",
}


@dataclass(frozen=True)
class Conflict:
    key: str
    clinic_name: str
    what: str
    mine: str
    theirs: str

    def sentence(self) -> str:
        return (f"{self.clinic_name}, {self.what}: yours says “{self.mine}”, "
                f"the file says “{self.theirs}”.")


@dataclass(frozen=True)
class ImportPlan:
    document: ComparisonFile
    into: str | None
    new_clinics: tuple[str, ...]
    matched_clinics: tuple[str, ...]
    new_people: tuple[str, ...]
    answers_added: int
    conflicts: tuple[Conflict, ...]
    clinic_ids: dict[str, str] = field(default_factory=dict)  # file id -> id to store under
    comparison_id: str = ""
    decisions_added: int = 0

    def summary(self) -> str:
        parts = [
            f"{len(self.new_clinics)} new clinic(s)" if self.new_clinics else "",
            f"{len(self.matched_clinics)} clinic(s) you already have" if self.matched_clinics
            else "",
            f"{self.answers_added} answer(s) to add",
            f"{self.decisions_added} decision(s) you settled together" if self.decisions_added
            else "",
            f"answers from {', '.join(self.new_people)}" if self.new_people else "",
            f"{len(self.conflicts)} difference(s) for you to settle" if self.conflicts else
            "no differences with what you have",
        ]
        return "This file brings " + "; ".join(p for p in parts if p) + "."


def _answer_text(store: Store, item_id: str, choice: str | None, number: float | None,
                 note: str) -> str:
    item = store.checklist.items_by_id.get(item_id)
    if number is not None:
        value = f"{number:,.0f}" + (f" {item.unit}" if item else "")
    elif choice and item is not None and item.kind is not Kind.FACT:
        try:
            value = label(item.kind, Choice(choice))
        except ValueError:
            value = choice
    else:
        value = choice or "not answered"
    return f"{value} — {note}" if note else value


def check_answers(store: Store, document: ComparisonFile) -> None:
    """Answers and decisions must fit their items; an unknown item is kept as retired."""
    items = store.checklist.items_by_id
    given: list[AnswerDoc | DecisionDoc] = [
        answer for assessment in document.assessments for answer in assessment.answers]
    for answer in [*given, *document.decisions]:
        item = items.get(answer.item_id)
        if item is None:
            continue
        if answer.choice is not None:
            try:
                option(item.kind, answer.choice)
            except AnswerError:
                raise ExchangeError(
                    f"The file has an answer that does not fit the question "
                    f"“{item.statement}” ({answer.choice.value})."
                ) from None
        if answer.number is not None and item.kind is not Kind.FACT:
            raise ExchangeError(f"The file gives a number for “{item.statement}”.")


def plan_import(store: Store, document: ComparisonFile, into: str | None = None) -> ImportPlan:
    """Work out what an import would do. Reads only; the database is not changed."""
    check_answers(store, document)
    with store.db.transaction() as s:
        if into is not None:
            target = s.get(Comparison, into)
            if target is None or target.deleted_at is not None:
                raise NotFoundError("The comparison to import into no longer exists.")
        comparison_id = into or _fresh_id(s, Comparison, document.comparison.id)
        existing_raters = {r.id for r in s.scalars(select(Rater))}
        clinic_ids: dict[str, str] = {}
        new_clinics, matched = [], []
        conflicts: list[Conflict] = []
        answers_added = 0
        for clinic in document.clinics:
            row = s.get(Clinic, clinic.id)
            if into is not None and row is not None and row.comparison_id == into \
                    and row.deleted_at is None:
                clinic_ids[clinic.id] = row.id
                matched.append(row.name)
                for name, what in CLINIC_FIELD_NAMES.items():
                    mine, theirs = getattr(row, name), getattr(clinic, name)
                    if name == "formats":
                        mine, theirs = sorted(mine or []), sorted(f.value for f in theirs)
                    if mine != theirs:
                        conflicts.append(Conflict(
                            f"clinic:{row.id}:{name}", row.name, f"the clinic's {what}",
                            _show(mine), _show(theirs)))
            else:
                clinic_ids[clinic.id] = clinic.id if row is None else str(uuid.uuid4())
                new_clinics.append(clinic.name)
        names = {c.id: c.name for c in document.clinics}
        for assessment in document.assessments:
            target_clinic = clinic_ids[assessment.clinic_id]
            existing: dict[str, Answer] = {}
            if assessment.rater_id in existing_raters:
                rows = s.scalars(select(Answer).join(Assessment).where(
                    Assessment.clinic_id == target_clinic,
                    Assessment.rater_id == assessment.rater_id))
                existing = {a.item_id: a for a in rows}
            for answer in assessment.answers:
                mine = existing.get(answer.item_id)
                if mine is None:
                    answers_added += 1
                elif _differs(mine, answer):
                    item = store.checklist.items_by_id.get(answer.item_id)
                    conflicts.append(Conflict(
                        f"answer:{target_clinic}:{assessment.rater_id}:{answer.item_id}",
                        names[assessment.clinic_id],
                        f"“{item.statement if item else answer.item_id}”",
                        _answer_text(store, mine.item_id, mine.choice, mine.number, mine.note),
                        _answer_text(store, answer.item_id, answer.choice, answer.number,
                                     answer.note)))
        decisions_added = 0
        their_names = {r.id: r.name for r in document.raters}
        for decision in document.decisions:
            target_clinic = clinic_ids[decision.clinic_id]
            held = s.scalars(select(Decision).where(
                Decision.clinic_id == target_clinic, Decision.item_id == decision.item_id)).first()
            if held is None:
                decisions_added += 1
            elif _decision_differs(held, decision):
                item = store.checklist.items_by_id.get(decision.item_id)
                by = s.get(Rater, held.decided_by)
                conflicts.append(Conflict(
                    f"decision:{target_clinic}:{decision.item_id}",
                    names[decision.clinic_id],
                    f"what you decided together on "
                    f"“{item.statement if item else decision.item_id}”",
                    _answer_text(store, held.item_id, held.choice, held.number, held.note)
                    + (f" (decided by {by.name})" if by else ""),
                    _answer_text(store, decision.item_id,
                                 decision.choice.value if decision.choice else None,
                                 decision.number, decision.note)
                    + f" (decided by {their_names.get(decision.decided_by, 'someone')})"))
        new_people = tuple(r.name for r in document.raters if r.id not in existing_raters)
        return ImportPlan(document, into, tuple(new_clinics), tuple(matched), new_people,
                          answers_added, tuple(conflicts), clinic_ids, comparison_id,
                          decisions_added)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) or "none"
    return str(value) or "empty"


def _differs(mine: Answer, theirs: AnswerDoc) -> bool:
    return (mine.choice or None, mine.number, mine.note) != (
        theirs.choice.value if theirs.choice else None, theirs.number, theirs.note)


def _decision_differs(mine: Decision, theirs: DecisionDoc) -> bool:
    return (mine.choice or None, mine.number, mine.note) != (
        theirs.choice.value if theirs.choice else None, theirs.number, theirs.note)


def _fresh_id(s: Session, model: Any, wanted: str) -> str:
    return wanted if s.get(model, wanted) is None else str(uuid.uuid4())


def apply_import(store: Store, plan: ImportPlan, take_theirs: Collection[str] = ()) -> str:
    """Write the planned import in one transaction. Returns the comparison id.

    ``take_theirs`` holds the keys of the conflicts where the file's version should win; every
    other conflict keeps what is already stored.
    """
    document = plan.document
    chosen = set(take_theirs)
    if plan.into is not None and store.db.path is not None:
        backups.safety_copy(store.db.path, "before-import")
    with store.db.transaction() as s:
        if plan.into is None:
            s.add(Comparison(id=plan.comparison_id, name=document.comparison.name,
                             settings=dict(document.comparison.settings),
                             combine_rule=document.comparison.combine_rule.value))
        taken = {r.name for r in s.scalars(select(Rater))}
        for rater in document.raters:
            if s.get(Rater, rater.id) is None:
                name = rater.name if rater.name not in taken else f"{rater.name} (imported)"
                s.add(Rater(id=rater.id, name=name[:100], is_default=False))
                taken.add(name)
        s.flush()
        for clinic in document.clinics:
            target_id = plan.clinic_ids[clinic.id]
            row = s.get(Clinic, target_id)
            fields = {"name": clinic.name, "address": clinic.address, "phone": clinic.phone,
                      "website": clinic.website, "notes": clinic.notes,
                      "formats": sorted(f.value for f in clinic.formats)}
            if row is None or row.comparison_id != plan.comparison_id:
                s.add(Clinic(id=target_id, comparison_id=plan.comparison_id,
                             position=clinic.position, **fields))
            else:
                for name, value in fields.items():
                    if f"clinic:{row.id}:{name}" in chosen:
                        setattr(row, name, value)
                        row.updated_at = utcnow()
        s.flush()
        # New answers go in as one batch insert: an ORM object each made a large import slow.
        new_rows: list[dict[str, object]] = []
        for assessment in document.assessments:
            clinic_id = plan.clinic_ids[assessment.clinic_id]
            held = s.scalars(select(Assessment).where(
                Assessment.clinic_id == clinic_id,
                Assessment.rater_id == assessment.rater_id)).first()
            existing: dict[str, Answer] = {}
            if held is None:
                held = Assessment(id=new_id(), clinic_id=clinic_id,
                                  rater_id=assessment.rater_id,
                                  checklist_version=assessment.checklist_version)
                s.add(held)
            else:
                existing = {a.item_id: a for a in s.scalars(
                    select(Answer).where(Answer.assessment_id == held.id))}
            for answer in assessment.answers:
                values: dict[str, object] = {
                    "choice": answer.choice.value if answer.choice else None,
                    "number": answer.number, "note": answer.note,
                    "origin": answer.origin.value, "answered_at": answer.answered_at}
                mine = existing.get(answer.item_id)
                if mine is None:
                    new_rows.append({"assessment_id": held.id, "item_id": answer.item_id,
                                     **values})
                elif f"answer:{clinic_id}:{assessment.rater_id}:{answer.item_id}" in chosen:
                    for key, given in values.items():
                        setattr(mine, key, given)
        s.flush()
        if new_rows:
            s.execute(insert(Answer), new_rows)
        for decision in document.decisions:
            clinic_id = plan.clinic_ids[decision.clinic_id]
            settled: dict[str, object] = {
                "choice": decision.choice.value if decision.choice else None,
                "number": decision.number, "note": decision.note,
                "decided_by": decision.decided_by, "decided_at": decision.decided_at}
            held_decision = s.scalars(select(Decision).where(
                Decision.clinic_id == clinic_id, Decision.item_id == decision.item_id)).first()
            if held_decision is None:
                s.add(Decision(clinic_id=clinic_id, item_id=decision.item_id, **settled))
            elif f"decision:{clinic_id}:{decision.item_id}" in chosen:
                for key, given in settled.items():
                    setattr(held_decision, key, given)
        for topic in document.personal_topics or ():
            exists = s.scalars(select(PersonalTopic).where(
                PersonalTopic.rater_id == topic.rater_id,
                PersonalTopic.topic_id == topic.topic_id)).first()
            if exists is None:
                s.add(PersonalTopic(rater_id=topic.rater_id, topic_id=topic.topic_id,
                                    applies=topic.applies, note=topic.note))
    store.history.clear()  # earlier steps may refer to rows the import changed
    store.notify_all()
    return plan.comparison_id


def disagreements_created(store: Store, comparison_id: str,
                          before: Iterable[Disagreement]) -> list[Disagreement]:
    """The disagreements an import brought: new ones, and ones it added someone's answer to.

    Call ``store.disagreements(comparison_id)`` before ``apply_import`` (an empty list when
    importing as a new comparison) and pass it as ``before``.
    """
    known = {_who_said_what(d) for d in before}
    return [d for d in store.disagreements(comparison_id) if _who_said_what(d) not in known]


def _who_said_what(d: Disagreement) -> tuple[str, str, frozenset[tuple[str, object, object]]]:
    return d.clinic_id, d.item_id, frozenset(
        (o.rater_id, o.choice, o.number) for o in d.opinions)
