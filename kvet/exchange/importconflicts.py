"""Where a file and what is already stored differ: each difference a ``Conflict`` to settle.

Nothing stored is overwritten silently, so every clinic detail, answer and decision the file
holds is compared here with what the user has, each side's value put in words as it is shown.
Their answers are never a conflict with yours (they are theirs): only an answer of a person the
user said is one of theirs can differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kvet.content.checklist import Kind
from kvet.exchange.fileformat import AnswerDoc, ClinicDoc, ComparisonFile, DecisionDoc
from kvet.exchange.importplan import (
    CLINIC_FIELD,
    CLINIC_FIELD_NAMES,
    DECIDED_BY,
    DECIDED_ON,
    EMPTY,
    NONE,
    NOT_ANSWERED,
    SOMEONE,
    Conflict,
)
from kvet.rating.answers import Choice, label
from kvet.rating.money import unit_for
from kvet.store.api import Store
from kvet.store.transferrecords import Holdings, StoredAnswer, StoredClinic, StoredDecision

# an answer or a decision, stored or in the file: what is compared and shown
_Values = StoredAnswer | StoredDecision | AnswerDoc | DecisionDoc


def clinic_conflicts(row: StoredClinic, clinic: ClinicDoc) -> list[Conflict]:
    """The details of a clinic the user has that the file gives otherwise."""
    conflicts = []
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
    return conflicts


def answer_conflicts(
    store: Store,
    document: ComparisonFile,
    held: Holdings,
    clinic_ids: Mapping[str, str],
    rater_ids: Mapping[str, str],
) -> tuple[int, list[Conflict]]:
    """How many of the file's answers are new here, and the ones that differ from the user's."""
    added, conflicts = 0, []
    names = {c.id: c.name for c in document.clinics}
    # each side's prices in its own currency: a difference of currency is itself a conflict
    theirs_in = {c.id: c.currency for c in document.clinics}
    mine_in = {row.id: row.currency for row in held.clinics.values()}
    for assessment in document.assessments:
        target_clinic = clinic_ids[assessment.clinic_id]
        target_rater = rater_ids[assessment.rater_id]
        existing = held.answers.get((target_clinic, target_rater), {})
        for answer in assessment.answers:
            mine = existing.get(answer.item_id)
            if mine is None:
                added += 1
            elif _differs(mine.choice, mine, answer.choice, answer):
                item = store.checklist.items_by_id.get(answer.item_id)
                conflicts.append(
                    Conflict(
                        f"answer:{target_clinic}:{target_rater}:{answer.item_id}",
                        names[assessment.clinic_id],
                        f"“{item.statement if item else answer.item_id}”",
                        _answer_text(store, mine, mine.choice, mine_in.get(target_clinic, "USD")),
                        _answer_text(store, answer, answer.choice, theirs_in[assessment.clinic_id]),
                    )
                )
    return added, conflicts


def decision_conflicts(
    store: Store, document: ComparisonFile, held: Holdings, clinic_ids: Mapping[str, str]
) -> tuple[int, list[Conflict]]:
    """How many of the file's decisions are new here, and the ones that differ from the user's."""
    added, conflicts = 0, []
    names = {c.id: c.name for c in document.clinics}
    theirs_in = {c.id: c.currency for c in document.clinics}
    mine_in = {row.id: row.currency for row in held.clinics.values()}
    their_names = {r.id: r.name for r in document.raters}
    for decision in document.decisions:
        target_clinic = clinic_ids[decision.clinic_id]
        mine = held.decisions.get((target_clinic, decision.item_id))
        if mine is None:
            added += 1
        elif _differs(mine.choice, mine, decision.choice, decision):
            item = store.checklist.items_by_id.get(decision.item_id)
            by = held.people.get(mine.decided_by)
            conflicts.append(
                Conflict(
                    f"decision:{target_clinic}:{decision.item_id}",
                    names[decision.clinic_id],
                    DECIDED_ON.format(item=item.statement if item else decision.item_id),
                    _answer_text(store, mine, mine.choice, mine_in.get(target_clinic, "USD"))
                    + (DECIDED_BY.format(name=by) if by else ""),
                    _answer_text(
                        store, decision, _stored(decision.choice), theirs_in[decision.clinic_id]
                    )
                    + DECIDED_BY.format(name=their_names.get(decision.decided_by, SOMEONE)),
                )
            )
    return added, conflicts


def _stored(choice: Choice | None) -> str | None:
    """A file's choice as the stored word."""
    return choice.value if choice else None


def _differs(
    mine_choice: str | None, mine: _Values, their_choice: Choice | None, theirs: _Values
) -> bool:
    return (mine_choice or None, mine.number, mine.note) != (
        _stored(their_choice),
        theirs.number,
        theirs.note,
    )


def _answer_text(store: Store, answer: _Values, choice: str | None, currency: str) -> str:
    """An answer in words for the list of differences; a price in ``currency``, the clinic's."""
    item = store.checklist.items_by_id.get(answer.item_id)
    if answer.number is not None:
        value = f"{answer.number:,.0f}" + (f" {unit_for(item.unit, currency)}" if item else "")
    elif choice and item is not None and item.kind is not Kind.FACT:
        try:
            value = label(item.kind, Choice(choice))
        except ValueError:
            value = choice
    else:
        value = choice or NOT_ANSWERED
    return f"{value} — {answer.note}" if answer.note else value


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) or NONE
    return str(value) or EMPTY
