"""The "Need help now?" panel, driven as a person would use it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

import kvet.gui.dialogs.crisis as crisis_gui
from kvet.content.crisis import CrisisContactsError
from kvet.gui.dialogs.crisis import CrisisDialog, country_code_for
from tests.gui.helpers import find_button, find_by_name

# The offscreen platform says this whenever a window is shown; it is not about kvet.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)


def shown_text(root: QWidget) -> str:
    return "\n".join(label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root))


def open_panel(qtbot: QtBot, country: str | None = None) -> CrisisDialog:
    dialog = CrisisDialog(country=country)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_panel_for_the_uk_lists_samaritans_116_123(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot, "GB")
    text = shown_text(dialog)
    assert "Samaritans" in text
    assert "Call 116 123" in text
    assert find_by_name(dialog, "Country", QComboBox).currentText() == "United Kingdom"


def test_the_panel_for_the_us_offers_988_by_call_or_text_first(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot, "US")
    cards = dialog.contact_cards()
    assert cards[0].contact.how == "Call or text 988"
    assert cards[-1].contact.name == "Your local emergency number"  # the fallback comes last


def test_emergency_numbers_are_marked_in_words(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot, "US")
    kinds = {card.contact.name: card.kind_label.text() for card in dialog.contact_cards()}
    assert kinds["Emergency services"] == "Emergency number"
    assert kinds["988 Suicide & Crisis Lifeline"] == "Crisis line"
    assert any(
        card.accessibleName().startswith("Emergency number: Emergency services")
        for card in dialog.contact_cards()
    )


def test_choosing_another_country_shows_its_lines(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot, "US")
    combo = find_by_name(dialog, "Country", QComboBox)
    combo.setFocus()
    qtbot.keyClicks(combo, "Australia")  # typing a name picks it, as in any list
    assert combo.currentText() == "Australia"
    qtbot.waitUntil(lambda: "Call 13 11 14" in shown_text(dialog))
    assert "988" not in shown_text(dialog)


def test_an_unlisted_country_shows_the_general_advice(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot, "DE")
    assert find_by_name(dialog, "Country", QComboBox).currentText() == "Elsewhere"
    assert [c.contact.name for c in dialog.contact_cards()] == ["Your local emergency number"]


def test_it_says_kvet_is_not_a_crisis_service(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot)
    assert "kvet is not a crisis service" in shown_text(dialog)


def test_every_label_is_plain_text(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot, "GB")
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_escape_closes_the_panel(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_close_button_closes_the_panel(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot)
    qtbot.mouseClick(find_button(dialog, "Close"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_controls_have_accessible_names(qtbot: QtBot) -> None:
    dialog = open_panel(qtbot)
    combo = find_by_name(dialog, "Country", QComboBox)
    assert combo.accessibleDescription()
    assert find_button(dialog, "Close").accessibleDescription()


@pytest.mark.parametrize(
    ("locale", "code"),
    [("en_GB", "GB"), ("en_IE", "IE"), ("en_US", "US"), ("de_DE", "DE"), ("C", "US")],
)
def test_the_country_comes_from_the_locale(locale: str, code: str) -> None:
    assert country_code_for(QLocale(locale)) == code


def test_a_broken_contacts_file_still_gives_help(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise CrisisContactsError("The crisis contacts file contacts.toml is invalid")

    monkeypatch.setattr(crisis_gui, "load_crisis_contacts", broken)
    dialog = open_panel(qtbot)
    text = shown_text(dialog)
    assert "call your local emergency number" in text
    assert "call or text 988" in text
    assert "116\u00a0123" in text
