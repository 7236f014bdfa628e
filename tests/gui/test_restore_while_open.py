"""Issue 23, point 3: treatment entries damaged while kvet runs. Opening My treatment offers the
newest good backup there and then (the offer the app makes at start), and restoring it shows
the treatment record again, without quitting kvet; the damaged file is kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist
from kvet.gui.dialogs.errors import ErrorReporter
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.main.restorewhileopen import offer_restore
from kvet.gui.treatment.treatment import TreatmentWindow
from kvet.store import backups
from kvet.store.api import Store
from tests.gui.helpers import Session
from tests.gui.test_app_start import answer_next_message, digest
from tests.test_damage import with_a_treatment_record

DAMAGE = (
    "UPDATE course_entry SET day = '2026-02-30'",  # showed "Something went wrong"
    "UPDATE course_entry SET data = json_set(data, '$.answers', json('[1,2]'))",
)


def damage_behind_kvets_back(db: Path, sql: str) -> None:
    conn = sqlite3.connect(db)  # a disk or another program, while kvet has the file open
    conn.execute(sql)
    conn.commit()
    conn.close()


def treatment_rows(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT * FROM course_entry ORDER BY id").fetchall()
    finally:
        conn.close()


def close_the_next_notice(notices: list[str], after: list[tuple[str, list[str]]]) -> None:
    """Note and close the message that follows the offer ("Restored ... kept as ...")."""

    def close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        for box in boxes:
            if box.isVisible() and after and box.text() != after[0][0]:
                notices.append(box.text())
                box.accept()
                return
        QTimer.singleShot(20, close)

    QTimer.singleShot(40, close)


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("damage", DAMAGE)
def test_my_treatment_offers_the_newest_good_backup_and_shows_the_record_again(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, damage: str
) -> None:
    db = tmp_path / "kvet.sqlite"
    with_a_treatment_record(checklist, db)
    good = backups.daily_backup(db)
    assert good is not None
    session = Session(qtbot, checklist, db)
    window = session.start()
    windows: list[MainWindow] = [window]
    opened: list[Store] = []
    reporter = ErrorReporter(lambda: windows[-1], lambda: offer_restore(windows, opened))
    reporter.install(qt_messages=False)
    seen: list[tuple[str, list[str]]] = []
    notices: list[str] = []
    try:
        damage_behind_kvets_back(db, damage)
        damaged = treatment_rows(db)
        answer_next_message("Restore the newest backup", seen)
        close_the_next_notice(notices, seen)
        QTimer.singleShot(0, window.open_treatment)  # as the menu opens it
        qtbot.waitUntil(lambda: len(windows) == 2 and windows[-1].isVisible(), timeout=15000)
        text, offered = seen[0]
        assert text.startswith("Some of your saved data is damaged, so kvet cannot show it.")
        assert "The newest good backup is the backup of" in text
        assert "Restoring it keeps your current file in the backups folder." in text
        assert offered == ["Restore the newest backup", "Keep working"]
        assert reporter.dialog is None  # neither "Something went wrong" nor "quit and open"
        assert "The file it replaced was kept as" in notices[0]
        kept = [p for p in backups.backup_dir(db).iterdir() if "before-restore" in p.name]
        assert [treatment_rows(p) for p in kept] == [damaged]  # the damaged data, kept

        fresh = windows[-1]
        assert fresh.attached
        assert not window.isVisible()  # the old window went with the damaged data
        treatment = fresh.open_treatment()
        assert isinstance(treatment, TreatmentWindow)
        assert treatment.courses.currentText().startswith("Riverside")
        [course] = fresh.store.courses.list_courses()
        assert len(fresh.store.courses.load(course.id).check_ins) == 1
        treatment.close()
    finally:
        reporter.uninstall()
        for shown in windows[1:]:
            qtbot.addWidget(shown)  # closed and deleted with the test's own widgets
        for store in opened:
            store.close()
        session.stop()


@pytest.mark.qt_no_exception_capture
def test_keep_working_changes_nothing(qtbot: QtBot, checklist: Checklist, tmp_path: Path) -> None:
    db = tmp_path / "kvet.sqlite"
    with_a_treatment_record(checklist, db)
    assert backups.daily_backup(db) is not None
    session = Session(qtbot, checklist, db)
    window = session.start()
    windows: list[MainWindow] = [window]
    reporter = ErrorReporter(lambda: windows[-1], lambda: offer_restore(windows, []))
    reporter.install(qt_messages=False)
    seen: list[tuple[str, list[str]]] = []
    try:
        damage_behind_kvets_back(db, DAMAGE[0])
        damaged = digest(db)
        answer_next_message("Keep working", seen)
        QTimer.singleShot(0, window.open_treatment)
        qtbot.waitUntil(lambda: bool(seen))
        qtbot.wait(100)
        assert windows == [window]
        assert window.isVisible()
        assert not window.store.db.closed
        assert digest(db) == damaged
        assert not [p for p in backups.backup_dir(db).iterdir() if "before-restore" in p.name]
    finally:
        reporter.uninstall()
        session.stop()
