"""Where to save, which file to open, and a file's password: the questions every share asks.

Each export and the import ask the same way, in the folder used last, so they share these; the
``Sharing`` object keeps one-line methods over them that tests answer in the user's place.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

CONTEXT = "Sharing"
KVET_FILTER = QT_TRANSLATE_NOOP("Sharing", "kvet comparison (*.kvet)")
LAST_FOLDER_KEY = "files/lastFolder"


def safe_file_name(name: str) -> str:
    """A file name made from what the user typed: no folders, no characters systems refuse."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f\u200e\u200f\u202a-\u202e]+', " ", name).strip(" .")
    return cleaned[:80] or "kvet"


def last_folder() -> Path:
    """The folder used last (kept in the settings), else the person's Documents folder."""
    last = QSettings().value(LAST_FOLDER_KEY, "", str)
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())


def _remember_folder(chosen: Path) -> None:
    QSettings().setValue(LAST_FOLDER_KEY, str(chosen.parent))


def ask_save_path(parent: QWidget, title: str, name: str, suffix: str, filter_: str) -> Path | None:
    """Ask where to save. Suggested names say what a file is, never whose or about what (no
    comparison or clinic name): a file name travels in e-mail and folder listings."""
    suggested = last_folder() / f"{safe_file_name(name)}{suffix}"
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(suggested), translate(CONTEXT, filter_)
    )
    if not chosen:
        return None
    path = Path(chosen)
    _remember_folder(path)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_open_path(parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        translate("Sharing", "Import a comparison"),
        str(last_folder()),
        translate(CONTEXT, KVET_FILTER),
    )
    if not chosen:
        return None
    _remember_folder(Path(chosen))
    return Path(chosen)


def ask_password(parent: QWidget, name: str, *, wrong: bool = False) -> str | None:
    """The password for ``name``; ``wrong``: the last one typed did not open it."""
    if wrong:
        question = translate(
            "Sharing", "That password did not open {name}. Check it and type it again:"
        )
    else:
        question = translate("Sharing", "{name} is protected. Type its password:")
    text, ok = QInputDialog.getText(
        parent,
        translate("Sharing", "Password needed"),
        question.format(name=name),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None
