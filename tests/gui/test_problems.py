"""Errors a person meets say what happened and what to do, in plain words; file dialogs start
where the person keeps their files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kvet.gui.sharing.importdialog import ImportDialog
from tests.gui.helpers import Session, add_clinic

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"
TECHNICAL = re.compile(r"line|column|char|codec|\w+(Error|Exception)\b|InvalidTag", re.IGNORECASE)


def open_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def close_all() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox | ImportDialog) and widget.isVisible():
            widget.close()


@pytest.mark.parametrize("broken", sorted(BROKEN.glob("*.kvet")), ids=lambda p: p.name)
def test_every_broken_file_is_explained_in_plain_words(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, broken: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    monkeypatch.setattr(window.sharing, "ask_password", lambda _name, **_: "a guess")
    dialog = window.sharing.import_file(broken)
    shown: list[str] = []
    if dialog is not None:  # read, but it cannot be imported: the dialog says why
        assert not dialog.import_button.isEnabled()
        shown.append(dialog.summary.text())
    else:
        boxes = open_boxes()
        assert len(boxes) == 1
        box = boxes[0]
        shown += [box.text(), box.informativeText()]
        assert "Nothing was imported" in box.text()
        assert box.informativeText() or "password" in box.text()  # what to do next
        if box.detailedText():  # the parser's own words are there, for whoever asks
            assert box.detailedText() != box.text()
    for text in shown:
        said = text.replace(broken.name, "the file")  # the file's own name may say anything
        assert not TECHNICAL.search(said), said
    assert [c.name for c in window.state.clinics] == ["Harbor Clinic"]
    close_all()


def test_a_damaged_file_keeps_kvets_own_detail_behind_details(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    broken = tmp_path / "cut-short.kvet"
    broken.write_bytes(b'{"format": "kvet-comparison", "clinics": [{"name": "A\xeb')
    assert window.sharing.import_file(broken) is None
    (box,) = open_boxes()
    assert "damaged" in box.text()
    assert "is not text" in box.detailedText()  # kvet's own words, for whoever asks
    assert "codec" not in box.detailedText()  # never Python's (issue 23)
    assert not TECHNICAL.search(box.text().replace(broken.name, "") + box.informativeText())
    close_all()


def test_file_dialogs_start_in_documents_then_remember_the_last_folder(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    asked: list[str] = []
    answer = {"path": ""}

    def fake_dialog(_parent: object, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        asked.append(folder)
        return answer["path"], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert window.sharing.export_csv() is None  # cancelled
    assert Path(asked[-1]).parent == Path(documents)
    elsewhere = tmp_path / "for the clinic visit"
    elsewhere.mkdir()
    answer["path"] = str(elsewhere / "table.csv")
    assert window.sharing.export_csv() == elsewhere / "table.csv"
    answer["path"] = ""
    window.sharing.import_file()
    assert Path(asked[-1]) == elsewhere
    # and kvet remembers it the next time it starts
    session.stop()
    window = session.start()
    window.sharing.export_report()
    assert Path(asked[-1]).parent == elsewhere
