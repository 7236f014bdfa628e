"""Clinics within a comparison: their contact details, formats and notes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypedDict, Unpack

from sqlalchemy import func, select

from kvet.content.checklist import Format
from kvet.rating import money
from kvet.store.changes import Change, ChangeKind
from kvet.store.context import StoreContext
from kvet.store.errors import InvalidValueError, NotFoundError
from kvet.store.records import ClinicInfo
from kvet.store.rows import clinic_info, list_live_clinics
from kvet.store.tables import clinic_table, utcnow
from kvet.store.validation import FIELD_LIMITS, clean_formats, clean_name, clean_text, thing
from kvet.store.writers import creation_edit

CLINIC_FIELDS = ("name", "address", "phone", "website", "formats", "notes", "currency")
MERGING_CLINIC_FIELDS = frozenset({"notes", "address", "phone", "website", "name"})


class ClinicDetails(TypedDict, total=False):
    """A clinic's details besides its name, as keywords: mypy checks every caller's spelling."""

    address: str
    phone: str
    website: str
    formats: Iterable[Format | str]
    notes: str
    currency: str  # what its prices are in (kvet.rating.money); USD if not given


class ClinicFields(ClinicDetails, total=False):
    """Any of a clinic's fields, for an edit."""

    name: str


class ClinicStore:
    """Add, list, edit and remove clinics; each edit is one undoable step."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def list(self, comparison_id: str) -> list[ClinicInfo]:
        with self._ctx.db.statements() as s:
            return list_live_clinics(s, comparison_id)

    def get(self, clinic_id: str) -> ClinicInfo:
        table = clinic_table
        with self._ctx.db.statements() as s:
            row = s.execute(
                select(table).where(table.c.id == clinic_id, table.c.deleted_at.is_(None))
            ).first()
        if row is None:
            raise NotFoundError("gone.clinic")
        return clinic_info(row)

    def add(self, comparison_id: str, name: str, **fields: Unpack[ClinicDetails]) -> ClinicInfo:
        from kvet.store.models import Clinic, Comparison

        values = _clean_fields({"name": name, **fields})
        with self._ctx.db.transaction() as s:
            parent = s.get(Comparison, comparison_id)
            if parent is None or parent.deleted_at is not None:
                raise NotFoundError("gone.comparison")
            position = s.scalar(
                select(func.coalesce(func.max(Clinic.position), -1) + 1).where(
                    Clinic.comparison_id == comparison_id
                )
            )
            row = Clinic(comparison_id=comparison_id, position=position or 0, **values)
            s.add(row)
            s.flush()
            info = clinic_info(row)
        change = Change(ChangeKind.CLINIC, comparison_id, info.id)
        self._ctx.record(creation_edit(f"Add clinic “{info.name}”", clinic_table, info.id), change)
        self._ctx.notify(change)
        return info

    def update(self, clinic_id: str, **fields: Unpack[ClinicFields]) -> ClinicInfo:
        """Change some of a clinic's fields; unchanged values record no undo step."""

        values = _clean_fields(fields)
        info = self.get(clinic_id)
        current = {
            key: sorted(f.value for f in info.formats) if key == "formats" else getattr(info, key)
            for key in values
        }
        values = {key: value for key, value in values.items() if value != current[key]}
        if not values:
            return info
        # text typed in a run (autosaved as the user types) undoes as one step
        merge = ("clinic", clinic_id, tuple(sorted(values)))
        self._ctx.edit_fields(
            clinic_table,
            clinic_id,
            values | {"updated_at": utcnow()},
            f"Edit clinic “{info.name}”",
            Change(ChangeKind.CLINIC, info.comparison_id, clinic_id),
            merge_key=merge if set(values) <= MERGING_CLINIC_FIELDS else None,
        )
        return self.get(clinic_id)

    def delete(self, clinic_id: str) -> None:
        """Remove a clinic and its answers. Undo brings them back, until kvet is closed."""

        info = self.get(clinic_id)
        self._ctx.edit_fields(
            clinic_table,
            clinic_id,
            {"deleted_at": utcnow()},
            f"Remove clinic “{info.name}”",
            Change(ChangeKind.CLINIC, info.comparison_id, clinic_id),
        )


def _clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(CLINIC_FIELDS)
    if unknown:
        raise InvalidValueError("value.unknown-field", fields=", ".join(sorted(unknown)))
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "name":
            values[key] = clean_name(value, "clinic")
        elif key == "formats":
            values[key] = clean_formats(value)
        elif key == "notes":
            values[key] = clean_text(value, "notes")
        elif key == "currency":
            try:
                values[key] = money.clean(str(value))
            except money.CurrencyError as error:
                raise InvalidValueError("value.as-said", reason=error.words) from None
        else:
            text = clean_text(value, key).strip()
            limit = FIELD_LIMITS.get(key)
            if limit is not None and len(text) > limit:
                raise InvalidValueError("value.too-long", what=thing(key), limit=limit)
            values[key] = text
    return values
