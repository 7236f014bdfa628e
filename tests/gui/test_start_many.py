"""Issue 26: opening a comparison of 40 clinics does the same work as one of 3, apart from
reading and scoring each clinic once and measuring its row.

The list chose its best-ranked clinic, then the comparison chose its first one: the overview was
filled twice, and what it shows of a clinic (who saw its red flags, where people differ, answers
to retired questions) was read for both. Every ruled-out row's status ("Not recommended — red
flag seen: …") read who saw each red flag in every clinic, which only its tooltip says. Counted
(statements, clinics read), not timed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

from kvet.content.checklist import Checklist, Kind
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from kvet.store.answering import AnswerStore
from kvet.store.api import Store
from kvet.store.deciding import DecisionStore
from tests.gui.helpers import Session


def make_comparison(checklist: Checklist, path: Path, clinics: int) -> list[str]:
    """``clinics`` clinics answered by two people. Every third one is ruled out by a red flag
    both saw; the later a clinic was added, the more good answers it has, so the first clinic
    listed is not the best-ranked one. Its clinic ids, in the order they were added."""
    flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG and i.dealbreaker)
    practice = [i for i in checklist.items if i.kind is Kind.PRACTICE and not i.formats]
    made = []
    with Store.open(checklist, path, daily_backup=False) as store:
        comparison = store.comparisons.create("Spring").id
        me = store.people.default().id
        mum = store.people.add("Mum").id
        for n in range(clinics):
            clinic = store.clinics.add(comparison, f"Clinic {n:03d}").id
            made.append(clinic)
            if n % 3 == 1:
                for person in (me, mum):
                    store.answers.set(clinic, flag.id, Choice.SEEN, rater_id=person)
            for item in practice[: 1 + n % 6]:
                store.answers.set(clinic, item.id, Choice.YES, rater_id=me)
                store.answers.set(clinic, item.id, Choice.YES, rater_id=mum)
        store.settings.set_preference("last_comparison", comparison)
    return made


@contextmanager
def work_counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[Any]]]:
    """Every SQL statement run, and the clinics whose details or sightings were read."""
    seen: dict[str, list[Any]] = {"statements": [], "details of": [], "sightings of": []}
    by_item, disagreements, sightings = (
        AnswerStore.by_item,
        DecisionStore.disagreements,
        DecisionStore.seen,
    )

    def statement(*args: Any) -> None:
        seen["statements"].append(args[2])

    def counted_by_item(self: AnswerStore, clinic_id: str, *args: Any) -> Any:
        seen["details of"].append(clinic_id)
        return by_item(self, clinic_id, *args)

    def counted_disagreements(self: DecisionStore, cid: str, clinic_id: str | None = None) -> Any:
        seen["details of"].append(clinic_id)
        return disagreements(self, cid, clinic_id)

    def counted_seen(self: DecisionStore, cid: str, clinic_id: str | None = None) -> Any:
        seen["sightings of"].append(clinic_id)  # None: every clinic of the comparison
        return sightings(self, cid, clinic_id)

    event.listen(Engine, "before_cursor_execute", statement)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(AnswerStore, "by_item", counted_by_item)
            patch.setattr(DecisionStore, "disagreements", counted_disagreements)
            patch.setattr(DecisionStore, "seen", counted_seen)
            yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", statement)


def opened(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, clinics: int, patch: pytest.MonkeyPatch
) -> tuple[dict[str, list[Any]], list[str], list[str], str]:
    """The work of opening the window on ``clinics`` clinics; the clinics made, the list's
    statuses and the clinic chosen."""
    path = tmp_path / f"{clinics}.sqlite"
    made = make_comparison(checklist, path, clinics)
    session = Session(qtbot, checklist, path)
    with work_counted(patch) as seen:
        window = session.start()
        chosen = window.state.clinic_id
    model = window.clinic_model
    statuses = [str(model.index(row, 5).data()) for row in range(model.rowCount())]
    session.stop()
    return seen, made, statuses, chosen


def test_many_clinics_open_with_as_many_statements_as_a_few(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    statements = {}
    for clinics in (3, 40):
        seen, made, _statuses, chosen = opened(qtbot, checklist, tmp_path, clinics, monkeypatch)
        statements[clinics] = len(seen["statements"])
        assert chosen == made[0]  # the comparison opens on its first clinic, as before
        # what the overview shows was read for that clinic alone, not first for the best-ranked
        assert set(seen["details of"]) == {made[0]}, seen["details of"]
    assert statements[40] == statements[3], statements


def test_opening_a_comparison_lists_its_clinics_once(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window listed the comparison's clinics, then read them again with their answers."""
    seen, _made, _statuses, _chosen = opened(qtbot, checklist, tmp_path, 40, monkeypatch)
    listings = [
        s
        for s in seen["statements"]
        if "FROM clinic" in s and "ORDER BY clinic.position" in s and "clinic.id IN" not in s
    ]
    assert len(listings) == 1, listings


def test_the_list_says_which_red_flag_rules_a_clinic_out_without_reading_who_saw_it(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen, made, statuses, _chosen = opened(qtbot, checklist, tmp_path, 40, monkeypatch)
    flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG and i.dealbreaker)
    ruled_out = [s for s in statuses if s.startswith("Not recommended")]
    assert len(ruled_out) == len(made[1::3])  # every third clinic, each saying which flag
    assert all(f"red flag seen: “{flag.statement}”" in s for s in ruled_out), ruled_out[:2]
    # nobody's sightings were read for the list: at most the overview's one clinic
    assert None not in seen["sightings of"], seen["sightings of"]
    assert len(seen["sightings of"]) <= 1, seen["sightings of"]


def measured_words(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the list's fitting measures, in one fit."""
    measured: list[str] = []
    advance = QFontMetrics.horizontalAdvance

    def counted(metrics: QFontMetrics, text: str, *args: Any) -> int:
        measured.append(text)
        return advance(metrics, text, *args)

    with monkeypatch.context() as patch:
        patch.setattr(QFontMetrics, "horizontalAdvance", counted)
        window.column_fitter.fit()
    return measured


def test_fitting_the_list_to_its_width_measures_each_different_word_once(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list folds columns to fit its width whenever it fills or is resized. Every row's
    status was measured word by word, twice per fit: at 200 clinics, thousands of measurements
    of the same few words on each resize."""
    again: dict[int, int] = {}
    for clinics in (3, 40):
        path = tmp_path / f"{clinics}.sqlite"
        make_comparison(checklist, path, clinics)
        session = Session(qtbot, checklist, path)
        window = session.start()
        measured = measured_words(window, monkeypatch)
        again[clinics] = len(measured) - len(set(measured))
        view = window.ui.clinicsView
        # and the statuses still have room for their longest word
        assert view.columnWidth(5) >= max(
            view.fontMetrics().horizontalAdvance(w) for w in ("Not", "recommended")
        )
        session.stop()
    assert again[40] == again[3], again  # the same words measured again: none more with more rows


def test_a_long_list_measures_the_rows_in_view_as_it_opens_then_each_row_once(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As kvet starts: the window shows, then the data opens into it. Every row of the list is
    measured for its words (names and reasons wrap); 80 rows were measured before the list
    showed, then all again once Qt gave the list its scroll bar, which narrows the names."""
    path = tmp_path / "80.sqlite"
    make_comparison(checklist, path, 80)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    view = window.ui.clinicsView
    measured: list[int] = []
    measure = QTableView.resizeRowToContents

    def counted(table: QTableView, row: int) -> None:
        if table is view:
            measured.append(row)
        measure(table, row)

    store = Store.open(checklist, path)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(QTableView, "resizeRowToContents", counted)
            window.attach(store)
            at_open = len(measured)
            qtbot.wait(50)
        model = window.clinic_model
        rows = model.rowCount()
        assert rows == 80
        # as the list opens, the rows that can be on screen: at its top, and around the clinic
        # chosen (scrolled into view); then every row once, at its final width
        # as the list opens, the rows that can be on screen: at its top, and those shown with
        # the clinic chosen; then every row once, at its final width
        fit = view.viewport().height() // 16 + 1  # no row of words is less than 16 px tall
        assert at_open <= 2 * fit < rows, (at_open, fit)
        assert sorted(measured) == list(range(rows))
        assert [r for r in range(rows) if view.rowHeight(r) != view.sizeHintForRow(r)] == []
        chosen = model.row_of(window.state.clinic_id)
        assert view.selectionModel().selectedRows()[0].row() == chosen
    finally:
        window.close()
        store.close()
