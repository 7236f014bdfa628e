"""Checks that find damage SQLite's own quick check cannot see, without writing anything.

``PRAGMA quick_check`` proves the file's structure; it does not prove that a saved date is a date
or that a saved list is JSON. kvet reads those values when the window loads, so a damaged one
would stop the window half-way. These checks run in SQL on the read-only connection that looks
at the file before it is opened for writing: a full scan of the date and JSON columns costs a few
milliseconds per thousand answers.

The write-ahead log (``-wal``) holds the newest commits. SQLite ignores a log whose header is
damaged, and the next writer would then throw those commits away: kvet refuses such a file
instead, so the log can be kept.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from sqlalchemy import JSON, DateTime, String

from kvet.answers import Choice, Origin
from kvet.store.models import Base

WAL_HEADER = 32
WAL_MAGIC = {0x377F0682: "<", 0x377F0683: ">"}  # checksums in little- or big-endian words
WAL_VERSION = 3007000


def cut_short(db_path: Path) -> str | None:
    """Whether the file is shorter than its own header says (a copy or a sync cut off): SQLite
    would read what is left and fail only when a query reaches the missing pages."""
    try:
        with db_path.open("rb") as handle:
            header = handle.read(100)
        size = db_path.stat().st_size
    except OSError:
        return None
    if len(header) < 100:
        return "it is cut short" if header else None
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged"
    pages, valid_for = struct.unpack(">I", header[28:32])[0], header[92:96]
    if size % page_size or (valid_for == header[24:28] and size < pages * page_size):
        return "it is cut short"
    return None


def _wal_checksum(data: bytes, order: str) -> tuple[int, int]:
    s0 = s1 = 0
    for x0, x1 in struct.iter_unpack(f"{order}II", data):
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def wal_problem(db_path: Path) -> str | None:
    """Why the database's write-ahead log cannot be trusted, or None when it is fine or absent."""
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        with wal.open("rb") as handle:
            header = handle.read(WAL_HEADER)
    except FileNotFoundError:
        return None
    if len(header) < WAL_HEADER:
        return None  # SQLite has not finished its first write to it; it holds no commit yet
    magic, version, page_size = struct.unpack(">III", header[:12])
    order = WAL_MAGIC.get(magic)
    if order is None or version != WAL_VERSION or page_size & (page_size - 1) or page_size < 512:
        return f"its file of recent changes, {wal.name}, is damaged"
    if _wal_checksum(header[:24], order) != struct.unpack(">II", header[24:32]):
        return f"its file of recent changes, {wal.name}, is damaged"
    return None


# columns holding one of a fixed set of words; kvet turns them back into its enums on load
WORDS = {
    ("answer", "choice"): tuple(Choice),
    ("decision", "choice"): tuple(Choice),
    ("answer", "origin"): tuple(Origin),
}


def _row_checks(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, SQL finding a damaged value) for each table with date, JSON or word columns the
    file has: one scan per table."""
    checks = []
    for table in Base.metadata.sorted_tables:
        present = {str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        conditions = []
        for column in table.columns:
            if column.name not in present:
                continue
            name = f'"{column.name}"'
            words = WORDS.get((table.name, column.name))
            if words:
                listed = ", ".join(f"'{w.value}'" for w in words)
                bad = f"typeof({name}) != 'text' OR {name} NOT IN ({listed})"
            elif isinstance(column.type, JSON):
                bad = f"json_valid({name}) = 0"
            elif isinstance(column.type, DateTime) or isinstance(
                getattr(column.type, "impl", None), DateTime
            ):
                # SQLite's date() lets 2026-02-30 through, and its day count carries it into
                # March; Python refuses that day, so a date must survive the round trip
                bad = (
                    f"typeof({name}) != 'text' OR datetime({name}) IS NULL "
                    f"OR date(julianday({name})) IS NOT substr({name}, 1, 10)"
                )
            else:
                continue
            conditions.append(f"({name} IS NOT NULL AND ({bad}))")
        if conditions:
            checks.append(
                (
                    table.name,
                    f'SELECT 1 FROM "{table.name}" WHERE {" OR ".join(conditions)} LIMIT 1',
                )
            )
    return checks


def damaged_rows(conn: sqlite3.Connection) -> str | None:
    """A short description (no user data) of the first damaged saved value, or None."""
    for table, sql in _row_checks(conn):
        if conn.execute(sql).fetchone() is not None:
            return f"a saved value in its {table} table cannot be read"
    return undecodable_text(conn)


def undecodable_text(conn: sqlite3.Connection) -> str | None:
    """Text that is not UTF-8 (a scribbled byte in a note) fails only when it is read, so every
    text column is read once, in batches; the error quotes the text, so it is never shown."""
    for table in Base.metadata.sorted_tables:
        present = {str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        columns = [
            f'"{c.name}"' for c in table.columns if c.name in present and isinstance(c.type, String)
        ]
        if not columns:
            continue
        cursor = conn.execute(f'SELECT {", ".join(columns)} FROM "{table.name}"')
        try:
            while cursor.fetchmany(1000):
                pass
        except (UnicodeDecodeError, sqlite3.OperationalError) as exc:
            if isinstance(exc, UnicodeDecodeError) or "decode" in str(exc):
                return f"some text in its {table.name} table cannot be read"
            raise
    return None


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """SQLite's full check (indexes too): a few tens of ms on a large database, so kvet runs it
    once a day, before the daily backup, rather than on every start."""
    result = conn.execute("PRAGMA integrity_check(3)").fetchall()
    if [tuple(r) for r in result] == [("ok",)]:
        return None
    return "; ".join(str(r[0]) for r in result[:3]) or "no answer"
