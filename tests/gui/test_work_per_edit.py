"""Issue 26: what one answer or one slider move costs, counted, not timed.

A person answering a question expects the next one at once, and a slider should follow the
hand, with 3 clinics or 200. So the work of one edit is counted: database transactions, clinics
scored again, and lists rebuilt from nothing (a list that is reset forgets where a screen reader
was, and measures every row again).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from kvet.gui.main.clinicmodel import shown
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.words.answerwords import answer_label
from kvet.gui.words.verdictwords import say
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers
from kvet.rating.scorebasis import OPTIONS_OF
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Scorer
from kvet.store.connection import Database
from tests.gui.helpers import Session
from tests.test_scoring_reuse import LookedUp


@contextmanager
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[str]]]:
    """Every database transaction (an ORM session's or plain statements'), every clinic scored
    and every list reset while inside."""
    seen: dict[str, list[str]] = {"transactions": [], "scored": [], "resets": []}
    transaction, statements, score = Database.transaction, Database.statements, Scorer.score

    def counting_transaction(self: Database, *args: Any, **kwargs: Any) -> Any:
        seen["transactions"].append("transaction")
        return transaction(self, *args, **kwargs)

    def counting_statements(self: Database, *args: Any, **kwargs: Any) -> Any:
        seen["transactions"].append("statements")
        return statements(self, *args, **kwargs)

    def counting_score(self: Scorer, clinic: ClinicAnswers) -> ClinicResult:
        if clinic.id:  # the walkthrough's own progress count scores an unnamed clinic
            seen["scored"].append(clinic.id)
        return score(self, clinic)

    with monkeypatch.context() as patch:
        patch.setattr(Database, "transaction", counting_transaction)
        patch.setattr(Database, "statements", counting_statements)
        patch.setattr(Scorer, "score", counting_score)
        yield seen


@contextmanager
def resets_watched(window: MainWindow, resets: list[str]) -> Iterator[None]:
    """Every list and table of the window says when it is rebuilt from nothing, while inside."""
    connections = []
    for model in window.findChildren(QAbstractItemModel):
        name = type(model).__name__
        connections.append(model.modelReset.connect(lambda name=name: resets.append(name)))
    try:
        yield
    finally:
        for connection in connections:
            QObject.disconnect(connection)


def comparison_of(window: MainWindow, name: str, clinics: int) -> str:
    """``clinics`` clinics, two of them ruled out; the odd ones good where the even ones are
    poor (the first section of questions for every clinic against another), so a weight moves
    them past each other."""
    store = window.store
    comparison = store.comparisons.create(name).id
    flag = next(i for i in store.checklist.items if i.kind.value == "red_flag" and i.dealbreaker)
    practice = [i for i in store.checklist.items if i.kind.value == "practice" and not i.formats]
    first = [i for i in practice if i.section == practice[0].section][:3]
    other = [i for i in practice if i.section != practice[0].section][:3]
    for n in range(clinics):
        # every fourth name long enough to wrap: rows of several heights, kept as they move
        long = " of the long and winding name" * 4 if n % 4 == 0 else ""
        clinic = store.clinics.add(comparison, f"{name} clinic {n:02d}{long}").id
        good, poor = (first, other) if n % 2 else (other, first)
        for item in good[: n % 3 + 1]:
            store.answers.set(clinic, item.id, Choice.YES)
        for item in poor[: n % 3 + 1]:
            store.answers.set(clinic, item.id, Choice.NO)
        if n < 2:
            store.answers.set(clinic, flag.id, Choice.SEEN)
    return comparison


def one_answer(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, comparison: str
) -> tuple[dict[str, list[str]], str]:
    """The work of answering the question shown in the walkthrough of a middle clinic."""
    window.controller.fill_comparisons(comparison)
    window.state.switch_comparison(comparison)
    chosen = window.state.clinics[len(window.state.clinics) // 2].id
    window.state.select_clinic(chosen)
    window.show_walkthrough()
    page = window.walkthrough
    qtbot.waitUntil(lambda: page.current_item() is not None)
    asked = page.current_item()
    qtbot.wait(20)
    statements: list[str] = []
    engine = window.store.db.engine

    def statement(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        statements.append(sql)

    event.listen(engine, "before_cursor_execute", statement)
    try:
        with counted(monkeypatch) as seen, resets_watched(window, seen["resets"]):
            qtbot.keyClick(page.form, Qt.Key.Key_1)  # the first answer to the question shown
            qtbot.wait(20)  # the views' own deferred work (laying out, painting) is done too
    finally:
        event.remove(engine, "before_cursor_execute", statement)
    seen["statements"] = statements
    assert page.current_item() != asked  # answered: the walk moved on
    return seen, chosen


def test_an_answer_costs_the_same_with_3_clinics_as_with_50(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One answer is one write and a few reads of that clinic alone, whatever the number of
    clinics compared: only the answered clinic is scored again, and no list is rebuilt."""
    window = session.start()
    few = comparison_of(window, "Few", 3)
    many = comparison_of(window, "Many", 50)

    with_few, chosen_few = one_answer(window, qtbot, monkeypatch, few)
    with_many, chosen_many = one_answer(window, qtbot, monkeypatch, many)

    assert with_few["scored"] == [chosen_few]
    assert with_many["scored"] == [chosen_many]
    assert with_few["resets"] == with_many["resets"] == []
    assert len(with_many["transactions"]) == len(with_few["transactions"])
    # the answer's write, then that clinic read once, where people's answers differ on it
    # included (was 8: each view read its part of the clinic in a transaction of its own; then
    # 4: the clinic, its differences and the country each read apart)
    assert len(with_many["transactions"]) == 2
    # in plain statements: the write finds the clinic, the person and the answer in one SELECT
    # and writes the answer and where the walk resumes; the read is three SELECTs (the clinic,
    # everyone's answers on it, its decisions). The ORM took 18 for the same.
    assert len(with_many["statements"]) == len(with_few["statements"])
    assert len(with_many["statements"]) <= 8, with_many["statements"]


def test_a_slider_move_reads_the_settings_once_and_rebuilds_no_list(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving a weight slider saves the weights (one write) and reads the settings back once
    for the scores (the weights and how answers combine together); the lists follow it row by
    row, and the words beside the slider and the clinics' order follow at once."""
    window = session.start()
    comparison = comparison_of(window, "Spring", 12)
    window.controller.fill_comparisons(comparison)
    window.state.switch_comparison(comparison)
    panel = window.weights_panel
    items = window.store.checklist.items
    sections = [i.section for i in items if i.kind.value == "practice" and not i.formats]
    answered = next(s for s in sections if s != sections[0])  # where the even ones are good
    slider = panel.sliders[answered]
    qtbot.wait(20)
    model = window.clinic_model
    before = [model.place(r).result.clinic_id for r in range(model.rowCount())]

    with counted(monkeypatch) as seen, resets_watched(window, seen["resets"]):
        slider.setValue(slider.minimum())  # it matters "Not at all"
        qtbot.wait(20)

    assert len(seen["transactions"]) <= 2  # was 6: four reads of the settings, and the write
    assert seen["resets"] == []
    assert (
        window.state.weights == panel.current_weights() == window.store.settings.weights(comparison)
    )
    assert panel.slider_words[answered].text() == "Not at all"
    after = [model.place(r).result.clinic_id for r in range(model.rowCount())]
    assert after != before  # re-ranked: the rows moved, each as tall as its own words
    view = window.ui.clinicsView
    assert [r for r in range(model.rowCount()) if view.rowHeight(r) != view.sizeHintForRow(r)] == []
    fresh, _ranking = window.store.scores.results(comparison, combined=True)  # scored anew
    assert {r.clinic_id: r.score for r in fresh} == {
        clinic_id: result.score for clinic_id, result in window.state.results.items()
    }


def test_the_together_page_is_filled_when_opened_not_on_every_answer(
    session: Session, qtbot: QtBot
) -> None:
    """While the walkthrough shows, the Together tab (where two people's answers differ) is
    hidden: an answer does no work there. Opened afterwards, it shows the difference that
    answer made, at once."""
    window = session.start()
    comparison = comparison_of(window, "Spring", 12)
    window.controller.fill_comparisons(comparison)
    window.state.switch_comparison(comparison)
    me = window.state.rater_id
    window.add_person("Mum")  # Mum answers in the walkthrough from now on
    chosen = window.state.clinics[5]
    window.state.select_clinic(chosen.id)
    window.show_walkthrough()
    page = window.walkthrough
    qtbot.waitUntil(lambda: page.current_item() is not None)
    asked = page.current_item()
    assert asked is not None
    assert asked.kind in OPTIONS
    window.store.answers.set(chosen.id, asked.id, OPTIONS[asked.kind][1].choice, rater_id=me)
    together = window.together
    filled: list[int] = []
    together.model.rowsInserted.connect(lambda *_args: filled.append(1))
    qtbot.wait(20)

    qtbot.keyClick(page.form, Qt.Key.Key_1)  # Mum's answer: the first choice, not mine
    qtbot.wait(20)
    assert filled == []  # nothing was done on the hidden page

    window.ui.tabs.setCurrentWidget(window.ui.togetherTab)
    differ = window.store.decisions.disagreements(comparison)
    assert [d.clinic_name for d in differ] == [chosen.name]
    shown = [together.model.item(r).text() for r in range(together.model.rowCount())]
    assert shown == [f"{chosen.name} — {differ[0].sentence(say)}"]
    assert together.count.text() == "1 answer differs between you"
    assert "Mum" in together.detail_text.text()


def test_the_compare_page_is_filled_when_opened_not_on_every_answer(
    session: Session, qtbot: QtBot
) -> None:
    """The Compare tab (every answer side by side), looked at once, is hidden while the
    walkthrough shows: answers on two clinics change nothing there. Opened afterwards, both
    clinics' columns show the new answers, redone column by column, the table never rebuilt
    from nothing."""
    window = session.start()
    comparison = comparison_of(window, "Spring", 12)
    window.controller.fill_comparisons(comparison)
    window.state.switch_comparison(comparison)
    page = window.walkthrough
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)  # seen once, then left
    matrix = window.compare.matrix_model
    changes: list[str] = []
    matrix.dataChanged.connect(lambda *_args: changes.append("cells"))
    matrix.modelReset.connect(lambda: changes.append("reset"))
    answered: dict[str, str] = {}
    for clinic in (window.state.clinics[5], window.state.clinics[8]):
        window.state.select_clinic(clinic.id)
        window.show_walkthrough()
        qtbot.waitUntil(lambda: page.current_item() is not None)
        asked = page.current_item()
        assert asked is not None
        assert asked.kind in OPTIONS
        qtbot.keyClick(page.form, Qt.Key.Key_1)  # the first answer to the question shown
        qtbot.wait(20)
        answered[clinic.id] = asked.statement
    assert changes == []  # nothing was done on the hidden page

    window.ui.tabs.setCurrentWidget(window.ui.compareTab)
    assert "reset" not in changes
    assert changes  # the answered clinics' columns were redone
    rows = {matrix.headerData(r, Qt.Orientation.Vertical): r for r in range(matrix.rowCount())}
    columns = [c.id for c in window.state.clinics]
    for clinic_id, statement in answered.items():
        item = next(i for i in window.state.checklist.items if i.statement == statement)
        said = window.state.answers(clinic_id, window.state.rater_id)[item.id].choice
        assert said is not None
        cell = matrix.index(rows[statement], columns.index(clinic_id)).data()
        assert answer_label(item.kind, said) in cell


def test_a_slider_move_sorts_out_the_questions_of_few_clinics_and_tells_only_changed_rows(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slider move weighs every clinic again, but the window works out the questions still
    to ask only of the clinic shown and of the few clinics whose questions could be decisive;
    the chart keeps its size (the same number of rows), so the window is not laid out again;
    and the list is told of the rows whose words or bars changed."""
    window = session.start()
    comparison = comparison_of(window, "Spring", 40)
    window.controller.fill_comparisons(comparison)
    window.state.switch_comparison(comparison)
    chart = window.compare.chart  # the page built, as after the first paint
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)  # the chart shows (hidden, it waits)
    qtbot.waitUntil(chart.isVisible)
    qtbot.wait(20)
    model = window.clinic_model
    looked = LookedUp(OPTIONS_OF)
    monkeypatch.setattr("kvet.rating.scoring.OPTIONS_OF", looked)
    laid_out: list[str] = []
    monkeypatch.setattr(chart, "updateGeometry", lambda: laid_out.append("chart"))
    told: list[int] = []
    model.dataChanged.connect(lambda first, last: told.extend(range(first.row(), last.row() + 1)))
    before = [shown(model.place(r)) for r in range(model.rowCount())]
    slider = window.weights_panel.sliders["logistics_cost"]
    LookedUp.looked = 0

    slider.setValue(slider.maximum() if slider.value() != slider.maximum() else 0)
    qtbot.wait(20)
    sorted_out = LookedUp.looked

    still_open = sum(len(r.still_to_ask) for r in window.state.results.values())
    assert sorted_out <= still_open / 3  # was every clinic's (40), at every move
    assert laid_out == []
    after = [shown(model.place(r)) for r in range(model.rowCount())]
    changed = [r for r in range(model.rowCount()) if after[r] != before[r]]
    assert changed
    assert sorted(set(told)) == list(range(changed[0], changed[-1] + 1))
    assert chart.ranking() is window.state.ranking
