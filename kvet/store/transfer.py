"""Whole comparisons in and out of the store, for shared files (``kvet.exchange``).

Three doors, each one transaction, taking and returning plain records (never ORM rows; they are
in ``kvet.store.transferrecords``):

- ``read_comparison``: everything a shared file holds about one comparison, read at once so
  the file is consistent (``kvet.store.readcomparison``).
- ``holdings``: what an import would meet (people, clinics with the file's ids, answers and
  decisions already stored), so the exchange can plan and list conflicts without writing
  (``kvet.store.importholdings``).
- ``import_comparison``: a planned import, checked value by value with the store's own rules
  before anything is written (``kvet.store.importchecks``), then written whole or not at all
  (``kvet.store.importwriting``).

The file format, the planning and the conflicts stay in ``kvet.exchange``; which rows exist and
how they are written stay in the store. This module holds the doors: the transaction, the
safety copy, the undo history and the notice to listeners.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import TYPE_CHECKING

from kvet.store import backups
from kvet.store.changes import Change, ChangeKind
from kvet.store.importchecks import check_batch
from kvet.store.importholdings import read_holdings
from kvet.store.importwriting import write_batch
from kvet.store.readcomparison import read_dump
from kvet.store.transferrecords import ComparisonDump, Holdings, ImportBatch

if TYPE_CHECKING:
    from kvet.store.context import StoreContext

# What happened, never what it was about: no names, notes, answers or paths (see
# kvet.system.crashlog).
log = logging.getLogger(__name__)


class Transfer:
    """The store's door for whole comparisons (``Store.transfer``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._store = ctx  # the store's shared machinery: database, checklist, undo, notices

    def read_comparison(
        self, comparison_id: str, *, include_personal: bool = False, include_courses: bool = False
    ) -> ComparisonDump:
        """Everything a shared file holds about one comparison, read in one transaction.

        Private pre-screen topics and treatment records only when asked for (``None`` when not).
        """
        with self._store.db.transaction() as s:
            return read_dump(
                s,
                comparison_id,
                include_personal=include_personal,
                include_courses=include_courses,
            )

    def holdings(
        self,
        into: str | None,
        comparison_id: str,
        clinic_ids: Collection[str],
        people: Collection[str],
        course_ids: Collection[str] = (),
    ) -> Holdings:
        """What an import of a file would meet here, read in one transaction; writes nothing.

        ``into``: the comparison to import into (``NotFoundError`` if it is gone), or None for a
        new one, to be stored under ``comparison_id`` if that is free. ``clinic_ids`` are the
        file's; answers and decisions are those on the ones live in ``into``, and answers and
        private topics only of ``people`` (the user's people the file's are said to be).
        """
        with self._store.db.transaction() as s:
            return read_holdings(s, into, comparison_id, clinic_ids, people, course_ids)

    def import_comparison(self, batch: ImportBatch) -> str:
        """Write a planned import in one transaction; returns the comparison's id.

        Every value is checked first, with the rules typed values meet (``InvalidValueError``,
        nothing written). Into an existing comparison, a safety copy of the database is made
        first.

        An import is not an undoable step: undo history is cleared, since earlier steps may
        refer to rows the import changed (undoing them would write over what was imported).
        Listeners are told once that anything may have changed.
        """
        store = self._store
        check_batch(batch, store.checklist.items_by_id)
        if batch.new_comparison is None and store.db.path is not None:
            backups.safety_copy(store.db.path, "before-import")
        with store.db.transaction() as s:
            write_batch(s, batch)
        store.history.clear()
        log.info(
            "imported a comparison: %d clinics, %d people, %d assessments, %d decisions",
            len(batch.clinics),
            len(batch.people),
            len(batch.assessments),
            len(batch.decisions),
        )
        store.notify(Change(ChangeKind.ALL))
        return batch.comparison_id
