"""Importing a comparison file: plan first (nothing written), then apply in one transaction.

This module holds the two steps; the plan and its words are in ``importplan``, the checks of the
file's values in ``importchecks``, the differences in ``importconflicts`` and the records handed
to the store in ``importbatch``. The store (``kvet.store.transfer``) reads what is held, checks
every value again and writes, so an import meets the same rules, notices and undo handling as
an edit.

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
from collections.abc import Collection, Iterable, Mapping

from kvet.exchange import origins
from kvet.exchange.errors import ExchangeError
from kvet.exchange.fileformat import ComparisonFile
from kvet.exchange.importbatch import import_batch
from kvet.exchange.importchecks import check_answers
from kvet.exchange.importconflicts import answer_conflicts, clinic_conflicts, decision_conflicts
from kvet.exchange.importplan import Conflict, ImportPlan
from kvet.rating.combine import Disagreement
from kvet.store.api import Store
from kvet.store.errors import NotFoundError
from kvet.store.transferrecords import Holdings


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
    wanted = [c.id for c in courses] if include_courses else ()
    held = store.transfer.holdings(
        into, document.comparison.id, [c.id for c in document.clinics], list(same.values()), wanted
    )
    comparison_id = _comparison_id(document, into, held)
    rater_ids = _rater_ids(document, same, held.people)
    clinic_ids, new_clinics, matched, conflicts = _clinics(document, into, held)
    answers_added, differ = answer_conflicts(store, document, held, clinic_ids, rater_ids)
    decisions_added, decided = decision_conflicts(store, document, held, clinic_ids)
    # private topics and treatment records only with consent; one already here is left as it is
    topics_added = sum(
        (rater_ids[t.rater_id], t.topic_id) not in held.topics for t in topics if include_personal
    )
    new_courses = tuple(c.id for c in courses if include_courses and c.id not in held.courses)
    their_names = {r.id: r.name for r in document.raters}
    return ImportPlan(
        document,
        into,
        tuple(new_clinics),
        tuple(matched),
        tuple(r.name for r in document.raters if r.id not in same),
        answers_added,
        (*conflicts, *differ, *decided),
        clinic_ids,
        comparison_id,
        decisions_added,
        rater_ids,
        tuple((their_names[theirs], held.people[mine]) for theirs, mine in same.items()),
        include_personal,
        topics_added,
        0 if include_personal else len(topics),
        include_courses,
        len(new_courses),
        0 if include_courses else len(courses),
        len(courses) - len(new_courses) if include_courses else 0,
        new_courses,
    )


def _comparison_id(document: ComparisonFile, into: str | None, held: Holdings) -> str:
    """Where the import goes: ``into``, else the file's own id, else (taken here) a new one."""
    if into is not None:
        return into
    if held.comparison_id_taken:
        return str(uuid.uuid4())
    return document.comparison.id


def _clinics(
    document: ComparisonFile, into: str | None, held: Holdings
) -> tuple[dict[str, str], list[str], list[str], list[Conflict]]:
    """Where each clinic of the file is stored (file id -> id), the names of the new ones and
    of the ones the user has, and the details where those differ. A clinic matches only one
    live in ``into``; one with its id elsewhere arrives as a new clinic under a new id."""
    clinic_ids: dict[str, str] = {}
    new_clinics, matched = [], []
    conflicts: list[Conflict] = []
    for clinic in document.clinics:
        row = held.clinics.get(clinic.id)
        if into is not None and row is not None and row.comparison_id == into and row.live:
            clinic_ids[clinic.id] = row.id
            matched.append(row.name)
            conflicts += clinic_conflicts(row, clinic)
        else:
            clinic_ids[clinic.id] = clinic.id if row is None else str(uuid.uuid4())
            new_clinics.append(clinic.name)
    return clinic_ids, new_clinics, matched, conflicts


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


def apply_import(store: Store, plan: ImportPlan, take_theirs: Collection[str] = ()) -> str:
    """Write the planned import, through the store, in one transaction. Returns the comparison id.

    ``take_theirs`` holds the keys of the conflicts where the file's version should win; every
    other conflict keeps what is already stored. The store checks every value again, makes a
    safety copy before an import into an existing comparison, and tells its listeners.
    """
    comparison_id = store.transfer.import_comparison(import_batch(plan, take_theirs))
    origins.remember(store, plan.document, plan.rater_ids, plan.new_courses, comparison_id)
    return comparison_id


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
