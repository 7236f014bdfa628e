"""Where the user lives: asked once at first start, shown in the status bar, changeable.

The choice decides which rules the checklist asks about (the US esketamine REMS program, for
example) and which crisis lines open first. The logic is in ``kvet.country``; this is the view.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kvet.country import COUNTRIES, country_name, mark_asked
from kvet.gui.state import AppState
from kvet.gui.text import plain_label
from kvet.gui.tr import QT_TRANSLATE_NOOP, translate

CONTEXT = "Country"
SHORT_QUESTION = QT_TRANSLATE_NOOP(
    "Country", "Where do you live? kvet asks only about the rules that apply there."
)
QUESTION_FIRST = QT_TRANSLATE_NOOP(
    "Country",
    "Where do you live? Some rules for clinics differ by country, so kvet only asks about the "
    "ones that apply to you. It also shows your country's crisis lines first.",
)
CHANGE_LATER = QT_TRANSLATE_NOOP("Country", "You can change this later in Edit → Your country.")
QUESTION = f"{QUESTION_FIRST} {CHANGE_LATER}"
# The core (kvet.country) keeps the names in English; tests/test_translations.py checks that
# this list and the core's agree.
NAMES = (
    QT_TRANSLATE_NOOP("Country", "United States"),
    QT_TRANSLATE_NOOP("Country", "Canada"),
    QT_TRANSLATE_NOOP("Country", "United Kingdom"),
    QT_TRANSLATE_NOOP("Country", "Ireland"),
    QT_TRANSLATE_NOOP("Country", "Australia"),
    QT_TRANSLATE_NOOP("Country", "New Zealand"),
    QT_TRANSLATE_NOOP("Country", "Another country"),
)


def tr(text: str) -> str:
    return translate(CONTEXT, text)


def question() -> str:
    return f"{tr(QUESTION_FIRST)} {tr(CHANGE_LATER)}"


def country_combo(selected: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(translate("Country", "Your country"))
    combo.setAccessibleDescription(
        translate("Country", "Decides which rules the checklist asks about.")
    )
    for info in COUNTRIES:
        combo.addItem(tr(info.name), info.code)
    index = combo.findData(selected)
    combo.setCurrentIndex(max(0, index))
    return combo


def status_text(code: str) -> str:
    return translate("Country", "Rules for: {country}").format(country=tr(country_name(code)))


class CountryBar(QFrame):
    """The first-start question, in the window rather than a dialog in the way of everything.

    The list starts on the system's country, which kvet uses until another is picked. Picking
    applies at once. The question is asked once: after that, Edit → Your country changes it.
    """

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # one line high: the clinics below get the room
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName(translate("Country", "Your country"))
        self.setAccessibleDescription(question())
        self.setToolTip(question())
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(plain_label(tr(SHORT_QUESTION)), 1)  # wraps with larger text
        self.combo = country_combo(state.country)
        self.confirm = QPushButton(translate("Country", "Use this country"))
        self.confirm.setAccessibleDescription(
            translate("Country", "Save your country. kvet will not ask again.")
        )
        self.confirm.clicked.connect(self._confirm)
        self.combo.activated.connect(lambda _index: self._choose())
        row.addWidget(self.combo)
        row.addWidget(self.confirm)
        # Shown only inside the window: shown before it has a parent, it would open as a
        # window of its own and take the keyboard from the main window.
        self.setVisible(state.ask_country and parent is not None)
        if state.ask_country:
            mark_asked(state.store.settings)

    def _choose(self) -> None:
        self.state.set_country(str(self.combo.currentData()))

    def _confirm(self) -> None:
        self._choose()
        self.hide()


class CountryDialog(QDialog):
    """Change the country later, from the menu."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(translate("Country", "Your country"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(tr(QUESTION_FIRST)))
        self.combo = country_combo(state.country)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.state.set_country(str(self.combo.currentData()))
        super().accept()
