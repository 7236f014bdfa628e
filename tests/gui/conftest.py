"""GUI test set-up: real widgets, offscreen, with settings kept in a private folder per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def private_settings(qapp: QApplication, tmp_path: Path) -> Path:
    """Window geometry and other QSettings go to the test's own folder, never the user's."""
    qapp.setOrganizationName("kvet-tests")
    qapp.setApplicationName("kvet")
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder
