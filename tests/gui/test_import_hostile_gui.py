"""Stories of a hostile or careless file, and of choosing a password, in the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from kvet.exchange import files
from kvet.gui.sharing import sharing
from kvet.gui.sharing.shareoptions import ShareOptionsDialog
from kvet.rating.answers import Choice
from tests.gui.helpers import Session, add_clinic, find_button
from tests.gui.test_sharing import choose_person, digest, harbor_clinic_not_seen, open_messages
from tests.test_import_hostile import small_envelope


def test_the_share_dialog_says_in_words_how_guessable_a_password_is_and_refuses_a_weak_one(
    qtbot: QtBot,
) -> None:
    dialog = ShareOptionsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.protect.setChecked(True)
    assert dialog.strength.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClicks(dialog.password, "x")
    assert dialog.strength.text().startswith("Too short: 1 of at least 10 characters.")
    qtbot.keyClicks(dialog.again, "x")
    qtbot.mouseClick(find_button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # a one-character password is not accepted
    assert "harder to guess" in dialog.problem.text()

    for edit in (dialog.password, dialog.again):
        edit.clear()
        qtbot.keyClicks(edit, "tulip river lantern orbit")
    assert dialog.strength.text().startswith("Strong")
    qtbot.mouseClick(find_button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.chosen_password() == "tulip river lantern orbit"


def test_suggested_file_names_never_carry_the_comparisons_or_a_clinics_name(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = session.start()
    store = session.store
    assert store is not None
    store.comparisons.rename(window.state.comparison_id, "Ketamine for Anna")
    add_clinic(qtbot, window, "Anna's clinic")
    suggested: list[str] = []

    def ask(_parent: QWidget, _title: str, path: str, _filter: str) -> tuple[str, str]:
        suggested.append(Path(path).name)
        return "", ""  # the user cancels

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    window.sharing.export_file(ask=False)
    window.sharing.export_report()
    window.sharing.export_csv()
    window.sharing.export_call_sheet(include_personal=False)
    assert suggested == [
        "kvet comparison.kvet",
        "kvet report.pdf",
        "kvet table.csv",
        "kvet call sheet.pdf",
    ]


def test_a_file_using_my_own_id_arrives_as_a_new_person_and_its_private_topics_need_a_tick(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window, store, clinic_id = harbor_clinic_not_seen(session, qtbot)
    me = store.people.default().id
    data = files.build_document(store, window.state.comparison_id).model_dump(mode="json")
    data["assessments"][0]["answers"][0]["choice"] = "seen"
    topic = store.checklist.personal_topics[0].id
    data["personal_topics"] = [
        {"rater_id": me, "topic_id": topic, "applies": True, "note": "planted"}
    ]
    path = tmp_path / "family.kvet"
    path.write_text(json.dumps(data))

    dialog = window.sharing.import_file(path)
    assert dialog is not None
    assert dialog.people[me].currentText() == "A new person"
    assert dialog.personal.isVisibleTo(dialog)
    assert not dialog.personal.isChecked()
    assert "left out unless you choose" in dialog.summary.text()
    assert dialog.conflicts_model.rowCount() == 0  # nothing of mine is at stake
    dialog.apply()
    assert store.answers.by_item(clinic_id)["rf_cure_promise"].choice is Choice.NOT_SEEN
    assert all(store.answers.personal_topics(r.id) == {} for r in store.people.list())

    dialog = window.sharing.import_file(path)
    assert dialog is not None
    choose_person(dialog, me, me)
    dialog.personal.setChecked(True)
    assert "answers from Me added as your “Me”" in dialog.summary.text()
    assert dialog.conflicts_model.rowCount() == 1  # now it is my answer: a difference to settle
    dialog.apply()
    assert (
        store.answers.by_item(clinic_id)["rf_cure_promise"].choice is Choice.NOT_SEEN
    )  # kept mine
    assert store.answers.personal_topics()[topic].note == "planted"  # I chose to take it


@pytest.mark.parametrize("kind", ["kdf", "digits"])
def test_a_file_that_would_crash_the_reader_gets_a_message_and_changes_nothing(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    session.stop()
    before = digest(session.path)
    window = session.start()
    path = tmp_path / "family.kvet"
    if kind == "kdf":  # inside kvet's caps, but scrypt itself refuses n=2**16 with r=1
        envelope = small_envelope(b"{}", "blue kettle 42")
        envelope["kdf"].update(n=2**16, r=1)
        path.write_text(json.dumps(envelope))
        monkeypatch.setattr(window.sharing, "ask_password", lambda _name, **_: "blue kettle 42")
    else:
        path.write_text('{"format": "kvet-comparison", "schema_version": ' + "9" * 5000 + "}")
    assert window.sharing.import_file(path) is None
    assert any(text.startswith("Nothing was imported") for text in open_messages())
    session.stop()
    assert digest(session.path) == before


def test_reading_a_large_file_shows_progress(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    store = session.store
    assert store is not None
    path = files.export_comparison(store, window.state.comparison_id, tmp_path / "f.kvet")
    monkeypatch.setattr(sharing, "LARGE_FILE_BYTES", path.stat().st_size - 1)
    seen: list[str] = []
    read = files.read_document

    def watched(*args: object) -> object:
        seen.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )
        return read(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "read_document", watched)
    dialog = window.sharing.import_file(path)
    assert dialog is not None
    assert seen == ["Reading and checking the file…"]
    assert not any(
        isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    dialog.reject()
