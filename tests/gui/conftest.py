"""GUI test set-up: real widgets, offscreen, with settings kept in a private folder per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist
from tests.gui.helpers import Session


@pytest.fixture(autouse=True)
def private_settings(qapp: QApplication, tmp_path: Path) -> Path:
    """Window geometry and other QSettings go to the test's own folder, never the user's."""
    qapp.setOrganizationName("kvet-tests")
    qapp.setApplicationName("kvet")
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_message_left_open(qapp: QApplication) -> Iterator[None]:
    """A message a test left on screen is dismissed after it, as a person would.

    Otherwise the next test in the same process (any order: pytest-randomly, pytest-xdist) finds
    it among the open windows: "no message shown" then failed after a test whose message was
    about a wrong password (found with --randomly-seed=1).
    """
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()
            widget.deleteLater()


@pytest.fixture
def session(qtbot: QtBot, checklist: Checklist, tmp_path: Path) -> Iterator[Session]:
    """kvet started on a database in the test's folder; closed cleanly afterwards."""
    s = Session(qtbot, checklist, tmp_path / "kvet.sqlite")
    yield s
    s.stop()
