"""Stories of sharing a comparison with family and taking it to a consultation, from the menus."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from itertools import repeat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist
from kvet.exchange import crypto, files
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.sharing.filequestions import safe_file_name
from kvet.gui.sharing.importdialog import ImportDialog
from kvet.gui.sharing.shareoptions import ShareOptionsDialog
from kvet.gui.sharing.sharing import PASSWORD_TRIES
from kvet.rating.answers import Choice
from kvet.store.api import Store
from tests.gui.helpers import Session, active_dialog, add_clinic, find_button
from tests.gui.layoutprobe import cut_texts
from tests.test_import_again import toms_file_twice


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


PASSWORD = "blue kettle 42"


def protected_file(session: Session, qtbot: QtBot, path: Path) -> MainWindow:
    """kvet started with Quiet Clinic, saved as a file protected with PASSWORD at ``path``."""
    window = session.start()
    add_clinic(qtbot, window, "Quiet Clinic")
    window.sharing.export_file(path, password=PASSWORD, ask=False)
    return window


def password_questions(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, typed: Iterable[str | None]
) -> list[tuple[str, bool]]:
    """The person answers kvet's password questions with ``typed``, one by one; the list fills
    with each question: the file's name, and whether the last password did not open it."""
    answers = iter(typed)
    asked: list[tuple[str, bool]] = []

    def ask(name: str, *, wrong: bool = False) -> str | None:
        asked.append((name, wrong))
        return next(answers)

    monkeypatch.setattr(window.sharing, "ask_password", ask)
    return asked


def test_a_password_protected_file_asks_for_its_password(
    session: Session,
    qtbot: QtBot,
    checklist: Checklist,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shared = tmp_path / "protected.kvet"
    protected_file(session, qtbot, shared)
    assert b"Quiet Clinic" not in shared.read_bytes()
    session.stop()

    family = second_computer(qtbot, checklist, tmp_path)
    try:
        other = family.start()
        # a slip first, then the right one
        asked = password_questions(other, monkeypatch, ["blue kettle 24", PASSWORD])
        dialog = other.sharing.import_file(shared)
        assert dialog is not None  # the slip did not end the import
        # asked again, saying the first did not open it
        assert asked == [("protected.kvet", False), ("protected.kvet", True)]
        assert open_messages() == []
        dialog.apply()
        assert clinic_names(other) == ["Quiet Clinic"]
        password_questions(other, monkeypatch, [None])
        assert other.sharing.import_file(shared) is None  # Cancel: nothing happens, nothing said
        assert open_messages() == []
    finally:
        family.stop()


def test_a_password_that_never_opens_the_file_is_explained_after_a_few_tries(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "protected.kvet"
    window = protected_file(session, qtbot, shared)
    asked = password_questions(window, monkeypatch, repeat("wrong guess"))
    assert window.sharing.import_file(shared) is None
    assert [wrong for _name, wrong in asked] == [False] + [True] * (PASSWORD_TRIES - 1)
    assert any("password is wrong" in text for text in open_messages())


def test_a_protected_file_inside_a_protected_file_is_refused_after_one_password(
    session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = tmp_path / "inner.kvet"
    window = protected_file(session, qtbot, inner)
    outer = tmp_path / "twice.kvet"
    outer.write_bytes(json.dumps(crypto.encrypt(inner.read_bytes(), PASSWORD), indent=2).encode())
    asked = password_questions(window, monkeypatch, repeat(PASSWORD))
    assert window.sharing.import_file(outer) is None
    assert asked == [("twice.kvet", False)]  # once, never again and again
    assert any("inside another protected file" in text for text in open_messages())


def test_a_brothers_file_imported_again_is_offered_where_it_went_with_the_same_people(
    session: Session, qtbot: QtBot, checklist: Checklist, tmp_path: Path
) -> None:
    tom_id = toms_file_twice(checklist, tmp_path)
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


def harbor_clinic_not_seen(session: Session, qtbot: QtBot) -> tuple[MainWindow, Store, str]:
    """kvet started with Harbor Clinic, where "promises a cure" was not seen; its store and the
    clinic's id."""
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    store = session.store
    assert store is not None
    clinic_id = window.state.clinics[0].id
    store.answers.set(clinic_id, "rf_cure_promise", Choice.NOT_SEEN)
    return window, store, clinic_id


def test_a_different_answer_in_the_file_is_shown_and_mine_is_kept_unless_i_choose(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window, store, clinic_id = harbor_clinic_not_seen(session, qtbot)
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
