"""Every item model behind a list or table keeps Qt's model contract, so views never show stale
rows: each is checked with pytest-qt's model tester, filled as a person would fill it and again
after a change. A scan of kvet/gui finds every model, so a new one without a check fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kvet.rating.answers import Choice
from tests.gui.helpers import Session, add_clinic
from tests.gui.test_sharing import choose_person
from tests.gui.test_together import add_mum
from tests.gui.test_treatment import treatment

GUI = Path(__file__).resolve().parents[2] / "kvet" / "gui"
QT_MODEL = re.compile(r"^Q\w*Model$")  # QStandardItemModel, QAbstractTableModel, ...

# Each model, by the class kvet defines or the attribute that holds a Qt model, and the test below
# that checks it.
CHECKED = {
    "kvet.gui.main.clinicmodel.ClinicTableModel": "the clinic table, on the sample",
    "kvet.gui.pages.answermatrix.ComparisonMatrixModel": "the side-by-side answers, on the sample",
    "kvet.gui.pages.compare.decisive_model": "the questions that could change the decision",
    "kvet.gui.pages.itemweights.ItemWeightsModel": "the per-question weights",
    "kvet.gui.pages.walkthrough.sections_model": "the walkthrough's sections",
    "kvet.gui.pages.together.model": "the answers that differ between two people",
    "kvet.gui.treatment.sessionlog.SessionsModel": "the treatment sessions",
    "kvet.gui.sharing.importdialog.conflicts_model": "the differences an imported file would bring",
}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def models_in_gui_code() -> set[str]:
    """Every item model kvet/gui defines (a class) or makes from Qt's (the attribute holding it)."""
    found: set[str] = set()
    for path in sorted(GUI.rglob("*.py")):
        parts = path.relative_to(GUI).with_suffix("").parts
        if parts[0] == "forms":  # generated from ui/, no models
            continue
        module = ".".join(("kvet", "gui", *parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                QT_MODEL.match(_name(base)) for base in node.bases
            ):
                found.add(f"{module}.{node.name}")
            elif isinstance(node, ast.Call) and QT_MODEL.match(_name(node.func)):
                found.add(f"{module}.<a {_name(node.func)} kept nowhere>")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and QT_MODEL.match(_name(node.value.func))
            ):
                found.discard(f"{module}.<a {_name(node.value.func)} kept nowhere>")
                found.update(f"{module}.{_name(target)}" for target in node.targets)
    return found


def check(tester: ModelTester, model: QAbstractItemModel, name: str) -> None:
    """Check ``model`` with the model tester, after making sure it is the model ``name`` says."""
    assert name in CHECKED
    kind = type(model)
    if kind.__module__.startswith("kvet."):
        assert f"{kind.__module__}.{kind.__qualname__}" == name
    else:  # one of Qt's own models: held by an attribute of a kvet widget
        module, _, attribute = name.rpartition(".")
        owner = model.parent()
        assert type(owner).__module__ == module
        assert getattr(owner, attribute) is model
    assert model.rowCount() > 0, f"{name} is empty: fill it before checking it"
    # Qt's own QAbstractItemModelTester: it checks now and again at every change the model
    # signals, and a broken promise fails the test as a Qt warning. (pytest-qt's Python copy
    # reads a check box's state from PySide6 as 0, not Qt.CheckState.Unchecked, and fails.)
    tester.check(model)


def test_every_item_model_in_the_gui_is_checked_below() -> None:
    assert models_in_gui_code() == set(CHECKED)


def test_the_main_window_models_keep_the_contract_on_the_sample_and_through_changes(
    session: Session, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    window = session.start()
    window.open_sample()
    window.show_walkthrough()
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)  # a hidden page fills when shown

    def models() -> dict[str, QAbstractItemModel]:
        return {
            "kvet.gui.main.clinicmodel.ClinicTableModel": window.clinic_model,
            "kvet.gui.pages.answermatrix.ComparisonMatrixModel": window.compare.matrix_model,
            "kvet.gui.pages.compare.decisive_model": window.compare.decisive_model,
            "kvet.gui.pages.itemweights.ItemWeightsModel": window.weights_panel.item_model,
            "kvet.gui.pages.walkthrough.sections_model": window.walkthrough.sections_model,
        }

    for name, model in models().items():
        check(qtmodeltester, model, name)
    # The contract holds through changes too: an answer re-ranks, a clinic comes and goes.
    clinic_id = window.state.clinic_id or window.clinic_model.place(0).result.clinic_id
    window.state.select_clinic(clinic_id)
    item = window.walkthrough.current_item()
    assert item is not None
    window.store.answers.set(clinic_id, item.id, Choice.NOT_SURE, rater_id=window.state.rater_id)
    clinics = window.clinic_model.rowCount()
    window.remove_clinic()
    assert window.clinic_model.rowCount() == clinics - 1
    window.undo()
    assert window.clinic_model.rowCount() == clinics
    for name, model in models().items():
        check(qtmodeltester, model, name)


def test_the_differences_between_two_people_keep_the_contract_as_they_come_and_go(
    session: Session, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Alpha Clinic")
    add_clinic(qtbot, window, "Beta Clinic")
    alpha, beta = (c.id for c in window.state.clinics)
    me, mum = window.state.rater_id, add_mum(window)
    store = window.store
    window.ui.tabs.setCurrentWidget(window.ui.togetherTab)  # a hidden page fills when shown
    for clinic_id in (alpha, beta):
        store.answers.set(clinic_id, "rf_cure_promise", Choice.SEEN, rater_id=me)
        store.answers.set(clinic_id, "rf_cure_promise", Choice.NOT_SEEN, rater_id=mum)
    model = window.together.model
    assert model.rowCount() == 2
    check(qtmodeltester, model, "kvet.gui.pages.together.model")
    store.answers.set(beta, "rf_cure_promise", Choice.SEEN, rater_id=mum)  # now they agree
    assert model.rowCount() == 1
    check(qtmodeltester, model, "kvet.gui.pages.together.model")


def test_the_treatment_sessions_keep_the_contract_when_one_is_added(
    session: Session, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    _window, tracker = treatment(session, qtbot)  # the sample course, with its sessions
    model = tracker.sessions.sessions_model
    before = model.rowCount()
    check(qtmodeltester, model, "kvet.gui.treatment.sessionlog.SessionsModel")
    form = tracker.sessions.session_form
    qtbot.keyClicks(form.dose, "They kept it the same")
    qtbot.keyClick(form.dose, Qt.Key.Key_Return)
    assert model.rowCount() == before + 1
    check(qtmodeltester, model, "kvet.gui.treatment.sessionlog.SessionsModel")


def test_the_differences_an_import_would_bring_keep_the_contract_when_one_is_ticked(
    session: Session, qtbot: QtBot, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    clinic_id = window.state.clinics[0].id
    store = window.store
    store.answers.set(clinic_id, "rf_cure_promise", Choice.NOT_SEEN)
    store.answers.set(clinic_id, "rf_remote_iv", Choice.SEEN)
    shared = tmp_path / "before.kvet"
    window.sharing.export_file(shared, ask=False)
    store.answers.set(clinic_id, "rf_cure_promise", Choice.SEEN)
    store.answers.set(clinic_id, "rf_remote_iv", Choice.NOT_SEEN)
    dialog = window.sharing.import_file(shared)
    assert dialog is not None
    me = store.people.default().id
    choose_person(dialog, me, me)
    model = dialog.conflicts_model
    assert model.rowCount() == 2
    check(qtmodeltester, model, "kvet.gui.sharing.importdialog.conflicts_model")
    model.item(0).setCheckState(Qt.CheckState.Checked)  # take the file's answer for this one
    check(qtmodeltester, model, "kvet.gui.sharing.importdialog.conflicts_model")
    dialog.reject()
