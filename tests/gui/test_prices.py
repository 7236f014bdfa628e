"""Stories of a person typing a clinic's prices and times where they add the clinic."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvet.gui.dialogs.clinicdialog import ClinicDialog
from tests.gui.helpers import Session, active_dialog, find_button


def test_a_price_typed_when_adding_a_clinic_gives_the_cost(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    qtbot.mouseClick(find_button(window, "Add clinic"), Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Harbor Clinic")
    qtbot.keyClicks(dialog.fact_edits["price_per_session"], "$450")
    qtbot.keyClicks(dialog.fact_edits["travel_minutes"], "35")
    qtbot.mouseClick(find_button(dialog, "Save clinic"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert session.store is not None
    answers = session.store.answers.by_item(window.state.clinic_id, window.state.rater_id)
    assert answers["price_per_session"].number == 450
    assert answers["travel_minutes"].number == 35
    # six first sessions (the usual plan) at $450 each
    qtbot.waitUntil(lambda: f"${6 * 450:,}" in window.overview.cost.text())


def test_a_price_that_is_not_a_number_is_refused_and_nothing_is_saved(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    qtbot.mouseClick(find_button(window, "Add clinic"), Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.ui.nameEdit, "Harbor Clinic")
    qtbot.keyClicks(dialog.fact_edits["price_per_session"], "four hundred")
    qtbot.mouseClick(find_button(dialog, "Save clinic"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "not a number" in dialog.ui.errorLabel.text()
    assert QApplication.focusWidget() is dialog.fact_edits["price_per_session"]
    assert list(window.state.clinics) == []
    dialog.reject()


def test_the_cost_line_leads_to_the_prices(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    qtbot.mouseClick(find_button(window, "Add clinic"), Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Harbor Clinic")
    qtbot.mouseClick(find_button(dialog, "Save clinic"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    overview = window.overview
    qtbot.waitUntil(lambda: "add the price" in overview.cost.text())
    qtbot.mouseClick(find_button(overview, "Prices and times"), Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    price = dialog.fact_edits["price_per_session"]
    assert QApplication.focusWidget() is price
    qtbot.keyClicks(price, "500")
    qtbot.mouseClick(find_button(dialog, "Save clinic"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    qtbot.waitUntil(lambda: f"${6 * 500:,}" in overview.cost.text())
    # opened again, the dialog shows the price kept
    reopened = window.edit_clinic()
    assert reopened is not None
    assert reopened.fact_edits["price_per_session"].text() == "500"
    reopened.reject()


def test_in_spanish_the_units_are_spanish_and_a_typed_spanish_unit_is_understood(
    qapp: QApplication, session: Session, qtbot: QtBot
) -> None:
    from kvet.gui.main.language import install_translations

    install_translations(qapp, "es")
    try:
        window = session.start()
        qtbot.mouseClick(window.ui.addClinicButton, Qt.MouseButton.LeftButton)
        dialog = active_dialog(ClinicDialog)
        edit = dialog.fact_edits["induction_sessions"]
        assert edit.accessibleName().endswith(", en sesiones")
        qtbot.keyClicks(dialog.ui.nameEdit, "Puerto")  # keyClicks types ASCII only
        qtbot.keyClicks(edit, "8 sesiones")
        qtbot.keyClicks(dialog.fact_edits["travel_minutes"], "35 minutos")
        save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save.text() == "Guardar la clínica"
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
        assert session.store is not None
        answers = session.store.answers.by_item(window.state.clinic_id, window.state.rater_id)
        assert answers["induction_sessions"].number == 8
        assert answers["travel_minutes"].number == 35
    finally:
        install_translations(qapp, "en")
