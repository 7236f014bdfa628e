"""What ``apply_import`` hands the store: the plan turned into plain records, with the user's
choices (the conflicts they settled for the file's version) marked on each.

Kept apart from the planning: this side only copies what the plan decided (where each clinic
and person is stored, what to overwrite), so it can be read without the rules that decided it.
"""

from __future__ import annotations

from collections.abc import Collection

from kvet.exchange.importplan import CLINIC_FIELD_NAMES, ImportPlan
from kvet.store.courseentries import course_entry, course_plan
from kvet.store.transferrecords import (
    ImportBatch,
    ImportedAssessment,
    ImportedClinic,
    ImportedCourse,
    ImportedDecision,
    NewComparison,
    StoredTopic,
)
from kvet.store.validation import weights_from_dict


def import_batch(plan: ImportPlan, take_theirs: Collection[str] = ()) -> ImportBatch:
    """The records of ``plan``; ``take_theirs`` holds the keys of the conflicts the file wins."""
    document = plan.document
    chosen = set(take_theirs)
    new = document.comparison
    return ImportBatch(
        plan.comparison_id,
        None
        if plan.into is not None
        else NewComparison(
            new.name,
            weights_from_dict(new.settings.model_dump()),
            new.combine_rule,
        ),
        tuple((_person(plan, r.id), r.name) for r in document.raters),
        _clinics(plan, chosen),
        _assessments(plan, chosen),
        _decisions(plan, chosen),
        tuple(
            StoredTopic(_person(plan, t.rater_id), t.topic_id, t.applies, t.note)
            for t in document.personal_topics or ()
        )
        if plan.include_personal
        else (),
        _courses(plan) if plan.include_courses else (),
    )


def _person(plan: ImportPlan, file_id: str) -> str:
    return plan.rater_ids.get(file_id, file_id)


def _clinics(plan: ImportPlan, chosen: set[str]) -> tuple[ImportedClinic, ...]:
    clinics = []
    for clinic in plan.document.clinics:
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
    return tuple(clinics)


def _assessments(plan: ImportPlan, chosen: set[str]) -> tuple[ImportedAssessment, ...]:
    assessments = []
    for assessment in plan.document.assessments:
        clinic_id = plan.clinic_ids[assessment.clinic_id]
        rater_id = _person(plan, assessment.rater_id)
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
    return tuple(assessments)


def _decisions(plan: ImportPlan, chosen: set[str]) -> tuple[ImportedDecision, ...]:
    return tuple(
        ImportedDecision(
            plan.clinic_ids[d.clinic_id],
            d.item_id,
            d.choice,
            d.number,
            d.note,
            _person(plan, d.decided_by),
            d.decided_at,
            f"decision:{plan.clinic_ids[d.clinic_id]}:{d.item_id}" in chosen,
        )
        for d in plan.document.decisions
    )


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
