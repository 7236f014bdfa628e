"""Stories of a person using kvet's main window, driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QSlider, QWidget
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Kind
from kvet.gui.dialogs.clinicdialog import ClinicDialog
from kvet.gui.main.controller import FIRST_COMPARISON
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from kvet.rating.ranking import ORDER_SENTENCE
from kvet.start.sample import SAMPLE_NAME
from tests.gui.helpers import Session, active_dialog, add_clinic, find_button, find_by_name


def table_names(window: MainWindow) -> list[str]:
    model = window.clinic_model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_first_start_explains_kvet_and_offers_a_sample(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    welcome = find_by_name(window, "Welcome")
    assert welcome.isVisible()
    text = " ".join(label.text() for label in welcome.findChildren(QLabel))
    assert "does not give medical advice" in text
    assert window.ui.comparisonCombo.currentText().startswith(FIRST_COMPARISON)
    qtbot.mouseClick(find_button(window, "Open the sample comparison"), Qt.MouseButton.LeftButton)
    assert window.ui.comparisonCombo.currentText().startswith(SAMPLE_NAME)
    names = table_names(window)
    assert len(names) == 3
    assert all("fictional" in name for name in names)
    assert not welcome.isVisible()
    # a clinic with a dealbreaker red flag is marked in words, never by colour alone
    statuses = [window.clinic_model.index(r, 5).data() for r in range(3)]
    flagged = next(s for s in statuses if s.startswith("Not recommended"))
    assert "red flag seen: “The clinic promises a cure" in flagged  # and which one
    # the barely vetted sample clinic, all good so far, is not first: its open questions count half
    ranking = window.state.ranking
    barely = next(p for p in ranking.places if p.result.name.startswith("Clinic B"))
    assert barely.result.known_share == 100
    assert barely.rank == 2
    # one sentence says how the order is made
    assert ORDER_SENTENCE in window.ui.rankingNote.text()


def test_two_clinics_answered_from_the_keyboard_are_ranked(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic", ("IV ketamine infusion",))
    add_clinic(qtbot, window, "Hilltop Clinic", ("IV ketamine infusion",))
    assert sorted(table_names(window)) == ["Harbor Clinic", "Hilltop Clinic"]
    store = session.store
    assert store is not None

    for name, key in (("Harbor Clinic", Qt.Key.Key_1), ("Hilltop Clinic", Qt.Key.Key_2)):
        row = table_names(window).index(name)
        window.ui.clinicsView.selectRow(row)
        window.show_walkthrough()
        page = window.walkthrough
        # answer every non-fact question with the same key: 1 is the good answer, 2 the bad one
        for _ in range(len(page.items)):
            item = page.current_item()
            assert item is not None
            if item.kind is Kind.FACT:
                page.go(page.index + 1)
                continue
            page.form.setFocus()
            before = page.index
            qtbot.keyClick(page.form, key)
            if before == len(page.items) - 1:
                break
    ranking = window.state.ranking
    assert [p.result.name for p in ranking.places] == ["Harbor Clinic", "Hilltop Clinic"]
    assert ranking.places[0].settled
    assert window.clinic_model.index(0, 5).data() == "Place can't change"
    harbor = ranking.places[0].result
    assert harbor.answered == harbor.applicable


def test_moving_a_slider_reranks_the_clinics(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    store = session.store
    assert store is not None
    comparison = window.state.comparison_id
    cheap = store.clinics.add(comparison, "Good on safety")
    other = store.clinics.add(comparison, "Good on cost")
    safety = [i for i in session.checklist.items_in("visit_safety") if not i.formats]
    cost = [i for i in session.checklist.items_in("logistics_cost") if i.kind is not Kind.FACT]
    for item in safety:
        store.answers.set(cheap.id, item.id, Choice.YES)
        store.answers.set(other.id, item.id, Choice.NO)
    for item in cost:
        yes = Choice.YES if item.kind is Kind.PRACTICE else Choice.CLEAR
        no = Choice.NO if item.kind is Kind.PRACTICE else Choice.REFUSED
        store.answers.set(cheap.id, item.id, no)
        store.answers.set(other.id, item.id, yes)
    assert table_names(window)[0] == "Good on safety"
    window.ui.tabs.setCurrentWidget(window.ui.weightsTab)
    panel = window.weights_panel
    find_by_name(panel, "How much safety during visits matter", QSlider).setValue(0)
    find_by_name(panel, "How much logistics and cost matter", QSlider).setValue(4)
    assert table_names(window)[0] == "Good on cost"
    # and the choice is kept with the comparison
    weights = store.settings.weights(comparison)
    assert weights.sections["visit_safety"] == 0


def test_everything_is_there_after_a_restart(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Lakeside Clinic", ("IV ketamine infusion",))
    window.show_walkthrough()
    page = window.walkthrough
    first = page.current_item()
    assert first is not None
    qtbot.keyClick(page.form, Qt.Key.Key_2)  # answered, and moved on to the next question
    resumed_at = page.current_item()
    assert resumed_at is not None
    assert resumed_at.id != first.id
    # The offscreen screen is small, so the height is what can be changed and checked here.
    height = max(540, window.minimumSizeHint().height() + 10)  # a height the window can take
    window.resize(window.width(), height)
    qtbot.waitUntil(lambda: window.size().height() == height)
    session.stop()

    window = session.start()
    assert table_names(window) == ["Lakeside Clinic"]
    assert window.size().height() == height
    assert not find_by_name(window, "Welcome").isVisible()
    page = window.walkthrough
    current = page.current_item()
    assert current is not None
    assert current.id == resumed_at.id
    store = session.store
    assert store is not None
    answers = store.answers.by_item(window.state.clinic_id)
    assert answers[first.id].choice is not None


def test_a_removed_clinic_comes_back_with_undo(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Oak Clinic")
    add_clinic(qtbot, window, "Pine Clinic")
    window.ui.clinicsView.selectRow(table_names(window).index("Oak Clinic"))
    qtbot.mouseClick(find_button(window, "Remove clinic"), Qt.MouseButton.LeftButton)
    assert table_names(window) == ["Pine Clinic"]
    assert "Undo" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert sorted(table_names(window)) == ["Oak Clinic", "Pine Clinic"]
    window.redo_action.trigger()
    assert table_names(window) == ["Pine Clinic"]


def test_an_empty_clinic_name_is_refused_and_nothing_is_added(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    qtbot.mouseClick(find_button(window, "Add clinic"), Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "   ")
    qtbot.mouseClick(find_button(dialog, "Save clinic"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "needs a name" in dialog.ui.errorLabel.text()
    assert table_names(window) == []
    dialog.reject()


def test_clinic_names_are_shown_as_plain_text(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    hostile = "<b>Bold</b> <a href='x'>link</a>"
    add_clinic(qtbot, window, hostile)
    assert table_names(window) == [hostile]
    window.ui.tabs.setCurrentWidget(window.ui.overviewTab)
    title = window.overview.title
    assert title.text() == hostile
    assert title.textFormat() == Qt.TextFormat.PlainText
    for label in window.findChildren(QLabel):
        if hostile in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    # tooltips read markup too: the comparison table's escape it
    window.store.answers.set_note(window.state.clinic_id, "rf_cure_promise", "<i>no</i> promises")
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)  # a hidden page fills when shown
    matrix = window.compare.matrix_model
    tip = matrix.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tip
    assert "<b>" not in tip
    cells = [matrix.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(matrix.rowCount())]
    assert any(c and "&lt;i&gt;no&lt;/i&gt; promises" in c for c in cells)


def test_every_input_can_be_reached_and_has_a_name(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Named Clinic")
    for tab in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(tab)
        for widget in window.findChildren(QWidget):
            if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
                continue  # the editor inside a spin box or combo box is announced as its parent
            if widget.metaObject().className() in {
                "QLineEdit",
                "QComboBox",
                "QSlider",
                "QTableView",
                "QListView",
                "QPlainTextEdit",
                "QDoubleSpinBox",
                "QSpinBox",
            }:
                buddy = any(label.buddy() is widget for label in window.findChildren(QLabel))
                assert widget.accessibleName() or buddy, widget.metaObject().className()


def test_help_is_one_click_away(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    qtbot.mouseClick(find_button(window, "Need help now?"), Qt.MouseButton.LeftButton)
    from kvet.gui.dialogs.crisis import CrisisDialog

    dialog = active_dialog(CrisisDialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "988" in text or "116 123" in text or "emergency" in text.lower()
    dialog.close()


def test_every_menu_shortcut_does_one_thing(session: Session) -> None:
    from PySide6.QtGui import QAction

    window = session.start()
    seen: dict[str, str] = {}
    for act in window.findChildren(QAction):
        for text in {key.toString() for key in act.shortcuts()}:
            assert text not in seen, f"{text} is both {seen[text]!r} and {act.text()!r}"
            seen[text] = act.text()
    menus = " ".join(a.text() for a in window.findChildren(QAction))
    for wanted in ("Share with family", "Import a comparison", "Save &report as PDF", "Print"):
        assert wanted in menus


def test_a_clinic_typed_in_when_kvet_stopped_is_offered_again(
    session: Session, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    window = session.start()
    qtbot.mouseClick(find_button(window, "Add clinic"), Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Lakeside Clinic")
    qtbot.keyClicks(dialog.ui.notesEdit, "Dr Okafor calls back on Monday")
    store = session.store
    assert store is not None
    qtbot.waitUntil(lambda: "Okafor" in store.settings.preference("clinic_draft"), timeout=3000)
    # kvet stops without the dialog being closed (a crash, a power cut)
    dialog.draftChanged.disconnect()
    dialog.finished.disconnect()
    dialog.hide()
    dialog.deleteLater()
    session.stop()

    window = session.start()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    box = active_dialog(QMessageBox)
    assert "Lakeside Clinic" in box.text()
    qtbot.mouseClick(find_button(box, "Open it"), Qt.MouseButton.LeftButton)
    reopened = active_dialog(ClinicDialog)
    assert reopened.ui.nameEdit.text() == "Lakeside Clinic"
    assert reopened.ui.notesEdit.toPlainText() == "Dr Okafor calls back on Monday"
    qtbot.mouseClick(find_button(reopened, "Save clinic"), Qt.MouseButton.LeftButton)
    assert table_names(window) == ["Lakeside Clinic"]
    assert store is not None
    assert session.store is not None
    assert session.store.settings.preference("clinic_draft") == ""


def test_an_answer_to_a_question_the_checklist_dropped_is_still_shown(
    session: Session, qtbot: QtBot
) -> None:
    import tomllib

    from kvet.content.checklist import default_checklist_path, parse_checklist

    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    clinic_id = window.state.clinic_id
    window.store.answers.set(clinic_id, "rf_take_home", Choice.SEEN)
    window.store.answers.set_note(clinic_id, "rf_take_home", "a week's supply")
    assert not window.overview.retired.isVisible()
    session.stop()

    raw = tomllib.loads(default_checklist_path().read_text(encoding="utf-8"))
    raw["items"] = [item for item in raw["items"] if item["id"] != "rf_take_home"]
    raw["version"] = "2.0.0"
    session.checklist = parse_checklist(raw, "checklist-2.0.0.toml")
    window = session.start()
    text = window.overview.retired.text()
    assert "no longer scored" in text
    assert "Me, rf take home: seen — “a week's supply”" in text
