"""Every value of an import through the store's own checks, before anything is written.

A shared file is checked value by value with the rules typed values meet
(``kvet.store.validation``, ``kvet.store.courseentries``), so a bad file is refused with
``InvalidValueError`` and nothing is written (``Transfer.import_comparison``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kvet.content.checklist import Item, Kind
from kvet.rating import money
from kvet.store.courseentries import check_entry, check_plan
from kvet.store.errors import InvalidValueError
from kvet.store.transferrecords import AnswerValues, ImportBatch, ImportedClinic, ImportedDecision
from kvet.store.validation import (
    FIELD_LIMITS,
    MAX_PERSON_NAME,
    check_weights,
    clean_fact,
    clean_formats,
    clean_name,
    clean_origin,
    clean_text,
    fitting_choice,
    thing,
)


def check_batch(batch: ImportBatch, items: Mapping[str, Item]) -> None:
    """Raise ``InvalidValueError`` at the first value the store would refuse if typed."""
    new = batch.new_comparison
    if new is not None:
        clean_name(new.name, "comparison")
        check_weights(new.weights)
    for _id, name in batch.people:
        clean_name(name, "person", MAX_PERSON_NAME)
    for clinic in batch.clinics:
        _check_clinic(clinic)
    answers: list[AnswerValues] = []
    for assessment in batch.assessments:
        answers += assessment.answers
    _check_said(answers, batch.decisions, items)
    for topic in batch.topics:
        clean_text(topic.note, "note")
    for course in batch.courses:
        clean_name(course.clinic_name, "clinic")
        check_plan(course.plan)
        for _entry_id, entry in course.entries:
            check_entry(entry)


def _check_clinic(clinic: ImportedClinic) -> None:
    clean_name(clinic.name, "clinic")
    clean_formats(clinic.formats)
    if clinic.currency not in money.CODES:
        raise InvalidValueError("value.clinic-currency")
    for key in ("address", "phone", "website", "notes"):
        text = clean_text(getattr(clinic, key), key)
        limit = FIELD_LIMITS.get(key)
        if limit is not None and len(text) > limit:
            raise InvalidValueError("value.too-long", what=thing(key), limit=limit)


def _check_said(
    answers: Sequence[AnswerValues],
    decisions: Sequence[ImportedDecision],
    items: Mapping[str, Item],
) -> None:
    """Answers and decisions. Tens of thousands of answers repeat a few choices, origins and
    notes: each distinct value is checked once (in the order given), so checking costs little
    beside writing."""
    for origin in dict.fromkeys(a.origin for a in answers):
        clean_origin(origin)
    said: list[AnswerValues | ImportedDecision] = [*answers, *decisions]
    for note in dict.fromkeys(a.note for a in said if a.note):
        clean_text(note, "note")
    for item_id, choice in dict.fromkeys((a.item_id, a.choice) for a in said if a.choice):
        item = items.get(item_id)
        if item is not None:  # else an item retired from the checklist: kept, as answers to it
            fitting_choice(item, choice)
    for item_id, number in dict.fromkeys(
        (a.item_id, a.number) for a in said if a.number is not None
    ):
        item = items.get(item_id)
        if item is None:
            continue
        if item.kind is not Kind.FACT:
            raise InvalidValueError("value.choice-not-number", item=item.statement)
        clean_fact(item, number)
