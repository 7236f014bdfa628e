"""The language of the window: picked at start, installed in one place, changed from the menu.

kvet follows the system's language until the user picks one (Edit → Language…); the choice is
saved with their data and used from the next start. Qt's own words (the buttons of standard
dialogs) come from Qt's translations; kvet's own words from ``resources/translations``
(``kvet_es.qm``), when a translation of them is shipped. The choosing is in ``kvet.text.language``;
the dialog of Edit → Language… in ``kvet.gui.main.languagedialog`` (its widgets' classes are not
needed for the window's first paint, which installs the language).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kvet.content.datafiles import resources_dir
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.text import language

if TYPE_CHECKING:  # the notice's: loaded when shown, after the first paint
    from PySide6.QtWidgets import QMessageBox, QWidget

# Qt's own file dialog, in the Spanish kvet speaks. Qt's Spanish (qtbase_es, loaded first) is
# Spain's ("fichero") and leaves "Look in" and "Files of type" in English; kvet's translation file
# gives these in Qt's own contexts, and Qt asks the translator installed last first, so kvet's
# words win where both have one. (Qt's dialog is the one shown where the desktop offers none.)
QT_DIALOG_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "File Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Computer"),
    QT_TRANSLATE_NOOP("QFileDialog", "My Computer"),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP(
        "QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."
    ),
    QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Invalid filename"),
)
# Installed translators, kept so a second call replaces rather than stacks them.
_installed: list[QTranslator] = []


def system_language() -> str:
    """The system's locale name ("es_MX"), as Qt reads it from the environment."""
    return QLocale.system().name()


def kvet_translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translations(app: QCoreApplication, code: str) -> list[str]:
    """Make ``code`` the language of this run: the data files and Qt's and kvet's own words.

    The one place that installs translators. Earlier ones are removed first, so calling it
    again switches cleanly. Returns the names of the translation files loaded (none for
    English), for tests and the About page.
    """
    code = language.set_active(code)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if code == language.DEFAULT:
        return []
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"qtbase_{code}", qt_dir),
        (f"kvet_{code}", str(kvet_translations_dir())),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            _installed.append(translator)
            loaded.append(name)
    return loaded


SET_ASIDE_CONTEXT = "Translations"
SET_ASIDE_TEMPLATES = (  # kvet.content.translations.SET_ASIDE_WORDS, marked for translation
    QT_TRANSLATE_NOOP(
        "Translations",
        "A translation file was changed or damaged after kvet was installed, so kvet shows "
        "that part in English: {file}. Reinstalling kvet puts the translation back.",
    ),
    QT_TRANSLATE_NOOP(
        "Translations",
        "A translation file gives other numbers than the English (a phone number, a dose or "
        "a count), so kvet shows that part in English: {file}.",
    ),
    QT_TRANSLATE_NOOP(
        "Translations",
        "A translation file cannot be read, so kvet shows that part in English: {file}. "
        "Reinstalling kvet puts the translation back.",
    ),
)


def tell_about_set_aside(parent: QWidget) -> QMessageBox | None:
    """Say, once at start, which translations kvet set aside for the English, in plain words."""
    from kvet.content.translations import check_shipped_translations, set_aside_words
    from kvet.gui.common.problems import Problem, problem_box

    found = check_shipped_translations(language.active())
    if not found:
        return None
    say = partial(translate, SET_ASIDE_CONTEXT)
    lines = "\n\n".join(set_aside_words(item, say) for item in found)
    return problem_box(parent, Problem(lines))


def start_language(app: QCoreApplication, saved: str = "") -> str:
    """The language this run uses, installed: ``KVET_LANG``, else the saved choice, else the
    system's, else English."""
    code = language.override() or language.choose_language(saved, system_language())
    install_translations(app, code)
    return code
