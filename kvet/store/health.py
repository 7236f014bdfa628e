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
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import JSON, DateTime, String

from kvet.rating.answers import Choice, Origin
from kvet.store.tables import metadata
from kvet.text.errors import Words

WAL_HEADER = 32
WAL_MAGIC = {0x377F0682: "<", 0x377F0683: ">"}  # checksums in little- or big-endian words
WAL_VERSION = 3007000


def cut_short(db_path: Path) -> Words | None:
    """Whether the file is shorter than its own header says (a copy or a sync cut off): SQLite
    would read what is left and fail only when a query reaches the missing pages."""
    try:
        with db_path.open("rb") as handle:
            header = handle.read(100)
        size = db_path.stat().st_size
    except OSError:
        return None
    if len(header) < 100:
        return Words("damage.cut-short") if header else None
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return Words("damage.header")
    pages, valid_for = struct.unpack(">I", header[28:32])[0], header[92:96]
    if size % page_size or (valid_for == header[24:28] and size < pages * page_size):
        return Words("damage.cut-short")
    return None


def _wal_checksum(data: bytes, order: str, start: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """SQLite's WAL checksum: two running sums over 32-bit words in the log's byte order."""
    s0, s1 = start
    for x0, x1 in struct.iter_unpack(f"{order}II", data):
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def wal_problem(db_path: Path) -> Words | None:
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
        return Words("damage.wal", name=wal.name)
    if _wal_checksum(header[:24], order) != struct.unpack(">II", header[24:32]):
        return Words("damage.wal", name=wal.name)
    return None


WAL_FRAME_HEADER = 24


@dataclass(frozen=True)
class LostChanges:
    """What a damaged frame in the write-ahead log hides: SQLite replays the log only up to the
    last sound commit before the first bad frame, so every commit after it would be dropped."""

    lost_commits: int


def wal_frames_problem(db_path: Path) -> LostChanges | None:
    """Check every frame's checksum in the database's write-ahead log (SQLite's own algorithm,
    https://www.sqlite.org/fileformat2.html#walformat): None when the log is sound or absent.

    The log is a header then frames: a 24-byte frame header (page number, the database's size
    in pages on a commit frame else 0, the header's two salts, a checksum) and a page. Each
    frame's checksum runs on from the one before it, over the frame header's first 8 bytes and
    the page. A frame whose salts are not the header's is left over from before the log was
    restarted: normal. A bad frame is damage when a change ends at it or after it (a frame with
    the header's salts and a database size), except a last change that SQLite's own index says
    it never finished writing (a crash part-way through, never reported saved).
    """
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if len(data) < WAL_HEADER:
        return None
    magic, _version, page_size = struct.unpack(">III", data[:12])
    order = WAL_MAGIC.get(magic)
    if order is None or page_size < 512 or page_size & (page_size - 1):
        return None  # wal_problem says so
    salts = data[16:24]
    checksum = struct.unpack(">II", data[24:32])
    frame_size = WAL_FRAME_HEADER + page_size
    count = (len(data) - WAL_HEADER) // frame_size
    for index in range(count):
        start = WAL_HEADER + index * frame_size
        header = data[start : start + WAL_FRAME_HEADER]
        if header[8:16] == salts:
            checksum = _wal_checksum(
                header[:8] + data[start + WAL_FRAME_HEADER : start + frame_size], order, checksum
            )
            if checksum == struct.unpack(">II", header[16:24]):
                continue
        lost = 0
        for after in range(index, count):
            frame = WAL_HEADER + after * frame_size
            if data[frame + 8 : frame + 16] == salts and data[frame + 4 : frame + 8] != bytes(4):
                lost += 1
        # Only the bad frame itself ends a change: a bit flipped in the last saved change, or a
        # crash between the two writes of its frame (never reported saved).
        only_itself = lost == 1 and header[4:8] != bytes(4) and header[8:16] == salts
        if only_itself and not _written_whole(db_path, salts, index + 1):
            return None
        return LostChanges(lost) if lost else None
    return None


def _written_whole(db_path: Path, salts: bytes, frame_number: int) -> bool:
    """Whether SQLite had finished writing frame ``frame_number`` of this log, as far as its
    index (``-shm``, kept in memory by the system while kvet runs, so it outlives a killed kvet)
    says. Without an index that speaks of this log (a copied file, another log), it counts as
    written: a loss is better said than not."""
    shm = db_path.with_name(db_path.name + "-shm")
    try:
        with shm.open("rb") as handle:
            index = handle.read(48)
    except OSError:
        return True
    if len(index) < 48 or struct.unpack("=I", index[:4])[0] != WAL_VERSION:
        return True
    if index[32:40] != salts:  # SQLite copies the log header's salt bytes as they are
        return True
    return bool(struct.unpack("=I", index[16:20])[0] >= frame_number)


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
    for table in metadata.sorted_tables:
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


def damaged_rows(conn: sqlite3.Connection) -> Words | None:
    """A short description (no user data) of the first damaged saved value, or None."""
    for table, sql in _row_checks(conn):
        if conn.execute(sql).fetchone() is not None:
            return Words("damage.saved-value", table=table)
    return undecodable_text(conn)


def undecodable_text(conn: sqlite3.Connection) -> Words | None:
    """Text that is not UTF-8 (a scribbled byte in a note) fails only when it is read, so every
    text column is read once, in batches; the error quotes the text, so it is never shown."""
    for table in metadata.sorted_tables:
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
                return Words("damage.text", table=table.name)
            raise
    return None


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """SQLite's full check, on every opening: ``quick_check`` proves the pages but not that each
    index holds its table's rows, and a damaged index makes a query quietly return fewer rows
    (two of five clinics listed). Measured in bench/notes-integrity.md: 26 ms against 7 ms for a
    quick check at 13,800 answers; comparing counts through each index is cheaper (1.3 ms) but
    misses an index entry whose key was changed, which this catches."""
    result = conn.execute("PRAGMA integrity_check(3)").fetchall()
    if [tuple(r) for r in result] == [("ok",)]:
        return None
    return "; ".join(str(r[0]) for r in result[:3]) or "no answer"


def damaged_treatment(conn: sqlite3.Connection) -> Words | None:
    """A treatment entry or plan that "My treatment" could not read back, or None.

    Entries are JSON checked on the way in (``kvet.store.courses``); one damaged on disk would
    pass every check above and stop the page, so each is read here against the fields of its
    kind, as kvet writes them. kvet.treatment.course is imported only when there are entries to
    check.
    """
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "course_entry" not in tables or "course" not in tables:
        return None
    if conn.execute("SELECT 1 FROM course LIMIT 1").fetchone() is None:
        return None
    from kvet.treatment import treatmentcheck

    for (plan,) in conn.execute("SELECT plan FROM course"):
        if not treatmentcheck.plan_fits(plan):
            return Words("damage.plan")
    cursor = conn.execute("SELECT kind, day, data FROM course_entry")
    while rows := cursor.fetchmany(1000):
        for kind, day, data in rows:
            if not treatmentcheck.entry_fits(kind, day, data):
                return Words("damage.entry")
    return None


def planted(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(type, name) of each trigger or view in the file: kvet makes none, so each was put there
    by something else, and a trigger runs on kvet's own writes (it could delete answers)."""
    return [
        (str(kind), str(name))
        for kind, name in conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name"
        )
    ]
