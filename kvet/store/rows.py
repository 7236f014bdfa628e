"""Reading rows for ``kvet.store.api``: live clinics, people's answers and decisions, and
merging everyone's answers one item at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from kvet.answers import Choice
from kvet.checklist import Format, Kind
from kvet.combine import Decision, Opinion, Rule, caution, combine
from kvet.store.errors import NotFoundError
from kvet.store.models import Answer, Assessment, Clinic, Rater, as_utc
from kvet.store.models import Decision as DecisionRow
from kvet.store.records import ClinicInfo
from kvet.store.validation import _choice, _origin

PARTITION_ROWS = 2000  # rows fetched at a time when merging everyone's answers


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
