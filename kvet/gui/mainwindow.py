"""The main window: a thin view over the core."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from kvet.checklist import Checklist
from kvet.gui.forms.ui_mainwindow import Ui_MainWindow

WELCOME = (
    "kvet helps you check and compare ketamine and esketamine clinics.\n"
    "You note what each clinic tells you, and kvet shows which questions matter "
    "and how the clinics compare.\n"
    "It does not give medical advice, and your notes stay on this computer."
)


class MainWindow(QMainWindow):
    def __init__(self, checklist: Checklist) -> None:
        super().__init__()
        self.checklist = checklist
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        welcome = QWidget()
        layout = QVBoxLayout(welcome)
        intro = QLabel(WELCOME)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        sections = QLabel(
            "The checklist covers:\n" + "\n".join(f"• {s.title}" for s in checklist.sections)
        )
        sections.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(sections)
        layout.addStretch(1)
        self.ui.pages.addWidget(welcome)
