"""A user picks Español in Edit → Language, quits, and starts kvet again: all of it is Spanish.

Both runs go through kvet's own start (``kvet.__main__.main`` with the same data folder), as a
user's double-click does: the first in English (the test system speaks English), the second
after the choice was saved. The second window is then read everywhere the way
tests/gui/test_no_english_left.py reads a Spanish window: menus, tabs, labels, buttons and
every dialog. A last test starts kvet as a new process, as the desktop does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvet.__main__ import main
from kvet.content.checklist import Checklist
from kvet.gui.main.actionspec import ActionId
from kvet.gui.main.language import install_translations
from kvet.gui.main.languagedialog import LanguageDialog
from kvet.gui.main.mainwindow import MainWindow
from kvet.store.api import Store
from kvet.store.peek import database_file, saved_preference
from kvet.text import language
from tests.gui.helpers import active_dialog, find_by_name, own_process_env
from tests.gui.test_no_english_left import SCREENS, names
from tests.gui.visibletext import english_left

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)


@pytest.fixture(autouse=True)
def english_system(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """A computer set to English; kvet's logs in the test's folder; English again after."""
    monkeypatch.setattr("kvet.gui.main.language.system_language", lambda: "en_US")
    monkeypatch.delenv("KVET_LANG", raising=False)
    monkeypatch.delenv("KVET_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    language.force("")
    yield
    install_translations(qapp, "en")


def start_kvet(
    path: Path, monkeypatch: pytest.MonkeyPatch, use: Callable[[MainWindow], None]
) -> int:
    """Start kvet as the user does, let ``use`` act once their data shows, then quit."""
    attach = MainWindow.attach
    problems: list[BaseException] = []

    def attach_then_use(window: MainWindow, store: Store) -> None:
        attach(window, store)

        def act() -> None:
            try:
                use(window)
            except BaseException as problem:  # reported by the test, not kvet's error dialog
                problems.append(problem)
            finally:
                for widget in QApplication.topLevelWidgets():
                    if widget.isVisible():
                        widget.close()
                QApplication.quit()

        QTimer.singleShot(0, act)

    monkeypatch.setattr(MainWindow, "attach", attach_then_use)
    code = main(["--db", str(path)])
    monkeypatch.setattr(MainWindow, "attach", attach)
    if problems:
        raise problems[0]
    return code


def choose_spanish(window: MainWindow, qtbot: QtBot) -> None:
    window.menu_actions[ActionId.LANGUAGE].trigger()
    dialog = active_dialog(LanguageDialog)
    combo = find_by_name(dialog, "Language", QComboBox)
    combo.setCurrentIndex(combo.findData("es"))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


OWN_PROCESS = "KVET_TEST_IN_OWN_PROCESS"


def test_spanish_chosen_in_the_menu_gives_a_whole_spanish_window_after_a_restart(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs in a process of its own: two whole starts of kvet leave the shared test application
    in a state where later tests' dialogs no longer become active (tests/gui/test_prices.py)."""
    if not os.environ.get(OWN_PROCESS):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"{__file__}::test_spanish_chosen_in_the_menu_gives_a_whole_spanish_window_after_a_restart",
            ],
            env={**os.environ, OWN_PROCESS: "1"},
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
        return
    path = tmp_path / "data" / "kvet.sqlite"
    path.parent.mkdir()
    first_menus: list[str] = []

    def first_run(window: MainWindow) -> None:
        first_menus.extend(a.text() for a in window.menuBar().actions())
        choose_spanish(window, qtbot)

    assert start_kvet(path, monkeypatch, first_run) == 0
    assert "&Edit" in first_menus  # the first start was English, as the computer is

    left: dict[str, list[str]] = {}

    def walk_everywhere(window: MainWindow) -> None:
        window.resize(1024, 700)
        qtbot.waitExposed(window)
        window.open_sample()
        for screen, read in SCREENS.items():
            reading = read(window, qtbot)
            assert reading.texts, f"{screen} did not open"
            found = english_left(reading.texts, names(window))
            if found:
                left[screen] = found
            for widget in QApplication.topLevelWidgets():
                if widget is not window and widget.isVisible():
                    widget.close()

    assert start_kvet(path, monkeypatch, walk_everywhere) == 0
    assert not left, "English left after choosing Español and starting again:\n" + "\n".join(
        f"{screen}: {texts}" for screen, texts in left.items()
    )


def test_kvet_started_as_a_new_process_opens_in_the_saved_language(
    tmp_path: Path, checklist: Checklist
) -> None:
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path, daily_backup=False) as store:
        language.save_language(store.settings, "es")
    probe = (
        "import json, sys\n"
        "import kvet.gui.main.mainwindow as m\n"
        "from kvet.__main__ import main\n"
        "attach = m.MainWindow.attach\n"
        "def look(window, store):\n"
        "    attach(window, store)\n"
        "    from tests.gui.visibletext import visible_texts\n"
        "    print(json.dumps(visible_texts(window)))\n"
        "m.MainWindow.attach = look\n"
        "sys.exit(main(['--db', sys.argv[1]]))\n"
    )
    env = own_process_env(tmp_path, LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8", LANGUAGE="en")
    env.pop("KVET_LANG", None)
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    texts = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("[")))
    assert "&Editar" in texts or "Editar" in texts, texts  # the menu bar itself
    assert not english_left(texts, []), english_left(texts, [])


def test_the_choice_is_read_from_the_data_folder_kvet_opens(
    tmp_path: Path, checklist: Checklist
) -> None:
    spanish, fresh = tmp_path / "spanish.sqlite", tmp_path / "fresh.sqlite"
    with Store.open(checklist, spanish, daily_backup=False) as store:
        language.save_language(store.settings, "es")
    assert saved_preference(spanish, language.PREFERENCE) == "es"
    assert saved_preference(fresh, language.PREFERENCE) == ""  # no file yet: none is made
    assert not fresh.exists()
    other = tmp_path / "notes.txt"
    other.write_text("not a database")
    assert saved_preference(other, language.PREFERENCE) == ""  # the store will say why


def test_the_file_read_first_is_the_file_the_store_opens(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from kvet.store.connection import database_location

    monkeypatch.delenv("KVET_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert database_file(None) == database_location(None)
    assert database_file(tmp_path / "x.sqlite") == database_location(tmp_path / "x.sqlite")
