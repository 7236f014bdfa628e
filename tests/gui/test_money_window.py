"""Stories of prices in the user's own currency, through the window.

The country is chosen in the real Edit → Your country dialog; the clinic is added with the real
Add clinic dialog; what the person then reads (the price field's unit, the Overview, Compare and
the budget) is in that country's currency. Nothing is converted.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvet.gui.dialogs.clinicdialog import ClinicDialog
from kvet.gui.dialogs.country import CountryDialog
from kvet.gui.main.mainwindow import MainWindow
from tests.gui.helpers import Session, active_dialog


def choose_country(qtbot: QtBot, window: MainWindow, code: str, currency: str = "") -> None:
    window.country_action.trigger()
    dialog = active_dialog(CountryDialog)
    dialog.combo.setCurrentIndex(dialog.combo.findData(code))
    if currency:
        assert dialog.currency.isEnabled()  # another country: the person picks
        dialog.currency.setCurrentIndex(dialog.currency.findData(currency))
    else:
        assert not dialog.currency.isEnabled()  # set by the country
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.state.countryChanged):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def add_priced_clinic(
    qtbot: QtBot, window: MainWindow, name: str, price: str
) -> tuple[str, str, str]:
    """Add a clinic with its price; returns what the price field showed: the currency chosen,
    the unit beside the field, and the field's name for a screen reader."""
    qtbot.mouseClick(window.ui.addClinicButton, Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, name)
    field = dialog.fact_edits["price_per_session"]
    qtbot.keyClicks(field, price)
    shown = (
        str(dialog.currency.currentData()),
        dialog.unit_labels["price_per_session"].text(),
        field.accessibleName(),
    )
    save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    return shown


@pytest.mark.parametrize(
    ("country", "code", "first_six"),
    [
        ("GB", "GBP", "£2,700"),
        ("IE", "EUR", "€2,700"),
        ("CA", "CAD", "CA$2,700"),
        ("AU", "AUD", "A$2,700"),
        ("NZ", "NZD", "NZ$2,700"),
        ("US", "USD", "$2,700"),
    ],
)
def test_prices_are_in_the_currency_of_the_country_chosen(
    session: Session, qtbot: QtBot, country: str, code: str, first_six: str
) -> None:
    window = session.start()
    choose_country(qtbot, window, country)
    currency, unit, read = add_priced_clinic(qtbot, window, "Harbour Clinic", "450")
    assert (currency, unit) == (code, code)
    assert read == f"Price of one session, in {code}"
    assert session.store is not None
    (clinic,) = session.store.clinics.list(window.state.comparison_id)
    assert clinic.currency == code
    # the Overview: six first sessions at 450 each, in the country's money
    qtbot.waitUntil(
        lambda: f"About {first_six} for the first 6 sessions." in window.overview.cost.text()
    )
    if code != "USD":
        assert "$2,700" not in window.overview.cost.text().replace(first_six, "")
    # Compare shows the price as the person typed it, with the currency's sign
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)  # a hidden page fills when shown
    model = window.compare.matrix_model
    row = next(
        r
        for r in range(model.rowCount())
        if model.headerData(r, Qt.Orientation.Vertical) == "Price of one session"
    )
    assert model.index(row, 0).data() == first_six.replace("2,700", "450")
    # the budget is typed in the same money
    assert window.weights_panel.ui.budgetSpin.prefix().strip() == first_six.removesuffix("2,700")


def test_in_another_country_the_person_picks_the_currency(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    choose_country(qtbot, window, "OTHER", currency="EUR")
    currency, unit, _read = add_priced_clinic(qtbot, window, "Sol Clinic", "300")
    assert (currency, unit) == ("EUR", "EUR")
    qtbot.waitUntil(lambda: "About €1,800 for the first 6 sessions." in window.overview.cost.text())


def test_a_clinic_keeps_its_currency_when_the_country_changes(
    session: Session, qtbot: QtBot
) -> None:
    """Moving from the UK to Ireland does not turn pounds into euros: nothing is converted."""
    window = session.start()
    choose_country(qtbot, window, "GB")
    add_priced_clinic(qtbot, window, "London Clinic", "1000")
    choose_country(qtbot, window, "IE")
    qtbot.waitUntil(lambda: "About £6,000 for the first 6 sessions." in window.overview.cost.text())
    reopened = window.edit_clinic()
    assert reopened is not None
    assert reopened.currency.currentData() == "GBP"
    assert reopened.unit_labels["price_per_session"].text() == "GBP"
    reopened.reject()


def test_the_overview_gives_one_first_year_cost_and_says_what_it_assumes(
    session: Session, qtbot: QtBot
) -> None:
    """Before, two first-year figures from two assumptions stood one line apart."""
    window = session.start()
    choose_country(qtbot, window, "US")
    qtbot.mouseClick(window.ui.addClinicButton, Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Harbor Clinic")
    dialog.format_boxes[next(iter(dialog.format_boxes))].setChecked(True)  # IV ketamine
    qtbot.keyClicks(dialog.fact_edits["price_per_session"], "600")
    qtbot.mouseClick(
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    qtbot.waitUntil(lambda: "IV ketamine" in window.overview.cost.text())
    text = window.overview.cost.text()
    assert text.count("first year") == 1
    # 6 + 11 sessions at 600, and the plan that figure rests on
    assert "About $10,200 for the first year, if 11 more sessions follow, 1 a month" in text
    assert "your cost plan in What matters to you" in text


def test_the_walkthrough_asks_the_price_in_the_clinics_currency(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    choose_country(qtbot, window, "AU")
    add_priced_clinic(qtbot, window, "Bondi Clinic", "")
    window.show_walkthrough()
    walk = window.walkthrough
    walk.go(next(n for n, item in enumerate(walk.items) if item.id == "price_per_session"))
    assert walk.form.unit_label.text() == "AUD"
    assert walk.form.fact_edit.accessibleName() == "Number, in AUD"
    qtbot.keyClicks(walk.form.fact_edit, "A$1,200")  # the sign as an Australian writes it
    qtbot.keyClick(walk.form.fact_edit, Qt.Key.Key_Return)
    assert session.store is not None
    answers = session.store.answers.by_item(window.state.clinic_id, window.state.rater_id)
    assert answers["price_per_session"].number == 1200


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("£1,200", "GBP"),
        ("€1200", "EUR"),
        ("CA$1,200", "CAD"),
        ("NZ$1200", "NZD"),
        ("1,200 GBP", "GBP"),
    ],
)
def test_a_price_typed_with_its_currency_sign_is_understood(typed: str, unit: str) -> None:
    from kvet.gui.common.typednumbers import parse_number

    assert parse_number(typed, unit) == 1200


def test_the_sample_comparison_is_priced_in_the_users_currency(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    choose_country(qtbot, window, "NZ")
    window.controller.open_sample()
    assert session.store is not None
    clinics = session.store.clinics.list(window.state.comparison_id)
    assert clinics
    assert {c.currency for c in clinics} == {"NZD"}


def test_a_clinic_priced_in_dollars_is_not_held_against_a_budget_in_pounds(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    choose_country(qtbot, window, "GB")
    panel = window.weights_panel
    panel.ui.budgetSpin.setValue(5000)
    panel.ui.budgetCheck.setChecked(True)
    assert panel.ui.budgetSpin.prefix() == "£ "
    qtbot.mouseClick(window.ui.addClinicButton, Qt.MouseButton.LeftButton)
    dialog = active_dialog(ClinicDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Boston Clinic")
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))  # a clinic abroad
    assert dialog.unit_labels["price_per_session"].text() == "USD"
    qtbot.keyClicks(dialog.fact_edits["price_per_session"], "900")
    qtbot.mouseClick(
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    qtbot.waitUntil(lambda: "About $5,400 for the first 6 sessions." in window.overview.cost.text())
    assert (
        "Not held against your budget: this clinic's prices are in USD and your budget is in "
        "GBP. kvet does not convert money."
    ) in window.overview.cost.text()
    assert "Fits your budget" not in window.overview.movers.text()
