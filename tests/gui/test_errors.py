"""An unexpected error shows one calm dialog and kvet keeps working; a crash is told once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kvet.gui.dialogs.errors import ErrorDialog, ErrorReporter
from kvet.gui.main.app import run
from kvet.gui.main.mainwindow import MainWindow
from kvet.system import crashlog
from tests.gui.helpers import Session, add_clinic, find_button

SECRET = "Sunrise Ketamine Wellness"


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_calm_dialog_and_the_window_keeps_working(
    qtbot: QtBot, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reporting = crashlog.start(tmp_path / "state")
    window = session.start()
    reporter = ErrorReporter(lambda: window)
    reporter.install(qt_messages=False)
    try:

        def broken(*_args: object) -> None:
            raise RuntimeError(f"could not open the dialog for {SECRET}")

        monkeypatch.setattr(window, "add_clinic", broken)
        qtbot.mouseClick(find_button(window, "Add clinic"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
        dialog = reporter.dialog
        assert isinstance(dialog, ErrorDialog)
        assert "answers are saved" in dialog.message.text()
        assert dialog.message.textFormat() == Qt.TextFormat.PlainText

        # A second error while the dialog is open is logged, not stacked as another dialog.
        qtbot.mouseClick(find_button(window, "Add clinic"), Qt.MouseButton.LeftButton)
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]
        assert [d for d in dialogs if d.isVisible()] == [dialog]

        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        copied = QGuiApplication.clipboard().text()
        assert "RuntimeError" in copied
        assert "in broken" in copied
        assert SECRET not in copied
        dialog.reject()
        qtbot.waitUntil(lambda: reporter.dialog is None)

        monkeypatch.undo()
        add_clinic(qtbot, window, "Clinic after the error")
        assert window.clinic_model.rowCount() == 1
    finally:
        reporter.uninstall()
        reporting.stop()
    log = (tmp_path / "state" / crashlog.LOG_NAME).read_text()
    assert log.count("unexpected error") == 2
    assert SECRET not in log
    assert "Clinic after the error" not in log


def _start_and_collect(qtbot: QtBot, db: Path) -> list[str]:
    """Start kvet through its real start-up; note any crash notice; close it as a person would."""
    said: list[str] = []

    def look() -> None:
        window = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.attached),
            None,
        )
        if window is None:
            QTimer.singleShot(10, look)
            return
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                said.append(box.windowTitle() + "\n" + box.text())
                box.accept()
        window.close()
        # A person's last window closing ends the loop; pytest-qt's shared application may hold
        # other (hidden) windows, so end this run's loop directly, without a queued Quit event.
        QApplication.exit(0)

    QTimer.singleShot(0, look)
    assert run(db_path=db) == 0
    return said


def test_the_next_start_after_a_crash_says_so_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = crashlog.state_folder()
    crashed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; from pathlib import Path; from kvet.system import crashlog; "
            "crashlog.start(Path(sys.argv[1])); os.abort()",
            str(folder),
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert crashed.returncode != 0

    first = _start_and_collect(qtbot, tmp_path / "kvet.sqlite")
    assert len(first) == 1
    assert "closed unexpectedly" in first[0]
    assert "answers were saved" in first[0]
    report = next(folder.glob("crash-*.txt"))
    assert str(report) in first[0]
    assert "Fatal Python error" in report.read_text()

    assert _start_and_collect(qtbot, tmp_path / "kvet.sqlite") == []
    for widget in QApplication.topLevelWidgets():
        if shiboken6.isValid(widget) and isinstance(widget, MainWindow):
            widget.deleteLater()


@pytest.mark.qt_log_ignore("a component gave up")
def test_a_critical_message_from_qt_shows_the_same_dialog(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    from PySide6.QtCore import qCritical

    window = session.start()
    reporter = ErrorReporter(lambda: window)
    reporter.install()
    try:
        qCritical(f"a component gave up on {SECRET}")
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
        assert reporter.dialog is not None
        assert SECRET not in reporter.dialog.details
        reporter.dialog.reject()
        assert window.isVisible()
    finally:
        reporter.uninstall()
