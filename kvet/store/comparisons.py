"""Comparisons: the named lists of clinics a family weighs against each other."""

from __future__ import annotations

from sqlalchemy import func, select

from kvet.store.changes import Change, ChangeKind
from kvet.store.context import StoreContext
from kvet.store.errors import NotFoundError
from kvet.store.records import ComparisonInfo
from kvet.store.tables import clinic_table, comparison_table, utcnow
from kvet.store.validation import clean_name
from kvet.store.writers import creation_edit


class ComparisonStore:
    """Create, list, rename and delete comparisons; each edit is one undoable step."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def list(self) -> list[ComparisonInfo]:
        # read at every start: from the tables themselves (see kvet.store.tables)
        clinic, comparison = clinic_table.c, comparison_table.c
        with self._ctx.db.statements() as s:
            counts: dict[str, int] = dict(
                s.execute(
                    select(clinic.comparison_id, func.count())
                    .where(clinic.deleted_at.is_(None))
                    .group_by(clinic.comparison_id)
                ).all()
            )
            rows = s.execute(
                select(comparison.id, comparison.name, comparison.created_at)
                .where(comparison.deleted_at.is_(None))
                .order_by(comparison.created_at, comparison.name)
            ).all()
            return [ComparisonInfo(c.id, c.name, counts.get(c.id, 0), c.created_at) for c in rows]

    def get(self, comparison_id: str) -> ComparisonInfo:
        clinic, comparison = clinic_table.c, comparison_table.c
        with self._ctx.db.statements() as s:
            row = s.execute(
                select(comparison.id, comparison.name, comparison.created_at).where(
                    comparison.id == comparison_id, comparison.deleted_at.is_(None)
                )
            ).first()
            if row is None:
                raise NotFoundError("gone.comparison")
            count = s.scalar(
                select(func.count()).where(
                    clinic.comparison_id == comparison_id, clinic.deleted_at.is_(None)
                )
            )
            return ComparisonInfo(row.id, row.name, count or 0, row.created_at)

    def create(self, name: str) -> ComparisonInfo:
        from kvet.store.models import Comparison

        name = clean_name(name, "comparison")
        with self._ctx.db.transaction() as s:
            row = Comparison(name=name, settings={})
            s.add(row)
            s.flush()
            info = ComparisonInfo(row.id, row.name, 0, row.created_at)
        change = Change(ChangeKind.COMPARISON, info.id)
        edit = creation_edit(f"Create comparison “{name}”", comparison_table, info.id)
        self._ctx.record(edit, change)
        self._ctx.notify(change)
        return info

    def rename(self, comparison_id: str, name: str) -> None:

        name = clean_name(name, "comparison")
        self._ctx.edit_fields(
            comparison_table,
            comparison_id,
            {"name": name},
            "Rename comparison",
            Change(ChangeKind.COMPARISON, comparison_id),
        )

    def delete(self, comparison_id: str) -> None:
        """Delete a comparison and its clinics. Undo brings them back, until kvet is closed."""

        name = self.get(comparison_id).name
        self._ctx.edit_fields(
            comparison_table,
            comparison_id,
            {"deleted_at": utcnow()},
            f"Delete comparison “{name}”",
            Change(ChangeKind.COMPARISON, comparison_id),
        )
