"""Every export on the File menu asks and saves the same way; only its words and its file differ.

The five exports share one path through ``kvet.gui.sharing.exportcommands``: one table of targets.
A person choosing any of them sees a save dialog that says what is saved, a suggested name that
says what the file is (never whose), the suffix added when they leave it off, the folder they used
last, and a status line saying where the file went.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from kvet.exchange.words import printout_words
from kvet.gui.main.actionspec import ActionId
from kvet.gui.sharing.exportcommands import TARGETS, Target
from tests.gui.helpers import Session, add_clinic

QUESTIONS_TITLE = "{questions}"  # the psychiatrist sheet is named by its own printed heading
# What the person sees for each File menu export: its menu entry, the save dialog's title, the
# suggested file name and the kind of file offered.
SEEN = {
    "shareable file": (
        ActionId.SHARE,
        "Save a shareable file",
        "kvet comparison.kvet",
        "kvet comparison (*.kvet)",
    ),
    "report": (
        ActionId.REPORT,
        "Save the report as PDF",
        "kvet report.pdf",
        "PDF document (*.pdf)",
    ),
    "call sheet": (
        ActionId.CALL_SHEET,
        "Save the call sheet as PDF",
        "kvet call sheet.pdf",
        "PDF document (*.pdf)",
    ),
    "table": (
        ActionId.CSV,
        "Save the table for a spreadsheet",
        "kvet table.csv",
        "Spreadsheet, CSV (*.csv)",
    ),
    "questions": (
        ActionId.PSYCHIATRIST,
        f"Save “{QUESTIONS_TITLE}” as PDF",
        f"{QUESTIONS_TITLE}.pdf",
        "PDF document (*.pdf)",
    ),
}


def test_the_table_of_targets_holds_every_export_of_the_file_menu_once() -> None:
    assert [target.what for target in TARGETS] == list(SEEN)


def accept_the_question_before_saving() -> None:
    """The shareable file's options and the call sheet's private topics: the defaults, OK."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QDialog):
        dialog.accept()


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.what)
def test_each_export_asks_in_its_own_words_adds_its_suffix_and_says_where_the_file_went(
    session: Session,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: Target,
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    folder = tmp_path / "for the doctor"
    folder.mkdir()
    asked: list[tuple[str, Path, str]] = []
    typed = [str(folder / "my copy"), ""]  # saved without typing the suffix; then cancelled

    def save_dialog(_parent: QWidget, title: str, suggested: str, kind: str) -> tuple[str, str]:
        asked.append((title, Path(suggested), kind))
        return typed.pop(0), kind

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    action, title, name, kind = SEEN[target.what]
    heading = printout_words()("psychiatrist", "title")
    title, name = (words.replace(QUESTIONS_TITLE, heading) for words in (title, name))

    QTimer.singleShot(0, accept_the_question_before_saving)
    with qtbot.waitSignal(window.sharing.done) as done:
        window.menu_actions[action].trigger()
    saved = folder / f"my copy{target.suffix}"
    assert saved.stat().st_size > 0
    assert done.args == [f"Saved the {target.what} as {saved}"]
    assert asked[0][0] == title
    assert asked[0][1].name == name
    assert asked[0][2] == kind

    QTimer.singleShot(0, accept_the_question_before_saving)
    window.menu_actions[action].trigger()  # the next save starts where the last one went
    assert asked[1][1] == folder / name
    assert sorted(p.name for p in folder.iterdir()) == [saved.name]  # the cancel saved nothing
