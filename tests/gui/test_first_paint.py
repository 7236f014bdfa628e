"""kvet's first paint: the window a person sees at once, before its form and their data.

``kvet.gui.main.app`` shows the window with its title, its place and size as left, "Opening your
data…" and a working "Need help now?", then builds the form, the menus and the views (the Qt
namespace alone is some 200 enums made in Python). These tests use that two-step window as the
app does (``MainWindow(form_now=False)``, then ``build_form``) and check what a person notices:
help works at once, the form comes where the window is, the keyboard stays where it was, and
the words are the chosen language's from the first paint on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from kvet.gui.dialogs.crisis import CrisisDialog
from kvet.gui.main.firstpaint import GEOMETRY_KEY
from kvet.gui.main.language import install_translations
from kvet.gui.main.mainwindow import MainWindow
from tests.gui.helpers import start_in_own_process


def first_paint(qtbot: QtBot) -> MainWindow:
    """The window as ``kvet.gui.main.app`` first shows it."""
    window = MainWindow(form_now=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_words(window: MainWindow) -> tuple[list[str], str]:
    """The words of the visible buttons in the window, and what its status bar says."""
    central = window.centralWidget()
    assert central is not None
    buttons = [b.text() for b in central.findChildren(QPushButton) if b.isVisible()]
    return buttons, window.statusBar().currentMessage()


def waiting_help(window: MainWindow) -> QPushButton:
    """The first paint's "Need help now?"."""
    central = window.centralWidget()
    assert central is not None
    button = central.findChild(QPushButton)
    assert isinstance(button, QPushButton)
    return button


def crisis_panels() -> list[CrisisDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrisisDialog) and w.isVisible()
    ]


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "en")


def test_the_first_paint_shows_kvet_help_and_that_the_data_is_coming(
    qtbot: QtBot, english: None
) -> None:
    window = first_paint(qtbot)
    assert window.windowTitle() == "kvet"
    assert shown_words(window) == (["Need help now?"], "Opening your data…")
    help_button = waiting_help(window)
    assert help_button.isEnabled()
    assert help_button.accessibleName() == "Need help now?"
    assert "crisis lines" in help_button.accessibleDescription()


def test_need_help_now_opens_the_crisis_lines_before_the_form_is_built(
    qtbot: QtBot, english: None
) -> None:
    window = first_paint(qtbot)
    help_button = waiting_help(window)
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(crisis_panels()) == 1)
    crisis_panels()[0].close()
    assert not window.form_built  # the panel needed neither the form nor the data


def test_the_form_comes_where_the_window_was_left_and_waits_for_the_data(
    qtbot: QtBot, english: None
) -> None:
    earlier = QMainWindow()  # the window as the user left it last time
    earlier.setGeometry(40, 30, 700, 520)
    QSettings().setValue(GEOMETRY_KEY, earlier.saveGeometry())
    window = first_paint(qtbot)
    placed = window.geometry()
    assert (placed.width(), placed.height()) == (700, 520)
    window.build_form()
    assert window.geometry() == placed  # no jump as the form comes
    assert window.ui.helpNowButton.isVisible()
    assert window.ui.helpNowButton.isEnabled()
    assert not window.ui.clinicsView.isEnabled()
    assert "Opening your data" in window.statusBar().currentMessage()
    menus = [m.title() for m in window.menuBar().findChildren(QMenu)]
    assert "&Help" in menus
    assert window.quit_action.isEnabled()
    assert not window.new_clinic_action.isEnabled()


def test_the_form_is_on_screen_and_laid_out_before_the_data_is_put_in_it(
    qtbot: QtBot, english: None
) -> None:
    """The data is attached on the same turn of the event loop: its list and views are sized
    for the window as it is, not for a form Qt has not shown yet (640×480 by default)."""
    window = first_paint(qtbot)
    window.build_form()
    ui = window.ui
    assert ui.clinicsView.isVisible()
    assert ui.tabs.isVisible()
    assert window.menuBar().isVisible()
    inside = window.centralWidget()
    assert inside is not None
    assert inside.width() == window.width()
    assert ui.splitter.width() > 0.9 * window.width()


def test_the_keyboard_stays_on_need_help_now_as_the_form_comes(qtbot: QtBot, english: None) -> None:
    window = first_paint(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button = waiting_help(window)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    window.build_form()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.ui.helpNowButton)


def test_the_first_paint_speaks_the_chosen_language_in_the_forms_own_words(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_translations(qapp, "es")
    try:
        window = first_paint(qtbot)
        buttons, status = shown_words(window)
        window.build_form()
        assert buttons == [window.ui.helpNowButton.text()]
        assert buttons != ["Need help now?"]  # Spanish, as the form is
        assert status == window.statusBar().currentMessage()  # the same words, in the same place
        assert status != "Opening your data…"
    finally:
        install_translations(qapp, "en")


def test_the_whole_window_at_once_for_everyone_but_the_start(qtbot: QtBot, english: None) -> None:
    """Tests, dialogs and a restore make ``MainWindow()``: its form is there at once."""
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.form_built
    assert window.ui.helpNowButton.text() == "Need help now?"
    assert not window.ui.clinicsView.isEnabled()  # until the data is attached


# kvet's own start (``kvet.__main__.main``), saying whether its window was on screen and painted
# when the form, then the data's libraries, then the data began: each holds the event loop.
PAINTED_WHEN = """
import sys
from PySide6.QtCore import QObject
import kvet.gui.main.app as app
from kvet.gui.main.mainwindow import MainWindow
painted = []

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type().name == "Paint":
            painted.append(True)
        return False

watch = Watch()
build_form = MainWindow.build_form
def watched_build_form(self):
    print("form-after-paint", bool(painted), self.windowHandle().isExposed(), flush=True)
    build_form(self)
MainWindow.build_form = watched_build_form
load = app._Session.load
def watched_load(self):
    print("data-after-paint", bool(painted), flush=True)
    load(self)
app._Session.load = watched_load
show = MainWindow.show
def watched_show(self):
    self.installEventFilter(watch)
    show(self)
MainWindow.show = watched_show
from kvet.__main__ import main
main(["--db", sys.argv[1]])
"""


def test_the_window_is_painted_before_the_form_and_the_data_hold_the_event_loop(
    tmp_path: Path,
) -> None:
    """The first paint must reach the screen before half a second of work begins: run on the
    event loop's first turns, that work came before the window system let the window be drawn,
    so the window appeared only with the data."""
    done = start_in_own_process(tmp_path, "-c", PAINTED_WHEN, str(tmp_path / "kvet.sqlite"))
    assert done.returncode == 0, done.stderr
    assert "form-after-paint True True" in done.stdout
    assert "data-after-paint True" in done.stdout
    assert "ready-at" in done.stdout


def test_a_run_that_ends_before_its_first_paint_leaves_nothing_to_run_later(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form, the logs and the data wait for the first paint; when the event loop ends
    first (a quit at once), none of them may start in whatever event loop runs next (in the
    tests: the next test's), with nobody left to close what they opened."""
    import kvet.gui.main.app as app

    started: list[str] = []
    monkeypatch.setattr(app._Session, "arm", lambda self: started.append("arm"))
    monkeypatch.setattr(app._Session, "load", lambda self: started.append("load"))
    monkeypatch.setattr(MainWindow, "build_form", lambda self: started.append("form"))
    QTimer.singleShot(0, lambda: QApplication.exit(0))
    assert app.run(db_path=tmp_path / "kvet.sqlite") == 0
    qtbot.wait(600)  # longer than the wait for a paint
    assert started == []
