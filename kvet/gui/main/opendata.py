"""Opening the user's data at start, and what is offered when it cannot be opened.

A file of another program, a damaged database, a damaged log of recent changes, data that
opens but cannot be loaded: each gets a plain box that says what happened and offers what can
be done (the newest good backup, a repair, a fresh start, or quitting). No box names the
damage itself: it could hold a clinic's name or a note. Running the app is ``kvet.gui.main.app``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kvet.gui.main.backupoffer import (
    add_restore_button,
    did_not_work,
    message,
    restore_offered,
    say_restored,
    with_offer,
)
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.start import recovery

if TYPE_CHECKING:
    from kvet.content.checklist import Checklist
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.store.api import Store
    from kvet.store.backups import BackupInfo
    from kvet.store.errors import DatabaseCorruptError, NotKvetDatabaseError

# What the user chose in the box about a damaged database.
RESTORE, FRESH, QUIT = "restore", "fresh", "quit"


def open_store(
    checklist: Checklist,
    db_path: Path | None,
    parent: QWidget | None = None,
    *,
    daily_backup: bool = True,
) -> Store | None:
    """Open the database; on failure explain it and offer what can be done. None means quit.

    ``daily_backup=False``: the caller makes the day's backup itself (at start, once the data
    shows: ``kvet.gui.main.app``)."""
    from kvet.gui.words.peoplewords import first_person_name
    from kvet.store.api import Store
    from kvet.store.errors import DatabaseCorruptError, NotKvetDatabaseError, StorageError

    while True:
        try:
            return Store.open(
                checklist, db_path, default_person=first_person_name(), daily_backup=daily_backup
            )
        except NotKvetDatabaseError as exc:
            again = _not_kvet(exc, parent)
        except DatabaseCorruptError as exc:
            again = _damaged(exc, parent)
        except StorageError as exc:
            box = message(
                parent,
                QMessageBox.Icon.Critical,
                translate("App", "kvet cannot open your data"),
                error_words(exc),
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            return None
        if not again:
            return None


def _good_backup(path: Path | None) -> BackupInfo | None:
    return recovery.newest_good_backup(path) if path is not None else None


def _not_kvet(exc: NotKvetDatabaseError, parent: QWidget | None) -> bool:
    """Another program's file: never offer to move it aside. Where kvet has backups, its own
    data was there: a restore copies this file into the backups folder first. True once a
    backup is back in place (open again), False to quit."""
    path = exc.path
    good = _good_backup(path)
    return restore_offered(
        parent,
        translate("App", "kvet cannot open this file"),
        with_offer(error_words(exc), path, good),
        path,
        good,
        QMessageBox.StandardButton.Close,
    )


def _damaged(exc: DatabaseCorruptError, parent: QWidget | None) -> bool:
    """A damaged database (or log of recent changes): put back the newest good backup, open
    without the lost changes, or start afresh with the damaged file kept. True: open again."""
    from kvet.store.errors import LostChangesError, StorageError
    from kvet.store.restore import restore_backup

    path = exc.path
    good = _good_backup(path)
    lost = isinstance(exc, LostChangesError)
    choice = _ask_about_damage(parent, with_offer(error_words(exc), path, good), good, lost)
    if path is None or choice == QUIT:
        return False
    try:
        if choice == RESTORE and good is not None:
            kept = restore_backup(path, good.path)
        elif lost:
            kept = recovery.drop_lost_changes(path)
        else:
            kept = recovery.set_aside(path)
    except (OSError, StorageError) as problem:
        did_not_work(parent, problem)
        return False
    if choice == RESTORE and good is not None:
        if kept is not None:
            say_restored(parent, good, kept)
    else:
        _say_kept(parent, kept, lost)
    return True


def _ask_about_damage(
    parent: QWidget | None, text: str, good: BackupInfo | None, lost: bool
) -> str:
    """RESTORE, FRESH (open without the lost changes, or start a new database) or QUIT."""
    box = message(
        parent, QMessageBox.Icon.Critical, translate("App", "kvet cannot open your data"), text
    )
    restore = None if good is None else add_restore_button(box)
    fresh = box.addButton(
        # the database itself is sound: go on with what the log holds before the damage
        translate("App", "Open without the lost changes")
        if lost
        else translate("App", "Start a new database"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is fresh:
        return FRESH
    return RESTORE if restore is not None and clicked is restore else QUIT


def _say_kept(parent: QWidget | None, kept: Path | None, lost: bool) -> None:
    """Where the damaged file went, and how kvet goes on."""
    if lost:
        text = translate(
            "App",
            "kvet opens your data without the changes that could not be read. "
            "Your database and its damaged file of recent changes were kept as "
            "{kept}.",
        )
    else:
        text = translate(
            "App",
            "The unreadable file was kept as {kept}. kvet will start with an empty database.",
        )
    message(parent, QMessageBox.Icon.Information, "kvet", text.format(kept=kept)).exec()


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
    good = _good_backup(path)
    text = translate("App", LOAD_FAILED)
    if good is None or path is None:
        text += translate("App", " There is no backup to restore yet.")
    title = translate("App", "kvet cannot open your data")
    return restore_offered(
        parent, title, with_offer(text, path, good), path, good, translate("App", "Quit")
    )


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
