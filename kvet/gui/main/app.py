"""Run the app: show the window at once, then open the user's data into it, and close well.

The window shows before the data is opened (its libraries are most of the start-up time), so
"Need help now?" works from the first moment: first with only its title, place, "Opening your
data…" and that button (``kvet.gui.main.firstpaint``), its form and menus on the next turn.
Opening the data, with its offers when the data is damaged, is ``kvet.gui.main.opendata``; the
Qt application itself is ``kvet.gui.main.application``. Only what the first paint needs is
imported at the top.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kvet.gui.main import importcheck
from kvet.gui.main.application import keep_settings_private, make_application
from kvet.gui.main.firstpaint import after_painted
from kvet.system import collector

if TYPE_CHECKING:  # imported after the window shows: they are most of the start-up time
    from PySide6.QtWidgets import QMessageBox

    from kvet.gui.dialogs.errors import ErrorReporter
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.store.api import Store
    from kvet.system import crashlog

ThreadHook = Callable[[threading.ExceptHookArgs], object]
EXIT_AFTER_SHOW = "KVET_EXIT_AFTER_SHOW"
importcheck.install()  # before the data's libraries are imported


def start_in_chosen_language(app: QApplication, db_path: Path | None) -> str:
    """Install the language the user chose in Edit → Language before any widget is made.

    Widgets take their words when they are built, so a language known only once the data is
    open would leave the menus, tabs and buttons in the system's language. The choice is read
    from the database file itself (read-only, one value, see ``kvet.store.peek``): it stays
    with the user's data, so a restored backup or another data folder brings its own choice.
    ``KVET_LANG`` and ``--lang`` still win; a file that cannot be read gives the system's.
    """
    from kvet.gui.main.language import start_language
    from kvet.store.peek import saved_preference
    from kvet.text.language import PREFERENCE

    return start_language(app, saved_preference(db_path, PREFERENCE))


def _start_reporting() -> crashlog.Reporting | None:
    from kvet.system import crashlog

    try:
        return crashlog.start()
    except OSError:  # no writable state folder: kvet still works, without a log
        return None


def tell_about_previous_crash(parent: QWidget, report: Path) -> QMessageBox:
    """Said once, at the start after a crash, when the data has opened (so "saved" is true)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from kvet.gui.main.backupoffer import message
    from kvet.gui.words.tr import translate

    box = message(
        parent,
        QMessageBox.Icon.Information,
        translate("App", "kvet closed unexpectedly last time"),
        translate(
            "App",
            "kvet closed unexpectedly the last time it was used.\n\n"
            "Your answers were saved as you gave them, so they should all be here.\n\n"
            "A technical report was kept in this file:\n{report}\n\n"
            "It holds no clinic names, notes or answers. You can send it to whoever helps you "
            "with kvet.",
        ).format(report=report),
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def run(
    db_path: Path | None = None, argv: list[str] | None = None, open_file: Path | None = None
) -> int:
    """Show the window at once (with "Need help now?" working), then open the data into it.

    ``open_file`` is a shared file to import once the data is open (opened from the desktop).
    """
    app = make_application(argv or sys.argv[:1])
    start_in_chosen_language(app, db_path)  # before the first widget: every word in it
    session = _Session(app, db_path, open_file)
    QTimer.singleShot(0, lambda: session.mark("shown"))
    # the form, then the data's libraries and the data, once the window is painted
    cancel = after_painted(session.window, [session.window.build_form, session.arm, session.load])
    try:
        code = app.exec()
    finally:
        cancel()  # the loop ended first (a quit at once): nothing runs in a later one
        session.end()
    return session.failed[0] if session.failed else code


class _Session:
    """One run of the window, from its first paint to its last close: the windows (a backup
    restored while kvet runs opens in a new one), the data opened into them, and what was set
    up to report errors, all undone at the end."""

    def __init__(self, app: QApplication, db_path: Path | None, open_file: Path | None) -> None:
        from kvet.gui.main.mainwindow import MainWindow
        from kvet.gui.sharing.openfiles import FileOpenEvents

        self.app = app
        self.db_path = db_path
        self.open_file = open_file
        keep_settings_private()
        self.window = MainWindow(form_now=False)  # "Need help now?" and the data's coming
        self.window.show()
        self.undo_signals: Callable[[], None] = lambda: None  # until ``arm``
        self.windows: list[MainWindow] = [self.window]
        self.file_events = FileOpenEvents(
            lambda path: self.windows[-1].sharing.import_file(path), self.window
        )
        # Qt sends file-open events on macOS only; elsewhere a filter on the application would
        # only see every event of every widget go by (Python is called for each: tens of ms
        # before the first paint). The files given on the command line come through ``ready``.
        if sys.platform == "darwin":
            app.installEventFilter(self.file_events)
        self.timing = bool(os.environ.get(EXIT_AFTER_SHOW))  # bench/bench_startup.py times it
        self.opened: list[Store] = []
        self.failed: list[int] = []
        self.armed: list[tuple[crashlog.Reporting | None, ErrorReporter, ThreadHook]] = []
        self.backup_due: list[Store] = []  # opened, the day's backup not made yet (_ready)

    def arm(self) -> None:
        """Logs, the crash file, the error dialog, the quit at log-out (SIGTERM) and the watch
        that keeps windows on screen, set up once the window has painted (they would delay it,
        issue 26) and before the data is opened: until then there is nothing to save or report,
        and no window but the main one (it places itself, ``firstpaint``)."""
        from kvet.gui.common.screenfit import keep_windows_on_screen
        from kvet.gui.dialogs.errors import ErrorReporter
        from kvet.gui.main.application import quit_on_signals
        from kvet.gui.main.restorewhileopen import offer_restore
        from kvet.system import crashlog

        self.undo_signals = quit_on_signals(self.app)
        keep_windows_on_screen(self.app)  # the messages about the data, opened next, too
        reporting = _start_reporting()
        windows, opened = self.windows, self.opened
        reporter = ErrorReporter(lambda: windows[-1], lambda: offer_restore(windows, opened))
        reporter.install()
        self.armed.append((reporting, reporter, threading.excepthook))
        threading.excepthook = crashlog.excepthook_for_threads

    def mark(self, what: str) -> None:
        if self.timing:
            print(f"{what}-at {time.time()!r}", flush=True)

    def load(self) -> None:
        """Open the data into the window; quit when it cannot be, open again after a restore."""
        from kvet.gui.main.opendata import attach_safely

        try:
            store = self._open()
            if store is None:
                return
            attached = attach_safely(self.window, store)
            if attached is None:
                self._quit(1)
            elif not attached:  # a backup was put back: open it
                self.load()
            else:
                self.opened.append(store)
                self._ready()
        finally:
            collector.resume()  # paused by kvet.__main__ for the start

    def _open(self) -> Store | None:
        from PySide6.QtWidgets import QMessageBox

        from kvet.content.checklist import ChecklistError, load_checklist
        from kvet.gui.main.backupoffer import message
        from kvet.gui.main.opendata import open_in_chosen_language, open_store
        from kvet.gui.words.errorwords import error_words
        from kvet.gui.words.tr import translate

        window, db_path = self.window, self.db_path
        try:
            # the day's backup once the data shows (_ready): a copy of the whole file (100-200
            # ms at 200 clinics, most of it the disk's) need not stand before the first paint
            store = open_store(load_checklist(), db_path, window, daily_backup=False)
            if store is not None:
                store = open_in_chosen_language(self.app, store, db_path, window)
        except ChecklistError as exc:
            title = translate("App", "kvet cannot start")
            message(window, QMessageBox.Icon.Critical, title, error_words(exc)).exec()
            self._quit(2)
            return None
        if store is None:
            self._quit(1)
        return store

    def _quit(self, code: int) -> None:
        self.failed.append(code)
        self.app.quit()

    def _ready(self) -> None:
        """The data shows: say what the user should know once, then take a file given."""
        from kvet.gui.sharing.openfiles import offer_start_menu
        from kvet.system import crashlog

        crashlog.log.info("data opened")
        reporting = self.armed[0][0] if self.armed else None
        if reporting is not None and reporting.previous_crash is not None and not self.timing:
            tell_about_previous_crash(self.window, reporting.previous_crash)
        if not self.timing:
            from kvet.gui.main.language import tell_about_set_aside

            tell_about_set_aside(self.window)
            offer_start_menu(self.window)
            self.file_events.ready(self.open_file)
        store, window = self.opened[-1], self.window
        self.backup_due.append(store)
        QTimer.singleShot(0, lambda: self._back_up_today(store, window))  # after the first paint
        self.mark("ready")
        if self.timing:  # after what the window queued for once the data shows (its other pages)
            QTimer.singleShot(0, self.app.quit)

    def _back_up_today(self, store: Store, window: MainWindow) -> None:
        """The day's backup, once the data shows (or as kvet ends, if it ends first). The file
        passed the checks on opening (or is byte for byte the one found sound at the last
        close), so a damaged file is never copied over good backups; the copy is consistent
        whatever the user does meanwhile (SQLite's backup, with kvet's lock held). A copy that
        fails is said in the status bar."""
        if store not in self.backup_due or store.db.closed:
            return  # made already, or closed (a backup put back): the next start makes it
        self.backup_due.remove(store)
        store.db.make_daily_backup()
        if store.backup_problem:
            from kvet.gui.words.errorwords import error_words

            window.statusBar().showMessage(error_words(store.backup_problem))

    def end(self) -> None:
        """Undo what the run set up, and close the data it opened."""
        collector.resume()  # when the start ended before the data was opened
        self.undo_signals()
        self.app.removeEventFilter(self.file_events)
        for store in self.opened:
            self._back_up_today(store, self.window)  # closed before its turn came
            store.close()
        for reporting, reporter, thread_hook in self.armed:
            reporter.uninstall()
            threading.excepthook = thread_hook
            if reporting is not None:
                reporting.stop()
