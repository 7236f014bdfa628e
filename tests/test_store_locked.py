"""Another program holding SQLite's lock on the database is told the same way, whatever kvet was
doing: opening the file (its first, read-only look) or saving a change. Both paths read one table
of SQLite's errors (``kvet.store.errors.SQLITE_ERRORS``)."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from kvet.content.checklist import Checklist
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.errors import DatabaseLockedError, StorageError

RED_FLAG = "rf_no_monitoring"
IN_USE = "another program is using the database"


@pytest.fixture
def path(checklist: Checklist, tmp_path: Path) -> Path:
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path, daily_backup=False) as store:
        clinic = store.clinics.add(store.comparisons.create("Spring").id, "North")
        store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
    return path


@pytest.fixture
def other_program(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of writing to kvet's file, holding SQLite's lock."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")  # readers are kept out too
    conn.execute("BEGIN EXCLUSIVE")
    yield conn
    conn.rollback()
    conn.close()


@pytest.fixture
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite gives up at once instead of waiting for the lock (kvet waits two seconds)."""
    monkeypatch.setattr(sqlite3, "connect", functools.partial(sqlite3.connect, timeout=0))


def _give_up_at_once(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.execute("PRAGMA busy_timeout=0")


def test_a_file_another_program_is_writing_is_not_opened_and_the_user_is_told_why(
    checklist: Checklist, path: Path, other_program: sqlite3.Connection, no_waiting: None
) -> None:
    with pytest.raises(DatabaseLockedError, match=IN_USE) as refused:
        Store.open(checklist, path, daily_backup=False)
    assert str(refused.value).startswith("kvet could not open your data: ")
    assert str(path) in str(refused.value)
    assert "Close it, then try again." in str(refused.value)


def test_a_change_while_another_program_writes_says_the_same_and_saves_nothing(
    checklist: Checklist, path: Path
) -> None:
    with Store.open(checklist, path, daily_backup=False) as store:
        clinic = store.clinics.list(store.comparisons.list()[0].id)[0]
        event.listen(store.db.engine, "connect", _give_up_at_once)
        store.db.engine.dispose()
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(DatabaseLockedError, match=IN_USE) as refused:
                store.answers.set_note(clinic.id, RED_FLAG, "they monitor for two hours")
        finally:
            conn.rollback()
            conn.close()
        assert str(refused.value).startswith("kvet could not save your change: ")
        assert str(path) in str(refused.value)
        assert "Close it, then try again." in str(refused.value)
        assert store.answers.by_item(clinic.id)[RED_FLAG].note == ""  # nothing was saved
        assert not store.can_undo
        store.answers.set_note(clinic.id, RED_FLAG, "they monitor for two hours")  # now it can
        assert store.answers.by_item(clinic.id)[RED_FLAG].note == "they monitor for two hours"


def _sqlite_error(name: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorname = name
    return error


@pytest.mark.parametrize("name", ["SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT"])
def test_every_lock_error_of_sqlite_is_the_same_locked_error_opening_and_saving(
    checklist: Checklist, path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    def refuse_to_read(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        if kwargs.get("uri"):  # the first, read-only look at the file
            raise _sqlite_error(name)
        connection: sqlite3.Connection = real_connect(*args, **kwargs)
        return connection

    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", refuse_to_read)
    with pytest.raises(StorageError) as opening:
        Store.open(checklist, path, daily_backup=False)
    monkeypatch.undo()

    def refuse_to_write(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if statement.lstrip().upper().startswith(("UPDATE", "INSERT")):  # an answer's write
            raise OperationalError(statement, {}, _sqlite_error(name))

    with Store.open(checklist, path, daily_backup=False) as store:
        clinic = store.clinics.list(store.comparisons.list()[0].id)[0]
        event.listen(Engine, "before_cursor_execute", refuse_to_write)
        try:
            with pytest.raises(StorageError) as saving:
                store.answers.set_note(clinic.id, RED_FLAG, "a note")
        finally:
            event.remove(Engine, "before_cursor_execute", refuse_to_write)

    assert type(opening.value) is type(saving.value) is DatabaseLockedError
    said = [str(e.value).split(": ", 1)[1] for e in (opening, saving)]
    assert said[0] == said[1] == f"{IN_USE} {path}. Close it, then try again."
