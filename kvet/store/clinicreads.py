"""Everything the window holds about one clinic, read again in one transaction after an edit.

After an answer only that clinic's data can differ: its scoring input, the answers of the person
answering, everyone's opinions, the decisions that settled them, the red flags seen and where
people's answers differ. The window used to read each in a transaction of its own, one per view
asking; here three plain statements (the clinic, everyone's answers on it, its decisions) give all
of them, so an answer is one write and one read of that clinic, whatever the number of clinics.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, bindparam, select

from kvet.content.checklist import Checklist, Kind
from kvet.content.country import CODES, PREFERENCE_KEY
from kvet.rating.answers import Choice, ClinicAnswers
from kvet.rating.combine import Decision, Disagreement, Opinion, Rule
from kvet.store.deciding import open_disagreements, worded
from kvet.store.records import AnswerInfo, ClinicInfo
from kvet.store.rows import (
    answer_rows,
    clinic_info,
    decision,
    decision_rows,
    merge_rows,
    opinion,
    says_something,
    stored_rule,
)
from kvet.store.tables import (
    as_utc,
    assessment_table,
    clinic_table,
    comparison_table,
    decision_table,
    preference_table,
)
from kvet.store.validation import stored_choice, stored_origin


@dataclass(frozen=True)
class ClinicReads:
    """One clinic as the window shows it; each part as the store's single reads return it."""

    scoring: ClinicAnswers  # as ``ScoreStore.one_clinic_answers`` reads it
    answers: dict[str, AnswerInfo]  # the person answering's, as ``AnswerStore.by_item``
    opinions: dict[str, list[Opinion]]  # as ``DecisionStore.opinions``
    decisions: dict[str, Decision]  # as ``DecisionStore.by_item``
    seen: dict[str, list[Opinion]]  # the red flags seen, as ``DecisionStore.seen`` for it
    disagreements: list[Disagreement]  # as ``DecisionStore.disagreements`` for it


# Built once: this runs after every answer (issue 26).
_CLINIC = (
    select(
        *clinic_table.columns,
        comparison_table.c.combine_rule,
        select(preference_table.c.value)
        .where(preference_table.c.key == PREFERENCE_KEY)
        .scalar_subquery()
        .label("country"),
    )
    .join(comparison_table, comparison_table.c.id == clinic_table.c.comparison_id)
    .where(clinic_table.c.id == bindparam("clinic_id"))
)
_ANSWERS = answer_rows(assessment_table.c.clinic_id == bindparam("clinic_id"))
_DECISIONS = decision_rows(decision_table.c.clinic_id == bindparam("clinic_id"))
# After an answer, every other row of the clinic reads as before: what was made of a row (its
# dates parsed, its words looked up) is kept by the row's values and made again only for the
# row that changed. Enough for a few clinics of every item answered by several people.
ROWS_KEPT = 4096


@lru_cache(maxsize=ROWS_KEPT)
def _opinion(row: tuple[Any, ...]) -> Opinion:
    return opinion(row)


@lru_cache(maxsize=ROWS_KEPT)
def _answer_info(row: tuple[Any, ...], retired: bool) -> AnswerInfo:
    return AnswerInfo(
        item_id=row[1],
        choice=stored_choice(row[4]),
        number=row[5],
        note=row[6],
        origin=stored_origin(row[7]),
        answered_at=as_utc(row[8]),
        retired=retired,
    )


@lru_cache(maxsize=ROWS_KEPT)
def _merged(kind: Kind | None, group: tuple[tuple[Any, ...], ...], rule: Rule) -> Any:
    return merge_rows(kind, list(group), rule)


def read_clinic(
    conn: Connection,
    clinic_id: str,
    rater_id: str | None,
    answering: str,
    checklist: Checklist,
) -> ClinicReads | None:
    """One live clinic's ``ClinicReads`` (None if it was removed), scored from everyone's answers
    combined when ``rater_id`` is None, else from that person's."""
    found = conn.execute(_CLINIC, {"clinic_id": clinic_id}).first()
    if found is None or found.deleted_at is not None:
        return None
    clinic = clinic_info(found)
    rows = [tuple(row) for row in conn.execute(_ANSWERS, {"clinic_id": clinic_id})]
    decisions = {
        row.item_id: decision(row) for row in conn.execute(_DECISIONS, {"clinic_id": clinic_id})
    }
    opinions: dict[str, list[Opinion]] = {}
    for row in rows:
        if says_something(row):
            opinions.setdefault(row[1], []).append(_opinion(row))
    # the red flags seen are among the opinions: picked out here, not read a second time
    seen = {
        item_id: [o for o in said if o.choice is Choice.SEEN]
        for item_id, said in opinions.items()
        if any(o.choice is Choice.SEEN for o in said)
    }
    # the country's view of the checklist, as ``SettingsStore.country_checklist``
    counted = checklist.for_country(found.country if found.country in CODES else None)
    groups = (list(g) for _item, g in groupby(filter(says_something, rows), key=lambda r: r[1]))
    differ = open_disagreements(
        groups, {clinic_id: decisions}, counted.items_by_id, checklist, _opinion
    )
    if rater_id is None:
        scoring = _combined(clinic, rows, decisions, stored_rule(found.combine_rule), checklist)
    else:
        scoring = _one_person(clinic, [r for r in rows if r[2] == rater_id])
    asked = checklist.items_by_id
    return ClinicReads(
        scoring=scoring,
        answers={r[1]: _answer_info(r, r[1] not in asked) for r in rows if r[2] == answering},
        opinions=opinions,
        decisions=decisions,
        seen=seen,
        disagreements=worded(differ, [clinic], counted.items_by_id),
    )


def _one_person(clinic: ClinicInfo, rows: Iterable[Any]) -> ClinicAnswers:
    """One person's answers as scoring input, as ``ScoreStore`` reads them."""
    by_value = Choice._value2member_map_
    choices: dict[str, Choice] = {}
    facts: dict[str, float] = {}
    for row in rows:
        known = by_value.get(row[4]) if row[4] is not None else None
        if isinstance(known, Choice):
            choices[row[1]] = known
        if row[5] is not None:
            facts[row[1]] = row[5]
    return ClinicAnswers(clinic.id, clinic.name, clinic.formats, choices, facts, clinic.currency)


def _combined(
    clinic: ClinicInfo,
    rows: Sequence[Any],
    decisions: dict[str, Decision],
    rule: Rule,
    checklist: Checklist,
) -> ClinicAnswers:
    """Everyone's answers merged with the rule and the decisions, as ``ScoreStore`` merges them
    (each item's rows in ``merge_rows``'s shape: clinic, item, choice, number, when, decided?,
    who)."""
    kinds = {item.id: item.kind for item in checklist.items}
    by_value = Choice._value2member_map_
    choices: dict[str, Choice] = {}
    facts: dict[str, float] = {}
    said: dict[str, list[tuple[Any, ...]]] = {}
    for r in rows:
        said.setdefault(r[1], []).append((r[0], r[1], r[4], r[5], r[8], 0, r[2]))
    for item_id, d in decisions.items():
        choice_value = None if d.choice is None else d.choice.value
        said.setdefault(item_id, []).append(
            (d.clinic_id, item_id, choice_value, d.number, d.decided_at, 1, d.decided_by)
        )
    for item_id, group in said.items():
        choice, number = group[0][2], group[0][3]
        if len(group) > 1 or group[0][5]:
            choice, number = _merged(kinds.get(item_id), tuple(group), rule)
        else:  # one person's answer: nothing to merge
            choice = by_value.get(choice) if choice else None
        if isinstance(choice, Choice):
            choices[item_id] = choice
        if number is not None:
            facts[item_id] = number
    return ClinicAnswers(clinic.id, clinic.name, clinic.formats, choices, facts, clinic.currency)
