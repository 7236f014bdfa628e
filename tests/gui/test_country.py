"""A user in the UK tells kvet where they live, once, and sees only the rules that apply there."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from kvet.content.country import normalise
from kvet.gui.dialogs.country import CountryBar, CountryDialog
from kvet.gui.dialogs.crisis import CrisisDialog
from kvet.rating.answers import Choice
from tests.gui.helpers import Session, active_dialog, add_clinic


def choose(qtbot: QtBot, bar: CountryBar, code: str) -> None:
    bar.combo.setCurrentIndex(bar.combo.findData(code))
    bar.combo.activated.emit(bar.combo.currentIndex())


def test_the_country_is_asked_once_and_decides_what_is_asked(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    bar = window.country_bar
    assert bar is not None
    assert bar.isVisible()
    system = normalise(QLocale.territoryToCode(QLocale.system().territory()))
    assert bar.combo.currentData() == system  # the system's country is the starting answer
    add_clinic(qtbot, window, "Harbour Clinic", ("Esketamine nasal spray (Spravato)",))
    with qtbot.waitSignal(window.state.countryChanged):
        choose(qtbot, bar, "GB")
    bar.confirm.click()
    assert not bar.isVisible()
    assert window.country_status.text() == "Rules for: United Kingdom"

    window.show_walkthrough()
    asked = [item.id for item in window.walkthrough.items]
    assert "vs_rems" not in asked
    assert "vs_esk_two_hours" not in asked
    assert "vs_esk_local_rules" in asked

    # answering the US rule anyway (say, from an older file) does not move the score
    clinic = window.state.clinics[0].id
    before = window.state.results[clinic]
    session.store.answers.set(clinic, "vs_rems", Choice.NO)  # type: ignore[union-attr]
    after = window.state.results[clinic]
    assert (after.score, after.low, after.high) == (before.score, before.low, before.high)

    panel = window.show_crisis_panel()
    assert isinstance(panel, CrisisDialog)
    assert panel.country_code() == "GB"  # the crisis lines follow the same choice
    panel.close()

    session.stop()
    window = session.start()
    assert window.country_bar is None  # asked once: not even built again
    assert window.country_status.text() == "Rules for: United Kingdom"


def test_the_country_can_be_changed_from_the_menu(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbour Clinic", ("Esketamine nasal spray (Spravato)",))
    window.country_action.trigger()
    dialog = active_dialog(CountryDialog)
    dialog.combo.setCurrentIndex(dialog.combo.findData("US"))
    with qtbot.waitSignal(window.state.countryChanged):
        dialog.accept()
    assert window.country_status.text() == "Rules for: United States"
    window.show_walkthrough()
    assert "vs_rems" in [item.id for item in window.walkthrough.items]
    assert window.country_bar is not None
    assert not window.country_bar.isVisible()  # the question at the top is answered


def test_the_weights_page_follows_a_change_of_country_at_once(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    bar = window.country_bar
    assert bar is not None  # the first start asks
    with qtbot.waitSignal(window.state.countryChanged):
        choose(qtbot, bar, "US")
    bar.confirm.click()
    model = window.weights_panel.item_model
    questions = {item.id for item in model.items}
    assert "vs_rems" in questions
    assert "uk_specialist_service" not in questions
    assert model.rowCount() == len(questions)

    with qtbot.waitSignal(window.state.countryChanged):
        window.state.set_country("GB")  # as Edit → Your country does
    questions = {item.id for item in model.items}
    assert "vs_rems" not in questions  # US rules leave the list without a restart
    assert "uk_specialist_service" in questions
    assert model.rowCount() == len(questions)
    shown = {i for i, row in window.weights_panel.dealbreaker_rows.items() if not row.isHidden()}
    assert shown == {i.id for i in window.state.checklist.items if i.kind.value == "red_flag"}
