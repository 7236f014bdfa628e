"""Issue 26: the work of one answer depends on what changed (one clinic), not on how many clinics
are compared. Counted, not timed: how many clinics are scored again, how often a view is rebuilt
from nothing, and how often the whole comparison is read again."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kvet.answers import Choice
from kvet.scoring import ClinicAnswers, ClinicResult, Scorer
from kvet.store.api import Store
from tests.gui.helpers import Session


@pytest.mark.parametrize("clinics", [3, 60])
def test_one_answer_rescores_only_its_clinic_whatever_the_number_of_clinics(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clinics: int
) -> None:
    window = session.start()
    store: Store = window.store
    comparison = window.state.comparison_id
    for n in range(clinics):
        store.clinics.add(comparison, f"Clinic {n:02d}")
    mum = store.people.add("Mum").id  # so "Together" has answers that differ to list
    item = next(i.id for i in store.checklist.items if i.kind.value == "practice")
    for clinic in window.state.clinics:
        store.answers.set(clinic.id, item, Choice.NO, rater_id=mum)
    pages = (window.compare, window.together)  # every page built, as after the first paint
    assert all(pages)
    chosen = window.state.clinics[clinics // 2].id
    window.state.select_clinic(chosen)
    window.show_walkthrough()
    page = window.walkthrough
    qtbot.waitUntil(lambda: page.current_item() is not None)
    asked = page.current_item()
    assert asked is not None

    scored: list[str] = []
    score = Scorer.score

    def counted(self: Scorer, clinic: ClinicAnswers) -> ClinicResult:
        if clinic.id:  # the walkthrough's own progress count scores an unnamed clinic
            scored.append(clinic.id)
        return score(self, clinic)

    monkeypatch.setattr(Scorer, "score", counted)
    whole_reads: list[str] = []
    read_all = store.scores.clinic_answers

    def read_counted(*args: Any, **kwargs: Any) -> list[ClinicAnswers]:
        whole_reads.append("read")
        return read_all(*args, **kwargs)

    monkeypatch.setattr(store.scores, "clinic_answers", read_counted)
    resets: list[str] = []
    for name, model in (
        ("clinic list", window.clinic_model),
        ("answers side by side", window.compare.matrix_model),
        ("answers that differ", window.together.model),
    ):
        model.modelReset.connect(lambda name=name: resets.append(name))

    commits: list[str] = []
    transaction = store.db.transaction

    def counted_transaction(*args: Any, **kwargs: Any) -> Any:
        commits.append("transaction")
        return transaction(*args, **kwargs)

    monkeypatch.setattr(store.db, "transaction", counted_transaction)

    qtbot.keyClick(page.form, Qt.Key.Key_1)  # the first answer to the question shown

    # one write (the answer, and where the walk resumes) and a few reads of that clinic alone
    reads_per_answer = len(commits)
    moved_to = page.current_item()
    assert moved_to is not None
    assert moved_to.id != asked.id
    assert store.answers.position(chosen) == moved_to.id

    assert scored == [chosen]
    assert resets == []
    assert whole_reads == []
    # and every view shows it: the clinic's row counts the answer, the matrix has it
    row = window.clinic_model.row_of(chosen)
    answered = window.clinic_model.place(row).result.answered
    assert window.clinic_model.index(row, 3).data().startswith(f"{answered} of")
    assert answered == (2 if asked.id != item else 1)
    column = [c.id for c in window.state.clinics].index(chosen)
    matrix = window.compare.matrix_model
    vertical = Qt.Orientation.Vertical
    at = next(
        r for r in range(matrix.rowCount()) if matrix.headerData(r, vertical) == asked.statement
    )
    assert matrix.index(at, column).data()
    assert reads_per_answer <= 8  # was 17 (issue 26), and never more with more clinics
