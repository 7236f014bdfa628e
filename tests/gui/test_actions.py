"""The menu commands, as declared in one table: each in a menu, each key doing one thing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from kvet.gui.main.actions import ACTIONS, MENUS, ids_when
from kvet.gui.main.actionspec import ActionId, When, shortcut_texts
from kvet.gui.main.mainwindow import MainWindow
from tests.gui.helpers import Session, add_clinic, find_button


def menu_entries(window: MainWindow) -> dict[str, list[QAction]]:
    menus = [a.menu() for a in window.menuBar().actions()]
    return {
        menu.title(): [a for a in menu.actions() if not a.isSeparator()]
        for menu in menus
        if isinstance(menu, QMenu)
    }


def test_every_command_is_in_one_menu_as_declared(session: Session) -> None:
    window = session.start()
    shown = menu_entries(window)
    assert list(shown) == [title for title, _entries in MENUS]
    placed = [act for entries in shown.values() for act in entries]
    for spec in ACTIONS:
        act = window.menu_actions[spec.id]
        assert placed.count(act) == 1, spec.text  # reachable from the menus, once
        assert act.text() == spec.text
        assert [k.toString() for k in act.shortcuts()] == shortcut_texts(spec)
        assert act.statusTip() == spec.tip
    assert len(placed) == len(ACTIONS)  # nothing in the menus that the table does not declare


def test_no_key_does_two_things(session: Session) -> None:
    keys: dict[str, str] = {}
    for spec in ACTIONS:
        for text in set(shortcut_texts(spec)):
            assert text not in keys, f"{text} is both {keys[text]!r} and {spec.text!r}"
            keys[text] = spec.text
    assert keys["F1"] == "&Need help now?"
    assert {f"Ctrl+{n}" for n in range(1, 6)} <= set(keys)
    # and no action outside the table takes one of its keys
    window = session.start()
    for act in window.findChildren(QAction):
        if act in window.menu_actions.values():
            continue
        for key in act.shortcuts():
            assert key.toString() not in keys, act.text()


def test_clinic_commands_work_only_while_a_clinic_is_chosen(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    for_a_clinic = [window.menu_actions[i] for i in ids_when(When.CLINIC)]
    assert {a.text() for a in for_a_clinic} >= {"&Edit clinic…", "Re&move clinic", "&Call mode…"}
    assert not any(a.isEnabled() for a in for_a_clinic)
    assert window.menu_actions[ActionId.NEW_CLINIC].isEnabled()
    add_clinic(qtbot, window, "Oak Clinic")
    assert all(a.isEnabled() for a in for_a_clinic)
    qtbot.mouseClick(find_button(window, "Remove clinic"), Qt.MouseButton.LeftButton)
    assert not any(a.isEnabled() for a in for_a_clinic)
    undo = window.menu_actions[ActionId.UNDO]
    assert undo.isEnabled()
    assert undo.text().startswith("&Undo ")  # says what it would undo
    undo.trigger()
    assert all(a.isEnabled() for a in for_a_clinic)


def test_before_the_data_is_open_only_help_tabs_and_quit_work(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    working = {spec.id for spec in ACTIONS if window.menu_actions[spec.id].isEnabled()}
    assert working == set(ids_when(When.ALWAYS))
    assert ActionId.CRISIS in working
    assert ActionId.QUIT in working
