"""Start the Qt application: show the window, then open the user's data with clear errors."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kvet import __version__
from kvet.content.datafiles import resource_path
from kvet.gui.common.colours import fit_palette
from kvet.gui.main import importcheck
from kvet.gui.words.errorwords import backup_words, error_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.system.desktop import APP_ID, ICON_SIZES

if TYPE_CHECKING:  # imported after the window shows: they are most of the start-up time
    from kvet.content.checklist import Checklist
    from kvet.gui.dialogs.errors import ErrorReporter
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.store.api import Store
    from kvet.store.backups import BackupInfo
    from kvet.system import crashlog

ThreadHook = Callable[[threading.ExceptHookArgs], object]
EXIT_AFTER_SHOW = "KVET_EXIT_AFTER_SHOW"
importcheck.install()  # before the data's libraries are imported


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    app.setApplicationName("kvet")
    app.setOrganizationName("kvet")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("kvet")
    # The desktop matches the window to kvet's menu entry by this name (Wayland asks for it).
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    # The theme's colours, with those too faint to read (WCAG AA) made darker or lighter.
    app.setPalette(fit_palette(app.palette()))
    return app


def keep_settings_private() -> None:
    """Make the window's settings file (it names the last folder used) readable by its owner
    only: Qt creates it with the usual 0644, and keeps the mode of a file that exists, so it is
    made private (``kvet.system.privatefiles``) before Qt first writes it. A link there is left
    alone."""
    from kvet.system.privatefiles import open_private, private_folder

    path = Path(QSettings().fileName())
    if not path.is_absolute():
        return
    try:
        private_folder(path.parent)
        os.close(open_private(path, append=True))  # append: the settings in it stay
    except OSError:
        return  # kvet works without its window settings (a link there is refused, not followed)


QUIT_SIGNALS = ("SIGTERM", "SIGHUP")  # log-out, shut-down, a closed terminal


def quit_on_signals(app: QApplication) -> Callable[[], None]:
    """Treat SIGTERM (and SIGHUP where the platform has it) as the user's own Quit: the windows
    close (a note waiting to be saved is saved), the database is closed and the session ends
    well, so the next start does not say kvet closed unexpectedly. Returns what undoes it.

    Python runs a signal handler only between its own bytecodes, never inside Qt's event loop,
    so the signal wakes a socket (``signal.set_wakeup_fd``) that Qt watches."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    wanted = [getattr(signal, name) for name in QUIT_SIGNALS if hasattr(signal, name)]
    try:
        previous_fd = signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread (a test's helper): leave signals alone
        reader.close()
        writer.close()
        return lambda: None
    previous = {number: signal.signal(number, lambda *_: None) for number in wanted}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        from kvet.system import crashlog

        with contextlib.suppress(OSError):
            reader.recv(64)
        crashlog.log.info("asked to quit by the system: closing as a normal quit")
        QApplication.closeAllWindows()
        app.quit()

    notifier.activated.connect(woken)

    def undo() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        reader.close()
        writer.close()

    return undo


def application_icon() -> QIcon:
    """kvet's icon at every size shipped, so no size is scaled from a blurry one."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"kvet-{size}.png")), QSize(size, size))
    return icon


def _did_not_work(parent: QWidget | None, problem: Exception) -> None:
    """A repair or restore failed: say why, and that the file is as it was."""
    _message(
        parent,
        QMessageBox.Icon.Critical,
        "kvet",
        translate("App", "That did not work: {problem}. Your file has not been changed.").format(
            problem=error_words(problem)
        ),
    ).exec()


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _offer(path: Path, good: BackupInfo) -> str:

    text = translate("App", "The newest good backup is {backup}.").format(backup=backup_words(good))
    if path.is_file() and path.stat().st_size > 0:
        text += translate("App", " Restoring it keeps your current file in the backups folder.")
    return text


def _restore_offered(
    parent: QWidget | None,
    title: str,
    text: str,
    path: Path | None,
    good: BackupInfo | None,
    other: QMessageBox.StandardButton | str,
) -> bool:
    """Show ``text`` with "Restore the newest backup" (when there is one) beside ``other``;
    True once the backup is back in place. A restore that fails says so and changes nothing."""
    from kvet.store.errors import StorageError
    from kvet.store.restore import restore_backup

    box = _message(parent, QMessageBox.Icon.Critical, title, text)
    restore = None
    if good is not None:
        restore = box.addButton(
            translate("App", "Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole
        )
    if isinstance(other, str):
        box.addButton(other, QMessageBox.ButtonRole.RejectRole)
    else:
        box.addButton(other)
    box.exec()
    if path is None or good is None or box.clickedButton() is not restore:
        return False
    try:
        restore_backup(path, good.path)
    except (OSError, StorageError) as problem:
        _message(
            parent,
            QMessageBox.Icon.Critical,
            "kvet",
            translate(
                "App", "That did not work: {problem}. Your file has not been changed."
            ).format(problem=error_words(problem)),
        ).exec()
        return False
    return True


def open_store(
    checklist: Checklist, db_path: Path | None, parent: QWidget | None = None
) -> Store | None:
    """Open the database; on failure explain it and offer what can be done. None means quit."""
    from kvet.gui.words.peoplewords import first_person_name
    from kvet.start import recovery
    from kvet.store.api import Store
    from kvet.store.errors import (
        DatabaseCorruptError,
        LostChangesError,
        NotKvetDatabaseError,
        StorageError,
    )
    from kvet.store.restore import restore_backup

    while True:
        try:
            return Store.open(checklist, db_path, default_person=first_person_name())
        except NotKvetDatabaseError as exc:
            # Another program's file: never offer to move it aside. Where kvet has backups,
            # its own data was there: a restore copies this file into the backups folder first.
            path = exc.path
            good = recovery.newest_good_backup(path) if path is not None else None
            text = (
                error_words(exc)
                if good is None or path is None
                else f"{error_words(exc)}\n\n{_offer(path, good)}"
            )
            if not _restore_offered(
                parent,
                translate("App", "kvet cannot open this file"),
                text,
                path,
                good,
                QMessageBox.StandardButton.Close,
            ):
                return None
            continue
        except DatabaseCorruptError as exc:
            path = exc.path
            good = recovery.newest_good_backup(path) if path is not None else None
            text = error_words(exc)
            if good is not None and path is not None:
                text += "\n\n" + _offer(path, good)
            box = _message(
                parent,
                QMessageBox.Icon.Critical,
                translate("App", "kvet cannot open your data"),
                text,
            )
            restore = None
            if good is not None:
                restore = box.addButton(
                    translate("App", "Restore the newest backup"),
                    QMessageBox.ButtonRole.AcceptRole,
                )
            if isinstance(exc, LostChangesError):
                # the database itself is sound: go on with what the log holds before the damage
                fresh = box.addButton(
                    translate("App", "Open without the lost changes"),
                    QMessageBox.ButtonRole.DestructiveRole,
                )
            else:
                fresh = box.addButton(
                    translate("App", "Start a new database"),
                    QMessageBox.ButtonRole.DestructiveRole,
                )
            box.addButton(translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            clicked = box.clickedButton()
            if isinstance(exc, LostChangesError) and path is not None and clicked is fresh:
                try:
                    repaired = recovery.drop_lost_changes(path)
                except (OSError, StorageError) as problem:
                    _did_not_work(parent, problem)
                    return None
                _message(
                    parent,
                    QMessageBox.Icon.Information,
                    "kvet",
                    translate(
                        "App",
                        "kvet opens your data without the changes that could not be read. "
                        "Your database and its damaged file of recent changes were kept as "
                        "{kept}.",
                    ).format(kept=repaired),
                ).exec()
                continue
            try:
                if path is not None and good is not None and clicked is restore:
                    kept_before = restore_backup(path, good.path)
                    if kept_before is not None:
                        _message(
                            parent,
                            QMessageBox.Icon.Information,
                            "kvet",
                            translate(
                                "App", "Restored {backup}. The file it replaced was kept as {kept}."
                            ).format(backup=backup_words(good), kept=kept_before),
                        ).exec()
                    continue
                if path is None or clicked is not fresh:
                    return None
                kept = recovery.set_aside(path)
            except (OSError, StorageError) as problem:
                _did_not_work(parent, problem)
                return None
            _message(
                parent,
                QMessageBox.Icon.Information,
                "kvet",
                translate(
                    "App",
                    "The unreadable file was kept as {kept}. "
                    "kvet will start with an empty database.",
                ).format(kept=kept),
            ).exec()
        except StorageError as exc:
            box = _message(
                parent,
                QMessageBox.Icon.Critical,
                translate("App", "kvet cannot open your data"),
                error_words(exc),
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            return None


def open_in_chosen_language(
    app: QApplication, store: Store, db_path: Path | None, parent: QWidget | None = None
) -> Store | None:
    """The store with its checklist in the language the user chose, which only their data
    knows. Nearly always that is the language kvet started in (``start_in_chosen_language``
    read it before the window was built), and ``store`` comes back as it is; otherwise (a
    database named by ``KVET_DATABASE_URL``, a backup just restored) the translations are
    switched and the data opened again with that checklist.
    A damaged translation raises ``ChecklistError`` (the store is closed first).
    """
    from kvet.content.checklist import load_checklist
    from kvet.gui.main.language import install_translations, system_language
    from kvet.text import language

    saved = language.saved_language(store.settings)
    chosen = language.override() or language.choose_language(saved, system_language())
    if chosen == language.active():
        return store
    store.close()
    install_translations(app, chosen)
    return open_store(load_checklist(), db_path, parent)


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
    box = _message(
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


LOAD_FAILED = QT_TRANSLATE_NOOP(
    "App",
    "kvet could not read some of your saved data: a value in the database is damaged. kvet has "
    "not changed the file.",
)


def offer_restore_after_load_failure(path: Path | None, parent: QWidget | None) -> bool:
    """Say plainly that the data could not be loaded and offer the newest good backup.

    True when a backup was restored (the caller loads again), False to quit. No detail of the
    error is shown: it could hold a clinic's name or a note.
    """
    from kvet.start import recovery

    good = recovery.newest_good_backup(path) if path is not None else None
    text = translate("App", LOAD_FAILED)
    if good is not None and path is not None:
        text += "\n\n" + _offer(path, good)
    else:
        text += translate("App", " There is no backup to restore yet.")
    title = translate("App", "kvet cannot open your data")
    return _restore_offered(parent, title, text, path, good, translate("App", "Quit"))


DAMAGED_NOW_TITLE = QT_TRANSLATE_NOOP("App", "Some of your data is damaged")
DAMAGED_NOW = QT_TRANSLATE_NOOP(
    "App",
    "Some of your saved data is damaged, so kvet cannot show it. kvet has not changed it.",
)


def good_backup_while_open(window: MainWindow) -> BackupInfo | None:
    """The newest backup that passes the checks a restore makes, for the data in ``window``."""
    from kvet.start import recovery

    store: Store | None = getattr(window, "store", None)
    if not window.attached or store is None or store.db.path is None:
        return None
    return recovery.newest_good_backup(store.db.path)


def restore_while_open(window: MainWindow, good: BackupInfo) -> MainWindow | None:
    """Data that went bad while kvet runs (My treatment cannot read its entries): the offer the
    app makes at start, made now. On "Restore the newest backup" every window closes (what
    waits is saved first), the backup is put back (the damaged file kept in the backups folder)
    and opened with the start's checks in a new window, which is returned. None: the user
    chose to keep working, or to quit when the data still could not be opened."""
    from kvet.content.checklist import load_checklist
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.store.errors import StorageError
    from kvet.store.restore import restore_backup

    store = window.store
    path = store.db.path
    assert path is not None  # good_backup_while_open found a backup beside it
    box = _message(
        window,
        QMessageBox.Icon.Critical,
        translate("App", DAMAGED_NOW_TITLE),
        translate("App", DAMAGED_NOW) + "\n\n" + _offer(path, good),
    )
    restore = box.addButton(
        translate("App", "Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("App", "Keep working"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    fresh_window = MainWindow()
    fresh_window.show()  # first, so closing the others does not end kvet
    for other in QApplication.topLevelWidgets():
        if other is not fresh_window and other.isVisible():
            other.close()
    store.close()
    try:
        kept = restore_backup(path, good.path)
    except (OSError, StorageError) as problem:
        kept = None
        _message(
            fresh_window,
            QMessageBox.Icon.Critical,
            "kvet",
            translate(
                "App", "That did not work: {problem}. Your file has not been changed."
            ).format(problem=error_words(problem)),
        ).exec()
    if kept is not None:
        _message(
            fresh_window,
            QMessageBox.Icon.Information,
            "kvet",
            translate("App", "Restored {backup}. The file it replaced was kept as {kept}.").format(
                backup=backup_words(good), kept=kept
            ),
        ).exec()
    while True:  # the start's checks and offers, into the new window
        fresh = open_store(load_checklist(), path, fresh_window)
        attached = None if fresh is None else attach_safely(fresh_window, fresh)
        if attached is None:
            fresh_window.close()
            return None
        if attached:
            return fresh_window


def offer_restore(windows: list[MainWindow], opened: list[Store]) -> bool:
    """Damaged data found while kvet runs: offer the newest good backup in the last of
    ``windows``; a window opened over the restored data joins them, its store joins ``opened``.
    False when there is no good backup to offer."""
    current = windows[-1]
    good = good_backup_while_open(current)
    if good is None:
        return False
    fresh = restore_while_open(current, good)
    if fresh is not None:
        windows.append(fresh)
        opened.append(fresh.store)
    return True


def attach_safely(window: MainWindow, store: Store) -> bool | None:
    """Show the data in the window. If loading it fails anyway (damage no check on opening
    foresaw), close it and offer the newest good backup rather than leave an empty window.

    True: attached. False: a backup was restored, open again. None: the user chose to quit.
    """
    try:
        window.attach(store)
    except Exception as exc:  # any damage at all: the message names none of it (health data)
        from kvet.system import crashlog

        crashlog.log_exception(type(exc), exc, exc.__traceback__)
        store.close()
        return False if offer_restore_after_load_failure(store.db.path, window) else None
    return True


def release_application() -> None:
    """Delete the application now, as the end of Python's teardown would (``kvet.system.leave``
    skips
    that teardown): Qt then hands what was copied to the desktop's clipboard keeper."""
    import shiboken6

    app = QApplication.instance()
    if app is not None and shiboken6.isValid(app):
        shiboken6.delete(app)


def run(
    db_path: Path | None = None, argv: list[str] | None = None, open_file: Path | None = None
) -> int:
    """Show the window at once (with "Need help now?" working), then open the data into it.

    ``open_file`` is a shared file to import once the data is open (opened from the desktop).
    """
    app = make_application(argv or sys.argv[:1])
    start_in_chosen_language(app, db_path)  # before the first widget: every word in it
    from kvet.gui.main.mainwindow import MainWindow

    keep_settings_private()
    window = MainWindow()
    window.show()
    undo_signals = quit_on_signals(app)
    from kvet.gui.sharing.openfiles import FileOpenEvents, offer_start_menu

    windows = [window]  # a backup restored while kvet runs opens in a new window
    file_events = FileOpenEvents(lambda path: windows[-1].sharing.import_file(path), window)
    app.installEventFilter(file_events)
    timing = bool(os.environ.get(EXIT_AFTER_SHOW))  # bench/bench_startup.py times start-up
    opened: list[Store] = []
    failed: list[int] = []
    armed: list[tuple[crashlog.Reporting | None, ErrorReporter, ThreadHook]] = []

    def arm() -> None:
        """Logs, the crash file and the error dialog, set up once the window has painted (their
        imports would delay it, issue 26) and before the data is opened."""
        from kvet.gui.dialogs.errors import ErrorReporter
        from kvet.system import crashlog

        reporting = _start_reporting()
        reporter = ErrorReporter(lambda: windows[-1], lambda: offer_restore(windows, opened))
        reporter.install()
        armed.append((reporting, reporter, threading.excepthook))
        threading.excepthook = crashlog.excepthook_for_threads

    def mark(what: str) -> None:
        if timing:
            print(f"{what}-at {time.time()!r}", flush=True)

    def load() -> None:
        from kvet.content.checklist import ChecklistError, load_checklist

        try:
            store = open_store(load_checklist(), db_path, window)
            if store is not None:
                store = open_in_chosen_language(app, store, db_path, window)
        except ChecklistError as exc:
            _message(
                window,
                QMessageBox.Icon.Critical,
                translate("App", "kvet cannot start"),
                error_words(exc),
            ).exec()
            failed.append(2)
            app.quit()
            return
        if store is None:
            failed.append(1)
            app.quit()
            return
        attached = attach_safely(window, store)
        if attached is None:
            failed.append(1)
            app.quit()
            return
        if not attached:  # a backup was put back: open it
            load()
            return
        opened.append(store)
        from kvet.system import crashlog

        crashlog.log.info("data opened")
        reporting = armed[0][0] if armed else None
        if reporting is not None and reporting.previous_crash is not None and not timing:
            tell_about_previous_crash(window, reporting.previous_crash)
        if not timing:
            from kvet.gui.main.language import tell_about_set_aside

            tell_about_set_aside(window)
            offer_start_menu(window)
            file_events.ready(open_file)
        mark("ready")
        if timing:  # after the work the window queued for once the data shows (its other pages)
            QTimer.singleShot(0, app.quit)

    QTimer.singleShot(0, lambda: mark("shown"))  # timers of 0 ms run in order: shown first
    QTimer.singleShot(0, arm)
    QTimer.singleShot(0, load)
    try:
        code = app.exec()
    finally:
        undo_signals()
        app.removeEventFilter(file_events)
        for store in opened:
            store.close()
        for reporting, reporter, thread_hook in armed:
            reporter.uninstall()
            threading.excepthook = thread_hook
            if reporting is not None:
                reporting.stop()
    return failed[0] if failed else code
