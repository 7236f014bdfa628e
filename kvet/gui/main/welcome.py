"""The welcome box above the clinic list at the first start: what kvet does, in three
sentences, with the sample comparison one click away. Built with the data (it is shown only
when the user has no clinics yet and has not hidden it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout

from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

WELCOME = QT_TRANSLATE_NOOP(
    "MainWindow",
    "kvet helps you check ketamine and esketamine clinics and compare them side by side. "
    "You note what each clinic tells you; kvet shows a score, how sure it is, and what to ask "
    "next. It does not give medical advice, and everything stays on this computer.",
)


def build_welcome(open_sample: Callable[[], None], dismiss: Callable[[], None]) -> QFrame:
    """The box, with "Open the sample comparison" and "Got it" (which hides it for good)."""
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAccessibleName(translate("MainWindow", "Welcome"))
    frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    layout = QVBoxLayout(frame)
    layout.addWidget(heading(translate("MainWindow", "Welcome to kvet"), scale=1.2))
    layout.addWidget(plain_label(translate("MainWindow", WELCOME)))
    buttons = QHBoxLayout()
    sample = QPushButton(translate("MainWindow", "Open the sample comparison"))
    sample.setAccessibleDescription(
        translate(
            "MainWindow",
            "Fictional clinics that show how kvet works. You can delete them later.",
        )
    )
    sample.clicked.connect(open_sample)
    dismiss_button = QPushButton(translate("MainWindow", "Got it"))
    dismiss_button.setAccessibleDescription(translate("MainWindow", "Hide this welcome message."))
    dismiss_button.clicked.connect(dismiss)
    buttons.addWidget(sample)
    buttons.addWidget(dismiss_button)
    buttons.addStretch(1)
    layout.addLayout(buttons)
    return frame
