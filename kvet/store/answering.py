"""One person's answers on a clinic: choices, facts, notes, where each came from, the
walkthrough's place, and the private pre-screen topics."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from kvet.content.checklist import Checklist, Kind
from kvet.rating.answers import Choice, Origin
from kvet.store.changes import Change, ChangeKind
from kvet.store.context import StoreContext
from kvet.store.errors import InvalidValueError
from kvet.store.records import AnswerInfo, TopicInfo
from kvet.store.rows import check_rater
from kvet.store.tables import answer_table, assessment_table, utcnow
from kvet.store.undo import Edit
from kvet.store.validation import (
    clean_fact,
    clean_origin,
    clean_text,
    fitting_choice,
    stored_choice,
    stored_origin,
)
from kvet.store.writers import (
    answer_values,
    answer_writer,
    changes_nothing,
    find_answer,
    write_place,
)

if TYPE_CHECKING:
    from kvet.store.connection import Unit

# what an ``AnswerInfo`` is made of, in its order
INFO_COLUMNS = ("item_id", "choice", "number", "note", "origin", "answered_at")


def read_answers(
    s: Unit, clinic_id: str, rater_id: str, checklist: Checklist
) -> dict[str, AnswerInfo]:
    """``AnswerStore.by_item`` inside a transaction the caller holds."""
    # the tables' columns, not ORM rows: read after every answer and at start, nothing written
    answer, assessment = answer_table, assessment_table
    rows = s.execute(
        select(*(answer.c[name] for name in INFO_COLUMNS))
        .select_from(answer.join(assessment, answer.c.assessment_id == assessment.c.id))
        .where(assessment.c.clinic_id == clinic_id, assessment.c.rater_id == rater_id)
    )
    asked = checklist.items_by_id
    return {
        item_id: AnswerInfo(
            item_id=item_id,
            choice=stored_choice(choice),
            number=number,
            note=note,
            origin=stored_origin(origin),
            answered_at=answered_at,
            retired=item_id not in asked,
        )
        for item_id, choice, number, note, origin, answered_at in rows
    }


class AnswerStore:
    """Read and record answers; every edit is undoable and autosaved."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def by_item(self, clinic_id: str, rater_id: str | None = None) -> dict[str, AnswerInfo]:
        """One person's answers on one clinic, by item id; retired items included and marked."""
        rater_id = self._ctx.rater(rater_id)
        with self._ctx.db.statements() as s:
            return read_answers(s, clinic_id, rater_id, self._ctx.checklist)

    def set(
        self,
        clinic_id: str,
        item_id: str,
        choice: Choice | None,
        *,
        rater_id: str | None = None,
        origin: Origin | None = None,
        then_at: str | None = None,
    ) -> None:
        """Record a choice (None clears it). Committed before this returns.

        ``then_at``: the walkthrough moves on to this item, remembered in the same write (one
        commit per answer instead of two; see ``set_position``).
        """
        item = self._ctx.item(item_id)
        if then_at is not None:
            self._ctx.item(then_at)
        values: dict[str, Any] = {
            "choice": None if choice is None else fitting_choice(item, choice).value,
            "answered_at": utcnow(),
        }
        if origin is not None:
            values["origin"] = clean_origin(origin).value
        self._edit(
            clinic_id, item_id, values, rater_id, f"Answer “{item.statement}”", position=then_at
        )

    def set_fact(
        self, clinic_id: str, item_id: str, number: float | None, *, rater_id: str | None = None
    ) -> None:
        """Record a number such as a price (None clears it). Committed before this returns."""
        item = self._ctx.item(item_id)
        if item.kind is not Kind.FACT:
            raise InvalidValueError("value.choice-not-number", item=item.statement)
        if number is not None:
            number = clean_fact(item, number)
        self._edit(
            clinic_id,
            item_id,
            {"number": number, "answered_at": utcnow()},
            rater_id,
            f"Set “{item.statement}”",
            # saved as the user types (after a pause): consecutive calls undo as one step
            merge_key=("fact", clinic_id, item_id, rater_id),
        )

    def set_note(
        self, clinic_id: str, item_id: str, note: str, *, rater_id: str | None = None
    ) -> None:
        """The clinic's words. Called as the user types; consecutive calls undo as one step."""
        self._ctx.item(item_id)
        note = clean_text(note, "note")
        rater_id = self._ctx.rater(rater_id)
        self._edit(
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
        """Where the answer came from: a phone call, the website, a visit, written material."""
        self._ctx.item(item_id)
        self._edit(
            clinic_id,
            item_id,
            {"origin": clean_origin(origin).value},
            rater_id,
            "Change where an answer came from",
        )

    def _edit(
        self,
        clinic_id: str,
        item_id: str,
        values: dict[str, Any],
        rater_id: str | None,
        text: str,
        merge_key: Hashable | None = None,
        position: str | None = None,
    ) -> None:
        rater_id = self._ctx.rater(rater_id)
        version = self._ctx.checklist.version
        with self._ctx.db.statements() as conn:  # plain statements: see ``find_answer``
            place = find_answer(conn, clinic_id, rater_id, item_id)
            before = place.before
            if changes_nothing(before, values):
                # e.g. the same note saved twice, or an empty note on no answer; the place to
                # resume is kept all the same
                write_place(conn, place, version, None, position)
                return
            after = answer_values(place, values)
            write_place(conn, place, version, after, position)
        comparison_id = place.comparison_id
        writer = answer_writer(clinic_id, rater_id, item_id, version)
        change = Change(ChangeKind.ANSWER, comparison_id, clinic_id, item_id)
        self._ctx.record(Edit(text, writer, before, after, merge_key), change)
        self._ctx.notify(change)

    # --- walkthrough position -----------------------------------------------------------------

    def set_position(self, clinic_id: str, item_id: str, rater_id: str | None = None) -> None:
        """Remember where the walkthrough is, so it resumes there. Not an undoable edit."""
        self._ctx.item(item_id)
        rater_id = self._ctx.rater(rater_id)
        with self._ctx.db.statements() as conn:
            place = find_answer(conn, clinic_id, rater_id, item_id)
            write_place(conn, place, self._ctx.checklist.version, None, item_id)

    def position(self, clinic_id: str, rater_id: str | None = None) -> str | None:
        """Where the walkthrough was left (an item id, possibly retired since), or None."""
        rater_id = self._ctx.rater(rater_id)
        with self._ctx.db.statements() as s:
            table = assessment_table  # read as the window opens (see kvet.store.tables)
            return s.scalar(
                select(table.c.last_item_id).where(
                    table.c.clinic_id == clinic_id, table.c.rater_id == rater_id
                )
            )

    # --- personal topics (private) ------------------------------------------------------------

    def personal_topics(self, rater_id: str | None = None) -> dict[str, TopicInfo]:
        from kvet.store.models import PersonalTopic

        rater_id = self._ctx.rater(rater_id)
        with self._ctx.db.transaction() as s:
            rows = s.scalars(select(PersonalTopic).where(PersonalTopic.rater_id == rater_id)).all()
            return {r.topic_id: TopicInfo(r.topic_id, r.applies, r.note) for r in rows}

    def set_personal_topic(
        self, topic_id: str, applies: bool, note: str = "", *, rater_id: str | None = None
    ) -> None:
        from kvet.store.models import PersonalTopic

        checklist = self._ctx.checklist
        if topic_id not in {t.id for t in checklist.personal_topics if not t.urgent}:
            # an urgent topic (thoughts of ending one's life) opens help; it is never stored
            raise InvalidValueError("value.unknown-topic", topic=topic_id)
        note = clean_text(note, "note")
        rater_id = self._ctx.rater(rater_id)
        with self._ctx.db.transaction() as s:
            check_rater(s, rater_id)
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
        self._ctx.notify(Change(ChangeKind.TOPIC))
