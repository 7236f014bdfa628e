"""A Spanish-speaking user shares a comparison, calls a clinic and meets kvet's errors in Spanish.

The expected Spanish is read from the translators' file (``spanish``), not copied here. Each
dialog is also swept: no visible label, button or heading may still say one of its English
sources. In English every word stays as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as QtTimeoutError
from pytestqt.qtbot import QtBot

from kvet.content import datafiles, translations
from kvet.content.catalogue import say
from kvet.content.checklist import Checklist
from kvet.content.checklistkinds import ChecklistError
from kvet.content.guide import load_guide
from kvet.exchange import files, importplan, passphrase, targets
from kvet.exchange.errors import ExchangeError
from kvet.exchange.fileformat import FORMAT_NAME, SCHEMA_VERSION
from kvet.gui.common.problems import Problem
from kvet.gui.dialogs import guide
from kvet.gui.dialogs.callmode import CallModeDialog
from kvet.gui.dialogs.country import CountryDialog
from kvet.gui.dialogs.prescreen import PrescreenDialog
from kvet.gui.main.language import (
    SET_ASIDE_TEMPLATES,
    install_translations,
    tell_about_set_aside,
)
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.sharing.importdialog import ImportDialog
from kvet.gui.sharing.shareoptions import ShareOptionsDialog
from kvet.gui.words.errorwords import backup_words, error_words
from kvet.rating.answers import Choice
from kvet.start import recovery
from kvet.store import backups
from kvet.store.errors import OPENING, explain, locked
from kvet.store.locking import DatabaseLock
from kvet.store.validation import clean_name, clean_text
from kvet.text import language
from kvet.text.errors import KvetError, Words
from kvet.text.errortexts import TEXTS
from tests.gui.helpers import Session, add_clinic
from tests.gui.layoutprobe import cut_texts
from tests.gui.test_window_spanish import spanish, ts_messages

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)
MY_CONTEXTS = (
    "Sharing",
    "ImportPlan",
    "PasswordStrength",
    "Backups",
    "CallMode",
    "Prescreen",
    "Guide",
    "Glossary",
    "Country",
)


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


def english_sources() -> set[str]:
    """The English words of these dialogs that the translators changed."""
    return {s.replace("&", "") for s, translated in ts_messages(MY_CONTEXTS) if translated != s}


def shown_texts(root: QWidget) -> list[str]:
    """Every label, button, group title and window title a person can see in ``root``."""
    texts = [root.windowTitle()]
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root):
            texts.append(label.text())
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root):
            texts.append(button.text())
    for box in root.findChildren(QGroupBox):
        if box.isVisibleTo(root):
            texts.append(box.title())
    for combo in root.findChildren(QComboBox):
        texts.extend(combo.itemText(i) for i in range(combo.count()))
    return [text.replace("&", "") for text in texts if text]


def still_english(root: QWidget) -> list[str]:
    sources = english_sources()
    return [text for text in shown_texts(root) if text in sources]


def in_spanish(qapp: QApplication) -> None:
    assert install_translations(qapp, "es") == ["qtbase_es", "kvet_es"]


# --- the notices of a translation set aside ----------------------------------------------------


def test_the_notices_of_a_translation_set_aside_are_all_marked() -> None:
    """The import plan, password and backup words are the core's, in the catalogue
    (tests/test_one_source.py); the notices are still the window's to mark."""
    assert tuple(translations.SET_ASIDE_WORDS.values()) == SET_ASIDE_TEMPLATES


def a_backup(tmp_path: Path) -> backups.BackupInfo:
    copy = tmp_path / "kvet-2026-11-30.sqlite"
    copy.write_bytes(b"x" * 48 * 1024)
    return backups.BackupInfo(copy, date(2026, 11, 30))


def test_in_english_the_plan_password_and_backup_words_are_as_before(tmp_path: Path) -> None:
    strength = passphrase.assess("short")
    assert strength.words == (
        "Too short: 5 of at least 10 characters. A few unrelated words are easy to remember "
        "and hard to guess."
    )
    info = a_backup(tmp_path)
    assert recovery.describe(info) == f"the backup of 30 {date(2026, 11, 30):%B %Y} (48 KB)"
    assert backup_words(info) == recovery.describe(info)


def test_a_backup_offered_for_restore_is_named_in_spanish(
    qapp: QApplication, tmp_path: Path
) -> None:
    info = a_backup(tmp_path)
    in_spanish(qapp)
    assert backup_words(info) == spanish(
        "Backups", "the backup of {day} {month} {year} ({size})"
    ).format(day=30, month=spanish("Backups", "November"), year=2026, size="48 KB")


# --- the error messages a person can meet -------------------------------------------------------


class FakeSqliteError(sqlite3.OperationalError):
    """A driver error with SQLite's own name, as a full or read-only disk raises it."""

    def __init__(self, name: str) -> None:
        super().__init__("disk I/O trouble")
        self.name = name

    @property
    def sqlite_errorname(self) -> str:  # type: ignore[override]
        return self.name


def caught(work: Callable[[], object]) -> KvetError:
    try:
        work()
    except KvetError as exc:
        return exc
    raise AssertionError("no error")


def treatment_errors(tmp_path: Path) -> dict[str, KvetError]:
    """What the store says about a session typed wrong in My treatment."""
    from kvet.content.checklist import load_checklist
    from kvet.store.api import Store
    from kvet.treatment.course import DoseSession

    with Store.open(load_checklist(), tmp_path / "course.sqlite") as store:
        course = store.courses.start("Harbour", None)

        def add(**wrong: object) -> KvetError:
            entry = DoseSession(date(2026, 3, 1), **wrong)  # type: ignore[arg-type]
            return caught(lambda: store.courses.add(course.id, entry))

        return {
            "a blood pressure upside down": add(bp_before=(80, 120)),
            "two days until steady": add(minutes_to_steady=3000),
            "a treatment name too long": add(treatment="x" * 300),
        }


def error_messages(tmp_path: Path) -> dict[str, KvetError]:
    """Real messages of the core, made the way a person meets them."""
    folder = tmp_path / "folder"
    folder.mkdir()
    read_only = tmp_path / "old.csv"
    read_only.write_text("a")
    read_only.chmod(0o444)
    link = tmp_path / "link.csv"
    link.symlink_to(read_only)
    database = tmp_path / "other.sqlite"
    sqlite3.connect(database).execute("CREATE TABLE t (x)").connection.commit()
    db = tmp_path / "kvet.sqlite"
    newer = json.dumps({"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION + 1}).encode()
    held = DatabaseLock(db)
    held.acquire()
    try:
        in_use = caught(lambda: DatabaseLock(db).acquire())
    finally:
        held.release()
    messages = {
        "newer file": caught(lambda: files.parse_document(newer, "mum.kvet")),
        "not a comparison": caught(lambda: files.parse_document(b'{"a": 1}', "mum.kvet")),
        "too large": caught(lambda: files.read_bounded(read_only, limit=0)),
        "a folder to import": caught(lambda: files.read_document(folder)),
        "saving over a folder": caught(lambda: targets.check_export_target(folder)),
        "saving over a link": caught(lambda: targets.check_export_target(link)),
        "saving over a database": caught(lambda: targets.check_export_target(database)),
        "locked by another program": locked(db, OPENING),
        "in use by another kvet": in_use,
        "disk full": explain(FakeSqliteError("SQLITE_FULL"), db),
        "read-only database": explain(FakeSqliteError("SQLITE_READONLY"), db),
        "damaged database": explain(FakeSqliteError("SQLITE_CORRUPT"), db, doing=OPENING),
        "disk error": explain(FakeSqliteError("SQLITE_IOERR_WRITE"), None),
        "a table gone": explain(sqlite3.OperationalError("no such table: main.rater"), db),
        "moving a folder aside": caught(lambda: recovery.set_aside(folder)),
        "a clinic without a name": caught(lambda: clean_name("  ", "clinic")),
        "a name too long": caught(lambda: clean_name("x" * 500, "person", 80)),
        "a note too long": caught(lambda: clean_text("x" * 200_000, "note")),
        **treatment_errors(tmp_path),
    }
    if os.geteuid() != 0:  # root may write anywhere
        messages["saving over a read-only file"] = caught(
            lambda: targets.check_export_target(read_only)
        )
    return messages


def test_every_error_a_person_meets_has_a_spanish_form(qapp: QApplication, tmp_path: Path) -> None:
    errors = error_messages(tmp_path)
    in_spanish(qapp)
    for story, error in errors.items():
        shown = error_words(error)
        assert shown != str(error), story
        words = re.split(r"\{\w+\}", TEXTS[error.code])
        fixed = [part for part in words if len(part.strip(" .,:;()\n")) > 4]
        assert not any(part in shown for part in fixed), f"{story}: English left in {shown!r}"
        for internal in ("sqlite3.", "SQLITE_", "disk I/O trouble", "no such table"):
            assert internal not in shown, f"{story}: {shown!r}"


def test_an_error_in_spanish_keeps_its_names_and_translates_kvets_own_phrases(
    qapp: QApplication, tmp_path: Path
) -> None:
    folder = tmp_path / "Informes"
    folder.mkdir()
    error = caught(lambda: targets.check_export_target(folder))
    in_spanish(qapp)
    assert error_words(error) == (
        f"kvet no guardará encima de {folder}: es una carpeta. No se cambió nada. "
        "Elija otro nombre de archivo."
    )
    assert error_words(locked(tmp_path / "kvet.sqlite", OPENING)) == (
        "kvet no pudo abrir sus datos: otro programa está usando la base de datos "
        f"{tmp_path / 'kvet.sqlite'}. Ciérrelo y vuelva a intentarlo."
    )


def test_in_english_every_error_is_shown_as_the_core_wrote_it(tmp_path: Path) -> None:
    for error in error_messages(tmp_path).values():
        assert error_words(error) == str(error)
    unknown = "Something a system said, not kvet."
    assert error_words(OSError(unknown)) == unknown


# --- sharing ------------------------------------------------------------------------------------


def test_the_share_dialog_and_its_password_meter_speak_spanish(
    qapp: QApplication, qtbot: QtBot
) -> None:
    in_spanish(qapp)
    dialog = ShareOptionsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == spanish("Sharing", "Save a shareable file")
    assert dialog.protect.text() == spanish("Sharing", "Protect the file with a password")
    dialog.protect.setChecked(True)
    qtbot.keyClicks(dialog.password, "short")
    too_short = spanish("PasswordStrength", passphrase.TOO_SHORT)
    assert dialog.strength.text() == too_short.format(length=5, minimum=passphrase.MIN_LENGTH)
    dialog.buttons.accepted.emit()
    assert dialog.problem.text().startswith("Elija una contraseña más difícil de adivinar.")
    assert dialog.isVisible()  # refused: nothing is saved with a weak password
    assert still_english(dialog) == []


def shared_from_a_window(qtbot: QtBot, session: Session, tmp_path: Path) -> tuple[MainWindow, Path]:
    """A window with one clinic, and the file it shares (exported in English, as Mum's was)."""
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    shared = window.sharing.export_file(tmp_path / "for-mum.kvet", ask=False)
    assert shared is not None
    return window, shared


def test_importing_in_spanish_shows_the_plan_and_the_people_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    window, shared = shared_from_a_window(qtbot, session, tmp_path)
    in_spanish(qapp)
    dialog = window.sharing.import_file(shared)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == spanish("Sharing", "Import a comparison")
    assert dialog.plan is not None
    assert dialog.summary.text() == dialog.plan.summary(
        lambda english: spanish("ImportPlan", english)
    )
    assert dialog.summary.text().startswith("Este archivo trae ")
    assert dialog.import_button.text() == spanish("Sharing", "Import")
    assert still_english(dialog) == []
    dialog.reject()


@contextlib.contextmanager
def problems_in_spanish(qapp: QApplication, window: MainWindow) -> Iterator[list[Problem]]:
    """The problems the sharing flow reports while the block runs in Spanish; the messages
    that showed them are closed after it."""
    problems: list[Problem] = []
    window.sharing.problem.connect(problems.append)
    in_spanish(qapp)
    try:
        yield problems
    finally:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox):
                box.close()


def test_a_refused_import_says_why_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    window = session.start()
    path = tmp_path / "from-the-future.kvet"
    path.write_text(json.dumps({"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION + 1}))
    with problems_in_spanish(qapp, window) as problems:
        assert window.sharing.import_file(path) is None
        assert len(problems) == 1
        said = say(Words("import.too-new", name=path.name, version=SCHEMA_VERSION + 1), "es")
        assert said in problems[0].what
        assert "newer version" not in problems[0].what


def test_saving_over_a_folder_in_spanish_says_why_and_writes_nothing(
    qapp: QApplication, session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    folder = tmp_path / "table.csv"
    folder.mkdir()
    with problems_in_spanish(qapp, window) as problems:
        assert window.sharing.export_csv(folder) is None
        assert say(Words("why.folder"), "es") in problems[0].what
        assert "it is a folder" not in problems[0].what
        assert list(folder.iterdir()) == []


def test_in_english_the_sharing_dialogs_are_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    install_translations(qapp, "en")
    dialog = ShareOptionsDialog()
    qtbot.addWidget(dialog)
    assert dialog.protect.text() == "Protect the file with a password"
    dialog.protect.setChecked(True)
    qtbot.keyClicks(dialog.password, "short")
    assert dialog.strength.text() == passphrase.assess("short").words
    window, shared = shared_from_a_window(qtbot, session, tmp_path)
    imported = window.sharing.import_file(shared)
    assert imported is not None
    assert imported.plan is not None
    assert imported.summary.text() == imported.plan.summary()
    assert imported.summary.text().startswith("This file brings ")
    imported.reject()


# --- call mode, pre-screen, country, guide ------------------------------------------------------


def call_mode(window: MainWindow, qtbot: QtBot) -> CallModeDialog:
    dialog = CallModeDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_call_mode_in_spanish_reads_the_script_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    in_spanish(qapp)
    dialog = call_mode(window, qtbot)
    assert dialog.windowTitle() == spanish("CallMode", "Call mode — {clinic}").format(
        clinic="Harbor Clinic"
    )
    assert dialog.header.text() == spanish("CallMode", "Calling {clinic}").format(
        clinic="Harbor Clinic"
    )
    assert still_english(dialog) == []
    dialog.go(0)
    count = len(dialog.items)
    section = window.state.checklist.sections_by_id[dialog.items[0].section].title
    assert dialog.header.text() == spanish(
        "CallMode", "Question {number} of {count} · {section}"
    ).format(number=1, count=count, section=section)
    assert still_english(dialog) == []
    dialog.go(count)
    assert dialog.header.text() == spanish("CallMode", "Done")
    assert still_english(dialog) == []
    dialog.close()


def test_call_mode_in_english_is_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    dialog = call_mode(window, qtbot)
    assert dialog.windowTitle() == "Call mode — Harbor Clinic"
    assert dialog.header.text() == "Calling Harbor Clinic"
    dialog.go(0)
    assert dialog.header.text().startswith(f"Question 1 of {len(dialog.items)} · ")
    dialog.close()


def test_the_pre_screen_and_country_dialogs_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = session.start()
    in_spanish(qapp)
    prescreen = PrescreenDialog(window.state, window)
    qtbot.addWidget(prescreen)
    prescreen.show()
    assert prescreen.windowTitle() == spanish("Prescreen", "Things to tell the clinic (private)")
    # a long title is a wrapping label inside the box (and the box's name for screen readers)
    titles = [box.title() or box.accessibleName() for box in prescreen.findChildren(QGroupBox)]
    assert spanish("Prescreen", "Medicines and substances to discuss") in titles
    assert still_english(prescreen) == []
    prescreen.close()
    chooser = CountryDialog(window.state, window)
    qtbot.addWidget(chooser)
    chooser.show()
    assert chooser.windowTitle() == spanish("Country", "Your country")
    assert still_english(chooser) == []
    chooser.close()


def test_the_guide_pages_in_spanish(qapp: QApplication, checklist: Checklist) -> None:
    in_spanish(qapp)
    about = guide.about_page(checklist, today=date(2026, 12, 2))
    before = guide.before_page(checklist)
    for page in (about, before):
        assert still_english(page) == []
    assert about.windowTitle() == spanish("Guide", "About this guide")
    texts = shown_texts(about)
    assert spanish("Guide", "When it was checked") in texts
    # the printout's sentence, chosen for both (docs/translating.md, "Sentences made one")
    checked = next(t for t in texts if t.startswith("Se revisó con sus fuentes"))
    assert str(load_guide().reviewed.year) in checked
    assert before.windowTitle() == spanish("Guide", "Before you decide")


def test_in_english_the_guide_says_when_it_was_checked_as_the_guide_writes_it(
    checklist: Checklist,
) -> None:
    today = date(2026, 12, 2)
    page = guide.about_page(checklist, today=today)
    expected = dict(load_guide().about_lines(today))["When it was checked"]
    assert expected in shown_texts(page)


def test_the_share_dialog_refuses_a_password_made_of_a_familys_name_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The people in the comparison are the names a relative would try first."""
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    window.state.store.people.add("Rosalind Featherstone")
    in_spanish(qapp)
    seen: list[str] = []

    def type_a_password(dialog: ShareOptionsDialog) -> int:
        dialog.protect.setChecked(True)
        qtbot.keyClicks(dialog.password, "Rosalind Featherstone 1958")
        seen.append(dialog.strength.text())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ShareOptionsDialog, "exec", type_a_password)
    assert window.sharing.export_file() is None
    assert seen == [spanish("PasswordStrength", passphrase.USES_NAME)]
    assert seen[0].startswith("Demasiado fácil de adivinar: usa el nombre")


def test_a_changed_spanish_crisis_file_is_told_at_start_in_spanish(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "resources"
    shutil.copytree(datafiles.resources_dir(), own)
    monkeypatch.setattr(datafiles, "resources_dir", lambda: own)
    changed = own / "crisis" / "contacts.es.toml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Llame al 911", "Llame al 119", 1),
        encoding="utf-8",
    )
    in_spanish(qapp)
    monkeypatch.setattr(language, "_active", "es")
    parent = QWidget()
    qtbot.addWidget(parent)
    box = tell_about_set_aside(parent)
    assert box is not None
    qtbot.addWidget(box)
    assert box.text().startswith("Un archivo de traducción se cambió o se dañó")
    assert str(changed) in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText


def test_a_changed_checklist_and_a_file_inside_a_file_are_refused_in_spanish(
    qapp: QApplication,
) -> None:
    in_spanish(qapp)
    changed = ChecklistError("datafile.checklist-changed", path="/opt/kvet/checklist.toml")
    checklist_words = error_words(changed)
    assert checklist_words.startswith("El archivo de la lista de kvet se cambió o se dañó")
    assert "/opt/kvet/checklist.toml" in checklist_words
    nested = error_words(ExchangeError("import.nested-protection", name="tom.kvet"))
    assert nested.startswith("tom.kvet es un archivo protegido dentro de otro archivo protegido")


def test_with_kvets_own_translations_nothing_is_told_at_start(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_spanish(qapp)
    monkeypatch.setattr(language, "_active", "es")
    parent = QWidget()
    qtbot.addWidget(parent)
    assert tell_about_set_aside(parent) is None


def whole(dialog: QWidget) -> bool:
    return not cut_texts(dialog)


def test_in_spanish_the_longer_words_fit_the_dialogs(
    qapp: QApplication, qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    window, shared = shared_from_a_window(qtbot, session, tmp_path)
    in_spanish(qapp)
    share = ShareOptionsDialog(window)
    qtbot.addWidget(share)
    share.protect.setChecked(True)
    share.buttons.accepted.emit()  # the longest problem line: no password typed
    imported = window.sharing.import_file(shared)
    assert imported is not None
    calling = call_mode(window, qtbot)
    calling.go(0)
    prescreen = PrescreenDialog(window.state, window)
    qtbot.addWidget(prescreen)
    dialogs: list[QWidget] = [share, imported, calling, prescreen]
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        with contextlib.suppress(QtTimeoutError):  # the layout settles over a few events
            qtbot.waitUntil(partial(whole, dialog), timeout=3000)
        assert cut_texts(dialog) == [], dialog.windowTitle()
    imported.reject()


def test_differences_to_settle_are_told_in_spanish_with_the_names_and_notes_as_typed(
    qapp: QApplication, qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    store, clinic_id = window.state.store, window.state.clinic_id
    store.clinics.update(clinic_id, phone="555 0100")
    store.answers.set(clinic_id, "rf_no_screening", Choice.SEEN, rater_id=window.state.rater_id)
    shared = window.sharing.export_file(tmp_path / "for-mum.kvet", ask=False)
    assert shared is not None
    store.clinics.update(clinic_id, phone="")
    store.answers.set(clinic_id, "rf_no_screening", Choice.NOT_SEEN, rater_id=window.state.rater_id)
    store.answers.set_note(
        clinic_id, "rf_no_screening", "a nurse calls", rater_id=window.state.rater_id
    )
    in_spanish(qapp)
    dialog = window.sharing.import_file(shared)
    assert isinstance(dialog, ImportDialog)
    dialog.into_current.setChecked(True)
    mine = dialog.people[next(iter(dialog.people))]
    mine.setCurrentIndex(mine.findData(window.state.rater_id))
    rows = [
        dialog.conflicts_model.item(row).text() for row in range(dialog.conflicts_model.rowCount())
    ]
    statement = window.state.checklist.items_by_id["rf_no_screening"].statement
    sentence = spanish("ImportPlan", importplan.CONFLICT)
    assert rows == [
        sentence.format(
            clinic="Harbor Clinic",
            what=spanish("ImportPlan", importplan.CLINIC_FIELD).format(
                field=spanish("ImportPlan", "phone")
            ),
            mine=spanish("ImportPlan", "empty"),
            theirs="555 0100",
        ),
        sentence.format(
            clinic="Harbor Clinic",
            what=f"“{statement}”",
            mine=spanish("Answers", "Not seen") + " — a nurse calls",
            theirs=spanish("Answers", "Seen"),
        ),
    ]
    dialog.reject()
