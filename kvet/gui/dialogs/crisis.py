"""The "Need help now?" panel: who to call or text, for the person's own country first.

This panel must always open, even if the contacts file is damaged, so a file problem is shown as a
short line under a built-in "call your local emergency number" message instead of an error box.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kvet.content.crisis import (
    FALLBACK_CODE,
    Contact,
    CrisisContacts,
    CrisisContactsError,
    load_crisis_contacts,
)
from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

DEFAULT_COUNTRY = "US"
CONTEXT = "Crisis"
BUILT_IN_NOTE = QT_TRANSLATE_NOOP(
    "Crisis", "If you are in danger now, call your local emergency number."
)
BUILT_IN_LINES = QT_TRANSLATE_NOOP(
    "Crisis",
    "In the US and Canada, call or text 988. "
    "In the UK and Ireland, call Samaritans on 116\u00a0123. "
    "(The full list of crisis lines could not be read.)",
)
NOT_A_SERVICE = QT_TRANSLATE_NOOP(
    "Crisis",
    "kvet is not a crisis service and cannot contact anyone for you. "
    "The people on these lines can help.",
)


def country_code_for(locale: QLocale) -> str:
    """The ISO code of the locale's territory, or the default when the system does not say."""
    code = QLocale.territoryToCode(locale.territory())
    return code.upper() if code else DEFAULT_COUNTRY


class ContactCard(QFrame):
    """One contact in large plain text; emergency numbers are marked in words, not color."""

    def __init__(self, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contact = contact
        self.setFrameShape(QFrame.Shape.StyledPanel)
        kind = (
            translate("Crisis", "Emergency number")
            if contact.emergency
            else translate("Crisis", "Crisis line")
        )
        self.kind_label = plain_label(kind)
        small = self.kind_label.font()
        small.setBold(True)
        self.kind_label.setFont(small)
        self.name_label = heading(contact.name, scale=1.25)
        self.how_label = heading(contact.how, scale=1.5)
        self.detail_label = plain_label(contact.detail)
        self.detail_label.setVisible(bool(contact.detail))
        for label in (self.name_label, self.how_label, self.detail_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.kind_label)
        layout.addWidget(self.name_label)
        layout.addWidget(self.how_label)
        layout.addWidget(self.detail_label)
        self.setAccessibleName(f"{kind}: {contact.name}. {contact.how}")
        self.setAccessibleDescription(contact.detail)


class CrisisDialog(QDialog):
    """Opens on the person's country; a chooser switches to another one."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        country: str | None = None,
        contacts: CrisisContacts | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Crisis", "Need help now?"))
        self.setAccessibleName(translate("Crisis", "Need help now?"))
        self.setAccessibleDescription(translate("Crisis", "Crisis lines you can call or text now."))
        self.resize(540, 620)
        self.problem = ""
        self.book: CrisisContacts | None = contacts
        if self.book is None:
            try:
                self.book = load_crisis_contacts()
            except CrisisContactsError as exc:
                self.problem = error_words(exc)
        self._build_top()
        self._build_chooser()
        self._build_cards()
        self._build_bottom()
        self._lay_out()
        self.country_combo.currentIndexChanged.connect(self._show_selected)
        self.show_country(country or country_code_for(QLocale.system()))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def _build_top(self) -> None:
        """The title, a calm line, and the most important thing to know."""
        self.title = heading(translate("Crisis", "Need help now?"), scale=1.6)
        self.intro = plain_label(
            translate(
                "Crisis",
                "If things feel like too much right now, you can talk to someone. "
                "Here is who you can call or text.",
            )
        )
        self.note = heading(
            self.book.note if self.book else translate(CONTEXT, BUILT_IN_NOTE), scale=1.1
        )
        self.note.setAccessibleDescription(translate("Crisis", "The most important thing to know"))

    def _build_chooser(self) -> None:
        """The country whose lines show; absent when the contacts could not be read."""
        self.country_label = plain_label(translate("Crisis", "Show lines for:"), wrap=False)
        self.country_combo = QComboBox()
        self.country_combo.setAccessibleName(translate("Crisis", "Country"))
        self.country_combo.setAccessibleDescription(
            translate("Crisis", "Show the crisis lines for another country.")
        )
        self.country_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.country_label.setBuddy(self.country_combo)
        if self.book is not None:
            for entry in (*self.book.listed, self.book.fallback):
                self.country_combo.addItem(entry.name, entry.code)

    def _build_cards(self) -> None:
        """The contacts, in a scroll area that is one Tab stop."""
        self.cards = QWidget()
        self.cards.setAccessibleName(translate("Crisis", "Crisis lines"))
        self.cards_layout = QVBoxLayout(self.cards)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.cards)
        # A Tab stop: the arrow keys and Page Down scroll the lines, and a screen reader reads
        # them all from its description.
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        scroll.setAccessibleName(translate("Crisis", "Crisis lines"))
        self.cards_scroll = scroll

    def _build_bottom(self) -> None:
        """The built-in lines when the file could not be read, what kvet is not, and Close."""
        self.problem_label = heading(
            translate(CONTEXT, BUILT_IN_LINES) if self.problem else "", scale=1.1
        )
        self.problem_label.setToolTip(self.problem)
        self.problem_label.setAccessibleDescription(translate("Crisis", "Crisis lines"))
        self.problem_label.setVisible(bool(self.problem))
        self.not_a_service = plain_label(translate(CONTEXT, NOT_A_SERVICE))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(translate("Crisis", "Close"))
        close.setAccessibleDescription(translate("Crisis", "Close this panel. Esc also closes it."))
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        chooser = QHBoxLayout()
        chooser.addWidget(self.country_label)
        chooser.addWidget(self.country_combo)
        chooser.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.note)
        layout.addLayout(chooser)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.cards_scroll, 1)
        layout.addWidget(self.not_a_service)
        layout.addWidget(self.buttons)
        self.country_combo.setVisible(self.book is not None)
        self.country_label.setVisible(self.book is not None)

    def give_focus_back_to(self, widget: QWidget | None) -> None:
        """On close (Esc too), focus returns to ``widget`` in the window that asked for help,
        so a half-filled check-in is where the person left it."""
        if widget is None or widget.window() is self:
            return

        def back(_result: int) -> None:
            if shiboken6.isValid(widget) and widget.isVisible():
                if not widget.window().isActiveWindow():
                    widget.window().activateWindow()
                widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

        self.finished.connect(back)

    def country_code(self) -> str:
        return str(self.country_combo.currentData() or FALLBACK_CODE)

    def show_country(self, code: str) -> None:
        """Select ``code``; a country with no list of its own shows the general advice."""
        if self.book is None:
            return
        wanted = code.strip().upper()
        index = self.country_combo.findData(wanted)
        if index < 0:
            index = self.country_combo.findData(FALLBACK_CODE)
        if index == self.country_combo.currentIndex():
            self._show_selected()
        else:
            self.country_combo.setCurrentIndex(index)

    def contact_cards(self) -> list[ContactCard]:
        return self.cards.findChildren(ContactCard)

    def _show_selected(self) -> None:
        while self.cards_layout.count():
            entry = self.cards_layout.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        if self.book is None:
            return
        code = self.country_code()
        own = self.book.country(code)
        own_count = len(own.contacts) if own is not None and code != FALLBACK_CODE else 0
        for number, contact in enumerate(self.book.for_country(code)):
            if number == own_count and own_count:
                elsewhere = plain_label(translate("Crisis", "If you are in another country:"))
                font = elsewhere.font()
                font.setBold(True)
                elsewhere.setFont(font)
                self.cards_layout.addWidget(elsewhere)
            self.cards_layout.addWidget(ContactCard(contact))
        self.cards_layout.addStretch(1)
        self.cards_scroll.setAccessibleDescription(
            " ".join(f"{c.name}: {c.how}." for c in self.book.for_country(code))
        )
