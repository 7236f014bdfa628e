"""Alt and a letter does one thing, in English and in Spanish.

When two things on screen underline the same letter, Qt cannot tell which is meant: Alt+E only
moved the focus to the "Edit…" button and never opened the Edit menu. So within what a person
sees at once (the menu bar, the tabs, and the buttons and labelled fields of the page shown)
every underlined letter is different, and so is every letter within one menu.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kvet.content.checklist import load_checklist
from kvet.gui.main.language import install_translations
from kvet.gui.main.mainwindow import MainWindow
from kvet.store.api import Store
from kvet.text import language

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)
MARK = re.compile(r"&([^&\s])")


def letter(text: str) -> str:
    found = MARK.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else ""


def clashes(texts: list[str]) -> list[str]:
    counts = Counter(letter(t) for t in texts if letter(t))
    return sorted(t for t in texts if letter(t) and counts[letter(t)] > 1)


def menus(menu: QMenu, where: str) -> Iterator[tuple[str, list[str]]]:
    actions = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    yield where, [a.text() for a in actions]
    for action in actions:
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from menus(sub, f"{where} > {action.text()}")


def on_screen(window: MainWindow) -> list[str]:
    """The texts with a mnemonic that Alt reaches now: the menu bar, tabs, the page shown."""
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.ui.tabs.tabText(i) for i in range(window.ui.tabs.count())]
    return texts + buttons_and_field_labels(window)


def buttons_and_field_labels(root: QWidget) -> list[str]:
    """The texts of the visible buttons, and of the labels whose Alt letter leads to a field."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
    return texts


@pytest.fixture(params=["en", "es"])
def window(
    request: pytest.FixtureRequest, qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> Iterator[MainWindow]:
    language.set_active(request.param)
    install_translations(qapp, request.param)
    store = Store.open(load_checklist(), tmp_path / "kvet.sqlite")
    shown = MainWindow(store)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.open_sample()
    yield shown
    shown.close()
    store.close()
    install_translations(qapp, "en")


def test_no_two_things_on_screen_share_an_alt_letter(window: MainWindow) -> None:
    found = []
    for index in range(window.ui.tabs.count()):
        window.show_tab(index)
        QApplication.processEvents()
        same = clashes(on_screen(window))
        if same:
            found.append(f"{window.ui.tabs.tabText(index)}: {same}")
    assert not found, "\n".join(found)


def test_no_two_commands_in_a_menu_share_a_letter(window: MainWindow) -> None:
    found = []
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        for where, texts in menus(menu, action.text()):
            if clashes(texts):
                found.append(f"{where}: {clashes(texts)}")
    assert not found, "\n".join(found)


@pytest.mark.qt_log_ignore(  # the offscreen platform cannot raise a popup or grab the keys
    r"This plugin does not support (raise|grabbing the keyboard)", extend=True
)
def test_alt_e_opens_the_edit_menu(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.ui.clinicsView.setFocus()
    edit = window.menuBar().actions()[1]
    QTest.keyClick(window.ui.clinicsView, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is edit.menu())
    popup = QApplication.activePopupWidget()
    assert popup is not None
    popup.close()


OTHER_WINDOWS: dict[str, Callable[[MainWindow], QWidget | None]] = {
    "my treatment": lambda w: w.open_treatment(),
    "add a clinic": lambda w: w.add_clinic(),
    "call mode": lambda w: w.open_call_mode(),
    "pre-screen": lambda w: w.open_prescreen(),
    "need help now": lambda w: w.show_crisis_panel(),
    "country": lambda w: w.choose_country(),
    "language": lambda w: w.choose_language(),
    "about kvet": lambda w: w.show_about(),
}


def reachable(root: QWidget) -> list[str]:
    texts = buttons_and_field_labels(root)
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            texts += [tabs.tabText(i) for i in range(tabs.count())]
    return texts


@pytest.mark.parametrize("name", OTHER_WINDOWS)
def test_in_every_other_window_alt_letters_are_unique_too(
    name: str, window: MainWindow, qtbot: QtBot
) -> None:
    shown = OTHER_WINDOWS[name](window)
    assert shown is not None
    qtbot.waitExposed(shown)
    tabs = shown.findChild(QTabWidget)
    pages = range(tabs.count()) if tabs is not None else range(1)
    found = []
    for page in pages:
        if tabs is not None:
            tabs.setCurrentIndex(page)
            QApplication.processEvents()
        if clashes(reachable(shown)):
            found.append(clashes(reachable(shown)))
    shown.close()
    assert not found, f"{name}: {found}"
