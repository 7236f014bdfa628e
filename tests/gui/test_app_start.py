"""What a person sees when their data cannot be opened: a clear message and safe choices."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist, load_checklist
from kvet.gui.main.opendata import open_store
from tests.gui.helpers import sample_shown_at_start, start_in_own_process


def answer_next_message(button_text: str, seen: list[tuple[str, list[str]]]) -> None:
    """Click ``button_text`` on the message box that is about to open, noting what it offered."""

    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                offered = [b.text() for b in widget.buttons()]
                seen.append((widget.text(), offered))
                for button in widget.buttons():
                    if button.text() == button_text:
                        button.click()
                        return
                widget.reject()
                return
        QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)


def accept_every_later_message(first: list[tuple[str, list[str]]], later: list[str]) -> None:
    """Note and close the messages that follow the first one (e.g. "kept as ...")."""

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


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_programs_database_is_refused_and_never_moved(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "photos.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("create table photo (id integer primary key, name text)")
        db.execute("insert into photo (name) values ('beach')")
    before = digest(path)
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Close", seen)
    assert open_store(checklist, path) is None
    text, offered = seen[0]
    assert str(path) in text or path.name in text
    assert not any("new database" in b for b in offered)
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == ["photos.sqlite"]


def test_a_damaged_file_can_be_set_aside_for_a_fresh_start(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "kvet.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    before = digest(path)
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Start a new database", seen)
    answer_later: list[str] = []  # the confirmation that says where the old file went
    accept_every_later_message(seen, answer_later)
    store = open_store(checklist, path)
    assert store is not None
    try:
        assert store.comparisons.list() == []
    finally:
        store.close()
    kept = [p for p in tmp_path.iterdir() if "unreadable" in p.name]
    assert len(kept) == 1
    assert digest(kept[0]) == before
    assert kept[0].name in answer_later[0]


def test_quitting_from_the_message_leaves_the_damaged_file_alone(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "kvet.sqlite"
    path.write_bytes(b"\x00garbage" * 500)
    before = digest(path)
    seen: list[tuple[str, list[str]]] = []
    answer_next_message("Quit", seen)
    assert open_store(checklist, path) is None
    assert "kvet.sqlite" in seen[0][0]
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == ["kvet.sqlite"]


def test_the_window_shows_before_the_data_is_opened_then_fills_in(tmp_path: Path) -> None:
    """kvet's real start, in its own process: the window first (help works at once), then the
    clinics, then a clean exit that leaves the database ready to open again."""
    from kvet.store.api import Store

    path = tmp_path / "kvet.sqlite"
    done = start_in_own_process(tmp_path, "-m", "kvet", "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.index("shown-at") < done.stdout.index("ready-at")
    with Store.open(load_checklist(), path) as store:
        assert [c.name for c in store.comparisons.list()] == ["My clinics"]


def test_help_is_there_before_the_data_is_opened(qtbot: QtBot) -> None:
    from kvet.gui.dialogs.crisis import CrisisDialog
    from kvet.gui.main.mainwindow import MainWindow

    window = MainWindow()  # the window as it first shows, before the database is opened
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Opening your data" in window.statusBar().currentMessage()
    assert not window.ui.clinicsView.isEnabled()
    menus = [m.title() for m in window.menuBar().findChildren(QMenu)]
    assert "&Help" in menus  # the menus are there, waiting for the data
    assert not window.new_clinic_action.isEnabled()
    assert window.quit_action.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, CrisisDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    panel = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrisisDialog) and w.isVisible()
    )
    panel.close()
    assert window.ui.helpNowButton.isEnabled()


# Run as kvet's own entry point runs the window, in a process of its own; then it says how
# Python's cycle collector was left.
COLLECTOR_AFTER_START = """
import gc, sys
from kvet.__main__ import main
print("collector-before", gc.isenabled(), gc.get_freeze_count() > 0)
code = main(["--db", sys.argv[1]])
print("collector-after", code, gc.isenabled(), gc.get_freeze_count())
"""


def test_the_collector_pauses_for_the_start_and_runs_again_once_the_clinics_show(
    tmp_path: Path,
) -> None:
    """kvet pauses Python's cycle collector while it starts (kvet.system.collector); a session
    of hours must then get its memory back as usual, with what the start built set aside."""
    done = start_in_own_process(
        tmp_path, "-c", COLLECTOR_AFTER_START, str(tmp_path / "kvet.sqlite")
    )
    assert done.returncode == 0, done.stderr
    assert "collector-before True False" in done.stdout
    assert "ready-at" in done.stdout  # the clinics were shown
    after = done.stdout.split("collector-after ")[1].split()
    assert after[:2] == ["0", "True"]  # the window closed well, the collector runs again
    assert int(after[2]) > 100_000  # what the start made: left out of later collections


# kvet's window start, saying when SQLAlchemy's ORM is first imported (its package's first load).
ORM_LOADED_WHEN = """
import sys
from kvet.__main__ import main

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "sqlalchemy.orm":
            print("orm-loaded", flush=True)
            sys.meta_path.remove(self)
        return None

sys.meta_path.insert(0, Watch())
main(["--db", sys.argv[1]])
"""


def test_the_clinics_show_before_the_orm_is_even_loaded(
    checklist: Checklist, tmp_path: Path
) -> None:
    """Every statement of a start (opening the data, the clinic list, the overview) is a plain
    table statement on a connection (kvet.store.tables): importing and setting up SQLAlchemy's
    ORM costs some 60 ms before anything shows, for edits that come later if at all (issue 26)."""
    path = tmp_path / "kvet.sqlite"
    sample_shown_at_start(checklist, path)
    for start in ("first", "second"):  # the second opening skips the whole-file checks
        done = start_in_own_process(tmp_path, "-c", ORM_LOADED_WHEN, str(path))
        assert done.returncode == 0, done.stderr
        out = done.stdout
        assert "ready-at" in out, start
        shown_first = "orm-loaded" not in out or out.index("ready-at") < out.index("orm-loaded")
        assert shown_first, f"{start} start: the ORM was loaded before the clinics showed"
