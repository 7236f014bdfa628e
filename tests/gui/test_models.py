"""Every item model behind a table keeps Qt's model contract, so views never show stale rows."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kvet.answers import Choice
from tests.gui.helpers import Session


def test_the_clinic_table_the_comparison_matrix_and_the_weights_keep_the_model_contract(
    session: Session, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    window = session.start()
    window.open_sample()
    models = (window.clinic_model, window.compare.matrix_model, window.weights_panel.item_model)
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    # The contract holds through changes too: an answer re-ranks, a clinic comes and goes.
    clinic_id = window.state.clinic_id or window.clinic_model.place(0).result.clinic_id
    window.state.select_clinic(clinic_id)
    item = window.walkthrough.current_item()
    assert item is not None
    window.store.set_answer(clinic_id, item.id, Choice.NOT_SURE, rater_id=window.state.rater_id)
    window.remove_clinic()
    window.undo()
    for model in models:
        qtmodeltester.check(model, force_py=True)
