"""Where the user lives: asked once at first start, shown in the status bar, changeable.

The choice decides which rules the checklist asks about (the US esketamine REMS program, for
example) and which crisis lines open first. The logic is in ``kvet.content.country``; this is the
view.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kvet.content.country import COUNTRIES, OTHER, country_name, mark_asked
from kvet.gui.common.flowlayout import ok_cancel
from kvet.gui.common.state import AppState
from kvet.gui.common.text import plain_label
from kvet.gui.dialogs.currency import currency_combo
from kvet.gui.words.paperwords import paper_say
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.money import for_country

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


def tr(text: str) -> str:
    return translate(CONTEXT, text)


def country_words(name: str) -> str:
    """A country's name (kvet.content.country's English) in the window's language: the
    printouts' words (words.toml [countries]), one text for screen and paper."""
    return paper_say("countries")(name)


def question() -> str:
    return f"{tr(QUESTION_FIRST)} {tr(CHANGE_LATER)}"


def country_combo(selected: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(translate("Country", "Your country"))
    combo.setAccessibleDescription(
        translate("Country", "Decides which rules the checklist asks about.")
    )
    for info in COUNTRIES:
        combo.addItem(country_words(info.name), info.code)
    index = combo.findData(selected)
    combo.setCurrentIndex(max(0, index))
    return combo


def status_text(code: str) -> str:
    return translate("Country", "Rules for: {country}").format(
        country=country_words(country_name(code))
    )


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
        asked = plain_label(tr(SHORT_QUESTION))  # wraps with larger text
        row.addWidget(asked, 1)
        self.combo = country_combo(state.country)
        asked.setBuddy(self.combo)  # how a screen reader on Linux names a combo box
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
    """Change the country later, from the menu; for another country, pick the currency too."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(translate("Country", "Your country"))
        layout = QVBoxLayout(self)
        asked = plain_label(tr(QUESTION_FIRST))
        layout.addWidget(asked)
        self.combo = country_combo(state.country)
        asked.setBuddy(self.combo)  # how a screen reader on Linux names a combo box
        layout.addWidget(self.combo)
        self.currency_label = plain_label(translate("Country", "Prices are in:"))
        layout.addWidget(self.currency_label)
        self.currency = currency_combo(state.currency, translate("Country", "Currency of prices"))
        self.currency_label.setBuddy(self.currency)
        layout.addWidget(self.currency)
        self.combo.currentIndexChanged.connect(lambda _index: self._country_changed())
        self._country_changed()
        buttons = ok_cancel(self)
        layout.addWidget(buttons)

    def _country_changed(self) -> None:
        """kvet's countries each have their currency; another country picks one from the list."""
        code = str(self.combo.currentData())
        other = code == OTHER
        if not other:
            self.currency.setCurrentIndex(self.currency.findData(for_country(code)))
        self.currency.setEnabled(other)
        self.currency.setAccessibleDescription(
            translate("Country", "Choose the currency of the prices you will type.")
            if other
            else translate("Country", "Set by your country.")
        )

    def accept(self) -> None:
        code = str(self.combo.currentData())
        chosen = str(self.currency.currentData()) if code == OTHER else None
        self.state.set_country(code, chosen)
        super().accept()
