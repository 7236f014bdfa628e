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
        # read at every start: from the tables themselves (see kvet.store.models)
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
        from kvet.store.models import Clinic, Comparison

        with self._ctx.db.transaction() as s:
            row = s.get(Comparison, comparison_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("gone.comparison")
            count = s.scalar(
                select(func.count()).where(
                    Clinic.comparison_id == comparison_id, Clinic.deleted_at.is_(None)
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
        self._ctx.record(creation_edit(f"Create comparison “{name}”", Comparison, info.id), change)
        self._ctx.notify(change)
        return info

    def rename(self, comparison_id: str, name: str) -> None:
        from kvet.store.models import Comparison

        name = clean_name(name, "comparison")
        self._ctx.edit_fields(
            Comparison,
            comparison_id,
            {"name": name},
            "Rename comparison",
            Change(ChangeKind.COMPARISON, comparison_id),
        )

    def delete(self, comparison_id: str) -> None:
        """Delete a comparison and its clinics. Undo brings them back, until kvet is closed."""
        from kvet.store.models import Comparison

        name = self.get(comparison_id).name
        self._ctx.edit_fields(
            Comparison,
            comparison_id,
            {"deleted_at": utcnow()},
            f"Delete comparison “{name}”",
            Change(ChangeKind.COMPARISON, comparison_id),
        )
