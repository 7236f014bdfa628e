"""After the checklist update, an answer to a replaced question is shown with the words it
answered, not a bare id."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kvet.rating.answers import Choice
from kvet.store.api import Store
from tests.gui.helpers import Session
from tests.test_checklist_review import previous_checklist


def test_an_answer_to_a_replaced_item_shows_its_earlier_wording(
    session: Session, qtbot: QtBot
) -> None:
    with Store.open(previous_checklist(), session.path) as old:
        comparison = old.comparisons.create("Before the update")
        clinic = old.clinics.add(comparison.id, "Hillside").id
        old.answers.set(clinic, "sc_heart_bp", Choice.YES)
    window = session.start()
    window.state.select_clinic(clinic)
    qtbot.waitUntil(lambda: window.overview.retired.isVisible())
    text = window.overview.retired.text()
    earlier = session.checklist.retired_by_id["sc_heart_bp"].statement
    assert f"“{earlier}”: yes" in text
    assert "sc heart bp" not in text
