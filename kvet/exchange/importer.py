"""Importing a comparison file: plan first (nothing written), then apply in one transaction.

This module knows the file and plans; the store (``kvet.store.transfer``) reads what is held,
checks every value again and writes, so an import meets the same rules, notices and undo
handling as an edit.

Everyone in a file arrives as a new person, whatever id the file gives them, unless the user
says a person of the file is one of theirs (``people``): a file can never write as the user.
Private pre-screen topics in a file are imported only with their own consent
(``include_personal``). Values go through the store's own checks, as if typed. Clinics are
matched by their stable id.
Nothing already stored is overwritten silently: every difference is a ``Conflict`` the user
settles, and only the ones they choose to take from the file are applied. Their answers are
never a conflict with yours, since they are theirs; where they differ from yours, the import
creates disagreements, which ``disagreements_created`` lists so the family can settle them.
Decisions in the file are added like answers (a different decision already stored is a
``Conflict``); the combining rule comes with a new comparison, and an existing one keeps its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kvet.content.checklist import Kind
from kvet.exchange import origins
from kvet.exchange.errors import ExchangeError
from kvet.exchange.fileformat import AnswerDoc, ComparisonFile, DecisionDoc
from kvet.rating.answers import OPTIONS, AnswerError, Choice, label, option
from kvet.rating.combine import Disagreement
from kvet.rating.money import unit_for
from kvet.store.api import Store
from kvet.store.courses import course_entry, course_plan
from kvet.store.errors import InvalidValueError, NotFoundError
from kvet.store.transfer import (
    ImportBatch,
    ImportedAssessment,
    ImportedClinic,
    ImportedCourse,
    ImportedDecision,
    NewComparison,
    StoredAnswer,
    StoredDecision,
    StoredTopic,
)
from kvet.store.validation import check_weights, clean_fact, weights_from_dict

# The plan's words in English; kvet.gui.importwords marks the same templates for translation.
CONFLICT = "{clinic}, {what}: yours says “{mine}”, the file says “{theirs}”."
CLINIC_FIELD = "the clinic's {field}"
DECIDED_ON = "what you decided together on “{item}”"
DECIDED_BY = " (decided by {name})"
SOMEONE = "someone"
NOT_ANSWERED = "not answered"
NONE = "none"  # a list of treatments offered that is empty
EMPTY = "empty"  # a clinic detail left blank
NOTE_MARK = " — "  # between an answer and its note
SUMMARY_START = "This file brings {parts}."
SUMMARY_PARTS = {
    "new_clinics": "{count} new clinic(s)",
    "matched_clinics": "{count} clinic(s) you already have",
    "answers": "{count} answer(s) to add",
    "decisions": "{count} decision(s) you settled together",
    "new_people": "answers from {names}, as new people",
    "same_person": "answers from {theirs} added as your “{mine}”",
    "topics": "{count} private pre-screen topic(s)",
    "courses": "{count} treatment record(s)",
    "courses_kept": "{count} treatment record(s) you already have, left as they are",
    "conflicts": "{count} difference(s) for you to settle",
    "no_conflicts": "no differences with what you have",
}
TOPICS_LEFT_OUT = (
    " It also holds {count} private pre-screen topic(s); "
    "they are left out unless you choose to import them."
)
COURSES_LEFT_OUT = (
    " It also holds {count} treatment record(s); they are "
    "left out unless you choose to import them."
)

CLINIC_FIELD_NAMES = {
    "name": "name",
    "address": "address",
    "phone": "phone",
    "website": "website",
    "notes": "notes",
    "formats": "treatments offered",
    "currency": "currency of prices",
}


@dataclass(frozen=True)
class Conflict:
    key: str
    clinic_name: str
    what: str
    mine: str
    theirs: str

    def sentence(self, say: Callable[[str], str] = str) -> str:
        """``say`` turns each English template into the words shown (a translation, in the GUI)."""
        return say(CONFLICT).format(
            clinic=self.clinic_name,
            what=_what_words(self.what, say),
            mine=_value_words(self.mine, say),
            theirs=_value_words(self.theirs, say),
        )


def _what_words(what: str, say: Callable[[str], str]) -> str:
    """The English ``what`` of a conflict in ``say``'s words (it is built from the templates)."""
    for field_words in CLINIC_FIELD_NAMES.values():
        if what == CLINIC_FIELD.format(field=field_words):
            return say(CLINIC_FIELD).format(field=say(field_words))
    start, end = DECIDED_ON.split("{item}")
    if what.startswith(start) and what.endswith(end):
        return say(DECIDED_ON).format(item=what[len(start) : len(what) - len(end)])
    return what  # a question's statement, as the checklist words it


def _value_words(value: str, say: Callable[[str], str]) -> str:
    """One side of a conflict in ``say``'s words: kvet's own words (an answer's label, "not
    answered", "(decided by ...)") are translated; notes and names stay as they were typed."""
    decided = ""
    start, end = DECIDED_BY.split("{name}")
    at = value.rfind(start)
    if at >= 0 and value.endswith(end):
        name = value[at + len(start) : len(value) - len(end)]
        name = say(SOMEONE) if name == SOMEONE else name
        value, decided = value[:at], say(DECIDED_BY).format(name=name)
    head, mark, note = value.partition(NOTE_MARK)
    if head in _OWN_WORDS:
        head = say(head)
    return head + mark + note + decided


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
    rater_ids: dict[str, str] = field(default_factory=dict)  # file id -> id to store under
    same_people: tuple[tuple[str, str], ...] = ()  # (name in the file, your person's name)
    include_personal: bool = False
    topics_added: int = 0
    topics_left_out: int = 0
    include_courses: bool = False
    courses_added: int = 0
    courses_left_out: int = 0
    courses_kept: int = 0  # in the file and already here (imported before): left as they are
    new_courses: tuple[str, ...] = ()  # the ids of the records this import adds

    def summary(self, say: Callable[[str], str] = str) -> str:
        """``say`` turns each English template into the words shown (a translation, in the GUI)."""

        def part(key: str, **values: object) -> str:
            return say(SUMMARY_PARTS[key]).format(**values)

        parts = [
            part("new_clinics", count=len(self.new_clinics)) if self.new_clinics else "",
            part("matched_clinics", count=len(self.matched_clinics))
            if self.matched_clinics
            else "",
            part("answers", count=self.answers_added),
            part("decisions", count=self.decisions_added) if self.decisions_added else "",
            part("new_people", names=", ".join(self.new_people)) if self.new_people else "",
            *(part("same_person", theirs=theirs, mine=mine) for theirs, mine in self.same_people),
            part("topics", count=self.topics_added) if self.topics_added else "",
            part("courses", count=self.courses_added) if self.courses_added else "",
            part("courses_kept", count=self.courses_kept) if self.courses_kept else "",
            part("conflicts", count=len(self.conflicts))
            if self.conflicts
            else part("no_conflicts"),
        ]
        text = say(SUMMARY_START).format(parts="; ".join(p for p in parts if p))
        if self.topics_left_out:
            text += say(TOPICS_LEFT_OUT).format(count=self.topics_left_out)
        if self.courses_left_out:
            text += say(COURSES_LEFT_OUT).format(count=self.courses_left_out)
        return text


# The words kvet itself writes as an answer's value (a note or a name is never one of them).
_OWN_WORDS = frozenset(
    {NOT_ANSWERED, NONE, EMPTY, *(o.label for options in OPTIONS.values() for o in options)}
)


def _answer_text(
    store: Store,
    item_id: str,
    choice: str | None,
    number: float | None,
    note: str,
    currency: str = "USD",
) -> str:
    """An answer in words for the list of differences; a price in ``currency``, the clinic's."""
    item = store.checklist.items_by_id.get(item_id)
    if number is not None:
        value = f"{number:,.0f}" + (f" {unit_for(item.unit, currency)}" if item else "")
    elif choice and item is not None and item.kind is not Kind.FACT:
        try:
            value = label(item.kind, Choice(choice))
        except ValueError:
            value = choice
    else:
        value = choice or NOT_ANSWERED
    return f"{value} — {note}" if note else value


def check_answers(store: Store, document: ComparisonFile) -> None:
    """Answers, decisions and settings must pass the checks typed values pass.

    An unknown item is kept as retired; a number goes through the store's own limit for its
    item (a price of at most 1,000,000, say), so a file cannot hold what the user could not type.
    """
    items = store.checklist.items_by_id
    given: list[AnswerDoc | DecisionDoc] = [
        answer for assessment in document.assessments for answer in assessment.answers
    ]
    for answer in [*given, *document.decisions]:
        item = items.get(answer.item_id)
        if item is None:
            continue
        if answer.choice is not None:
            try:
                option(item.kind, answer.choice)
            except AnswerError:
                raise ExchangeError("import.answer-misfit", item=item.statement) from None
        if answer.number is not None:
            if item.kind is not Kind.FACT:
                raise ExchangeError("import.number-for-choice", item=item.statement)
            try:
                clean_fact(item, answer.number)
            except InvalidValueError as exc:
                raise ExchangeError("import.value-refused", reason=exc.words) from None
    try:
        check_weights(weights_from_dict(document.comparison.settings.model_dump()))
    except InvalidValueError as exc:
        raise ExchangeError("import.weights-refused", reason=exc.words) from None


def plan_import(
    store: Store,
    document: ComparisonFile,
    into: str | None = None,
    *,
    people: Mapping[str, str] | None = None,
    include_personal: bool = False,
    include_courses: bool = False,
) -> ImportPlan:
    """Work out what an import would do. Reads only; the database is not changed.

    Everyone in the file arrives as a new person, whatever id the file gives them: a file must
    not be able to write as you (or anyone already here). ``people`` maps a person of the file
    (their id in it) to one of yours, when the user says they are the same person. Private
    pre-screen topics in the file are imported only with ``include_personal``, treatment
    records (courses) only with ``include_courses``; a record already here is left as it is.
    """
    check_answers(store, document)
    same = dict(people or {})
    topics = document.personal_topics or ()
    courses = document.courses or ()
    held = store.transfer.holdings(
        into,
        document.comparison.id,
        [c.id for c in document.clinics],
        list(same.values()),
        [c.id for c in courses] if include_courses else (),
    )
    if into is not None:
        comparison_id = into
    elif held.comparison_id_taken:
        comparison_id = str(uuid.uuid4())
    else:
        comparison_id = document.comparison.id
    existing_raters = held.people
    rater_ids = _rater_ids(document, same, existing_raters)
    their_names = {r.id: r.name for r in document.raters}
    clinic_ids: dict[str, str] = {}
    new_clinics, matched = [], []
    conflicts: list[Conflict] = []
    answers_added = 0
    rows = held.clinics
    for clinic in document.clinics:
        row = rows.get(clinic.id)
        if into is not None and row is not None and row.comparison_id == into and row.live:
            clinic_ids[clinic.id] = row.id
            matched.append(row.name)
            for name, what in CLINIC_FIELD_NAMES.items():
                mine, theirs = getattr(row, name), getattr(clinic, name)
                if name == "formats":
                    mine, theirs = sorted(mine or []), sorted(f.value for f in theirs)
                if mine != theirs:
                    conflicts.append(
                        Conflict(
                            f"clinic:{row.id}:{name}",
                            row.name,
                            CLINIC_FIELD.format(field=what),
                            _show(mine),
                            _show(theirs),
                        )
                    )
        else:
            clinic_ids[clinic.id] = clinic.id if row is None else str(uuid.uuid4())
            new_clinics.append(clinic.name)
    names = {c.id: c.name for c in document.clinics}
    # each side's prices in its own currency: a difference of currency is itself listed above
    theirs_in = {c.id: c.currency for c in document.clinics}
    mine_in = {row.id: row.currency for row in rows.values()}
    for assessment in document.assessments:
        target_clinic = clinic_ids[assessment.clinic_id]
        target_rater = rater_ids[assessment.rater_id]
        existing = held.answers.get((target_clinic, target_rater), {})
        for answer in assessment.answers:
            mine = existing.get(answer.item_id)
            if mine is None:
                answers_added += 1
            elif _differs(mine, answer):
                item = store.checklist.items_by_id.get(answer.item_id)
                conflicts.append(
                    Conflict(
                        f"answer:{target_clinic}:{target_rater}:{answer.item_id}",
                        names[assessment.clinic_id],
                        f"“{item.statement if item else answer.item_id}”",
                        _answer_text(
                            store,
                            mine.item_id,
                            mine.choice,
                            mine.number,
                            mine.note,
                            mine_in.get(target_clinic, "USD"),
                        ),
                        _answer_text(
                            store,
                            answer.item_id,
                            answer.choice,
                            answer.number,
                            answer.note,
                            theirs_in[assessment.clinic_id],
                        ),
                    )
                )
    decisions_added = 0
    for decision in document.decisions:
        target_clinic = clinic_ids[decision.clinic_id]
        held_decision = held.decisions.get((target_clinic, decision.item_id))
        if held_decision is None:
            decisions_added += 1
        elif _decision_differs(held_decision, decision):
            item = store.checklist.items_by_id.get(decision.item_id)
            by = existing_raters.get(held_decision.decided_by)
            conflicts.append(
                Conflict(
                    f"decision:{target_clinic}:{decision.item_id}",
                    names[decision.clinic_id],
                    DECIDED_ON.format(item=item.statement if item else decision.item_id),
                    _answer_text(
                        store,
                        held_decision.item_id,
                        held_decision.choice,
                        held_decision.number,
                        held_decision.note,
                        mine_in.get(target_clinic, "USD"),
                    )
                    + (DECIDED_BY.format(name=by) if by else ""),
                    _answer_text(
                        store,
                        decision.item_id,
                        decision.choice.value if decision.choice else None,
                        decision.number,
                        decision.note,
                        theirs_in[decision.clinic_id],
                    )
                    + DECIDED_BY.format(name=their_names.get(decision.decided_by, SOMEONE)),
                )
            )
    topics_added = 0
    if include_personal and topics:
        topics_added = sum((rater_ids[t.rater_id], t.topic_id) not in held.topics for t in topics)
    new_courses: tuple[str, ...] = ()
    if include_courses:
        new_courses = tuple(c.id for c in courses if c.id not in held.courses)
    courses_added = len(new_courses)
    courses_kept = len(courses) - courses_added if include_courses else 0
    new_people = tuple(r.name for r in document.raters if r.id not in same)
    same_people = tuple(
        (their_names[theirs], existing_raters[mine]) for theirs, mine in same.items()
    )
    return ImportPlan(
        document,
        into,
        tuple(new_clinics),
        tuple(matched),
        new_people,
        answers_added,
        tuple(conflicts),
        clinic_ids,
        comparison_id,
        decisions_added,
        rater_ids,
        same_people,
        include_personal,
        topics_added,
        0 if include_personal else len(topics),
        include_courses,
        courses_added,
        0 if include_courses else len(courses),
        courses_kept,
        new_courses,
    )


def _rater_ids(
    document: ComparisonFile, same: Mapping[str, str], existing: Mapping[str, str]
) -> dict[str, str]:
    """Where each person of the file is stored: one of yours only when the user said so."""
    in_file = {r.id for r in document.raters}
    for theirs, mine in same.items():
        if theirs not in in_file:
            raise ExchangeError("import.person-not-in-file")
        if mine not in existing:
            raise NotFoundError("gone.chosen-person")
    if len(set(same.values())) != len(same):
        raise ExchangeError("import.two-same-person")
    ids: dict[str, str] = {}
    for rater in document.raters:
        mapped = same.get(rater.id)
        ids[rater.id] = (
            mapped
            if mapped is not None
            else (rater.id if rater.id not in existing else str(uuid.uuid4()))
        )
    return ids


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) or NONE
    return str(value) or EMPTY


def _differs(mine: StoredAnswer, theirs: AnswerDoc) -> bool:
    return (mine.choice or None, mine.number, mine.note) != (
        theirs.choice.value if theirs.choice else None,
        theirs.number,
        theirs.note,
    )


def _decision_differs(mine: StoredDecision, theirs: DecisionDoc) -> bool:
    return (mine.choice or None, mine.number, mine.note) != (
        theirs.choice.value if theirs.choice else None,
        theirs.number,
        theirs.note,
    )


def apply_import(store: Store, plan: ImportPlan, take_theirs: Collection[str] = ()) -> str:
    """Write the planned import, through the store, in one transaction. Returns the comparison id.

    ``take_theirs`` holds the keys of the conflicts where the file's version should win; every
    other conflict keeps what is already stored. The store checks every value again, makes a
    safety copy before an import into an existing comparison, and tells its listeners.
    """
    document = plan.document
    chosen = set(take_theirs)

    def person(file_id: str) -> str:
        return plan.rater_ids.get(file_id, file_id)

    clinics = []
    for clinic in document.clinics:
        target = plan.clinic_ids[clinic.id]
        clinics.append(
            ImportedClinic(
                target,
                clinic.name,
                clinic.address,
                clinic.phone,
                clinic.website,
                clinic.notes,
                tuple(sorted(f.value for f in clinic.formats)),
                clinic.position,
                clinic.currency,
                frozenset(n for n in CLINIC_FIELD_NAMES if f"clinic:{target}:{n}" in chosen),
            )
        )
    assessments = []
    for assessment in document.assessments:
        clinic_id = plan.clinic_ids[assessment.clinic_id]
        rater_id = person(assessment.rater_id)
        key = f"answer:{clinic_id}:{rater_id}:"
        assessments.append(
            ImportedAssessment(
                clinic_id,
                rater_id,
                assessment.checklist_version,
                assessment.answers,
                frozenset(a.item_id for a in assessment.answers if key + a.item_id in chosen)
                if chosen
                else frozenset(),
            )
        )
    decisions = tuple(
        ImportedDecision(
            plan.clinic_ids[d.clinic_id],
            d.item_id,
            d.choice,
            d.number,
            d.note,
            person(d.decided_by),
            d.decided_at,
            f"decision:{plan.clinic_ids[d.clinic_id]}:{d.item_id}" in chosen,
        )
        for d in document.decisions
    )
    new = document.comparison
    batch = ImportBatch(
        plan.comparison_id,
        None
        if plan.into is not None
        else NewComparison(
            new.name,
            weights_from_dict(new.settings.model_dump()),
            new.combine_rule,
        ),
        tuple((person(r.id), r.name) for r in document.raters),
        tuple(clinics),
        tuple(assessments),
        decisions,
        tuple(
            StoredTopic(person(t.rater_id), t.topic_id, t.applies, t.note)
            for t in document.personal_topics or ()
        )
        if plan.include_personal
        else (),
        _courses(plan) if plan.include_courses else (),
    )
    comparison_id = store.transfer.import_comparison(batch)
    origins.remember(store, plan.document, plan.rater_ids, plan.new_courses, comparison_id)
    return comparison_id


def _courses(plan: ImportPlan) -> tuple[ImportedCourse, ...]:
    """Treatment records, only when the user chose to import them."""
    return tuple(
        ImportedCourse(
            course.id,
            plan.clinic_ids.get(course.clinic_id) if course.clinic_id else None,
            course.clinic_name,
            course_plan(course.plan),
            tuple((e.id, course_entry(e.kind, e.data)) for e in course.entries),
        )
        for course in plan.document.courses or ()
    )


remembered = origins.remembered  # what the import dialog offers for a file imported before


def disagreements_created(
    store: Store, comparison_id: str, before: Iterable[Disagreement]
) -> list[Disagreement]:
    """The disagreements an import brought: new ones, and ones it added someone's answer to.

    Call ``store.decisions.disagreements(comparison_id)`` before ``apply_import`` (an empty list
    when importing as a new comparison) and pass it as ``before``.
    """
    known = {_who_said_what(d) for d in before}
    return [
        d for d in store.decisions.disagreements(comparison_id) if _who_said_what(d) not in known
    ]


def _who_said_what(d: Disagreement) -> tuple[str, str, frozenset[tuple[str, object, object]]]:
    return d.clinic_id, d.item_id, frozenset((o.rater_id, o.choice, o.number) for o in d.opinions)
