"""Issue 26: opening a comparison of many clinics costs the same number of reads as one of a few.
The list says why each ruled-out clinic is not recommended (who saw which red flag), the side by
side page shows everyone's notes and "Together" what was settled: each of those was read one
clinic at a time, so 200 clinics meant hundreds of reads before the list and pages were filled.
Counted (reads of the database), not timed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist, Kind
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.connection import Database
from tests.gui.helpers import Session


def make_comparison(checklist: Checklist, path: Path, clinics: int) -> None:
    """``clinics`` clinics, each ruled out by a red flag two people saw, one answer settled."""
    flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG and i.dealbreaker)
    practice = next(i for i in checklist.items if i.kind is Kind.PRACTICE)
    with Store.open(checklist, path, daily_backup=False) as store:
        comparison = store.comparisons.create("Spring").id
        me = store.people.default().id
        mum = store.people.add("Mum").id
        for n in range(clinics):
            clinic = store.clinics.add(comparison, f"Clinic {n:03d}").id
            for person in (me, mum):
                store.answers.set(clinic, flag.id, Choice.SEEN, rater_id=person)
            store.answers.set(clinic, practice.id, Choice.YES, rater_id=me)
            store.answers.set(clinic, practice.id, Choice.NO, rater_id=mum)
            store.decisions.settle(clinic, practice.id, Choice.YES, me)
        store.settings.set_preference("last_comparison", comparison)


@contextmanager
def reads_counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every unit of work (an ORM session's or plain statements') while inside."""
    counted: list[str] = []
    transaction, statements = Database.transaction, Database.statements

    def counting(self: Database, *args: Any, **kwargs: Any) -> Any:
        counted.append("read")
        return transaction(self, *args, **kwargs)

    def counting_statements(self: Database, *args: Any, **kwargs: Any) -> Any:
        counted.append("read")
        return statements(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Database, "transaction", counting)
        patch.setattr(Database, "statements", counting_statements)
        yield counted


def reads_to_show(
    qtbot: QtBot, checklist: Checklist, path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, list[str]]:
    """The reads from opening the data to every page filled, and why each clinic is out."""
    session = Session(qtbot, checklist, path)
    with reads_counted(monkeypatch) as counted:
        window = session.start()
        assert all((window.walkthrough, window.compare, window.weights_panel, window.together))
        model = window.clinic_model
        why = [
            model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or ""
            for row in range(model.rowCount())
            for column in range(model.columnCount())
        ]
        reads = len(counted)
    session.stop()
    return reads, why


def test_many_clinics_open_with_as_many_reads_as_a_few(
    qtbot: QtBot, checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: dict[int, int] = {}
    for clinics in (3, 40):
        path = tmp_path / f"{clinics}.sqlite"
        make_comparison(checklist, path, clinics)
        reads[clinics], why = reads_to_show(qtbot, checklist, path, monkeypatch)
        flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG and i.dealbreaker)
        # each clinic's row still says why it is out, and who saw it
        said = [text for text in why if flag.statement in text]
        assert len(said) >= clinics, why[:4]
        assert all("Mum" in text for text in said)
    assert reads[40] == reads[3], reads  # was 3 + 3 reads per clinic
