"""Opening the user's data for one command, and finding in it what the command line names.

A command names a comparison, a person or a treatment record by name or id; each finder says
in one sentence why it found none, or several.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kvet.cli.language import remember_saved, system_language
from kvet.exchange.errors import ExchangeError
from kvet.text import language

if TYPE_CHECKING:
    from kvet.store.api import Store


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    """Open the database; only an import may create it (an export from a mistyped path would
    otherwise leave an empty database behind and then say there is nothing to export).

    A command that only reads (list, export) still runs while the window has the database open:
    it then reads without the lock, as the window's commits allow."""
    from kvet.content.checklist import load_checklist
    from kvet.store.api import Store
    from kvet.store.locking import COMMAND

    if not create and args.db is not None and not Path(args.db).expanduser().exists():
        raise ExchangeError("cli.no-database", path=Path(args.db))
    store = Store.open(
        load_checklist(), args.db, daily_backup=False, holder=COMMAND, read_only_if_busy=not create
    )
    remember_saved(store.settings)  # for refusals after this
    return store


def open_in_language(args: argparse.Namespace) -> Store:
    """The store, with its checklist in the language of the export: ``--lang`` (or KVET_LANG),
    else the one the window uses (the user's saved choice, else the system's).

    Only the user's data knows their choice, so the store is opened once to read it, and again
    in that language when it differs from the one this run started in."""
    chosen = getattr(args, "lang", None) or language.override()
    if chosen:
        language.set_active(chosen)
        return open_store(args)
    store = open_store(args)
    chosen = language.choose_language(language.saved_language(store.settings), system_language())
    if chosen == language.active():
        return store
    store.close()
    language.set_active(chosen)
    return open_store(args)


def find_comparison(store: Store, wanted: str | None) -> str:
    """``--comparison`` (or ``--into``): by name or id; without it, the only or the last one."""
    comparisons = store.comparisons.list()
    if not comparisons:
        raise ExchangeError("cli.no-comparisons")
    if wanted is None:
        last = store.settings.preference("last_comparison")
        if len(comparisons) == 1:
            return str(comparisons[0].id)
        if any(c.id == last for c in comparisons):
            return str(last)
        raise ExchangeError("cli.several-comparisons")
    matches = [c for c in comparisons if wanted in (c.id, c.name)]
    if len(matches) != 1:
        raise ExchangeError("cli.no-such-comparison")
    return str(matches[0].id)


def find_person(store: Store, wanted: str) -> str:
    """``--person`` (or the YOURS of ``--same-person``): one of the user's people."""
    people = [r for r in store.people.list() if wanted in (r.id, r.name)]
    if not people:
        raise ExchangeError("cli.no-such-person")
    return people[0].id


def find_clinic(store: Store, comparison_id: str, wanted: str) -> str:
    """``--clinic`` of a call sheet: one clinic of the comparison, by name or id."""
    clinics = [c for c in store.clinics.list(comparison_id) if wanted in (c.id, c.name)]
    if not clinics:
        raise ExchangeError("cli.no-such-clinic")
    if len(clinics) > 1:
        raise ExchangeError("cli.several-clinics")
    return clinics[0].id


def find_course(store: Store, wanted: str | None) -> str:
    """``--clinic`` of a treatment export: a record's clinic or id; without it, the only one."""
    courses = store.courses.list_courses()
    if not courses:
        raise ExchangeError("cli.no-courses")
    if wanted is None:
        if len(courses) == 1:
            return courses[0].id
        raise ExchangeError("cli.several-courses")
    matches = [c for c in courses if wanted in (c.id, c.clinic_name)]
    if not matches:
        raise ExchangeError("cli.no-such-course")
    if len(matches) > 1:
        raise ExchangeError("cli.several-courses-for-clinic")
    return matches[0].id
