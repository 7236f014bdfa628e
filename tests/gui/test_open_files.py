"""A shared file opened from the desktop lands in kvet's import dialog, as File → Import would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kvet import __main__ as entry
from kvet.gui.sharing.importdialog import ImportDialog
from kvet.gui.sharing.openfiles import START_MENU_ASKED, FileOpenEvents, offer_start_menu
from tests.gui.helpers import Session, add_clinic


def shared_file(session: Session, qtbot: QtBot, folder: Path) -> Path:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    path = folder / "from-my-brother.kvet"
    window.sharing.export_file(path, ask=False)
    return path


def open_imports() -> list[ImportDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog)]


def test_a_file_double_clicked_in_finder_opens_the_import_once_the_data_is_open(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    path = shared_file(session, qtbot, tmp_path)
    window = session.window
    assert window is not None
    events = FileOpenEvents(lambda p: window.sharing.import_file(p), window)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(events)
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(path)))
        assert open_imports() == []  # the data is not marked open yet: it waits
        events.ready(None)
        qtbot.waitUntil(lambda: len(open_imports()) == 1)
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(path)))  # a second one, now open
        qtbot.waitUntil(lambda: len(open_imports()) == 2)
    finally:
        app.removeEventFilter(events)
        for dialog in open_imports():
            dialog.reject()


def test_a_file_given_by_the_linux_menu_is_handed_to_the_window(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    given: list[object] = []
    import kvet.gui.main.app

    def run(**kwargs: object) -> int:
        given.append(kwargs)
        return 0

    monkeypatch.setattr(kvet.gui.main.app, "run", run)
    assert entry.main([str(tmp_path / "from-my-brother.kvet")]) == 0
    assert given[0]["open_file"] == tmp_path / "from-my-brother.kvet"  # type: ignore[index]
    assert entry.main([]) == 0
    assert given[1]["open_file"] is None  # type: ignore[index]


def test_windows_offers_the_start_menu_once_and_never_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    QSettings().remove(START_MENU_ASKED)
    asked: list[str] = []
    added: list[bool] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not offer_start_menu(None)  # type: ignore[arg-type]  # not Windows: never asked
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert offer_start_menu(None, lambda: added.append(True))  # type: ignore[arg-type]
    assert not offer_start_menu(None, lambda: added.append(True))  # type: ignore[arg-type]
    assert asked == ["Add kvet to the Start menu?"]
    assert added == [True]
    QSettings().remove(START_MENU_ASKED)
