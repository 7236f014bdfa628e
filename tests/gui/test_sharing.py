"""Stories of sharing a comparison with family and taking it to a consultation, from the menus."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist
from kvet.exchange import crypto
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.sharing.sharing import (
    PASSWORD_TRIES,
    ImportDialog,
    ShareOptionsDialog,
    safe_file_name,
)
from kvet.rating.answers import Choice
from kvet.store.api import Store
from tests.gui.helpers import (
    Session,
    active_dialog,
    add_clinic,
    find_button,
    harbor_with_my_answer,
)
from tests.gui.layoutprobe import cut_texts


def clinic_names(window: MainWindow) -> list[str]:
    model = window.clinic_model
    return sorted(model.index(row, 1).data() for row in range(model.rowCount()))


def open_messages() -> list[str]:
    from PySide6.QtWidgets import QApplication

    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def choose_person(dialog: ImportDialog, theirs: str, mine: str) -> None:
    """Say, in the import dialog, that the file's person ``theirs`` is my person ``mine``."""
    choice = dialog.people[theirs]
    choice.setCurrentIndex(choice.findData(mine))


def second_computer(qtbot: QtBot, checklist: Checklist, tmp_path: Path) -> Session:
    return Session(qtbot, checklist, tmp_path / "family" / "kvet.sqlite")


def test_a_family_member_opens_the_shared_file_on_their_computer(
    session: Session, qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor <b>Clinic</b>")
    add_clinic(qtbot, window, "Hilltop Clinic")
    shared = tmp_path / "for-mum.kvet"
    assert window.sharing.export_file(shared, ask=False) == shared
    session.stop()

    family = second_computer(qtbot, checklist, tmp_path)
    try:
        other = family.start()
        dialog = other.sharing.import_file(shared)
        assert dialog is not None
        assert dialog.as_new.isChecked()  # nothing in common with their own comparison
        assert "2 new clinic(s)" in dialog.summary.text()
        qtbot.mouseClick(find_button(dialog, "Import"), Qt.MouseButton.LeftButton)
        assert clinic_names(other) == ["Harbor <b>Clinic</b>", "Hilltop Clinic"]
        assert other.ui.comparisonCombo.currentText().startswith("My clinics")
    finally:
        family.stop()


def test_a_password_protected_file_asks_for_its_password(
    session: Session,
    qtbot: QtBot,
    checklist: Checklist,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Quiet Clinic")
    shared = tmp_path / "protected.kvet"
    window.sharing.export_file(shared, password="blue kettle 42", ask=False)
    assert b"Quiet Clinic" not in shared.read_bytes()
    session.stop()

    family = second_computer(qtbot, checklist, tmp_path)
    try:
        other = family.start()
        asked: list[bool] = []
        typed = iter(["blue kettle 24", "blue kettle 42"])  # a slip first, then the right one

        def ask(_name: str, *, wrong: bool = False) -> str:
            asked.append(wrong)
            return next(typed)

        monkeypatch.setattr(other.sharing, "ask_password", ask)
        dialog = other.sharing.import_file(shared)
        assert dialog is not None  # the slip did not end the import
        assert asked == [False, True]  # asked again, saying the first did not open it
        assert open_messages() == []
        dialog.apply()
        assert clinic_names(other) == ["Quiet Clinic"]
        monkeypatch.setattr(other.sharing, "ask_password", lambda _name, **_: None)
        assert other.sharing.import_file(shared) is None  # Cancel: nothing happens, nothing said
        assert open_messages() == []
    finally:
        family.stop()


def test_a_password_that_never_opens_the_file_is_explained_after_a_few_tries(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Quiet Clinic")
    shared = tmp_path / "protected.kvet"
    window.sharing.export_file(shared, password="blue kettle 42", ask=False)
    asked: list[bool] = []

    def ask(_name: str, *, wrong: bool = False) -> str:
        asked.append(wrong)
        return "wrong guess"

    monkeypatch.setattr(window.sharing, "ask_password", ask)
    assert window.sharing.import_file(shared) is None
    assert asked == [False] + [True] * (PASSWORD_TRIES - 1)
    assert any("password is wrong" in text for text in open_messages())


def test_a_protected_file_inside_a_protected_file_is_refused_after_one_password(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Quiet Clinic")
    inner = tmp_path / "inner.kvet"
    window.sharing.export_file(inner, password="blue kettle 42", ask=False)
    outer = tmp_path / "twice.kvet"
    outer.write_bytes(
        json.dumps(crypto.encrypt(inner.read_bytes(), "blue kettle 42"), indent=2).encode()
    )
    asked: list[str] = []

    def ask(name: str, *, wrong: bool = False) -> str:
        asked.append(name)
        return "blue kettle 42"

    monkeypatch.setattr(window.sharing, "ask_password", ask)
    assert window.sharing.import_file(outer) is None
    assert asked == ["twice.kvet"]  # once, never again and again
    assert any("inside another protected file" in text for text in open_messages())


def test_a_brothers_file_imported_again_is_offered_where_it_went_with_the_same_people(
    session: Session, qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    from tests.test_import_again import tom_sends_his_file_twice

    tom_id = tom_sends_his_file_twice(checklist, tmp_path)
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    first = window.sharing.import_file(tmp_path / "tom.kvet")
    assert first is not None
    assert first.as_new.isChecked()  # nothing here is his yet
    first.apply()
    store = session.store
    assert store is not None
    people = sorted(p.name for p in store.people.list())
    window.ui.comparisonCombo.setCurrentIndex(window.ui.comparisonCombo.findText("My clinics"))
    again = window.sharing.import_file(tmp_path / "tom-later.kvet")
    assert again is not None
    assert again.into_current.isChecked()  # offered: where it went last time, not the open one
    assert "Autumn search" in again.into_current.text()
    assert "belongs to" in again.into_current.text()
    assert again.people[tom_id].currentData() is not None  # the same person as last time
    again.apply()
    assert sorted(p.name for p in store.people.list()) == people  # no "(imported)" twin
    assert sorted(c.name for c in store.comparisons.list()) == ["Autumn search", "My clinics"]


def test_a_different_answer_in_the_file_is_shown_and_mine_is_kept_unless_i_choose(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window, store, clinic_id = harbor_with_my_answer(session, qtbot)
    shared = tmp_path / "before.kvet"
    window.sharing.export_file(shared, ask=False)
    store.answers.set(clinic_id, "rf_cure_promise", Choice.SEEN)
    store.answers.set(clinic_id, "rf_remote_iv", Choice.NOT_SEEN)

    me = store.people.default().id
    dialog = window.sharing.import_file(shared)
    assert dialog is not None
    assert dialog.into_current.isChecked()  # the file shares this comparison's clinic
    assert dialog.conflicts_model.rowCount() == 0  # the file's "Me" is a new person...
    choose_person(dialog, me, me)  # ...until I say it is me
    assert dialog.conflicts_model.rowCount() == 1
    sentence = dialog.conflicts_model.item(0).text()
    assert "Harbor Clinic" in sentence
    dialog.apply()  # nothing ticked: my newer answer stays
    assert store.answers.by_item(clinic_id)["rf_cure_promise"].choice is Choice.SEEN

    dialog = window.sharing.import_file(shared)
    assert dialog is not None
    choose_person(dialog, me, me)
    dialog.conflicts_model.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.apply()
    assert store.answers.by_item(clinic_id)["rf_cure_promise"].choice is Choice.NOT_SEEN
    assert (
        store.answers.by_item(clinic_id)["rf_remote_iv"].choice is Choice.NOT_SEEN
    )  # not in conflict


def test_a_broken_file_is_refused_with_a_message_and_nothing_changes(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    session.stop()
    database = session.path
    before = digest(database)
    window = session.start()
    broken = tmp_path / "broken.kvet"
    broken.write_text('{"format": "kvet-comparison", "schema_version": 1, "clinics": [')
    assert window.sharing.import_file(broken) is None
    messages = open_messages()
    assert any("Nothing was imported" in text and "broken.kvet" in text for text in messages)
    assert clinic_names(window) == ["Harbor Clinic"]
    session.stop()
    assert digest(database) == before


def test_the_report_and_call_sheet_are_saved_as_pdf(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    report = window.sharing.export_report(tmp_path / "report.pdf")
    assert report is not None
    assert report.read_bytes().startswith(b"%PDF")
    sheet = window.sharing.export_call_sheet(tmp_path / "sheet.pdf", include_personal=False)
    assert sheet is not None
    assert sheet.read_bytes().startswith(b"%PDF")
    table = window.sharing.export_csv(tmp_path / "table.csv")
    assert table is not None
    assert "Harbor Clinic" in table.read_text(encoding="utf-8-sig")
    assert "Saved the table" in window.statusBar().currentMessage()


def test_saving_where_kvet_may_not_write_says_so(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    missing = tmp_path / "no such folder" / "table.csv"
    assert window.sharing.export_csv(missing) is None
    assert any("could not save the table" in text for text in open_messages())


def test_share_options_refuse_two_different_passwords(qtbot: QtBot) -> None:
    dialog = ShareOptionsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.protect.setChecked(True)
    qtbot.keyClicks(dialog.password, "blue kettle one")
    qtbot.keyClicks(dialog.again, "blue kettle two")
    qtbot.mouseClick(find_button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "not the same" in dialog.problem.text()
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "blue kettle one")
    qtbot.mouseClick(find_button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.chosen_password() == "blue kettle one"
    assert not dialog.personal.isChecked()  # private topics stay out unless ticked


def test_a_refused_password_and_its_reason_are_shown_whole(qtbot: QtBot) -> None:
    """The reason wraps to three lines; the dialog grows to show it, and the refusal under it."""
    dialog = ShareOptionsDialog(None, ["Rosalind Featherstone"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.protect.setChecked(True)
    qtbot.keyClicks(dialog.password, "Rosalind Featherstone 1958")
    qtbot.mouseClick(find_button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert "uses the name of someone in this comparison" in dialog.problem.text()
    qtbot.waitUntil(lambda: cut_texts(dialog) == [], timeout=3000)


def test_file_names_made_from_clinic_names_cannot_leave_the_folder() -> None:
    assert safe_file_name("../../etc/passwd") == "etc passwd"
    assert "/" not in safe_file_name("Spring / Summer")
    assert safe_file_name("   ") == "kvet"


def test_import_dialog_keeps_user_text_plain(
    session: Session, qtbot: QtBot, store_for_import: Store, tmp_path: Path
) -> None:
    window = session.start()
    shared = tmp_path / "hostile.kvet"
    from kvet.exchange import files

    comparison = store_for_import.comparisons.list()[0]
    files.export_comparison(store_for_import, comparison.id, shared)
    dialog = window.sharing.import_file(shared)
    assert dialog is not None
    assert isinstance(active_dialog(ImportDialog), ImportDialog)
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    dialog.reject()


@pytest.fixture
def store_for_import(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    with Store.open(checklist, tmp_path / "other.sqlite") as store:
        comparison = store.comparisons.create("<i>Mum's</i> list")
        store.clinics.add(comparison.id, "<script>alert(1)</script>")
        yield store


def test_the_printed_report_holds_the_ranking_and_the_disclaimer(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from kvet.exchange.report import DISCLAIMER
    from tests.test_exports import flat, pdf_text

    window = session.start()
    add_clinic(qtbot, window, "Harbor <b>Clinic</b>")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    window.sharing.print_report(printer)
    text = pdf_text(tmp_path / "printed.pdf")
    assert "Harbor <b>Clinic</b>" in text
    assert flat(DISCLAIMER) in text
    assert "Sent the report to the printer" in window.statusBar().currentMessage()
