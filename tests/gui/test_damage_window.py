"""When the data cannot be opened, the window names the newest good backup (its date and size),
restores it on request, and keeps the damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist
from kvet.gui.main.opendata import (
    LOAD_FAILED,
    attach_safely,
    offer_restore_after_load_failure,
    open_store,
)
from kvet.store import backups
from tests.gui.test_app_start import answer_next_message, digest
from tests.test_damage import comparison_names, raw_update, with_backup


def size_shown(backup: Path) -> str:
    return f"({max(1, round(backup.stat().st_size / 1024))} KB)"


def accept_every_later_message(first: list[tuple[str, list[str]]], later: list[str]) -> None:
    """Note and close the messages that follow the first one (e.g. "kept as ...")."""
    from PySide6.QtCore import QTimer

    def confirm() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.isVisible()
                and first
                and widget.text() != first[0][0]
                and widget.text() not in later
            ):
                later.append(widget.text())
                widget.accept()
        if len(later) < 1:
            QTimer.singleShot(20, confirm)

    QTimer.singleShot(40, confirm)


def test_an_emptied_database_offers_the_newest_backup_by_date_and_size(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    backup = with_backup(checklist, db)
    db.write_bytes(b"")
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Restore the newest backup", seen)
    store = open_store(checklist, db)
    assert store is not None
    try:
        assert [c.name for c in store.comparisons.list()] == ["Spring search"]
    finally:
        store.close()
    text, offered = seen[0]
    assert "holds no kvet data" in text
    assert f"the backup of 1 March 2026 {size_shown(backup)}" in text
    assert "Start a new database" in offered


def test_a_damaged_value_is_refused_and_the_restore_keeps_the_damaged_file(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    backup = with_backup(checklist, db)
    raw_update(db, "UPDATE comparison SET created_at = 'last spring'")
    damaged = digest(db)
    seen: list[tuple[str, list[str]]] = []
    later: list[str] = []
    answer_next_message("Restore the newest backup", seen)
    accept_every_later_message(seen, later)
    store = open_store(checklist, db)
    assert store is not None
    store.close()
    assert "cannot be read" in seen[0][0]
    assert size_shown(backup) in seen[0][0]
    kept = [p for p in backups.backup_dir(db).iterdir() if "before-restore" in p.name]
    assert len(kept) == 1
    assert digest(kept[0]) == damaged
    assert str(kept[0]) in later[0]
    assert comparison_names(db) == ["Spring search"]


def test_a_damaged_backup_is_never_offered(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    backup = with_backup(checklist, db)
    backup.write_bytes(b"\0" * 8192)
    db.write_bytes(b"x")
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Quit", seen)
    assert open_store(checklist, db) is None
    assert "Restore the newest backup" not in seen[0][1]
    assert db.read_bytes() == b"x"


def test_a_load_that_fails_anyway_says_so_plainly_and_offers_the_backup(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage no check foresaw stops the load: a plain message, never an empty window."""
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.store.api import Store

    db = tmp_path / "kvet.sqlite"
    backup = with_backup(checklist, db)
    window = MainWindow()
    qtbot.addWidget(window)

    def broken_attach(self: MainWindow, store: object) -> None:
        raise ValueError("Invalid isoformat string: 'Riverside secret note'")

    monkeypatch.setattr(MainWindow, "attach", broken_attach)
    store = Store.open(checklist, db, daily_backup=False)
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Quit", seen)
    assert attach_safely(window, store) is None
    assert store.db.closed
    text, offered = seen[0]
    assert text.startswith(LOAD_FAILED)
    assert "Riverside" not in text  # the error's detail could hold health data
    assert f"the backup of 1 March 2026 {size_shown(backup)}" in text
    assert offered == ["Restore the newest backup", "Quit"]
    assert comparison_names(db) == ["Spring search"]


def test_the_offer_after_a_failed_load_restores_on_request(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    with_backup(checklist, db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE comparison SET name = 'Changed after the backup'")
    conn.commit()
    conn.close()
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Restore the newest backup", seen)
    restored = offer_restore_after_load_failure(db, None)
    assert seen[0][1] == ["Restore the newest backup", "Quit"], seen
    assert restored is True
    assert comparison_names(db) == ["Spring search"]


def test_another_programs_file_in_kvets_place_offers_kvets_backup_and_is_kept(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    with_backup(checklist, db)
    db.unlink()
    with sqlite3.connect(db) as other:
        other.execute("create table photo (id integer primary key, name text)")
    other.close()
    foreign = digest(db)
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Restore the newest backup", seen)
    store = open_store(checklist, db)
    assert store is not None
    store.close()
    assert "not one of kvet's" in seen[0][0]
    assert "Start a new database" not in seen[0][1]  # never moved aside
    assert comparison_names(db) == ["Spring search"]
    kept = backups.backup_dir(db).glob("kvet-before-restore-*.sqlite")
    assert [digest(p) for p in kept] == [foreign]


def test_in_spanish_the_damaged_database_and_its_backup_are_explained_in_spanish(
    qapp: QApplication, qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    """The core writes its error in English; the window shows it, and the backup, in Spanish."""
    from kvet.gui.main.language import install_translations

    db = tmp_path / "kvet.sqlite"
    backup = with_backup(checklist, db)
    db.write_bytes(b"")
    install_translations(qapp, "es")
    try:
        seen: list[tuple[str, list[str]]] = []
        answer_next_message("Restaurar la copia más reciente", seen)
        store = open_store(checklist, db)
        assert store is not None
        store.close()
    finally:
        install_translations(qapp, "en")
    text, offered = seen[0]
    assert "holds no kvet data" not in text
    assert f"la copia de seguridad del 1 de marzo de 2026 {size_shown(backup)}" in text, text
    assert "Restaurar la copia más reciente" in offered


# --- issue 23: a damaged log, index damage, damaged treatment entries --------------------------


def test_a_damaged_log_offers_the_backup_or_opening_without_the_lost_changes(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    from tests.test_damage import crashed_with_commits_in_the_log, flip_a_bit_in_a_frame

    db = crashed_with_commits_in_the_log(checklist, tmp_path)
    backups.daily_backup(db)
    wal = db.with_name("kvet.sqlite-wal")
    flip_a_bit_in_a_frame(wal, (wal.stat().st_size - 32) // (24 + 4096) - 6)
    damaged_log = digest(wal)
    seen: list[tuple[str, list[str]]] = []
    later: list[str] = []
    answer_next_message("Open without the lost changes", seen)
    accept_every_later_message(seen, later)
    store = open_store(checklist, db)
    assert store is not None
    try:
        assert 0 < len(store.comparisons.list()) < 7
    finally:
        store.close()
    text, offered = seen[0]
    assert "file of recent changes, kvet.sqlite-wal, is damaged" in text
    assert "Search" not in text
    assert {"Restore the newest backup", "Open without the lost changes", "Quit"} == set(offered)
    assert "Start a new database" not in offered
    [kept] = backups.backup_dir(db).glob("kvet-before-repair-*.sqlite-wal")
    assert digest(kept) == damaged_log
    assert "were kept as" in later[0]


def test_the_damaged_log_message_is_in_spanish(
    qtbot: QtBot, qapp: QApplication, checklist: Checklist, tmp_path: Path
) -> None:
    from kvet.gui.main.language import install_translations
    from tests.test_damage import crashed_with_commits_in_the_log, flip_a_bit_in_a_frame

    db = crashed_with_commits_in_the_log(checklist, tmp_path)
    wal = db.with_name("kvet.sqlite-wal")
    flip_a_bit_in_a_frame(wal, 3)
    before = digest(wal)
    install_translations(qapp, "es")
    try:
        seen: list[tuple[str, list[str]]] = []
        answer_next_message("Salir", seen)
        assert open_store(checklist, db) is None
    finally:
        install_translations(qapp, "en")
    text, offered = seen[0]
    assert "su archivo de cambios recientes, kvet.sqlite-wal, está dañado" in text
    assert "Abrir sin los cambios perdidos" in offered
    assert digest(wal) == before  # quitting changes nothing


def test_index_damage_is_refused_with_the_backup_offered(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    from kvet.store.api import Store
    from tests.test_damage import damage_the_clinic_index

    db = tmp_path / "kvet.sqlite"
    with Store.open(checklist, db, daily_backup=False) as writer:
        spring = writer.comparisons.create("Spring search")
        for n in range(5):
            writer.clinics.add(spring.id, f"Clinic {n}")
    backups.daily_backup(db)
    damage_the_clinic_index(db, spring.id, 3)
    seen: list[tuple[str, list[str]]] = []
    later: list[str] = []
    answer_next_message("Restore the newest backup", seen)
    accept_every_later_message(seen, later)
    store = open_store(checklist, db)
    assert store is not None
    try:
        assert len(store.clinics.list(spring.id)) == 5  # all five again, from the backup
    finally:
        store.close()
    assert "is damaged" in seen[0][0]


@pytest.mark.qt_no_exception_capture
def test_a_treatment_entry_damaged_while_kvet_runs_leads_to_the_backup(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    """Damage after opening: My treatment says the data is damaged (not "Something went
    wrong"), and quitting and starting again offers the newest good backup."""
    from kvet.gui.dialogs.errors import ErrorDialog, ErrorReporter
    from kvet.system import crashlog
    from tests.gui.helpers import Session
    from tests.test_damage import with_a_treatment_record

    db = tmp_path / "kvet.sqlite"
    with_a_treatment_record(checklist, db)
    good = backups.daily_backup(db)
    session = Session(qtbot, checklist, db)
    reporting = crashlog.start(tmp_path / "state")
    window = session.start()
    reporter = ErrorReporter(lambda: window)
    reporter.install(qt_messages=False)
    try:
        conn = sqlite3.connect(db)  # a disk or another program, behind kvet's back
        conn.execute("UPDATE course_entry SET data = json_set(data, '$.answers', json('[1,2]'))")
        conn.commit()
        conn.close()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, window.open_treatment)  # as the menu opens it: from the event loop
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
        dialog = reporter.dialog
        assert isinstance(dialog, ErrorDialog)
        assert dialog.windowTitle() == "Some of your data is damaged"  # not "Something went wrong"
        assert "saved data is damaged" in dialog.message.text()
        assert "offers to restore the newest good backup" in dialog.message.text()
        assert dialog.quit_button is not None
        dialog.reject()
    finally:
        reporter.uninstall()
        session.stop()
        reporting.stop()
    seen: list[tuple[str, list[str]]] = []
    later: list[str] = []
    answer_next_message("Restore the newest backup", seen)
    accept_every_later_message(seen, later)
    store = open_store(checklist, db)
    assert store is not None
    try:
        [course] = store.courses.list_courses()
        assert len(store.courses.load(course.id).check_ins) == 1
    finally:
        store.close()
    assert "treatment entry" in seen[0][0]
    assert good is not None


def test_an_emptied_database_with_only_a_before_migration_copy_offers_that_copy(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    from kvet.store.api import Store

    db = tmp_path / "kvet.sqlite"
    with Store.open(checklist, db, daily_backup=False) as writer:
        writer.comparisons.create("Spring search")
    backups.safety_copy(db, "before-migration")
    db.write_bytes(b"")
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Restore the newest backup", seen)
    store = open_store(checklist, db)
    assert store is not None
    try:
        assert [c.name for c in store.comparisons.list()] == ["Spring search"]
    finally:
        store.close()
    assert "holds no kvet data" in seen[0][0]
    assert "the copy made before an update, on" in seen[0][0]


# --- issue 23, point 14: a table gone is damage, and the backup is offered ---------------------


def test_a_missing_table_is_damage_and_the_newest_backup_is_offered_not_only_close(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    backup = with_backup(checklist, db)
    raw_update(db, "DROP TABLE rater")  # the people's table, gone behind kvet's back
    seen: list[tuple[str, list[str]]] = []
    later: list[str] = []
    answer_next_message("Restore the newest backup", seen)
    accept_every_later_message(seen, later)
    store = open_store(checklist, db)
    assert store is not None
    try:
        assert [c.name for c in store.comparisons.list()] == ["Spring search"]
        assert store.people.list()  # the people are back, from the backup
    finally:
        store.close()
    text, offered = seen[0]
    assert "Restore the newest backup" in offered
    assert "Start a new database" in offered
    assert "is damaged" in text
    assert size_shown(backup) in text
    for internal in ("no such table", "main.rater", "sqlite3", "rater"):
        assert internal not in text


def test_in_spanish_a_missing_table_is_said_in_spanish_by_its_code(
    qapp: QApplication, qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    from kvet.gui.main.language import install_translations

    db = tmp_path / "kvet.sqlite"
    with_backup(checklist, db)
    raw_update(db, "DROP TABLE rater")
    install_translations(qapp, "es")
    try:
        seen: list[tuple[str, list[str]]] = []
        answer_next_message("Salir", seen)
        assert open_store(checklist, db) is None
    finally:
        install_translations(qapp, "en")
    text, offered = seen[0]
    assert "está dañado (le falta una parte)" in text, text
    assert "Restaurar la copia más reciente" in offered
    assert "damaged" not in text
    assert "no such table" not in text
