"""Start the Qt application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from kvet import __version__
from kvet.checklist import ChecklistError, load_checklist


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    app.setApplicationName("kvet")
    app.setOrganizationName("kvet")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("kvet")
    return app


def run(db_path: Path | None = None, argv: list[str] | None = None) -> int:
    app = make_application(argv or sys.argv[:1])
    try:
        checklist = load_checklist()
    except ChecklistError as exc:
        QMessageBox.critical(None, "kvet cannot start", str(exc))
        return 2
    from kvet.gui.mainwindow import MainWindow

    window = MainWindow(checklist)
    window.show()
    return app.exec()
