"""The choices asked before a save: a shareable file's password and topics, and whether a call
sheet carries the private "things to tell the clinic".

Both are small forms whose answers go to the core with the save; keeping them here leaves the
``Sharing`` commands to the asking, saving and reporting alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.flowlayout import ok_cancel
from kvet.gui.common.text import plain_label
from kvet.gui.words.sharingwords import strength
from kvet.gui.words.tr import translate


class ShareOptionsDialog(QDialog):
    """Choices for a shareable file: a password (optional) and whether private topics go too."""

    def __init__(self, parent: QWidget | None = None, names: Sequence[str] = ()) -> None:
        """``names``: the people in the comparison, whose names make a password easy to guess."""
        super().__init__(parent)
        self._names = tuple(names)
        self.setWindowTitle(translate("Sharing", "Save a shareable file"))
        layout = QVBoxLayout(self)
        # wide enough for a sentence on a line (the strength line, a refusal)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout.addWidget(
            plain_label(
                translate(
                    "Sharing",
                    "The file holds your clinics, everyone's answers and notes, and your "
                    "weights. Family can open it in their own kvet.",
                )
            )
        )
        form = self._build_password()
        self._build_topics()
        self._build_buttons()
        layout.addWidget(self.protect)
        layout.addLayout(form)
        layout.addWidget(self.personal)
        layout.addWidget(self.courses)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update()

    def _build_password(self) -> QFormLayout:
        """The "protect" tick, the password typed twice and how hard it is to guess."""
        self.protect = QCheckBox(translate("Sharing", "Protect the file with a password"))
        self.protect.setAccessibleDescription(
            translate(
                "Sharing",
                "Useful when the file travels by e-mail. Without the password nobody can read it.",
            )
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("Sharing", "Password"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(translate("Sharing", "Password again"))
        self.strength = plain_label()
        self.strength.setAccessibleDescription(
            translate("Sharing", "How hard the password is to guess")
        )
        form = QFormLayout()
        form.addRow(translate("Sharing", "Password:"), self.password)
        form.addRow("", self.strength)
        form.addRow(translate("Sharing", "Again:"), self.again)
        self.protect.toggled.connect(self._update)
        self.password.textChanged.connect(self._update)
        return form

    def _build_topics(self) -> None:
        """The health information that stays out unless ticked."""
        self.personal = QCheckBox(translate("Sharing", "Also include my private pre-screen topics"))
        self.personal.setAccessibleDescription(
            translate("Sharing", "Left out unless you tick this: they are your health information.")
        )
        self.courses = QCheckBox(
            translate("Sharing", "Also include my treatment records at these clinics")
        )
        self.courses.setAccessibleDescription(
            translate(
                "Sharing",
                "From My treatment: sessions, PHQ-9 check-ins and notes. Left out unless you "
                "tick this: they are your health information.",
            )
        )

    def _build_buttons(self) -> None:
        self.problem = plain_label()
        self.problem.setAccessibleDescription(translate("Sharing", "Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)

    def _update(self) -> None:
        for edit in (self.password, self.again):
            edit.setEnabled(self.protect.isChecked())
        self.strength.setVisible(self.protect.isChecked())
        self.strength.setText(strength(self.password.text(), self._names).words)
        self._grow()

    def _grow(self) -> None:
        """As tall as its words need at its width: the strength line and a refusal are never
        cut or squeezed until lines overlap."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def chosen_password(self) -> str | None:
        return self.password.text() if self.protect.isChecked() else None

    def _check(self) -> None:
        self._accept_if_fit()
        self._grow()

    def _accept_if_fit(self) -> None:
        """Accept, or say in the problem line why not (no password, a weak one, a typo)."""
        if self.protect.isChecked():
            if not self.password.text():
                self.problem.setText(
                    translate("Sharing", "Type a password, or untick “Protect the file”.")
                )
                return
            found = strength(self.password.text(), self._names)
            if not found.acceptable:
                self.problem.setText(
                    translate("Sharing", "Choose a password that is harder to guess. {why}").format(
                        why=found.words
                    )
                )
                return
            if self.password.text() != self.again.text():
                self.problem.setText(
                    translate("Sharing", "The two passwords are not the same. Type them again.")
                )
                return
        self.accept()


def ask_include_personal(parent: QWidget) -> bool | None:
    """Whether the call sheet starts with the private topics; None when the user cancels."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("Sharing", "Call sheet"))
    layout = QVBoxLayout(dialog)
    layout.addWidget(
        plain_label(translate("Sharing", "The sheet lists every question with boxes to tick."))
    )
    tick = QCheckBox(translate("Sharing", "Add my private “things to tell the clinic” at the top"))
    tick.setAccessibleDescription(
        translate("Sharing", "From your private pre-screen. Left out unless ticked.")
    )
    layout.addWidget(tick)
    buttons = ok_cancel(dialog)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return tick.isChecked()
