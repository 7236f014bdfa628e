"""Reading rows for ``kvet.store.api``: live clinics, people's answers and decisions, and
merging everyone's answers one item at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, String, select, type_coerce

from kvet.content.checklist import Format, Kind
from kvet.rating.answers import Choice
from kvet.rating.combine import Decision, Opinion, Rule, combine
from kvet.store.errors import NotFoundError
from kvet.store.records import ClinicInfo
from kvet.store.tables import (
    answer_table,
    as_utc,
    assessment_table,
    clinic_table,
    comparison_table,
    decision_table,
    rater_table,
)
from kvet.store.validation import stored_choice, stored_origin

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kvet.store.connection import Unit
    from kvet.store.models import Clinic

PARTITION_ROWS = 2000  # rows fetched at a time when merging everyone's answers


def list_live_clinics(s: Unit, comparison_id: str, only: tuple[str, ...] = ()) -> list[ClinicInfo]:
    """The comparison's clinics in their order; ``only``: these clinics alone, when given.

    Plain rows of the table: no ORM objects to build, and no ORM statement at start, which
    would have SQLAlchemy set up every mapped class first (15 ms, issue 26)."""
    table = clinic_table
    wanted = (table.c.id.in_(only),) if only else ()
    rows = s.execute(
        select(table)
        .where(table.c.comparison_id == comparison_id, table.c.deleted_at.is_(None), *wanted)
        .order_by(table.c.position, table.c.created_at)
    ).all()
    return [clinic_info(c) for c in rows]


def live_clinic(s: Session, clinic_id: str) -> Clinic:
    from kvet.store.models import Clinic

    row = s.get(Clinic, clinic_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("gone.clinic")
    return row


def check_rater(s: Session, rater_id: str) -> None:
    from kvet.store.models import Rater

    if s.get(Rater, rater_id) is None:
        raise NotFoundError("gone.person")


def live_clinic_ids(comparison_id: str) -> Any:
    return select(clinic_table.c.id).where(
        clinic_table.c.comparison_id == comparison_id, clinic_table.c.deleted_at.is_(None)
    )


def item_groups(result: Any) -> Iterator[list[Any]]:
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


def answer_rows(where: Any) -> Any:
    """Everyone's answers, each item's together, people in the order they were added; cleared
    answers too (a note or a source may be all that is left).

    Dates stay text until needed: most answers are never compared with anyone else's.
    """
    return (
        select(
            assessment_table.c.clinic_id,
            answer_table.c.item_id,
            assessment_table.c.rater_id,
            rater_table.c.name,
            answer_table.c.choice,
            answer_table.c.number,
            answer_table.c.note,
            answer_table.c.origin,
            type_coerce(answer_table.c.answered_at, String),
        )
        .join(answer_table, answer_table.c.assessment_id == assessment_table.c.id)
        .join(rater_table, rater_table.c.id == assessment_table.c.rater_id)
        .where(where)
        .order_by(
            assessment_table.c.clinic_id,
            answer_table.c.item_id,
            rater_table.c.created_at,
            rater_table.c.name,
            rater_table.c.id,
        )
    )


def says_something(row: Any) -> bool:
    """Whether a row of ``answer_rows`` is an opinion: a choice, a number or a note."""
    return row[4] is not None or row[5] is not None or row[6] != ""


def opinion_rows(where: Any) -> Any:
    """``answer_rows`` that say something (see ``says_something``)."""
    return answer_rows(where).where(
        (answer_table.c.choice.is_not(None))
        | (answer_table.c.number.is_not(None))
        | (answer_table.c.note != "")
    )


def read_opinions(s: Unit, where: Any) -> dict[str, dict[str, list[Opinion]]]:
    """Opinions by clinic, then item. An answer that was cleared (nothing said) is left out."""
    found: dict[str, dict[str, list[Opinion]]] = {}
    for row in s.execute(opinion_rows(where)):
        found.setdefault(row[0], {}).setdefault(row[1], []).append(opinion(row))
    return found


def opinion(row: Any) -> Opinion:
    """One person's answer from a row of ``opinion_rows``."""
    _clinic_id, _item_id, rater_id, name, choice, number, note, origin, when = row
    return Opinion(
        rater_id,
        name,
        stored_choice(choice),
        number,
        note,
        stored_origin(origin),
        as_utc(when),
    )


def comparison_value(s: Unit, comparison_id: str, column: Any) -> Any:
    """One column of a comparison (its rule, its weights), inside a transaction the caller
    holds; ``NotFoundError`` when there is no such comparison. Read from the table itself:
    an ORM statement would have SQLAlchemy set up every mapped class at start (issue 26)."""
    table = comparison_table
    found = s.execute(select(table.c[column.key]).where(table.c.id == comparison_id)).first()
    if found is None:
        raise NotFoundError("gone.comparison")
    return found[0]


def decision_rows(where: Any) -> Any:
    """Decisions with the name of who decided, as plain columns (no ORM rows to build)."""
    return (
        select(*decision_table.columns, rater_table.c.name.label("decided_by_name"))
        .join(rater_table, rater_table.c.id == decision_table.c.decided_by)
        .where(where)
    )


def read_decisions(s: Unit, where: Any) -> dict[str, dict[str, Decision]]:
    found: dict[str, dict[str, Decision]] = {}
    for row in s.execute(decision_rows(where)):
        found.setdefault(row.clinic_id, {})[row.item_id] = decision(row)
    return found


def decision(row: Any) -> Decision:
    """A decision from a row of ``decision_rows``."""
    return Decision(
        clinic_id=row.clinic_id,
        item_id=row.item_id,
        choice=stored_choice(row.choice),
        number=row.number,
        decided_by=row.decided_by,
        decided_by_name=row.decided_by_name,
        decided_at=row.decided_at,
        note=row.note,
    )


class _Said:
    """One row read for an item, as ``kvet.rating.combine`` reads an answer. Its date stays text
    until
    the rule compares it: most merges never do."""

    __slots__ = ("choice", "number", "when")

    def __init__(self, choice: Choice | None, number: float | None, when: str) -> None:
        self.choice = choice
        self.number = number
        self.when = when

    @property
    def answered_at(self) -> datetime:
        return as_utc(self.when)


def merge_rows(kind: Kind | None, rows: list[Any], rule: Rule) -> tuple[Any, float | None]:
    """Combine the rows read for one item: (clinic, item, choice, number, when, decided?, who),
    by the one merge rule, ``kvet.rating.combine.combine``."""
    if kind is None:  # retired from the checklist, so never scored: keep what was said last
        last = max(rows, key=lambda r: as_utc(r[4]))
        return stored_choice(last[2]), last[3]
    said: list[_Said] = []
    decision = None
    for row in rows:
        if row[5]:
            decision = Decision(
                row[0], row[1], stored_choice(row[2]), row[3], row[6], "", as_utc(row[4])
            )
        else:
            said.append(_Said(stored_choice(row[2]), row[3], row[4]))
    return combine(kind, said, rule, decision)


def stored_rule(value: str | None) -> Rule:
    known = Rule._value2member_map_.get(value) if value else None
    return known if isinstance(known, Rule) else Rule.CAUTIOUS


def clinic_info(row: Clinic | Row[*tuple[Any, ...]]) -> ClinicInfo:
    """From an ORM row, or a plain row of the clinic table's columns."""
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
        currency=row.currency or "USD",
    )
