"""Find widgets the way a user does: by what they say on screen or to a screen reader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TypeVar, overload

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist, Item, Kind
from kvet.gui.dialogs.clinicdialog import ClinicDialog
from kvet.gui.main.app import EXIT_AFTER_SHOW
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from kvet.store.api import Store

W = TypeVar("W", bound=QWidget)


def _visible_text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return str(text()).replace("&", "") if callable(text) else ""


def find_button(root: QWidget, text: str) -> QAbstractButton:
    """The visible button whose label or accessible name contains ``text``."""
    matches = [
        b
        for b in root.findChildren(QAbstractButton)
        if b.isVisibleTo(root) and (text in _visible_text(b) or text == b.accessibleName())
    ]
    assert matches, f"no visible button saying {text!r}"
    return matches[0]


@overload
def find_by_name(root: QWidget, name: str) -> QWidget: ...
@overload
def find_by_name(root: QWidget, name: str, kind: type[W]) -> W: ...
def find_by_name(root: QWidget, name: str, kind: type[QWidget] = QWidget) -> QWidget:
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert matches, f"no {kind.__name__} named {name!r}"
    return matches[0]


def find_by_description(root: QWidget, description: str, kind: type[W]) -> W:
    """The widget a screen reader describes as ``description`` (a label's caption: its name
    is its text)."""
    matches = [w for w in root.findChildren(kind) if w.accessibleDescription() == description]
    assert matches, f"no {kind.__name__} described as {description!r}"
    return matches[0]


def active_dialog(kind: type[W]) -> W:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    raise AssertionError(f"no open {kind.__name__}")


class Session:
    """kvet as a user starts it: a database file, a window; closing and reopening keeps all."""

    def __init__(self, qtbot: QtBot, checklist: Checklist, path: Path) -> None:
        self.qtbot, self.checklist, self.path = qtbot, checklist, path
        self.store: Store | None = None
        self.window: MainWindow | None = None

    def start(self) -> MainWindow:
        self.store = Store.open(self.checklist, self.path)
        self.window = MainWindow(self.store)
        self.qtbot.addWidget(self.window)
        self.window.show()
        self.qtbot.waitExposed(self.window)
        return self.window

    def stop(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window = None
        if self.store is not None:
            self.store.close()
            self.store = None


def started_with_sample(session: Session, qtbot: QtBot) -> MainWindow:
    """The window as a new user sees it after "Open the sample comparison", and in focus, as
    keyboard and screen-reader stories need it."""
    window = session.start()
    qtbot.mouseClick(find_button(window, "Open the sample comparison"), Qt.MouseButton.LeftButton)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def add_clinic(qtbot: QtBot, window: MainWindow, name: str, formats: tuple[str, ...] = ()) -> None:
    qtbot.mouseClick(window.ui.addClinicButton, Qt.MouseButton.LeftButton)  # in any language
    dialog = active_dialog(ClinicDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, name)
    for title in formats:
        find_button(dialog, title).click()
    save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)  # in any language
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def harbor_first_because_hilltop_is_ruled_out(
    qtbot: QtBot, window: MainWindow
) -> tuple[str, str, Item]:
    """Harbor and Hilltop added; a dealbreaker seen at Hilltop, and every red flag of Harbor
    not seen (no dealbreaker left open), so Harbor's first place is settled. Gives the two
    clinics' ids and the dealbreaker."""
    add_clinic(qtbot, window, "Harbor Clinic")
    add_clinic(qtbot, window, "Hilltop Clinic")
    store = window.store
    harbor, hilltop = (c.id for c in sorted(window.state.clinics, key=lambda c: c.name))
    flag = next(i for i in store.checklist.items if i.dealbreaker and not i.formats)
    store.answers.set(hilltop, flag.id, Choice.SEEN)
    for item in [i for i in store.checklist.items if i.kind is Kind.RED_FLAG and not i.formats]:
        store.answers.set(harbor, item.id, Choice.NOT_SEEN)
    return harbor, hilltop, flag


def add_clinics_at_once(store: Store, comparison_id: str, names: list[str]) -> None:
    """Clinics that arrive together, as a shared file's import brings them: the window is told
    once (``ChangeKind.ALL``, as undo tells it), not once a clinic. Each notice re-reads and
    redraws every view, 0.2-0.5 s with 40 clinics, which a test of the result need not pay 40
    times (issue 26); a test of adding one clinic adds it with ``store.clinics.add``."""
    from kvet.store.changes import Change, ChangeKind

    told = list(store._ctx.listeners)
    store._ctx.listeners.clear()
    try:
        for name in names:
            store.clinics.add(comparison_id, name)
    finally:
        store._ctx.listeners[:] = told
    store._ctx.notify(Change(ChangeKind.ALL))


def own_process_env(home: Path, *, exit_after_show: bool = True, **extra: str) -> dict[str, str]:
    """The environment for kvet started in its own process, as the desktop starts it:
    offscreen, every settings, data and state folder inside ``home``, and (unless told
    otherwise) quitting as soon as its window shows the data; ``extra`` adds or overrides."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        **extra,
    )
    if exit_after_show:
        env[EXIT_AFTER_SHOW] = "1"
    else:
        env.pop(EXIT_AFTER_SHOW, None)
    return env


def start_in_own_process(home: Path, *words: str) -> subprocess.CompletedProcess[str]:
    """``python WORDS`` (``-m kvet --db ...``, or ``-c SCRIPT ...`` that calls kvet's
    ``main``) in a process of its own with ``own_process_env(home)``: kvet starts as the
    desktop starts it and quits once its window shows the data. Its output, for the test."""
    return subprocess.run(
        [sys.executable, *words],
        env=own_process_env(home),
        capture_output=True,
        text=True,
        timeout=120,
    )


def sample_shown_at_start(checklist: Checklist, path: Path, language: str | None = None) -> str:
    """A database whose sample comparison is the one kvet shows when it starts (in
    ``language`` when given, saved as the window saves it); gives the sample's id."""
    from kvet.start.sample import create_sample
    from kvet.text.language import save_language

    with Store.open(checklist, path, daily_backup=False) as store:
        sample = create_sample(store)
        store.settings.set_preference("last_comparison", sample.id)
        if language is not None:
            save_language(store.settings, language)
    return sample.id
