"""When things go wrong: a clear message, and the user's data as it was.

A damaged file is never modified; a second kvet is told the database is in use; a read-only
folder or a full disk gives a clear error and nothing half-written; a writer killed in the middle
of its work loses no answer it had saved.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from kvet.content.checklist import Checklist
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DiskFullError,
    NotKvetDatabaseError,
    ReadOnlyError,
    StorageError,
)
from kvet.store.records import ClinicInfo

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and permissions")
RED_FLAG = "rf_no_screening"


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def run_python(
    code: str, *args: str, preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=preexec_fn,
    )


@pytest.fixture(scope="module")
def made_db(checklist: Checklist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "made" / "kvet.sqlite"
    with Store.open(checklist, path) as store:
        spring = store.comparisons.create("Spring")
        for n in range(30):
            clinic = store.clinics.add(spring.id, f"Clinic {n}", notes="n" * 300)
            for item in checklist.items[:7]:
                store.answers.set(clinic.id, item.id, Choice.SEEN)
    return path


@pytest.fixture
def real_db(made_db: Path, tmp_path: Path) -> Path:
    """A closed kvet database with a few dozen clinics and answers in it."""
    folder = tmp_path / "made"
    shutil.copytree(made_db.parent, folder)
    return folder / made_db.name


# --- a damaged or foreign file ------------------------------------------------------------------


def _random_bytes(real: bytes) -> bytes:
    return random.Random(4).randbytes(64 * 1024)


def _truncated_half(real: bytes) -> bytes:
    return real[: len(real) // 2]


def _truncated_at_a_page(real: bytes) -> bytes:
    return real[: 4096 * 5]


def _header_only(real: bytes) -> bytes:
    return real[:100]


def _scribbled_over(real: bytes) -> bytes:
    middle = len(real) // 2
    return real[:middle] + b"\xff" * 8192 + real[middle + 8192 :]


def _text_file(real: bytes) -> bytes:
    return b"Clinic list\nNorth: good\nSouth: call back\n"


@pytest.mark.parametrize(
    "damage",
    [
        _random_bytes,
        _truncated_half,
        _truncated_at_a_page,
        _header_only,
        _scribbled_over,
        _text_file,
    ],
)
def test_a_damaged_or_non_sqlite_file_is_refused_by_name_and_left_untouched(
    checklist: Checklist, real_db: Path, tmp_path: Path, damage: object
) -> None:
    path = tmp_path / "damaged" / "kvet.sqlite"
    path.parent.mkdir()
    path.write_bytes(damage(real_db.read_bytes()))  # type: ignore[operator]
    before = fingerprint(path)
    with pytest.raises(DatabaseCorruptError) as refused:
        Store.open(checklist, path)
    message = str(refused.value)
    assert refused.value.path == path
    assert str(path) in message
    assert "has not changed it" in message
    assert "restore the newest backup" in message
    assert fingerprint(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["kvet.sqlite", "kvet.sqlite.lock"]


def test_another_programs_sqlite_database_is_refused_and_left_untouched(
    checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmark (url TEXT, title TEXT)")
    conn.execute("INSERT INTO bookmark VALUES ('https://example.org', 'Example')")
    conn.commit()
    conn.close()
    before = fingerprint(path)
    with pytest.raises(NotKvetDatabaseError, match="not one of kvet's") as refused:
        Store.open(checklist, path)
    assert isinstance(refused.value, DatabaseCorruptError)  # older callers still refuse it
    assert str(path) in str(refused.value)
    assert fingerprint(path) == before  # still in its own journal mode, not switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite", "places.sqlite.lock"]


def test_an_empty_file_becomes_a_new_database(checklist: Checklist, tmp_path: Path) -> None:
    """E.g. made by "touch", or by a first start that was killed before writing anything."""
    path = tmp_path / "kvet.sqlite"
    path.touch()
    with Store.open(checklist, path) as store:
        store.comparisons.create("Spring")
    assert integrity(path) == "ok"


# --- a second kvet -----------------------------------------------------------------------------


def test_a_second_kvet_in_the_same_process_is_told_the_database_is_in_use(
    checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path) as first:
        first.comparisons.create("Spring")
        with pytest.raises(DatabaseLockedError, match="already open in another kvet") as refused:
            Store.open(checklist, path)
        assert refused.value.path == path
        assert str(path) in str(refused.value)
        first.comparisons.create("Autumn")  # the first one carries on untroubled
    with Store.open(checklist, path) as second:  # and once it is closed, the next one may
        assert len(second.comparisons.list()) == 2


HOLDER = """
import sys
from pathlib import Path
from kvet.content.checklist import load_checklist
from kvet.store.api import Store

store = Store.open(load_checklist(), Path(sys.argv[1]))
store.comparisons.create("From the other kvet")
print("ready", flush=True)
sys.stdin.readline()
store.close()
"""


@posix_only
def test_a_second_kvet_process_is_told_the_database_is_in_use(
    checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "kvet.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "ready\n"
        with pytest.raises(DatabaseLockedError, match="already open"):
            Store.open(checklist, path)
    finally:
        holder.communicate("\n", timeout=30)
    assert holder.returncode == 0
    with Store.open(checklist, path) as store:
        assert [c.name for c in store.comparisons.list()] == ["From the other kvet"]


# --- a read-only folder --------------------------------------------------------------------------


def test_a_folder_that_cannot_be_created_gives_a_clear_error(
    checklist: Checklist, tmp_path: Path
) -> None:
    """Simulated without permissions (which do not stop root): a file where the folder should be."""
    blocker = tmp_path / "kvet-data"
    blocker.write_text("not a folder")
    for path in (blocker / "kvet.sqlite", blocker / "deeper" / "kvet.sqlite"):
        with pytest.raises(StorageError, match="cannot create the folder") as refused:
            Store.open(checklist, path)
        assert str(path.parent) in str(refused.value)
    assert blocker.read_text() == "not a folder"
    assert [p.name for p in tmp_path.iterdir()] == ["kvet-data"]


OPENER = """
import json, sys
from pathlib import Path

probe = Path(sys.argv[2])  # something this process must not be allowed to write to
existed = probe.exists()
try:
    with probe.open("a"):
        pass
except PermissionError:
    pass
else:
    if not existed:
        probe.unlink()
    print(json.dumps(["can-write", ""]))
    raise SystemExit
from kvet.content.checklist import load_checklist
from kvet.store.api import Store
from kvet.store.errors import StorageError

try:
    Store.open(load_checklist(), Path(sys.argv[1])).close()
except StorageError as exc:
    print(json.dumps([type(exc).__name__, str(exc)]))
else:
    print(json.dumps(["opened", ""]))
"""


def _drop_root_powers() -> None:  # pragma: no cover - runs in the child, before exec
    """Make root obey file permissions, as any user does: drop the capabilities that skip them."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def open_as_a_user(path: Path, read_only: Path) -> tuple[str, str]:
    """Open ``path`` in a kvet process that is subject to file permissions, even under root.

    ``read_only`` is what the test made read-only: the child checks first that it really cannot
    write there (or skips the test, rather than pass for the wrong reason).
    """
    as_root = os.geteuid() == 0
    try:
        done = run_python(
            OPENER,
            str(path),
            str(read_only / "probe" if read_only.is_dir() else read_only),
            preexec_fn=_drop_root_powers if as_root else None,
        )
    except subprocess.SubprocessError as exc:
        pytest.skip(f"running as root and cannot drop root's file-permission override: {exc}")
    assert done.returncode == 0, done.stderr
    kind, message = json.loads(done.stdout)
    if kind == "can-write":
        pytest.skip("this process writes into read-only folders anyway (root without a way out)")
    return kind, message


@posix_only
def test_a_read_only_folder_for_a_new_database_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        kind, message = open_as_a_user(folder / "kvet.sqlite", folder)
    finally:
        folder.chmod(0o700)
    assert kind == ReadOnlyError.__name__
    assert f"cannot write in the folder {folder}" in message
    assert list(folder.iterdir()) == []  # nothing half-made


@posix_only
def test_a_database_in_a_folder_made_read_only_gives_a_clear_error(real_db: Path) -> None:
    folder = real_db.parent
    before = fingerprint(real_db)
    listing = sorted(p.name for p in folder.iterdir())
    folder.chmod(0o500)
    try:
        kind, message = open_as_a_user(real_db, folder)
    finally:
        folder.chmod(0o700)
    assert kind == ReadOnlyError.__name__
    assert str(real_db) in message
    assert fingerprint(real_db) == before
    assert sorted(p.name for p in folder.iterdir()) == listing


@posix_only
def test_a_read_only_database_file_gives_a_clear_error(real_db: Path) -> None:
    before = fingerprint(real_db)
    real_db.chmod(0o400)
    try:
        kind, message = open_as_a_user(real_db, real_db)
    finally:
        real_db.chmod(0o600)
    assert kind == ReadOnlyError.__name__
    assert "could not open your data" in message
    assert str(real_db) in message
    assert fingerprint(real_db) == before
    assert integrity(real_db) == "ok"


# --- a full disk ------------------------------------------------------------------------------


class FullDisk:
    """A store whose disk has no room for one more page (SQLite's own "disk full" condition)."""

    def __init__(self, store: Store, clinic: ClinicInfo) -> None:
        self.store = store
        self.clinic = clinic
        with store.db.engine.connect() as conn:
            self.pages = conn.execute(text("PRAGMA page_count")).scalar()
        event.listen(store.db.engine, "connect", self._no_room)
        store.db.engine.dispose()  # every connection from now on has the limit

    def _no_room(self, dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={self.pages}")

    def make_room(self) -> None:
        event.remove(self.store.db.engine, "connect", self._no_room)
        self.store.db.engine.dispose()


@pytest.fixture
def full_disk(checklist: Checklist, tmp_path: Path) -> Iterator[FullDisk]:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        clinic = store.clinics.add(store.comparisons.create("Spring").id, "North")
        store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
        store.answers.set_note(clinic.id, RED_FLAG, "short")
        yield FullDisk(store, clinic)


def test_a_full_disk_gives_a_clear_error_and_nothing_half_written(full_disk: FullDisk) -> None:
    store, clinic = full_disk.store, full_disk.clinic
    answers = store.answers.by_item(clinic.id)
    clinics = store.clinics.list(clinic.comparison_id)
    undo_text = store.history.undo_text
    long_note = "The clinic explained their monitoring at length. " * 400

    with pytest.raises(DiskFullError, match="the disk is full") as refused:
        store.answers.set_note(clinic.id, RED_FLAG, long_note)
    assert "Nothing was changed" in str(refused.value)
    assert str(store.path) in str(refused.value)
    with pytest.raises(DiskFullError):
        store.clinics.add(clinic.comparison_id, "South", notes=long_note)

    assert store.answers.by_item(clinic.id) == answers
    assert store.clinics.list(clinic.comparison_id) == clinics
    assert store.history.undo_text == undo_text  # no undo step for what was not saved
    assert store.path is not None
    assert integrity(store.path) == "ok"

    full_disk.make_room()
    store.answers.set_note(
        clinic.id, RED_FLAG, long_note
    )  # once there is room, the same call works
    assert store.answers.by_item(clinic.id)[RED_FLAG].note == long_note


def test_an_undo_that_does_not_fit_on_the_disk_stays_undoable(full_disk: FullDisk) -> None:
    store, clinic = full_disk.store, full_disk.clinic
    full_disk.make_room()
    store.seal_undo()
    store.answers.set_note(clinic.id, RED_FLAG, "x" * 20_000)
    store.seal_undo()
    store.answers.set_note(clinic.id, RED_FLAG, "")
    with store.db.engine.connect() as conn:  # give the freed pages back to the disk...
        conn.connection.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
    full_disk.__init__(store, clinic)  # type: ignore[misc]  # ...which then fills up again
    with pytest.raises(DiskFullError):
        store.undo()  # bringing the long note back needs room
    assert store.history.undo_text == "Edit note"
    assert store.answers.by_item(clinic.id)[RED_FLAG].note == ""
    full_disk.make_room()
    assert store.undo()
    assert store.answers.by_item(clinic.id)[RED_FLAG].note == "x" * 20_000


FILLER = """
import json, resource, signal, sys
from pathlib import Path
from kvet.content.checklist import load_checklist
from kvet.store.api import Store
from kvet.store.errors import StorageError

path = Path(sys.argv[1])
store = Store.open(load_checklist(), path)
clinic = store.clinics.add(store.comparisons.create("Spring").id, "North")
store.answers.set_note(clinic.id, "rf_no_screening", "short")
report = {}
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
limit = max(p.stat().st_size for p in path.parent.iterdir() if p.is_file())
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
try:
    store.answers.set_note(clinic.id, "rf_no_screening", "x" * 20000)
    report["error"] = None
except StorageError as exc:
    report["error"] = [type(exc).__name__, str(exc)]
report["note"] = store.answers.by_item(clinic.id)["rf_no_screening"].note
report["undo"] = store.history.undo_text
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
store.answers.set_note(clinic.id, "rf_no_screening", "y" * 20000)
report["after"] = len(store.answers.by_item(clinic.id)["rf_no_screening"].note)
store.close()
print(json.dumps(report))
"""


@posix_only
def test_a_write_the_operating_system_refuses_leaves_the_database_whole(tmp_path: Path) -> None:
    """A real failed write (the file-size limit, as a full disk would), in a separate process."""
    path = tmp_path / "kvet.sqlite"
    done = run_python(FILLER, str(path))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    kind, message = report["error"]
    assert kind == StorageError.__name__
    assert "Nothing was changed" in message
    assert "If the disk is full, free some space" in message
    assert report["note"] == "short"
    assert report["undo"] == "Edit note"  # the note typed before, not the one that failed
    assert report["after"] == 20000
    assert integrity(path) == "ok"


# --- killed in the middle of many writes --------------------------------------------------------

WRITER = """
import sys
from pathlib import Path
from kvet.rating.answers import OPTIONS
from kvet.content.checklist import Kind, load_checklist
from kvet.store.api import Store

path, round_, clinics = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
store = Store.open(load_checklist(), path)
items = [i for i in store.checklist.items if i.kind is not Kind.FACT]
print("ready", flush=True)
n = 0
while True:
    for item in items:
        for clinic in clinics:
            n += 1
            choice = OPTIONS[item.kind][n % len(OPTIONS[item.kind])].choice
            store.answers.set(clinic, item.id, choice)
            print(f"answer\\t{clinic}\\t{item.id}\\t{choice.value}", flush=True)
            store.answers.set_note(clinic, item.id, f"{round_}:{n}")
            print(f"note\\t{clinic}\\t{item.id}\\t{round_}:{n}", flush=True)
"""


@posix_only
def test_a_writer_killed_at_random_moments_loses_no_saved_answer(
    checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path) as store:
        spring = store.comparisons.create("Spring")
        clinics = [store.clinics.add(spring.id, f"Clinic {n}").id for n in range(4)]
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    answered: set[tuple[str, str]] = set()
    noted: dict[tuple[str, str], tuple[int, int]] = {}  # the last note reported, as (round, n)
    reports = []
    for round_ in range(6):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(round_), *clinics],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        if round_ % 3 == 2:  # now and then while it is still starting up (backup, checks)
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            assert writer.stdout.readline() == "ready\n"
            time.sleep(rng.uniform(0.02, 0.25))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL
        lines = [line for line in out.split("\n")[:-1] if line != "ready"]  # whole lines only
        reports.append(len(lines))
        for line in lines:
            what, clinic, item, value = line.split("\t")
            if what == "answer":
                answered.add((clinic, item))
            else:
                r, n = value.split(":")
                noted[(clinic, item)] = (int(r), int(n))

    context = f"seed {seed}, lines reported per round {reports}"
    assert sum(reports) > 0, context
    assert integrity(path) == "ok", context
    with Store.open(checklist, path) as store:  # the killed writer's lock went with it
        stored = {clinic: store.answers.by_item(clinic) for clinic in clinics}
        made = store.list_backups()
    for clinic, item in answered:
        assert stored[clinic][item].choice is not None, context
    for (clinic, item), reported in noted.items():
        r, n = stored[clinic][item].note.split(":")
        assert (int(r), int(n)) >= reported, context  # the reported note, or one saved after it
    for backup in made:  # a backup cut short by the kill is never offered as one
        assert integrity(backup.path) == "ok", context
