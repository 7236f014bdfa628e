"""A Spanish-speaking user sees the checklist and the crisis lines in Spanish, and can choose.

kvet starts in the system's language; the user's saved choice, known once their data is open,
wins; Edit → Language… changes it for the next start.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist, load_checklist
from kvet.gui.main.actionspec import ActionId
from kvet.gui.main.language import install_translations, start_language
from kvet.gui.main.languagedialog import LanguageDialog
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.main.opendata import open_in_chosen_language
from kvet.store.api import Store
from kvet.text import language
from tests.gui.helpers import active_dialog, add_clinic, find_by_name

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)
ENGLISH_988 = "988 Suicide & Crisis Lifeline"


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


def spanish(*parts: str) -> dict[str, object]:
    with Path("resources", *parts).open("rb") as handle:
        return tomllib.load(handle)


def spanish_statement(item_id: str) -> str:
    items = spanish("checklist", "checklist.es.toml")["items"]
    assert isinstance(items, dict)
    return str(items[item_id]["statement"])


def spanish_988() -> str:
    countries = spanish("crisis", "contacts.es.toml")["countries"]
    assert isinstance(countries, dict)
    return str(countries["US"]["contacts"][ENGLISH_988]["name"])


def shown_text(root: QWidget) -> str:
    return "\n".join(label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root))


def start_kvet(qapp: QApplication, qtbot: QtBot, path: Path, saved: str) -> MainWindow:
    """Start as kvet.gui.main.app.run does: system language first, then the user's saved choice."""
    with Store.open(load_checklist(lang="en"), path) as setup:
        if saved:
            language.save_language(setup.settings, saved)
    start_language(qapp)  # the test system speaks English
    first = Store.open(load_checklist(), path)
    store = open_in_chosen_language(qapp, first, path)
    assert store is not None
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.state.set_country("US")
    add_clinic(qtbot, window, "Harbour Clinic")
    window.show_walkthrough()
    window.walkthrough.go([i.id for i in window.walkthrough.items].index("rf_no_screening"))
    return window


def close(window: MainWindow) -> None:
    window.close()
    window.state.store.close()


@pytest.mark.parametrize(("saved", "in_spanish"), [("es", True), ("en", False), ("", False)])
def test_the_walkthrough_and_crisis_panel_speak_the_chosen_language(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, saved: str, in_spanish: bool
) -> None:
    window = start_kvet(qapp, qtbot, tmp_path / "kvet.sqlite", saved)
    statement = window.walkthrough.form.explanation.statement_label.text()
    english = load_checklist(lang="en").item("rf_no_screening").statement
    assert statement == (spanish_statement("rf_no_screening") if in_spanish else english)
    panel = window.show_crisis_panel()
    assert isinstance(panel, QWidget)
    qtbot.waitExposed(panel)
    text = shown_text(panel)
    assert (spanish_988() in text) is in_spanish
    assert (ENGLISH_988 in text) is not in_spanish
    panel.close()
    close(window)


def test_a_spanish_system_starts_in_spanish_with_qts_own_words(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kvet.gui.main.language.system_language", lambda: "es_MX")
    assert start_language(qapp) == "es"
    assert language.active() == "es"
    assert load_checklist().item("rf_no_screening").statement == spanish_statement(
        "rf_no_screening"
    )
    qt_spanish = QTranslator()
    assert qt_spanish.load(
        "qtbase_es", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    )
    # Qt's standard buttons now read in Spanish, as Qt's own translation says.
    expected = qt_spanish.translate("QPlatformTheme", "Cancel")
    assert expected not in ("", "Cancel")
    assert QApplication.translate("QPlatformTheme", "Cancel") == expected
    assert start_language(qapp, saved="en") == "en"  # the user's choice wins
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_kvet_lang_overrides_everything(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KVET_LANG", "es")
    assert start_language(qapp, saved="en") == "es"


def test_the_user_chooses_spanish_from_the_menu_and_it_is_used_at_the_next_start(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, checklist: Checklist
) -> None:
    path = tmp_path / "kvet.sqlite"
    window = start_kvet(qapp, qtbot, path, "")
    window.menu_actions[ActionId.LANGUAGE].trigger()
    dialog = active_dialog(LanguageDialog)
    assert "next time it starts" in shown_text(dialog)
    combo = find_by_name(dialog, "Language", QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["English", "Español"]
    assert combo.currentText() == "English"
    combo.setCurrentIndex(combo.findData("es"))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.walkthrough.form.explanation.statement_label.text() == (
        load_checklist(lang="en").item("rf_no_screening").statement
    )  # this run stays in English, as the dialog said
    close(window)
    window = start_kvet(qapp, qtbot, path, "")  # "" keeps what was saved
    assert window.walkthrough.form.explanation.statement_label.text() == spanish_statement(
        "rf_no_screening"
    )
    close(window)


def test_cancel_changes_nothing(qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    window = start_kvet(qapp, qtbot, tmp_path / "kvet.sqlite", "")
    window.choose_language()
    dialog = active_dialog(LanguageDialog)
    find_by_name(dialog, "Language", QComboBox).setCurrentIndex(1)
    dialog.reject()
    assert language.saved_language(window.state.store.settings) == ""
    close(window)
